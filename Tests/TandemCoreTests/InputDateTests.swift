import Testing
@testable import TandemCore


private func parsed(_ s: String, today: String) -> String? {
    try? DateInput.parse(s, today: day(today)).get().iso
}

private func message(_ s: String) -> String? {
    if case .failure(let e) = DateInput.parse(s, today: day("2026-12-30")) { return e.message }
    return nil
}

@Suite struct InputDateTests {
    @Test func isoDatesWithSpacesAround() {
        #expect(parsed("2026-12-01", today: "2026-12-30") == "2026-12-01")
        #expect(parsed("  2027-01-15 ", today: "2026-12-30") == "2027-01-15")
    }

    @Test func namedDaysCaseInsensitive() {
        #expect(day("2026-12-30").weekday == 3)
        #expect(parsed("today", today: "2026-12-30") == "2026-12-30")
        #expect(parsed(" TODAY ", today: "2026-12-30") == "2026-12-30")
        #expect(parsed("Yesterday", today: "2026-03-01") == "2026-02-28")
        #expect(parsed("tomorrow", today: "2026-12-31") == "2027-01-01")
    }

    @Test func offsetsInDaysWeeksAndMonths() {
        #expect(parsed("+14d", today: "2026-12-30") == "2027-01-13")
        #expect(parsed("-3d", today: "2026-12-30") == "2026-12-27")
        #expect(parsed("+2w", today: "2026-12-30") == "2027-01-13")
        #expect(parsed("-1w", today: "2026-12-03") == "2026-11-26")
        #expect(parsed("3D", today: "2026-12-30") == "2027-01-02")
        #expect(parsed("+0d", today: "2026-12-30") == "2026-12-30")
        #expect(parsed("+1m", today: "2026-01-31") == "2026-02-28")
    }

    @Test func weekdaysMeanTheNextSuchDay() {
        // 2026-12-30 is a Wednesday.
        #expect(parsed("thu", today: "2026-12-30") == "2026-12-31")
        #expect(parsed("fri", today: "2026-12-30") == "2027-01-01")
        #expect(parsed("Sunday", today: "2026-12-30") == "2027-01-03")
        #expect(parsed("MON", today: "2026-12-30") == "2027-01-04")
        #expect(parsed("tue", today: "2026-12-30") == "2027-01-05")
        #expect(parsed("thurs", today: "2026-12-30") == "2026-12-31")
        #expect(parsed("saturday", today: "2026-12-30") == "2027-01-02")
    }

    @Test func todaysWeekdayMeansAWeekFromToday() {
        #expect(parsed("wed", today: "2026-12-30") == "2027-01-06")
        #expect(parsed("wednesday", today: "2026-12-30") == "2027-01-06")
    }

    @Test func leapDay2028() {
        #expect(parsed("2028-02-29", today: "2026-12-30") == "2028-02-29")
        #expect(parsed("tomorrow", today: "2028-02-28") == "2028-02-29")
        #expect(parsed("+1d", today: "2028-02-28") == "2028-02-29")
        #expect(parsed("-1d", today: "2028-03-01") == "2028-02-29")
        #expect(parsed("-1m", today: "2028-03-31") == "2028-02-29")
        #expect(day("2028-02-28").weekday == 1)
        #expect(parsed("tue", today: "2028-02-28") == "2028-02-29")
        #expect(parsed("2027-02-29", today: "2026-12-30") == nil)
    }

    @Test func invalidInputNamesTheAcceptedForms() {
        let forms = "use YYYY-MM-DD, today, yesterday, +14d, -3d or a weekday (mon…sun)"
        #expect(message("2026-02-30") == "\"2026-02-30\" is not a date: \(forms)")
        #expect(message(" next week ") == "\"next week\" is not a date: \(forms)")
        #expect(message("") == "no date given: \(forms)")
        #expect(message("   ") == "no date given: \(forms)")
    }

    @Test func nearMissesAreRefused() {
        for s in ["2026-2-3", "26-12-01", "+14x", "+d", "++3d", "+12345d", "we", "mo", "mondays", "1"] {
            #expect(message(s) != nil, "\(s) should be refused")
        }
    }

    @Test func errorDescriptionIsItsMessage() {
        let e = InputError("x is wrong")
        #expect(e.description == "x is wrong")
        #expect("\(e)" == "x is wrong")
    }
}
