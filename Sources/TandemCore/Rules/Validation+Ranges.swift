/// The range checks of `Bounds`: every number and date a record holds, by field path.
///
/// These are the problems that make a file refuse to load (the store reports the first at its
/// line and column; `check` reports all of them), so that no value in a file can make a rule's
/// arithmetic trap. `problems(in:)` includes them.
extension Validation {
    /// Numbers and dates out of range in a person: start, leaving day, mentoring capacity.
    public static func rangeProblems(in person: Person) -> [Problem] {
        var r = RangeCheck()
        r.day(person.startDate, "startDate")
        r.day(person.leftOn, "leftOn")
        r.whole(person.mentoringCapacity, Bounds.mentoringCapacity, "mentoringCapacity", "mentoring capacity")
        return r.found
    }

    /// Numbers and dates out of range in an engagement: dates, planned sessions, cadence,
    /// metric baselines, targets and readings, sessions.
    public static func rangeProblems(in engagement: CoachingEngagement) -> [Problem] {
        var r = RangeCheck()
        r.day(engagement.start, "start")
        r.day(engagement.deadline, "deadline")
        r.day(engagement.closedOn, "closedOn")
        if let planned = engagement.plannedSessions {
            r.whole(planned, Bounds.plannedSessions, "plannedSessions", "planned sessions")
        }
        if let cadence = engagement.cadenceDays { r.whole(cadence, Bounds.cadenceDays, "cadenceDays", "cadence", unit: "days") }
        for (i, change) in engagement.history.enumerated() { r.day(change.date, "history[\(i)].date") }
        for (i, objective) in engagement.objectives.enumerated() { r.day(objective.doneOn, "objectives[\(i)].doneOn") }
        for (i, metric) in engagement.metrics.enumerated() {
            let m = "metrics[\(i)]"
            r.number(metric.baseline, "\(m).baseline", "baseline")
            r.number(metric.target, "\(m).target", "target")
            for (j, reading) in metric.readings.enumerated() {
                r.day(reading.date, "\(m).readings[\(j)].date")
                r.number(reading.value, "\(m).readings[\(j)].value", "reading")
            }
        }
        for (i, session) in engagement.sessions.enumerated() { r.found += rangeProblems(in: session, field: "sessions[\(i)]") }
        return r.found
    }

    /// Numbers and dates out of range in a relationship: dates, cadence, history, goals, sessions.
    public static func rangeProblems(in relationship: MentoringRelationship) -> [Problem] {
        var r = RangeCheck()
        r.day(relationship.start, "start")
        r.whole(relationship.cadenceDays, Bounds.cadenceDays, "cadenceDays", "cadence", unit: "days")
        r.day(relationship.closedOn, "closedOn")
        r.day(relationship.pausedOn, "pausedOn")
        for (i, change) in relationship.history.enumerated() { r.day(change.date, "history[\(i)].date") }
        for (i, goal) in relationship.goals.enumerated() {
            r.day(goal.targetDate, "goals[\(i)].targetDate")
            r.day(goal.achievedOn, "goals[\(i)].achievedOn")
        }
        for (i, session) in relationship.sessions.enumerated() { r.found += rangeProblems(in: session, field: "sessions[\(i)]") }
        return r.found
    }

    /// Numbers and dates out of range in an assessment: its date and the scores.
    public static func rangeProblems(in assessment: Assessment) -> [Problem] {
        var r = RangeCheck()
        r.day(assessment.date, "date")
        for (i, answer) in assessment.answers.enumerated() {
            r.whole(answer.score, Bounds.score, "answers[\(i)].score", "score")
            if let m = answer.months { r.whole(m, Bounds.horizonMonths, "answers[\(i)].months", "horizon", unit: "months") }
        }
        if let c = assessment.coachingScore { r.whole(c, Bounds.assessmentScore, "coachingScore", "coaching score") }
        if let m = assessment.mentoringScore { r.whole(m, Bounds.assessmentScore, "mentoringScore", "mentoring score") }
        return r.found
    }

    /// Numbers out of range in `tandem.json`'s settings.
    public static func rangeProblems(in agency: Agency) -> [Problem] {
        var r = RangeCheck()
        let s = agency.settings
        r.whole(s.momentumDays, Bounds.settingDays, "settings.momentumDays", "momentum window", unit: "days")
        r.whole(s.dueSoonDays, Bounds.dueSoonDays, "settings.dueSoonDays", "due-soon window", unit: "days")
        r.whole(s.fizzleDays, Bounds.settingDays, "settings.fizzleDays", "fizzle window", unit: "days")
        return r.found
    }

    /// Numbers and dates out of range in a session, fields named under `prefix`.
    ///
    /// Runs for every session of every record loaded, so the field names are only made for a
    /// problem found (`prefix` and `RangeCheck`'s names are autoclosures).
    public static func rangeProblems(in session: Session, field prefix: @autoclosure () -> String) -> [Problem] {
        func field(_ name: String) -> String { let p = prefix(); return p.isEmpty ? name : "\(p).\(name)" }
        var r = RangeCheck()
        r.day(session.date, field("date"))
        r.day(session.nextDate, field("nextDate"))
        if !Bounds.minutes.contains(session.minutes) {
            r.found.append(Problem(field: field("minutes"), message: "\(session.minutes) minutes is outside "
                + "\(Bounds.text(Bounds.minutes)) minutes (at most a working day of 12 hours)"))
        }
        if let pulse = session.pulse { r.whole(pulse, Bounds.pulse, field("pulse"), "pulse") }
        for (i, item) in session.actionItems.enumerated() {
            r.day(item.due, field("actionItems[\(i)].due"))
            r.day(item.doneOn, field("actionItems[\(i)].doneOn"))
        }
        return r.found
    }

    /// Whether `day` falls in `Bounds.years` (compared as days: no calendar arithmetic per date).
    public static func isInRange(_ day: Day) -> Bool { day >= firstDay && day <= lastDay }
    private static let firstDay = Day(year: Bounds.years.lowerBound, month: 1, day: 1)!
    private static let lastDay = Day(year: Bounds.years.upperBound, month: 12, day: 31)!
}

/// Collects range problems.
private struct RangeCheck {
    var found: [Problem] = []

    mutating func whole(_ value: Int, _ range: ClosedRange<Int>, _ field: @autoclosure () -> String, _ name: String, unit: String = "") {
        guard !range.contains(value) else { return }
        let u = unit.isEmpty ? "" : " \(unit)"
        found.append(Problem(field: field(), message: "\(name) \(value)\(u) is outside \(Bounds.text(range))\(u)"))
    }

    mutating func number(_ value: Double, _ field: @autoclosure () -> String, _ name: String) {
        if !value.isFinite {
            found.append(Problem(field: field(), message: "\(name) \(value) is not a finite number"))
        } else if !Bounds.metricValue.contains(value) {
            found.append(Problem(field: field(), message: "\(name) \(value) is outside \(Bounds.text(Bounds.metricValue))"))
        }
    }

    mutating func day(_ day: Day?, _ field: @autoclosure () -> String) {
        guard let day, !Validation.isInRange(day) else { return }
        found.append(Problem(field: field(), message: "date \(day) is outside the years \(Bounds.text(Bounds.years))"))
    }
}
