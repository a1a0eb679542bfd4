import Testing
@testable import TerminalUI

/// A text area with the cursor moved to `line`, `column` through the public motions.
private func area(_ text: String, at line: Int, _ column: Int) -> TextArea {
    var t = TextArea(text: text)
    while t.cursor.line > 0 || t.cursor.column > 0 { t.moveLeft() }
    for _ in 0..<line { t.moveDown(width: 1000) }
    t.home()
    for _ in 0..<column { t.moveRight() }
    return t
}

/// The visual rows as strings.
private func rows(_ t: TextArea, width: Int) -> [String] {
    t.layout(width: width).map { String(t.lines[$0.line][$0.range]) }
}

private func loc(_ line: Int, _ column: Int) -> TextArea.Location { .init(line: line, column: column) }

/// Presses `key` and expects the field to use it.
private func use(_ key: Key, on f: inout TextArea, sourceLocation: SourceLocation = #_sourceLocation) {
    let used = f.handle(key, width: 20)
    #expect(used, "\(key) should be used", sourceLocation: sourceLocation)
}

@Suite struct EditingTextAreaTests {
    // MARK: Editing

    @Test func cjkAndEmojiAreEditedWholeGraphemes() {
        var t = TextArea(text: "会議のメモ")
        #expect(t.cursor == loc(0, 5))
        t.insert("👩‍💻")
        #expect(t.text == "会議のメモ👩‍💻")
        #expect(t.cursor == loc(0, 6))
        t.backspace()
        #expect(t.text == "会議のメモ")
        t.moveLeft()
        t.moveLeft()
        t.insert("👩‍💻")
        #expect(t.text == "会議の👩‍💻メモ")
        #expect(t.cursor == loc(0, 4))
        t.deleteForward()
        #expect(t.text == "会議の👩‍💻モ")
    }

    @Test func insertsInTheMiddleAndPastesSeveralLines() {
        var t = area("helo", at: 0, 2)
        t.insert("l")
        #expect(t.text == "hello")
        #expect(t.cursor == loc(0, 3))

        var p = area("ab", at: 0, 1)
        p.insert("1\n2\r\n3")
        #expect(p.lines.count == 3)
        #expect(p.text == "a1\n2\n3b")
        #expect(p.cursor == loc(2, 1))
    }

    @Test func typedCombiningMarksAndFlagHalvesJoinTheirBase() {
        var t = TextArea()
        t.insert("e")
        t.insert("\u{301}")
        #expect(t.lines[0].count == 1)
        #expect(t.cursor == loc(0, 1))
        t.insert("🇫")
        t.insert("🇷")
        #expect(t.lines[0].count == 2)
        #expect(t.text == "e\u{301}🇫🇷")
        #expect(t.cursor == loc(0, 2))
    }

    @Test func pastedTabsAndControlCharactersAreCleaned() {
        var t = TextArea()
        t.insert("a\tb\u{7}c")
        #expect(t.text == "a    bc")
    }

    @Test func textRoundTripsAndEmptiness() {
        let t = TextArea(text: "a\n\nb")
        #expect(t.lines.count == 3)
        #expect(t.text == "a\n\nb")
        #expect(t.cursor == loc(2, 1))
        #expect(!t.isEmpty)
        #expect(TextArea().isEmpty)
        var s = t
        s.text = "x"
        #expect(s.text == "x" && s.cursor == loc(0, 1) && s.scroll == 0)
    }

    @Test func backspaceAtLineStartJoinsLines() {
        var t = area("one\ntwo", at: 1, 0)
        t.backspace()
        #expect(t.text == "onetwo")
        #expect(t.cursor == loc(0, 3))
        var start = area("x", at: 0, 0)
        start.backspace()
        #expect(start.text == "x")
    }

    @Test func deleteAtLineEndJoinsTheNextLine() {
        var t = area("one\ntwo", at: 0, 3)
        t.deleteForward()
        #expect(t.text == "onetwo")
        #expect(t.cursor == loc(0, 3))
        var end = TextArea(text: "one")
        end.deleteForward()
        #expect(end.text == "one")
    }

