import Foundation
import Testing
@testable import TandemCore

@Suite struct PrepBriefTests {
    let people = PeopleIndex([Person(id: uuid(1), name: "Ana Lima"), Person(id: uuid(2), name: "Bo Sen")])

    func engagement() -> CoachingEngagement {
        let s1 = Session(id: uuid(501), date: day("2026-03-01"), minutes: 60, notes: "Pitch structure", topics: ["pitching"],
                         actionItems: [ActionItem(id: uuid(601), text: "Send the deck", due: day("2026-03-05")),
                                       ActionItem(id: uuid(602), text: "Done one", doneOn: day("2026-03-02"))])
        let s2 = Session(id: uuid(502), date: day("2026-03-15"), minutes: 45, notes: "Went through\nthe rehearsal\u{1b}[31m",
                         topics: ["rehearsal"], actionItems: [ActionItem(id: uuid(603), text: "Book a room")], nextDate: day("2026-03-29"))
        let win = Metric(id: uuid(700), name: "Win rate", unit: "%", baseline: 20, target: 40, direction: .higherIsBetter,
                         readings: [Reading(date: day("2026-03-01"), value: 25), Reading(date: day("2026-03-15"), value: 30)])
        let rounds = Metric(id: uuid(701), name: "Revision rounds", unit: "rounds", baseline: 4, target: 2, direction: .lowerIsBetter,
                            readings: [Reading(date: day("2026-03-15"), value: 5)])
        let nps = Metric(id: uuid(702), name: "NPS", unit: "pts", baseline: 10, target: 30, direction: .higherIsBetter)
        return CoachingEngagement(id: uuid(100), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "Pitching",
                                  objectives: [Objective(id: uuid(801), text: "Run the rehearsal alone"),
                                               Objective(id: uuid(802), text: "Write proposals faster"),
                                               Objective(id: uuid(803), text: "Old one", doneOn: day("2026-03-01"))],
                                  start: day("2026-02-15"), deadline: day("2026-06-01"),
                                  metrics: [win, rounds, nps], sessions: [s2, s1])
    }

    @Test func theBriefOfAnEngagement() {
        let b = PrepBrief(.coaching(engagement()), people: people, today: day("2026-03-20"))
        #expect(b.title == "Ana Lima — Pitching")
        #expect(b.lastSession?.id == uuid(502))
        #expect(b.daysSinceContact == 5)
        #expect(b.openActions.map(\.item.text) == ["Send the deck", "Book a room"])
        #expect(b.openActions.map(\.agreed) == [day("2026-03-01"), day("2026-03-15")])
        #expect(b.metrics.map(\.before) == [25, 4, 10])
        #expect(b.metrics.map(\.change) == [5, 1, nil])
        #expect(b.metrics.map(\.improved) == [true, false, nil])
        #expect(b.untouched == ["Write proposals faster"], "rehearsal was a topic; done objectives are left out")
        #expect(b.next == day("2026-03-29"))

        let text = b.lines(.text)
        #expect(text.contains("Last contact 5 days ago (2026-03-15). Next due 2026-03-29."))
        #expect(text.contains("  • Send the deck (agreed 2026-03-01, overdue since 2026-03-05)"))
        #expect(text.contains("  • Win rate: 25% → 30% (+5%, better; target 40%)"))
        #expect(text.contains("  • Revision rounds: 4 rounds → 5 rounds (+1 round, worse; target 2 rounds)"))
        #expect(text.contains("  • NPS: no reading yet (baseline 10 pts, target 30 pts)"))
        #expect(text.contains("  the rehearsal?[31m"), "control characters are never printed raw")
        #expect(!text.joined().contains("\u{1b}"))

        let md = b.lines(.md)
        #expect(md[0] == "# Prep: Ana Lima — Pitching")
        #expect(md.contains("## Open action items"))
        #expect(md.contains("> Went through"))
        #expect(md.contains("- Write proposals faster"))
    }

    @Test func theBriefOfANewRelationship() {
        let r = MentoringRelationship(id: uuid(200), mentorID: uuid(2), menteeID: uuid(1), start: day("2026-03-10"), cadenceDays: 14,
                                      goals: [Goal(id: uuid(1), text: "Lead a client workshop")])
        let b = PrepBrief(.mentoring(r), people: people, today: day("2026-03-20"))
        #expect(b.title == "Bo Sen → Ana Lima")
        #expect(b.lastSession == nil && b.daysSinceContact == 10)
        #expect(b.untouched == ["Lead a client workshop"])
        #expect(b.next == day("2026-03-24"))
        let text = b.lines(.text)
        #expect(text.contains("No session yet: 10 days since the start. Next due 2026-03-24."))
        #expect(!text.contains { $0.contains("METRICS") })
        #expect(text.contains("GOALS NOT TOUCHED IN THE LAST 3 SESSIONS"))
    }

    @Test func onlyTheLastThreeSessionsCount() {
        func s(_ n: Int, _ d: String, _ note: String) -> Session { Session(id: uuid(n), date: day(d), minutes: 30, notes: note) }
        let sessions = [s(1, "2026-01-01", "workshop plan"), s(2, "2026-01-10", "x"), s(3, "2026-01-20", "y"), s(4, "2026-01-30", "z")]
        #expect(!PrepBrief.isTouched("Lead a client workshop", by: Array(sessions.suffix(3))))
        #expect(PrepBrief.isTouched("Lead a client workshop", by: Array(sessions.prefix(3))))
        #expect(PrepBrief.isTouched("Lead a WORKSHOP", by: [s(1, "2026-01-01", "the workshöp")]))
    }
}
