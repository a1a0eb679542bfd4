import Foundation
import Testing
@testable import TandemCore

/// A small agency whose insights are worked out by hand below. Today is Sun 29 Nov 2026, so
/// "this quarter" is 1 Oct – 29 Nov (60 days) and "last quarter" 1 Jul – 30 Sep.
///
/// People: 1 Ada (Design, capacity 2), 2 Ben (Design, capacity 1), 3 Cy (Studio, capacity 0),
/// 4 Dee (Studio), 5 Eve (Design), 6 Fay (left).
@Suite struct InsightsTests {
    let today = day("2026-11-29")

    func person(_ n: Int, _ name: String, _ team: String, capacity: Int = 0, left: String? = nil) -> Person {
        Person(id: uuid(n), name: name, team: team, mentoringCapacity: capacity, leftOn: left.map(day))
    }

    func s(_ n: Int, _ date: String, minutes: Int = 60, pulse: Int? = nil, items: [ActionItem] = []) -> Session {
        Session(id: uuid(500 + n), date: day(date), minutes: minutes, notes: "PRIVATE NOTE \(n)", actionItems: items, pulse: pulse)
    }

    func metric(_ n: Int, _ dir: Direction, baseline: Double, target: Double, _ readings: [(String, Double)]) -> Metric {
        Metric(id: uuid(900 + n), name: "m\(n)", unit: "", baseline: baseline, target: target, direction: dir,
               readings: readings.map { Reading(date: day($0.0), value: $0.1) })
    }

    var store: Snapshot {
        let people = [person(1, "Ada", "Design", capacity: 2), person(2, "Ben", "Design", capacity: 1),
                      person(3, "Cy", "Studio"), person(4, "Dee", "Studio"), person(5, "Eve", "Design"),
                      person(6, "Fay", "Design", left: "2026-06-30")]
        // E1: active, on track (already at target), deadline in 11 days, last session 58 days ago.
        let e1 = CoachingEngagement(
            id: uuid(101), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "pitching",
            start: day("2026-09-01"), deadline: day("2026-12-10"), status: .active,
            metrics: [metric(1, .higherIsBetter, baseline: 0, target: 100, [("2026-09-15", 50), ("2026-10-02", 100)])],
            sessions: [s(1, "2026-09-28", minutes: 90),
                       s(2, "2026-10-02", items: [ActionItem(id: uuid(601), text: "SECRET ITEM", due: day("2026-11-01")),
                                                  ActionItem(id: uuid(602), text: "done one", doneOn: day("2026-10-05"))])])
        // E2: completed 20 Oct; a lower-is-better metric at its target and a higher one past it; 2 of 3 objectives.
        let e2 = CoachingEngagement(
            id: uuid(102), coacheeID: uuid(3), coach: .external("Kim"), focus: "feedback",
            objectives: [Objective(id: uuid(701), text: "a", doneOn: day("2026-09-01")), Objective(id: uuid(702), text: "b", doneOn: day("2026-10-01")),
                         Objective(id: uuid(703), text: "c")],
            start: day("2026-08-01"), deadline: day("2026-10-31"), status: .completed,
            metrics: [metric(2, .lowerIsBetter, baseline: 5, target: 2, [("2026-09-01", 3), ("2026-10-10", 2)]),
                      metric(3, .higherIsBetter, baseline: 20, target: 40, [("2026-10-10", 45)])],
            sessions: [s(3, "2026-10-10", minutes: 120, pulse: 4, items: [ActionItem(id: uuid(603), text: "left open")])],
            closedOn: day("2026-10-20"))
        // E3: completed 5 Nov; lower is better 10 → 4, ended at 5: not reached (5 ≥ 4 must not count).
        let e3 = CoachingEngagement(
            id: uuid(103), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "estimates",
            objectives: [Objective(id: uuid(704), text: "d", doneOn: day("2026-10-20"))],
            start: day("2026-09-15"), deadline: day("2026-11-10"), status: .completed,
            metrics: [metric(4, .lowerIsBetter, baseline: 10, target: 4, [("2026-10-01", 7), ("2026-11-01", 5)])],
            sessions: [s(4, "2026-11-01", pulse: 2)], closedOn: day("2026-11-05"))
        // E4: completed last quarter.
        let e4 = CoachingEngagement(id: uuid(104), coacheeID: uuid(3), coach: .external("Kim"), focus: "old",
                                    start: day("2026-06-01"), deadline: day("2026-08-31"), status: .completed,
                                    closedOn: day("2026-08-15"))
        // E5: active, 10 after 14 days of 122: the trend reaches 87 % → at risk.
        let e5 = CoachingEngagement(
            id: uuid(105), coacheeID: uuid(2), coach: .person(uuid(1)), focus: "leading",
            start: day("2026-10-01"), deadline: day("2027-01-31"), status: .active,
            metrics: [metric(5, .higherIsBetter, baseline: 0, target: 100, [("2026-10-15", 10)])],
            sessions: [s(5, "2026-11-25", minutes: 30)])
        // R1: Ben → Ada every 14 days, paused 15 Oct – 12 Nov: 14 + 18 active days this quarter → 2 due, 2 held.
        let r1 = MentoringRelationship(
            id: uuid(201), mentorID: uuid(2), menteeID: uuid(1), start: day("2026-07-01"), cadenceDays: 14, status: .active,
            history: [StatusChange(date: day("2026-10-15"), status: .paused, from: .active),
                      StatusChange(date: day("2026-11-12"), status: .active, from: .paused)],
            goals: [Goal(id: uuid(801), text: "g1", achievedOn: day("2026-10-30")), Goal(id: uuid(802), text: "g2")],
            sessions: [s(11, "2026-09-20"), s(12, "2026-10-08"),
                       s(13, "2026-11-20", pulse: 5, items: [ActionItem(id: uuid(604), text: "read", due: day("2026-12-05"))])])
        // R2: Ben → Eve, closed 20 Sep: nothing this quarter, but it acted on Eve's assessment.
        let r2 = MentoringRelationship(
            id: uuid(202), mentorID: uuid(2), menteeID: uuid(5), start: day("2026-09-10"), cadenceDays: 14, status: .closed,
            history: [StatusChange(date: day("2026-09-20"), status: .closed, from: .active, note: "moved on")],
            sessions: [s(21, "2026-09-12")], outcome: "moved on", closedOn: day("2026-09-20"))
        // R3: Cy → Ben weekly from 1 Oct, one session on 3 Oct: fizzled; 60 active days → 8 due, 1 held.
        let r3 = MentoringRelationship(
            id: uuid(203), mentorID: uuid(3), menteeID: uuid(2), start: day("2026-10-01"), cadenceDays: 7, status: .active,
            goals: [Goal(id: uuid(803), text: "g3")], sessions: [s(31, "2026-10-03")])
        let assessments = [
            Assessment(id: uuid(301), personID: uuid(4), date: day("2026-10-05"), answers: [], recommendation: .coaching, rationale: "r"),
            Assessment(id: uuid(302), personID: uuid(5), date: day("2026-09-01"), answers: [], recommendation: .mentoring, rationale: "r"),
        ]
        return Snapshot(agency: Agency(name: "Test"), people: people, engagements: [e1, e2, e3, e4, e5],
                        relationships: [r1, r2, r3], assessments: assessments)
    }

