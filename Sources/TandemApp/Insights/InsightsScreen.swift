import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The insights screen (`3`): the period, the team and the selected figure.
public struct InsightsState: Equatable, Sendable {
    public var period: InsightPeriod = .thisQuarter
    /// `nil`: every team.
    public var team: String?
    /// Index into the document's figures.
    public var selected = 0
    public var scroll = 0
    public init() {}
}

/// A figure opened to its records: a list, Enter opens one.
public struct RecordsState: Equatable, Sendable {
    public var title: String
    public var refs: [RecordRef]
    public var scroll = ScrollState()
    public init(title: String, refs: [RecordRef]) {
        self.title = title; self.refs = refs
        scroll.clamp(count: refs.count)
    }
}

/// The agenda and timeline (`4`): which week, and the timeline's first row.
public struct AgendaState: Equatable, Sendable {
    public var weekOffset = 0
    public var scroll = 0
    public init() {}
}

extension RecordRef {
    init(_ ref: InsightRef) {
        let kind: RecordKind = switch ref.kind {
        case .person: .person
        case .coaching: .coaching
        case .mentoring: .mentoring
        case .assessment: .assessment
        }
        self.init(kind: kind, id: ref.id)
    }

    var insightRef: InsightRef {
        let kind: InsightRef.Kind = switch self.kind {
        case .person: .person
        case .coaching: .coaching
        case .mentoring: .mentoring
        case .assessment: .assessment
        }
        return InsightRef(kind, id)
    }
}

