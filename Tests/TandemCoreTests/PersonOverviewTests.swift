import Foundation
import Testing
@testable import TandemCore

/// A person's overview, leaving, and closing a leaver's open records.
@Suite("Person overview and leaving")
struct PersonOverviewTests {
    static let today = day("2026-11-29")
    static let ana = Person(id: uuid(1), name: "Ana", team: "creative", startDate: day("2024-05-29"), mentoringCapacity: 1)
    static let łukasz = Person(id: uuid(2), name: "Łukasz", mentoringCapacity: 2)
    static let joao = Person(id: uuid(3), name: "João")
    static let mateo = Person(id: uuid(4), name: "Mateo")

    /// Ana is coached by Łukasz (open, 50 min) and coached Mateo (done, 30 min); she mentors
    /// João (active, 45 min) and Mateo (closed, 20 min), and is mentored by Łukasz (paused, 60 min).
    static var snapshot: Snapshot {
        let coached = CoachingEngagement(id: uuid(10), coacheeID: ana.id, coach: .person(łukasz.id), focus: "Pitching",
                                         start: day("2026-10-01"), deadline: day("2026-12-31"),
                                         sessions: [session(11, "2026-10-10")].map { var s = $0; s.minutes = 50; return s })
        let coaching = CoachingEngagement(id: uuid(20), coacheeID: mateo.id, coach: .person(ana.id), focus: "Estimating",
                                          start: day("2026-01-01"), deadline: day("2026-03-31"), status: .completed,
                                          sessions: [session(21, "2026-02-10")].map { var s = $0; s.minutes = 30; return s },
                                          outcome: "Estimates within 10%", closedOn: day("2026-03-30"))
        let mentorsJoao = MentoringRelationship(id: uuid(30), mentorID: ana.id, menteeID: joao.id, start: day("2026-06-01"), cadenceDays: 14,
                                                sessions: [session(31, "2026-11-01")].map { var s = $0; s.minutes = 45; return s })
        let mentoredMateo = MentoringRelationship(id: uuid(40), mentorID: ana.id, menteeID: mateo.id, start: day("2025-06-01"), cadenceDays: 14,
                                                  status: .closed, sessions: [session(41, "2025-07-01")].map { var s = $0; s.minutes = 20; return s },
                                                  outcome: "Found his feet", closedOn: day("2025-12-01"))
        let mentored = MentoringRelationship(id: uuid(50), mentorID: łukasz.id, menteeID: ana.id, start: day("2026-02-01"), cadenceDays: 30,
                                             status: .paused, sessions: [session(51, "2026-03-01")].map { var s = $0; s.minutes = 60; return s },
                                             pausedOn: day("2026-09-01"))
        return Snapshot(agency: Agency(name: "A"), people: [ana, łukasz, joao, mateo], engagements: [coached, coaching],
                        relationships: [mentorsJoao, mentoredMateo, mentored])
    }

    @Test("every record the person is in, open first and by the other's name in reading order, with hours by part")
    func overview() {
        let o = PersonOverview(Self.ana, in: Self.snapshot, today: Self.today)
        #expect(o.items.map(\.other) == ["João", "Łukasz", "Łukasz", "Mateo", "Mateo"])
        #expect(o.items.map(\.isOpen) == [true, true, true, false, false])
        #expect(o.items.map(\.part) == [.mentor, .coachee, .mentee, .coach, .mentor])
        #expect(o.items.map(\.status).sorted() == ["active", "active", "closed", "completed", "paused"])
        #expect(o.coachingReceived == 50 && o.coachingGiven == 30)
        #expect(o.mentoringReceived == 60 && o.mentoringGiven == 65)
        #expect(o.load == MentoringLoad(active: 1, capacity: 1))
        #expect(o.daysAtAgency == 914)
        #expect(o.openWork.count == 3)
    }

