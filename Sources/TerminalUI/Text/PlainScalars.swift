/// The fast path of drawing and measuring text: most of what a frame draws is ASCII, box
/// drawing, arrows, "…" and marks like "⚠", each scalar of which is a grapheme cluster of its
/// own. For such a string the per-`Character` work (grapheme breaking, a `String` made per
/// character) is skipped: its UTF-8 is walked scalar by scalar, with the same widths
/// `DisplayWidth.of` gives. Anything else (control characters, combining marks, emoji with
/// selectors or joiners, Hangul, flags, anything past U+2BFF) takes the general path, so the
/// results are the same either way.
enum PlainScalars {
    /// True for a scalar that is a grapheme cluster of its own whatever scalar of this set is
    /// next to it: none of them is a control, an extender, a joiner, a spacing mark, a prepended
    /// mark, a regional indicator, CR/LF or Hangul, so there is a cluster break on each side of
    /// each (Unicode's rules GB3–GB13 need one of those to keep two scalars together).
    @inline(__always)
    static func standsAlone(_ v: UInt32) -> Bool {
        if v < 0x7f { return v >= 0x20 }
        if v < 0x300 { return v >= 0xa0 }           // Latin-1 and Latin extended, IPA, modifiers
        if v < 0x2010 { return false }
        if v < 0x2028 { return true }               // dashes, quotes, bullets, "…"
        if v < 0x2030 { return false }               // line and paragraph separators, bidi controls
        if v < 0x2060 { return true }               // per mille, primes, more punctuation
        if v < 0x2070 { return false }               // word joiner, invisible operators
        if v < 0x20d0 { return true }               // super- and subscripts, currency
        if v < 0x2100 { return false }               // combining marks for symbols
        return v < 0x2c00                            // letterlike, arrows, math, box drawing, shapes, symbols, dingbats
    }

    /// The columns such a scalar takes (what `DisplayWidth.of` says of it as a `Character`).
    @inline(__always)
    static func width(_ v: UInt32) -> Int {
        v < 0x300 ? 1 : DisplayWidth.isWide(v) ? 2 : 1
    }

    /// Calls `body` with each scalar of `s` and returns true when every one of them stands
    /// alone (`standsAlone`); returns false, calling nothing, when one does not.
    @inline(__always)
    static func forEach(_ s: String, _ body: (UInt32) -> Void) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard all(bytes) else { return false }
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    body(b0); i += 1
                } else if b0 < 0xe0 {
                    body((b0 & 0x1f) << 6 | UInt32(bytes[i + 1] & 0x3f)); i += 2
                } else {
                    body((b0 & 0x0f) << 12 | UInt32(bytes[i + 1] & 0x3f) << 6 | UInt32(bytes[i + 2] & 0x3f)); i += 3
                }
            }
            return true
        }
    }

    /// The width of `s` in columns when every scalar of it stands alone, else `nil`.
    static func width(_ s: String) -> Int? {
        var n = 0
        return forEach(s) { n += width($0) } ? n : nil
    }

    /// Whether every scalar of valid UTF-8 stands alone.
    private static func all(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            let v: UInt32
            if b0 < 0x80 {
                if b0 < 0x20 || b0 == 0x7f { return false }
                i += 1; continue
            } else if b0 < 0xe0 {
                v = (b0 & 0x1f) << 6 | UInt32(bytes[i + 1] & 0x3f); i += 2
            } else if b0 < 0xf0 {
                v = (b0 & 0x0f) << 12 | UInt32(bytes[i + 1] & 0x3f) << 6 | UInt32(bytes[i + 2] & 0x3f); i += 3
            } else {
                return false
            }
            if !standsAlone(v) { return false }
        }
        return true
    }
}
