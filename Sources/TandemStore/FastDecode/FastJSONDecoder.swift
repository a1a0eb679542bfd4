import Foundation
import TandemCore

/// A quicker decoder for record files whose syntax the scanner has already checked.
///
/// It parses the bytes once into a flat tape of values and decodes the models' `Codable`
/// conformances from it, reading UUIDs and days straight from their bytes. It never reports an
/// error itself: on anything it does not handle exactly as `JSONDecoder` would (a missing key, a
/// type mismatch, an escaped key, a lone surrogate, a number out of range…) it gives up and the
/// caller decodes the file with `JSONDecoder`, whose errors are the ones users see. So a file
/// decodes to the same value either way, or through `JSONDecoder` alone.
enum FastJSONDecoder {
    /// The decoded value, or `nil` when `JSONDecoder` must decide.
    ///
    /// `keepingWhole`: read only that many of the last sessions of the `"sessions"` array whole,
    /// the ones before as `Session.lean` (see `SessionParser.array(keepingWhole:)`): for bytes the
    /// load cache vouches for only.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, keepingWhole: Int? = nil) -> T? {
        data.withUnsafeBytes { raw -> T? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = TapeParser(bytes, keepingWhole: keepingWhole)
            guard parser.parse() else { return nil }
            let tape = Tape(bytes, parser.nodes, sessions: parser.sessions)
            let value = try? T(from: TapeDecoder(tape: tape, node: 0))
            return tape.gaveUp ? nil : value
        }
    }
}

/// Thrown where the fast decoder leaves the file to `JSONDecoder`; the tape remembers it, so a
/// model that swallows an error (`try?`) cannot make the two decoders disagree.
struct FastDecodeGaveUp: Error {}

/// One JSON value on the tape.
struct TapeNode {
    /// `sessions`: a record's `"sessions"` array already decoded by `SessionParser`, the
    /// `count`th of `Tape.parsedSessions` (nothing of it is on the tape).
    enum Kind: UInt8 { case object, array, string, escapedString, number, bool, null, sessions }
    var kind: Kind
    /// Byte range: a string's text without its quotes, a number's text, `true`/`false`'s first byte.
    var start: Int32
    var end: Int32
    /// The index just past this value and everything inside it: its next sibling.
    var next: Int32
    /// Members of an object, elements of an array.
    var count: Int32
}

/// Builds the tape: every value of the document in order, containers before what they hold.
struct TapeParser {
    let b: UnsafeBufferPointer<UInt8>
    var nodes: [TapeNode] = []
    /// The `"sessions"` arrays `SessionParser` read, in the order of their `.sessions` nodes.
    var sessions: [[Session]] = []
    private var i = 0
    /// How many of the last sessions are read whole; `nil`: all of them.
    private let keepingWhole: Int?
    private static let sessionsKey: StaticString = "sessions"

    init(_ bytes: UnsafeBufferPointer<UInt8>, keepingWhole: Int? = nil) {
        b = bytes
        self.keepingWhole = keepingWhole
        nodes.reserveCapacity(bytes.count / 12)
    }

    /// Parses one JSON value; `false` on anything unexpected (the scanner reports it properly).
    mutating func parse() -> Bool {
        guard b.count < Int(Int32.max), value(depth: 0) else { return false }
        skipSpace()
        return i == b.count
    }

    @inline(__always) private mutating func skipSpace() { JSONSpace.skip(b, &i) }