    @Test("two records with the same other person: the newer first")
    func sameOther() {
        let o = PersonOverview(Self.ana, in: Self.snapshot, today: Self.today)
        let withŁukasz = o.items.filter { $0.other == "Łukasz" }
        #expect(withŁukasz.map(\.start) == [day("2026-10-01"), day("2026-02-01")])
    }

    @Test("time at the agency stops on the day they left")
    func tenureStops() {
        var ana = Self.ana
        ana.leftOn = day("2025-05-29")
        #expect(PersonOverview(ana, in: Self.snapshot, today: Self.today).daysAtAgency == 365)
        #expect(PersonOverview(Self.joao, in: Self.snapshot, today: Self.today).daysAtAgency == nil)
    }

    struct LeavingCase: Sendable, CustomTestStringConvertible {
        var day: String
        var problem: String?
        var testDescription: String { "\(day) → \(problem ?? "taken")" }
    }

    static let leavingCases: [LeavingCase] = [
        LeavingCase(day: "2026-11-29", problem: nil),
        LeavingCase(day: "2026-11-03", problem: nil),
        LeavingCase(day: "2024-05-29", problem: nil),
        LeavingCase(day: "2026-11-30", problem: "is in the future"),
        LeavingCase(day: "2024-05-28", problem: "before the start date"),
    ]

    @Test("a leaving day is not in the future nor before the start", arguments: leavingCases)
    func markLeft(_ c: LeavingCase) {
        switch PersonRules.markLeft(Self.ana, on: day(c.day), today: Self.today) {
        case .success(let p):
            #expect(c.problem == nil)
            #expect(p.leftOn == day(c.day))
            #expect(p.name == Self.ana.name && p.startDate == Self.ana.startDate)
        case .failure(let f):
            #expect(c.problem != nil, "refused: \(f.description)")
            #expect(f.problems.allSatisfy { $0.field == "leftOn" })
            #expect(f.description.contains(c.problem ?? "(expected success)"), "\(f.description)")
        }
    }

    @Test("a leaver's open records close through Lifecycle with the leaving day and an outcome; closed ones stay")
    func closeOpenWork() {
        var ana = Self.ana
        ana.leftOn = day("2026-11-03")
        let closed = PersonRules.closeOpenWork(of: ana, in: Self.snapshot, today: Self.today)
        #expect(closed.refused.isEmpty)
        #expect(closed.engagements.map(\.id) == [uuid(10)])
        #expect(closed.relationships.map(\.id) == [uuid(30), uuid(50)])
        let e = closed.engagements[0]
        #expect(e.status == .cancelled && e.closedOn == day("2026-11-03"))
        #expect(e.outcome == "Ana left the agency on 3 Nov 2026")
        #expect(e.history.last == StatusChange(date: day("2026-11-03"), status: .cancelled, from: .active, note: "Ana left the agency on 3 Nov 2026"))
        for r in closed.relationships {
            #expect(r.status == .closed && r.closedOn == day("2026-11-03") && r.pausedOn == nil)
            #expect(r.outcome == "Ana left the agency on 3 Nov 2026")
        }
        #expect(closed.relationships[1].history.last?.from == .paused)
    }

    @Test("a record that started after the leaving day closes today instead; a current person closes nothing")
    func closesToday() {
        var ana = Self.ana
        ana.leftOn = day("2026-05-01")
        let closed = PersonRules.closeOpenWork(of: ana, in: Self.snapshot, today: Self.today)
        #expect(closed.engagements.first?.closedOn == Self.today, "the coaching started on 1 Oct")
        #expect(closed.relationships.first { $0.id == uuid(30) }?.closedOn == Self.today, "João's mentoring started on 1 Jun")
        #expect(closed.relationships.first { $0.id == uuid(50) }?.closedOn == day("2026-05-01"))
        #expect(PersonRules.closeOpenWork(of: Self.ana, in: Self.snapshot, today: Self.today) == PersonRules.ClosedWork())
    }
}
