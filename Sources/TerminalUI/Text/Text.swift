/// Text measured and cut in terminal columns, never in `String.count`.
///
/// Widths agree with what `ScreenBuffer.put` draws: a control character counts as one
/// column (it is shown as a space), a combining mark as none, a wide grapheme as two.
public enum Text {
    /// The ellipsis that ends a cut string.
    public static let ellipsis = "…"

    /// Columns `s` takes once drawn.
    public static func width(_ s: String) -> Int {
        if let n = PlainScalars.width(s) { return n }
        var n = 0
        for g in s { n += width(of: g) }
        return n
    }

    /// Columns a line of spans takes once drawn.
    public static func width(_ line: Line) -> Int {
        line.reduce(0) { $0 + width($1.text) }
    }

    /// `s` cut to at most `width` columns, ending with "…" when cut; a wide grapheme that
    /// would straddle the limit is dropped whole (the result may then be one column short).
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if Text.width(s) <= width { return s }
        let room = width - 1 // keep a column for the ellipsis
        var out = ""
        var used = 0
        for g in s {
            let w = Text.width(of: g)
            if used + w > room { break }
            out.append(g)
            used += w
        }
        return out + ellipsis
    }

    /// `s` truncated to `width` columns, then padded with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, align: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let gap = width - Text.width(cut)
        switch align {
        case .left: return cut + spaces(gap)
        case .right: return spaces(gap) + cut
        case .center: return spaces(gap / 2) + cut + spaces(gap - gap / 2)
        }
    }

    /// A line cut to at most `width` columns, ending with "…" (in the style of the text it
    /// replaces) when cut.
    public static func truncate(_ line: Line, to width: Int) -> Line {
        guard Text.width(line) > width else { return line }
        guard width > 0 else { return [] }
        var out: Line = []
        var used = 0
        for span in line {
            var kept = ""
            for g in span.text {
                let w = Text.width(of: g)
                if used + w > width - 1 {
                    out.append(Span(kept + ellipsis, style: span.style))
                    return out
                }
                kept.append(g); used += w
            }
            out.append(Span(kept, style: span.style))
        }
        return out
    }

    static func width(of g: Character) -> Int {
        let w = DisplayWidth.of(g)
        if w == 0, let v = g.unicodeScalars.first?.value, v < 0x20 || v == 0x7f { return 1 }
        return w
    }

    static func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }
}
