import Testing
@testable import TerminalUI

private func drawn(_ f: LineField, width: Int) -> (text: String, cursor: Position?) {
    var buffer = ScreenBuffer(width: width, height: 1)
    f.render(into: &buffer, area: buffer.area, style: .plain, focused: true)
    return (buffer.text, buffer.cursor)
}

/// Presses `key` and expects the field to use it.
private func use(_ key: Key, on f: inout LineField, sourceLocation: SourceLocation = #_sourceLocation) {
    let used = f.handle(key)
    #expect(used, "\(key) should be used", sourceLocation: sourceLocation)
}

@Suite struct EditingLineFieldTests {
    @Test func scrollsRightToKeepTheCursorAtTheEndVisible() {
        let f = LineField(text: "abcdefghijklmnop")
        #expect(f.visibleOffset(width: 10) == 7)
        let (text, cursor) = drawn(f, width: 10)
        #expect(text == "hijklmnop")
        #expect(cursor == Position(x: 9, y: 0))
    }

    @Test func scrollsLeftOnlyWhenTheCursorLeavesTheView() {
        var f = LineField(text: "abcdefghijklmnop")
        f.scrollToCursor(width: 10)
        for _ in 0..<3 { f.moveLeft() }
        f.scrollToCursor(width: 10)
        #expect(f.offset == 7)
        for _ in 0..<7 { f.moveLeft() }
        f.scrollToCursor(width: 10)
        #expect(f.offset == 6)
        f.home()
        f.scrollToCursor(width: 10)
        #expect(f.offset == 0)
        #expect(drawn(f, width: 10).text == "abcdefghij")
        #expect(drawn(f, width: 10).cursor == Position(x: 0, y: 0))
    }

    @Test func deletingBringsHiddenTextBack() {
        var f = LineField(text: "abcdefghijklmnop")
        f.scrollToCursor(width: 10)
        for _ in 0..<5 { f.backspace() }
        f.scrollToCursor(width: 10)
        #expect(f.text == "abcdefghijk")
        #expect(f.offset == 2)
        #expect(drawn(f, width: 10).text == "cdefghijk")
    }

    @Test func wideCharactersScrollByWholeGraphemes() {
        let f = LineField(text: "会議のメモを書く")
        #expect(f.visibleOffset(width: 10) == 4)
        let (text, cursor) = drawn(f, width: 10)
        #expect(text == "モを書く")
        #expect(cursor == Position(x: 8, y: 0))
    }

    @Test func enterUpDownAndNavigationKeysAreLeftToTheForm() {
        var f = LineField(text: "name")
        for key: Key in [.enter, .up, .down, .tab, .backTab, .escape, .ctrl("s"), .char("\n")] {
            let used = f.handle(key)
            #expect(!used, "\(key) should not be consumed")
        }
        #expect(f.text == "name")
    }

    @Test func pastedLineBreaksBecomeSpaces() {
        var f = LineField()
        f.insert("first\nsecond\r\nthird")
        #expect(f.text == "first second third")
        #expect(f.cursor == 18)
    }

    @Test func editsWithTheSameKeysAsTheTextArea() {
        var f = LineField(text: "café, naïve")
        use(.ctrl("w"), on: &f)
        #expect(f.text == "café, ")
        use(.ctrlLeft, on: &f)
        #expect(f.cursor == 0)
        use(.ctrlRight, on: &f)
        #expect(f.cursor == 4)
        use(.ctrl("k"), on: &f)
        #expect(f.text == "café")
        use(.ctrl("a"), on: &f)
        use(.char("👩‍💻"), on: &f)
        #expect(f.text == "👩‍💻café")
        use(.delete, on: &f)
        use(.backspace, on: &f)
        #expect(f.text == "afé")
        use(.end, on: &f)
        #expect(f.cursor == 3)
    }
}

@Suite struct LineFieldKillTests {
    @Test func ctrlUDeletesToTheStartAndCtrlKToTheEnd() {
        var f = LineField(text: "hello brave world")
        for _ in 0..<5 { f.moveLeft() }
        use(.ctrl("u"), on: &f)
        #expect(f.text == "world")
        #expect(f.cursor == 0)
        use(.ctrl("u"), on: &f)
        #expect(f.text == "world")
        f.moveRight(); f.moveRight()
        use(.ctrl("k"), on: &f)
        #expect(f.text == "wo")
        #expect(f.cursor == 2)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var f = LineField(text: "café crème, naïve")
        use(.ctrl("w"), on: &f)
        #expect(f.text == "café crème, ")
        use(.ctrl("w"), on: &f)
        #expect(f.text == "café ")
    }
}
