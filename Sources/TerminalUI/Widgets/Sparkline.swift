/// A one-row chart of a series in ▁▂▃▄▅▆▇█, scaled from its minimum to its maximum.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var style: Style

    public init(values: [Double], style: Style = .plain) {
        self.values = values; self.style = style
    }

    private static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values as bars; a flat series (or a single value) is all mid bars,
    /// a value that is not a number a space.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        let finite = shown.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return String(repeating: " ", count: shown.count) }
        return String(shown.map { v -> Character in
            guard v.isFinite else { return " " }
            guard high > low else { return Sparkline.bars[3] }
            return Sparkline.bars[Int(((v - low) / (high - low) * 7).rounded())]
        })
    }

    /// Draws the chart on the area's first row, the newest value at the right.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.put(text(width: area.width), x: area.x, y: area.y, style: style, maxX: area.right)
    }
}
