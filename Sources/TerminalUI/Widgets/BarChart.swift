/// Which characters a chart draws with: Unicode blocks and braille, or plain ASCII for a
/// terminal or a file that cannot show them.
public enum ChartGlyphs: Sendable {
    case unicode
    case ascii

    /// ASCII unless the locale says UTF-8 (`LC_ALL`, then `LC_CTYPE`, then `LANG`, as the C library reads them).
    public static func forLocale(_ env: [String: String]) -> ChartGlyphs {
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8") ? .unicode : .ascii
    }
}

/// Horizontal bars, one a row: a label, a bar in eighths of a cell scaled to the largest value
/// (or `scale`), and the value's text. "Oct 2026 ███████▌    7.5 h".
public struct BarChart: Sendable {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Double
        /// Shown after the bar; `nil` shows the value as a number.
        public var text: String?
        public var style: Style
        public init(_ label: String, _ value: Double, text: String? = nil, style: Style = .plain) {
            self.label = label; self.value = value; self.text = text; self.style = style
        }
    }

    public var bars: [Bar]
    /// The value a full bar stands for; `nil` takes the largest value.
    public var scale: Double?
    public var glyphs: ChartGlyphs
    public var labelStyle: Style
    public var valueStyle: Style
    /// What an empty chart says.
    public var empty: String

    public init(bars: [Bar], scale: Double? = nil, glyphs: ChartGlyphs = .unicode, labelStyle: Style = .plain,
                valueStyle: Style = .plain, empty: String = "no data") {
        self.bars = bars; self.scale = scale; self.glyphs = glyphs; self.labelStyle = labelStyle
        self.valueStyle = valueStyle; self.empty = empty
    }

    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A value's text when the bar gives none: whole numbers without decimals.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// The chart as one line a bar, `width` columns at most; an empty chart is one line saying so.
    public func lines(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        guard !bars.isEmpty else { return [[Span(Text.truncate(empty, to: width), style: labelStyle)]] }
        let texts = bars.map { $0.text ?? Self.number($0.value) }
        let labelWidth = min(bars.map { Text.width($0.label) }.max() ?? 0, max(0, width / 3))
        let valueWidth = min(texts.map(Text.width).max() ?? 0, max(0, width / 3))
        let barWidth = max(0, width - labelWidth - valueWidth - (labelWidth > 0 ? 1 : 0) - (valueWidth > 0 ? 1 : 0))
        let top = scale ?? bars.map(\.value).filter(\.isFinite).max() ?? 0
        return zip(bars, texts).map { bar, text in
            var line: Line = []
            if labelWidth > 0 { line.append(Span(Text.pad(bar.label, to: labelWidth) + " ", style: labelStyle)) }
            let ratio = top > 0 && bar.value.isFinite ? min(max(bar.value / top, 0), 1) : 0
            let drawn = barText(ratio: ratio, cells: barWidth)
            line.append(Span(drawn, style: bar.style))
            line.append(Span(String(repeating: " ", count: barWidth - Text.width(drawn)), style: labelStyle))
            if valueWidth > 0 { line.append(Span(" " + Text.pad(text, to: valueWidth, align: .right), style: valueStyle)) }
            return line.filter { !$0.text.isEmpty }
        }
    }

    /// A bar of `ratio` of `cells` columns: eighths in Unicode, whole `#` in ASCII. A value
    /// above zero always shows at least its smallest mark.
    func barText(ratio: Double, cells: Int) -> String {
        guard cells > 0, ratio > 0 else { return "" }
        switch glyphs {
        case .ascii:
            return String(repeating: "#", count: max(1, Int((ratio * Double(cells)).rounded())))
        case .unicode:
            let eighths = max(1, Int((ratio * Double(cells * 8)).rounded()))
            var s = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { s.append(Self.partials[eighths % 8 - 1]) }
            return s
        }
    }

    /// Draws as many bars as the area has rows.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        for (i, line) in lines(width: area.width).prefix(area.height).enumerated() {
            buffer.put(line: Text.truncate(line, to: area.width), x: area.x, y: area.y + i, maxX: area.right)
        }
    }
}
