/// A horizontal bar in eighths of a cell with a label: "████▌░░░ 62%".
public struct Gauge: Sendable {
    /// How full, 0…1 (clamped for the bar; the label shows the true percentage); `nil` = unknown.
    public var ratio: Double?
    /// Columns of the bar, not counting the label.
    public var width: Int
    public var filledStyle: Style
    public var emptyStyle: Style
    /// The text after the bar; `nil` shows the percentage, "" shows nothing.
    public var label: String?
    public var labelStyle: Style

    public init(ratio: Double?, width: Int = 10, filledStyle: Style = .plain, emptyStyle: Style = .plain,
                label: String? = nil, labelStyle: Style = .plain) {
        self.ratio = ratio; self.width = width; self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle; self.label = label; self.labelStyle = labelStyle
    }

    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The gauge as spans, for tables and status strips: the bar, then a space and the label;
    /// "—" when the ratio is unknown.
    public var line: Line {
        guard let ratio, ratio.isFinite else { return [Span("—", style: emptyStyle)] }
        let cells = max(0, width)
        let eighths = Int((min(max(ratio, 0), 1) * Double(cells * 8)).rounded())
        var filled = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { filled.append(Gauge.partials[eighths % 8 - 1]) }
        let empty = String(repeating: "░", count: cells - Text.width(filled))
        let text = label ?? "\(Int((ratio * 100).rounded()))%"
        var out: Line = [Span(filled, style: filledStyle), Span(empty, style: emptyStyle)]
        if !text.isEmpty { out.append(Span((cells > 0 ? " " : "") + text, style: labelStyle)) }
        return out.filter { !$0.text.isEmpty }
    }

    /// Draws `line` on the area's first row, cut to its width.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.put(line: Text.truncate(line, to: area.width), x: area.x, y: area.y, maxX: area.right)
    }
}
