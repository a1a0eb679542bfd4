import Testing
@testable import TandemCore

@Suite struct ForecastTests {
    @Test func labels() {
        #expect(Forecast.allCases.map(\.label) == ["on track", "at risk", "off track", "no data"])
    }

    @Test func worstIgnoresNoDataUnlessAlone() {
        #expect(Forecast.worst(of: [.onTrack, .offTrack, .atRisk, .noData]) == .offTrack)
        #expect(Forecast.worst(of: [.noData, .atRisk, .onTrack]) == .atRisk)
        #expect(Forecast.worst(of: [.noData, .onTrack]) == .onTrack)
        #expect(Forecast.worst(of: [.noData, .noData]) == .noData)
        #expect(Forecast.worst(of: []) == .noData)
    }
}
