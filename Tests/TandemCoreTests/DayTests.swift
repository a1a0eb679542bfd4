import Testing
@testable import TandemCore

@Suite struct DayTests {
    @Test func parsesAndPrintsISO() {
        let d = Day(iso: "2024-02-29")
        #expect(d?.iso == "2024-02-29")
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-01-01") == nil)
    }

    @Test func arithmeticAcrossLeapDay() {
        let d = Day(year: 2024, month: 2, day: 28)!
        #expect(d.adding(days: 1).iso == "2024-02-29")
        #expect(d.adding(days: 2).iso == "2024-03-01")
        #expect(Day(year: 2024, month: 1, day: 31)!.adding(months: 1).iso == "2024-02-29")
        #expect(Day(year: 2025, month: 1, day: 31)!.adding(months: 1).iso == "2025-02-28")
        #expect(Day(year: 2025, month: 3, day: 15)!.adding(months: -3).iso == "2024-12-15")
    }

    @Test func weekday() {
        #expect(Day(iso: "1970-01-01")!.weekday == 4) // Thursday
        #expect(Day(iso: "2026-11-29")!.weekday == 7) // Sunday
    }
}