    @Test func enterSplitsTheLine() {
        var t = area("ab", at: 0, 1)
        use(.enter, on: &t)
        #expect(t.text == "a\nb")
        #expect(t.cursor == loc(1, 0))
    }

    @Test func movingLeftAndRightCrossesLineEnds() {
        var t = area("ab\ncd", at: 1, 0)
        t.moveLeft()
        #expect(t.cursor == loc(0, 2))
        t.moveRight()
        #expect(t.cursor == loc(1, 0))
        t.end()
        t.moveRight()
        #expect(t.cursor == loc(1, 2))
    }

    // MARK: Words

    @Test func wordJumpsSkipPunctuationAndKeepAccentsInWords() {
        var t = area("café, naïve!", at: 0, 0)
        t.wordRight()
        #expect(t.cursor == loc(0, 4))
        t.wordRight()
        #expect(t.cursor == loc(0, 11))
        t.wordRight()
        #expect(t.cursor == loc(0, 12))
        t.wordLeft()
        #expect(t.cursor == loc(0, 6))
        t.wordLeft()
        #expect(t.cursor == loc(0, 0))
    }

    @Test func decomposedAccentsStayInsideTheWord() {
        var t = area("cafe\u{301} bar", at: 0, 0)
        t.wordRight()
        #expect(t.cursor == loc(0, 4))
    }

    @Test func wordJumpsCrossLines() {
        var t = area("one\ntwo", at: 1, 0)
        t.wordLeft()
        #expect(t.cursor == loc(0, 0))
        t.end()
        t.wordRight()
        #expect(t.cursor == loc(1, 3))
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var t = TextArea(text: "hello, world")
        use(.ctrl("w"), on: &t)
        #expect(t.text == "hello, ")
        use(.ctrl("w"), on: &t)
        #expect(t.text == "")
        var lines = area("one\ntwo", at: 1, 0)
        lines.deleteWordBackward()
        #expect(lines.text == "two")
        #expect(lines.cursor == loc(0, 0))
    }

    @Test func ctrlKKillsToLineEndThenJoins() {
        var t = area("hello world\nnext", at: 0, 5)
        use(.ctrl("k"), on: &t)
        #expect(t.text == "hello\nnext")
        use(.ctrl("k"), on: &t)
        #expect(t.text == "hellonext")
    }

    // MARK: Soft wrap

    @Test func softWrapBreaksAfterWords() {
        let t = TextArea(text: "the quick brown fox jumps")
        #expect(rows(t, width: 10) == ["the quick ", "brown fox ", "jumps"])
        #expect(rows(TextArea(text: "aa bbbbbbbb"), width: 10) == ["aa ", "bbbbbbbb"])
        #expect(rows(t, width: 40) == ["the quick brown fox jumps"])
    }

    @Test func softWrapHardBreaksALongWord() {
        let t = TextArea(text: "abcdefghijklmnopqrstuvwxyz")
        #expect(rows(t, width: 10) == ["abcdefghi", "jklmnopqr", "stuvwxyz"])
    }

    @Test func wideCharactersNeverStraddleARowEnd() {
        #expect(rows(TextArea(text: "会議のメモを書く"), width: 10) == ["会議のメ", "モを書く"])
        let mixed = TextArea(text: "ab会議のメモ")
        #expect(rows(mixed, width: 10) == ["ab会議の", "メモ"])
        for row in mixed.layout(width: 10) {
            #expect(DisplayWidth.of(String(mixed.lines[row.line][row.range])) <= 9)
        }
    }

    @Test func emptyLinesAreRowsToo() {
        let t = TextArea(text: "a\n\nb")
        #expect(t.layout(width: 10).map(\.line) == [0, 1, 2])
    }

