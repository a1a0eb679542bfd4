import Testing
@testable import TandemCore

private func minutes(_ s: String) -> Int? { try? DurationInput.parse(s).get() }

@Suite struct InputDurationTests {
    @Test func minutesInEveryCommonSpelling() {
        #expect(minutes("45") == 45)
        #expect(minutes("45m") == 45)
        #expect(minutes(" 45 min ") == 45)
        #expect(minutes("90 min") == 90)
        #expect(minutes("90 Minutes") == 90)
        #expect(minutes("0") == 0)
    }

    @Test func hoursAndBoth() {
        #expect(minutes("1h") == 60)
        #expect(minutes("2 hours") == 120)
        #expect(minutes("1.5h") == 90)
        #expect(minutes("1.25 hr") == 75)
        #expect(minutes("1h30") == 90)
        #expect(minutes("1h 30m") == 90)
        #expect(minutes("1H30MIN") == 90)
        #expect(minutes("1:30") == 90)
        #expect(minutes("0:45") == 45)
    }

    @Test func malformedDurationsAreRefused() {
        for s in ["abc", "1:75", "1h75", "30m1h", "1h2h", "1.5", "45s", "1:3", "-5", "h", "1:30:00", "123456"] {
            #expect(minutes(s) == nil, "\(s) should be refused")
        }
    }

    @Test func messagesShowTheAcceptedForms() {
        let forms = "use minutes (45, 45m), hours (1h, 1.5h) or both (1h30, 1:30)"
        #expect(DurationInput.parse(" abc ") == .failure(InputError("\"abc\" is not a duration: \(forms)")))
        #expect(DurationInput.parse("") == .failure(InputError("no duration given: \(forms)")))
    }
}
