import Foundation
import TandemCore

/// A record's `"sessions"` array read straight from its bytes while the tape is built, with no
/// node per value: most of an open record's bytes are its sessions, and the tape's nodes for
/// them (about fifty a session) cost more than the decoding that follows.
///
/// It takes only the plain shape a session is saved in: every key one of `Session`'s (or
/// `ActionItem`'s), none twice, none escaped; the required ones there and not `null`; `"sealed"`
/// absent or `null`; numbers whole; ids and days written as `Tape.uuid` and `Tape.day` read
/// them. On anything else it returns `nil` and the array is put on the tape as before, where
/// `Tape.sessions(at:)` decodes it (or gives up, and `JSONDecoder` decides). So what it returns
/// is always what `Tape.sessions(at:)` would have made of the same bytes.
struct SessionParser {
    let b: UnsafeBufferPointer<UInt8>
    /// Where parsing is: on success, just past the array's `]`.
    var i: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        b = bytes
        i = start
    }

    /// The array of sessions starting at `i` (its `[`), or `nil` when it is not of the plain shape.
    ///
    /// With `keepingWhole`, only that many of the last sessions are read whole; the ones before
    /// are read as `Session.lean` (their notes, topics and done action items passed over, not
    /// made into values): what the dashboard's first frame holds of an open record's older sessions.
    /// Only for bytes the load cache vouches for (scanned and decoded cleanly before): a skipped
    /// text's bytes are not checked here.
    mutating func array(keepingWhole: Int? = nil) -> [Session]? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        var out: [Session] = []
        // Where each lean session starts, to read the last few again, whole.
        var starts: [Int] = []
        JSONSpace.skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "]") { i += 1; return out }
        while true {
            JSONSpace.skip(b, &i)
            if keepingWhole != nil { starts.append(i) }
            guard let s = keepingWhole == nil ? session() : session(lean: true) else { return nil }
            out.append(s)
            JSONSpace.skip(b, &i)
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; break }
            return nil
        }
        if let keep = keepingWhole {
            let end = i
            for k in max(0, out.count - keep)..<out.count {
                i = starts[k]
                guard let s = session() else { return nil }
                out[k] = s
            }
            i = end
        }
        return out
    }

    // MARK: - Sessions and action items

    private mutating func session(lean: Bool = false) -> Session? {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var id: UUID?, date: Day?, minutes: Int?, notes: String?, topics: [String]?, items: [ActionItem]?
        var pulse: Int??, visibility: Visibility?, nextDate: Day??, sealed: Bool = false
        JSONSpace.skip(b, &i)
        guard i < b.count, b[i] != UInt8(ascii: "}") else { return nil }
        while true {
            JSONSpace.skip(b, &i)
            guard let (start, length) = key() else { return nil }
            let k = b.baseAddress! + start
            switch length {
            case 2 where named(k, "id"):
                guard id == nil, let v = uuid() else { return nil }
                id = v
            case 4 where named(k, "date"):
                guard date == nil, let v = day() else { return nil }
                date = v
            case 7 where named(k, "minutes"):
                guard minutes == nil, let v = integer() else { return nil }
                minutes = v
            case 5 where named(k, "notes"):
                guard notes == nil, let v = lean ? skipString() : string() else { return nil }
                notes = v
            case 6 where named(k, "topics"):
                guard topics == nil, let v = lean ? skipStrings() : strings() else { return nil }
                topics = v
            case 11 where named(k, "actionItems"):
                guard items == nil, let v = actionItems(lean: lean) else { return nil }
                items = v
            case 5 where named(k, "pulse"):
                guard pulse == nil else { return nil }
                if null() { pulse = .some(nil) } else if let v = integer() { pulse = v } else { return nil }
            case 10 where named(k, "visibility"):
                guard visibility == nil, let v = visibilityValue() else { return nil }
                visibility = v
            case 8 where named(k, "nextDate"):
                guard nextDate == nil else { return nil }
                if null() { nextDate = .some(nil) } else if let v = day() { nextDate = v } else { return nil }
            case 6 where named(k, "sealed"):
                // A sealed note is left to the tape, which decodes it as `SealedNote`.
                guard !sealed, null() else { return nil }
                sealed = true
            default:
                return nil
            }
            guard let end = next(closing: UInt8(ascii: "}")) else { return nil }
            if end { break }
        }
        guard let id, let date, let minutes, let notes, let topics, let items, let visibility else { return nil }
        if lean {
            return Session.lean(id: id, date: date, minutes: minutes, actionItems: items, pulse: pulse ?? nil,
                                visibility: visibility, nextDate: nextDate ?? nil)
        }
        return Session(id: id, date: date, minutes: minutes, notes: notes, topics: topics, actionItems: items,
                       pulse: pulse ?? nil, visibility: visibility, nextDate: nextDate ?? nil)
    }

    /// The action items; `lean`, the open ones only (a done one is passed over).
    private mutating func actionItems(lean: Bool) -> [ActionItem]? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        var out: [ActionItem] = []
        JSONSpace.skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "]") { i += 1; return out }
        while true {
            JSONSpace.skip(b, &i)
            if lean {
                // A done item (a `"doneOn"` that is a string) is passed over whole; any other is read.
                let start = i
                guard skipObject() else { return nil }
                if !hasDoneOn(from: start, to: i) {
                    let end = i
                    i = start
                    guard let item = actionItem() else { return nil }
                    guard i == end else { return nil }
                    out.append(item)
                }
            } else {
                guard let item = actionItem() else { return nil }
                out.append(item)
            }
            guard let end = next(closing: UInt8(ascii: "]")) else { return nil }
            if end { return out }
        }
    }

    /// Passes over an object from its `{`, strings and all (bytes the cache vouches for).
    private mutating func skipObject() -> Bool {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return false }
        var depth = 0
        while i < b.count {
            // Indentation a word at a time, strings to their end: byte by byte only between.
            JSONSpace.skip(b, &i)
            guard i < b.count else { return false }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard let (end, _) = JSONStrings.end(b, from: i + 1) else { return false }
                i = end + 1
                continue
            }
            i += 1
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }

    private static let doneOnKey: StaticString = "\"doneOn\" : \""

    /// Whether the item in `start..<end` says `"doneOn" : "…"` as a save writes it: in valid JSON
    /// those bytes are only ever that key with a string value (a quote inside a string is escaped,
    /// and no value is followed by ` : `). Written otherwise, the item is read (and judged) whole.
    private func hasDoneOn(from start: Int, to end: Int) -> Bool {
        let key = Self.doneOnKey, n = key.utf8CodeUnitCount
        var k = start
        while k + n <= end {
            guard let hit = memchr(b.baseAddress! + k, 0x22, end - n + 1 - k) else { return false }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self)
            if memcmp(at, key.utf8Start, n) == 0 { return true }
            k = b.baseAddress!.distance(to: at) + 1
        }
        return false
    }

    private mutating func actionItem() -> ActionItem? {
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var id: UUID?, text: String?, due: Day??, doneOn: Day??
        JSONSpace.skip(b, &i)
        guard i < b.count, b[i] != UInt8(ascii: "}") else { return nil }
        while true {
            JSONSpace.skip(b, &i)
            guard let (start, length) = key() else { return nil }
            let k = b.baseAddress! + start
            switch length {
            case 2 where named(k, "id"):
                guard id == nil, let v = uuid() else { return nil }
                id = v
            case 4 where named(k, "text"):
                guard text == nil, let v = string() else { return nil }
                text = v
            case 3 where named(k, "due"):
                guard due == nil else { return nil }
                if null() { due = .some(nil) } else if let v = day() { due = v } else { return nil }
            case 6 where named(k, "doneOn"):
                guard doneOn == nil else { return nil }
                if null() { doneOn = .some(nil) } else if let v = day() { doneOn = v } else { return nil }
            default:
                return nil
            }
            guard let end = next(closing: UInt8(ascii: "}")) else { return nil }
            if end { break }
        }
        guard let id, let text else { return nil }
        return ActionItem(id: id, text: text, due: due ?? nil, doneOn: doneOn ?? nil)
    }

    // MARK: - Pieces

    /// Whether the key's bytes at `k` are `name` (its length already matched).
    @inline(__always) private func named(_ k: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        memcmp(k, name.utf8Start, name.utf8CodeUnitCount) == 0
    }

    /// After a member or an element: `,` (false: another follows) or `closing` (true: the end).
    @inline(__always) private mutating func next(closing: UInt8) -> Bool? {
        JSONSpace.skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: ",") { i += 1; return false }
        if b[i] == closing { i += 1; return true }
        return nil
    }

    /// A key without escapes and the `:` after it, leaving `i` at the value; its bytes' place.
    @inline(__always) private mutating func key() -> (start: Int, length: Int)? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        guard let (end, escaped) = JSONStrings.end(b, from: start), !escaped else { return nil }
        i = end + 1
        // `" : "` before a value, as a save writes it, in one look; anything else the long way.
        if i + 4 <= b.count, b[i] == 0x20, b[i + 1] == UInt8(ascii: ":"), b[i + 2] == 0x20, b[i + 3] > 0x20 {
            i += 3
            return (start, end - start)
        }
        JSONSpace.skip(b, &i)
        guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        JSONSpace.skip(b, &i)
        return (start, end - start)
    }

    /// `null`, taken when it is there.
    @inline(__always) private mutating func null() -> Bool {
        guard i + 4 <= b.count, b[i] == UInt8(ascii: "n"), b[i + 1] == UInt8(ascii: "u"),
              b[i + 2] == UInt8(ascii: "l"), b[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    /// A string, escapes and all, as `Tape.string(at:)` reads it.
    private mutating func string() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        guard let (end, escaped) = JSONStrings.end(b, from: start) else { return nil }
        i = end + 1
        let bytes = UnsafeBufferPointer(rebasing: b[start..<end])
        return escaped ? JSONStrings.unescaped(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// A visibility, its bytes matched without making a string (what `Visibility(rawValue:)`
    /// takes; anything else, an escape included, through it as before).
    private mutating func visibilityValue() -> Visibility? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        guard let (end, escaped) = JSONStrings.end(b, from: start) else { return nil }
        let k = b.baseAddress! + start
        if !escaped {
            i = end + 1
            switch end - start {
            case 7 where named(k, "private"): return .private
            case 6 where named(k, "shared"): return .shared
            case 8 where named(k, "partners"): return .partners
            default: return Visibility(rawValue: String(decoding: UnsafeBufferPointer(start: k, count: end - start), as: UTF8.self))
            }
        }
        return string().flatMap { Visibility(rawValue: $0) }
    }

    /// A string passed over, its text not made: `""`.
    @inline(__always) private mutating func skipString() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        guard let (end, _) = JSONStrings.end(b, from: i + 1) else { return nil }
        i = end + 1
        return ""
    }

    /// An array of strings passed over: `[]`.
    private mutating func skipStrings() -> [String]? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        JSONSpace.skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "]") { i += 1; return [] }
        while true {
            JSONSpace.skip(b, &i)
            guard skipString() != nil else { return nil }
            guard let end = next(closing: UInt8(ascii: "]")) else { return nil }
            if end { return [] }
        }
    }

    private mutating func strings() -> [String]? {
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        var out: [String] = []
        JSONSpace.skip(b, &i)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "]") { i += 1; return out }
        while true {
            JSONSpace.skip(b, &i)
            guard let s = string() else { return nil }
            out.append(s)
            guard let end = next(closing: UInt8(ascii: "]")) else { return nil }
            if end { return out }
        }
    }

    /// A plain string of exactly `count` bytes: where an id or a day is.
    @inline(__always) private mutating func fixed(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard i + count + 2 <= b.count, b[i] == UInt8(ascii: "\""), b[i + count + 1] == UInt8(ascii: "\"") else { return nil }
        let s = UnsafeBufferPointer(rebasing: b[(i + 1)..<(i + 1 + count)])
        // A quote or a backslash inside is no id or day (their every byte is checked below too).
        i += count + 2
        return s
    }

    private mutating func uuid() -> UUID? {
        guard let s = fixed(36) else { return nil }
        return FastUUID.parse(s)
    }

    private mutating func day() -> Day? {
        guard let s = fixed(10) else { return nil }
        return JSONDays.day(s)
    }

    /// A whole number as `Tape.integer(at:)` takes it: the tape's number token (the bytes a number
    /// may hold), then an optional `-` and at most 18 digits.
    private mutating func integer() -> Int? {
        guard i < b.count, b[i] == UInt8(ascii: "-") || (b[i] >= 0x30 && b[i] <= 0x39) else { return nil }
        let start = i
        JSONNumbers.skipToken(b, &i)
        return JSONNumbers.integer(UnsafeBufferPointer(rebasing: b[start..<i]))
    }
}

