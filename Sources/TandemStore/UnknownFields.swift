import Foundation
import TandemCore

/// Fields a file holds that this Tandem does not know (written by a newer version, another tool,
/// or a hand edit) are kept through a save: the decoder drops them, so before a record's new
/// bytes are written, the members of the file on disk that decoding would lose are copied into
/// them, at their object (array items are matched by their `"id"`, else by position), in sorted
/// key order, with their text as it was. A member whose object is gone (a removed session) goes
/// with it. Saving the same record again gives the same bytes.
enum UnknownFields {
    /// `encoded` with the unknown members of `disk` added. `known` gives the bytes this Tandem
    /// would write for the record in `disk` (decode, then encode); it is called only when `disk`
    /// has a field whose place `encoded` lacks. Anything unexpected returns `encoded` unchanged.
    static func carry(from disk: Data?, into encoded: Data, known: (Data) throws -> Data?) -> Data {
        guard let disk, disk != encoded,
              let diskTree = RawJSON.parse(disk), let newTree = RawJSON.parse(encoded) else { return encoded }
        // The common case, cheap: every field's place (keys, with list positions left out) of the
        // file is also in the new bytes, so nothing can be unknown.
        var diskPlaces = Set<String>(), newPlaces = Set<String>()
        diskTree.places("", into: &diskPlaces)
        newTree.places("", into: &newPlaces)
        guard !diskPlaces.isSubset(of: newPlaces) else { return encoded }
        guard let knownBytes = try? known(disk), let knownTree = RawJSON.parse(knownBytes) else { return encoded }
        var extras: [Extra] = []
        collect(disk: diskTree, known: knownTree, at: [], into: &extras)
        guard !extras.isEmpty else { return encoded }
        var inserts: [(offset: Int, text: String)] = []
        for extra in extras {
            guard let target = newTree.follow(extra.path), case .object(let start, let end, let members) = target,
                  !members.contains(where: { $0.key == extra.key }) else { continue }
            let raw = String(decoding: disk[disk.startIndex + extra.value.start ..< disk.startIndex + extra.value.end], as: UTF8.self)
            let member = "\"\(extra.key)\" : \(raw)"
            if let next = members.first(where: { $0.key > extra.key }) {
                let indent = RawJSON.indent(before: next.keyStart, in: encoded)
                inserts.append((next.keyStart, member + ",\n" + indent))
            } else if let last = members.last {
                let indent = RawJSON.indent(before: last.keyStart, in: encoded)
                inserts.append((last.value.end, ",\n" + indent + member))
            } else {
                _ = end
                inserts.append((start + 1, " " + member + " "))
            }
        }
        guard !inserts.isEmpty else { return encoded }
        var out = encoded
        // From the end, so earlier offsets stay valid; equal offsets keep the extras' order.
        for insert in inserts.enumerated().sorted(by: { ($0.element.offset, $0.offset) > ($1.element.offset, $1.offset) }) {
            out.insert(contentsOf: Data(insert.element.text.utf8), at: out.startIndex + insert.element.offset)
        }
        guard RawJSON.parse(out) != nil else { return encoded }
        return out
    }

    /// A member of the file that the known version lacks.
    struct Extra {
        var path: [RawJSON.Step]
        var key: String
        var value: RawJSON
    }

    private static func collect(disk: RawJSON, known: RawJSON, at path: [RawJSON.Step], into out: inout [Extra]) {
        switch (disk, known) {
        case (.object(_, _, let members), .object(_, _, let knownMembers)):
            for m in members {
                if let k = knownMembers.first(where: { $0.key == m.key }) {
                    collect(disk: m.value, known: k.value, at: path + [.key(m.key)], into: &out)
                } else if !m.value.isNull {
                    out.append(Extra(path: path, key: m.key, value: m.value))
                }
            }
        case (.array(_, _, let items), .array(_, _, let knownItems)):
            for (n, item) in items.enumerated() {
                let step = RawJSON.Step.item(id: item.idText, index: n)
                guard let k = RawJSON.element(step, of: knownItems) else { continue }
                collect(disk: item, known: k, at: path + [step], into: &out)
            }
        default:
            break
        }
    }
}

