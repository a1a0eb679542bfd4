import Foundation

/// The checks a record must pass before it is saved, and the references a store must keep.
///
/// Each check returns every problem it finds: out-of-range values first (`rangeProblems`, what
/// refuses a file on load), then the other rules in field order; an empty list means valid.
public enum Validation {
    /// Problems in a person: numbers and dates out of range, an empty name, leaving before
    /// starting, being their own manager.
    public static func problems(in person: Person) -> [Problem] {
        var found = rangeProblems(in: person)
        if isBlank(person.name) { found.append(Problem(field: "name", message: "name is empty")) }
        if let left = person.leftOn, let started = person.startDate, left < started {
            found.append(Problem(field: "leftOn", message: "left on \(left) is before the start date \(started)"))
        }
        if person.managerID == person.id {
            found.append(Problem(field: "managerID", message: "a person cannot be their own manager"))
        }
        return found
    }

    /// Problems in a coaching engagement: numbers and dates out of range, focus, coach, dates,
    /// objectives, metrics and their readings, the history, and sessions (`SessionRules`; with
    /// `today`, a session after it is a problem).
    public static func problems(in engagement: CoachingEngagement, today: Day? = nil) -> [Problem] {
        // Sessions' ranges come with the sessions' own rules below.
        var found = rangeProblems(in: engagement).filter { !$0.field.hasPrefix("sessions[") }
        let start = engagement.start
        if isBlank(engagement.focus) {
            found.append(Problem(field: "focus", message: "focus is empty: name the skill or gap to work on"))
        }
        switch engagement.coach {
        case .external(let name) where isBlank(name):
            found.append(Problem(field: "coach", message: "external coach has no name"))
        case .person(let id) where id == engagement.coacheeID:
            found.append(Problem(field: "coach", message: "coach and coachee are the same person"))
        default:
            break
        }
        if engagement.deadline < start {
            found.append(Problem(field: "deadline",
                message: "deadline \(engagement.deadline) is before the start \(start)"))
        }
        if let closed = engagement.closedOn, closed < start {
            found.append(Problem(field: "closedOn", message: "closed on \(closed) is before the start \(start)"))
        }
        found += problems(in: engagement.history, start: start)
        for (i, objective) in engagement.objectives.enumerated() where isBlank(objective.text) {
            found.append(Problem(field: "objectives[\(i)].text", message: "objective is empty"))
        }
        for (i, metric) in engagement.metrics.enumerated() {
            found += problems(in: metric, start: start, field: "metrics[\(i)]")
        }
        found += problems(in: engagement.sessions, start: start, today: today) { engagement.readingCount(in: $0) }
        return found
    }

    /// Problems in a mentoring relationship: numbers and dates out of range, the pair, the
    /// history, closing and pause dates, goals and sessions (`SessionRules`).
    public static func problems(in relationship: MentoringRelationship, today: Day? = nil) -> [Problem] {
        var found = rangeProblems(in: relationship).filter { !$0.field.hasPrefix("sessions[") }
        let start = relationship.start
        if relationship.mentorID == relationship.menteeID {
            found.append(Problem(field: "menteeID", message: "mentor and mentee are the same person"))
        }
        found += problems(in: relationship.history, start: start)
        for (field, day) in [("closedOn", relationship.closedOn), ("pausedOn", relationship.pausedOn)] {
            if let day, day < start {
                found.append(Problem(field: field, message: "\(day) is before the start \(start)"))
            }
        }
        for (i, goal) in relationship.goals.enumerated() where isBlank(goal.text) {
            found.append(Problem(field: "goals[\(i)].text", message: "goal is empty"))
        }
        found += problems(in: relationship.sessions, start: start, today: today) { _ in 0 }
        return found
    }

    /// Problems in a needs assessment: empty or repeated questions, scores outside 1–5.
    public static func problems(in assessment: Assessment) -> [Problem] {
        var found = rangeProblems(in: assessment)
        var seen: Set<String> = []
        for (i, answer) in assessment.answers.enumerated() {
            if isBlank(answer.question) {
                found.append(Problem(field: "answers[\(i)].question", message: "question is empty"))
            } else if !seen.insert(answer.question).inserted {
                found.append(Problem(field: "answers[\(i)].question",
                    message: "question \"\(answer.question)\" is answered twice"))
            }
            if answer.yes != nil && answer.months != nil {
                found.append(Problem(field: "answers[\(i)]", message: "an answer is yes/no or months, not both"))
            } else if let q = AssessmentQuestion(rawValue: answer.question) {
                if q.isMonths && answer.yes != nil {
                    found.append(Problem(field: "answers[\(i)].yes", message: "\(q.rawValue) is answered in months, not yes/no"))
                } else if !q.isMonths && answer.months != nil {
                    found.append(Problem(field: "answers[\(i)].months", message: "\(q.rawValue) is answered yes or no, not in months"))
                }
            }
        }
        return found
    }

