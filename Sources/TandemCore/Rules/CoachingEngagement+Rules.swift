/// Deadline, activity, progress and forecast of a coaching engagement.
extension CoachingEngagement {
    /// Days from `today` to the deadline: 0 on the day, negative once it has passed.
    public func daysToDeadline(today: Day) -> Int { today.days(to: deadline) }

    /// Still open (planned, active or on hold) with the deadline behind `today`.
    public func isOverdue(today: Day) -> Bool { isOpen && deadline < today }

    /// Planned, active or on hold: not yet completed or cancelled.
    public var isOpen: Bool {
        switch status {
        case .planned, .active, .onHold: true
        case .completed, .cancelled: false
        }
    }

    /// The date of the latest session; `nil` before the first.
    public var lastSessionDate: Day? { sessions.map(\.date).max() }

    /// Days since the last session, or since the start when there has been none.
    public func daysSinceActivity(today: Day) -> Int { (lastSessionDate ?? start).days(to: today) }

    /// An active engagement with no session for more than `momentumDays` days.
    public func hasMomentumAlert(today: Day, momentumDays: Int) -> Bool {
        status == .active && daysSinceActivity(today: today) > momentumDays
    }

    /// The mean clamped progress of the metrics that have readings; `nil` if none has.
    public var progress: Double? {
        let values = metrics.compactMap(\.progress)
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The worst forecast over the metrics; `noData` when no metric has readings.
    public func forecast(today: Day) -> Forecast {
        Forecast.worst(of: metrics.map { $0.forecast(start: start, deadline: deadline, today: today) })
    }

    /// Action items not done yet, across sessions, by the date of the session that agreed them.
    public var openActionItems: [ActionItem] { sessions.openActionItems }
}
