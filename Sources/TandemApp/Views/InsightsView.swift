import TandemCore
import TandemStore
import TerminalUI

/// The insights screen (`3`): the figures in two columns (one below 100 columns), the charts,
/// the selected figure highlighted; Enter opens its records.
enum InsightsView {
    static func render(_ s: AppState, _ st: InsightsState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.body
        let doc = InsightsDocument.of(s, st, width: layout.insightsWidth)
        // Until the closed records come (`loadClosedRecords`), completions and hours count the
        // open records only: the title says so, as the archive's does.
        let reading = s.closedRecords == .reading ? " · reading closed records…" : ""
        let title = "Insights · \(st.period.rawValue) · \(st.team ?? "all teams")\(reading)"
        let b = Block(title: title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = layout.insightsText
        guard !inner.isEmpty else { return }
        let offset = doc.offset(st, height: inner.height)
        let selected = doc.figures[safe: st.selected]
        let colWidth = doc.columns.count == 2 ? (inner.width - 3) / 2 : inner.width
        for (c, column) in doc.columns.enumerated() {
            let x = inner.x + c * (colWidth + 3)
            for (row, index) in (offset..<max(offset, column.lines.count)).prefix(inner.height).enumerated() {
                var line = Text.truncate(column.lines[index].styled(theme), to: colWidth)
                let y = inner.y + row
                if selected?.column == c, selected?.line == index {
                    buf.fill(Rect(x: x, y: y, width: colWidth, height: 1), style: theme.style(.selection))
                    line = line.map { Span($0.text, style: Table.selectionStyle(theme.style(.selection), over: $0.style, colors: .keepWhereUnset)) }
                }
                buf.put(line: line, x: x, y: y, maxX: x + colWidth)
            }
        }
        var hintX = area.right - 2
        if let f = selected?.figure {
            let hint = f.refs.isEmpty ? " no records behind this " : " Enter: \(f.refs.count) record\(f.refs.count == 1 ? "" : "s") "
            hintX = max(area.x + 2, area.right - Text.width(hint) - 2)
            buf.put(hint, x: hintX, y: area.bottom - 1, style: theme.style(.muted), maxX: area.right - 1)
        }
        // What a column holds below the last row shown (j scrolls to it), as the agenda's week says it.
        let below = (doc.columns.map(\.lines.count).max() ?? 0) - offset - inner.height
        if below > 0 {
            let more = " +\(below) more line\(below == 1 ? "" : "s") "
            let x = hintX - Text.width(more) - 1
            if x >= area.x + 2 { buf.put(more, x: x, y: area.bottom - 1, style: theme.style(.muted), maxX: hintX) }
        }
    }
}

/// A figure's records: one a row, Enter opens the record's detail.
enum RecordsView {
    static func render(_ s: AppState, _ st: RecordsState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.body
        let b = Block(title: st.title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard !inner.isEmpty else { return }
        let names = s.rows.people
        let all = s.insightsData
        let titles = InsightTitles(all, names: names)
        let cols: [(String, Constraint, Alignment)] = [("KIND", .fixed(11), .left), ("RECORD", .fill(3), .left), ("STATUS", .fixed(12), .left)]
        let row = { (i: Int, _: [Int]) -> [Line] in
            let ref = st.refs[i]
            let title = titles.title(ref.insightRef)
            let loaded = s.data.value(of: ref) != nil
            let status: String
            switch all.value(of: ref) {
            case .coaching(let e)?: status = e.status.label
            case .mentoring(let r)?: status = r.status.rawValue
            case .person(let p)?: status = p.isCurrent ? "current" : "left"
            case .assessment(let a)?: status = a.recommendation.rawValue
            case nil: status = "not found"
            }
            let role: Role = ref.kind == .coaching ? .coaching : ref.kind == .mentoring ? .mentoring : .text
            return [[Span(ref.kind == .person ? "person" : ref.kind.rawValue, style: theme.style(.muted))],
                    [Span(title, style: theme.style(loaded ? role : .muted))],
                    [Span(status, style: theme.style(.muted))]]
        }
        PaneTable.render(columns: cols, count: st.refs.count, row: row, scroll: st.scroll, focused: true,
                         empty: "No records behind this figure.", theme, into: &buf, area: inner)
    }
}

/// The agenda and timeline (`4`): the week day by day with what is overdue first, then the
/// next weeks one row per active record.
enum AgendaView {
    static func render(_ s: AppState, _ st: AgendaState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let agenda = Agenda(s.data, today: s.today, weekOffset: st.weekOffset)
        week(s, agenda, layout.agendaWeek, theme, into: &buf)
        timeline(s, st, agenda, layout.agendaTimeline, theme, into: &buf)
    }

    static func kindRole(_ item: Agenda.Item) -> Role {
        item.overdue ? .danger : item.kind == .deadline ? .warn : item.ref.kind == .coaching ? .coaching : .mentoring
    }

