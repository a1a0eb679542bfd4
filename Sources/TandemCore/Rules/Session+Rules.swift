extension Array where Element == Session {
    /// The latest session by date (the last one entered on a tie).
    var latest: Session? {
        // One pass over the dates, no session copied but the one returned: this runs for every
        // open relationship whenever the dashboard derives its rows, on every session of its history.
        guard var best = indices.first else { return nil }
        var bestDate = self[best].date
        for k in indices.dropFirst() {
            let d = self[k].date
            if d >= bestDate { best = k; bestDate = d }
        }
        return self[best]
    }

    /// Action items not done yet, by the date of the session that agreed them.
    var openActionItems: [ActionItem] {
        enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .flatMap { $0.element.actionItems.filter { $0.doneOn == nil } }
    }
}
