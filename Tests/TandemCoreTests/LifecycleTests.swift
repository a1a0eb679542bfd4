import Foundation
import Testing
@testable import TandemCore

@Suite struct LifecycleTests {
    let today = day("2026-11-29")

    func engagement() -> CoachingEngagement {
        CoachingEngagement(id: uuid(100), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "pitching",
                           objectives: [Objective(id: uuid(40), text: "lead a pitch", doneOn: day("2026-10-01")),
                                        Objective(id: uuid(41), text: "price a retainer")],
                           start: day("2026-09-01"), deadline: day("2026-12-15"),
                           metrics: [Metric(id: uuid(90), name: "win rate", unit: "%", baseline: 20, target: 40,
                                            direction: .higherIsBetter,
                                            readings: [Reading(date: day("2026-10-01"), value: 30),
                                                       Reading(date: day("2026-11-01"), value: 42)]),
                                     Metric(id: uuid(91), name: "rounds", unit: "", baseline: 5, target: 2,
                                            direction: .lowerIsBetter, readings: [Reading(date: day("2026-10-01"), value: 4)]),
                                     Metric(id: uuid(92), name: "nps", unit: "", baseline: 10, target: 30, direction: .higherIsBetter)])
    }

    func relationship() -> MentoringRelationship {
        MentoringRelationship(id: uuid(200), mentorID: uuid(1), menteeID: uuid(2), start: day("2026-01-01"), cadenceDays: 14)
    }

    @Test func closingRecordsDateOutcomeAndHistoryAndReopeningKeepsThem() throws {
        let closed = try Lifecycle.close(engagement(), as: .completed, on: day("2026-11-20"),
                                         outcome: "  Won two pitches.  ", today: today).get()
        #expect(closed.status == .completed)
        #expect(closed.closedOn == day("2026-11-20"))
        #expect(closed.outcome == "Won two pitches.")
        #expect(closed.history == [StatusChange(date: day("2026-11-20"), status: .completed, from: .active, note: "Won two pitches.")])
        let reopened = try Lifecycle.setStatus(closed, to: .active, on: day("2026-11-25"), note: "one more pitch", today: today).get()
        #expect(reopened.status == .active && reopened.closedOn == nil && reopened.outcome == nil)
        #expect(reopened.history.map(\.status) == [.completed, .active])
        #expect(reopened.history[0].note == "Won two pitches.")
        #expect(reopened.history[1].from == .completed && reopened.history[1].note == "one more pitch")
    }

    @Test func closingRefusesWhatItCannotRecord() {
        func fields(_ r: Result<CoachingEngagement, Logbook.Failure>) -> [String] {
            if case .failure(let f) = r { return f.problems.map(\.field) }
            return []
        }
        let e = engagement()
        #expect(fields(Lifecycle.close(e, as: .completed, on: today, outcome: " ", today: today)) == ["outcome"])
        #expect(fields(Lifecycle.close(e, as: .onHold, on: today, outcome: "x", today: today)) == ["status"])
        #expect(fields(Lifecycle.close(e, as: .cancelled, on: day("2026-12-01"), outcome: "x", today: today)) == ["date"])
        #expect(fields(Lifecycle.close(e, as: .cancelled, on: day("2026-08-01"), outcome: "x", today: today)) == ["date"])
        var done = e
        done.status = .completed
        #expect(fields(Lifecycle.close(done, as: .cancelled, on: today, outcome: "x", today: today)) == ["status"])
        #expect(fields(Lifecycle.setStatus(e, to: .active, on: today, today: today)) == ["status"])
        #expect(fields(Lifecycle.setStatus(e, to: .completed, on: today, today: today)) == ["status"])
        var held = e
        held.history = [StatusChange(date: day("2026-11-10"), status: .onHold, from: .active)]
        held.status = .onHold
        #expect(fields(Lifecycle.setStatus(held, to: .active, on: day("2026-11-09"), today: today)) == ["date"])
    }

