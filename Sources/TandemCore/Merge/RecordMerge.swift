import Foundation

/// Which side of a three-way merge a choice takes.
public enum MergeSide: String, Sendable, Hashable {
    /// This instance's version (what is being saved).
    case ours
    /// The other version (what is on disk, or the other branch).
    case theirs
}

/// Where a field is in a record: field names, and items of a list by their identity.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Step: Hashable, Sendable {
        /// A field of an object: `focus`, `sessions`, `notes`.
        case field(String)
        /// An item of a list, by its identity: the item's id, or for items without one the
        /// reading's session or date, the answer's question, the value itself.
        case item(String)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) { self.steps = steps }

    /// The whole record.
    public static let record = FieldPath()

    /// The last field name on the path (`notes` in `sessions[…].notes`), if any.
    public var field: String? {
        for step in steps.reversed() { if case .field(let name) = step { return name } }
        return nil
    }

    /// `focus`, `sessions[1a2b3c4d].notes`, `metrics[1a2b3c4d].readings[session:5e6f7a8b]`;
    /// an id shows as its first 8 hex digits. The whole record is "the record".
    public var description: String {
        guard !steps.isEmpty else { return "the record" }
        var text = ""
        for step in steps {
            switch step {
            case .field(let name): text += text.isEmpty ? name : ".\(name)"
            case .item(let key): text += "[\(FieldPath.short(key))]"
            }
        }
        return text
    }

    func appending(_ step: Step) -> FieldPath { FieldPath(steps + [step]) }

    private static func short(_ key: String) -> String {
        var prefix = ""
        var id = key
        if let colon = key.firstIndex(of: ":") {
            prefix = String(key[...colon])
            id = String(key[key.index(after: colon)...])
        }
        guard UUID(uuidString: id) != nil else { return key }
        return prefix + id.prefix(8).lowercased()
    }
}

/// One place where both sides changed the same thing differently.
public struct FieldConflict: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Both sides changed the field (or both added it) to different values.
        case changedOnBothSides
        /// Ours removed the item (or the field); theirs changed it.
        case removedByOurs
        /// Theirs removed the item (or the field); ours changed it.
        case removedByTheirs
    }

    public var path: FieldPath
    public var kind: Kind
    /// Each version as compact JSON (`"Client pitches"`, `45`, a whole item for a list item);
    /// `nil` where that side does not have it.
    public var base: String?
    public var ours: String?
    public var theirs: String?

    public init(path: FieldPath, kind: Kind, base: String?, ours: String?, theirs: String?) {
        self.path = path; self.kind = kind; self.base = base; self.ours = ours; self.theirs = theirs
    }

    public var description: String {
        switch kind {
        case .changedOnBothSides: "\(path): changed on both sides (\(ours ?? "absent") here, \(theirs ?? "absent") there)"
        case .removedByOurs: "\(path): removed here, changed there"
        case .removedByTheirs: "\(path): changed here, removed there"
        }
    }
}

/// What a three-way merge gives.
public enum MergeResult<Value> {
    /// Every change of both sides fitted together.
    case merged(Value)
    /// Some field changed both ways. `partial` has everything else merged, and at each conflict
    /// our value (or, where one side removed an item the other changed, the changed item: both
    /// are kept until someone chooses).
    case conflicted(partial: Value, conflicts: [FieldConflict])

    /// The merged value, or the partial one.
    public var value: Value {
        switch self {
        case .merged(let v): v
        case .conflicted(let v, _): v
        }
    }

    /// Empty when the merge is clean.
    public var conflicts: [FieldConflict] {
        if case .conflicted(_, let c) = self { return c }
        return []
    }
}

extension MergeResult: Equatable where Value: Equatable {}
extension MergeResult: Sendable where Value: Sendable {}

/// The record-level three-way merge (DESIGN.md §3): with `base` the version both sides started
/// from, changes to different fields merge, and so do items of lists added, changed or removed on
/// one side; only the same field changed both ways differently is a conflict.
///
/// Pure: it works on decoded values (people, engagements, relationships, assessments, the
/// agency), so the store's save and git's merge driver call the same function.
///
/// - Lists of items are matched by identity: `id`; a metric reading by its session, else its
///   date; an assessment answer by its question; anything else (topics, focus areas, a status
///   history) by its value. An item added on both sides is kept once per identity; changed on
///   one side, that change is taken; removed on one side and unchanged on the other, it is
///   removed; removed on one side and changed on the other, it is a conflict and kept.
/// - Items keep our order, with theirs' additions after the item they followed; lists whose
///   items all carry a `date` (sessions, readings, history) stay in date order.
/// - An object without an `id` inside a record (the coach) is one value.
public enum RecordMerge {
    /// Merges `ours` and `theirs`, both changed from `base` (`nil`: no common version, as when
    /// both sides created the record). `choosing` settles conflicts already decided, by path.
    public static func merge<T: Codable & Equatable>(base: T?, ours: T, theirs: T,
                                                    choosing choices: [FieldPath: MergeSide] = [:]) -> MergeResult<T> {
        if ours == theirs { return .merged(ours) }
        if let base, base == ours { return .merged(theirs) }
        if let base, base == theirs { return .merged(ours) }
        do {
            let b = try base.map { try JSONValue.of($0) }
            let o = try JSONValue.of(ours)
            let t = try JSONValue.of(theirs)
            var merger = Merger(choices: choices)
            let tree = merger.merge(b, o, t, at: .record, itemLike: true) ?? o
            let value = try tree.decoded(as: T.self)
            return merger.conflicts.isEmpty ? .merged(value) : .conflicted(partial: value, conflicts: merger.conflicts)
        } catch {
            // Not expected for the models; never guess: the whole record is the conflict.
            let conflict = FieldConflict(path: .record, kind: .changedOnBothSides,
                                         base: base.flatMap { try? JSONValue.of($0).jsonText },
                                         ours: try? JSONValue.of(ours).jsonText, theirs: try? JSONValue.of(theirs).jsonText)
            return .conflicted(partial: choices[.record] == .theirs ? theirs : ours, conflicts: [conflict])
        }
    }
}

