/// The scanner's checks of single keys and values, beyond syntax: what Foundation's decoder would
/// otherwise reject without a place (a number out of range, a lone surrogate) or read differently
/// from the scanner (a key given twice: the scanner kept the last `"status"`, the decoder another).
extension JSONScanner {
    /// A key of an object being read: its bytes between the quotes.
    struct KeySpan {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    /// Refuses a key already given in the same object (the keys from `frame` on), then notes it.
    mutating func noteKey(_ key: KeySpan, frame: Int) throws {
        let length = key.end - key.start
        var k = frame
        while k < keys.count {
            let other = keys[k]
            k += 1
            if !key.escaped && !other.escaped {
                guard other.end - other.start == length else { continue }
                var same = true
                var n = 0
                while n < length {
                    if b[key.start + n] != b[other.start + n] { same = false; break }
                    n += 1
                }
                guard same else { continue }
            } else if JSONScanner.keyText(other, in: b) != JSONScanner.keyText(key, in: b) {
                continue
            }
            let first = JSONScanner.position(of: other.start - 1, in: b)
            throw Failure(offset: key.start - 1,
                          message: "appears twice in one object (first at line \(first.line), column \(first.column)); "
                              + "a field may be given only once: remove one of them",
                          namesField: true)
        }
        keys.append(key)
    }

    /// Refuses a number no field can hold: `1e400` is infinite as a Double, and `1e-400` is too
    /// small to be anything but 0. Foundation's decoder refuses both (and some zeros written with
    /// an exponent, `0e5`) without saying where; the fast decoder gives such files up to it.
    /// Called for numbers written with an exponent or longer than 300 characters.
    func checkRange(number r: Range<Int>) throws {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        guard let value = Double(text) else { return }
        let shown = text.count <= 24 ? text : String(text.prefix(21)) + "…"
        if !value.isFinite {
            throw Failure(offset: r.lowerBound,
                          message: "the number \(shown) is out of range: no field holds a number that large",
                          namesField: true)
        }
        guard value == 0 else { return }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        if mantissa.contains(where: { ("1"..."9").contains($0) }) {
            throw Failure(offset: r.lowerBound,
                          message: "the number \(shown) is out of range: it is too small for any field to hold (it would read as 0); write 0 or a larger number",
                          namesField: true)
        }
        if text.contains(where: { $0 == "e" || $0 == "E" }) {
            throw Failure(offset: r.lowerBound,
                          message: "the number \(shown) is zero written with an exponent, which not every JSON reader takes; write 0",
                          namesField: true)
        }
    }

    /// Refuses a `\uXXXX` escape that is half of a surrogate pair alone: it is no character, and
    /// Foundation's decoder fails on it without saying where. `at` is the backslash, `end` just past the digits.
    mutating func checkSurrogate(escapeAt at: Int, end: Int) throws {
        var unit: UInt32 = 0
        for k in (at + 2)..<end { unit = unit << 4 | JSONScanner.hexValue(b[k]) }
        let pendingHigh = highSurrogateEnd
        highSurrogateEnd = -1
        let digits = String(decoding: UnsafeBufferPointer(rebasing: b[(at + 2)..<end]), as: UTF8.self)
        switch unit {
        case 0xD800...0xDBFF:
            if pendingHigh >= 0 { throw loneSurrogate(pendingHigh - 6, nil) }
            let next = end
            guard next + 6 <= b.count, b[next] == UInt8(ascii: "\\"), b[next + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate(at, digits)
            }
            highSurrogateEnd = end
        case 0xDC00...0xDFFF:
            guard pendingHigh == at else { throw loneSurrogate(at, digits) }
        default:
            if pendingHigh >= 0 { throw loneSurrogate(pendingHigh - 6, nil) }
        }
    }

    private func loneSurrogate(_ at: Int, _ digits: String?) -> Failure {
        let shown = digits ?? String(decoding: UnsafeBufferPointer(rebasing: b[(at + 2)..<(at + 6)]), as: UTF8.self)
        return Failure(offset: at,
                       message: "\\u\(shown) is half of a surrogate pair with no other half, which is no character; "
                           + "write the character itself or a full pair (\\uD83D\\uDE00)",
                       namesField: true)
    }

    private static func hexValue(_ c: UInt8) -> UInt32 {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        default: UInt32(c &- 0x61 &+ 10)
        }
    }

    /// A key's text with its escapes resolved, to compare `"st\u0061tus"` with `"status"`.
    static func keyText(_ key: KeySpan, in b: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        var units: [UInt16] = []
        var k = key.start
        while k < key.end {
            let c = b[k]
            guard c == UInt8(ascii: "\\"), k + 1 < key.end else {
                // Plain bytes: compare their UTF-16 form, so an escaped and a plain key agree.
                var end = k + 1
                while end < key.end, b[end] != UInt8(ascii: "\\") { end += 1 }
                units += String(decoding: UnsafeBufferPointer(rebasing: b[k..<end]), as: UTF8.self).utf16
                k = end
                continue
            }
            let e = b[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "b"): units.append(0x08)
            case UInt8(ascii: "f"): units.append(0x0C)
            case UInt8(ascii: "n"): units.append(0x0A)
            case UInt8(ascii: "r"): units.append(0x0D)
            case UInt8(ascii: "t"): units.append(0x09)
            case UInt8(ascii: "u") where k + 4 <= key.end:
                var u: UInt32 = 0
                for n in k..<(k + 4) { u = u << 4 | hexValue(b[n]) }
                units.append(UInt16(u))
                k += 4
            default: units.append(UInt16(e))
            }
        }
        return units
    }
}