    private mutating func value(depth: Int) -> Bool {
        skipSpace()
        guard i < b.count, depth < 256 else { return false }
        let at = nodes.count
        switch b[i] {
        case UInt8(ascii: "{"):
            nodes.append(TapeNode(kind: .object, start: Int32(i), end: 0, next: 0, count: 0))
            i += 1
            skipSpace()
            var count: Int32 = 0
            if i < b.count, b[i] == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: "\""), string() else { return false }
                    let key = nodes[nodes.count - 1]
                    skipSpace()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
                    i += 1
                    // A record's sessions, read as they are parsed when they have the plain shape.
                    if depth == 0, key.kind == .string, key.end - key.start == 8,
                       memcmp(b.baseAddress! + Int(key.start), Self.sessionsKey.utf8Start, 8) == 0, parsedSessions() {
                        count += 1
                    } else {
                        guard value(depth: depth + 1) else { return false }
                        count += 1
                    }
                    skipSpace()
                    guard i < b.count else { return false }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "}") { i += 1; break }
                    return false
                }
            }
            nodes[at].count = count
            nodes[at].end = Int32(i)
        case UInt8(ascii: "["):
            nodes.append(TapeNode(kind: .array, start: Int32(i), end: 0, next: 0, count: 0))
            i += 1
            skipSpace()
            var count: Int32 = 0
            if i < b.count, b[i] == UInt8(ascii: "]") {
                i += 1
            } else {
                while true {
                    guard value(depth: depth + 1) else { return false }
                    count += 1
                    skipSpace()
                    guard i < b.count else { return false }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "]") { i += 1; break }
                    return false
                }
            }
            nodes[at].count = count
            nodes[at].end = Int32(i)
        case UInt8(ascii: "\""):
            guard string() else { return false }
            return true
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let word: [UInt8] = b[i] == UInt8(ascii: "t") ? Array("true".utf8) : b[i] == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8)
            guard i + word.count <= b.count else { return false }
            for k in 0..<word.count where b[i + k] != word[k] { return false }
            nodes.append(TapeNode(kind: word.count == 4 && word[0] == UInt8(ascii: "n") ? .null : .bool,
                                  start: Int32(i), end: Int32(i + word.count), next: Int32(at + 1), count: 0))
            i += word.count
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            JSONNumbers.skipToken(b, &i)
            nodes.append(TapeNode(kind: .number, start: Int32(start), end: Int32(i), next: Int32(at + 1), count: 0))
            return true
        default:
            return false
        }
        nodes[at].next = Int32(nodes.count)
        return true
    }

    /// A string from its opening quote; appends its node.
    private mutating func string() -> Bool {
        guard let (end, escaped) = JSONStrings.end(b, from: i + 1) else { return false }
        nodes.append(TapeNode(kind: escaped ? .escapedString : .string, start: Int32(i + 1), end: Int32(end),
                              next: Int32(nodes.count + 1), count: 0))
        i = end + 1
        return true
    }

    /// The `"sessions"` array at `i` (after its key's colon) through `SessionParser`, as one
    /// `.sessions` node; `false`, with nothing taken, when it is not of the parser's plain shape.
    private mutating func parsedSessions() -> Bool {
        skipSpace()
        var parser = SessionParser(b, at: i)
        guard let list = parser.array(keepingWhole: keepingWhole) else { return false }
        nodes.append(TapeNode(kind: .sessions, start: Int32(i), end: Int32(parser.i), next: Int32(nodes.count + 1),
                              count: Int32(sessions.count)))
        sessions.append(list)
        i = parser.i
        return true
    }
}

