/// Lines of styled text, scrolled by `offset` rows, cut with "…" or wrapped at spaces.
public struct Paragraph: Sendable {
    public var lines: [Line]
    /// The first row shown (a row of the wrapped text when wrapping).
    public var offset: Int
    public var wrap: Bool
    /// The style of the area before the text is drawn.
    public var style: Style

    public init(lines: [Line], offset: Int = 0, wrap: Bool = false, style: Style = .plain) {
        self.lines = lines; self.offset = offset; self.wrap = wrap; self.style = style
    }

    /// The rows the text takes at `width` columns: lines cut with "…", or wrapped — at the
    /// last space that fits, or mid-word when a word is longer than the width.
    public func rows(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        guard wrap else { return lines.map { Text.truncate($0, to: width) } }
        return lines.flatMap { Paragraph.wrap($0, width: width) }
    }

    /// Fills the area with the style and draws the rows from `offset`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        for (i, row) in rows(width: area.width).dropFirst(max(0, offset)).prefix(area.height).enumerated() {
            buffer.put(line: row.over(style), x: area.x, y: area.y + i, maxX: area.right)
        }
    }

    /// One line broken into rows of at most `width` columns.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        var rows: [[(Character, Style)]] = [[]]
        var used = 0
        for span in line {
            for g in span.text {
                let w = Text.width(of: g)
                if used + w > width {
                    var carry: [(Character, Style)] = []
                    if g != " ", let space = rows[rows.count - 1].lastIndex(where: { $0.0 == " " }) {
                        carry = Array(rows[rows.count - 1][(space + 1)...])
                        if carry.reduce(w, { $0 + Text.width(of: $1.0) }) <= width {
                            rows[rows.count - 1].removeSubrange(space...)
                        } else {
                            carry = [] // the word would not fit on the next row either: cut it here
                        }
                    }
                    rows.append(carry)
                    used = carry.reduce(0) { $0 + Text.width(of: $1.0) }
                    if g == " " { continue } // a space at a break is dropped
                }
                rows[rows.count - 1].append((g, span.style))
                used += w
            }
        }
        return rows.map { cells in
            var out: Line = []
            for (g, style) in cells {
                if out.last?.style == style { out[out.count - 1].text.append(g) } else { out.append(Span(String(g), style: style)) }
            }
            return out
        }
    }
}
