import Foundation
import Testing
@testable import TandemCore

@Suite struct LogbookTests {
    let today = Day(iso: "2026-11-29")!
    let ana = Person(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, name: "Ana Lima")
    let jose = Person(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!, name: "José Núñez")
    let wang = Person(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000C")!, name: "王小明")

    func engagement(_ id: String = "1a2b3c4d-0000-0000-0000-000000000001", coachee: Person) -> CoachingEngagement {
        CoachingEngagement(
            id: UUID(uuidString: id)!, coacheeID: coachee.id, coach: .external("Coach"), focus: "Pitching",
            start: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-12-15")!,
            metrics: [Metric(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!, name: "Pitch win rate", unit: "%",
                             baseline: 20, target: 40, direction: .higherIsBetter),
                      Metric(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F2")!, name: "Revision rounds", unit: "rounds",
                             baseline: 5, target: 2, direction: .lowerIsBetter)],
            sessions: [Session(id: UUID(), date: Day(iso: "2026-10-01")!, minutes: 60),
                       Session(id: UUID(), date: Day(iso: "2026-11-01")!, minutes: 60)])
    }

    func relationship(mentor: Person, mentee: Person) -> MentoringRelationship {
        MentoringRelationship(id: UUID(uuidString: "9f9f9f9f-0000-0000-0000-000000000002")!, mentorID: mentor.id,
                              menteeID: mentee.id, start: Day(iso: "2026-01-01")!, cadenceDays: 14)
    }

    var snapshot: Snapshot {
        Snapshot(agency: Agency(name: "A"), people: [ana, jose, wang],
                 engagements: [engagement(coachee: ana), engagement("2b3c4d5e-0000-0000-0000-000000000003", coachee: wang)],
                 relationships: [relationship(mentor: ana, mentee: jose)])
    }

    @Test func resolvesByNamePartIgnoringCaseAndAccents() throws {
        let r = try RecordQuery.resolve("jose", in: snapshot).get()
        #expect(r.id == UUID(uuidString: "9f9f9f9f-0000-0000-0000-000000000002")!)
        let w = try RecordQuery.resolve("小明", in: snapshot).get()
        #expect(w.id == UUID(uuidString: "2b3c4d5e-0000-0000-0000-000000000003")!)
    }

    @Test func resolvesByIDPrefix() throws {
        let r = try RecordQuery.resolve("1A2B3C", in: snapshot).get()
        #expect(r.id == UUID(uuidString: "1a2b3c4d-0000-0000-0000-000000000001")!)
    }

    @Test func ambiguousReferenceListsCandidates() {
        // "ana" is the coachee of one engagement and the mentor of a relationship.
        guard case .failure(.ambiguous(_, let candidates)) = RecordQuery.resolve("lima", in: snapshot) else {
            Issue.record("expected ambiguity"); return
        }
        #expect(candidates.count == 2)
        #expect(candidates.contains { $0.hasPrefix("coaching  1a2b3c4d") })
        #expect(candidates.contains { $0.hasPrefix("mentoring 9f9f9f9f") })
    }

    @Test func kindPrefixNarrows() throws {
        let r = try RecordQuery.resolve("coaching:lima", in: snapshot).get()
        guard case .coaching = r else { Issue.record("expected coaching"); return }
    }

    @Test func noMatchAndEmpty() {
        #expect(RecordQuery.resolve("zed", in: snapshot) == .failure(.noMatch("zed")))
        #expect(RecordQuery.resolve("  ", in: snapshot) == .failure(.empty))
    }

    @Test func logsSessionInDateOrderWithReadings() throws {
        var n = 0
        let makeID = { () -> UUID in n += 1; return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
        let input = SessionInput(date: Day(iso: "2026-10-15")!, minutes: 45, notes: "Rehearsed",
                                 actions: [ActionInput(text: "Send deck", due: Day(iso: "2026-10-20")!)],
                                 readings: [("win rate", 32), ("Revision rounds", 4)], pulse: 4)
        let updated = try Logbook.logging(input, on: .coaching(engagement(coachee: ana)), today: today, makeID: makeID).get()
        guard case .coaching(let e) = updated else { Issue.record("kind changed"); return }
        #expect(e.sessions.map(\.date.iso) == ["2026-10-01", "2026-10-15", "2026-11-01"])
        let s = e.sessions[1]
        #expect(s.notes == "Rehearsed" && s.pulse == 4 && s.actionItems.map(\.text) == ["Send deck"])
        #expect(e.metrics[0].readings == [Reading(date: Day(iso: "2026-10-15")!, value: 32, sessionID: s.id)])
        #expect(e.metrics[1].readings.map(\.value) == [4])
    }

    @Test func refusesBadInputWithoutChangingAnything() {
        let e = engagement(coachee: ana)
        let input = SessionInput(date: Day(iso: "2026-08-01")!, minutes: 0, notes: "", readings: [("nps", 3)], pulse: 9)
        guard case .failure(let f) = Logbook.logging(input, on: .coaching(e), today: today, makeID: { UUID() }) else {
            Issue.record("expected failure"); return
        }
        let fields = f.problems.map(\.field)
        #expect(fields.contains("minutes") && fields.contains("pulse") && fields.contains("date") && fields.contains("metric"))
        #expect(f.description.contains("no metric named \"nps\""))
    }

    @Test func mentoringTakesNoReadings() {
        let r = relationship(mentor: ana, mentee: jose)
        let input = SessionInput(date: today, minutes: 30, notes: "x", readings: [("x", 1)])
        guard case .failure(let f) = Logbook.logging(input, on: .mentoring(r), today: today, makeID: { UUID() }) else {
            Issue.record("expected failure"); return
        }
        #expect(f.problems.map(\.field) == ["metric"])
    }

    @Test func insertionIndexKeepsSameDayEntriesInLoggingOrder() {
        let d = Day(iso: "2026-01-02")!
        #expect(Logbook.insertionIndex([], d) == 0)
        #expect(Logbook.insertionIndex([Day(iso: "2026-01-01")!, d, Day(iso: "2026-01-03")!], d) == 2)
    }
}
