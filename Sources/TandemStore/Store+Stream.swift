import Foundation
import TandemCore

// Reading the whole store without holding it: for the read-only commands that go through every
// record (reports, exports, lists of everything) on a history of any size. `load(scope:)` keeps
// every record decoded for the dashboard and for saves; these keep nothing they are not given back.

extension Store {
    /// How many files `forEachRecord` reads, scans and decodes at a time (on every core): enough
    /// to keep the cores busy, few enough that a batch's records are a small part of memory.
    public static let streamBatch = 256

    /// The agency (`tandem.json`), read and checked as `load` reads it.
    public func agency() throws -> Agency { try readAgency() }

    /// Hands every record of `kinds` to `body`, with its file (relative to the data folder), in the
    /// order `load(scope:)` takes them (people, coaching, mentoring, assessments; each by file
    /// name), reading a batch of files at a time and keeping no record once `body` returns, so
    /// memory stays flat however large the history.
    ///
    /// It fails as `load(scope: .all, kinds:)` fails: the first file that does not read, parse or
    /// decode, in that order, throws its `StoreError` (file:line:column), and so does a second
    /// file with a record's id. Files of the kinds not asked for are still read and checked unless
    /// the load cache vouches that they decoded cleanly as they are. `body` may already have been
    /// given the records before the failing file: a command that must not show half its output
    /// gathers first. Sealed notes are opened with the store's identity when `openingSealed`
    /// (what cannot be opened shows as `SealedNote.placeholder`; see `sealNotices`). The store
    /// remembers nothing of what it read, so nothing read this way can be saved as a base.
    /// `reduce`, when given, is what `body` is given of each record: applied as soon as the record
    /// is decoded, on the thread that decoded it (after its sealed notes are opened when
    /// `openingSealed`), so a caller that keeps a lean copy never holds a batch of whole records.
    public func forEachRecord(of kinds: Set<RecordKind>, openingSealed: Bool = true, batch size: Int = Store.streamBatch,
                              reducing reduce: (@Sendable (Record) -> Record)? = nil,
                              _ body: (Record, _ file: String) throws -> Void) throws {
        // Each file, with the id the load cache vouches for when it is of a kind not asked for
        // and decoded cleanly as it is (then it is not read; its id still counts for duplicates).
        var paths: [(kind: RecordKind, rel: String, vouched: UUID?, format: Int)] = []
        let index = LoadIndex.read(from: folder)
        for kind in RecordKind.allCases {
            for (rel, st) in try folder.listJSONFiles(in: kind.rawValue) {
                var vouched: UUID?
                var format = 0
                if !kinds.contains(kind), let st, let entry = index.trusted(rel, stat: st), entry.decoded {
                    vouched = entry.id
                    format = entry.format
                }
                paths.append((kind, rel, vouched, format))
            }
        }
        var seen: [RecordRef: String] = [:]
        seen.reserveCapacity(paths.count)
        var start = 0
        while start < paths.count {
            let slice = paths[start..<min(start + max(1, size), paths.count)]
            start += max(1, size)
            let toRead = slice.filter { $0.vouched == nil }.map { (kind: $0.kind, rel: $0.rel) }
            var results = FileLoad.run(toRead, folder: folder, scope: .all, migrations: migrations,
                                       reduce: openingSealed ? nil : reduce)[...]
            var batch: [(record: Record, rel: String)] = []
            for path in slice {
                let id: UUID
                var record: Record?
                var newer: String?
                if let vouched = path.vouched {
                    id = vouched
                    newer = Store.newerFormatMessage(format: path.format)
                } else {
                    let item = try results.removeFirst().mapError { failed -> StoreError in
                        var e = failed.error
                        if !failed.more.isEmpty {
                            e.message += " (and \(failed.more.count) more out-of-range value\(failed.more.count == 1 ? "" : "s"))"
                        }
                        return e
                    }.get()
                    guard let item else { continue }   // vanished while listing
                    id = item.id
                    record = item.record
                    newer = item.newerFormat
                }
                // A file from a newer Tandem makes the store read-only, as `load` does.
                if let newer { noteReadOnly("\(path.rel) \(newer)") }
                let ref = RecordRef(kind: path.kind, id: id)
                if let other = seen.updateValue(path.rel, forKey: ref) {
                    throw StoreError(.format, file: path.rel, "id \(ref.id.uuidString) is also the id of \(other)")
                }
                if kinds.contains(path.kind), let record { batch.append((record, path.rel)) }
            }
            if openingSealed {
                let files = Dictionary(batch.map { ($0.record.ref, $0.rel) }, uniquingKeysWith: { a, _ in a })
                for (k, record) in openSealed(batch.map(\.record), files: files).enumerated() { batch[k].record = reduce?(record) ?? record }
            }
            for (record, rel) in batch { try body(record, rel) }
        }
    }

    /// The whole store without the texts of its sessions (`Session.withoutTexts`): every record of
    /// `kinds`, in `load`'s order, read a batch at a time (`forEachRecord`), each session emptied of
    /// notes, topics and item texts as soon as its file is decoded. What the read-only commands that
    /// count, date and rank (`report`, `list --all`, `match`, `assess`, finding a record by name)
    /// need of a history of any size. Sealed notes are not opened (there is nothing to show).
    /// Read-only: never save a record from it.
    public func loadWithoutTexts(kinds: Set<RecordKind> = Set(RecordKind.allCases), batch size: Int = Store.streamBatch) throws -> Snapshot {
        var snapshot = Snapshot(agency: try readAgency())
        try forEachRecord(of: kinds, openingSealed: false, batch: size) { record, _ in
            switch record.mappingSessions(\.withoutTexts) {
            case .person(let p): snapshot.people.append(p)
            case .coaching(let e): snapshot.engagements.append(e)
            case .mentoring(let r): snapshot.relationships.append(r)
            case .assessment(let a): snapshot.assessments.append(a)
            }
        }
        return snapshot
    }
}
