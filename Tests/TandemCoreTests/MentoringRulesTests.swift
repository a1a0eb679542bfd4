import Testing
@testable import TandemCore

@Suite struct MentoringRulesTests {
    let settings = Settings()  // momentum 21, due soon 3, fizzle 42

    func relationship(start: String = "2026-01-01", cadence: Int = 14, status: RelationshipStatus = .active,
                      history: [(String, RelationshipStatus)] = [], sessions: [Session] = []) -> MentoringRelationship {
        MentoringRelationship(id: uuid(200), mentorID: uuid(1), menteeID: uuid(2), start: day(start),
                              cadenceDays: cadence, status: status,
                              history: history.map { StatusChange(date: day($0.0), status: $0.1) },
                              sessions: sessions)
    }

    // MARK: last met, anchor, next due

    @Test func withoutSessionsEverythingCountsFromTheStart() {
        let r = relationship()
        #expect(r.lastMet == nil)
        #expect(r.resumedOn == nil)
        #expect(r.anchor == day("2026-01-01"))
        #expect(r.nextDue(today: day("2026-01-02")) == day("2026-01-15"))
    }

    @Test func nextDueIsOneCadenceAfterTheLastMeeting() {
        let r = relationship(sessions: [session(2, "2026-02-10"), session(1, "2026-01-20")])
        #expect(r.lastMet == day("2026-02-10"))
        #expect(r.nextDue(today: day("2026-02-11")) == day("2026-02-24"))
    }

    @Test func agreedNextDateIsHonouredWhenAfterTheAnchor() {
        let agreed = relationship(sessions: [session(1, "2026-01-10", nextDate: "2026-01-30")])
        #expect(agreed.nextDue(today: day("2026-01-11")) == day("2026-01-30"))
        // Agreed before a later resumption: the resumption's cadence wins.
        let stale = relationship(history: [("2026-01-12", .paused), ("2026-02-01", .active)],
                                 sessions: [session(1, "2026-01-10", nextDate: "2026-01-24")])
        #expect(stale.nextDue(today: day("2026-02-02")) == day("2026-02-15"))
    }

    @Test func onlyTheLatestSessionsNextDateCounts() {
        let r = relationship(sessions: [session(1, "2026-01-10", nextDate: "2026-03-01"), session(2, "2026-01-20")])
        #expect(r.nextDue(today: day("2026-01-21")) == day("2026-02-03"))
    }

    /// The latest session is the one with the latest date, in any order; on a tie of dates the
    /// one entered last (later in the list) is it.
    @Test func theLatestSessionIsByDateAndTheLastEnteredOnATie() {
        let sessions = [session(1, "2026-01-20", nextDate: "2026-02-01"), session(2, "2026-03-01", nextDate: "2026-03-20"),
                        session(3, "2026-02-10"), session(4, "2026-03-01", nextDate: "2026-03-30"), session(5, "2026-01-01")]
        #expect(sessions.latest?.id == uuid(504))
        #expect(Array(sessions.prefix(3)).latest?.id == uuid(502))
        #expect([session(9, "2026-01-01")].latest?.id == uuid(509))
        #expect([Session]().latest == nil)
        let r = relationship(sessions: sessions)
        #expect(r.lastMet == day("2026-03-01"))
        #expect(r.nextDue(today: day("2026-03-02")) == day("2026-03-30"))
        #expect(relationship(sessions: Array(sessions.reversed())).nextDue(today: day("2026-03-02")) == day("2026-03-20"))
    }

    @Test func dueDatesAcrossTheLeapDay() {
        #expect(relationship(start: "2028-02-15", cadence: 14).nextDue(today: day("2028-02-16")) == day("2028-02-29"))
        #expect(relationship(start: "2028-02-01", cadence: 30).nextDue(today: day("2028-02-02")) == day("2028-03-02"))
        let r = relationship(start: "2028-02-01", cadence: 1, sessions: [session(1, "2028-02-29")])
        #expect(r.nextDue(today: day("2028-02-29")) == day("2028-03-01"))
        // Overdue the day after a leap-day due date.
        let leap = relationship(start: "2028-02-15", cadence: 14, sessions: [session(1, "2028-02-15"), session(2, "2028-02-15")])
        #expect(leap.health(today: day("2028-02-29"), settings: settings) == .dueSoon)
        #expect(leap.health(today: day("2028-03-01"), settings: settings) == .overdue)
    }

    @Test func noDueDateWhilePausedOrClosed() {
        #expect(relationship(status: .paused).nextDue(today: day("2026-02-01")) == nil)
        #expect(relationship(status: .closed).nextDue(today: day("2026-02-01")) == nil)
    }

    // MARK: health

    @Test func healthFlipsOnTheExactDays() {
        // Met twice, last on Jan 10; due Jan 24, then a cadence later Feb 7.
        let r = relationship(sessions: [session(1, "2026-01-01"), session(2, "2026-01-10")])
        let expected: [(String, Health)] = [
            ("2026-01-20", .onTrack), ("2026-01-21", .dueSoon), ("2026-01-24", .dueSoon),
            ("2026-01-25", .overdue), ("2026-02-07", .overdue), ("2026-02-08", .drifting),
        ]
        for (today, health) in expected {
            #expect(r.health(today: day(today), settings: settings) == health, "on \(today)")
        }
    }