    var thisQuarter: Insights { Insights(store, range: InsightPeriod.thisQuarter.range(today: today), today: today) }

    func ids(_ f: Figure, _ kind: InsightRef.Kind) -> [Int] {
        f.refs.filter { $0.kind == kind }.map { Int($0.id.uuidString.suffix(12))! }
    }

    @Test func periodsAreCalendarQuarters() {
        #expect(InsightPeriod.thisQuarter.range(today: today) == DayRange(from: day("2026-10-01"), to: today))
        #expect(InsightPeriod.lastQuarter.range(today: today) == DayRange(from: day("2026-07-01"), to: day("2026-09-30")))
        #expect(InsightPeriod.thisYear.range(today: today) == DayRange(from: day("2026-01-01"), to: today))
        #expect(InsightPeriod.allTime.range(today: today) == DayRange(from: nil, to: today))
        #expect(InsightPeriod.lastQuarter.range(today: day("2026-02-10")) == DayRange(from: day("2025-10-01"), to: day("2025-12-31")))
    }

    @Test func coverageCountsCurrentPeopleAndUnactedAssessments() {
        let c = thisQuarter.coverage
        // Fay has left: five people. Coaching: Ada (E1, E3), Cy (E2 until 20 Oct), Ben (E5).
        // Mentoring: Ada (R1), Ben (R3); Eve's R2 closed in September.
        #expect(c.people.value == 5)
        #expect(ids(c.inCoaching, .person) == [1, 2, 3])
        #expect(ids(c.inMentoring, .person) == [1, 2])
        #expect(ids(c.inBoth, .person) == [1, 2])
        #expect(ids(c.inNeither, .person) == [4, 5])
        // Dee's coaching recommendation has nothing since; Eve's mentoring one led to R2.
        #expect(c.notActedOn.value == 1)
        #expect(ids(c.notActedOn, .person) == [4] && ids(c.notActedOn, .assessment) == [301])
    }

