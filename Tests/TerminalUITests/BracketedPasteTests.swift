import Testing
@testable import TerminalUI

/// Feeds `reads` (each one read from the terminal) after a start marker; returns every paste
/// completed and what came after the last one.
private func collect(_ reads: [String], limit: Int = 4 * 1024 * 1024) -> (pastes: [String], rest: String, collector: BracketedPaste) {
    var p = BracketedPaste(limit: limit)
    p.begin()
    var pastes: [String] = []
    var rest = String.UnicodeScalarView()
    for read in reads {
        let (paste, after) = p.feed(read.unicodeScalars)
        if let paste { pastes.append(paste) }
        rest.append(contentsOf: after)
    }
    return (pastes, String(rest), p)
}

@Suite struct BracketedPasteTests {
    let end = BracketedPaste.endMarker

    @Test func aPasteEndsAtItsEndMarkerAndKeepsTabsAndLineBreaksAsText() {
        let r = collect(["one\ttwo\r\nthree\n" + end])
        #expect(r.pastes == ["one\ttwo\r\nthree\n"])
        #expect(!r.collector.isCollecting)
        #expect(r.rest == "")
    }

    @Test func theEndMarkerSplitAcrossReadsAtEveryPointStillEndsThePaste() {
        let whole = "notes\u{1b}x" + end
        let scalars = Array(whole.unicodeScalars)
        for cut in 1..<scalars.count {
            let a = String(String.UnicodeScalarView(scalars[..<cut]))
            let b = String(String.UnicodeScalarView(scalars[cut...]))
            let r = collect([a, b])
            #expect(r.pastes == ["notes\u{1b}x"], "split at \(cut)")
        }
        // One scalar per read.
        #expect(collect(whole.unicodeScalars.map { String($0) }).pastes == ["notes\u{1b}x"])
    }

    @Test func escapesInsideThePasteAreTextUntilTheRealEndMarker() {
        // A copied arrow, a broken end marker, a partial marker that restarts, a nested start marker.
        let inner = "a\u{1b}[Ab\u{1b}[201x c\u{1b}[20\u{1b}[201 d" + BracketedPaste.startMarker + "e"
        let r = collect([inner + end + "after"])
        #expect(r.pastes == [inner])
        #expect(r.rest == "after")
    }

    @Test func aQuietTerminalGivesWhatArrivedWithAPartialMarkerKept() {
        var p = BracketedPaste()
        p.begin()
        let fed = p.feed("half\u{1b}[20".unicodeScalars)
        #expect(fed.paste == nil)
        #expect(p.isCollecting)
        let text = p.finish()
        #expect(text == "half\u{1b}[20")
        #expect(!p.isCollecting)
    }

    @Test func aVeryLongPasteArrivesWholeInOneEvent() {
        let line = String(repeating: "x", count: 79) + "\n"
        let text = String(repeating: line, count: 5000) // 400,000 characters
        let reads = stride(from: 0, to: text.unicodeScalars.count, by: 4096).map { start -> String in
            let s = Array(text.unicodeScalars)[start..<min(text.unicodeScalars.count, start + 4096)]
            return String(String.UnicodeScalarView(s))
        }
        let r = collect(reads + [end])
        #expect(r.pastes.count == 1)
        #expect(r.pastes.first?.count == text.count)
        #expect(r.pastes.first == text)
        #expect(!r.collector.truncated)
    }

    @Test func aPasteBeyondTheLimitKeepsItsStartAndSaysSo() {
        let r = collect([String(repeating: "y", count: 100) + end], limit: 10)
        #expect(r.pastes == [String(repeating: "y", count: 10)])
        #expect(r.collector.truncated)
    }

    @Test func nothingIsCollectedBeforeBegin() {
        var p = BracketedPaste()
        let fed = p.feed("abc\(end)".unicodeScalars)
        #expect(fed.paste == nil)
        #expect(!p.isCollecting)
    }
}

@Suite struct PasteIntoEditorsTests {
    @Test func aLineFieldKeepsAPasteOnOneLine() {
        var f = LineField(text: "ab")
        f.moveLeft()
        f.paste("x\ty\r\nz\n")
        #expect(f.text == "ax y zb")
        #expect(f.cursor == 6)
        f.paste("\n\nlead and trail\r\n")
        #expect(f.text == "ax y zlead and trailb")
    }

    @Test func aLineFieldDropsControlCharactersAndEscapeSequences() {
        var f = LineField()
        f.paste("\u{1b}[31mred\u{1b}[0m\u{07}\u{00}\u{7f}ok\u{1b}]0;title\u{07}!")
        #expect(f.text == "redok!")
    }

    @Test func aTextAreaKeepsThePastedLines() {
        var a = TextArea(text: "start end")
        for _ in 0..<3 { a.moveLeft() }
        a.paste("one\r\ntwo\rthree\n\tfour\u{1b}[1m\u{08}")
        #expect(a.lines.map { String($0) } == ["start one", "two", "three", "    fourend"])
        #expect(a.text == "start one\ntwo\nthree\n    fourend")
        #expect(a.cursor == TextArea.Location(line: 3, column: 8))
    }

    @Test func aPasteIsNeverTakenAsKeys() {
        // The same text typed as keys would submit (Enter is the caller's) in a line field.
        var f = LineField()
        let usedEnter = f.handle(.enter)
        #expect(!usedEnter)
        f.paste("a\nb")
        #expect(f.text == "a b")
    }
}
