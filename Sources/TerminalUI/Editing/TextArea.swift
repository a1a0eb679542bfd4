/// A multi-line text field: session notes, goals, anything longer than a line.
///
/// The text is kept as lines of grapheme clusters, so the cursor never lands inside an
/// emoji or an accented letter. Lines wrap softly at word boundaries to the width they are
/// shown in (see `layout(width:)`); up and down move by those visual rows and remember the
/// display column they started from, so passing a short row does not lose it.
///
/// Keys (`handle(_:width:)`): arrows; Home/End and Ctrl-A/Ctrl-E go to the start and end
/// of the logical line (not the visual row); Ctrl-←/→, Alt-←/→ and Alt-B/Alt-F jump by words;
/// Backspace, Delete, Ctrl-W (word back), Alt-Backspace (word back), Ctrl-K (to line end),
/// Ctrl-U (to line start); Enter breaks the line. A paste (`paste(_:)`) keeps its lines. Tab, Esc, Ctrl-S and other keys are left to the caller.
public struct TextArea: Equatable, Sendable, TextEditable {
    /// A place in the text: a logical line and a grapheme index in it.
    public struct Location: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// One row on screen: a range of graphemes of a logical line.
    public struct VisualRow: Hashable, Sendable {
        public let line: Int
        public let range: Range<Int>
    }

    /// The logical lines, as grapheme clusters. Never empty: an empty text is one empty line.
    public private(set) var lines: [[Character]]
    /// The insertion point; its column may equal the line's length (after the last grapheme).
    public private(set) var cursor: Location
    /// The first visual row shown; `scrollToCursor(width:height:)` keeps the cursor in view.
    public private(set) var scroll = 0
    /// The display column up and down aim for, kept while they repeat.
    private var goalColumn: Int?

    /// A field holding `text`, with the cursor at its end.
    public init(text: String = "") {
        lines = TextEditing.lines(of: text)
        cursor = Location(line: lines.count - 1, column: lines[lines.count - 1].count)
    }

    /// The lines joined by "\n". Setting it puts the cursor at the end and scrolls to the top.
    public var text: String {
        get { lines.map { String($0) }.joined(separator: "\n") }
        set { self = TextArea(text: newValue) }
    }

