import Testing
@testable import TandemCore

@Suite struct HealthTests {
    @Test func labelsAreWords() {
        #expect(Health.allCases.map(\.label) ==
                ["on track", "due soon", "overdue", "drifting", "fizzled", "paused", "closed"])
    }

    @Test func symbolsAreSingleAndDistinct() {
        let symbols = Health.allCases.map(\.symbol)
        #expect(symbols.allSatisfy { $0.count == 1 && $0.unicodeScalars.count == 1 })
        #expect(Set(symbols).count == Health.allCases.count)
    }

    @Test func severitySortsFizzledAndDriftingFirst() {
        let sorted = Health.allCases.sorted { $0.severity > $1.severity }
        #expect(sorted == [.fizzled, .drifting, .overdue, .dueSoon, .onTrack, .paused, .closed])
    }
}
