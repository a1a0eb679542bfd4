import Testing
@testable import TerminalUI

@Suite struct ScreenBufferTests {
    @Test func diffSendsOnlyChangedCells() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.put("hello", x: 0, y: 0)
        let before = buffer
        buffer.put("J", x: 3, y: 1, style: bold)
        let changes = buffer.diff(from: before)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 3 && changes.first?.y == 1 && changes.first?.cell == Cell("J", style: bold))
        #expect(buffer.diff(from: buffer).isEmpty)
        #expect(buffer.diff(from: ScreenBuffer(width: 4, height: 2)).count == 10)
    }

    @Test func narrowOverAWideCharacterCleansItsContinuation() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("王", x: 0, y: 0)
        let before = buffer
        buffer.put("a", x: 0, y: 0)
        #expect(buffer.lines == ["a   "])
        #expect(!buffer[1, 0].isContinuation)
        let changes = buffer.diff(from: before)
        #expect(changes.map(\.x) == [0, 1])
        #expect(changes.map(\.cell.grapheme) == ["a", " "])
    }

    @Test func narrowOverAContinuationBlanksTheLead() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("王", x: 0, y: 0)
        buffer.put("b", x: 1, y: 0)
        #expect(buffer.lines == [" b  "])
    }

    @Test func restylingARightHalfSendsItsGrapheme() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("王", x: 0, y: 0)
        let before = buffer
        buffer.setStyle(Rect(x: 1, y: 0, width: 1, height: 1), bold)
        #expect(buffer.diff(from: before).map(\.x) == [0, 1])
    }

    @Test func fillAcrossHalfAWideCharacterBlanksItWhole() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("王小明", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(buffer.lines == ["    明"])
        #expect(!buffer[3, 0].isContinuation)
        assertRowsFill(buffer)
    }

    @Test func putLineKeepsSpanStylesAndStopsAtMaxX() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let end = buffer.put(line: [Span("ab", style: red), Span("cd", style: green)], x: 1, y: 0, maxX: 4)
        #expect(end == 4)
        #expect(buffer.lines == [" abc  "])
        #expect(buffer[2, 0].style == red && buffer[3, 0].style == green)
    }
}
