import Foundation

/// What is coming, as pure functions of the records and `today`: a week day by day (mentoring
/// sessions due, coaching sessions planned, deadlines; what is overdue first) and a timeline of
/// weeks, one row per active record.
public struct Agenda: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public enum Kind: String, Sendable { case deadline, coachingSession = "coaching session", mentoringDue = "mentoring due" }
        public var day: Day
        public var kind: Kind
        public var ref: InsightRef
        public var title: String
        /// Its day has passed and it is still outstanding.
        public var overdue: Bool
    }

    /// Marks on a timeline day.
    public enum Mark: Int, Sendable, Comparable {
        case due = 1, held = 2, deadline = 3
        public static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Row: Equatable, Sendable, Identifiable {
        public var id: InsightRef { ref }
        public var ref: InsightRef
        public var title: String
        /// By day number within the timeline; the strongest mark of a day wins.
        public var marks: [Day: Mark]
    }

    /// The first of the seven days shown day by day: today (or that many weeks from it).
    public var weekStart: Day
    /// Overdue items first (oldest first), then the week's items by day.
    public var overdue: [Item]
    public var week: [Item]
    /// The first day of the timeline (a Monday) and its rows.
    public var timelineStart: Day
    public var timelineWeeks: Int
    public var rows: [Row]

    /// The Monday of `day`'s week.
    public static func monday(of day: Day) -> Day { day.adding(days: 1 - day.weekday) }

    /// The agenda `weekOffset` weeks from this one (negative: earlier), with a timeline of `weeks` weeks from there.
    public init(_ s: Snapshot, today: Day, weekOffset: Int = 0, weeks: Int = 8) {
        let names = PeopleIndex(s.people)
        weekStart = today.adding(days: 7 * weekOffset)
        timelineStart = Self.monday(of: today).adding(days: 7 * weekOffset)
        timelineWeeks = weeks
        let weekEnd = weekStart.adding(days: 6)
        let timelineEnd = timelineStart.adding(days: 7 * weeks - 1)
        var items: [Item] = []
        var rows: [Row] = []
        for e in s.engagements where e.status == .active {
            let ref = InsightRef(.coaching, e.id)
            let title = "\(names.name(e.coacheeID)) · \(e.focus)"
            items.append(Item(day: e.deadline, kind: .deadline, ref: ref, title: title, overdue: e.deadline < today))
            var row = Row(ref: ref, title: title, marks: [:])
            if let next = Self.nextCoachingSession(e) {
                items.append(Item(day: next, kind: .coachingSession, ref: ref, title: title, overdue: next < today))
                var d = next
                while d <= timelineEnd, let c = e.cadenceDays, c > 0 {
                    if d >= timelineStart { row.marks[d] = max(row.marks[d] ?? .due, .due) }
                    d = d.adding(days: c)
                }
                if e.cadenceDays == nil, next >= timelineStart, next <= timelineEnd { row.marks[next] = .due }
            }
            for session in e.sessions where session.date >= timelineStart && session.date <= timelineEnd {
                row.marks[session.date] = max(row.marks[session.date] ?? .held, .held)
            }
            if e.deadline >= timelineStart && e.deadline <= timelineEnd { row.marks[e.deadline] = .deadline }
            rows.append(row)
        }
        for r in s.relationships where r.status == .active {
            let ref = InsightRef(.mentoring, r.id)
            let title = "\(names.name(r.mentorID)) → \(names.name(r.menteeID))"
            var row = Row(ref: ref, title: title, marks: [:])
            if let due = r.nextDue(today: today) {
                items.append(Item(day: due, kind: .mentoringDue, ref: ref, title: title, overdue: due < today))
                // Later dues in the week and the timeline: one every cadence after the next (or after today once late).
                var d = due
                while d <= Swift.max(weekEnd, timelineEnd) {
                    if d > due, d >= weekStart, d <= weekEnd {
                        items.append(Item(day: d, kind: .mentoringDue, ref: ref, title: title, overdue: false))
                    }
                    if d >= timelineStart && d <= timelineEnd { row.marks[d] = max(row.marks[d] ?? .due, .due) }
                    d = d.adding(days: max(1, r.cadenceDays))
                }
            }
            for session in r.sessions where session.date >= timelineStart && session.date <= timelineEnd {
                row.marks[session.date] = max(row.marks[session.date] ?? .held, .held)
            }
            rows.append(row)
        }
        let order: (Item, Item) -> Bool = { a, b in
            a.day != b.day ? a.day < b.day : a.kind.rawValue != b.kind.rawValue ? a.kind.rawValue < b.kind.rawValue
                : NameOrder.areInIncreasingOrder(a.title, b.title)
        }
        let start = weekStart
        overdue = items.filter(\.overdue).sorted(by: order)
        week = items.filter { !$0.overdue && $0.day >= start && $0.day <= weekEnd }.sorted(by: order)
        self.rows = NameOrder.sorted(rows, by: \.title).sorted { ($0.ref.kind == .coaching ? 0 : 1) < ($1.ref.kind == .coaching ? 0 : 1) }
    }

    /// The next coaching session planned: the date the latest session agreed, else one cadence
    /// after the last session (or the start); `nil` with neither.
    public static func nextCoachingSession(_ e: CoachingEngagement) -> Day? {
        let latest = e.sessions.max { $0.date < $1.date }
        if let agreed = latest?.nextDate, agreed > (latest?.date ?? e.start) { return agreed }
        guard let c = e.cadenceDays, c > 0 else { return nil }
        return (latest?.date ?? e.start).adding(days: c)
    }

    /// The week's items on `day`.
    public func items(on day: Day) -> [Item] { week.filter { $0.day == day } }
}
