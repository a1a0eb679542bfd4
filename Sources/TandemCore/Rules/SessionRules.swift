import Foundation

/// What a valid session is, wherever it comes from: the log form, `tandem log`, `:log`, a
/// restored draft or a file read by `tandem check`.
///
/// - its numbers are in range: minutes within a working day (`Bounds.minutes`, 1–720), a pulse
///   of 1–5, its dates within `Bounds.years`;
/// - it is not before the record's start, and not after `today` (a session is logged once it has
///   happened; a planned one is the previous session's next-session date);
/// - the next-session date, if any, comes after the session;
/// - it says something: notes, a topic, a metric reading or an action item;
/// - its action items have text.
public enum SessionRules {
    /// Every problem of `session` on a record that started on `start`, fields named under
    /// `prefix` (`sessions[3]` gives `sessions[3].pulse`; an empty prefix gives `pulse`).
    ///
    /// `readings` is how many metric readings were taken in it (they live on the metrics);
    /// `today` is `nil` where the day is not known, which skips the "in the future" rule.
    public static func problems(in session: Session, readings: Int, start: Day, today: Day?,
                                field prefix: String = "") -> [Problem] {
        func field(_ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }
        var found = Validation.rangeProblems(in: session, field: prefix)
        if session.date < start {
            found.append(Problem(field: field("date"), message: "session on \(session.date) is before the start \(start)"))
        } else if let today, session.date > today {
            found.append(Problem(field: field("date"), message: "session on \(session.date) is in the future "
                + "(today is \(today)): log a session once it has happened; a planned one is a next-session date"))
        }
        if let next = session.nextDate, next <= session.date {
            found.append(Problem(field: field("nextDate"),
                message: "next session \(next) is not after this session on \(session.date)"))
        }
        // A sealed note not opened says what it says: its text is not in hand to judge.
        if session.sealed.map({ $0.opened != nil }) ?? true, saysNothing(session, readings: readings) {
            found.append(Problem(field: field("notes"),
                message: "the session says nothing: write a note, or give a topic, a reading or an action item"))
        }
        for (i, item) in session.actionItems.enumerated() where Validation.isBlank(item.text) {
            found.append(Problem(field: field("actionItems[\(i)].text"), message: "action item is empty"))
        }
        return found
    }

    /// Problems of the session with id `sessionID` as it stands in `record` (readings counted
    /// from the record's metrics); empty when there is no such session.
    public static func problems(ofSession sessionID: UUID, in record: SessionRecord, today: Day?,
                                field prefix: String = "") -> [Problem] {
        guard let session = record.sessions.first(where: { $0.id == sessionID }) else { return [] }
        return problems(in: session, readings: record.readingCount(in: sessionID), start: record.start,
                        today: today, field: prefix)
    }

    /// No notes, no topics, no action items and no readings.
    public static func saysNothing(_ session: Session, readings: Int) -> Bool {
        Validation.isBlank(session.notes) && session.topics.allSatisfy(Validation.isBlank)
            && session.actionItems.isEmpty && readings == 0
    }
}

extension SessionRecord {
    /// The day the engagement or relationship started.
    public var start: Day {
        switch self {
        case .coaching(let e): e.start
        case .mentoring(let r): r.start
        }
    }

    /// How many metric readings were taken in the session `id` (0 for mentoring).
    public func readingCount(in id: UUID) -> Int {
        guard case .coaching(let e) = self else { return 0 }
        return e.readingCount(in: id)
    }
}

extension CoachingEngagement {
    /// How many metric readings were taken in the session `id`.
    public func readingCount(in id: UUID) -> Int {
        metrics.reduce(0) { $0 + $1.readings.filter { $0.sessionID == id }.count }
    }
}
