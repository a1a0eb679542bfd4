/// Cadence, health and streak of a mentoring relationship.
extension MentoringRelationship {
    /// The date of the latest session; `nil` before the first.
    public var lastMet: Day? {
        var last: Day?
        for k in sessions.indices where last.map({ sessions[k].date > $0 }) ?? true { last = sessions[k].date }
        return last
    }

    /// The date of the last change of status to active (the latest resumption), if any.
    public var resumedOn: Day? { history.last { $0.status == .active }?.date }

    /// The day the cadence counts from: the later of the last meeting and the last
    /// resumption, each defaulting to the start.
    public var anchor: Day { max(lastMet ?? start, resumedOn ?? start) }

    /// The day the next meeting is due; `nil` while paused or closed.
    ///
    /// The next date agreed in the latest session wins when it falls after the anchor;
    /// otherwise one cadence after the anchor. (`today` does not move the due date: a missed
    /// date stays due, and `health` counts how many cadences have passed since.)
    public func nextDue(today: Day) -> Day? {
        status == .active ? cadenceDue : nil
    }

    /// The next due date, whatever the status.
    private var cadenceDue: Day {
        if let agreed = sessions.latest?.nextDate, agreed > anchor { return agreed }
        return anchor.adding(days: cadenceDays)
    }

    /// The relationship's health on `today`.
    ///
    /// Closed and paused say so. One session and nothing for `fizzleDays` since it (or since
    /// a later resumption) is fizzled. Otherwise count the due dates strictly passed — the
    /// next due date, then one every cadence — two or more is drifting, one is overdue;
    /// due within `dueSoonDays` is due soon; else on track.
    public func health(today: Day, settings: Settings) -> Health {
        switch status {
        case .closed: return .closed
        case .paused: return .paused
        case .active: break
        }
        if sessions.count == 1, anchor.days(to: today) >= settings.fizzleDays { return .fizzled }
        let late = cadenceDue.days(to: today)
        let missed = late > 0 ? 1 + (late - 1) / Swift.max(cadenceDays, 1) : 0
        if missed >= 2 { return .drifting }
        if missed == 1 { return .overdue }
        return -late <= settings.dueSoonDays ? .dueSoon : .onTrack
    }

    /// How many sessions in a row, back from the latest, kept the cadence.
    ///
    /// 0 while overdue, drifting or fizzled. The latest session counts 1; each earlier one
    /// counts while its gap to the next is at most one and a half cadences, not counting
    /// days the relationship was paused.
    public func streak(today: Day, settings: Settings) -> Int {
        switch health(today: today, settings: settings) {
        case .overdue, .drifting, .fizzled: return 0
        case .onTrack, .dueSoon, .paused, .closed: break
        }
        let dates = sessions.map(\.date).sorted()
        guard var later = dates.last else { return 0 }
        let (triple, overflow) = cadenceDays.multipliedReportingOverflow(by: 3)
        let allowed = overflow ? Int.max : triple / 2
        var count = 1
        for earlier in dates.dropLast().reversed() {
            guard earlier.days(to: later) - pausedDays(from: earlier, to: later) <= allowed else { break }
            count += 1
            later = earlier
        }
        return count
    }

    /// Action items not done yet, across sessions, by the date of the session that agreed them.
    public var openActionItems: [ActionItem] { sessions.openActionItems }

    /// Whole months from the start to `today`; 0 before a month has passed.
    public func monthsSince(today: Day) -> Int {
        guard today > start else { return 0 }
        let (sy, sm, _) = start.parts
        let (ty, tm, _) = today.parts
        let months = (ty - sy) * 12 + (tm - sm)
        return start.adding(months: months) > today ? months - 1 : months
    }

    /// Days between `from` and `to` that fall in a pause recorded in the history.
    func pausedDays(from: Day, to: Day) -> Int {
        var total = 0
        var pausedSince: Day?
        for change in history {
            if change.status == .paused {
                if pausedSince == nil { pausedSince = change.date }
            } else if let since = pausedSince {
                total += overlap(since, change.date, from, to)
                pausedSince = nil
            }
        }
        if let since = pausedSince { total += overlap(since, to, from, to) }
        return total
    }

    private func overlap(_ a: Day, _ b: Day, _ c: Day, _ d: Day) -> Int {
        Swift.max(0, Swift.max(a, c).days(to: Swift.min(b, d)))
    }
}
