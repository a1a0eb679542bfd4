import Testing
@testable import TandemCore

@Suite struct MetricRulesTests {
    let start = day("2026-01-01")
    let deadline = day("2026-01-11")

    @Test func noReadingsMeansNoData() {
        let m = percentMetric([])
        #expect(m.current == nil)
        #expect(m.progress == nil)
        #expect(m.projection(start: start, deadline: deadline) == nil)
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-05")) == .noData)
    }

    @Test func currentIsLatestByDateThenLastEntered() {
        let m = percentMetric([("2026-01-05", 30), ("2026-01-03", 90), ("2026-01-05", 40)])
        #expect(m.current == 40)
    }

    @Test func progressIsUnclampedButPropertyIsClamped() {
        #expect(percentMetric([], baseline: 40, target: 60).progress(of: 50) == 0.5)
        #expect(percentMetric([], baseline: 40, target: 60).progress(of: 70) == 1.5)
        #expect(percentMetric([], baseline: 40, target: 60).progress(of: 30) == -0.5)
        #expect(percentMetric([("2026-01-02", 130)]).progress == 1)
        #expect(percentMetric([("2026-01-02", -20)]).progress == 0)
        #expect(percentMetric([("2026-01-02", 25)]).progress == 0.25)
    }

    @Test func lowerIsBetterProgress() {
        let m = Metric(id: uuid(1), name: "revision rounds", unit: "rounds", baseline: 6, target: 2,
                       direction: .lowerIsBetter, readings: [Reading(date: day("2026-01-05"), value: 5)])
        #expect(m.progress(of: 4) == 0.5)
        #expect(m.progress(of: 1) == 1.25)
        #expect(m.progress(of: 7) == -0.25)
        #expect(m.progress == 0.25)
    }

    @Test func targetEqualToBaselineNeverDividesByZero() {
        let up = percentMetric([], baseline: 50, target: 50)
        #expect(up.progress(of: 50) == 1)
        #expect(up.progress(of: 49) == 0)
        var down = up
        down.direction = .lowerIsBetter
        #expect(down.progress(of: 49) == 1)
        #expect(down.progress(of: 51) == 0)
    }

    @Test func oneReadingAfterStartTrendsFromTheBaseline() {
        let m = percentMetric([("2026-01-06", 50)], baseline: 40, target: 60)
        let p = try! #require(m.projection(start: start, deadline: deadline))
        #expect(abs(p - 60) < 1e-9)
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-06")) == .onTrack)
    }

    @Test func readingOnTheStartReplacesTheBaselinePoint() {
        // One reading on the start day: a single point, no trend; its own progress decides.
        let m = percentMetric([("2026-01-01", 80)])
        #expect(m.projection(start: start, deadline: deadline) == nil)
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-02")) == .atRisk)
    }

    @Test func allPointsOnOneDayHaveNoTrend() {
        let m = percentMetric([("2026-01-01", 10), ("2026-01-01", 20)])
        #expect(m.projection(start: start, deadline: deadline) == nil)
    }

    @Test func projectionIsLeastSquares() {
        // Points (0, 0) baseline, (1, 1), (2, 3): slope 1.5 through (1, 4/3); at day 4: 4/3 + 4.5.
        let m = percentMetric([("2026-01-02", 1), ("2026-01-03", 3)])
        let p = try! #require(m.projection(start: start, deadline: day("2026-01-05")))
        #expect(abs(p - (4.0 / 3 + 4.5)) < 1e-9)
    }

    @Test func forecastThresholds() {
        let today = day("2026-01-06")
        // Projections at the deadline of 100, 80 and 74 (a straight line from 0 at the start).
        #expect(percentMetric([("2026-01-06", 50)]).forecast(start: start, deadline: deadline, today: today) == .onTrack)
        #expect(percentMetric([("2026-01-06", 40)]).forecast(start: start, deadline: deadline, today: today) == .atRisk)
        #expect(percentMetric([("2026-01-06", 37.5)]).forecast(start: start, deadline: deadline, today: today) == .atRisk)
        #expect(percentMetric([("2026-01-06", 37)]).forecast(start: start, deadline: deadline, today: today) == .offTrack)
    }

    @Test func readingsMovingTheWrongWayAreOffTrack() {
        let m = percentMetric([("2026-01-03", 45), ("2026-01-06", 35)], baseline: 40, target: 60)
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-06")) == .offTrack)
    }

    @Test func lowerIsBetterForecast() {
        // 6 → 2 rounds over 40 days; 5 after 10 days projects to exactly 2.
        let m = Metric(id: uuid(1), name: "revision rounds", unit: "rounds", baseline: 6, target: 2,
                       direction: .lowerIsBetter, readings: [Reading(date: day("2026-01-11"), value: 5)])
        let end = day("2026-02-10")
        #expect(m.forecast(start: start, deadline: end, today: day("2026-01-11")) == .onTrack)
        var worse = m
        worse.readings = [Reading(date: day("2026-01-11"), value: 7)]
        #expect(worse.forecast(start: start, deadline: end, today: day("2026-01-11")) == .offTrack)
    }

    @Test func targetAlreadyReachedIsOnTrackWhateverTheTrend() {
        // Fell from 150 to 100: the trend points down, but the target is reached.
        let m = percentMetric([("2026-01-02", 150), ("2026-01-04", 100)])
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-04")) == .onTrack)
    }

    @Test func onTheDeadlineTheCurrentValueDecides() {
        // The line through (0, 0), (5, 90), (10, 70) reaches 88 on the deadline, but 70 is where it stands.
        let m = percentMetric([("2026-01-06", 90), ("2026-01-11", 70)])
        #expect(m.forecast(start: start, deadline: deadline, today: deadline) == .offTrack)
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-10")) == .atRisk)
    }

    @Test func pastTheDeadlineTheCurrentValueDecides() {
        let m = percentMetric([("2026-01-06", 20), ("2026-01-20", 80)])
        #expect(m.forecast(start: start, deadline: deadline, today: day("2026-01-25")) == .atRisk)
        #expect(percentMetric([("2026-01-20", 100)]).forecast(start: start, deadline: deadline, today: day("2026-01-25")) == .onTrack)
    }
}
