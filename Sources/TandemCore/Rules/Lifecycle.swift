import Foundation

/// Changes of status, as pure functions: close an engagement with an outcome, put it on hold,
/// reopen it; pause, close or resume a relationship. Each appends a `StatusChange` (date, from,
/// to, note) to the record's history, so reopening keeps what closing recorded.
///
/// The day of a change may not be before the record's start, before its last change, or after
/// `today`. A closing needs an outcome sentence. Failures are `Logbook.Failure` (problems by field).
public enum Lifecycle {
    // MARK: Coaching

    /// The engagement completed or cancelled on `date`, with `outcome` (trimmed, not empty):
    /// sets `status`, `closedOn` and `outcome`, and appends to `history`.
    public static func close(_ engagement: CoachingEngagement, as status: EngagementStatus, on date: Day,
                             outcome: String, today: Day) -> Result<CoachingEngagement, Logbook.Failure> {
        var problems: [Problem] = []
        if status != .completed && status != .cancelled {
            problems.append(Problem(field: "status", message: "an engagement closes as completed or cancelled, not \(status.label)"))
        }
        if !engagement.isOpen {
            problems.append(Problem(field: "status", message: "the engagement is already \(engagement.status.label)"))
        }
        let text = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            problems.append(Problem(field: "outcome", message: "say in a sentence what came of it"))
        }
        problems += dateProblems(date, start: engagement.start, last: engagement.history.last?.date, today: today)
        guard problems.isEmpty else { return .failure(Logbook.Failure(problems: problems)) }
        var e = engagement
        e.history.append(StatusChange(date: date, status: status, from: engagement.status, note: text))
        e.status = status
        e.closedOn = date
        e.outcome = text
        return .success(e)
    }

    /// The engagement moved to planned, active or on hold on `date` (reopening a closed one):
    /// clears `closedOn` and `outcome` (the history keeps them) and appends to `history`.
    /// `note` is kept in the history when not empty.
    public static func setStatus(_ engagement: CoachingEngagement, to status: EngagementStatus, on date: Day,
                                 note: String = "", today: Day) -> Result<CoachingEngagement, Logbook.Failure> {
        var problems: [Problem] = []
        if status == .completed || status == .cancelled {
            problems.append(Problem(field: "status", message: "use close(_:as:on:outcome:today:) to complete or cancel"))
        }
        if status == engagement.status {
            problems.append(Problem(field: "status", message: "the engagement is already \(status.label)"))
        }
        problems += dateProblems(date, start: engagement.start, last: engagement.history.last?.date, today: today)
        guard problems.isEmpty else { return .failure(Logbook.Failure(problems: problems)) }
        var e = engagement
        e.history.append(StatusChange(date: date, status: status, from: engagement.status, note: noteOrNil(note)))
        e.status = status
        e.closedOn = nil
        e.outcome = nil
        return .success(e)
    }

    // MARK: Mentoring

    /// The relationship paused on `date` (`pausedOn` set); `note` says why, if given.
    public static func pause(_ relationship: MentoringRelationship, on date: Day, note: String = "",
                             today: Day) -> Result<MentoringRelationship, Logbook.Failure> {
        var problems = dateProblems(date, start: relationship.start, last: relationship.history.last?.date, today: today)
        if relationship.status != .active {
            problems.append(Problem(field: "status", message: "only an active relationship can be paused; this one is \(relationship.status.rawValue)"))
        }
        guard problems.isEmpty else { return .failure(Logbook.Failure(problems: problems)) }
        var r = relationship
        r.history.append(StatusChange(date: date, status: .paused, from: relationship.status, note: noteOrNil(note)))
        r.status = .paused
        r.pausedOn = date
        return .success(r)
    }

    /// The relationship closed on `date` with `outcome` (trimmed, not empty): `closedOn` and
    /// `outcome` set, `pausedOn` cleared (the history keeps it).
    public static func close(_ relationship: MentoringRelationship, on date: Day, outcome: String,
                             today: Day) -> Result<MentoringRelationship, Logbook.Failure> {
        var problems = dateProblems(date, start: relationship.start, last: relationship.history.last?.date, today: today)
        if relationship.status == .closed {
            problems.append(Problem(field: "status", message: "the relationship is already closed"))
        }
        let text = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.append(Problem(field: "outcome", message: "say in a sentence what came of it")) }
        guard problems.isEmpty else { return .failure(Logbook.Failure(problems: problems)) }
        var r = relationship
        r.history.append(StatusChange(date: date, status: .closed, from: relationship.status, note: text))
        r.status = .closed
        r.closedOn = date
        r.outcome = text
        r.pausedOn = nil
        return .success(r)
    }

    /// The relationship active again on `date`, from paused or closed: `pausedOn`, `closedOn`
    /// and `outcome` cleared (the history keeps them). The cadence counts from `date`.
    public static func resume(_ relationship: MentoringRelationship, on date: Day, note: String = "",
                              today: Day) -> Result<MentoringRelationship, Logbook.Failure> {
        var problems = dateProblems(date, start: relationship.start, last: relationship.history.last?.date, today: today)
        if relationship.status == .active {
            problems.append(Problem(field: "status", message: "the relationship is already active"))
        }
        guard problems.isEmpty else { return .failure(Logbook.Failure(problems: problems)) }
        var r = relationship
        r.history.append(StatusChange(date: date, status: .active, from: relationship.status, note: noteOrNil(note)))
        r.status = .active
        r.pausedOn = nil
        r.closedOn = nil
        r.outcome = nil
        return .success(r)
    }

    // MARK: Parts

    static func dateProblems(_ date: Day, start: Day, last: Day?, today: Day) -> [Problem] {
        if date < start { return [Problem(field: "date", message: "\(date) is before the start \(start)")] }
        if let last, date < last {
            return [Problem(field: "date", message: "\(date) is before the last change of status on \(last)")]
        }
        if date > today { return [Problem(field: "date", message: "\(date) is in the future (today is \(today))")] }
        return []
    }

    private static func noteOrNil(_ note: String) -> String? {
        let t = note.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

/// What a coaching engagement achieved, for the closing dialog and the archive: each metric's
/// baseline → final value against its target, and the objectives still open.
public struct ClosingSummary: Equatable, Sendable {
    /// One metric at the close.
    public struct MetricResult: Equatable, Sendable {
        public var metricID: UUID
        public var name: String
        public var unit: String
        public var baseline: Double
        public var target: Double
        /// The latest reading; `nil` when the metric was never read.
        public var final: Double?
        /// Whether the final value reached the target in the metric's direction.
        public var reached: Bool
        /// The final value's share of the way from baseline to target, clamped to 0…1; `nil` without readings.
        public var progress: Double?
    }

    public var metrics: [MetricResult]
    /// Objectives without a done date, in their order.
    public var openObjectives: [Objective]
    /// Objectives with a done date, in their order.
    public var doneObjectives: [Objective]

    public init(_ engagement: CoachingEngagement) {
        metrics = engagement.metrics.map { m in
            let final = m.current
            let reached = final.map { m.progress(of: $0) >= 1 - 1e-9 } ?? false
            return MetricResult(metricID: m.id, name: m.name, unit: m.unit, baseline: m.baseline, target: m.target,
                                final: final, reached: reached, progress: m.progress)
        }
        openObjectives = engagement.objectives.filter { $0.doneOn == nil }
        doneObjectives = engagement.objectives.filter { $0.doneOn != nil }
    }

    /// How many metrics reached their target.
    public var reachedCount: Int { metrics.filter(\.reached).count }
}