    @Test func cursorAtTheEndOfAFullRowStaysInsideTheField() {
        let nine = TextArea(text: "abcdefghi")
        #expect(nine.cursorPosition(width: 10) == (row: 0, col: 9))
        let ten = TextArea(text: "abcdefghij")
        #expect(rows(ten, width: 10) == ["abcdefghi", "j"])
        #expect(ten.cursorPosition(width: 10) == (row: 1, col: 1))
        let spaced = area("the quick brown", at: 0, 9)
        #expect(spaced.cursorPosition(width: 10) == (row: 0, col: 9))
        let next = area("the quick brown", at: 0, 10)
        #expect(next.cursorPosition(width: 10) == (row: 1, col: 0))
    }

    // MARK: Up and down

    @Test func upAndDownKeepTheGoalColumnAcrossWrappedRows() {
        var t = area("the quick brown fox jumps", at: 0, 7)
        #expect(t.cursorPosition(width: 10) == (row: 0, col: 7))
        t.moveDown(width: 10)
        #expect(t.cursor == loc(0, 17))
        t.moveDown(width: 10)
        #expect(t.cursor == loc(0, 25))
        t.moveUp(width: 10)
        #expect(t.cursor == loc(0, 17))
        t.moveUp(width: 10)
        #expect(t.cursor == loc(0, 7))
    }

    @Test func upAndDownKeepTheGoalColumnPastShortLines() {
        var t = area("a long first line\nab\nanother long line", at: 0, 10)
        t.moveDown(width: 40)
        #expect(t.cursor == loc(1, 2))
        t.moveDown(width: 40)
        #expect(t.cursor == loc(2, 10))
        t.moveUp(width: 40)
        t.moveUp(width: 40)
        #expect(t.cursor == loc(0, 10))
    }

    @Test func aSidewaysMoveForgetsTheGoalColumn() {
        var t = area("a long first line\nab\nanother long line", at: 0, 10)
        t.moveDown(width: 40)
        t.moveLeft()
        t.moveDown(width: 40)
        #expect(t.cursor == loc(2, 1))
    }

    @Test func goalColumnIsCountedInDisplayColumns() {
        var t = area("会議のメモ\nabcdefgh", at: 0, 3)
        t.moveDown(width: 40)
        #expect(t.cursor == loc(1, 6))
        var u = area("会議のメモ\nabcdefgh", at: 1, 5)
        u.moveUp(width: 40)
        #expect(u.cursor == loc(0, 2))
    }

    @Test func upOnTheFirstRowAndDownOnTheLastGoToTheEnds() {
        var t = area("abc\ndef", at: 0, 2)
        t.moveUp(width: 20)
        #expect(t.cursor == loc(0, 0))
        var u = area("abc\ndef", at: 1, 1)
        u.moveDown(width: 20)
        #expect(u.cursor == loc(1, 3))
    }

    // MARK: Scrolling and drawing

    @Test func scrollKeepsTheCursorVisible() {
        var t = TextArea(text: (0..<10).map { "l\($0)" }.joined(separator: "\n"))
        t.scrollToCursor(width: 20, height: 3)
        #expect(t.scroll == 7)
        for _ in 0..<5 { t.moveUp(width: 20) }
        t.scrollToCursor(width: 20, height: 3)
        #expect(t.scroll == 4)
        t.moveDown(width: 20)
        t.scrollToCursor(width: 20, height: 3)
        #expect(t.scroll == 4)

        var buffer = ScreenBuffer(width: 20, height: 3)
        t.render(into: &buffer, area: buffer.area, style: .plain, focused: true)
        #expect(buffer.text == "l4\nl5\nl6")
        #expect(buffer.cursor == Position(x: 2, y: 1))
    }

    @Test func scrollComesBackWhenTheTextShrinks() {
        var t = TextArea(text: (0..<10).map { "l\($0)" }.joined(separator: "\n"))
        t.scrollToCursor(width: 20, height: 3)
        for _ in 0..<8 { t.deleteWordBackward() }
        #expect(t.lines.count == 3)
        t.scrollToCursor(width: 20, height: 3)
        #expect(t.scroll == 0)
    }