    @Test func coachingAttainmentCountsLowerIsBetterTheRightWay() {
        let c = thisQuarter.coaching
        #expect(ids(c.onTrack, .coaching) == [101] && ids(c.atRisk, .coaching) == [105] && c.offTrack.value == 0)
        // E2 and E3 completed this quarter; E4 in August does not count.
        #expect(ids(c.completed, .coaching) == [102, 103])
        // E2 reached both targets; E3 stopped at 5 against a target of 4 (lower is better).
        #expect(c.reachedTargets.text == "50% (1 of 2)" && ids(c.reachedTargets, .coaching) == [102])
        #expect(c.metricsReached.text == "67% (2 of 3)")
        #expect(c.objectivesDone.text == "75% (3 of 4)")
        #expect(ids(c.deadlinesSoon, .coaching) == [101])
        #expect(ids(c.lostMomentum, .coaching) == [101])
        // Last quarter only E4 completed, without metrics: no share to give.
        let last = Insights(store, range: InsightPeriod.lastQuarter.range(today: today), today: today).coaching
        #expect(ids(last.completed, .coaching) == [104] && last.reachedTargets.value == nil && last.reachedTargets.text == "—")
    }

    @Test func adherenceLeavesPausedStretchesOut() {
        let m = thisQuarter.mentoring
        let r1 = m.pairs.first { $0.id == uuid(201) }!
        // 1–14 Oct and 12–29 Nov: 32 active days, every 14 → 2 due; held 8 Oct and 20 Nov.
        #expect(r1.activeDays == 32 && r1.due == 2 && r1.held == 2 && r1.share == 1)
        let r3 = m.pairs.first { $0.id == uuid(203) }!
        #expect(r3.activeDays == 60 && r3.due == 8 && r3.held == 1)
        #expect(!m.pairs.contains { $0.id == uuid(202) })
        // Least kept first; overall (2 + 1) of (2 + 8).
        #expect(m.pairs.map(\.id) == [uuid(203), uuid(201)])
        #expect(m.adherence.text == "30% (3 of 10)")
        #expect(ids(m.fizzled, .mentoring) == [203] && m.drifting.value == 0)
        // R1 4 whole months (1 Jul → 29 Nov), R3 1 (1 Oct → 29 Nov).
        #expect(m.averageMonths.value == 2.5 && m.averageMonths.text == "2.5")
        #expect(m.goalsAchieved.text == "33% (1 of 3)" && ids(m.goalsAchieved, .mentoring) == [201])
    }

    @Test func aPauseWithoutHistoryCountsFromPausedOn() {
        var r = store.relationships[2]
        r.status = .paused
        r.pausedOn = day("2026-10-11")
        // 1–10 Oct active: 10 days.
        #expect(MentoringInsights.activeDays(r, from: day("2026-10-01"), to: today) == 10)
    }

    @Test func hoursFallInTheirOwnMonthAndQuarter() {
        let q = thisQuarter.investment
        #expect(q.granularity == .month && q.buckets.map(\.label) == ["Oct 2026", "Nov 2026"])
        #expect(q.coaches.map(\.name) == ["Ada", "Ben", "Kim"])
        #expect(q.coaches.map(\.hours) == [[0, 0.5], [1, 1], [2, 0]])
        #expect(q.coachingHours == [3, 1.5] && q.totalCoaching.text == "4.5 h")
        #expect(q.mentors.map(\.name) == ["Ben", "Cy"] && q.mentors.map(\.hours) == [[1, 1], [1, 0]])
        // The year, per quarter: Ben's 90 minutes on 28 Sep are Q3, the hours of 2 Oct and 1 Nov Q4.
        let year = Insights(store, range: InsightPeriod.thisYear.range(today: today), today: today).investment
        #expect(year.granularity == .quarter && year.buckets.map(\.label) == ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"])
        let ben = year.coaches.first { $0.name == "Ben" }!
        #expect(ben.hours == [0, 0, 1.5, 2] && ids(Figure(id: "", label: "", value: nil, text: "", refs: ben.refs), .coaching) == [101, 103])
        // 1 Sep – 29 Nov per month: September 1.5, October 1, November 1.
        let months = Insights(store, range: DayRange(from: day("2026-09-01"), to: today), today: today).investment
        #expect(months.coaches.first { $0.name == "Ben" }!.hours == [1.5, 1, 1])
    }

    @Test func loadIsAgainstCapacity() {
        let inv = thisQuarter.investment
        // Ada 0/2, Ben 1/1 (R1; R2 closed), Cy 1/0 (R3).
        #expect(inv.load.map(\.name) == ["Ada", "Ben", "Cy"])
        #expect(inv.load.map(\.load.text) == ["0/2", "1/1", "1/0"])
        #expect(ids(inv.overCapacity, .person) == [3] && ids(inv.atCapacity, .person) == [2] && ids(inv.withRoom, .person) == [1])
    }

