import Foundation

/// What a leader says about a session, before it becomes a `Session`.
public struct SessionInput: Equatable, Sendable {
    public var date: Day
    public var minutes: Int
    public var notes: String
    public var topics: [String]
    public var actions: [ActionInput]
    /// New metric readings by metric name (or a part of it), coaching only.
    public var readings: [(metric: String, value: Double)]
    public var pulse: Int?
    public var visibility: Visibility
    public var nextDate: Day?

    public init(date: Day, minutes: Int, notes: String, topics: [String] = [], actions: [ActionInput] = [],
                readings: [(metric: String, value: Double)] = [], pulse: Int? = nil,
                visibility: Visibility = .private, nextDate: Day? = nil) {
        self.date = date; self.minutes = minutes; self.notes = notes; self.topics = topics
        self.actions = actions; self.readings = readings; self.pulse = pulse
        self.visibility = visibility; self.nextDate = nextDate
    }

    public static func == (a: SessionInput, b: SessionInput) -> Bool {
        a.date == b.date && a.minutes == b.minutes && a.notes == b.notes && a.topics == b.topics
            && a.actions == b.actions && a.pulse == b.pulse && a.visibility == b.visibility
            && a.nextDate == b.nextDate && a.readings.map(\.metric) == b.readings.map(\.metric)
            && a.readings.map(\.value) == b.readings.map(\.value)
    }
}

/// An action item as typed: text and an optional due day; when editing a session, the id of
/// the item it edits (kept) and its done day.
public struct ActionInput: Equatable, Sendable {
    public var text: String
    public var due: Day?
    /// The action item this edits (`nil`: a new one, given a new id).
    public var id: UUID?
    public var doneOn: Day?
    public init(text: String, due: Day? = nil, id: UUID? = nil, doneOn: Day? = nil) {
        self.text = text; self.due = due; self.id = id; self.doneOn = doneOn
    }
}

