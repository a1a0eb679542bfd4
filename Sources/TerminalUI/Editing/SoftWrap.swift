/// Breaks one logical line into the grapheme ranges of its visual rows.
///
/// Text fills `width - 1` columns: the last column is kept for the cursor at a line's end
/// and for the space at a soft break (as Emacs keeps its last column for the wrap mark),
/// so the cursor is always inside the field. A row ends after the last space that fits;
/// a word longer than a row is broken where the row is full. A wide grapheme never
/// straddles a row's end: it moves to the next row.
enum SoftWrap {
    static func rows(_ line: [Character], width: Int) -> [Range<Int>] {
        guard !line.isEmpty else { return [0..<0] }
        let limit = max(1, width - 1)
        var out: [Range<Int>] = []
        var start = 0
        while start < line.count {
            var used = 0, i = start
            var lastBreak: Int?
            while i < line.count {
                let w = DisplayWidth.of(line[i])
                if used + w > limit, i > start { break }
                used += w
                i += 1
                if line[i - 1].isWhitespace { lastBreak = i }
            }
            let end: Int
            if i == line.count {
                end = i
            } else if line[i].isWhitespace, i + 1 < line.count, used + DisplayWidth.of(line[i]) <= width {
                end = i + 1 // the space that does not fit hangs in the kept column
            } else {
                end = lastBreak ?? i
            }
            out.append(start..<end)
            start = end
        }
        return out
    }
}