    @Test func renderShowsTheCursorEvenWithoutScrolling() {
        let t = TextArea(text: (0..<10).map { "l\($0)" }.joined(separator: "\n"))
        #expect(t.scroll == 0)
        var buffer = ScreenBuffer(width: 10, height: 3)
        t.render(into: &buffer, area: buffer.area, style: .plain, focused: true)
        #expect(buffer.text == "l7\nl8\nl9")
        #expect(buffer.cursor == Position(x: 2, y: 2))
    }

    @Test func renderDrawsWrappedRowsInsideTheArea() {
        let t = TextArea(text: "the quick brown fox jumps")
        var buffer = ScreenBuffer(width: 14, height: 5)
        buffer.fill(buffer.area, grapheme: ".")
        t.render(into: &buffer, area: Rect(x: 2, y: 1, width: 10, height: 3), style: .plain, focused: false)
        #expect(buffer.lines == [
            "..............",
            "..the quick ..",
            "..brown fox ..",
            "..jumps     ..",
            "..............",
        ])
        #expect(buffer.cursor == nil)
    }

    @Test func renderPutsTheCursorAfterAWideCharacter() {
        var t = TextArea(text: "会議のメモ")
        t.home()
        t.moveRight()
        var buffer = ScreenBuffer(width: 20, height: 4)
        t.render(into: &buffer, area: Rect(x: 2, y: 1, width: 12, height: 2), style: .plain, focused: true)
        #expect(buffer.cursor == Position(x: 4, y: 1))
        #expect(buffer[2, 1].grapheme == "会")
        #expect(buffer[3, 1].isContinuation)
        #expect(buffer[4, 1].grapheme == "議")

        let emoji = TextArea(text: "👩‍💻")
        emoji.render(into: &buffer, area: Rect(x: 0, y: 0, width: 10, height: 1), style: .plain, focused: true)
        #expect(buffer.cursor == Position(x: 2, y: 0))
    }

    // MARK: Keys

    @Test func handleLeavesTabEscapeCtrlSAndOthersToTheCaller() {
        var t = TextArea(text: "notes")
        for key: Key in [.tab, .backTab, .escape, .ctrl("s"), .ctrl("q"), .pageUp, .function(1), .char("\u{1b}")] {
            let used = t.handle(key, width: 20)
            #expect(!used, "\(key) should not be consumed")
        }
        #expect(t.text == "notes")
        #expect(t.cursor == loc(0, 5))
    }

    @Test func handleMapsEditingKeys() {
        var t = TextArea(text: "ab cd")
        use(.ctrlLeft, on: &t)
        #expect(t.cursor == loc(0, 3))
        use(.alt(.char("b")), on: &t)
        #expect(t.cursor == loc(0, 0))
        use(.alt(.char("f")), on: &t)
        #expect(t.cursor == loc(0, 2))
        use(.ctrl("e"), on: &t)
        #expect(t.cursor == loc(0, 5))
        use(.ctrl("a"), on: &t)
        use(.char("x"), on: &t)
        #expect(t.text == "xab cd")
        use(.delete, on: &t)
        use(.backspace, on: &t)
        #expect(t.text == "b cd")
        use(.end, on: &t)
        use(.home, on: &t)
        #expect(t.cursor == loc(0, 0))
    }
}

@Suite struct TextAreaKillTests {
    @Test func ctrlUDeletesToTheLineStartAndAtTheStartJoinsTheLineAbove() {
        var a = area("first\nsecond line", at: 1, 7)
        use(.ctrl("u"), on: &a)
        #expect(a.text == "first\nline")
        #expect(a.cursor == loc(1, 0))
        use(.ctrl("u"), on: &a)
        #expect(a.text == "firstline")
        #expect(a.cursor == loc(0, 5))
        a = area("x", at: 0, 0)
        use(.ctrl("u"), on: &a)
        #expect(a.text == "x")
        #expect(a.cursor == loc(0, 0))
    }

    @Test func ctrlUOnAWrappedLineDeletesFromTheLogicalLineStart() {
        var a = area("one two three four five", at: 0, 14)
        #expect(a.layout(width: 10).count > 1)
        use(.ctrl("u"), on: &a)
        #expect(a.text == "four five")
    }
}