/// A parsed document: the bytes and their tape, read by the decoder's containers.
final class Tape {
    let b: UnsafeBufferPointer<UInt8>
    let nodes: [TapeNode]
    /// What `.sessions` nodes stand for.
    let parsedSessions: [[Session]]
    var gaveUp = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ nodes: [TapeNode], sessions: [[Session]] = []) {
        b = bytes
        self.nodes = nodes
        parsedSessions = sessions
    }

    func giveUp() -> FastDecodeGaveUp {
        gaveUp = true
        return FastDecodeGaveUp()
    }

    // MARK: - Reading values

    @inline(__always) func bytes(_ n: TapeNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.end)])
    }

    func string(at index: Int) throws -> String {
        let n = nodes[index]
        switch n.kind {
        case .string: return String(decoding: bytes(n), as: UTF8.self)
        case .escapedString: return try unescape(bytes(n))
        default: throw giveUp()
        }
    }

    private func unescape(_ s: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let text = JSONStrings.unescaped(s) else { throw giveUp() }
        return text
    }

    /// A whole number written without a fraction or an exponent.
    func integer(at index: Int) throws -> Int {
        let n = nodes[index]
        guard n.kind == .number, let v = JSONNumbers.integer(bytes(n)) else { throw giveUp() }
        return v
    }

    func double(at index: Int) throws -> Double {
        let n = nodes[index]
        guard n.kind == .number else { throw giveUp() }
        let s = bytes(n)
        // Short whole numbers exactly; anything else through the standard library's parser.
        if s.count <= 15, !s.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return Double(try integer(at: index))
        }
        guard let d = Double(String(decoding: s, as: UTF8.self)), d.isFinite else { throw giveUp() }
        // A zero written with an exponent, or a number too small to be anything but zero (`1e-400`):
        // the scanner refuses it with its place (`JSONScanner.checkRange`).
        if d == 0, s.count > 300 || s.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { throw giveUp() }
        return d
    }

    func bool(at index: Int) throws -> Bool {
        let n = nodes[index]
        guard n.kind == .bool else { throw giveUp() }
        return b[Int(n.start)] == UInt8(ascii: "t")
    }

    func uuid(at index: Int) throws -> UUID {
        let n = nodes[index]
        guard n.kind == .string, let id = FastUUID.parse(bytes(n)) else { throw giveUp() }
        return id
    }

    func day(at index: Int) throws -> Day {
        let n = nodes[index]
        guard n.kind == .string, let d = JSONDays.day(bytes(n)) else { throw giveUp() }
        return d
    }

    /// Where a search for a member starts: a key's node and its position among the members.
    struct Cursor { var key: Int; var position: Int }

    /// The value of `key` in the object at `object`, searched from `from` (just after the member
    /// found last: models read their keys in file order), and where the next search should start.
    func member(_ key: String, in object: Int, from: Cursor?) throws -> (value: Int, next: Cursor)? {
        let count = Int(nodes[object].count)
        guard count > 0 else { return nil }
        var name = key
        return try name.withUTF8 { want -> (value: Int, next: Cursor)? in
            var cursor = from ?? Cursor(key: object + 1, position: 0)
            if cursor.position >= count { cursor = Cursor(key: object + 1, position: 0) }
            for _ in 0..<count {
                let k = nodes[cursor.key]
                if k.kind == .escapedString { throw giveUp() }
                let valueIndex = cursor.key + 1
                let afterValue = Int(nodes[valueIndex].next)
                let matched = Int(k.end - k.start) == want.count
                    && (want.count == 0 || memcmp(b.baseAddress! + Int(k.start), want.baseAddress!, want.count) == 0)
                if cursor.position + 1 == count {
                    cursor = Cursor(key: object + 1, position: 0)
                } else {
                    cursor = Cursor(key: afterValue, position: cursor.position + 1)
                }
                if matched { return (valueIndex, cursor) }
            }
            return nil
        }
    }

    /// The keys of an object, in file order.
    func keys(of object: Int) throws -> [String] {
        var out: [String] = []
        var keyIndex = object + 1
        for _ in 0..<Int(nodes[object].count) {
            out.append(try string(at: keyIndex))
            keyIndex = Int(nodes[keyIndex + 1].next)
        }
        return out
    }
}

