import Testing
@testable import TerminalUI

/// The fast path of drawing and measuring (`PlainScalars`) must give what the per-Character
/// path gives, and a `Cell` must give back exactly the grapheme and the style it was made with.
@Suite struct PlainScalarsTests {
    /// What `Text.width` said before the fast path: Character by Character.
    static func slowWidth(_ s: String) -> Int { s.reduce(0) { $0 + Text.width(of: $1) } }

    /// What `put` drew before the fast path: Character by Character, into a fresh row.
    static func slowPut(_ s: String, width: Int, x: Int, maxX: Int?, style: Style) -> ScreenBuffer {
        var buf = ScreenBuffer(width: width, height: 1)
        let limit = min(maxX ?? width, width)
        var col = x
        for g in s {
            if col >= limit { break }
            var w = DisplayWidth.of(g)
            var text = String(g)
            if w == 0 {
                if g.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7f }) ?? true { text = " "; w = 1 } else { continue }
            }
            if col + w > limit {
                if col >= 0 { buf[col, 0] = Cell(" ", style: style) }
                break
            }
            if col >= 0 {
                buf[col, 0] = Cell(text, style: style)
                if w == 2 { buf[col + 1, 0] = Cell("", style: style, isContinuation: true) }
            }
            col += w
        }
        return buf
    }

    @Test func everyScalarThatStandsAloneIsItsOwnGraphemeWithTheSameWidth() {
        var checked = 0
        for v in UInt32(0)..<0x3000 {
            guard PlainScalars.standsAlone(v), let scalar = Unicode.Scalar(v) else { continue }
            let s = String(Character(scalar))
            // Beside every kind of neighbour of the set, it stays one cluster of its own.
            let pair = s + "a" + s + "─" + s
            #expect(pair.count == 5, "U+\(String(v, radix: 16)) joins a neighbour")
            #expect(PlainScalars.width(v) == DisplayWidth.of(Character(scalar)), "U+\(String(v, radix: 16))")
            #expect(Text.width(pair) == Self.slowWidth(pair))
            checked += 1
        }
        #expect(checked > 3_000) // 3,687 below U+3000
        // What does not stand alone takes the general path.
        for v: UInt32 in [0x0, 0x1b, 0x7f, 0x85, 0x300, 0x200d, 0x200b, 0x2028, 0x2060, 0x20dd, 0xfe0f, 0x1f600, 0xac00, 0x1100] {
            #expect(!PlainScalars.standsAlone(v), "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: [
        "plain ASCII text", "╭─ Coaching · 5 active ─╮", "✓ on track ⚠ ⚑ ‖ paused ◔ → ← ‼ …", "José Núñez · Łukasz Wróbel",
        "王小明 김민준 佐藤 花子", "e\u{301}te\u{301}", "👍🏽 ok ❤️ 👨‍👩‍👧‍👦 🇫🇷", "tab\there\u{7}bell\u{1b}[31m", "½ € ™ ≤ ≥ ∞",
        "", "a\r\nb", "Zalgo: Z\u{36b}\u{33f}\u{344}\u{35a}\u{31c}a\u{352}\u{346}\u{30c}",
    ])
    func putDrawsWhatTheCharacterPathDrew(_ text: String) {
        let style = Style(fg: .indexed(3), bg: .rgb(1, 2, 3), attrs: [.bold, .underline])
        for (x, maxX) in [(0, nil), (2, nil), (-3, nil), (1, 9), (0, 4), (5, 12)] as [(Int, Int?)] {
            var fast = ScreenBuffer(width: 30, height: 1)
            let end = fast.put(text, x: x, y: 0, style: style, maxX: maxX)
            let slow = Self.slowPut(text, width: 30, x: x, maxX: maxX, style: style)
            #expect(fast.cells == slow.cells, "\(text) at \(x), maxX \(String(describing: maxX))")
            #expect(fast.lines == slow.lines)
            _ = end
        }
        #expect(Text.width(text) == Self.slowWidth(text))
    }

    @Test func aCellGivesBackItsGraphemeAndStyle() {
        let long = "👨‍👩‍👧‍👦" // 25 bytes of UTF-8: kept out of line
        let styles = [Style.plain, Style(fg: .indexed(255), bg: .indexed(0), attrs: .reverse),
                      Style(fg: .rgb(255, 0, 128), bg: .default, attrs: [.bold, .dim, .italic, .underline, .reverse])]
        for g in [" ", "a", "é", "e\u{301}", "王", "─", "⚠️", "🇫🇷", long, "", "Z\u{36b}\u{33f}\u{344}\u{35a}\u{31c}\u{352}\u{346}\u{30c}"] {
            for st in styles {
                let c = Cell(g, style: st)
                #expect(Array(c.grapheme.utf8) == Array(g.utf8))
                #expect(c.style == st)
                #expect(c == Cell(g, style: st))
                #expect(c != Cell(g + "x", style: st))
            }
        }
        // Canonically equal but different bytes: drawn as given, so not the same cell.
        #expect(Cell("é") != Cell("e\u{301}"))
        #expect(Cell(long).grapheme == long && Cell(long) == Cell(long) && Cell(long) != Cell("👨‍👩‍👧"))
    }
}