    static func week(_ s: AppState, _ a: Agenda, _ area: Rect, _ theme: Theme, into buf: inout ScreenBuffer) {
        let end = a.weekStart.adding(days: 6)
        let b = Block(title: "\(a.weekStart == s.today ? "This week" : "Week") · \(Format.longDate(a.weekStart)) – \(Format.longDate(end))",
                      titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard !inner.isEmpty else { return }
        var lines: [Line] = []
        func item(_ i: Agenda.Item, prefix: String) -> Line {
            [Span(prefix, style: theme.style(.muted)), Span(Text.pad(i.kind.rawValue, to: 17), style: theme.style(kindRole(i))),
             Span(i.title, style: theme.style(.text))]
        }
        if !a.overdue.isEmpty {
            lines.append([Span("Overdue (\(a.overdue.count))", style: theme.style(.danger).bold())])
            for i in a.overdue { lines.append(item(i, prefix: "  " + Text.pad(Format.shortDate(i.day, today: s.today), to: 10) + " ")) }
        }
        for n in 0..<7 {
            let d = a.weekStart.adding(days: n)
            let items = a.items(on: d)
            let head = Format.longDate(d) + (d == s.today ? " · today" : "")
            lines.append([Span(head, style: theme.style(d == s.today ? .focus : .title).bold()),
                          Span(items.isEmpty ? "  —" : "", style: theme.style(.muted))])
            for i in items { lines.append(item(i, prefix: "  ")) }
        }
        // Two columns when it helps: overdue and the first days left, the rest right.
        let two = inner.width >= 100 && lines.count > inner.height
        let colWidth = two ? (inner.width - 3) / 2 : inner.width
        for (n, line) in lines.enumerated() {
            let col = two ? n / inner.height : 0
            let r: Int = two ? n % inner.height : n
            guard col < (two ? 2 : 1), r < inner.height else { continue }
            let x: Int = inner.x + col * (colWidth + 3)
            buf.put(line: Text.truncate(line, to: colWidth), x: x, y: inner.y + r, maxX: x + colWidth)
        }
        let capacity = inner.height * (two ? 2 : 1)
        if lines.count > capacity {
            let more = " +\(lines.count - capacity) more lines "
            buf.put(more, x: area.right - Text.width(more) - 2, y: area.bottom - 1, style: theme.style(.muted), maxX: area.right - 1)
        }
    }

    static func timeline(_ s: AppState, _ st: AgendaState, _ a: Agenda, _ area: Rect, _ theme: Theme, into buf: inout ScreenBuffer) {
        let b = Block(title: "Next \(a.timelineWeeks) weeks · ◆ deadline  ○ due  ● held  │ today",
                      titleStyle: theme.style(.title), borderStyle: theme.style(.border))
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard inner.height >= 2, inner.width >= 20 else { return }
        let days = a.timelineWeeks * 7
        let perDay = max(1, min(2, (inner.width - 18) / days))
        let labelWidth = max(8, inner.width - days * perDay - 1)
        var header = Text.pad("", to: labelWidth + 1)
        for w in 0..<a.timelineWeeks {
            let d = a.timelineStart.adding(days: 7 * w)
            header += Text.pad("\(d.day) \(Investment.monthNames[d.month - 1])", to: 7 * perDay)
        }
        buf.put(Text.truncate(header, to: inner.width), x: inner.x, y: inner.y, style: theme.style(.muted), maxX: inner.right)
        let todayIndex = a.timelineStart.days(to: s.today)
        let visible = inner.height - 1
        let offset = min(st.scroll, max(0, a.rows.count - visible))
        if a.rows.isEmpty {
            buf.put("No active engagements or relationships.", x: inner.x, y: inner.y + 1, style: theme.style(.muted), maxX: inner.right)
        }
        for (n, row) in a.rows.dropFirst(offset).prefix(visible).enumerated() {
            let y = inner.y + 1 + n
            let role: Role = row.ref.kind == .coaching ? .coaching : .mentoring
            buf.put(Text.pad(row.title, to: labelWidth), x: inner.x, y: y, style: theme.style(role), maxX: inner.x + labelWidth)
            for d in 0..<days {
                let day = a.timelineStart.adding(days: d)
                let x = inner.x + labelWidth + 1 + d * perDay
                let (glyph, style): (String, Style) = switch row.marks[day] {
                case .deadline?: ("◆", theme.style(day < s.today ? .danger : .warn))
                case .held?: ("●", theme.style(role))
                case .due?: ("○", theme.style(day < s.today ? .danger : .text))
                case nil: (d == todayIndex ? "│" : d % 7 == 0 ? "·" : " ", theme.style(d == todayIndex ? .focus : .muted))
                }
                buf.put(glyph, x: x, y: y, style: style, maxX: inner.right)
            }
        }
        if a.rows.count > visible {
            let more = " \(offset + 1)–\(min(a.rows.count, offset + visible))/\(a.rows.count) "
            buf.put(more, x: area.right - Text.width(more) - 2, y: area.bottom - 1, style: theme.style(.muted), maxX: area.right - 1)
        }
    }
}