/// UUIDs in the form `UUID(uuidString:)` takes: 36 characters, hex digits in either case, dashes
/// after the 8th, 12th, 16th and 20th.
enum FastUUID {
    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard s.count == 36, let p = s.baseAddress else { return nil }
        let dash = UInt8(ascii: "-")
        guard p[8] == dash, p[13] == dash, p[18] == dash, p[23] == dash else { return nil }
        // Every id of every session and action item comes through here: eight digits at a time.
        let raw = UnsafeRawPointer(p)
        func load32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        func load64(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard let a = digits(load64(0)), let b = digits(load32(9) | load32(14) << 32),
              let c = digits(load32(19) | load32(24) << 32), let d = digits(load64(28)) else { return nil }
        var out: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &out) { o in
            o.storeBytes(of: a.littleEndian, toByteOffset: 0, as: UInt32.self)
            o.storeBytes(of: b.littleEndian, toByteOffset: 4, as: UInt32.self)
            o.storeBytes(of: c.littleEndian, toByteOffset: 8, as: UInt32.self)
            o.storeBytes(of: d.littleEndian, toByteOffset: 12, as: UInt32.self)
        }
        return UUID(uuid: out)
    }

    /// Eight hex digits (the first in the lowest byte) as the four bytes they spell, the first
    /// in the lowest byte; `nil` unless every byte is 0-9, a-f or A-F.
    @inline(__always) static func digits(_ x: UInt64) -> UInt32? {
        let lanes: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        guard x & high == 0 else { return nil }
        // Per byte, with no carry between bytes (each is below 0x80): byte >= lo and byte < hi.
        let digit = (x &+ lanes &* (0x80 - 0x30)) & ~(x &+ lanes &* (0x80 - 0x3A)) & high
        // Bit 5 set folds A-F onto a-f, and nothing else onto them.
        let y = x | (lanes &* 0x20)
        let letter = (y &+ lanes &* (0x80 - 0x61)) & ~(y &+ lanes &* (0x80 - 0x67)) & high
        guard digit | letter == high else { return nil }
        let v = (y & (lanes &* 0x0F)) &+ (letter >> 7) &* 9
        // Byte 2j of t is digit 2j's value then digit 2j+1's; gather bytes 0, 2, 4 and 6.
        var t = ((v << 4) | (v >> 8)) & 0x00FF_00FF_00FF_00FF
        t = (t | (t >> 8)) & 0x0000_FFFF_0000_FFFF
        t = (t | (t >> 16)) & 0x0000_0000_FFFF_FFFF
        return UInt32(truncatingIfNeeded: t)
    }

    static func parse(_ text: String) -> UUID? {
        var t = text
        return t.withUTF8 { parse($0) }
    }

}

// MARK: - The Decoder

struct TapeDecoder: Decoder {
    let tape: Tape
    let node: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.nodes[node].kind == .object else { throw tape.giveUp() }
        return KeyedDecodingContainer(TapeKeyed<Key>(tape: tape, object: node))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard tape.nodes[node].kind == .array else { throw tape.giveUp() }
        return TapeUnkeyed(tape: tape, array: node)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        TapeSingle(tape: tape, node: node)
    }
}

/// Decodes the value at a node; the types the models use most are read without a container.
@inline(__always)
func tapeValue<T: Decodable>(_ type: T.Type, _ tape: Tape, _ node: Int) throws -> T {
    // Each type checked first, so the casts always succeed (written `as?`, so nothing can trap).
    if T.self == String.self, let v = try tape.string(at: node) as? T { return v }
    if T.self == UUID.self, let v = try tape.uuid(at: node) as? T { return v }
    if T.self == Day.self, let v = try tape.day(at: node) as? T { return v }
    if T.self == Int.self, let v = try tape.integer(at: node) as? T { return v }
    if T.self == Double.self, let v = try tape.double(at: node) as? T { return v }
    if T.self == Bool.self, let v = try tape.bool(at: node) as? T { return v }
    // Sessions are most of a long history's bytes: read without a container per value.
    if T.self == [Session].self, let v = try tape.sessions(at: node) as? T { return v }
    if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw tape.giveUp() }
    return try T(from: TapeDecoder(tape: tape, node: node))
}

@inline(__always)
func tapeInteger<T: FixedWidthInteger>(_ type: T.Type, _ tape: Tape, _ node: Int) throws -> T {
    guard let v = T(exactly: try tape.integer(at: node)) else { throw tape.giveUp() }
    return v
}

