import Foundation

/// What to read before a session: the last session's notes, the open action items, each
/// metric's change since the last session, the days since the last contact, and the goals or
/// objectives not touched in the last three sessions.
public struct PrepBrief: Equatable, Sendable {
    /// One metric's movement: from its value before the last session to its latest value.
    public struct MetricChange: Equatable, Sendable {
        public var name: String
        public var unit: String
        public var direction: Direction
        /// The value before the last session (the baseline when there was none).
        public var before: Double
        /// The latest reading; `nil` when nothing was read yet.
        public var latest: Double?
        public var target: Double

        /// `latest - before`, or `nil` with no reading.
        public var change: Double? { latest.map { $0 - before } }
        /// Whether the change went the right way; `nil` with no reading or no change.
        public var improved: Bool? {
            guard let c = change, c != 0 else { return nil }
            return direction == .higherIsBetter ? c > 0 : c < 0
        }
    }

    /// "Ana Lima — Pitching" or "Ben Ode → Ana Lima".
    public var title: String
    /// "coaching" or "mentoring".
    public var kind: String
    public var today: Day
    public var lastSession: Session?
    /// Days from the last session (or the start, with none) to today.
    public var daysSinceContact: Int
    /// The open action items with the day of the session that agreed them.
    public var openActions: [(item: ActionItem, agreed: Day)]
    public var metrics: [MetricChange]
    /// Open goals or objectives no session among the last three mentions.
    public var untouched: [String]
    /// The next session planned or due, if known.
    public var next: Day?

    public static func == (a: PrepBrief, b: PrepBrief) -> Bool {
        a.title == b.title && a.kind == b.kind && a.today == b.today && a.lastSession == b.lastSession
            && a.daysSinceContact == b.daysSinceContact && a.metrics == b.metrics && a.untouched == b.untouched
            && a.next == b.next && a.openActions.map(\.item) == b.openActions.map(\.item)
            && a.openActions.map(\.agreed) == b.openActions.map(\.agreed)
    }

    /// How many recent sessions are searched for a goal or objective.
    public static let recentSessions = 3

    /// The brief for an engagement or a relationship, on `today`.
    public init(_ record: SessionRecord, people: PeopleIndex, today: Day) {
        self.today = today
        let sessions = record.sessions.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        let last = sessions.last
        lastSession = last
        openActions = sessions.flatMap { s in s.actionItems.filter { $0.doneOn == nil }.map { ($0, s.date) } }
        let recent = Array(sessions.suffix(PrepBrief.recentSessions))
        switch record {
        case .coaching(let e):
            kind = "coaching"
            title = "\(people.name(e.coacheeID)) — \(e.focus)"
            daysSinceContact = (last?.date ?? e.start).days(to: today)
            metrics = e.metrics.map { m in
                let ordered = m.readings.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
                let before: Double
                if let last {
                    before = ordered.last { $0.date < last.date }?.value ?? m.baseline
                } else {
                    before = m.baseline
                }
                return MetricChange(name: m.name, unit: m.unit, direction: m.direction, before: before,
                                    latest: ordered.last?.value, target: m.target)
            }
            untouched = e.objectives.filter { $0.doneOn == nil && !PrepBrief.isTouched($0.text, by: recent) }.map(\.text)
            next = last?.nextDate ?? e.cadenceDays.map { (last?.date ?? e.start).adding(days: $0) }
        case .mentoring(let r):
            kind = "mentoring"
            title = "\(people.name(r.mentorID)) → \(people.name(r.menteeID))"
            daysSinceContact = (last?.date ?? r.start).days(to: today)
            metrics = []
            untouched = r.goals.filter { $0.achievedOn == nil && !PrepBrief.isTouched($0.text, by: recent) }.map(\.text)
            next = last?.nextDate ?? r.nextDue(today: today)
        }
    }

    /// Whether one of `sessions` mentions the goal: a word of five letters or more of its text
    /// (case and accents ignored) in a session's notes or topics. With no sessions, nothing is
    /// touched.
    public static func isTouched(_ text: String, by sessions: [Session]) -> Bool {
        let words = Set(text.searchKey.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 5 })
        guard !words.isEmpty else { return false }
        return sessions.contains { s in
            let said = (s.notes + " " + s.topics.joined(separator: " ")).searchKey
            let saidWords = Set(said.split { !$0.isLetter && !$0.isNumber }.map(String.init))
            return !words.isDisjoint(with: saidWords)
        }
    }

    public enum Format: String, Sendable, CaseIterable { case text, md }

    /// The brief as lines: plain text, or Markdown for a notebook. Text from records is cleaned
    /// of control characters.
    public func lines(_ format: Format) -> [String] {
        let md = format == .md
        func head(_ s: String) -> String { md ? "## \(s)" : s.uppercased() }
        func item(_ s: String) -> String { md ? "- \(s)" : "  • \(s)" }
        var out: [String] = []
        out.append(md ? "# Prep: \(clean(title))" : "Prep: \(clean(title))")
        out.append("")
        let contact = lastSession == nil ? "No session yet: \(daysSinceContact) days since the start."
            : "Last contact \(daysSinceContact == 0 ? "today" : daysSinceContact == 1 ? "yesterday" : "\(daysSinceContact) days ago") (\(lastSession!.date))."
        out.append(contact + (next.map { " Next \(today.days(to: $0) < 0 ? "was due" : "due") \($0)." } ?? ""))
        out.append("")
        out.append(head("Last session"))
        if let s = lastSession {
            out.append("\(s.date), \(s.minutes) min\(s.topics.isEmpty ? "" : " — " + s.topics.map(clean).joined(separator: ", "))")
            let notes = s.notes.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }
            if notes.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                out.append("(no notes)")
            } else {
                out += notes.map { md ? "> \($0)" : "  \($0)" }
            }
        } else {
            out.append("(none yet)")
        }
        out.append("")
        out.append(head("Open action items"))
        if openActions.isEmpty { out.append("(none)") }
        for a in openActions {
            let due = a.item.due.map { d in today.days(to: d) < 0 ? ", overdue since \(d)" : ", due \(d)" } ?? ""
            out.append(item("\(clean(a.item.text)) (agreed \(a.agreed)\(due))"))
        }
        if kind == "coaching" {
            out.append("")
            out.append(head("Metrics since the last session"))
            if metrics.isEmpty { out.append("(no metrics)") }
            for m in metrics {
                let before = NumberInput.format(m.before, unit: m.unit)
                let target = NumberInput.format(m.target, unit: m.unit)
                guard let latest = m.latest, let change = m.change else {
                    out.append(item("\(clean(m.name)): no reading yet (baseline \(before), target \(target))"))
                    continue
                }
                let sign = change > 0 ? "+" : change < 0 ? "−" : "±"
                let way = m.improved.map { $0 ? "better" : "worse" } ?? "unchanged"
                out.append(item("\(clean(m.name)): \(before) → \(NumberInput.format(latest, unit: m.unit)) (\(sign)\(NumberInput.format(abs(change), unit: abs(change) == 1 && m.unit.count > 1 && m.unit.hasSuffix("s") ? String(m.unit.dropLast()) : m.unit)), \(way); target \(target))"))
            }
        }
        out.append("")
        out.append(head("\(kind == "coaching" ? "Objectives" : "Goals") not touched in the last \(PrepBrief.recentSessions) sessions"))
        if untouched.isEmpty { out.append("(none)") }
        for u in untouched { out.append(item(clean(u))) }
        return out
    }

    /// The text with control characters shown as "?".
    func clean(_ s: String) -> String { s.printable }
}