    @Test func relationshipPausesClosesAndResumes() throws {
        let paused = try Lifecycle.pause(relationship(), on: day("2026-03-01"), note: "parental leave", today: today).get()
        #expect(paused.status == .paused && paused.pausedOn == day("2026-03-01"))
        #expect(paused.health(today: today, settings: Settings()) == .paused)
        let resumed = try Lifecycle.resume(paused, on: day("2026-05-01"), today: today).get()
        #expect(resumed.status == .active && resumed.pausedOn == nil)
        #expect(resumed.resumedOn == day("2026-05-01"), "the cadence counts from the resumption")
        let closed = try Lifecycle.close(resumed, on: day("2026-11-01"), outcome: "Promoted to lead", today: today).get()
        #expect(closed.status == .closed && closed.closedOn == day("2026-11-01") && closed.outcome == "Promoted to lead")
        #expect(closed.history.map(\.status) == [.paused, .active, .closed])
        #expect(closed.history.map(\.from) == [.active, .paused, .active])
        let reopened = try Lifecycle.resume(closed, on: day("2026-11-10"), today: today).get()
        #expect(reopened.outcome == nil && reopened.closedOn == nil)
        #expect(reopened.history[2].note == "Promoted to lead")
        if case .success = Lifecycle.pause(paused, on: today, today: today) { Issue.record("paused twice") }
        if case .success = Lifecycle.resume(resumed, on: today, today: today) { Issue.record("resumed an active one") }
        if case .success = Lifecycle.close(closed, on: today, outcome: "x", today: today) { Issue.record("closed twice") }
        if case .success = Lifecycle.close(resumed, on: today, outcome: "", today: today) { Issue.record("closed without outcome") }
        #expect(Validation.problems(in: closed).isEmpty)
    }

    @Test func closingSummaryShowsEachMetricAndOpenObjectives() {
        let s = ClosingSummary(engagement())
        #expect(s.metrics.map(\.name) == ["win rate", "rounds", "nps"])
        #expect(s.metrics.map(\.final) == [42, 4, nil])
        #expect(s.metrics.map(\.reached) == [true, false, false])
        #expect(s.metrics[1].progress.map { ($0 * 1000).rounded() } == 333)
        #expect(s.reachedCount == 1)
        #expect(s.openObjectives.map(\.text) == ["price a retainer"])
        #expect(s.doneObjectives.map(\.text) == ["lead a pitch"])
    }

    @Test func oldFilesDecodeAndKeysStaySorted() throws {
        // An engagement as format 1 wrote it before closing existed: no closedOn, no history.
        let old = """
        {"coach":{"external":"C"},"coacheeID":"00000000-0000-0000-0000-000000000001","deadline":"2026-12-15",
         "focus":"f","id":"00000000-0000-0000-0000-000000000064","metrics":[],"objectives":[],"sessions":[],
         "start":"2026-09-01","status":"active"}
        """
        let e = try JSONDecoder().decode(CoachingEngagement.self, from: Data(old.utf8))
        #expect(e.history.isEmpty && e.closedOn == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(!String(decoding: try encoder.encode(e), as: UTF8.self).contains("history"), "an empty history is not written")
        let closed = try Lifecycle.close(e, as: .cancelled, on: day("2026-10-01"), outcome: "budget cut", today: today).get()
        let text = String(decoding: try encoder.encode(closed), as: UTF8.self)
        #expect(text.contains(#""closedOn":"2026-10-01""#))
        #expect(text.contains(#""history":[{"date":"2026-10-01","from":"active","note":"budget cut","status":"cancelled"}]"#))
        #expect(try JSONDecoder().decode(CoachingEngagement.self, from: Data(text.utf8)) == closed)
        let oldChange = #"{"date":"2026-02-01","status":"paused"}"#
        let change = try JSONDecoder().decode(StatusChange<RelationshipStatus>.self, from: Data(oldChange.utf8))
        #expect(change == StatusChange(date: day("2026-02-01"), status: .paused))
    }
}