/// A JSON value with the byte ranges of its parts, enough to copy a member's text from one
/// document into another. Keys with escapes are not handled (parse gives `nil`).
indirect enum RawJSON {
    case object(start: Int, end: Int, members: [Member])
    case array(start: Int, end: Int, items: [RawJSON])
    case scalar(start: Int, end: Int, isNull: Bool, text: String?)

    struct Member {
        var key: String
        var keyStart: Int
        var value: RawJSON
    }

    /// A step to a member or a list item (by its `"id"` when it has one).
    enum Step: Equatable {
        case key(String)
        case item(id: String?, index: Int)
    }

    var start: Int {
        switch self { case .object(let s, _, _), .array(let s, _, _), .scalar(let s, _, _, _): s }
    }
    var end: Int {
        switch self { case .object(_, let e, _), .array(_, let e, _), .scalar(_, let e, _, _): e }
    }
    var isNull: Bool { if case .scalar(_, _, true, _) = self { true } else { false } }

    /// The raw text of an object's `"id"` string, which identifies a list item.
    var idText: String? {
        guard case .object(_, _, let members) = self, let id = members.first(where: { $0.key == "id" }),
              case .scalar(_, _, _, let text) = id.value else { return nil }
        return text
    }

    static func element(_ step: Step, of items: [RawJSON]) -> RawJSON? {
        guard case .item(let id, let index) = step else { return nil }
        if let id { return items.first(where: { $0.idText == id }) }
        return index < items.count && items[index].idText == nil ? items[index] : nil
    }

    func follow(_ path: [Step]) -> RawJSON? {
        var node = self
        for step in path {
            switch (step, node) {
            case (.key(let k), .object(_, _, let members)):
                guard let m = members.first(where: { $0.key == k }) else { return nil }
                node = m.value
            case (.item, .array(_, _, let items)):
                guard let next = RawJSON.element(step, of: items) else { return nil }
                node = next
            default:
                return nil
            }
        }
        return node
    }

    /// Every member's place, list positions left out: `sessions[].notes`.
    func places(_ prefix: String, into out: inout Set<String>) {
        switch self {
        case .object(_, _, let members):
            for m in members {
                let place = prefix + "." + m.key
                out.insert(place)
                m.value.places(place, into: &out)
            }
        case .array(_, _, let items):
            for item in items { item.places(prefix + "[]", into: &out) }
        case .scalar:
            break
        }
    }

    /// The spaces and tabs between the start of the line and `offset`.
    static func indent(before offset: Int, in data: Data) -> String {
        var k = offset
        while k > 0, data[data.startIndex + k - 1] == 0x20 || data[data.startIndex + k - 1] == 0x09 { k -= 1 }
        return String(decoding: data[(data.startIndex + k)..<(data.startIndex + offset)], as: UTF8.self)
    }

    static func parse(_ data: Data) -> RawJSON? {
        data.withUnsafeBytes { raw -> RawJSON? in
            var p = Parser(b: raw.bindMemory(to: UInt8.self))
            guard let v = p.value(depth: 0) else { return nil }
            p.space()
            return p.i == p.b.count ? v : nil
        }
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func space() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        /// A string's text between its quotes; `nil` when unclosed, or when escaped and `plainOnly`.
        mutating func string(plainOnly: Bool) -> String?? {
            let start = i + 1
            i += 1
            var escaped = false
            while i < b.count {
                if b[i] == UInt8(ascii: "\\") { escaped = true; i += 2; continue }
                if b[i] == UInt8(ascii: "\"") {
                    i += 1
                    if escaped && plainOnly { return .some(nil) }
                    return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), as: UTF8.self)
                }
                i += 1
            }
            return nil
        }

        mutating func value(depth: Int) -> RawJSON? {
            space()
            guard i < b.count, depth < 300 else { return nil }
            let start = i
            switch b[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [Member] = []
                space()
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(start: start, end: i, members: []) }
                while true {
                    space()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
                    let keyStart = i
                    guard let k = string(plainOnly: true), let key = k else { return nil }
                    space()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let v = value(depth: depth + 1) else { return nil }
                    members.append(Member(key: key, keyStart: keyStart, value: v))
                    space()
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "}") { i += 1; return .object(start: start, end: i, members: members) }
                    return nil
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [RawJSON] = []
                space()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(start: start, end: i, items: []) }
                while true {
                    guard let v = value(depth: depth + 1) else { return nil }
                    items.append(v)
                    space()
                    guard i < b.count else { return nil }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    if b[i] == UInt8(ascii: "]") { i += 1; return .array(start: start, end: i, items: items) }
                    return nil
                }
            case UInt8(ascii: "\""):
                guard let s = string(plainOnly: false) else { return nil }
                return .scalar(start: start, end: i, isNull: false, text: s)
            default:
                while i < b.count {
                    let c = b[i]
                    if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { break }
                    i += 1
                }
                guard i > start else { return nil }
                let isNull = i - start == 4 && b[start] == UInt8(ascii: "n")
                return .scalar(start: start, end: i, isNull: isNull, text: nil)
            }
        }
    }
}

extension Store {
    /// The bytes this Tandem would write for the record a file holds: what survives decoding.
    /// `nil` for a file of another format (a migration may move fields) or that does not decode.
    func knownBytes(of disk: Data, at rel: String, kind: RecordKind) throws -> Data? {
        let file = try ScannedFile(path: rel, data: disk)
        // A file this Tandem decodes as it is (format 1 beside 2, the sealed one); a file that
        // needs reshaping has its unknown members checked after the migration, not here.
        guard file.format == currentFormat
            || (file.format < currentFormat && RecordCodec.decodesAsItIs(file.format, migrations: migrations)) else { return nil }
        switch try Store.decodeUnchecked(file, as: kind, migrations: migrations, decoder: JSONDecoder()) {
        case .person(let p): return try RecordCodec.encode(p, file: rel, format: file.format)
        case .coaching(let e): return try RecordCodec.encode(e, file: rel, format: file.format)
        case .mentoring(let r): return try RecordCodec.encode(r, file: rel, format: file.format)
        case .assessment(let a): return try RecordCodec.encode(a, file: rel, format: file.format)
        }
    }
}

extension Store {
    /// `knownBytes` for `tandem.json`.
    func knownAgencyBytes(of disk: Data) throws -> Data? {
        let file = try ScannedFile(path: Store.agencyFile, data: disk)
        // A file this Tandem decodes as it is (format 1 beside 2, the sealed one); a file that
        // needs reshaping has its unknown members checked after the migration, not here.
        guard file.format == currentFormat
            || (file.format < currentFormat && RecordCodec.decodesAsItIs(file.format, migrations: migrations)) else { return nil }
        let agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: JSONDecoder())
        return try RecordCodec.encode(agency, file: Store.agencyFile, format: file.format)
    }
}