    /// Problems in one session on its own (ranges, the next date, saying something, action
    /// items), its fields named under `prefix`; see `SessionRules` for the rules with the
    /// record's start and `today`.
    public static func problems(in session: Session, field prefix: String) -> [Problem] {
        SessionRules.problems(in: session, readings: 0, start: Day(dayNumber: Int.min / 2), today: nil, field: prefix)
    }

    /// References to people that do not exist: managers, coachees, coaches, mentors, mentees
    /// and assessed people, each with the id of the record that holds it.
    public static func brokenReferences(in snapshot: Snapshot) -> [(recordID: UUID, problem: Problem)] {
        let people = Set(snapshot.people.map(\.id))
        var found: [(recordID: UUID, problem: Problem)] = []
        func check(_ id: UUID?, _ role: String, _ field: String, in record: UUID) {
            guard let id, !people.contains(id) else { return }
            found.append((record, Problem(field: field, message: "\(role) \(id.uuidString) is not among the people")))
        }
        for person in snapshot.people { check(person.managerID, "manager", "managerID", in: person.id) }
        for engagement in snapshot.engagements {
            check(engagement.coacheeID, "coachee", "coacheeID", in: engagement.id)
            if case .person(let coach) = engagement.coach { check(coach, "coach", "coach", in: engagement.id) }
        }
        for relationship in snapshot.relationships {
            check(relationship.mentorID, "mentor", "mentorID", in: relationship.id)
            check(relationship.menteeID, "mentee", "menteeID", in: relationship.id)
        }
        for assessment in snapshot.assessments {
            check(assessment.personID, "person", "personID", in: assessment.id)
        }
        return found
    }

    // MARK: - Parts

    private static func problems(in metric: Metric, start: Day, field prefix: String) -> [Problem] {
        var found: [Problem] = []
        if isBlank(metric.name) {
            found.append(Problem(field: "\(prefix).name", message: "metric name is empty"))
        }
        let baseline = show(metric.baseline, metric.unit), target = show(metric.target, metric.unit)
        if metric.target == metric.baseline {
            found.append(Problem(field: "\(prefix).target",
                message: "target equals the baseline (\(baseline)): nothing to move toward"))
        } else if metric.direction == .higherIsBetter, metric.target < metric.baseline {
            found.append(Problem(field: "\(prefix).direction",
                message: "higher is better, but the target \(target) is below the baseline \(baseline)"))
        } else if metric.direction == .lowerIsBetter, metric.target > metric.baseline {
            found.append(Problem(field: "\(prefix).direction",
                message: "lower is better, but the target \(target) is above the baseline \(baseline)"))
        }
        var previous: Day?
        for (i, reading) in metric.readings.enumerated() {
            let field = "\(prefix).readings[\(i)]"
            if reading.date < start {
                found.append(Problem(field: "\(field).date", message: "reading on \(reading.date) is before the start \(start)"))
            } else if let previous, reading.date < previous {
                found.append(Problem(field: "\(field).date", message: outOfOrder("reading", reading.date, previous, "readings")))
            }
            previous = reading.date
        }
        return found
    }

    /// Each session's problems (`SessionRules`), then its place: in date order.
    private static func problems(in sessions: [Session], start: Day, today: Day?,
                                 readings: (UUID) -> Int) -> [Problem] {
        var found: [Problem] = []
        var previous: Day?
        for (i, session) in sessions.enumerated() {
            let prefix = "sessions[\(i)]"
            found += SessionRules.problems(in: session, readings: readings(session.id), start: start, today: today, field: prefix)
            if session.date >= start, let previous, session.date < previous {
                found.append(Problem(field: "\(prefix).date", message: outOfOrder("session", session.date, previous, "sessions")))
            }
            previous = session.date
        }
        return found
    }

    /// A history of status changes: not before the start, in date order.
    private static func problems<S>(in history: [StatusChange<S>], start: Day) -> [Problem] {
        var found: [Problem] = []
        var previous: Day?
        for (i, change) in history.enumerated() {
            let field = "history[\(i)].date"
            if change.date < start {
                found.append(Problem(field: field, message: "status change on \(change.date) is before the start \(start)"))
            } else if let previous, change.date < previous {
                found.append(Problem(field: field, message: outOfOrder("status change", change.date, previous, "changes")))
            }
            previous = change.date
        }
        return found
    }

    private static func outOfOrder(_ what: String, _ date: Day, _ previous: Day, _ plural: String) -> String {
        "\(what) on \(date) comes before the previous one (\(previous)): keep \(plural) in date order"
    }

    static func isBlank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }

    /// A value as a person writes it: "40 %", "2.5 rounds", "12".
    private static func show(_ value: Double, _ unit: String) -> String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return unit.isEmpty ? number : "\(number) \(unit)"
    }
}
