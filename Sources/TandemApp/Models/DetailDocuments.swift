import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// Detail documents already built, by everything they depend on (the record's data version,
/// the width, today), so moving through a detail does not rebuild a record's whole story on
/// every key. A hit returns what a rebuild would.
final class DetailDocuments: @unchecked Sendable {
    struct Key: Hashable {
        var ref: RecordRef
        var dataVersion: Int
        var width: Int
        var today: Day
    }

    private var entries: [Key: DetailDocument] = [:]
    private let lock = NSLock()

    func document(_ key: Key, make: () -> DetailDocument) -> DetailDocument {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries[key] { return hit }
        // Old versions are of no use once the data moved on.
        if entries.count > 16 { entries = entries.filter { $0.key.dataVersion == key.dataVersion } }
        let document = make()
        entries[key] = document
        return document
    }
}

/// A run of text in a theme role: documents are built without a theme, so `update` and the
/// view read the same lines and the theme only colors them.
public struct DocSpan: Equatable, Sendable {
    public var text: String
    public var role: Role
    public var bold: Bool
    public init(_ text: String, _ role: Role = .text, bold: Bool = false) { self.text = text; self.role = role; self.bold = bold }
}

public typealias DocLine = [DocSpan]

extension Array where Element == DocSpan {
    /// The line in a theme's colors.
    func styled(_ theme: Theme) -> Line {
        map { Span($0.text, style: $0.bold ? theme.style($0.role).bold() : theme.style($0.role)) }
    }
}

/// A record's whole story as the detail screen shows it: objectives or goals, every metric,
/// the session history, and the line of each item `x` can mark.
public struct DetailDocument: Equatable, Sendable {
    public var title: String
    public var lines: [DocLine] = []
    /// For each toggleable item (in `DetailItems.of` order), the line it is on.
    public var itemLines: [Int] = []

    /// The first line shown in `height` rows: where page keys put it, moved (after j/k) to keep
    /// the selected item in sight.
    public func offset(_ d: DetailState, height: Int) -> Int {
        var offset = min(d.scroll, max(0, lines.count - height))
        if d.followsSelection, let line = itemLines[safe: d.selected] {
            if line < offset { offset = line }
            if line >= offset + height { offset = line - height + 1 }
        }
        return max(0, offset)
    }

    /// The document of a record on screen now, built once per data version, width and day.
    static func of(_ ref: RecordRef, _ s: AppState, width: Int) -> DetailDocument? {
        guard let value = s.data.value(of: ref) else { return nil }
        let key = DetailDocuments.Key(ref: ref, dataVersion: s.dataVersion, width: width, today: s.today)
        return s.detailDocuments.document(key) { build(value, s, width: width) }
    }