@Suite struct PersonRulesTests {
    let mentor = Person(id: uuid(1), name: "Marta", mentoringCapacity: 1)
    let a = Person(id: uuid(2), name: "Ana", team: "Design")
    let b = Person(id: uuid(3), name: "Bo", team: "design ", mentoringCapacity: 2)
    let c = Person(id: uuid(4), name: "Chloé", team: "Stratégie", leftOn: day("2026-10-01"))

    func pair(_ id: Int, _ mentor: Person, _ mentee: Person, _ status: RelationshipStatus = .active) -> MentoringRelationship {
        MentoringRelationship(id: uuid(id), mentorID: mentor.id, menteeID: mentee.id, start: day("2026-01-01"),
                              cadenceDays: 14, status: status)
    }

    @Test func loadCountsActiveRelationshipsAgainstCapacity() {
        let s = Snapshot(agency: Agency(name: "A"), people: [mentor, a, b, c],
                         relationships: [pair(10, mentor, a), pair(11, mentor, b), pair(12, mentor, c, .paused),
                                         pair(13, mentor, c, .closed)])
        let load = PersonRules.mentoringLoad(of: mentor.id, in: s)
        #expect(load == MentoringLoad(active: 2, capacity: 1))
        #expect(load.text == "2/1" && load.isOver && load.isFull)
        #expect(PersonRules.mentoringLoad(of: mentor.id, in: s, excluding: uuid(10)).text == "1/1")
        #expect(PersonRules.mentoringLoad(of: a.id, in: s).text == "0/0")
    }

    @Test func pairingWarnings() {
        let s = Snapshot(agency: Agency(name: "A"), people: [mentor, a, b, c], relationships: [pair(10, mentor, a)])
        let names = PeopleIndex(s.people)
        let again = pair(20, b, a)
        #expect(PersonRules.pairingWarnings(again, in: s)
                == [.menteeHasActiveMentor(menteeID: a.id, mentorID: mentor.id, relationshipID: uuid(10))])
        let full = PersonRules.pairingWarnings(pair(21, mentor, b), in: s)
        #expect(full == [.mentorAtCapacity(mentorID: mentor.id, load: MentoringLoad(active: 1, capacity: 1))])
        #expect(full[0].message(names) == "Marta already mentors 1 with a capacity of 1; this pair makes 2/1")
        #expect(PersonRules.pairingWarnings(pair(10, mentor, a), in: s).isEmpty, "editing the pair itself warns of nothing")
        #expect(PersonRules.pairingWarnings(pair(22, b, c), in: s) == [.personHasLeft(personID: c.id, leftOn: day("2026-10-01"))])
        #expect(PersonRules.pairingWarnings(pair(23, mentor, b, .paused), in: s).isEmpty)
    }

    @Test func leaversOpenRecords() {
        let e = CoachingEngagement(id: uuid(30), coacheeID: a.id, coach: .person(c.id), focus: "f",
                                   start: day("2026-01-01"), deadline: day("2026-12-01"))
        var done = e
        done.id = uuid(31); done.status = .completed
        let s = Snapshot(agency: Agency(name: "A"), people: [mentor, a, b, c], engagements: [e, done],
                         relationships: [pair(10, c, b, .paused), pair(11, c, a, .closed)])
        let work = PersonRules.openWork(of: c.id, in: s)
        #expect(work.engagements.map(\.id) == [uuid(30)])
        #expect(work.relationships.map(\.id) == [uuid(10)])
        #expect(PersonRules.leaversWithOpenWork(in: s).map(\.person.id) == [c.id])
    }

    @Test func teamsMatchIgnoringCaseAndAccents() {
        let teams = PersonRules.teams(in: [mentor, a, b, c])
        #expect(teams == ["Design", "Stratégie"])
        #expect(PersonRules.matchTeam(" DESIGN", among: teams) == .existing("Design"))
        #expect(PersonRules.matchTeam("strategie", among: teams) == .existing("Stratégie"))
        #expect(PersonRules.matchTeam("Ops", among: teams) == .new("Ops"))
        #expect(PersonRules.matchTeam("  ", among: teams) == TeamMatch.none)
        #expect(PersonRules.matchTeam("strategie", among: teams).team == "Stratégie")
    }
}

