import Testing
@testable import TerminalUI

@Suite struct TerminalTests {
    private func frame(_ rows: [String], width: Int = 10) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { buffer.put(row, x: 0, y: y) }
        return buffer
    }

    @Test func firstDrawClearsAndSendsTheNonBlankCells() {
        let backend = TestBackend(width: 10, height: 2)
        let terminal = Terminal(backend: backend)
        var first = frame(["hi", ""])
        first.cursor = Position(x: 2, y: 0)
        terminal.draw(first)
        #expect(backend.clearCount == 1)
        #expect(backend.drawCalls.map(\.count) == [2])
        #expect(backend.screen == first)
        #expect(backend.cursor == Position(x: 2, y: 0))
        #expect(backend.flushCount == 1)
    }

    @Test func laterDrawsSendOnlyTheDifference() {
        let backend = TestBackend(width: 10, height: 2)
        let terminal = Terminal(backend: backend)
        terminal.draw(frame(["hello", "world"]))
        let second = frame(["hello", "wOrld"])
        terminal.draw(second)
        #expect(backend.clearCount == 1)
        #expect(backend.drawCalls.last?.count == 1)
        #expect(backend.drawCalls.last?.first?.x == 1)
        #expect(backend.screen.lines == second.lines)
        terminal.draw(second)
        #expect(backend.drawCalls.count == 2)
        #expect(backend.flushCount == 3)
    }

    @Test func sizeChangeOrInvalidateRedrawsEverything() {
        let backend = TestBackend(width: 10, height: 2)
        let terminal = Terminal(backend: backend)
        terminal.draw(frame(["hello", "world"]))
        backend.resize(width: 8, height: 1)
        #expect(backend.nextEvent(timeoutMs: 0) == .resize(width: 8, height: 1))
        #expect(backend.nextEvent(timeoutMs: 0) == nil)
        let small = frame(["hey"], width: 8)
        terminal.draw(small)
        #expect(backend.clearCount == 2)
        #expect(backend.screen == small)
        terminal.invalidate()
        terminal.draw(small)
        #expect(backend.clearCount == 3)
        #expect(backend.drawCalls.last?.count == 3)
    }

    @Test func queuedEventsComeOutInOrder() {
        let backend = TestBackend(width: 2, height: 2)
        backend.queuedEvents = [.key(.char("j")), .key(.enter)]
        #expect(backend.nextEvent(timeoutMs: nil) == .key(.char("j")))
        #expect(backend.nextEvent(timeoutMs: nil) == .key(.enter))
        #expect(backend.nextEvent(timeoutMs: 10) == nil)
    }
}