    static func build(_ value: Record, _ s: AppState, width: Int) -> DetailDocument {
        let names = s.rows.people
        func check(_ done: Day?) -> DocSpan { DocSpan(done == nil ? "[ ] " : "[x] ", done == nil ? .muted : .ok) }
        switch value {
        case .coaching(let e):
            var d = DetailDocument(title: "Coaching · \(names.name(e.coacheeID)) · \(e.focus)")
            let coach: String
            switch e.coach { case .person(let id): coach = names.name(id); case .external(let n): coach = "\(n) (external)" }
            let days = e.daysToDeadline(today: s.today)
            let settings = s.data.agency.settings
            // What was agreed, on as many lines as the width needs: nothing is cut.
            d.lines += flow([[DocSpan("coach ", .muted), DocSpan(coach)],
                             // A finished engagement counts nothing down: it says when it closed.
                             [DocSpan("\(e.start.iso) → \(e.deadline.iso) ", .muted)]
                                + (e.isOpen ? [DocSpan(Format.daysLeft(days), Format.deadlineRole(days))]
                                            : e.closedOn.map { [DocSpan("closed \($0.iso)", .muted)] } ?? []),
                             [DocSpan(e.status.label, e.status == .active ? .text : .muted, bold: e.status != .active)]
                                + (e.status == .onHold ? [DocSpan(e.history.last { $0.status == .onHold }.map { " since \($0.date.iso)" } ?? "", .muted)] : [])],
                            width: width)
            var agreed: [DocLine] = [[DocSpan("sessions ", .muted), DocSpan(e.plannedSessions.map { "\(e.sessions.count) of \($0)" } ?? "\(e.sessions.count)")]]
            if let cadence = e.cadenceDays { agreed.append([DocSpan("every ", .muted), DocSpan("\(cadence) days")]) }
            if let next = e.nextSessionDate(today: s.today) { agreed.append([DocSpan("next session ", .muted), DocSpan(next.iso)]) }
            agreed.append([DocSpan("\(e.minutesInvested / 60)h\(e.minutesInvested % 60)m invested", .muted)])
            d.lines += flow(agreed, width: width)
            if e.hasMomentumAlert(today: s.today, momentumDays: settings.momentumDays) {
                d.lines.append([DocSpan("⚠ no session for \(e.daysSinceActivity(today: s.today)) days", .warn, bold: true),
                                DocSpan(" (momentum fades after \(settings.momentumDays)) — l logs one", .muted)])
            }
            let late = e.overdueActionItems(today: s.today).count
            if late > 0 { d.lines.append([DocSpan("⚑ \(late) action item\(late == 1 ? "" : "s") past due", .danger, bold: true)]) }
            appendStatus(&d, value, s, width: width)
            if let r = Continuation.relationship(continuing: e.id, in: s.data) {
                d.lines.append([DocSpan("continued as mentoring ", .muted), DocSpan("\(names.name(r.mentorID)) → \(names.name(r.menteeID)) since \(r.start.iso)", .mentoring)])
            }
            d.lines.append([])
            d.lines.append([DocSpan("Objectives", .title, bold: true)])
            if e.objectives.isEmpty { d.lines.append([DocSpan("  none yet (e to add)", .muted)]) }
            for o in e.objectives {
                d.itemLines.append(d.lines.count)
                d.lines += StripContent.wrap([DocSpan("  "), check(o.doneOn), DocSpan(o.text), DocSpan(o.doneOn.map { "  done \($0.iso)" } ?? "", .muted)],
                                             width: width, indent: 6)
            }
            d.lines.append([])
            d.lines.append([DocSpan("Metrics", .title, bold: true)])
            if e.metrics.isEmpty { d.lines.append([DocSpan("  none yet (e to add)", .muted)]) }
            for line in MetricLines.of(e, today: s.today) { d.lines.append([DocSpan("  ")] + line) }
            appendSessions(&d, e.sessions, s, width: width)
            return d
        case .mentoring(let r):
            var d = DetailDocument(title: "Mentoring · \(names.name(r.mentorID)) → \(names.name(r.menteeID))")
            let summary = MentoringSummary(r, names: names, today: s.today, settings: s.data.agency.settings)
            var facts: [DocLine] = [[DocSpan("since \(r.start.iso)", .muted)], [DocSpan("every ", .muted), DocSpan("\(r.cadenceDays) days")]]
            if let paused = r.pausedOn, r.status == .paused {
                facts.append([DocSpan("\(summary.health.symbol) paused since \(paused.iso)", .muted, bold: true)])
            } else {
                facts.append([DocSpan("\(summary.health.symbol) \(summary.health.label)", Format.role(summary.health))])
            }
            if let resumed = r.resumedOn, r.status == .active { facts.append([DocSpan("resumed \(resumed.iso)", .muted)]) }
            if let next = summary.nextDue { facts.append([DocSpan("next due ", .muted), DocSpan(next.iso)]) }
            facts += [[DocSpan("streak \(summary.streak) · \(r.sessions.count) session\(r.sessions.count == 1 ? "" : "s")", .muted)]]
            d.lines += flow(facts, width: width)
            if !r.focusAreas.isEmpty { d.lines.append([DocSpan("focus ", .muted), DocSpan(r.focusAreas.joined(separator: ", "))]) }
            if let id = r.continuesEngagementID {
                let e = s.data.engagements.first { $0.id == id }
                d.lines.append([DocSpan("continues the coaching ", .muted), DocSpan(e.map { "\(names.name($0.coacheeID)) — \($0.focus)" } ?? "engagement \(id.uuidString.prefix(8).lowercased()) (closed, not loaded)", .coaching)])
            }
            appendStatus(&d, value, s, width: width)
            let lateGoals = r.overdueGoals(today: s.today).count
            let lateActions = r.overdueActionItems(today: s.today).count
            if lateGoals + lateActions > 0 {
                let parts = [lateGoals > 0 ? "\(lateGoals) goal\(lateGoals == 1 ? "" : "s") past target" : nil,
                             lateActions > 0 ? "\(lateActions) action item\(lateActions == 1 ? "" : "s") past due" : nil].compactMap { $0 }
                d.lines.append([DocSpan("⚑ " + parts.joined(separator: " · "), .danger, bold: true)])
            }
            d.lines.append([])
            d.lines.append([DocSpan("Goals", .title, bold: true)])
            if r.goals.isEmpty { d.lines.append([DocSpan("  none yet (e to add)", .muted)]) }
            for g in r.goals {
                d.itemLines.append(d.lines.count)
                let late = g.isOverdue(today: s.today)
                d.lines.append([DocSpan("  "), check(g.achievedOn), DocSpan(g.text),
                                DocSpan(g.targetDate.map { "  by \($0.iso)" } ?? "", late ? .danger : .muted),
                                DocSpan(late ? " ⚑ past target" : "", .danger, bold: true),
                                DocSpan(g.achievedOn.map { "  achieved \($0.iso)" } ?? "", .muted)])
            }
            appendSessions(&d, r.sessions, s, width: width)
            return d
        case .person(let p):
            return DetailDocument(title: p.name)
        case .assessment:
            return DetailDocument(title: "Assessment")
        }
    }