    @Test func fizzledAfterOneSessionAndSixWeeks() {
        let one = relationship(sessions: [session(1, "2026-01-10")])
        #expect(one.health(today: day("2026-02-20"), settings: settings) == .drifting)  // 41 days
        #expect(one.health(today: day("2026-02-21"), settings: settings) == .fizzled)   // 42 days
        let two = relationship(sessions: [session(1, "2026-01-03"), session(2, "2026-01-10")])
        #expect(two.health(today: day("2026-02-21"), settings: settings) == .drifting)
        let none = relationship()
        #expect(none.health(today: day("2026-03-01"), settings: settings) == .drifting)
    }

    @Test func closedAndPausedSaySoHoweverLate() {
        let sessions = [session(1, "2025-01-01")]
        #expect(relationship(start: "2025-01-01", status: .closed, sessions: sessions)
            .health(today: day("2026-06-01"), settings: settings) == .closed)
        #expect(relationship(start: "2025-01-01", status: .paused, sessions: sessions)
            .health(today: day("2026-06-01"), settings: settings) == .paused)
    }

    @Test func healthIsMeasuredFromTheResumption() {
        let r = relationship(history: [("2026-01-20", .paused), ("2026-04-01", .active)],
                             sessions: [session(1, "2026-01-03"), session(2, "2026-01-17")])
        #expect(r.resumedOn == day("2026-04-01"))
        #expect(r.anchor == day("2026-04-01"))
        #expect(r.health(today: day("2026-04-06"), settings: settings) == .onTrack)
        #expect(r.health(today: day("2026-04-15"), settings: settings) == .dueSoon)
        #expect(r.health(today: day("2026-04-16"), settings: settings) == .overdue)
    }

    @Test func oneSessionThenAResumptionIsNotFizzled() {
        let r = relationship(history: [("2026-01-12", .paused), ("2026-03-20", .active)],
                             sessions: [session(1, "2026-01-10")])
        #expect(r.health(today: day("2026-03-25"), settings: settings) == .onTrack)
        #expect(r.health(today: day("2026-05-01"), settings: settings) == .fizzled)
    }

    @Test func customSettingsMoveTheBoundaries() {
        let r = relationship(sessions: [session(1, "2026-01-01"), session(2, "2026-01-10")])
        let wide = Settings(dueSoonDays: 7)
        #expect(r.health(today: day("2026-01-17"), settings: wide) == .dueSoon)
        #expect(r.health(today: day("2026-01-16"), settings: wide) == .onTrack)
        let one = relationship(sessions: [session(1, "2026-01-10")])
        #expect(one.health(today: day("2026-01-31"), settings: Settings(fizzleDays: 21)) == .fizzled)
    }

    // MARK: streak

    @Test func streakCountsSessionsThatKeptTheCadence() {
        // Gaps of 14, 21 (= 14 × 3/2, still kept) and 22 (broken), read from the latest back.
        let r = relationship(sessions: [session(1, "2026-01-01"), session(2, "2026-01-23"),
                                        session(3, "2026-02-13"), session(4, "2026-02-27")])
        #expect(r.streak(today: day("2026-03-01"), settings: settings) == 3)
        #expect(relationship().streak(today: day("2026-01-02"), settings: settings) == 0)
        #expect(relationship(sessions: [session(1, "2026-01-01")]).streak(today: day("2026-01-02"), settings: settings) == 1)
    }

    @Test func streakIsZeroOnceOverdue() {
        let r = relationship(sessions: [session(1, "2026-01-01"), session(2, "2026-01-15")])
        #expect(r.streak(today: day("2026-01-29"), settings: settings) == 2)
        #expect(r.streak(today: day("2026-01-30"), settings: settings) == 0)
    }

    @Test func streakSurvivesAPause() {
        // 52 days between the last two sessions, 41 of them paused: 11 days of cadence.
        let sessions = [session(1, "2026-01-01"), session(2, "2026-01-15"), session(3, "2026-03-08")]
        let paused = relationship(history: [("2026-01-20", .paused), ("2026-03-02", .active)], sessions: sessions)
        #expect(paused.streak(today: day("2026-03-10"), settings: settings) == 3)
        let unpaused = relationship(sessions: sessions)
        #expect(unpaused.streak(today: day("2026-03-10"), settings: settings) == 1)
    }

    @Test func streakIsKeptWhilePaused() {
        let r = relationship(status: .paused, history: [("2026-01-20", .paused)],
                             sessions: [session(1, "2026-01-01"), session(2, "2026-01-15")])
        #expect(r.health(today: day("2026-06-01"), settings: settings) == .paused)
        #expect(r.streak(today: day("2026-06-01"), settings: settings) == 2)
    }

    // MARK: months, action items

    @Test func wholeMonthsSinceTheStart() {
        let r = relationship(start: "2026-01-31")
        #expect(r.monthsSince(today: day("2026-01-15")) == 0)
        #expect(r.monthsSince(today: day("2026-02-27")) == 0)
        #expect(r.monthsSince(today: day("2026-02-28")) == 1)
        let mid = relationship(start: "2026-01-15")
        #expect(mid.monthsSince(today: day("2027-01-14")) == 11)
        #expect(mid.monthsSince(today: day("2027-01-15")) == 12)
        #expect(relationship(start: "2028-02-29").monthsSince(today: day("2029-02-28")) == 12)
    }

    @Test func openActionItemsAcrossSessions() {
        let a = ActionItem(id: uuid(31), text: "read the book")
        let b = ActionItem(id: uuid(32), text: "shadow a pitch", doneOn: day("2026-01-20"))
        let c = ActionItem(id: uuid(33), text: "write a one-pager")
        let r = relationship(sessions: [session(1, "2026-01-05", items: [a, b]), session(2, "2026-01-19", items: [c])])
        #expect(r.openActionItems.map(\.id) == [a.id, c.id])
    }
}