// MARK: - What the tape and the session parser share

enum JSONSpace {
    /// Skips JSON whitespace. Pretty-printed files indent with runs of spaces after a newline: a
    /// word at a time, the first byte that is no space found by its trailing zero bits.
    @inline(__always) static func skip(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        let raw = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= b.count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x2020_2020_2020_2020
            if x == 0 { i += 8; continue }
            i += x.trailingZeroBitCount >> 3
            let c = b[i]
            guard c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }
}

enum JSONStrings {
    /// The index of the quote that ends a string whose text starts at `start`, and whether it
    /// holds a backslash; `nil` when it does not end. Eight bytes at a time: the lowest byte the
    /// zero-byte test flags is always a true match, so it is the first quote or backslash.
    @inline(__always) static func end(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, escaped: Bool)? {
        var i = start
        var escaped = false
        let raw = UnsafeRawPointer(b.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        while i < b.count {
            while i + 8 <= b.count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let q = x ^ (ones &* 0x22), s = x ^ (ones &* 0x5C)
                let hit = ((q &- ones) & ~q | (s &- ones) & ~s) & high
                if hit != 0 { i += hit.trailingZeroBitCount / 8; break }
                i += 8
            }
            guard i < b.count else { return nil }
            let c = b[i]
            if c == 0x5C {
                escaped = true
                i += 2
                continue
            }
            guard c == 0x22 else { i += 1; continue }
            return (i, escaped)
        }
        return nil
    }

