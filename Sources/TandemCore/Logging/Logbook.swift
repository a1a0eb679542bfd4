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

/// An action item as typed: text and an optional due day.
public struct ActionInput: Equatable, Sendable {
    public var text: String
    public var due: Day?
    public init(text: String, due: Day? = nil) { self.text = text; self.due = due }
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