/// The insights screen as lines in theme roles, with the line of each figure: what `update`
/// moves the selection and scroll by and what the view draws. Two columns from 100 wide.
public struct InsightsDocument: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        public var lines: [DocLine] = []
        /// The line of each figure of this column, in order.
        public var figureLines: [Int] = []
    }

    public var insights: Insights
    public var columns: [Column]
    /// Every selectable figure, left column first, with its column.
    public var figures: [(figure: Figure, column: Int, line: Int)]

    public static func == (a: InsightsDocument, b: InsightsDocument) -> Bool {
        a.insights == b.insights && a.columns == b.columns
    }

    /// The teams the filter cycles through (nil = all).
    static func teams(_ s: AppState) -> [String?] { [nil] + PersonRules.teams(in: s.data.people).map { Optional($0) } }

    static func of(_ s: AppState, _ st: InsightsState, width: Int) -> InsightsDocument {
        let key = InsightsCache.Key(dataVersion: s.dataVersion, today: s.today, period: st.period, team: st.team, width: width)
        return s.insightsCache.document(key) {
            let data = s.insightsData
            let insights = Insights(data, range: st.period.range(today: s.today), today: s.today, team: st.team)
            return build(insights, data, width: width)
        }
    }

    static func build(_ i: Insights, _ data: Snapshot, width: Int) -> InsightsDocument {
        let two = width >= 100
        let colWidth = two ? (width - 3) / 2 : width
        var cols = two ? [Column(), Column()] : [Column()]
        let names = PeopleIndex(data.people)
        func add(_ c: Int, _ line: DocLine) { cols[c].lines.append(line) }
        func heading(_ c: Int, _ t: String) {
            if !cols[c].lines.isEmpty { add(c, []) }
            add(c, [DocSpan(t, .title, bold: true)])
        }
        func figure(_ c: Int, _ f: Figure, role: Role = .text) {
            cols[c].figureLines.append(cols[c].lines.count)
            let value = f.text
            let room = max(4, colWidth - Text.width(value) - 3)
            add(c, [DocSpan("  " + Text.pad(f.label, to: room - 1), .muted), DocSpan(" " + value, f.refs.isEmpty ? .muted : role, bold: !f.refs.isEmpty)])
        }
        func chart(_ c: Int, _ rows: [Line]) {
            for r in rows { add(c, [DocSpan("  ")] + r.map { DocSpan($0.text, role(of: $0.style)) }) }
        }
        let right = two ? 1 : 0
        heading(0, "Coverage · \(i.range.text)\(i.team.map { " · \($0)" } ?? "")")
        for f in i.coverage.figures { figure(0, f, role: f.id == "coverage.unacted" && (f.value ?? 0) > 0 ? .warn : .text) }
        heading(0, "Coaching")
        for f in i.coaching.figures {
            let role: Role = switch f.id {
            case "coaching.onTrack": .ok
            case "coaching.atRisk", "coaching.deadlines": .warn
            case "coaching.offTrack", "coaching.momentum": .danger
            default: .coaching
            }
            figure(0, f, role: role)
        }
        add(0, [])
        let forecast = BarChart(bars: [i.coaching.onTrack, i.coaching.atRisk, i.coaching.offTrack, i.coaching.noData].enumerated().map { n, f in
            BarChart.Bar(["on track", "at risk", "off track", "no data"][n], f.value ?? 0, text: f.text,
                         style: Style(fg: .indexed(UInt8(n))))
        })
        chart(0, forecast.lines(width: max(10, colWidth - 2)))
        heading(right, "Mentoring")
        for f in i.mentoring.figures {
            figure(right, f, role: f.id == "mentoring.drifting" || f.id == "mentoring.fizzled" ? .danger : .mentoring)
        }
        heading(right, "Investment · hours per \(i.investment.granularity.rawValue)")
        let inv = i.investment
        let shown = Array(zip(inv.buckets, zip(inv.coachingHours, inv.mentoringHours)).suffix(6))
        let hourBars = shown.flatMap { b, h in
            [BarChart.Bar(b.label + " C", h.0, text: Insights.hours(h.0), style: Style(fg: .indexed(4))),
             BarChart.Bar(b.label + " M", h.1, text: Insights.hours(h.1), style: Style(fg: .indexed(5)))]
        }
        chart(right, BarChart(bars: hourBars).lines(width: max(10, colWidth - 2)))
        for f in inv.figures where !f.id.hasPrefix("investment.coach.") && !f.id.hasPrefix("investment.mentor.") {
            figure(right, f, role: f.id == "investment.over" && (f.value ?? 0) > 0 ? .danger : .text)
        }
        for f in inv.figures where f.id.hasPrefix("investment.coach.") || f.id.hasPrefix("investment.mentor.") {
            figure(right, f, role: f.id.hasPrefix("investment.coach.") ? .coaching : .mentoring)
        }
        heading(right, "Feedback · pulse per month (1–5)")
        let months = i.feedback.pulse.suffix(12)
        chart(right, LineChart(values: months.map(\.average), range: 1...5, style: Style(fg: .indexed(6)), empty: "no pulse recorded")
            .lines(width: max(10, min(colWidth - 2, 48)), height: 4))
        if let first = months.first, let last = months.last {
            add(right, [DocSpan("    \(first.label) … \(last.label)", .muted)])
        }
        for f in i.feedback.figures { figure(right, f, role: f.id == "feedback.overdue" && (f.value ?? 0) > 0 ? .danger : .text) }
        _ = names
        var figs: [(Figure, Int, Int)] = []
        let all = i.coverage.figures + i.coaching.figures
        let rest = i.mentoring.figures
            + inv.figures.filter { !$0.id.hasPrefix("investment.coach.") && !$0.id.hasPrefix("investment.mentor.") }
            + inv.figures.filter { $0.id.hasPrefix("investment.coach.") || $0.id.hasPrefix("investment.mentor.") }
            + i.feedback.figures
        for (n, f) in all.enumerated() { figs.append((f, 0, cols[0].figureLines[n])) }
        for (n, f) in rest.enumerated() { figs.append((f, right, cols[right].figureLines[two ? n : all.count + n])) }
        return InsightsDocument(insights: i, columns: cols, figures: figs)
    }

    /// Charts are built with placeholder colors 0…6; these are the roles they stand for.
    static func role(of style: Style) -> Role {
        guard case .indexed(let n) = style.fg else { return .muted }
        return [.ok, .warn, .danger, .muted, .coaching, .mentoring, .spark][Int(n) % 7]
    }

    /// The first line shown in a column of `height` rows so the selected figure is in sight.
    func offset(_ st: InsightsState, height: Int) -> Int {
        let longest = columns.map(\.lines.count).max() ?? 0
        var offset = min(st.scroll, max(0, longest - height))
        if let sel = figures[safe: st.selected] {
            if sel.line < offset { offset = sel.line }
            if sel.line >= offset + height { offset = sel.line - height + 1 }
        }
        return max(0, offset)
    }
}

/// Insights documents by everything they depend on, so moving the selection does not add the
/// whole store up again.
final class InsightsCache: @unchecked Sendable {
    struct Key: Hashable {
        var dataVersion: Int
        var today: Day
        var period: InsightPeriod
        var team: String?
        var width: Int
    }

    /// The documents last built, newest last: the one on screen and the one before (a period or
    /// a team switched back to). Over the whole of a long history a document holds thousands of
    /// refs, so no more are kept.
    private var entries: [(key: Key, document: InsightsDocument)] = []
    private let lock = NSLock()
    static let kept = 2