/// The tree walk behind `RecordMerge`.
private struct Merger {
    let choices: [FieldPath: MergeSide]
    var conflicts: [FieldConflict] = []

    init(choices: [FieldPath: MergeSide]) { self.choices = choices }

    /// `nil` in and out means absent. `itemLike`: an object merged key by key (the record, an
    /// item with an id); other objects are single values.
    mutating func merge(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?, at path: FieldPath, itemLike: Bool) -> JSONValue? {
        if o == t { return o }
        if o == b { return t }
        if t == b { return o }
        switch (o, t) {
        case (.object(let oo)?, .object(let tt)?) where itemLike:
            var bb: [String: JSONValue] = [:]
            if case .object(let x)? = b { bb = x }
            var out: [String: JSONValue] = [:]
            for key in Set(oo.keys).union(tt.keys).union(bb.keys).sorted() {
                let value = merge(bb[key], oo[key], tt[key], at: path.appending(.field(key)),
                                  itemLike: false)
                if let value { out[key] = value }
            }
            return .object(out)
        case (.array(let oa)?, .array(let ta)?):
            var ba: [JSONValue] = []
            if case .array(let x)? = b { ba = x }
            return .array(mergeList(ba, oa, ta, at: path))
        default:
            let kind: FieldConflict.Kind = o == nil ? .removedByOurs : t == nil ? .removedByTheirs : .changedOnBothSides
            if let side = choices[path] { return side == .ours ? o : t }
            conflicts.append(FieldConflict(path: path, kind: kind, base: b?.jsonText, ours: o?.jsonText, theirs: t?.jsonText))
            return o ?? t
        }
    }

    private mutating func mergeList(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue], at path: FieldPath) -> [JSONValue] {
        let field = path.field ?? ""
        let bk = keyed(b, field: field), ok = keyed(o, field: field), tk = keyed(t, field: field)
        let bm = Dictionary(bk, uniquingKeysWith: { a, _ in a })
        let om = Dictionary(ok, uniquingKeysWith: { a, _ in a })
        let tm = Dictionary(tk, uniquingKeysWith: { a, _ in a })

        // Our order, with each of theirs' other items after the one it follows there (and after
        // what we added at that place: both sides appending gives ours, then theirs).
        var order = ok.map(\.key)
        var placed = Set(order)
        var previous: String?
        for (key, _) in tk {
            if !placed.contains(key) {
                var at = previous.flatMap { p in order.firstIndex(of: p).map { $0 + 1 } } ?? 0
                while at < order.count, bm[order[at]] == nil, tm[order[at]] == nil { at += 1 }
                order.insert(key, at: at)
                placed.insert(key)
            }
            previous = key
        }
        for (key, _) in bk where !placed.contains(key) { order.append(key); placed.insert(key) }

        var out: [JSONValue] = []
        for key in order {
            let itemLike = [bm[key], om[key], tm[key]].contains { $0?["id"] != nil }
            if let value = merge(bm[key], om[key], tm[key], at: path.appending(.item(key)), itemLike: itemLike) {
                out.append(value)
            }
        }
        let dates = out.map { $0["date"]?.string }
        if !out.isEmpty, dates.allSatisfy({ $0 != nil }) {
            out = zip(out, dates).enumerated()
                .sorted { ($0.element.1!, $0.offset) < ($1.element.1!, $1.offset) }
                .map(\.element.0)
        }
        return out
    }

    /// Each item with its identity; a repeated identity gets `#2`, `#3`… in order.
    private func keyed(_ items: [JSONValue], field: String) -> [(key: String, value: JSONValue)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let key = identity(item, field: field)
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return (n == 1 ? key : "\(key)#\(n)", item)
        }
    }

    private func identity(_ item: JSONValue, field: String) -> String {
        if let id = item["id"]?.string { return id }
        if field == "readings" {
            if let session = item["sessionID"]?.string { return "session:\(session)" }
            if let date = item["date"]?.string { return "date:\(date)" }
        }
        if field == "answers", let question = item["question"]?.string { return "question:\(question)" }
        if let s = item.string { return s }
        return item.jsonText
    }
}
