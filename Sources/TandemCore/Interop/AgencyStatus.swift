import Foundation

/// The one line `tandem status` prints for a shell prompt or a tmux status bar.
///
/// Overdue: open engagements past their deadline, and active relationships whose next meeting
/// is late. Due this week: deadlines and next meetings from today through the next six days.
public struct AgencyStatus: Equatable, Sendable {
    public var overdueCoaching = 0
    public var overdueMentoring = 0
    public var dueCoaching = 0
    public var dueMentoring = 0

    public var overdue: Int { overdueCoaching + overdueMentoring }
    public var dueThisWeek: Int { dueCoaching + dueMentoring }

    public init(_ snapshot: Snapshot, today: Day) {
        for e in snapshot.engagements { add(e, today: today) }
        for r in snapshot.relationships { add(r, today: today) }
    }

    /// Nothing counted yet: `add` each record (a store streamed a record at a time).
    public init() {}

    /// Counts an engagement: overdue when open past its deadline, due within the next six days.
    public mutating func add(_ e: CoachingEngagement, today: Day) {
        guard e.isOpen else { return }
        let d = e.daysToDeadline(today: today)
        if d < 0 { overdueCoaching += 1 } else if d < 7 { dueCoaching += 1 }
    }

    /// Counts a relationship: an active one whose next meeting is late, or within six days.
    public mutating func add(_ r: MentoringRelationship, today: Day) {
        guard r.status == .active, let next = r.nextDue(today: today) else { return }
        let d = today.days(to: next)
        if d < 0 { overdueMentoring += 1 } else if d < 7 { dueMentoring += 1 }
    }

    /// "2 overdue · 3 due this week"; "nothing due this week" when both are zero.
    public var line: String {
        if overdue == 0 && dueThisWeek == 0 { return "nothing due this week" }
        return "\(overdue) overdue · \(dueThisWeek) due this week"
    }
}
