/// A fast syntax checker for JSON held as UTF-8 bytes.
///
/// It validates a whole document (RFC 8259: strings, escapes, UTF-8, numbers, nesting) without
/// building any value, checks the form of every field the store's records use (dates, ids,
/// whole numbers…; see `FieldForm`), and pulls out the raw top-level `"format"`, `"id"` and `"status"` values,
/// so a closed record can be checked and counted without decoding it. Errors carry a byte offset;
/// `position(of:in:)` turns one into a line and a column.
struct JSONScanner {
    /// A syntax error at a byte offset.
    struct Failure: Error {
        var offset: Int
        var message: String
        /// Set when the failure is about one value or key (a duplicate key, a number out of
        /// range, a lone surrogate): the message then names the field (`JSONFieldPath`).
        var namesField = false
    }

    /// The top-level values the store needs before (or instead of) decoding a record.
    struct TopLevel {
        var formatOffset: Int?
        var format: Int?
        var idOffset: Int?
        var id: String?
        var status: String?
        /// The first field whose value has the wrong form (see `FieldForm`), if any: a sign the
        /// record must be decoded, even when closed, to report it precisely.
        var fieldProblem: Failure?
    }

    /// A step into a document: an object's key or an array's index.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    let b: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private var top = TopLevel()
    /// The keys of the objects being read, innermost last (`JSONScanner+Keys.swift`).
    var keys: [KeySpan] = []
    /// Where the last high-surrogate escape ended: a low one must start exactly there.
    var highSurrogateEnd = -1

