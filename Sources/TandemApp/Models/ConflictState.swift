import Foundation
import TandemCore
import TandemStore

/// The conflict dialog: a save found the same fields changed here and on disk. Each field is
/// shown with its three versions (base, mine, theirs); the leader picks mine or theirs per
/// field, and the record built from those choices is saved with `Store.save(_:resolving:)`.
///
/// Until then memory keeps the on-screen version (mine), unsaved: Esc leaves it so, and `:w`
/// tries the save again.
public struct ConflictState: Equatable, Sendable {
    public var ref: RecordRef
    /// The record's file, relative to the data folder.
    public var file: String
    /// What was loaded (both sides started from it); `nil` when there is none.
    public var base: Record?
    /// What the save was given: the on-screen version.
    public var mine: Record
    /// What the file holds now; `nil` when it was deleted on disk.
    public var theirs: Record?
    /// The fields changed both ways.
    public var fields: [FieldConflict]
    /// The side chosen for each field (mine until the leader says otherwise).
    public var choices: [FieldPath: MergeSide]
    /// The field the cursor is on.
    public var selected = 0

    public init(ref: RecordRef, file: String, base: Record?, mine: Record, theirs: Record?, fields: [FieldConflict]) {
        self.ref = ref; self.file = file; self.base = base; self.mine = mine; self.theirs = theirs
        self.fields = fields
        self.choices = Dictionary(fields.map { ($0.path, MergeSide.ours) }, uniquingKeysWith: { a, _ in a })
    }

    /// The dialog for what the store reported.
    public init(_ c: SaveConflict) {
        self.init(ref: c.ref, file: c.file, base: c.base, mine: c.ours, theirs: c.disk, fields: c.conflicts)
    }

    /// The file was deleted on disk: the one choice is to write mine back or let it go.
    public var deletedOnDisk: Bool { theirs == nil }

    public func choice(_ i: Int) -> MergeSide { fields.indices.contains(i) ? choices[fields[i].path] ?? .ours : .ours }

    /// The record the choices make: everything merged, and at each conflict the chosen side.
    /// `nil` when theirs is chosen for a file deleted on disk (the record goes).
    public var resolved: Record? {
        guard let theirs else { return choice(0) == .ours ? mine : nil }
        return Record.merge(base: base, ours: mine, theirs: theirs, choosing: choices).value
    }

    // MARK: Showing values

    /// A field's path as a leader reads it: "focus", "sessions (12 Nov) › notes".
    public func label(_ field: FieldConflict) -> String {
        guard !field.path.steps.isEmpty else { return "the whole record" }
        var parts: [String] = []
        var list: String?
        for step in field.path.steps {
            switch step {
            case .field(let name):
                parts.append(name)
                list = name
            case .item(let key):
                let name = itemName(key, in: list)
                if parts.isEmpty { parts.append(name) } else { parts[parts.count - 1] += " (\(name))" }
            }
        }
        return parts.joined(separator: " › ")
    }

    /// A session or goal by its date or text where mine or theirs has it; else the short id.
    private func itemName(_ key: String, in list: String?) -> String {
        let short = key.count > 8 && UUID(uuidString: key) != nil ? String(key.prefix(8)).lowercased() : key
        guard let record = theirs ?? Optional(mine), let list, let value = try? JSONValue.of(RecordBox(record)) else {
            return ConflictState.readable(short)
        }
        guard case .array(let items)? = value[list] else { return ConflictState.readable(short) }
        for item in items where item["id"]?.string == key {
            if let date = item["date"]?.string { return date }
            if let text = item["text"]?.string { return ConflictState.readable(text, limit: 24) }
        }
        return ConflictState.readable(short)
    }

    /// A compact JSON value (as `FieldConflict` holds it) as a leader reads it: a string
    /// without quotes, a number as is, an object as "key: value" pairs; `nil` is "(none)".
    /// Control characters are shown escaped ("\n", "\u{1B}"), never raw.
    public static func display(_ json: String?) -> String {
        guard let json else { return "(none)" }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return readable(json) }
        return describe(value)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return readable(s)
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .array(let a): return a.isEmpty ? "(none)" : a.map(describe).joined(separator: ", ")
        case .object(let o):
            // An item: what a leader recognises first, then the rest.
            let first = ["date", "text", "name", "notes"].filter { o[$0] != nil }
            let rest = o.keys.filter { !first.contains($0) && $0 != "id" }.sorted()
            return (first + rest).map { "\($0): \(describe(o[$0]!))" }.joined(separator: "; ")
        case .null: return "(none)"
        }
    }

    /// `s` with control characters escaped and, past `limit` characters, cut with "…".
    public static func readable(_ s: String, limit: Int? = nil) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if let limit, out.count > limit { out = String(out.prefix(limit - 1)) + "…" }
        return out
    }
}

/// A record encoded as its entity (for looking inside it).
private struct RecordBox: Encodable {
    let record: Record
    init(_ r: Record) { record = r }
    func encode(to encoder: Encoder) throws {
        switch record {
        case .person(let p): try p.encode(to: encoder)
        case .coaching(let e): try e.encode(to: encoder)
        case .mentoring(let r): try r.encode(to: encoder)
        case .assessment(let a): try a.encode(to: encoder)
        }
    }
}
