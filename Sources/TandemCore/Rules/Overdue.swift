/// What is past its date: action items not done by their due date, goals not reached by
/// their target date. One rule for the dashboard's marks, the detail and the header.
extension ActionItem {
    /// Not done, and its due date is before `today`.
    public func isOverdue(today: Day) -> Bool { doneOn == nil && (due.map { $0 < today } ?? false) }
}

extension Goal {
    /// Not achieved, and its target date is before `today`.
    public func isOverdue(today: Day) -> Bool { achievedOn == nil && (targetDate.map { $0 < today } ?? false) }
}

extension CoachingEngagement {
    /// Open action items whose due date has passed.
    public func overdueActionItems(today: Day) -> [ActionItem] { openActionItems.filter { $0.isOverdue(today: today) } }

    /// The next session date agreed in the latest session, when it is `today` or later.
    public func nextSessionDate(today: Day) -> Day? {
        sessions.latest?.nextDate.flatMap { $0 >= today ? $0 : nil }
    }
}

extension MentoringRelationship {
    /// Open action items whose due date has passed.
    public func overdueActionItems(today: Day) -> [ActionItem] { openActionItems.filter { $0.isOverdue(today: today) } }

    /// Goals not reached by their target date.
    public func overdueGoals(today: Day) -> [Goal] { goals.filter { $0.isOverdue(today: today) } }
}