    /// True when the text is one empty line.
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }

    // MARK: Editing

    /// Inserts typed or pasted text at the cursor; line breaks in it split the line.
    public mutating func insert(_ s: String) {
        let parts = TextEditing.lines(of: s)
        let line = lines[cursor.line]
        let prefix = line[..<cursor.column], suffix = line[cursor.column...]
        let head = TextEditing.joined(prefix, parts[0])
        if parts.count == 1 {
            lines[cursor.line] = TextEditing.joined(head, suffix)
            place(cursor.line, min(head.count, lines[cursor.line].count))
            return
        }
        let last = TextEditing.joined(parts[parts.count - 1], suffix)
        lines.replaceSubrange(cursor.line...cursor.line, with: [head] + parts[1..<parts.count - 1] + [last])
        place(cursor.line + parts.count - 1, min(parts[parts.count - 1].count, last.count))
    }

    /// Inserts pasted text at the cursor, keeping its lines: escape sequences and control
    /// characters go, a tab becomes four spaces, any line break ("\r\n", "\r", "\n") splits the line.
    public mutating func paste(_ s: String) {
        insert(TextEditing.withoutEscapeSequences(s))
    }

    /// Deletes the grapheme before the cursor; at a line's start, joins it to the line above.
    public mutating func backspace() {
        let start = flatIndex(cursor)
        guard start > 0 else { return place(0, 0) }
        delete(flat: start - 1..<start)
    }

    /// Deletes the grapheme under the cursor; at a line's end, joins the next line to it.
    public mutating func deleteForward() {
        let start = flatIndex(cursor)
        guard start < flatCount else { return place(cursor.line, cursor.column) }
        delete(flat: start..<start + 1)
    }

    /// Deletes back to the start of the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let end = flatIndex(cursor)
        delete(flat: TextEditing.wordLeft(flatText, from: end)..<end)
    }

    /// Deletes to the end of the line; at the end, joins the next line (Ctrl-K, as in Emacs).
    public mutating func killToEnd() {
        let count = lines[cursor.line].count
        guard cursor.column < count else { return deleteForward() }
        lines[cursor.line].removeSubrange(cursor.column...)
        place(cursor.line, cursor.column)
    }

    /// Deletes from the line's start to the cursor; at the start, joins the line to the one
    /// above (Ctrl-U, readline's unix-line-discard, and the mirror of Ctrl-K).
    public mutating func killToStart() {
        guard cursor.column > 0 else { return backspace() }
        lines[cursor.line].removeSubrange(..<cursor.column)
        place(cursor.line, 0)
    }

    // MARK: Moving

    /// One grapheme left, to the end of the line above at a line's start.
    public mutating func moveLeft() {
        if cursor.column > 0 { place(cursor.line, cursor.column - 1) }
        else if cursor.line > 0 { place(cursor.line - 1, lines[cursor.line - 1].count) }
        else { place(0, 0) }
    }

    /// One grapheme right, to the start of the line below at a line's end.
    public mutating func moveRight() {
        if cursor.column < lines[cursor.line].count { place(cursor.line, cursor.column + 1) }
        else if cursor.line + 1 < lines.count { place(cursor.line + 1, 0) }
        else { place(cursor.line, cursor.column) }
    }

    /// To the start of the logical line.
    public mutating func home() { place(cursor.line, 0) }

    /// To the end of the logical line.
    public mutating func end() { place(cursor.line, lines[cursor.line].count) }

    /// To the start of this word, or of the previous one (readline's backward-word).
    public mutating func wordLeft() {
        position(flat: TextEditing.wordLeft(flatText, from: flatIndex(cursor)))
    }

    /// To the end of this word, or of the next one (readline's forward-word).
    public mutating func wordRight() {
        position(flat: TextEditing.wordRight(flatText, from: flatIndex(cursor)))
    }

    /// Up one visual row at `width`, aiming for the remembered display column;
    /// on the first row, to the start of the text.
    public mutating func moveUp(width: Int) { moveVertically(by: -1, width: width) }

    /// Down one visual row at `width`, aiming for the remembered display column;
    /// on the last row, to the end of the text.
    public mutating func moveDown(width: Int) { moveVertically(by: 1, width: width) }

    private mutating func moveVertically(by step: Int, width: Int) {
        let rows = layout(width: width)
        let (row, col) = visualCursor(rows)
        let goal = goalColumn ?? col
        let target = row + step
        guard rows.indices.contains(target) else {
            return step < 0 ? place(0, 0) : place(lines.count - 1, lines[lines.count - 1].count)
        }
        let r = rows[target]
        let lastOfLine = target + 1 == rows.count || rows[target + 1].line != r.line
        let maxColumn = lastOfLine ? r.range.upperBound : r.range.upperBound - 1
        var column = r.range.lowerBound, used = 0
        while column < maxColumn {
            let w = DisplayWidth.of(lines[r.line][column])
            if used + w > goal { break }
            used += w
            column += 1
        }
        cursor = Location(line: r.line, column: column)
        goalColumn = goal
    }

    // MARK: Keys

    /// Applies a key; `width` is the field's width, for moving by visual rows.
    /// Returns false for keys a text area does not use (Tab, Esc, Ctrl-S…), so the caller can.
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        switch key {
        case .up: moveUp(width: width)
        case .down: moveDown(width: width)
        case .enter: insert("\n")
        case .char(let c) where c.isNewline: insert("\n")
        default: return handleShared(key) ?? false
        }
        return true
    }

    // MARK: Layout and drawing

    /// The visual rows of the whole text at `width` columns (see `SoftWrap` for the rules:
    /// text fills `width - 1` columns, the last one is kept for the cursor).
    public func layout(width: Int) -> [VisualRow] {
        lines.enumerated().flatMap { i, line in
            SoftWrap.rows(line, width: width).map { VisualRow(line: i, range: $0) }
        }
    }

    /// The cursor in visual coordinates at `width`: row in `layout(width:)`, display column.
    public func cursorPosition(width: Int) -> (row: Int, col: Int) {
        visualCursor(layout(width: width))
    }

    /// Moves `scroll` just enough for the cursor's row to show in `height` rows,
    /// and back up when the text has shrunk.
    public mutating func scrollToCursor(width: Int, height: Int) {
        let rows = layout(width: width)
        scroll = Self.top(cursorRow: visualCursor(rows).row, scroll: scroll, height: height, rowCount: rows.count)
    }

    /// Draws the rows that fit in `area` from `scroll` (moved, if need be, to show the cursor);
    /// when focused, puts the terminal cursor at the insertion point.
    public func render(into buffer: inout ScreenBuffer, area: Rect, style: Style, focused: Bool) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let rows = layout(width: area.width)
        let (row, col) = visualCursor(rows)
        let top = Self.top(cursorRow: row, scroll: scroll, height: area.height, rowCount: rows.count)
        for (i, r) in rows[top..<min(rows.count, top + area.height)].enumerated() {
            buffer.put(String(lines[r.line][r.range]), x: area.x, y: area.y + i, style: style, maxX: area.right)
        }
        if focused {
            buffer.cursor = Position(x: area.x + min(col, area.width - 1), y: area.y + row - top)
        }
    }

    /// The first row to show so that `cursorRow` is among `height` rows, moving `scroll` least.
    static func top(cursorRow: Int, scroll: Int, height: Int, rowCount: Int) -> Int {
        guard height > 0 else { return cursorRow }
        var top = max(0, min(scroll, rowCount - height))
        if cursorRow < top { top = cursorRow } else if cursorRow >= top + height { top = cursorRow - height + 1 }
        return top
    }

    private func visualCursor(_ rows: [VisualRow]) -> (row: Int, col: Int) {
        for (i, r) in rows.enumerated() where r.line == cursor.line {
            let lastOfLine = i + 1 == rows.count || rows[i + 1].line != r.line
            if r.range.contains(cursor.column) || (lastOfLine && cursor.column == r.range.upperBound) {
                return (i, TextEditing.columns(lines[r.line][r.range.lowerBound..<cursor.column]))
            }
        }
        return (0, 0)
    }

    // MARK: The text as one run ("\n" between lines), for word motions and deletions

    private var flatText: [Character] { Array(lines.joined(separator: ["\n"])) }

    private var flatCount: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }

    private func flatIndex(_ p: Location) -> Int {
        lines[..<p.line].reduce(0) { $0 + $1.count + 1 } + p.column
    }

    private mutating func position(flat: Int) {
        var rest = flat
        for (i, line) in lines.enumerated() {
            if rest <= line.count { return place(i, rest) }
            rest -= line.count + 1
        }
        place(lines.count - 1, lines[lines.count - 1].count)
    }

    /// Removes a range of the flat text (line breaks included) and puts the cursor at its start.
    private mutating func delete(flat range: Range<Int>) {
        position(flat: range.upperBound)
        let b = cursor
        position(flat: range.lowerBound)
        let a = cursor
        let merged = TextEditing.joined(lines[a.line][..<a.column], lines[b.line][b.column...])
        lines.replaceSubrange(a.line...b.line, with: [merged])
        place(a.line, min(a.column, merged.count))
    }

    /// Moves the cursor and forgets the goal column: every motion but up and down does.
    private mutating func place(_ line: Int, _ column: Int) {
        cursor = Location(line: line, column: column)
        goalColumn = nil
    }
}
