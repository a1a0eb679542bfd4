import Testing
@testable import TandemCore

private func value(_ s: String, _ unit: String) -> Double? { try? NumberInput.parse(s, unit: unit).get() }

private func message(_ s: String, _ unit: String) -> String? {
    if case .failure(let e) = NumberInput.parse(s, unit: unit) { return e.message }
    return nil
}

private func int(_ s: String, _ range: ClosedRange<Int>, _ field: String) -> Result<Int, InputError> {
    NumberInput.parseInt(s, range: range, field: field)
}

@Suite struct InputNumberTests {
    @Test func plainNumbersAndSigns() {
        #expect(value("32", "") == 32)
        #expect(value("32.5", "") == 32.5)
        #expect(value(" +5 ", "") == 5)
        #expect(value("-2", "") == -2)
        #expect(value(".5", "") == 0.5)
    }

    @Test func theMetricsUnitMayFollow() {
        #expect(value("32%", "%") == 32)
        #expect(value("32 %", "%") == 32)
        #expect(value("42pts", "pts") == 42)
        #expect(value("42 pts", "pts") == 42)
        #expect(value("42 PTS", "pts") == 42)
        #expect(value("1 pt", "pts") == 1)
        #expect(value("3 rounds", "rounds") == 3)
        #expect(value("-4.5pts", "pts") == -4.5)
    }

    @Test func commaIsADecimalPointOnlyWhenUnambiguous() {
        #expect(value("1,5", "") == 1.5)
        #expect(value("12,25 %", "%") == 12.25)
        #expect(message("1,500", "") == "\"1,500\" is ambiguous: write 1500 or 1.5")
        #expect(message("12,000", "") == "\"12,000\" is ambiguous: write 12000 or 12")
        #expect(value("1,5.2", "") == nil)
        #expect(value("1,2,3", "") == nil)
    }

    @Test func anotherUnitIsRefusedByName() {
        #expect(message("42 kg", "pts") == "\"42 kg\" has the unit \"kg\": expected pts: type 42 or 42 pts")
        #expect(message("32pts", "%") == "\"32pts\" has the unit \"pts\": expected %: type 32 or 32%")
        #expect(message("12 kg", "") == "\"12 kg\" has the unit \"kg\": expected no unit: type 12")
    }

    @Test func nonNumbersAreRefused() {
        #expect(message("abc", "pts") == "\"abc\" is not a number: type digits like 42 or 4.5, optionally followed by pts")
        #expect(message("", "") == "no number given: type digits like 42 or 4.5")
        #expect(message("pts", "pts") == "no number given: type digits like 42 or 4.5, optionally followed by pts")
        for s in ["1e5", "inf", "nan", "1.2.3", "+-3", "-", "."] {
            #expect(value(s, "") == nil, "\(s) should be refused")
        }
    }

    @Test func wholeNumbersInARange() throws {
        #expect(try int("3", 1...5, "pulse").get() == 3)
        #expect(try int(" +5 ", 1...5, "pulse").get() == 5)
        #expect(try int("-5", -10...10, "change").get() == -5)
        let expected = InputError("pulse must be a whole number from 1 to 5")
        for s in ["0", "6", "3.5", "x", "", "-1", "+-2", "99999999999999999999"] {
            #expect(int(s, 1...5, "pulse") == .failure(expected), "\(s) should be refused")
        }
    }

    @Test func formatTrimsZerosAndPlacesTheUnit() {
        #expect(NumberInput.format(32, unit: "%") == "32%")
        #expect(NumberInput.format(4.5, unit: "pts") == "4.5 pts")
        #expect(NumberInput.format(3, unit: "rounds") == "3 rounds")
        #expect(NumberInput.format(32.0, unit: "") == "32")
        #expect(NumberInput.format(0.333, unit: "") == "0.33")
        #expect(NumberInput.format(2.999, unit: "") == "3")
        #expect(NumberInput.format(-0.001, unit: "%") == "0%")
        #expect(NumberInput.format(-2.5, unit: "pts") == "-2.5 pts")
        #expect(NumberInput.format(1_234_567, unit: "") == "1234567")
    }

    @Test func formattedValuesParseBack() {
        for (v, unit) in [(32.0, "%"), (4.5, "pts"), (-2.25, "rounds"), (0.5, "")] {
            #expect(value(NumberInput.format(v, unit: unit), unit) == v)
        }
    }
}
