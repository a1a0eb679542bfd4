/// A one-row chart of a series in ▁▂▃▄▅▆▇█.
///
/// The bars span the values' own range, widened to `scale` when one is given (a metric's
/// baseline–target span), so a drop from 71 to 70 on a 0–100 scale reads as the small step it
/// is, not as a cliff. Without a scale, a series whose range is below `minimumSpan` is centred
/// in a range that wide. No values draw nothing.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var style: Style
    /// The range the bars span at least (values outside it widen it).
    public var scale: ClosedRange<Double>?
    /// The least range the bars span when no scale is given; 0 scales a series from its
    /// minimum to its maximum.
    public var minimumSpan: Double

    public init(values: [Double], style: Style = .plain, scale: ClosedRange<Double>? = nil, minimumSpan: Double = 0) {
        self.values = values; self.style = style; self.scale = scale; self.minimumSpan = minimumSpan
    }

    private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The bottom and top the bars are scaled to for the shown values.
    func range(of finite: [Double]) -> (low: Double, high: Double)? {
        guard var low = finite.min(), var high = finite.max() else { return nil }
        if let scale, scale.lowerBound.isFinite, scale.upperBound.isFinite {
            low = Swift.min(low, scale.lowerBound); high = Swift.max(high, scale.upperBound)
        } else if minimumSpan > 0, high - low < minimumSpan {
            let mid = (low + high) / 2
            low = mid - minimumSpan / 2; high = mid + minimumSpan / 2
        }
        return (low, high)
    }

    /// The last `width` values as bars, the newest at the right; a flat series (or a single
    /// value) with no scale is all mid bars, a value that is not a number a space, and no
    /// values an empty string.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        let finite = shown.filter(\.isFinite)
        guard let (low, high) = range(of: finite) else { return String(repeating: " ", count: shown.count) }
        return String(shown.map { v -> Character in
            guard v.isFinite else { return " " }
            guard high > low else { return Sparkline.bars[3] }
            let level = ((v - low) / (high - low) * 7).rounded()
            return Sparkline.bars[Int(Swift.min(7, Swift.max(0, level)))]
        })
    }

    /// Draws the chart on the area's first row.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty, !values.isEmpty else { return }
        buffer.put(text(width: area.width), x: area.x, y: area.y, style: style, maxX: area.right)
    }
}
