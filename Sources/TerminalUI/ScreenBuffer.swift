/// A cell position on the screen.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// A grid of cells the views draw into. The runtime keeps the previous frame and
/// sends the backend only `diff(from:)`.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should be shown (a text field being edited), if anywhere.
    public var cursor: Position?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Fills a rect with blanks of a style. A wide grapheme cut by the rect's edge is
    /// blanked whole, so no half of it is left behind.
    public mutating func fill(_ rect: Rect, style: Style = .plain, grapheme: String = " ") {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let cell = Cell(grapheme, style: style)
        for yy in r.y..<r.bottom {
            clearWide(at: r.x, y: yy)
            clearWide(at: r.right - 1, y: yy)
            for xx in r.x..<r.right { cells[yy * width + xx] = cell }
        }
    }

    /// Applies a style to every cell of a rect, keeping the text (selection highlight).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let look = Cell.pack(style)
        for yy in r.y..<r.bottom {
            for xx in r.x..<r.right { cells[yy * width + xx].look = look }
        }
    }

    /// Writes `text` from (x, y), never past `maxX` (exclusive; defaults to the buffer's edge).
    /// Width is counted in terminal columns: a wide grapheme that would straddle the limit is
    /// replaced by a space. Control characters are shown as spaces. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var col = x
        // The common case, each scalar a grapheme of its own (`PlainScalars`): the same steps
        // as below, without breaking the text into `Character`s.
        var done = false
        let look = Cell.pack(style)
        let plain = PlainScalars.forEach(text) { v in
            if done { return }
            if col >= limit { done = true; return }
            let w = PlainScalars.width(v)
            if col + w > limit {
                if col >= 0 { cells[y * width + col] = Cell(scalar: 0x20, look: look) }
                col += 1
                done = true
                return
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(scalar: v, look: look)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * width + col + 1] = Cell(continuationIn: look)
                }
            }
            col += w
        }
        if plain { return col }
        for g in text {
            if col >= limit { break }
            var w = DisplayWidth.of(g)
            var s = String(g)
            if w == 0 {
                if g.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7f }) ?? true {
                    s = " "; w = 1
                } else {
                    continue // a lone combining mark: nothing to place
                }
            }
            if col + w > limit {
                if col >= 0 { cells[y * width + col] = Cell(" ", style: style) }
                col += 1
                break
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(s, style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * width + col + 1] = Cell("", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return col
    }

    /// Writes a line of spans from (x, y), never past `maxX`. Returns the column after the text.
    @discardableResult
    public mutating func put(line: Line, x: Int, y: Int, maxX: Int? = nil) -> Int {
        var col = x
        for span in line {
            col = put(span.text, x: col, y: y, style: span.style, maxX: maxX)
        }
        return col
    }

    /// Before overwriting a cell, blanks the other half of any wide grapheme it belongs to.
    private mutating func clearWide(at x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(scalar: 0x20, look: cells[i - 1].look)
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(scalar: 0x20, look: cells[i + 1].look)
        }
    }

    /// The cells that differ from `previous` (all of them if the size changed).
    public func diff(from previous: ScreenBuffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        guard let prev = previous, prev.width == width, prev.height == height else {
            out.reserveCapacity(cells.count)
            for yy in 0..<height { for xx in 0..<width { out.append((xx, yy, cells[yy * width + xx])) } }
            return out
        }
        cells.withUnsafeBufferPointer { now in
            prev.cells.withUnsafeBufferPointer { before in
                for i in 0..<now.count where now[i] != before[i] {
                    // Backends skip continuations: a changed right half is sent with its grapheme.
                    let x = i % width
                    if now[i].isContinuation, x > 0, out.last.map({ $0.x != x - 1 || $0.y != i / width }) ?? true {
                        out.append((x - 1, i / width, now[i - 1]))
                    }
                    out.append((x, i / width, now[i]))
                }
            }
        }
        return out
    }

    /// The screen as rows of text (continuations skipped, trailing spaces kept).
    public var lines: [String] {
        (0..<height).map { yy in
            var s = ""
            for xx in 0..<width {
                let c = cells[yy * width + xx]
                if !c.isContinuation { s += c.grapheme }
            }
            return s
        }
    }

    /// All rows joined with newlines, trailing spaces trimmed: handy in test failures.
    public var text: String {
        lines.map { l in
            var t = Substring(l)
            while t.last == " " { t = t.dropLast() }
            return String(t)
        }.joined(separator: "\n")
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor == b.cursor
    }
}