    /// A string's text with its escapes read; `nil` for anything `JSONDecoder` must judge (an
    /// unknown escape, a lone surrogate, a short `\u`).
    static func unescaped(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = s.baseAddress else { return "" }
        var failed = false
        // What an escape stands for is never longer than the escape, so the text fits in `s.count`
        // bytes, written straight into the string's storage.
        let text = String(unsafeUninitializedCapacity: s.count) { out -> Int in
            var k = 0, o = 0
            func hex4(_ at: Int) -> UInt32? {
                guard at + 4 <= s.count else { return nil }
                var v: UInt32 = 0
                for j in at..<(at + 4) {
                    let c = s[j]
                    let d: UInt32
                    switch c {
                    case 0x30...0x39: d = UInt32(c - 0x30)
                    case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                    case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                    default: return nil
                    }
                    v = v << 4 | d
                }
                return v
            }
            func put(_ byte: UInt8) { out[o] = byte; o += 1 }
            while k < s.count {
                // The run up to the next backslash in one copy.
                let run = memchr(base + k, 0x5C, s.count - k).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? s.count
                if run > k {
                    UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(from: base + k, byteCount: run - k)
                    o += run - k
                }
                k = run
                guard k < s.count else { break }
                guard k + 1 < s.count else { failed = true; return 0 }
                let e = s[k + 1]
                k += 2
                switch e {
                case UInt8(ascii: "\""): put(0x22)
                case UInt8(ascii: "\\"): put(0x5C)
                case UInt8(ascii: "/"): put(0x2F)
                case UInt8(ascii: "b"): put(0x08)
                case UInt8(ascii: "f"): put(0x0C)
                case UInt8(ascii: "n"): put(0x0A)
                case UInt8(ascii: "r"): put(0x0D)
                case UInt8(ascii: "t"): put(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4(k) else { failed = true; return 0 }
                    k += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one; anything else is
                        // left to JSONDecoder.
                        guard k + 6 <= s.count, s[k] == UInt8(ascii: "\\"), s[k + 1] == UInt8(ascii: "u"),
                              let low = hex4(k + 2), (0xDC00...0xDFFF).contains(low) else { failed = true; return 0 }
                        k += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        failed = true
                        return 0
                    }
                    guard let u = Unicode.Scalar(scalar) else { failed = true; return 0 }
                    for byte in UTF8.encode(u)! { put(byte) }
                default:
                    failed = true
                    return 0
                }
            }
            return o
        }
        return failed ? nil : text
    }
}