    /// Sessions newest first, each with its notes and action items (items are selectable).
    static func appendSessions(_ d: inout DetailDocument, _ sessions: [Session], _ s: AppState, width: Int) {
        d.lines.append([])
        d.lines.append([DocSpan("Sessions", .title, bold: true)])
        if sessions.isEmpty { d.lines.append([DocSpan("  none yet (l logs one)", .muted)]) }
        for session in sessions.reversed() {
            var head: DocLine = [DocSpan("  \(Format.longDate(session.date))", .text, bold: true), DocSpan(" · \(session.minutes) min", .muted)]
            if let p = session.pulse { head.append(DocSpan(" · pulse \(p)/5", .muted)) }
            head.append(DocSpan(" · \(session.visibility.rawValue)", .muted))
            if !session.topics.isEmpty { head.append(DocSpan(" · " + session.topics.joined(separator: ", "), .info)) }
            // A session is selectable too: Enter edits it, d deletes it.
            d.itemLines.append(d.lines.count)
            d.lines.append(head)
            // Notes are the story: wrapped, never cut.
            for note in session.notes.split(separator: "\n", omittingEmptySubsequences: false) {
                for row in Paragraph(lines: [[Span(String(note))]], wrap: true).rows(width: max(8, width - 4)) {
                    d.lines.append([DocSpan("    ")] + row.map { DocSpan($0.text) })
                }
            }
            for a in session.actionItems {
                d.itemLines.append(d.lines.count)
                let late = a.isOverdue(today: s.today)
                // Wrapped, not cut: the due and done dates stay on screen.
                d.lines += StripContent.wrap([DocSpan("    "), DocSpan(a.doneOn == nil ? "[ ] " : "[x] ", a.doneOn == nil ? .muted : .ok),
                                              DocSpan(a.text), DocSpan(a.due.map { "  due \($0.iso)" } ?? "", late ? .danger : .muted),
                                              DocSpan(late ? " ⚑ past due" : "", .danger, bold: true),
                                              DocSpan(a.doneOn.map { "  done \($0.iso)" } ?? "", .muted)], width: width, indent: 8)
            }
        }
    }
}

extension DetailDocument {
    /// Facts joined by " · " on as few lines as fit in `width`: a fact moves to the next line
    /// whole rather than being cut (one longer than the width stays on its own line).
    static func flow(_ facts: [DocLine], width: Int) -> [DocLine] {
        var lines: [DocLine] = []
        var current: DocLine = []
        var used = 0
        for fact in facts where !fact.isEmpty {
            let w = fact.reduce(0) { $0 + Text.width($1.text) }
            if current.isEmpty {
                current = fact; used = w
            } else if used + 3 + w <= width {
                current += [DocSpan(" · ", .muted)] + fact; used += 3 + w
            } else {
                lines.append(current); current = fact; used = w
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// "Win rate  ▂▃▅▆█  20% → 32% → 40%  ✓ on track": a metric in one line, for the detail and the strip.
enum MetricLines {
    static func of(_ e: CoachingEngagement, today: Day) -> [DocLine] {
        let nameWidth = min(18, max(8, e.metrics.map { Text.width($0.name) }.max() ?? 8))
        // The sparklines line up: as wide as the longest, at most 10 bars.
        let sparkWidth = min(10, e.metrics.map { $0.readings.isEmpty ? 0 : $0.readings.count + 1 }.max() ?? 0)
        return e.metrics.map { m in
            let f = m.forecast(start: e.start, deadline: e.deadline, today: today)
            // No readings draw no bars; readings are scaled against the baseline–target span.
            let values = m.readings.isEmpty ? [] : [m.baseline] + m.readings.map(\.value)
            let spark = Sparkline(values: values, scale: min(m.baseline, m.target)...max(m.baseline, m.target)).text(width: 10)
            return [DocSpan(Text.pad(Text.truncate(m.name, to: nameWidth), to: nameWidth) + " "),
                    DocSpan(sparkWidth == 0 ? "" : Text.pad(spark, to: sparkWidth) + " ", .spark),
                    DocSpan(Format.value(m.baseline, m.unit) + " → ", .muted),
                    DocSpan(m.current.map { Format.value($0, m.unit) } ?? "—", .text, bold: true),
                    DocSpan(" → " + Format.value(m.target, m.unit) + " ", .muted),
                    DocSpan(Format.symbol(f) + " " + f.label, Format.role(f))]
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// What the `?` overlay lists, without a theme: `AppLayout` counts it, the view colors it.
enum HelpContent {
    enum Row: Equatable, Sendable {
        case heading(String)
        case binding(keys: String, help: String, disabled: Bool)
        case blank
        case commands(String)
    }

    /// The keys of `about` (with the screen-wide ones if it is a screen) first, then the rest.
    static func rows(_ keymap: Keymap, about: KeyContext) -> [Row] {
        var out: [Row] = []
        let here = Set(Keymap.chain(about))
        for (context, bindings) in keymap.sections(first: about) {
            if !out.isEmpty { out.append(.blank) }
            let title = context.title.prefix(1).uppercased() + context.title.dropFirst()
            out.append(.heading(here.contains(context) ? "\(title) (here)" : title))
            for b in bindings {
                out.append(.binding(keys: b.keysText, help: b.disabled.map { "\(b.help): not here — \($0)" } ?? b.help,
                                    disabled: b.disabled != nil))
            }
        }
        out.append(.blank)
        out.append(.commands(Commands.summary))
        return out
    }
}
