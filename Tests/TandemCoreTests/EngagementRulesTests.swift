import Testing
@testable import TandemCore

@Suite struct EngagementRulesTests {
    func engagement(status: EngagementStatus = .active, metrics: [Metric] = [], sessions: [Session] = []) -> CoachingEngagement {
        CoachingEngagement(id: uuid(100), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "pitching",
                           start: day("2026-01-01"), deadline: day("2026-03-01"), status: status,
                           metrics: metrics, sessions: sessions)
    }

    @Test func daysToDeadlineCountsDownThroughZero() {
        let e = engagement()
        #expect(e.daysToDeadline(today: day("2026-02-27")) == 2)
        #expect(e.daysToDeadline(today: day("2026-03-01")) == 0)
        #expect(e.daysToDeadline(today: day("2026-03-04")) == -3)
    }

    @Test func overdueOnlyWhenOpenAndPastTheDeadline() {
        #expect(!engagement().isOverdue(today: day("2026-03-01")))
        #expect(engagement().isOverdue(today: day("2026-03-02")))
        #expect(engagement(status: .onHold).isOverdue(today: day("2026-03-02")))
        #expect(engagement(status: .planned).isOverdue(today: day("2026-03-02")))
        #expect(!engagement(status: .completed).isOverdue(today: day("2026-03-02")))
        #expect(!engagement(status: .cancelled).isOverdue(today: day("2026-03-02")))
    }

    @Test func openStatuses() {
        let open = EngagementStatus.allCases.filter { engagement(status: $0).isOpen }
        #expect(open == [.planned, .active, .onHold])
    }

    @Test func activityCountsFromTheLastSessionElseTheStart() {
        let none = engagement()
        #expect(none.lastSessionDate == nil)
        #expect(none.daysSinceActivity(today: day("2026-01-11")) == 10)
        let some = engagement(sessions: [session(1, "2026-01-20"), session(2, "2026-01-05")])
        #expect(some.lastSessionDate == day("2026-01-20"))
        #expect(some.daysSinceActivity(today: day("2026-01-25")) == 5)
    }

    @Test func momentumAlertAfterMoreThanTheThreshold() {
        let e = engagement(sessions: [session(1, "2026-01-10")])
        #expect(!e.hasMomentumAlert(today: day("2026-01-31"), momentumDays: 21))
        #expect(e.hasMomentumAlert(today: day("2026-02-01"), momentumDays: 21))
        #expect(!engagement(status: .onHold, sessions: [session(1, "2026-01-10")])
            .hasMomentumAlert(today: day("2026-02-01"), momentumDays: 21))
        // No session yet: counted from the start.
        #expect(engagement().hasMomentumAlert(today: day("2026-01-23"), momentumDays: 21))
    }

    @Test func progressIsTheMeanOfMetricsWithReadings() throws {
        #expect(engagement().progress == nil)
        #expect(engagement(metrics: [percentMetric([])]).progress == nil)
        let e = engagement(metrics: [percentMetric([("2026-01-10", 20)]), percentMetric([]),
                                     percentMetric([("2026-01-10", 150)])])
        #expect(abs(try #require(e.progress) - 0.6) < 1e-12)
    }

    @Test func forecastIsTheWorstMetricIgnoringNoData() {
        let onTrack = percentMetric([("2026-01-31", 60)])   // 60 by day 30 of 59: projects past 100
        let offTrack = percentMetric([("2026-01-31", 10)])
        let today = day("2026-01-31")
        #expect(engagement(metrics: [onTrack, percentMetric([])]).forecast(today: today) == .onTrack)
        #expect(engagement(metrics: [onTrack, offTrack, percentMetric([])]).forecast(today: today) == .offTrack)
        #expect(engagement(metrics: [percentMetric([])]).forecast(today: today) == .noData)
        #expect(engagement().forecast(today: today) == .noData)
    }

    @Test func openActionItemsInSessionDateOrder() {
        let a = ActionItem(id: uuid(21), text: "draft the deck")
        let b = ActionItem(id: uuid(22), text: "book the rehearsal", doneOn: day("2026-01-20"))
        let c = ActionItem(id: uuid(23), text: "ask for feedback", due: day("2026-02-01"))
        let e = engagement(sessions: [session(2, "2026-01-20", items: [c]), session(1, "2026-01-10", items: [a, b])])
        #expect(e.openActionItems.map(\.id) == [a.id, c.id])
    }
}
