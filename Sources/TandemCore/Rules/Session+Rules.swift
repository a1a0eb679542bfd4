extension Array where Element == Session {
    /// The latest session by date (the last one entered on a tie).
    var latest: Session? {
        enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    /// Action items not done yet, by the date of the session that agreed them.
    var openActionItems: [ActionItem] {
        enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .flatMap { $0.element.actionItems.filter { $0.doneOn == nil } }
    }
}
