import Foundation
import Testing
@testable import TandemCore

/// The one rule set: `Logbook` (forms, `tandem log`, `:log`) and `Validation` (`check`, record
/// forms) say the same about every session rule.
@Suite struct RuleSetTests {
    let today = day("2026-11-29")

    func engagement(_ sessions: [Session] = []) -> CoachingEngagement {
        CoachingEngagement(id: uuid(100), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "pitching",
                           start: day("2026-09-01"), deadline: day("2027-01-31"),
                           metrics: [Metric(id: uuid(90), name: "win rate", unit: "%", baseline: 20, target: 40,
                                            direction: .higherIsBetter)],
                           sessions: sessions)
    }

    /// One case per rule: the input as typed, and the field both must name (nil: valid).
    struct Case: CustomStringConvertible {
        var name: String
        var date = "2026-11-20"
        var minutes = 60
        var notes = "went through the deck"
        var topics: [String] = []
        var actions: [String] = []
        var reading: Double?
        var pulse: Int?
        var next: String?
        var field: String?
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "valid"),
        Case(name: "today is fine", date: "2026-11-29"),
        Case(name: "the future is refused", date: "2026-11-30", field: "date"),
        Case(name: "+9999d is refused", date: "2054-04-16", field: "date"),
        Case(name: "before the start", date: "2026-08-31", field: "date"),
        Case(name: "one minute", minutes: 1),
        Case(name: "a working day", minutes: 720),
        Case(name: "over a working day", minutes: 721, field: "minutes"),
        Case(name: "2000 minutes", minutes: 2000, field: "minutes"),
        Case(name: "zero minutes", minutes: 0, field: "minutes"),
        Case(name: "negative minutes", minutes: -5, field: "minutes"),
        Case(name: "pulse 6", pulse: 6, field: "pulse"),
        Case(name: "pulse 0", pulse: 0, field: "pulse"),
        Case(name: "pulse 5", pulse: 5),
        Case(name: "next on the same day", next: "2026-11-20", field: "nextDate"),
        Case(name: "next before", next: "2026-11-19", field: "nextDate"),
        Case(name: "next after", next: "2026-12-04"),
        Case(name: "says nothing", notes: "  \n", field: "notes"),
        Case(name: "a topic is enough", notes: "", topics: ["pricing"]),
        Case(name: "an action is enough", notes: "", actions: ["send the deck"]),
        Case(name: "a reading is enough", notes: "", reading: 30),
        Case(name: "a blank action item", actions: [" "], field: "actionItems[0].text"),
    ]

    @Test(arguments: cases) func logbookAndValidationAgree(_ c: Case) throws {
        let input = SessionInput(date: day(c.date), minutes: c.minutes, notes: c.notes, topics: c.topics,
                                 actions: c.actions.map { ActionInput(text: $0) },
                                 readings: c.reading.map { [("win rate", $0)] } ?? [], pulse: c.pulse,
                                 nextDate: c.next.map(day))
        var ids = 0
        let logged = Logbook.logging(input, on: .coaching(engagement()), today: today) { ids += 1; return uuid(700 + ids) }
        // The same session, as a file would hold it, through the checks `tandem check` runs.
        var session = Session(id: uuid(701), date: day(c.date), minutes: c.minutes, notes: c.notes, topics: c.topics,
                              actionItems: c.actions.enumerated().map { ActionItem(id: uuid(702 + $0.offset), text: $0.element) },
                              pulse: c.pulse, nextDate: c.next.map(day))
        session.topics = session.topics.filter { !$0.isEmpty }
        var stored = engagement([session])
        if let r = c.reading { stored.metrics[0].readings = [Reading(date: day(c.date), value: r, sessionID: session.id)] }
        let checked = Validation.problems(in: stored, today: today).map(\.field)

        switch (logged, c.field) {
        case (.success, nil):
            #expect(checked.isEmpty, "check flags what log accepts: \(checked)")
        case (.success, let field?):
            Issue.record("log accepted a session with a bad \(field)")
        case (.failure(let f), nil):
            Issue.record("log refused a valid session: \(f)")
        case (.failure(let f), let field?):
            #expect(f.problems.map(\.field) == [field], "\(f)")
            #expect(checked == ["sessions[0].\(field)"], "check says \(checked)")
        }
    }

    @Test func futureMessageSaysWhatToDoInstead() throws {
        let input = SessionInput(date: today.adding(days: 9999), minutes: 2000, notes: "x")
        guard case .failure(let f) = Logbook.logging(input, on: .coaching(engagement()), today: today, makeID: { UUID() }) else {
            Issue.record("accepted"); return
        }
        #expect(f.problems.map(\.field) == ["minutes", "date"])
        #expect(f.description.contains("2000 minutes is outside 1–720 minutes"))
        #expect(f.description.contains("is in the future (today is 2026-11-29)"))
        #expect(f.description.contains("next-session date"))
    }

    @Test func negativeDurationIsOutOfRangeNotUnreadable() {
        guard case .failure(let e) = DurationInput.parse("-5") else { Issue.record("accepted -5"); return }
        #expect(e.message == "\"-5\" is negative: a session lasts 1–720 minutes, not -5")
        guard case .failure(let h) = DurationInput.parse("-1h") else { Issue.record("accepted -1h"); return }
        #expect(h.message.contains("not -60"))
    }

    // MARK: ranges

    @Test func everyNumberIsRangeChecked() {
        var e = engagement([Session(id: uuid(1), date: day("2026-10-01"), minutes: Int.max, notes: "n", pulse: Int.min)])
        e.cadenceDays = Int.max
        e.plannedSessions = -1
        e.metrics[0].baseline = .infinity
        e.metrics[0].target = 2e9
        e.metrics[0].readings = [Reading(date: day("1850-01-01"), value: .nan)]
        let fields = Validation.rangeProblems(in: e).map(\.field)
        #expect(fields == ["plannedSessions", "cadenceDays", "metrics[0].baseline", "metrics[0].target",
                           "metrics[0].readings[0].date", "metrics[0].readings[0].value",
                           "sessions[0].minutes", "sessions[0].pulse"])
        var r = MentoringRelationship(id: uuid(3), mentorID: uuid(1), menteeID: uuid(2), start: day("2299-01-01"), cadenceDays: 0)
        r.pausedOn = day("1899-12-31")
        #expect(Validation.rangeProblems(in: r).map(\.field) == ["start", "cadenceDays", "pausedOn"])
        let p = Person(id: uuid(4), name: "A", mentoringCapacity: 11)
        #expect(Validation.rangeProblems(in: p).map(\.message) == ["mentoring capacity 11 is outside 0–10"])
        let agency = Agency(name: "A", settings: Settings(momentumDays: 0, dueSoonDays: -1, fizzleDays: 366))
        #expect(Validation.rangeProblems(in: agency).map(\.field)
                == ["settings.momentumDays", "settings.dueSoonDays", "settings.fizzleDays"])
        #expect(Validation.rangeProblems(in: engagement([session(1, "2026-10-01")])).isEmpty)
    }

    @Test func rangeMessagesSayTheRange() {
        var e = engagement()
        e.cadenceDays = 9223372036854775807
        e.metrics[0].target = -1e10
        #expect(Validation.rangeProblems(in: e).map(\.message) == [
            "cadence 9223372036854775807 days is outside 1–365 days",
            "target -10000000000.0 is outside -1e9–1e9",
        ])
    }

    // MARK: arithmetic cannot trap

    @Test func dayArithmeticSaturates() {
        let d = day("2026-01-01")
        #expect(d.adding(days: Int.max).dayNumber == Day.limit)
        #expect(d.adding(days: Int.min).dayNumber == -Day.limit)
        #expect(Day(dayNumber: Int.max).days(to: Day(dayNumber: Int.min)) == Int.min)
        #expect(d.adding(months: Int.max).year > 9999)
        _ = Day(dayNumber: Int.max).iso
        _ = Day(dayNumber: Int.min).parts
    }

    @Test func rulesOnExtremeValuesDoNotTrap() {
        let settings = Settings()
        for cadence in [Int.max, Int.min, 0, -1, 1] {
            let r = MentoringRelationship(id: uuid(1), mentorID: uuid(2), menteeID: uuid(3), start: day("2026-01-01"),
                                          cadenceDays: cadence,
                                          sessions: [session(1, "2026-01-10"), session(2, "2026-02-10")])
            _ = r.health(today: today, settings: settings)
            _ = r.streak(today: today, settings: settings)
            _ = r.nextDue(today: today)
        }
        var e = engagement()
        e.metrics[0].readings = [Reading(date: day("2026-09-02"), value: 1e9), Reading(date: day("2026-10-02"), value: -1e9)]
        e.metrics[0].baseline = 1e-300; e.metrics[0].target = 2e-300
        _ = e.forecast(today: today)
        _ = e.progress
        _ = ClosingSummary(e)
    }
}
