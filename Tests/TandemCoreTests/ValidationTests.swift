import Testing
@testable import TandemCore

@Suite struct ValidationTests {
    func engagement(start: String = "2026-02-01", deadline: String = "2026-04-01") -> CoachingEngagement {
        CoachingEngagement(id: uuid(100), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "pitching",
                           objectives: [Objective(id: uuid(40), text: "lead a pitch")],
                           start: day(start), deadline: day(deadline),
                           metrics: [percentMetric([("2026-02-10", 45)], baseline: 40, target: 60)],
                           sessions: [session(1, "2026-02-10")])
    }

    func relationship() -> MentoringRelationship {
        MentoringRelationship(id: uuid(200), mentorID: uuid(1), menteeID: uuid(2), start: day("2026-01-01"),
                              cadenceDays: 14, goals: [Goal(id: uuid(41), text: "speak at a meetup")],
                              sessions: [session(1, "2026-01-05")])
    }

    @Test func problemDescribesFieldThenMessage() {
        #expect(Problem(field: "sessions[3].pulse", message: "pulse 7 is outside 1–5").description
                == "sessions[3].pulse: pulse 7 is outside 1–5")
    }

    // MARK: person

    @Test func validPersonHasNoProblems() {
        #expect(Validation.problems(in: Person(id: uuid(1), name: "Ana", startDate: day("2024-01-01"),
                                               mentoringCapacity: 2, managerID: uuid(2))).isEmpty)
    }

    @Test func personProblems() {
        let p = Person(id: uuid(1), name: "  ", startDate: day("2025-03-01"), mentoringCapacity: -1,
                       managerID: uuid(1), leftOn: day("2025-02-01"))
        #expect(Validation.problems(in: p) == [
            Problem(field: "mentoringCapacity", message: "mentoring capacity -1 is outside 0–10"),
            Problem(field: "name", message: "name is empty"),
            Problem(field: "leftOn", message: "left on 2025-02-01 is before the start date 2025-03-01"),
            Problem(field: "managerID", message: "a person cannot be their own manager"),
        ])
    }

    // MARK: engagement

    @Test func validEngagementHasNoProblems() {
        #expect(Validation.problems(in: engagement()).isEmpty)
    }

    @Test func deadlineBeforeStart() {
        #expect(Validation.problems(in: engagement(start: "2026-02-01", deadline: "2026-01-10")) == [
            Problem(field: "deadline", message: "deadline 2026-01-10 is before the start 2026-02-01"),
        ])
        #expect(Validation.problems(in: engagement(start: "2026-02-01", deadline: "2026-02-01")).isEmpty)
    }

    @Test func engagementFieldProblems() {
        var e = engagement()
        e.focus = ""
        e.coach = .external(" ")
        e.plannedSessions = 0
        e.cadenceDays = 0
        e.objectives.append(Objective(id: uuid(42), text: ""))
        #expect(Validation.problems(in: e) == [
            Problem(field: "plannedSessions", message: "planned sessions 0 is outside 1–200"),
            Problem(field: "cadenceDays", message: "cadence 0 days is outside 1–365 days"),
            Problem(field: "focus", message: "focus is empty: name the skill or gap to work on"),
            Problem(field: "coach", message: "external coach has no name"),
            Problem(field: "objectives[1].text", message: "objective is empty"),
        ])
    }

    @Test func coachCannotCoachThemselves() {
        var e = engagement()
        e.coach = .person(e.coacheeID)
        #expect(Validation.problems(in: e) == [Problem(field: "coach", message: "coach and coachee are the same person")])
    }

    @Test func targetEqualToBaseline() {
        var e = engagement()
        e.metrics[0].target = 40
        #expect(Validation.problems(in: e) == [
            Problem(field: "metrics[0].target", message: "target equals the baseline (40 %): nothing to move toward"),
        ])
    }

    @Test func directionContradictingTargetAndBaseline() {
        var e = engagement()
        e.metrics[0].target = 32.5
        var lower = Metric(id: uuid(901), name: "revision rounds", unit: "rounds", baseline: 4, target: 6,
                           direction: .lowerIsBetter)
        e.metrics.append(lower)
        #expect(Validation.problems(in: e) == [
            Problem(field: "metrics[0].direction", message: "higher is better, but the target 32.5 % is below the baseline 40 %"),
            Problem(field: "metrics[1].direction", message: "lower is better, but the target 6 rounds is above the baseline 4 rounds"),
        ])
        lower.target = 2
        e.metrics[1] = lower
        e.metrics[0].target = 60
        #expect(Validation.problems(in: e).isEmpty)
    }

    @Test func readingProblems() {
        var e = engagement()
        e.metrics[0].name = ""
        e.metrics[0].readings = [
            Reading(date: day("2026-01-20"), value: 41),
            Reading(date: day("2026-02-10"), value: 45),
            Reading(date: day("2026-02-05"), value: 46),
            Reading(date: day("2026-02-12"), value: .nan),
        ]
        #expect(Validation.problems(in: e) == [
            Problem(field: "metrics[0].readings[3].value", message: "reading nan is not a finite number"),
            Problem(field: "metrics[0].name", message: "metric name is empty"),
            Problem(field: "metrics[0].readings[0].date", message: "reading on 2026-01-20 is before the start 2026-02-01"),
            Problem(field: "metrics[0].readings[2].date",
                    message: "reading on 2026-02-05 comes before the previous one (2026-02-10): keep readings in date order"),
        ])
    }

    @Test func sessionProblemsAreNamedByIndex() {
        var e = engagement()
        e.sessions = [session(0, "2026-01-31"), session(1, "2026-02-10"), session(2, "2026-02-08"), session(3, "2026-02-20")]
        e.sessions[3].pulse = 7
        #expect(Validation.problems(in: e) == [
            Problem(field: "sessions[0].date", message: "session on 2026-01-31 is before the start 2026-02-01"),
            Problem(field: "sessions[2].date",
                    message: "session on 2026-02-08 comes before the previous one (2026-02-10): keep sessions in date order"),
            Problem(field: "sessions[3].pulse", message: "pulse 7 is outside 1–5"),
        ])
    }

    // MARK: session

    @Test func sessionProblems() {
        var s = session(1, "2026-02-10", nextDate: "2026-02-10", items: [ActionItem(id: uuid(50), text: "")])
        s.minutes = 0
        s.pulse = 0
        #expect(Validation.problems(in: s, field: "sessions[3]") == [
            Problem(field: "sessions[3].minutes", message: "0 minutes is outside 1–720 minutes (at most a working day of 12 hours)"),
            Problem(field: "sessions[3].pulse", message: "pulse 0 is outside 1–5"),
            Problem(field: "sessions[3].nextDate", message: "next session 2026-02-10 is not after this session on 2026-02-10"),
            Problem(field: "sessions[3].actionItems[0].text", message: "action item is empty"),
        ])
    }

    @Test func sessionWithoutPrefixAndPulseEdges() {
        var s = session(1, "2026-02-10", nextDate: "2026-02-11")
        s.minutes = -5
        s.pulse = 6
        #expect(Validation.problems(in: s, field: "").map(\.field) == ["minutes", "pulse"])
        s.minutes = 1
        for pulse in 1...5 {
            s.pulse = pulse
            #expect(Validation.problems(in: s, field: "").isEmpty, "pulse \(pulse)")
        }
    }

    // MARK: relationship

    @Test func validRelationshipHasNoProblems() {
        #expect(Validation.problems(in: relationship()).isEmpty)
    }

    @Test func relationshipProblems() {
        var r = relationship()
        r.menteeID = r.mentorID
        r.cadenceDays = 0
        r.history = [StatusChange(date: day("2025-12-20"), status: .paused),
                     StatusChange(date: day("2026-02-01"), status: .paused),
                     StatusChange(date: day("2026-01-15"), status: .active)]
        r.goals.append(Goal(id: uuid(43), text: "\t"))
        r.sessions[0].minutes = 0
        #expect(Validation.problems(in: r) == [
            Problem(field: "cadenceDays", message: "cadence 0 days is outside 1–365 days"),
            Problem(field: "menteeID", message: "mentor and mentee are the same person"),
            Problem(field: "history[0].date", message: "status change on 2025-12-20 is before the start 2026-01-01"),
            Problem(field: "history[2].date",
                    message: "status change on 2026-01-15 comes before the previous one (2026-02-01): keep changes in date order"),
            Problem(field: "goals[1].text", message: "goal is empty"),
            Problem(field: "sessions[0].minutes", message: "0 minutes is outside 1–720 minutes (at most a working day of 12 hours)"),
        ])
    }

    // MARK: assessment

    @Test func assessmentProblems() {
        let valid = Assessment(id: uuid(300), personID: uuid(1), date: day("2026-01-01"),
                               answers: [Answer(question: "gap", score: 1), Answer(question: "horizon", score: 5)],
                               recommendation: .coaching, rationale: "a clear gap with a deadline")
        #expect(Validation.problems(in: valid).isEmpty)
        var a = valid
        a.answers = [Answer(question: "gap", score: 7), Answer(question: "", score: 3),
                     Answer(question: "gap", score: 0)]
        #expect(Validation.problems(in: a) == [
            Problem(field: "answers[0].score", message: "score 7 is outside 1–5"),
            Problem(field: "answers[2].score", message: "score 0 is outside 1–5"),
            Problem(field: "answers[1].question", message: "question is empty"),
            Problem(field: "answers[2].question", message: "question \"gap\" is answered twice"),
        ])
    }

    // MARK: references

    @Test func brokenReferencesNameTheRecordAndTheMissingPerson() {
        let ana = Person(id: uuid(1), name: "Ana", managerID: uuid(9))
        let ben = Person(id: uuid(2), name: "Ben", managerID: uuid(1))
        let ghost = uuid(99)
        let snapshot = Snapshot(
            agency: Agency(name: "Studio"), people: [ana, ben],
            engagements: [
                CoachingEngagement(id: uuid(100), coacheeID: ghost, coach: .person(ghost), focus: "x",
                                   start: day("2026-01-01"), deadline: day("2026-02-01")),
                CoachingEngagement(id: uuid(101), coacheeID: ana.id, coach: .external("Dana"), focus: "y",
                                   start: day("2026-01-01"), deadline: day("2026-02-01")),
            ],
            relationships: [
                MentoringRelationship(id: uuid(200), mentorID: ghost, menteeID: ben.id, start: day("2026-01-01"), cadenceDays: 14),
                MentoringRelationship(id: uuid(201), mentorID: ana.id, menteeID: ghost, start: day("2026-01-01"), cadenceDays: 14),
            ],
            assessments: [Assessment(id: uuid(300), personID: ghost, date: day("2026-01-01"), answers: [],
                                     recommendation: .mentoring, rationale: "")])
        let found = Validation.brokenReferences(in: snapshot)
        #expect(found.map(\.recordID) == [ana.id, uuid(100), uuid(100), uuid(200), uuid(201), uuid(300)])
        #expect(found.map(\.problem.field) == ["managerID", "coacheeID", "coach", "mentorID", "menteeID", "personID"])
        #expect(found[1].problem.message == "coachee 00000000-0000-0000-0000-000000000099 is not among the people")
        #expect(found[0].problem.message == "manager 00000000-0000-0000-0000-000000000009 is not among the people")
    }

    @Test func intactReferencesAreNotReported() {
        let snapshot = Snapshot(agency: Agency(name: "Studio"),
                                people: [Person(id: uuid(1), name: "Ana"), Person(id: uuid(2), name: "Ben", managerID: uuid(1))],
                                relationships: [relationship()])
        #expect(Validation.brokenReferences(in: snapshot).isEmpty)
    }
}