    @Test func pulseIsAMonthlyTrendAndItemsAreOpenOrOverdue() {
        let f = thisQuarter.feedback
        // October: E2's 4. November: E3's 2 and R1's 5.
        #expect(f.pulse.map(\.label) == ["Oct 2026", "Nov 2026"])
        #expect(f.pulse.map(\.average) == [4, 3.5] && f.pulse.map(\.count) == [1, 2])
        #expect(f.pulseAverage.text == "3.7")
        // The records behind the average, once each, by the first month each has a pulse in:
        // E2 (October), then E3 and R1 (November), in the order read.
        #expect(f.pulseAverage.refs.map { "\($0.kind.rawValue) \(Int($0.id.uuidString.suffix(12))!)" }
                == ["coaching 102", "coaching 103", "mentoring 201"])
        // Open records only: E1's item (overdue since 1 Nov) and R1's (due 5 Dec); E2 is closed.
        #expect(f.openItems.value == 2 && ids(f.openItems, .coaching) == [101] && ids(f.openItems, .mentoring) == [201])
        #expect(f.overdueItems.value == 1 && ids(f.overdueItems, .coaching) == [101])
    }

    @Test func aTeamFilterKeepsItsPeopleOnly() {
        let studio = Insights(store, range: InsightPeriod.thisQuarter.range(today: today), today: today, team: " studio ")
        #expect(studio.team == "studio")
        #expect(ids(studio.coverage.inCoaching, .person) == [3] && ids(studio.coverage.inNeither, .person) == [4])
        #expect(ids(studio.coaching.completed, .coaching) == [102] && studio.mentoring.pairs.isEmpty)
        #expect(studio.investment.coaches.map(\.name) == ["Kim"])
    }

    @Test func emptyStoreHasNoShares() {
        let i = Insights(Snapshot(agency: Agency(name: "x")), range: InsightPeriod.allTime.range(today: today), today: today)
        #expect(i.figures.allSatisfy { $0.refs.isEmpty })
        #expect(i.mentoring.adherence.value == nil && i.coaching.reachedTargets.text == "—")
        #expect(i.investment.buckets.count == 1 && i.feedback.pulse.count == 1)
    }
}

@Suite struct AgendaTests {
    let today = day("2026-11-29") // a Sunday

    @Test func weekIsDayByDayWithOverdueFirst() {
        let s = InsightsTests().store
        let a = Agenda(s, today: today)
        // The seven days from today; the timeline from Monday 23 Nov for 8 weeks.
        #expect(a.weekStart == today && a.timelineStart == day("2026-11-23"))
        // R1 (every 14 days, resumed 12 Nov, met 20 Nov) is due 4 Dec; R3 (weekly, met 3 Oct) was due 10 Oct.
        #expect(a.overdue.map(\.day) == [day("2026-10-10")] && a.overdue[0].ref == InsightRef(.mentoring, uuid(203)))
        // In the week (29 Nov – 5 Dec): R1 due 4 Dec; R3's later dues run every 7 days from
        // 10 Oct, so 28 Nov is past and 5 Dec is in. E1's deadline (10 Dec) is outside.
        let week = a.week.map { "\($0.day.iso) \($0.kind.rawValue) \($0.title)" }
        #expect(week == ["2026-12-04 mentoring due Ben → Ada", "2026-12-05 mentoring due Cy → Ben"])
        // One timeline row per active record: E1, E5, then R1, R3.
        #expect(a.rows.map(\.ref) == [InsightRef(.coaching, uuid(101)), InsightRef(.coaching, uuid(105)),
                                      InsightRef(.mentoring, uuid(201)), InsightRef(.mentoring, uuid(203))])
        let e1 = a.rows[0].marks, r1 = a.rows[2].marks
        #expect(e1[day("2026-12-10")] == .deadline)
        // 20 Nov is before the timeline (Monday 23 Nov); dues every 14 days from 4 Dec.
        #expect(r1[day("2026-11-20")] == nil && r1[day("2026-12-04")] == .due && r1[day("2026-12-18")] == .due && r1[day("2026-12-11")] == nil)
        #expect(a.rows[1].marks[day("2026-11-25")] == .held)
    }

    @Test func weeksScroll() {
        let a = Agenda(InsightsTests().store, today: today, weekOffset: 1)
        #expect(a.weekStart == day("2026-12-06") && a.timelineStart == day("2026-11-30"))
        // E1's deadline on 10 Dec is in that week; R3's weekly due on 12 Dec too.
        #expect(a.week.map(\.day) == [day("2026-12-10"), day("2026-12-12")])
    }
}
