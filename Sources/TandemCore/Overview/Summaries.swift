import Foundation

/// What the dashboard and `tandem list` show of one coaching engagement: the rules
/// evaluated once for a given `today`, so views and the command line agree.
public struct CoachingSummary: Equatable, Sendable, Identifiable {
    public var id: UUID { engagement.id }
    public var engagement: CoachingEngagement
    public var coachee: String
    public var coach: String
    public var daysLeft: Int
    public var progress: Double?
    public var forecast: Forecast
    public var momentumAlert: Bool
    /// An open action item is past its date (the dashboard's ⚑).
    public var hasOverdueActionItems: Bool
    public var lastSession: Day?

    public init(_ e: CoachingEngagement, names: PeopleIndex, today: Day, settings: Settings) {
        engagement = e
        coachee = names.name(e.coacheeID)
        switch e.coach {
        case .person(let id): coach = names.name(id)
        case .external(let name): coach = name
        }
        daysLeft = e.daysToDeadline(today: today)
        progress = e.progress
        forecast = e.forecast(today: today)
        momentumAlert = e.hasMomentumAlert(today: today, momentumDays: settings.momentumDays)
        hasOverdueActionItems = !e.overdueActionItems(today: today).isEmpty
        lastSession = e.lastSessionDate
    }

    /// Open and due within `days` (overdue included).
    public func isDue(within days: Int) -> Bool { engagement.isOpen && daysLeft <= days }
}

/// What the dashboard and `tandem list` show of one mentoring relationship.
public struct MentoringSummary: Equatable, Sendable, Identifiable {
    public var id: UUID { relationship.id }
    public var relationship: MentoringRelationship
    public var mentor: String
    public var mentee: String
    public var lastMet: Day?
    public var nextDue: Day?
    public var health: Health
    public var streak: Int
    public var monthsSince: Int
    /// An open action item or a goal is past its date (the dashboard's ⚑).
    public var isLate: Bool

    public init(_ r: MentoringRelationship, names: PeopleIndex, today: Day, settings: Settings) {
        relationship = r
        mentor = names.name(r.mentorID)
        mentee = names.name(r.menteeID)
        lastMet = r.lastMet
        nextDue = r.nextDue(today: today)
        health = r.health(today: today, settings: settings)
        streak = r.streak(today: today, settings: settings)
        monthsSince = r.monthsSince(today: today)
        isLate = !r.overdueActionItems(today: today).isEmpty || !r.overdueGoals(today: today).isEmpty
    }

    /// Days until the next meeting is due (negative when late); `nil` when paused or closed.
    public func daysToNext(today: Day) -> Int? { nextDue.map { today.days(to: $0) } }

    /// Active and next due within `days` (overdue included).
    public func isDue(within days: Int, today: Day) -> Bool {
        guard relationship.status == .active, let d = daysToNext(today: today) else { return false }
        return d <= days
    }
}

/// People by id, for turning references into names.
public struct PeopleIndex: Sendable {
    public private(set) var byID: [UUID: Person]

    public init(_ people: [Person]) {
        byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The person's name, or a visible marker for a broken reference.
    public func name(_ id: UUID) -> String { byID[id]?.name ?? "?\(id.uuidString.prefix(8).lowercased())" }

    public subscript(id: UUID) -> Person? { byID[id] }
}

/// A summary as a list of the whole history keeps it: its record without sessions (they are
/// let go as soon as the summary is made) and how many sessions there were.
public struct Listed<Summary: Sendable>: Sendable {
    public var summary: Summary
    public var sessionCount: Int
}

extension CoachingSummary {
    /// The summary for a list, its engagement's sessions let go.
    public var listed: Listed<CoachingSummary> {
        var s = self
        let count = s.engagement.sessions.count
        s.engagement.sessions = []
        return Listed(summary: s, sessionCount: count)
    }
}

extension MentoringSummary {
    /// The summary for a list, its relationship's sessions let go.
    public var listed: Listed<MentoringSummary> {
        var s = self
        let count = s.relationship.sessions.count
        s.relationship.sessions = []
        return Listed(summary: s, sessionCount: count)
    }
}