enum JSONNumbers {
    /// Moves `i` past a number token: the bytes a JSON number may hold (digits, `-`, `+`, `.`,
    /// `e`, `E`), checked later by whoever reads it. The tape's number node and the session
    /// parser's whole numbers both end here.
    @inline(__always) static func skipToken(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < b.count {
            let c = b[i]
            guard (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") else { return }
            i += 1
        }
    }

    /// A whole number written without a fraction or an exponent: an optional `-`, 1 to 18 digits.
    @inline(__always) static func integer(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 0
        let negative = s.first == UInt8(ascii: "-")
        if negative { k = 1 }
        guard k < s.count, s.count - k <= 18 else { return nil }
        var v = 0
        while k < s.count {
            let c = s[k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
            k += 1
        }
        return negative ? -v : v
    }
}

enum JSONDays {
    /// `YYYY-MM-DD`, each digit a digit, and a day that exists.
    @inline(__always) static func day(_ s: UnsafeBufferPointer<UInt8>) -> Day? {
        guard s.count == 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-") else { return nil }
        var ok = true
        @inline(__always) func num(_ r: Range<Int>) -> Int {
            var v = 0
            for k in r {
                let c = s[k]
                if c < 0x30 || c > 0x39 { ok = false }
                v = v * 10 + Int(c &- 0x30)
            }
            return v
        }
        let y = num(0..<4), m = num(5..<7), d = num(8..<10)
        guard ok else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
