/// A series as a line, in braille dots (2×4 a cell) or, in ASCII, `*` at each point and `.`
/// between, with the top and bottom of the scale written at the left. A `nil` value is a gap;
/// a flat series is a line across the middle; a single point sits in the middle column.
public struct LineChart: Sendable {
    public var values: [Double?]
    /// The scale; `nil` takes the series' smallest and largest values.
    public var range: ClosedRange<Double>?
    public var glyphs: ChartGlyphs
    public var style: Style
    public var axisStyle: Style
    /// Whether the scale's ends are written at the left.
    public var showAxis: Bool
    public var empty: String

    public init(values: [Double?], range: ClosedRange<Double>? = nil, glyphs: ChartGlyphs = .unicode, style: Style = .plain,
                axisStyle: Style = .plain, showAxis: Bool = true, empty: String = "no data") {
        self.values = values; self.range = range; self.glyphs = glyphs; self.style = style
        self.axisStyle = axisStyle; self.showAxis = showAxis; self.empty = empty
    }

    /// The chart as `height` lines of at most `width` columns.
    public func lines(width: Int, height: Int) -> [Line] {
        guard width > 0, height > 0 else { return [] }
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard !finite.isEmpty else {
            return [[Span(Text.truncate(empty, to: width), style: axisStyle)]] + Array(repeating: [], count: height - 1)
        }
        let low = range?.lowerBound ?? finite.min()!, high = range?.upperBound ?? finite.max()!
        let labels = showAxis ? [BarChart.number(high), BarChart.number(low)] : []
        let axisWidth = showAxis ? min((labels.map(Text.width).max() ?? 0) + 1, width / 3) : 0
        let plotWidth = width - axisWidth
        guard plotWidth > 0 else { return Array(repeating: [], count: height) }
        let grid = plot(low: low, high: high, columns: plotWidth, rows: height)
        // A flat scale has one value: written once, on the row of its line.
        let dotsY = glyphs == .unicode ? height * 4 : height
        let flatRow = (dotsY - 1 - Int((0.5 * Double(dotsY - 1)).rounded())) / (glyphs == .unicode ? 4 : 1)
        return grid.enumerated().map { row, text in
            var line: Line = []
            if axisWidth > 0 {
                let label = high <= low ? (row == flatRow ? labels[0] : "")
                    : row == 0 ? labels[0] : row == height - 1 ? labels[1] : ""
                line.append(Span(Text.pad(label, to: axisWidth - 1, align: .right) + (glyphs == .ascii ? "|" : "┤"), style: axisStyle))
            }
            line.append(Span(text, style: style))
            return line
        }
    }

    /// The plot as rows of text, `columns` wide.
    func plot(low: Double, high: Double, columns: Int, rows: Int) -> [String] {
        let dotsX = glyphs == .unicode ? columns * 2 : columns
        let dotsY = glyphs == .unicode ? rows * 4 : rows
        // Each value's dot: x spread over the width (one value in the middle), y from the bottom.
        let n = values.count
        let points: [(Int, Int)?] = values.enumerated().map { i, v in
            guard let v, v.isFinite else { return nil }
            let x = n == 1 ? dotsX / 2 : Int((Double(i) / Double(n - 1) * Double(dotsX - 1)).rounded())
            let t = high > low ? (min(max(v, low), high) - low) / (high - low) : 0.5
            let y = Int((t * Double(dotsY - 1)).rounded())
            return (x, dotsY - 1 - y)
        }
        var dots = Array(repeating: Array(repeating: UInt8(0), count: dotsX), count: dotsY) // 0 none, 1 line, 2 point
        func set(_ x: Int, _ y: Int, _ v: UInt8) {
            guard x >= 0, x < dotsX, y >= 0, y < dotsY else { return }
            dots[y][x] = max(dots[y][x], v)
        }
        var previous: (Int, Int)?
        for p in points {
            guard let p else { previous = nil; continue }
            if let q = previous {
                // A straight line of dots between the two points (Bresenham).
                var (x0, y0) = q
                let (x1, y1) = p
                let dx = abs(x1 - x0), dy = -abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
                var err = dx + dy
                while true {
                    set(x0, y0, 1)
                    if x0 == x1 && y0 == y1 { break }
                    let e2 = 2 * err
                    if e2 >= dy { err += dy; x0 += sx }
                    if e2 <= dx { err += dx; y0 += sy }
                }
            }
            set(p.0, p.1, 2)
            previous = p
        }
        switch glyphs {
        case .ascii:
            return dots.map { String($0.map { $0 == 2 ? "*" : $0 == 1 ? "." : " " }) }
        case .unicode:
            // Braille: bit of the dot at (column dx, row dy) of a cell.
            let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
            return (0..<rows).map { row in
                String((0..<columns).map { col -> Character in
                    var code: UInt32 = 0
                    for dy in 0..<4 { for dx in 0..<2 where dots[row * 4 + dy][col * 2 + dx] != 0 { code |= bits[dy][dx] } }
                    return code == 0 ? " " : Character(Unicode.Scalar(0x2800 + code)!)
                })
            }
        }
    }

    /// Draws the chart into the area.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        for (i, line) in lines(width: area.width, height: area.height).enumerated() {
            buffer.put(line: Text.truncate(line, to: area.width), x: area.x, y: area.y + i, maxX: area.right)
        }
    }
}
