import Foundation
import Testing
@testable import TandemCore

/// `Logbook.editing` and `Logbook.deleting`: a past session changed in place, under `SessionRules`.
@Suite struct LogbookEditTests {
    let today = Day(iso: "2026-11-29")!
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    let d1 = Day(iso: "2026-10-01")!, d2 = Day(iso: "2026-11-01")!, d3 = Day(iso: "2026-11-20")!

    var engagement: CoachingEngagement {
        CoachingEngagement(
            id: Self.id(1), coacheeID: Self.id(2), coach: .external("Coach"), focus: "Pitching",
            start: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-12-15")!,
            metrics: [Metric(id: Self.id(10), name: "Win rate", unit: "%", baseline: 20, target: 40, direction: .higherIsBetter,
                             readings: [Reading(date: d1, value: 22, sessionID: Self.id(21)),
                                        Reading(date: d2, value: 25.123456789, sessionID: Self.id(22)),
                                        Reading(date: d2, value: 26, sessionID: nil)]),
                      Metric(id: Self.id(11), name: "NPS", unit: "pts", baseline: 10, target: 30, direction: .higherIsBetter,
                             readings: [Reading(date: d2, value: 12, sessionID: Self.id(22))])],
            sessions: [Session(id: Self.id(21), date: d1, minutes: 60, notes: "First"),
                       Session(id: Self.id(22), date: d2, minutes: 45, notes: "Second",
                               actionItems: [ActionItem(id: Self.id(31), text: "Send deck", doneOn: d3)]),
                       Session(id: Self.id(23), date: d3, minutes: 30, notes: "Third")])
    }

    func input(_ s: Session, readings: [(String, Double)] = []) -> SessionInput {
        SessionInput(date: s.date, minutes: s.minutes, notes: s.notes, topics: s.topics,
                     actions: s.actionItems.map { ActionInput(text: $0.text, due: $0.due, id: $0.id, doneOn: $0.doneOn) },
                     readings: readings, pulse: s.pulse, visibility: s.visibility, nextDate: s.nextDate)
    }

    @Test func unchangedEditGivesTheSameRecord() throws {
        let e = engagement
        let edited = try Logbook.editing(Self.id(22), to: input(e.sessions[1]), keeping: [Self.id(10), Self.id(11)],
                                         on: .coaching(e), today: today, makeID: { Issue.record("no new id wanted"); return UUID() }).get()
        #expect(edited == .coaching(e))
    }

    @Test func aChangedReadingStaysInPlaceAndAnUntouchedOneKeepsItsExactValue() throws {
        let e = engagement
        let edited = try Logbook.editing(Self.id(22), to: input(e.sessions[1], readings: [("NPS", 15)]), keeping: [Self.id(10)],
                                         on: .coaching(e), today: today, makeID: { UUID() }).get()
        guard case .coaching(let after) = edited else { Issue.record("kind"); return }
        #expect(after.metrics[0].readings == e.metrics[0].readings)
        #expect(after.metrics[1].readings == [Reading(date: d2, value: 15, sessionID: Self.id(22))])
    }

    @Test func aNewDateMovesTheSessionAndItsReadings() throws {
        let e = engagement
        var s = e.sessions[0]
        s.date = Day(iso: "2026-11-25")!
        let edited = try Logbook.editing(Self.id(21), to: input(s), keeping: [Self.id(10), Self.id(11)],
                                         on: .coaching(e), today: today, makeID: { UUID() }).get()
        guard case .coaching(let after) = edited else { Issue.record("kind"); return }
        #expect(after.sessions.map(\.id) == [Self.id(22), Self.id(23), Self.id(21)])
        #expect(after.metrics[0].readings.map(\.date) == [d2, d2, s.date])
        #expect(after.metrics[0].readings.last == Reading(date: s.date, value: 22, sessionID: Self.id(21)))
    }

    @Test func aMetricNotKeptAndNotGivenLosesThisSessionsReading() throws {
        let e = engagement
        let edited = try Logbook.editing(Self.id(22), to: input(e.sessions[1]), keeping: [Self.id(10)],
                                         on: .coaching(e), today: today, makeID: { UUID() }).get()
        guard case .coaching(let after) = edited else { Issue.record("kind"); return }
        #expect(after.metrics[1].readings.isEmpty)
    }

    @Test func actionItemsKeepIdsAndDoneDaysNewOnesGetIDs() throws {
        let e = engagement
        var i = input(e.sessions[1])
        i.actions[0].text = "Send the short deck"
        i.actions.append(ActionInput(text: "Book a room"))
        let edited = try Logbook.editing(Self.id(22), to: i, keeping: [Self.id(10), Self.id(11)],
                                         on: .coaching(e), today: today, makeID: { Self.id(99) }).get()
        #expect(edited.sessions[1].actionItems == [ActionItem(id: Self.id(31), text: "Send the short deck", doneOn: d3),
                                                    ActionItem(id: Self.id(99), text: "Book a room")])
    }

    @Test(arguments: [("minutes", 0), ("minutes", 721), ("date", 1), ("nextDate", 2), ("notes", 3)])
    func theSameRulesAsLogging(_ field: String, _ variant: Int) {
        let e = engagement
        var s = e.sessions[2]
        switch (field, variant) {
        case ("minutes", let m): s.minutes = m
        case ("date", _): s.date = today.adding(days: 1)
        case ("nextDate", _): s.nextDate = s.date
        default: s.notes = ""
        }
        guard case .failure(let f) = Logbook.editing(Self.id(23), to: input(s), on: .coaching(e), today: today, makeID: { UUID() }) else {
            Issue.record("accepted \(field)"); return
        }
        #expect(f.problems.map(\.field).contains(field), "\(f)")
        let direct = SessionRules.problems(in: s, readings: 0, start: e.start, today: today)
        #expect(direct.map(\.field) == f.problems.map(\.field))
    }

    @Test func aReadingOutOfRangeIsRefused() {
        let e = engagement
        let result = Logbook.editing(Self.id(23), to: input(e.sessions[2], readings: [("Win", .infinity)]),
                                     on: .coaching(e), today: today, makeID: { UUID() })
        guard case .failure(let f) = result else { Issue.record("accepted"); return }
        #expect(f.problems.contains { $0.field == "metric" })
    }

    @Test func aMissingSessionIsAProblemNotATrap() {
        let e = engagement
        guard case .failure = Logbook.editing(Self.id(77), to: input(e.sessions[0]), on: .coaching(e), today: today, makeID: { UUID() }) else {
            Issue.record("accepted"); return
        }
    }

    @Test func deletingTakesTheSessionAndOnlyItsReadings() {
        let e = engagement
        guard case .coaching(let after) = Logbook.deleting(Self.id(22), from: .coaching(e)) else { Issue.record("kind"); return }
        #expect(after.sessions.map(\.id) == [Self.id(21), Self.id(23)])
        #expect(after.metrics[0].readings == [e.metrics[0].readings[0], e.metrics[0].readings[2]])
        #expect(after.metrics[1].readings.isEmpty)
    }
}
