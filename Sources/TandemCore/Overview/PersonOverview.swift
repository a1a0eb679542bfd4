import Foundation

/// One person's place in the agency's coaching and mentoring, as the person screen shows it:
/// every record they are in (open and closed), their hours received and given, their load.
public struct PersonOverview: Equatable, Sendable {
    /// The part a person plays in a record.
    public enum Part: String, Equatable, Sendable {
        case coachee, coach, mentee, mentor
    }

    /// One record with the person in it.
    public struct Item: Equatable, Sendable, Identifiable {
        public enum Kind: Equatable, Sendable { case coaching, mentoring }
        public var kind: Kind
        /// The record's id.
        public var id: UUID
        public var part: Part
        /// The other side: the coach or coachee, the mentor or mentee (a name).
        public var other: String
        /// What it is about: the engagement's focus, the relationship's focus areas.
        public var about: String
        /// The status as a word ("active", "on hold", "closed").
        public var status: String
        public var isOpen: Bool
        public var start: Day
        /// The day it was completed, cancelled or closed.
        public var closedOn: Day?
        public var minutes: Int
    }

    public var person: Person
    /// Open records first, then closed ones; each group by the other person's name in reading
    /// order (`NameOrder`), then newest start first.
    public var items: [Item]
    /// Minutes in sessions, by the part the person played.
    public var coachingReceived = 0, coachingGiven = 0, mentoringReceived = 0, mentoringGiven = 0
    public var load: MentoringLoad
    /// Days from the start date to `today` (or to the leaving day); `nil` without a start date.
    public var daysAtAgency: Int?
    /// Their records still open (what to close when they have left).
    public var openWork: OpenWork

    public init(_ person: Person, in snapshot: Snapshot, today: Day) {
        self.person = person
        let names = PeopleIndex(snapshot.people)
        var items: [Item] = []
        for e in snapshot.engagements {
            var parts: [Part] = []
            if e.coacheeID == person.id { parts.append(.coachee) }
            if case .person(let c) = e.coach, c == person.id { parts.append(.coach) }
            for part in parts {
                let other: String
                if part == .coach { other = names.name(e.coacheeID) } else {
                    switch e.coach { case .person(let c): other = names.name(c); case .external(let n): other = "\(n) (external)" }
                }
                items.append(Item(kind: .coaching, id: e.id, part: part, other: other, about: e.focus, status: e.status.label,
                                  isOpen: e.isOpen, start: e.start, closedOn: e.closedOn, minutes: e.minutesInvested))
                if part == .coachee { coachingReceived += e.minutesInvested } else { coachingGiven += e.minutesInvested }
            }
        }
        for r in snapshot.relationships {
            var parts: [Part] = []
            if r.menteeID == person.id { parts.append(.mentee) }
            if r.mentorID == person.id { parts.append(.mentor) }
            for part in parts {
                let other = names.name(part == .mentor ? r.menteeID : r.mentorID)
                items.append(Item(kind: .mentoring, id: r.id, part: part, other: other, about: r.focusAreas.joined(separator: ", "),
                                  status: r.status.rawValue, isOpen: r.status != .closed, start: r.start, closedOn: r.closedOn,
                                  minutes: r.minutesInvested))
                if part == .mentee { mentoringReceived += r.minutesInvested } else { mentoringGiven += r.minutesInvested }
            }
        }
        self.items = items.sorted { a, b in
            if a.isOpen != b.isOpen { return a.isOpen }
            if a.other != b.other { return NameOrder.areInIncreasingOrder(a.other, b.other) }
            if a.start != b.start { return b.start < a.start }
            return a.id.uuidString < b.id.uuidString
        }
        load = PersonRules.mentoringLoad(of: person.id, in: snapshot)
        daysAtAgency = person.startDate.map { start in max(0, start.days(to: min(person.leftOn ?? today, today))) }
        openWork = PersonRules.openWork(of: person.id, in: snapshot)
    }
}

extension PersonRules {
    /// The person marked as having left on `date`: not in the future, not before their start.
    public static func markLeft(_ person: Person, on date: Day, today: Day) -> Result<Person, Logbook.Failure> {
        var problems: [Problem] = []
        if date > today {
            problems.append(Problem(field: "leftOn", message: "\(date) is in the future (today is \(today)); mark them on the day they leave"))
        }
        var p = person
        p.leftOn = date
        problems += Validation.problems(in: p).filter { $0.field == "leftOn" }
        return problems.isEmpty ? .success(p) : .failure(Logbook.Failure(problems: problems))
    }

    /// What closing a leaver's open records makes of them: engagements cancelled, relationships
    /// closed, each with the outcome "<name> left the agency on <day>"; records the change is
    /// refused for (a start after the leaving day and after today) come back with the reason.
    public struct ClosedWork: Equatable, Sendable {
        public var engagements: [CoachingEngagement] = []
        public var relationships: [MentoringRelationship] = []
        public var refused: [(id: UUID, reason: String)] = []

        public static func == (a: ClosedWork, b: ClosedWork) -> Bool {
            a.engagements == b.engagements && a.relationships == b.relationships
                && a.refused.map(\.id) == b.refused.map(\.id) && a.refused.map(\.reason) == b.refused.map(\.reason)
        }
    }

    /// The outcome sentence recorded on a leaver's closed records.
    public static func leavingOutcome(_ person: Person, on date: Day) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(person.name) left the agency on \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// Closes the open records of a person who left, through `Lifecycle`: on the leaving day, or
    /// on `today` when a record's own dates refuse that day (it started or changed later).
    public static func closeOpenWork(of person: Person, in snapshot: Snapshot, today: Day) -> ClosedWork {
        var out = ClosedWork()
        guard let left = person.leftOn else { return out }
        let outcome = leavingOutcome(person, on: left)
        let work = openWork(of: person.id, in: snapshot)
        for e in work.engagements {
            switch Lifecycle.close(e, as: .cancelled, on: left, outcome: outcome, today: today) {
            case .success(let closed): out.engagements.append(closed)
            case .failure:
                switch Lifecycle.close(e, as: .cancelled, on: today, outcome: outcome, today: today) {
                case .success(let closed): out.engagements.append(closed)
                case .failure(let f): out.refused.append((e.id, f.description))
                }
            }
        }
        for r in work.relationships {
            switch Lifecycle.close(r, on: left, outcome: outcome, today: today) {
            case .success(let closed): out.relationships.append(closed)
            case .failure:
                switch Lifecycle.close(r, on: today, outcome: outcome, today: today) {
                case .success(let closed): out.relationships.append(closed)
                case .failure(let f): out.refused.append((r.id, f.description))
                }
            }
        }
        return out
    }
}