struct TapeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let tape: Tape
    let object: Int
    var codingPath: [CodingKey] { [] }
    /// Where the next search starts (models read their keys in file order).
    private let hint = Hint()

    final class Hint { var cursor: Tape.Cursor? }

    init(tape: Tape, object: Int) {
        self.tape = tape
        self.object = object
    }

    var allKeys: [Key] {
        ((try? tape.keys(of: object)) ?? []).compactMap { Key(stringValue: $0) }
    }

    private func find(_ key: Key) throws -> Int? {
        guard let found = try tape.member(key.stringValue, in: object, from: hint.cursor) else { return nil }
        hint.cursor = found.next
        return found.value
    }

    private func require(_ key: Key) throws -> Int {
        guard let n = try find(key), tape.nodes[n].kind != .null else { throw tape.giveUp() }
        return n
    }

    func contains(_ key: Key) -> Bool { (try? find(key)) != nil ? true : false }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let n = try find(key) else { throw tape.giveUp() }
        return tape.nodes[n].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try tape.bool(at: require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try tape.string(at: require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try tape.double(at: require(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw tape.giveUp() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try tape.integer(at: require(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try tapeInteger(type, tape, require(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try tapeInteger(type, tape, require(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try tapeValue(type, tape, require(key)) }

    /// Absent or null is `nil`, as `JSONDecoder` has it.
    private func optional(_ key: Key) throws -> Int? {
        guard let n = try find(key), tape.nodes[n].kind != .null else { return nil }
        return n
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try optional(key).map { try tape.string(at: $0) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try optional(key).map { try tape.integer(at: $0) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try optional(key).map { try tape.double(at: $0) }
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try optional(key).map { try tape.bool(at: $0) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try optional(key).map { try tapeValue(type, tape, $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, node: require(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, node: require(key)).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { throw tape.giveUp() }
    func superDecoder(forKey key: Key) throws -> Decoder { throw tape.giveUp() }
}

struct TapeUnkeyed: UnkeyedDecodingContainer {
    let tape: Tape
    let array: Int
    var codingPath: [CodingKey] { [] }
    let count: Int?
    var currentIndex = 0
    private var node: Int

    init(tape: Tape, array: Int) {
        self.tape = tape
        self.array = array
        count = Int(tape.nodes[array].count)
        node = array + 1
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw tape.giveUp() }
        let n = node
        node = Int(tape.nodes[n].next)
        currentIndex += 1
        return n
    }

    private mutating func nonNull() throws -> Int {
        guard !isAtEnd, tape.nodes[node].kind != .null else { throw tape.giveUp() }
        return try next()
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw tape.giveUp() }
        if tape.nodes[node].kind == .null { _ = try next(); return true }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: nonNull()) }
    mutating func decode(_ type: String.Type) throws -> String { try tape.string(at: nonNull()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try tape.double(at: nonNull()) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw tape.giveUp() }
    mutating func decode(_ type: Int.Type) throws -> Int { try tape.integer(at: nonNull()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try tapeInteger(type, tape, nonNull()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try tapeValue(type, tape, nonNull()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(tape: tape, node: nonNull()).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try TapeDecoder(tape: tape, node: nonNull()).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { throw tape.giveUp() }
}

struct TapeSingle: SingleValueDecodingContainer {
    let tape: Tape
    let node: Int
    var codingPath: [CodingKey] { [] }

    private func nonNull() throws -> Int {
        guard tape.nodes[node].kind != .null else { throw tape.giveUp() }
        return node
    }

    func decodeNil() -> Bool { tape.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try tape.bool(at: nonNull()) }
    func decode(_ type: String.Type) throws -> String { try tape.string(at: nonNull()) }
    func decode(_ type: Double.Type) throws -> Double { try tape.double(at: nonNull()) }
    func decode(_ type: Float.Type) throws -> Float { throw tape.giveUp() }
    func decode(_ type: Int.Type) throws -> Int { try tape.integer(at: nonNull()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: UInt.Type) throws -> UInt { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try tapeInteger(type, tape, nonNull()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try tapeInteger(type, tape, nonNull()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try tapeValue(type, tape, nonNull()) }
}

// MARK: - Sessions, straight from the tape

extension Tape {
    /// `[Session]` as the synthesized `Codable` conformances of `Session` and `ActionItem` read
    /// it through `TapeDecoder` — the same values, the same primitives (`string`, `uuid`, `day`,
    /// `integer`), unknown keys ignored, an optional absent or `null` as `nil` — but with no
    /// container, box or generic lookup per value: a long history costs its bytes, not Swift's
    /// `Codable` machinery. Anything else (an escaped or repeated key, a missing or `null`
    /// required field, an unknown visibility) gives up, and `JSONDecoder` decides, as everywhere here.
    func sessions(at index: Int) throws -> [Session] {
        let n = nodes[index]
        if n.kind == .sessions { return parsedSessions[Int(n.count)] }
        guard n.kind == .array else { throw giveUp() }
        var out: [Session] = []
        out.reserveCapacity(Int(n.count))
        var node = index + 1
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: 10) { m in
            for _ in 0..<Int(n.count) {
                out.append(try session(at: node, m))
                node = Int(nodes[node].next)
            }
        }
        return out
    }

    /// The members of the object at `index` whose keys are among `keys`, by position in
    /// `keys` (`-1` for a key not there); gives up on an escaped or a repeated key.
    @inline(__always)
    private func members(of index: Int, _ keys: [[UInt8]], into found: UnsafeMutableBufferPointer<Int>) throws {
        let o = nodes[index]
        guard o.kind == .object else { throw giveUp() }
        for k in found.indices { found[k] = -1 }
        var key = index + 1
        for _ in 0..<Int(o.count) {
            let k = nodes[key]
            guard k.kind == .string else { throw giveUp() }
            let length = Int(k.end - k.start)
            let at = b.baseAddress! + Int(k.start)
            for (f, want) in keys.enumerated() where want.count == length {
                if want.withUnsafeBufferPointer({ memcmp(at, $0.baseAddress!, length) }) == 0 {
                    guard found[f] < 0 else { throw giveUp() }
                    found[f] = key + 1
                    break
                }
            }
            key = Int(nodes[key + 1].next)
        }
    }

    private static let sessionKeys: [[UInt8]] = ["id", "date", "minutes", "notes", "topics", "actionItems", "pulse",
                                                 "visibility", "nextDate", "sealed"].map { Array($0.utf8) }
    private static let actionItemKeys: [[UInt8]] = ["id", "text", "due", "doneOn"].map { Array($0.utf8) }

    /// The value node of a required member: present and not `null`.
    @inline(__always) private func required(_ node: Int) throws -> Int {
        guard node >= 0, nodes[node].kind != .null else { throw giveUp() }
        return node
    }

    /// The value node of an optional member: `nil` when absent or `null`.
    @inline(__always) private func optional(_ node: Int) -> Int? {
        node >= 0 && nodes[node].kind != .null ? node : nil
    }

    private func session(at index: Int, _ m: UnsafeMutableBufferPointer<Int>) throws -> Session {
        try members(of: index, Tape.sessionKeys, into: m)
        guard let visibility = Visibility(rawValue: try string(at: required(m[7]))) else { throw giveUp() }
        return Session(id: try uuid(at: required(m[0])), date: try day(at: required(m[1])),
                       minutes: try integer(at: required(m[2])), notes: try string(at: required(m[3])),
                       topics: try strings(at: required(m[4])), actionItems: try actionItems(at: required(m[5])),
                       pulse: try optional(m[6]).map { try integer(at: $0) }, visibility: visibility,
                       nextDate: try optional(m[8]).map { try day(at: $0) },
                       sealed: try optional(m[9]).map { try tapeValue(SealedNote.self, self, $0) })
    }

    private func strings(at index: Int) throws -> [String] {
        let n = nodes[index]
        guard n.kind == .array else { throw giveUp() }
        var out: [String] = []
        out.reserveCapacity(Int(n.count))
        var node = index + 1
        for _ in 0..<Int(n.count) {
            out.append(try string(at: required(node)))
            node = Int(nodes[node].next)
        }
        return out
    }

    private func actionItems(at index: Int) throws -> [ActionItem] {
        let n = nodes[index]
        guard n.kind == .array else { throw giveUp() }
        var out: [ActionItem] = []
        out.reserveCapacity(Int(n.count))
        var node = index + 1
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: 4) { m in
            for _ in 0..<Int(n.count) {
                try members(of: required(node), Tape.actionItemKeys, into: m)
                out.append(ActionItem(id: try uuid(at: required(m[0])), text: try string(at: required(m[1])),
                                      due: try optional(m[2]).map { try day(at: $0) },
                                      doneOn: try optional(m[3]).map { try day(at: $0) }))
                node = Int(nodes[node].next)
            }
        }
        return out
    }
}
