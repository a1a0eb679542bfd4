/// A row of key hints ("q quit  ? help"), as many whole hints as the width allows.
public struct KeyHintFooter: Sendable {
    public var hints: [(key: String, label: String)]
    public var keyStyle: Style
    public var labelStyle: Style

    public init(hints: [(key: String, label: String)], keyStyle: Style = Style(attrs: .bold), labelStyle: Style = .plain) {
        self.hints = hints; self.keyStyle = keyStyle; self.labelStyle = labelStyle
    }

    /// The columns each hint that fits in `width` takes (from the row's start, the gap before
    /// it not included): the one rule both drawing and the mouse's hit-testing use.
    public static func fit(_ hints: [(key: String, label: String)], width: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var used = 0
        for hint in hints {
            let gap = out.isEmpty ? 0 : 2
            let label = hint.label.isEmpty ? "" : " " + hint.label
            let w = gap + Text.width(hint.key + label)
            if used + w > width { break }
            out.append((used + gap)..<(used + w))
            used += w
        }
        return out
    }

    /// The hints that fit in `width` columns, two spaces apart, as spans.
    public func line(width: Int) -> Line {
        var out: Line = []
        var used = 0
        for hint in hints {
            let gap = out.isEmpty ? "" : "  "
            let label = hint.label.isEmpty ? "" : " " + hint.label
            let w = Text.width(gap + hint.key + label)
            if used + w > width { break }
            if !gap.isEmpty { out.append(Span(gap, style: labelStyle)) }
            out.append(Span(hint.key, style: keyStyle))
            if !label.isEmpty { out.append(Span(label, style: labelStyle)) }
            used += w
        }
        return out
    }

    /// Fills the area's first row with the label style and draws the hints that fit.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard let row = area.row(0) else { return }
        buffer.fill(row, style: labelStyle)
        buffer.put(line: line(width: row.width), x: row.x, y: row.y, maxX: row.right)
    }
}
