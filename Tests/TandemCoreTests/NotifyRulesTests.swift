import Foundation
import Testing
import TandemCore

@Suite("NotifyRules: what crosses a threshold today")
struct NotifyRulesTests {
    static let today = Day(iso: "2026-11-29")!
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }
    static let ana = Person(id: id(1), name: "Ana Lima", role: "Designer", team: "creative", level: .mid)
    static let ben = Person(id: id(2), name: "Ben Okafor", role: "Director", team: "creative", level: .lead)

    static func engagement(_ n: Int, deadline: Int, lastSession: Int?, status: EngagementStatus = .active) -> CoachingEngagement {
        var e = CoachingEngagement(id: id(100 + n), coacheeID: ana.id, coach: .external("Coach"), focus: "pitching \(n)",
                                   start: today.adding(days: -60), deadline: today.adding(days: deadline), status: status)
        if let d = lastSession { e.sessions = [Session(id: id(500 + n), date: today.adding(days: d), minutes: 30)] }
        return e
    }

    static func pair(_ n: Int, lastMet: Int, cadence: Int = 14, status: RelationshipStatus = .active) -> MentoringRelationship {
        MentoringRelationship(id: id(200 + n), mentorID: ben.id, menteeID: ana.id, start: today.adding(days: -200), cadenceDays: cadence,
                              status: status, sessions: [Session(id: id(600 + n), date: today.adding(days: lastMet - 1), minutes: 30),
                                                         Session(id: id(700 + n), date: today.adding(days: lastMet), minutes: 30)])
    }

    static func kinds(_ s: Snapshot) -> [String] {
        NotifyRules.events(in: s, today: today).map { "\($0.kind.rawValue) \($0.title)" }
    }

    static func snapshot(_ e: [CoachingEngagement] = [], _ r: [MentoringRelationship] = [], settings: Settings = Settings()) -> Snapshot {
        Snapshot(agency: Agency(name: "A", settings: settings), people: [ana, ben], engagements: e, relationships: r)
    }

    @Test func deadlinesWithinTheDueSoonDays() {
        // Due-soon days 3: today, in 3 days are in; in 4 days and yesterday are not.
        let s = Self.snapshot([Self.engagement(1, deadline: 0, lastSession: -1), Self.engagement(2, deadline: 3, lastSession: -1),
                               Self.engagement(3, deadline: 4, lastSession: -1), Self.engagement(4, deadline: -1, lastSession: -1),
                               Self.engagement(5, deadline: 1, lastSession: -1, status: .onHold)])
        #expect(Self.kinds(s) == ["deadline-soon Ana Lima: pitching 1", "deadline-soon Ana Lima: pitching 2"])
        let e = NotifyRules.events(in: s, today: Self.today)[1]
        #expect(e.message == "coaching deadline in 3 days (2026-12-02)")
        #expect(e.date == "2026-12-02" && e.day == "2026-11-29" && e.record == "coaching")
        // The store's own threshold decides.
        let wider = Self.snapshot(s.engagements, settings: Settings(dueSoonDays: 4))
        #expect(Self.kinds(wider).count == 3)
    }

    @Test func momentumLostAfterTheMomentumDays() {
        let s = Self.snapshot([Self.engagement(1, deadline: 30, lastSession: -21), Self.engagement(2, deadline: 30, lastSession: -22)])
        #expect(Self.kinds(s) == ["momentum-lost Ana Lima: pitching 2"])
    }

    @Test func pairsOverdueAndDrifting() {
        let s = Self.snapshot([], [Self.pair(1, lastMet: -10), Self.pair(2, lastMet: -15), Self.pair(3, lastMet: -29),
                                   Self.pair(4, lastMet: -40, status: .paused)])
        let events = NotifyRules.events(in: s, today: Self.today)
        #expect(events.map(\.kind) == [.pairDrifting, .pairOverdue])
        #expect(events[1].id == Self.id(202) && events[1].title == "Ben Okafor → Ana Lima")
        #expect(events[1].message == "mentoring session overdue by 1 day (every 14 days)")
    }

    @Test func onceADayByKey() {
        let s = Self.snapshot([Self.engagement(1, deadline: 1, lastSession: -30)])
        let events = NotifyRules.events(in: s, today: Self.today)
        #expect(events.count == 2)
        let announced = Set([events[0].key])
        #expect(NotifyRules.unannounced(events, announced: announced) == [events[1]])
        // Tomorrow is another day: announced again.
        let tomorrow = NotifyRules.events(in: s, today: Self.today.adding(days: 1))
        #expect(NotifyRules.unannounced(tomorrow, announced: Set(events.map(\.key))).count == tomorrow.count)
    }

    @Test func theJSONTheCommandReads() throws {
        let e = NotifyRules.events(in: Self.snapshot([Self.engagement(1, deadline: 1, lastSession: -1)]), today: Self.today)[0]
        #expect(e.json == #"{"date":"2026-11-30","day":"2026-11-29","id":"00000000-0000-0000-0000-000000000101","kind":"deadline-soon","message":"coaching deadline tomorrow (2026-11-30)","record":"coaching","title":"Ana Lima: pitching 1"}"#)
        #expect(e.summary == "Tandem: deadline soon — Ana Lima: pitching 1")
    }
}