    func document(_ key: Key, make: () -> InsightsDocument) -> InsightsDocument {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries.first(where: { $0.key == key }) { return hit.document }
        // The oldest goes before the new one is built.
        if entries.count >= Self.kept { entries.removeFirst(entries.count - Self.kept + 1) }
        let d = make()
        entries.append((key, d))
        return d
    }
}

// MARK: - Updates

func updateInsights(_ s: inout AppState, _ st: inout InsightsState, _ action: Action) -> [Effect] {
    let layout = AppLayout(s)
    let doc = InsightsDocument.of(s, st, width: layout.insightsWidth)
    let count = doc.figures.count
    let page = layout.insightsPage
    switch action {
    case .down: st.selected = min(max(0, count - 1), st.selected + 1)
    case .up: st.selected = max(0, st.selected - 1)
    case .pageDown, .pageUp:
        let current = doc.offset(st, height: page)
        let longest = doc.columns.map(\.lines.count).max() ?? 0
        st.scroll = max(0, min(current + (action == .pageDown ? page : -page), longest - page))
        if let i = doc.figures.firstIndex(where: { $0.line >= st.scroll && $0.line < st.scroll + page }) { st.selected = i }
    case .top: st.selected = 0; st.scroll = 0
    case .bottom: st.selected = max(0, count - 1)
    case .nextPeriod:
        st.period = st.period.next
        s.status = Status("Insights for \(st.period.rawValue): \(st.period.range(today: s.today).text)")
    case .nextTeam:
        let teams = InsightsDocument.teams(s)
        let i = teams.firstIndex(of: st.team) ?? 0
        st.team = teams[(i + 1) % teams.count]
        s.status = Status(st.team.map { "Insights for the team \($0)" } ?? "Insights for every team")
    case .open:
        guard let f = doc.figures[safe: st.selected]?.figure else { break }
        guard !f.refs.isEmpty else {
            s.status = Status("No records behind “\(f.label)”")
            break
        }
        s.push(.records(RecordsState(title: "\(f.label): \(f.text)", refs: f.refs.map(RecordRef.init))))
    default: break
    }
    return []
}

func updateRecords(_ s: inout AppState, _ st: inout RecordsState, _ action: Action) -> [Effect] {
    let page = AppLayout(s).visibleRows(.records)
    let count = st.refs.count
    switch action {
    case .up: st.scroll.move(by: -1, count: count)
    case .down: st.scroll.move(by: 1, count: count)
    case .pageUp: st.scroll.pageUp(height: page, count: count)
    case .pageDown: st.scroll.pageDown(height: page, count: count)
    case .top: st.scroll.home(count: count)
    case .bottom: st.scroll.end(count: count)
    case .open:
        guard let i = st.scroll.selected, let ref = st.refs[safe: i] else { break }
        guard s.data.value(of: ref) != nil else {
            s.status = Status("That record is closed: its detail opens from the archive; tandem list --all shows it")
            break
        }
        s.push(.detail(DetailState(ref: ref)))
    case .back: s.pop()
    default: break
    }
    st.scroll.ensureVisible(height: page, count: count)
    return []
}

func updateAgenda(_ s: inout AppState, _ st: inout AgendaState, _ action: Action) -> [Effect] {
    let layout = AppLayout(s)
    let rows = s.data.engagements.filter { $0.status == .active }.count + s.data.relationships.filter { $0.status == .active }.count
    let page = layout.timelineRows
    switch action {
    case .nextWeek: st.weekOffset += 1
    case .prevWeek: st.weekOffset -= 1
    case .top: st.weekOffset = 0; st.scroll = 0
    case .down: st.scroll = min(max(0, rows - page), st.scroll + 1)
    case .up: st.scroll = max(0, st.scroll - 1)
    case .pageDown: st.scroll = min(max(0, rows - page), st.scroll + page)
    case .pageUp: st.scroll = max(0, st.scroll - page)
    default: break
    }
    return []
}

// MARK: - Closed records for the insights

/// The first time the insights open, ask for the closed records the dashboard did not load
/// (completed engagements count toward attainment, their sessions toward hours).
func loadClosedForInsights(_ s: inout AppState) -> [Effect] { loadClosedRecords(&s) }

extension AppState {
    /// The records the insights add up: everything loaded, the closed ones included once
    /// `loadClosedRecords` has read them (the archive and the insights share that read).
    var insightsData: Snapshot { data }
}
