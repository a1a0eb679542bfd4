/// Rules the text fields share: what a word is, how pasted text is cleaned, how wide text is.
enum TextEditing {
    /// A word is a run of letters and digits, as readline's word motions see it
    /// ("café" and "naïve" are words; punctuation, spaces and line ends separate them).
    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Where a backward word jump from `i` lands: over separators, then over a word.
    static func wordLeft(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j > 0, !isWord(chars[j - 1]) { j -= 1 }
        while j > 0, isWord(chars[j - 1]) { j -= 1 }
        return j
    }

    /// Where a forward word jump from `i` lands: over separators, then to the end of a word.
    static func wordRight(_ chars: [Character], from i: Int) -> Int {
        var j = i
        while j < chars.count, !isWord(chars[j]) { j += 1 }
        while j < chars.count, isWord(chars[j]) { j += 1 }
        return j
    }

    /// Typed or pasted text split into lines: any line break ("\n", "\r\n", "\r") ends a line,
    /// a tab becomes four spaces, other control characters are dropped.
    static func lines(of s: String) -> [[Character]] {
        var out: [[Character]] = [[]]
        for c in s {
            if c.isNewline {
                out.append([])
            } else if c == "\t" {
                out[out.count - 1] += Array(repeating: " ", count: 4)
            } else if !isControl(c) {
                out[out.count - 1].append(c)
            }
        }
        return out
    }

    /// Text with terminal escape sequences removed whole (CSI `ESC [ … final`, OSC
    /// `ESC ] … BEL or ESC \`, and two-character `ESC x`), as a paste copied from a
    /// colored terminal carries them; the control characters left are the editors' to drop.
    static func withoutEscapeSequences(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\u{1b}" else { out.append(c); continue }
            guard let kind = it.next() else { break }
            switch kind {
            case "[":
                while let p = it.next(), !(0x40...0x7E).contains(p.value) {}
            case "]", "P", "_", "^":
                var previous: Unicode.Scalar?
                while let p = it.next() {
                    if p == "\u{07}" || (previous == "\u{1b}" && p == "\\") { break }
                    previous = p
                }
            default:
                break // ESC and one character (ESC 7, ESC =, Alt+key)
            }
        }
        return String(out)
    }

    static func isControl(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return true }
        return v < 0x20 || (0x7f..<0xa0).contains(v)
    }

    /// Two runs of graphemes joined and segmented again, so a combining mark or a flag's
    /// second half typed after its base joins it.
    static func joined(_ a: some Sequence<Character>, _ b: some Sequence<Character>) -> [Character] {
        Array(String(a) + String(b))
    }

    /// Terminal columns of a run of graphemes.
    static func columns(_ chars: some Sequence<Character>) -> Int {
        chars.reduce(0) { $0 + DisplayWidth.of($1) }
    }
}

extension String {
    /// The text without line breaks at its start and end.
    func trimmingLineBreaks() -> Substring {
        var s = Substring(self)
        while s.first?.isNewline == true { s.removeFirst() }
        while s.last?.isNewline == true { s.removeLast() }
        return s
    }
}