@Suite struct NameOrderTests {
    @Test func accentsAndStrokesSortWithTheirLetter() {
        let names = ["Lydia", "Łukasz", "Laura", "Joan", "João", "Jo", "Zoë", "Ørjan", "Oscar", "émile", "Eva", "anna", "Bruno"]
        #expect(NameOrder.sorted(names, by: \.self)
                == ["anna", "Bruno", "émile", "Eva", "Jo", "Joan", "João", "Laura", "Łukasz", "Lydia", "Ørjan", "Oscar", "Zoë"])
    }

    @Test func orderIsTotalAndDeterministic() {
        let names = ["jose", "José", "Jose", "JOSE"]
        let once = NameOrder.sorted(names, by: \.self)
        #expect(once == NameOrder.sorted(names.reversed(), by: \.self))
        #expect(once == ["JOSE", "Jose", "jose", "José"])
        #expect(NameOrder.key("Łódź") == "lodz")
        #expect(NameOrder.areInIncreasingOrder("Łukasz", "Lydia"))
        #expect(!NameOrder.areInIncreasingOrder("Lydia", "Łukasz"))
    }
}

@Suite struct StatusNamesTests {
    @Test func obviousSpellings() {
        for s in ["on-hold", "on hold", "onhold", "onHold", "ON_HOLD", "hold"] { #expect(StatusNames.engagementStatus(s) == .onHold, "\(s)") }
        #expect(StatusNames.engagementStatus("canceled") == .cancelled)
        #expect(StatusNames.engagementStatus("Completed") == .completed)
        #expect(StatusNames.engagementStatus("paused") == nil)
        #expect(StatusNames.relationshipStatus("Paused") == .paused)
        #expect(StatusNames.relationshipStatus("completed") == nil)
        for s in EngagementStatus.allCases {
            #expect(StatusNames.engagementStatus(s.rawValue) == s)
            #expect(StatusNames.engagementStatus(s.label) == s)
            #expect(StatusNames.engagementStatus(StatusNames.typed(s)) == s)
        }
        for s in RelationshipStatus.allCases { #expect(StatusNames.relationshipStatus(s.rawValue) == s) }
    }
}

@Suite struct DemoLifecycleTests {
    /// The demo's closed and paused records carry what `Lifecycle` records, so the archive and the
    /// detail have outcomes and dates to show.
    @Test func demoRecordsCarryTheirClosingAndPausing() {
        let today = day("2026-11-29")
        let s = DemoAgency.generate(today: today, options: DemoOptions())
        let closed = s.engagements.filter { !$0.isOpen }
        #expect(!closed.isEmpty)
        for e in closed {
            #expect(e.closedOn != nil && e.outcome?.isEmpty == false, "\(e.focus)")
            #expect(e.history.last?.status == e.status && e.history.last?.from == .active && e.history.last?.note == e.outcome)
        }
        for e in s.engagements where e.status == .onHold { #expect(e.history.last?.status == .onHold) }
        let ended = s.relationships.filter { $0.status == .closed }
        #expect(!ended.isEmpty)
        for r in ended {
            #expect(r.closedOn == r.history.last?.date && r.outcome != nil && r.history.last?.note == r.outcome)
        }
        let paused = s.relationships.filter { $0.status == .paused }
        #expect(!paused.isEmpty)
        for r in paused { #expect(r.pausedOn == r.history.last?.date && r.pausedOn != nil) }
        for e in s.engagements { #expect(Validation.problems(in: e, today: today).isEmpty, "\(Validation.problems(in: e, today: today))") }
        for r in s.relationships { #expect(Validation.problems(in: r, today: today).isEmpty, "\(Validation.problems(in: r, today: today))") }
    }
}