    private static let maxDepth = 256

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    /// Validates `bytes` as one JSON object and returns its top-level `format`, `id` and `status`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws -> TopLevel {
        var s = JSONScanner(bytes)
        s.skipSpace()
        guard s.i < s.b.count else { throw Failure(offset: 0, message: "the file is empty; expected a JSON object { … }") }
        guard s.b[s.i] == UInt8(ascii: "{") else {
            throw Failure(offset: s.i, message: "expected a JSON object { … } at the top level")
        }
        try s.object(isTop: true)
        s.skipSpace()
        if s.i < s.b.count {
            throw Failure(offset: s.i, message: "unexpected text after the end of the JSON object")
        }
        return s.top
    }

    /// The byte offset of the value at `path` in a valid document; when the path cannot be
    /// followed to its end, the offset of the deepest value reached.
    static func offset(of path: [Step], in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var s = JSONScanner(bytes)
        s.skipSpace()
        var reached = s.i
        for step in path {
            guard let next = s.enter(step) else { break }
            reached = next
        }
        return min(reached, max(bytes.count - 1, 0))
    }

    /// Line and column (both from 1; columns count characters, not bytes) of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            let c = bytes[k]
            if c == 0x0A {
                line += 1; column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }

    /// A short description of the value at `offset`, for "found …" in messages.
    static func describeValue(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard offset < bytes.count else { return "nothing" }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "a list"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        default:
            var s = JSONScanner(bytes)
            s.i = offset
            guard (try? s.value()) != nil else { return "a value" }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<s.i]), as: UTF8.self)
            return text.count <= 40 ? text : String(text.prefix(37)) + "…"
        }
    }

    // MARK: - Validation

    private mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    private func endOfFile() -> Failure {
        Failure(offset: b.count, message: "unexpected end of file; the file looks truncated")
    }

    private mutating func value() throws {
        skipSpace()
        guard i < b.count else { throw endOfFile() }
        switch b[i] {
        case UInt8(ascii: "{"): try object(isTop: false)
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default:
            throw Failure(offset: i, message: "expected a value (text in quotes, a number, true, false, null, a list or an object)")
        }
    }

    private mutating func nest() throws {
        depth += 1
        if depth > JSONScanner.maxDepth { throw Failure(offset: i, message: "nesting is too deep") }
    }

    private mutating func object(isTop: Bool) throws {
        try nest()
        i += 1
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
        let frame = keys.count
        defer { keys.removeSubrange(frame...) }
        while true {
            skipSpace()
            guard i < b.count else { throw endOfFile() }
            guard b[i] == UInt8(ascii: "\"") else {
                throw Failure(offset: i, message: "expected a field name in quotes")
            }
            let keyStart = i + 1
            let escaped = try string()
            let keyEnd = i - 1
            try noteKey(KeySpan(start: keyStart, end: keyEnd, escaped: escaped), frame: frame)
            skipSpace()
            guard i < b.count else { throw endOfFile() }
            guard b[i] == UInt8(ascii: ":") else { throw Failure(offset: i, message: "expected ':' after the field name") }
            i += 1
            skipSpace()
            let valueStart = i
            try value()
            if !escaped {
                if isTop { noteTopLevel(key: keyStart..<keyEnd, value: valueStart..<i) }
                if top.fieldProblem == nil { top.fieldProblem = checkField(key: keyStart..<keyEnd, value: valueStart..<i) }
            }
            skipSpace()
            guard i < b.count else { throw endOfFile() }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
            throw Failure(offset: i, message: "expected ',' or '}' after a value")
        }
    }

    private mutating func array() throws {
        try nest()
        i += 1
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
        while true {
            try value()
            skipSpace()
            guard i < b.count else { throw endOfFile() }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
            throw Failure(offset: i, message: "expected ',' or ']' after a value")
        }
    }

    /// Skips a string starting at its opening quote; returns whether it holds escapes.
    private mutating func string() throws -> Bool {
        let start = i
        i += 1
        var escaped = false
        while i < b.count {
            // Eight bytes at a time while none is a quote, a backslash, a control or non-ASCII byte:
            // most of a store is plain text inside strings.
            while i + 8 <= b.count, JSONScanner.isPlainText(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
            }
            guard i < b.count else { break }
            let c = b[i]
            if c >= 0x20 && c < 0x80 && c != UInt8(ascii: "\"") && c != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { i += 1; return escaped }
            if c == UInt8(ascii: "\\") {
                escaped = true
                try escape()
            } else if c < 0x20 {
                throw Failure(offset: i, message: "a control character inside text (write \\n for a new line, \\t for a tab)")
            } else {
                try utf8Sequence()
            }
        }
        throw Failure(offset: start, message: "text that is never closed: a closing quote is missing")
    }

    /// Whether eight bytes are all printable ASCII other than `"` and `\\` (SWAR: each test sets
    /// a byte's high bit where it fails).
    @inline(__always)
    static func isPlainText(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        let quote = zeroByte(x ^ (ones &* 0x22))
        let backslash = zeroByte(x ^ (ones &* 0x5C))
        let control = (x &- ones &* 0x20) & ~x & high
        return (quote | backslash | control | (x & high)) == 0
    }

    private mutating func escape() throws {
        let at = i
        i += 1
        guard i < b.count else { throw endOfFile() }
        switch b[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
        case UInt8(ascii: "u"):
            i += 1
            for _ in 0..<4 {
                guard i < b.count, JSONScanner.isHex(b[i]) else {
                    throw Failure(offset: at, message: "invalid escape: \\u must be followed by four hex digits")
                }
                i += 1
            }
            try checkSurrogate(escapeAt: at, end: i)
        default:
            throw Failure(offset: at, message: "invalid escape in text (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
        }
    }

    private static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    private mutating func utf8Sequence() throws {
        let lead = b[i]
        let bad = Failure(offset: i, message: "invalid UTF-8 in text; save the file as UTF-8")
        var need: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: throw bad
        }
        i += 1
        while need > 0 {
            guard i < b.count, b[i] >= low, b[i] <= high else { throw bad }
            low = 0x80; high = 0xBF
            i += 1
            need -= 1
        }
    }

    private mutating func number() throws {
        let start = i
        let bad = Failure(offset: start, message: "invalid number")
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { throw bad }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < b.count, isDigit(b[i]) { throw Failure(offset: start, message: "invalid number: no leading zeros") }
        } else {
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { throw bad }
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, isDigit(b[i]) else { throw bad }
            while i < b.count, isDigit(b[i]) { i += 1 }
            try checkRange(number: start..<i)
        } else if i - start > 300 {
            try checkRange(number: start..<i)
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        guard i + n <= b.count else {
            throw Failure(offset: i, message: "expected a value (true, false or null?)")
        }
        for k in 0..<n where b[i + k] != w[k] {
            throw Failure(offset: i, message: "expected a value (true, false or null?)")
        }
        i += n
    }

    // MARK: - Top-level values

    private mutating func noteTopLevel(key: Range<Int>, value: Range<Int>) {
        switch key.count {
        case 2 where matches(key, "id"):
            top.idOffset = value.lowerBound
            top.id = plainString(value)
        case 6 where matches(key, "format"):
            top.formatOffset = value.lowerBound
            top.format = integer(value)
        case 6 where matches(key, "status"):
            top.status = plainString(value)
        default:
            break
        }
    }

    private func matches(_ r: Range<Int>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] != w[k] { return false }
        return true
    }

    /// The text of a string value without escapes; `nil` for other values.
    private func plainString(_ r: Range<Int>) -> String? {
        guard r.count >= 2, b[r.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeBufferPointer(rebasing: b[(r.lowerBound + 1)..<(r.upperBound - 1)])
        if inner.contains(UInt8(ascii: "\\")) { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    /// A whole number of up to 9 digits; `nil` for anything else.
    private func integer(_ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 9 else { return nil }
        var v = 0
        for k in r {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }

    // MARK: - Search

    /// The first member, in document order, whose key and raw value text satisfy `test`, with
    /// its path; for a valid document only.
    static func firstMember(in bytes: UnsafeBufferPointer<UInt8>,
                            where test: (String, Substring) -> Bool) -> (path: [Step], offset: Int)? {
        var s = JSONScanner(bytes)
        var path: [Step] = []
        s.skipSpace()
        return s.search(&path, test)
    }

    private mutating func search(_ path: inout [Step], _ test: (String, Substring) -> Bool) -> (path: [Step], offset: Int)? {
        guard i < b.count else { return nil }
        let open = b[i]
        guard open == UInt8(ascii: "{") || open == UInt8(ascii: "[") else {
            _ = try? value()
            return nil
        }
        i += 1
        var index = 0
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "}") || b[i] == UInt8(ascii: "]") { i += 1; return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; skipSpace() }
            if open == UInt8(ascii: "{") {
                let keyStart = i + 1
                guard (try? string()) != nil else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<(i - 1)]), as: UTF8.self)
                skipSpace()
                i += 1
                skipSpace()
                path.append(.key(key))
                let start = i
                if b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "[") {
                    if let found = search(&path, test) { return found }
                } else {
                    guard (try? value()) != nil else { return nil }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                    if test(key, Substring(text)) { return (path, start) }
                }
                path.removeLast()
            } else {
                path.append(.index(index))
                if let found = search(&path, test) { return found }
                path.removeLast()
                index += 1
            }
        }
    }

    // MARK: - Navigation

    /// Moves into the member or element named by `step` of the value at `i`; returns its offset.
    private mutating func enter(_ step: Step) -> Int? {
        guard i < b.count else { return nil }
        switch (step, b[i]) {
        case (.key(let name), UInt8(ascii: "{")):
            let wanted = Array(name.utf8)
            i += 1
            while true {
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
                let keyStart = i + 1
                guard (try? string()) != nil else { return nil }
                let found = wanted.elementsEqual(UnsafeBufferPointer(rebasing: b[keyStart..<(i - 1)]))
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                if found { return i }
                guard (try? value()) != nil else { return nil }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
        case (.index(let n), UInt8(ascii: "[")):
            i += 1
            for _ in 0..<n {
                guard (try? value()) != nil else { return nil }
                skipSpace()
                guard i < b.count, b[i] == UInt8(ascii: ",") else { return nil }
                i += 1
            }
            skipSpace()
            guard i < b.count, b[i] != UInt8(ascii: "]") else { return nil }
            return i
        default:
            return nil
        }
    }
}
