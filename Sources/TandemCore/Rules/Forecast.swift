/// Where a metric, or an engagement's metrics, will stand at the deadline.
///
/// Ordered by concern: `noData < onTrack < atRisk < offTrack`, so the worst of several
/// forecasts is their `max()`, and `noData` only wins when every forecast is `noData`.
public enum Forecast: String, Codable, Sendable, Comparable, CaseIterable {
    case onTrack, atRisk, offTrack, noData

    /// The forecast in words, lower case: "on track", "at risk", "off track", "no data".
    public var label: String {
        switch self {
        case .onTrack: "on track"
        case .atRisk: "at risk"
        case .offTrack: "off track"
        case .noData: "no data"
        }
    }

    /// The most worrying of `forecasts`, ignoring `noData` unless there is nothing else.
    public static func worst(of forecasts: some Sequence<Forecast>) -> Forecast {
        forecasts.max() ?? .noData
    }

    /// The forecast for a share of the way from baseline to target (1 = reached).
    static func forProgress(_ progress: Double) -> Forecast {
        // A trend that lands exactly on the target must not miss it by a rounding error.
        let tolerance = 1e-9
        if progress >= 1 - tolerance { return .onTrack }
        if progress >= 0.75 - tolerance { return .atRisk }
        return .offTrack
    }

    private var concern: Int {
        switch self {
        case .noData: 0
        case .onTrack: 1
        case .atRisk: 2
        case .offTrack: 3
        }
    }

    public static func < (a: Forecast, b: Forecast) -> Bool { a.concern < b.concern }
}
