import TandemCore

/// What `Store.save(_:)` did.
public enum SaveOutcome: Equatable, Sendable {
    /// The record was written as given (or the file already held exactly it).
    case saved(file: String)
    /// The file had changed on disk since it was loaded, and the changes fitted together: this
    /// record (ours and theirs merged) is what was written. The caller must adopt it.
    case merged(Record, file: String)
    /// The file had changed on disk and the same field changed both ways: nothing was written.
    case conflict(SaveConflict)

    /// The record's file, relative to the data folder.
    public var file: String {
        switch self {
        case .saved(let f): f
        case .merged(_, let f): f
        case .conflict(let c): c.file
        }
    }
}

/// A save that found the same field changed on disk and in memory. Nothing was written.
///
/// To settle it, build the record the leader wants (e.g. `RecordMerge` with `choosing`, or
/// `partial` for "keep mine") and give it to `Store.save(_:resolving:)`.
public struct SaveConflict: Equatable, Sendable {
    public var ref: RecordRef
    /// Relative to the data folder.
    public var file: String
    /// What the file holds now; `nil` when it was deleted on disk.
    public var disk: Record?
    /// The version both sides started from (what was loaded); `nil` when there is none.
    public var base: Record?
    /// What the save was given.
    public var ours: Record
    /// Each field changed both ways (a deleted file is one conflict on the whole record).
    public var conflicts: [FieldConflict]
    /// Everything else merged, and ours at each conflict: the "keep mine" resolution.
    public var partial: Record
    /// The bytes `disk` came from, so a resolution is checked against them.
    let diskFingerprint: Fingerprint?
}

/// Records added, changed or removed on disk by someone else, as `Store.changes(since:)` finds them.
public struct StoreChanges: Sendable {
    public var records: [StoreChange]
    /// `tandem.json` as it is now, when it changed.
    public var agency: Agency?
    /// Files that changed but cannot be read now (a hand edit half done, a bad merge): each is
    /// reported once, until the file changes again.
    public var unreadable: [StoreError]
    /// Where to look from next time.
    public var stamp: StoreStamp

    public var isEmpty: Bool { records.isEmpty && agency == nil && unreadable.isEmpty }
}

/// One record that someone else added, changed or removed.
public struct StoreChange: Equatable, Sendable {
    public enum Kind: Sendable, Equatable { case added, changed, removed }

    public var kind: Kind
    public var ref: RecordRef
    /// Relative to the data folder.
    public var file: String
    /// The record as the file holds it now; `nil` when removed.
    public var record: Record?
    /// The bytes `record` came from.
    let fingerprint: Fingerprint?
    /// What this store knew of the file when it looked, so `adopt` never steps back over a later save.
    let known: Fingerprint?
}

/// What the record files looked like at one moment (size, times, inode of each), for
/// `Store.changes(since:)`. Opaque: take it from `Loaded.stamp` or from the last `StoreChanges`.
public struct StoreStamp: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var stat: FileStat
        /// The record the file holds, when known (not for `tandem.json`).
        var ref: RecordRef?
        /// The `stat` is the load cache's for a closed record, not the file's own (a load for the
        /// first frame does not `stat` those): `changes(since:)` reads the file when they differ,
        /// and reports it only when it no longer holds that closed record.
        var fromCache = false
    }

    /// The entries by path.
    var entries: [String: Entry] {
        get { listed.isEmpty ? table : StoreStamp.merged(table, listed) }
        _modify { materialize(); yield &table }
        set { table = newValue; listed = [] }
    }
    private var table: [String: Entry]
    /// Entries not in `table` yet, each path once: what a load saw, in file order. Hashing every
    /// path of the history into `table` is left to the first look for outside changes
    /// (`materialize`), which comes after the dashboard's first frame.
    private var listed: [(rel: String, entry: Entry)] = []

    init(entries: [String: Entry] = [:]) { table = entries }

    /// Adds the entry of a path that is in neither `table` nor `listed`.
    mutating func appendListed(_ rel: String, _ entry: Entry) { listed.append((rel, entry)) }

    mutating func reserveListed(_ n: Int) { listed.reserveCapacity(n) }

    /// Puts the listed entries into the table (before a look up by path).
    mutating func materialize() {
        guard !listed.isEmpty else { return }
        table = StoreStamp.merged(table, listed)
        listed = []
    }

    private static func merged(_ table: [String: Entry], _ listed: [(rel: String, entry: Entry)]) -> [String: Entry] {
        var out = table
        out.reserveCapacity(table.count + listed.count)
        for (rel, entry) in listed { out[rel] = entry }
        return out
    }

    public static func == (a: StoreStamp, b: StoreStamp) -> Bool { a.entries == b.entries }

    /// Before anything was looked at: `changes(since:)` then reads every file once, and
    /// reports only what differs from what the store loaded.
    public static let empty = StoreStamp()

    /// How many files it covers.
    public var count: Int { table.count + listed.count }
}