/// Appends sessions to records: validation first, then one new value, never a half change.
public enum Logbook {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { problems.map(\.description).joined(separator: "; ") }
    }

    /// The record with the session added (sessions and readings kept in date order), after
    /// `SessionRules` (the same rules the forms and `check` apply: minutes within a working day,
    /// not in the future, the next date after the session, saying something…).
    ///
    /// Problems name the session's fields: `date`, `minutes`, `pulse`, `nextDate`, `notes`,
    /// `actionItems[i].text`, and `metric` for a reading that names no metric.
    /// `makeID` supplies new ids, so the core stays free of randomness.
    public static func logging(_ input: SessionInput, on record: SessionRecord, today: Day,
                               makeID: () -> UUID) -> Result<SessionRecord, Failure> {
        let session = Session(
            id: makeID(), date: input.date, minutes: input.minutes,
            notes: input.notes, topics: input.topics.filter { !$0.isEmpty },
            actionItems: input.actions.map { ActionItem(id: makeID(), text: $0.text, due: $0.due) },
            pulse: input.pulse, visibility: input.visibility, nextDate: input.nextDate)
        var problems = SessionRules.problems(in: session, readings: input.readings.count, start: record.start, today: today)

        switch record {
        case .coaching(var e):
            for r in input.readings {
                switch metricIndex(r.metric, in: e.metrics) {
                case .success(let i):
                    let reading = Reading(date: input.date, value: r.value, sessionID: session.id)
                    if !r.value.isFinite || !Bounds.metricValue.contains(r.value) {
                        problems.append(Problem(field: "metric", message: "reading \(r.value) for \"\(e.metrics[i].name)\" "
                            + "is outside \(Bounds.text(Bounds.metricValue))"))
                    }
                    e.metrics[i].readings.insert(reading, at: insertionIndex(e.metrics[i].readings.map(\.date), input.date))
                case .failure(let f):
                    problems += f.problems
                }
            }
            guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
            e.sessions.insert(session, at: insertionIndex(e.sessions.map(\.date), input.date))
            return .success(.coaching(e))
        case .mentoring(var r):
            if !input.readings.isEmpty {
                problems.append(Problem(field: "metric", message: "mentoring relationships have no metrics; readings belong to coaching engagements"))
            }
            guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
            r.sessions.insert(session, at: insertionIndex(r.sessions.map(\.date), input.date))
            return .success(.mentoring(r))
        }
    }

    /// The record with the session `sessionID` changed to `input`, after the same `SessionRules`
    /// as `logging`. The session keeps its id and, when its date is unchanged, its place; action
    /// items with an `id` keep it (and their `doneOn` is the input's). Readings taken in it are
    /// replaced by `input.readings`, except on the metrics in `keeping`, whose readings of this
    /// session stay as they are (moved to the new date if it changed). A reading whose value and
    /// day are unchanged stays where it is, so an unchanged edit gives back the same record.
    public static func editing(_ sessionID: UUID, to input: SessionInput, keeping: Set<UUID> = [],
                               on record: SessionRecord, today: Day, makeID: () -> UUID) -> Result<SessionRecord, Failure> {
        guard let index = record.sessions.firstIndex(where: { $0.id == sessionID }) else {
            return .failure(Failure(problems: [Problem(field: "date", message: "that session is no longer in the record")]))
        }
        let old = record.sessions[index]
        if let sealed = old.sealed, old.isSealedShut {
            // Its text is not in hand: an edit would seal the placeholder over the note.
            return .failure(Failure(problems: [Problem(field: "notes", message: "this session is \(sealed.placeholder) "
                + "and your identity cannot open it, so it cannot be edited")]))
        }
        // The sealed value stays with it: unchanged notes are written back as they were.
        let session = Session(
            id: sessionID, date: input.date, minutes: input.minutes,
            notes: input.notes, topics: input.topics.filter { !$0.isEmpty },
            actionItems: input.actions.map { ActionItem(id: $0.id ?? makeID(), text: $0.text, due: $0.due, doneOn: $0.doneOn) },
            pulse: input.pulse, visibility: input.visibility, nextDate: input.nextDate, sealed: old.sealed)
        var kept = 0
        if case .coaching(let e) = record {
            kept = e.metrics.filter { keeping.contains($0.id) }.reduce(0) { $0 + $1.readings.filter { $0.sessionID == sessionID }.count }
        }
        var problems = SessionRules.problems(in: session, readings: input.readings.count + kept, start: record.start, today: today)
        func placed(_ sessions: [Session]) -> [Session] {
            var out = sessions
            if old.date == session.date { out[index] = session; return out }
            out.remove(at: index)
            out.insert(session, at: insertionIndex(out.map(\.date), session.date))
            return out
        }
        switch record {
        case .coaching(var e):
            var wanted: [Int: Double] = [:]
            for r in input.readings {
                switch metricIndex(r.metric, in: e.metrics) {
                case .success(let i):
                    if !r.value.isFinite || !Bounds.metricValue.contains(r.value) {
                        problems.append(Problem(field: "metric", message: "reading \(r.value) for \"\(e.metrics[i].name)\" "
                            + "is outside \(Bounds.text(Bounds.metricValue))"))
                    }
                    wanted[i] = r.value
                case .failure(let f):
                    problems += f.problems
                }
            }
            guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
            for i in e.metrics.indices {
                var readings = e.metrics[i].readings
                let mine = readings.indices.filter { readings[$0].sessionID == sessionID }
                if keeping.contains(e.metrics[i].id) {
                    guard old.date != session.date, !mine.isEmpty else { continue }
                    let moved = mine.map { readings[$0] }
                    readings.removeAll { $0.sessionID == sessionID }
                    for var r in moved { r.date = session.date; readings.insert(r, at: insertionIndex(readings.map(\.date), r.date)) }
                } else if let value = wanted[i] {
                    if mine.count == 1, readings[mine[0]].date == session.date {
                        readings[mine[0]].value = value
                    } else {
                        readings.removeAll { $0.sessionID == sessionID }
                        readings.insert(Reading(date: session.date, value: value, sessionID: sessionID),
                                        at: insertionIndex(readings.map(\.date), session.date))
                    }
                } else {
                    readings.removeAll { $0.sessionID == sessionID }
                }
                e.metrics[i].readings = readings
            }
            e.sessions = placed(e.sessions)
            return .success(.coaching(e))
        case .mentoring(var r):
            if !input.readings.isEmpty {
                problems.append(Problem(field: "metric", message: "mentoring relationships have no metrics; readings belong to coaching engagements"))
            }
            guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
            r.sessions = placed(r.sessions)
            return .success(.mentoring(r))
        }
    }

    /// The record without the session `sessionID` and without the readings taken in it.
    public static func deleting(_ sessionID: UUID, from record: SessionRecord) -> SessionRecord {
        switch record {
        case .coaching(var e):
            e.sessions.removeAll { $0.id == sessionID }
            for i in e.metrics.indices { e.metrics[i].readings.removeAll { $0.sessionID == sessionID } }
            return .coaching(e)
        case .mentoring(var r):
            r.sessions.removeAll { $0.id == sessionID }
            return .mentoring(r)
        }
    }

    /// The metric a name means: exact (ignoring case), else the one metric containing it.
    public static func metricIndex(_ name: String, in metrics: [Metric]) -> Result<Int, Failure> {
        let needle = name.trimmingCharacters(in: .whitespaces).searchKey
        if let i = metrics.firstIndex(where: { $0.name.searchKey == needle }) { return .success(i) }
        let partial = metrics.indices.filter { metrics[$0].name.searchKey.contains(needle) }
        if partial.count == 1 { return .success(partial[0]) }
        let names = metrics.map { "\"\($0.name)\"" }.joined(separator: ", ")
        if partial.isEmpty {
            return .failure(Failure(problems: [Problem(field: "metric", message: metrics.isEmpty
                ? "this engagement has no metrics, so \"\(name)\" cannot be recorded"
                : "no metric named \"\(name)\"; this engagement has \(names)")]))
        }
        return .failure(Failure(problems: [Problem(field: "metric", message: "\"\(name)\" could be several metrics: \(names)")]))
    }

    /// Where a new entry of `date` goes: after every entry on or before that day.
    static func insertionIndex(_ dates: [Day], _ date: Day) -> Int {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] <= date { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
