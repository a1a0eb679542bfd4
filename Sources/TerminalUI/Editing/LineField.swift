/// A single-line text field (a name, a date, a number) that scrolls sideways to keep the
/// cursor in view.
///
/// It edits like `TextArea` — the same words, the same keys — but holds no line breaks:
/// pasted line breaks become spaces (`paste(_:)`), and Enter, Up and Down are left to the caller (a form
/// submits or moves between fields with them), as are Tab, Esc and Ctrl-S.
public struct LineField: Equatable, Sendable, TextEditable {
    /// The text as grapheme clusters.
    public private(set) var characters: [Character]
    /// The insertion point, a grapheme index from 0 to `characters.count`.
    public private(set) var cursor: Int
    /// The first grapheme shown; `scrollToCursor(width:)` keeps the cursor in view.
    public private(set) var offset = 0

    /// A field holding `text`, with the cursor at its end.
    public init(text: String = "") {
        characters = Self.clean(text)
        cursor = characters.count
    }

    /// The text. Setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set { self = LineField(text: newValue) }
    }

    /// True when the field holds no text.
    public var isEmpty: Bool { characters.isEmpty }

    // MARK: Editing

    /// Inserts typed or pasted text at the cursor; line breaks become spaces.
    public mutating func insert(_ s: String) {
        let head = TextEditing.joined(characters[..<cursor], Self.clean(s))
        characters = TextEditing.joined(head, characters[cursor...])
        cursor = min(head.count, characters.count)
    }

    /// Inserts pasted text at the cursor as one line: escape sequences and control characters
    /// go, line breaks and tabs become spaces (one each), and line breaks at its ends are dropped.
    public mutating func paste(_ s: String) {
        let text = TextEditing.withoutEscapeSequences(s).trimmingLineBreaks()
        insert(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes back to the start of the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = TextEditing.wordLeft(characters, from: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func killToEnd() { characters.removeSubrange(cursor...) }

    /// Deletes from the start to the cursor (Ctrl-U, readline's unix-line-discard).
    public mutating func killToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }

    // MARK: Moving

    /// One grapheme left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// One grapheme right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// To the start of the text.
    public mutating func home() { cursor = 0 }
    /// To the end of the text.
    public mutating func end() { cursor = characters.count }

    /// To the start of this word, or of the previous one.
    public mutating func wordLeft() { cursor = TextEditing.wordLeft(characters, from: cursor) }

    /// To the end of this word, or of the next one.
    public mutating func wordRight() { cursor = TextEditing.wordRight(characters, from: cursor) }

    // MARK: Keys

    /// Applies a key. Returns false for keys a line field does not use (Enter, Up, Down,
    /// Tab, Esc, Ctrl-S…), so the caller can.
    public mutating func handle(_ key: Key) -> Bool {
        handleShared(key) ?? false
    }

    // MARK: Scrolling and drawing

    /// Moves `offset` just enough for the cursor to show in `width` columns.
    public mutating func scrollToCursor(width: Int) { offset = visibleOffset(width: width) }

    /// The first grapheme to show in `width` columns: the view moves only when the cursor
    /// would leave the field, or when text was deleted and more of it now fits (one column
    /// after the text is kept for the cursor at the end).
    public func visibleOffset(width: Int) -> Int {
        guard width > 0 else { return cursor }
        var start = min(offset, cursor)
        var used = TextEditing.columns(characters[start..<cursor])
        while start < cursor, used > width - 1 {
            used -= DisplayWidth.of(characters[start])
            start += 1
        }
        var shown = TextEditing.columns(characters[start...]) + 1
        while start > 0, shown + DisplayWidth.of(characters[start - 1]) <= width {
            start -= 1
            shown += DisplayWidth.of(characters[start])
        }
        return start
    }

    /// Draws the visible part of the text on the first row of `area`; when focused, puts the
    /// terminal cursor at the insertion point.
    public func render(into buffer: inout ScreenBuffer, area: Rect, style: Style, focused: Bool) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: style)
        let start = visibleOffset(width: area.width)
        buffer.put(String(characters[start...]), x: area.x, y: area.y, style: style, maxX: area.right)
        if focused {
            let col = TextEditing.columns(characters[start..<cursor])
            buffer.cursor = Position(x: area.x + min(col, area.width - 1), y: area.y)
        }
    }

    /// Text for one line: a line break becomes a space, a tab four, other control characters go.
    static func clean(_ s: String) -> [Character] {
        Array(TextEditing.lines(of: s).joined(separator: [" "]))
    }
}
