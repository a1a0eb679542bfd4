import Testing
@testable import TerminalUI

@Suite struct TextTests {
    @Test func truncatesAsciiWithEllipsis() {
        #expect(Text.truncate("Hello world", to: 5) == "Hell…")
        #expect(Text.truncate("Hello world", to: 11) == "Hello world")
        #expect(Text.truncate("Hello", to: 1) == "…")
        #expect(Text.truncate("Hello", to: 0) == "")
        #expect(Text.truncate("Hello", to: -3) == "")
    }

    @Test func neverSplitsAWideCharacter() {
        #expect(Text.truncate("王小明", to: 6) == "王小明")
        #expect(Text.truncate("王小明", to: 5) == "王小…")
        #expect(Text.truncate("王小明", to: 4) == "王…")
        #expect(Text.truncate("👩‍💻 dev", to: 3) == "👩‍💻…")
        #expect(Text.truncate("👩‍💻 dev", to: 2) == "…")
    }

    @Test func padsToAlignment() {
        #expect(Text.pad("王", to: 4, align: .right) == "  王")
        #expect(Text.pad("ab", to: 5, align: .center) == " ab  ")
        #expect(Text.pad("ab", to: 4) == "ab  ")
        #expect(Text.pad("王小明", to: 4) == "王… ")
    }

    @Test func paddedTextTakesExactlyTheWidth() {
        let samples = ["", "a", "王小明", "👩‍💻x", "e\u{301}tude", "tab\there", "ＡＢＣ long"]
        for s in samples {
            for width in 0...9 {
                for align in [Alignment.left, .right, .center] {
                    let padded = Text.pad(s, to: width, align: align)
                    #expect(Text.width(padded) == width, "\(s) at \(width) \(align): |\(padded)|")
                    var buffer = ScreenBuffer(width: width, height: 1)
                    buffer.put(padded, x: 0, y: 0)
                    #expect(DisplayWidth.of(buffer.lines[0]) == width, "\(s) at \(width) drawn as |\(buffer.lines[0])|")
                }
            }
        }
    }

    @Test func truncatesALineInTheStyleOfWhatItCuts() {
        let line: Line = [Span("ab", style: red), Span("王小", style: green)]
        #expect(Text.truncate(line, to: 6) == line)
        #expect(Text.truncate(line, to: 4) == [Span("ab", style: red), Span("…", style: green)])
        #expect(Text.truncate(line, to: 2) == [Span("a…", style: red)])
        #expect(Text.truncate(line, to: 0) == [])
    }
}
