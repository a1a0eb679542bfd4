import Foundation
import TandemCore

// The lean reads of the read-only commands that find, count and rank over the whole history
// (`report`, `list --all`, `prep`, `match`, `assess`, `import`): what `loadWithoutTexts` gives,
// with each record's file, and the one record a command shows read whole.

extension Store {
    /// How many files the lean reads take at a time: what they keep of a record is small, so the
    /// batch's records read whole (texts and all) are what their memory peaks with.
    public static let leanBatch = 16

    /// `loadWithoutTexts(kinds:)`, with every record's file (relative to the data folder) of the
    /// kinds asked for put in `files`, as `Loaded.files` has them. The people's names are
    /// remembered, so a new record saved afterwards (`tandem import`) gets the file name it gets
    /// after `load`; nothing else is, so no record read this way can be saved as a base.
    public func loadWithoutTexts(kinds: Set<RecordKind>, files: inout [RecordRef: String],
                                 batch size: Int = Store.leanBatch) throws -> Snapshot {
        try loadReduced(kinds: kinds, files: &files, batch: size) { $0.withoutTexts }
    }

    /// `loadWithoutTexts(kinds:files:)` keeping of each record only what `reduce` gives back
    /// (called once per record on the thread that decoded it, as soon as it is decoded), so what a
    /// command holds of the history is what it reads of it: `Insights.reading` for a report,
    /// `withoutSessions` to find a record or a person by name. Sealed notes are not opened.
    public func loadReduced(kinds: Set<RecordKind>, files: inout [RecordRef: String], batch size: Int = Store.leanBatch,
                            _ reduce: @escaping @Sendable (Record) -> Record) throws -> Snapshot {
        var snapshot = Snapshot(agency: try agency())
        var found: [RecordRef: String] = [:]
        try forEachRecord(of: kinds, openingSealed: false, batch: size, reducing: reduce) { record, rel in
            found[record.ref] = rel
            switch record {
            case .person(let p): snapshot.people.append(p)
            case .coaching(let e): snapshot.engagements.append(e)
            case .mentoring(let r): snapshot.relationships.append(r)
            case .assessment(let a): snapshot.assessments.append(a)
            }
        }
        rememberNames(of: snapshot.people)
        files.merge(found) { _, new in new }
        return snapshot
    }

    /// One record read whole from its file `rel` (as found by `loadWithoutTexts(kinds:files:)`),
    /// its sealed notes opened with the store's identity as `loadRecord` opens them (a note that
    /// does not open is in `sealNotices`). Checked to hold `ref`; the store remembers nothing of
    /// it, so it is for showing, not for saving.
    public func readRecord(_ ref: RecordRef, file rel: String) throws -> Record {
        guard let data = try folder.read(rel) else {
            throw StoreError(.notFound, file: rel, "was deleted on disk")
        }
        return try decodeRecord(data, at: rel, as: ref)
    }
}

extension Store {
    /// The records `refs` (closed ones that `load(scope: .open)` skipped, say) read from their
    /// files a batch at a time (on every core), each closed one kept as `Insights.closedReading`
    /// keeps it (sessions without texts nor action items, sealed notes not opened; each metric's
    /// latest reading) as soon as it is decoded: what the
    /// dashboard's archive and insights read of the history. Nothing of a record kept so is
    /// remembered, so it never becomes the base of a save, and the store refuses to save it
    /// (`hasTextsLeftOut`): read it whole with `loadRecord` first. A file that holds an open
    /// record by now (reopened elsewhere) is kept whole, remembered as `loadRecord` remembers it.
    /// What could not be read is in `failures`, in the order asked, as `loadRecord` throws it.
    public func readWithoutTexts(_ refs: [RecordRef], batch size: Int = Store.leanBatch) -> (records: [Record], failures: [StoreError]) {
        read(refs, batch: size, closedLean: true)
    }

    /// The records `refs` read whole from their files, on every core, each remembered as
    /// `loadRecord` remembers it (later saves merge against it), its sealed notes opened: what
    /// the dashboard reads right after its first frame of the open records that frame held lean
    /// (`Loaded.lean`), and of a record held lean before something shows its texts. What could
    /// not be read is in `failures`, in the order asked, as `loadRecord` throws it.
    public func readWhole(_ refs: [RecordRef]) -> (records: [Record], failures: [StoreError]) {
        read(refs, batch: refs.count, closedLean: false)
    }

    /// A closed record as `readWithoutTexts` keeps it; any other as it is.
    @Sendable static func leanIfClosed(_ record: Record) -> Record { isClosed(record) ? record.closedReading : record }

    /// `readWithoutTexts` (`closedLean`) and `readWhole`: the records `refs` read `size` at a
    /// time; with `closedLean`, each closed one is kept as `closedReading` keeps it and not
    /// remembered; every other one is remembered as `loadRecord` remembers it, sealed notes opened.
    private func read(_ refs: [RecordRef], batch size: Int, closedLean: Bool) -> (records: [Record], failures: [StoreError]) {
        var records: [Record] = []
        var failures: [StoreError] = []
        var paths: [(kind: RecordKind, rel: String, ref: RecordRef)] = []
        for ref in refs {
            if let rel = file(of: ref) { paths.append((ref.kind, rel, ref)) } else { failures.append(StoreError(.notFound, "no record \(ref) in this store")) }
        }
        // Thousands of records: room for all at once, not an array doubled a dozen times over.
        records.reserveCapacity(paths.count)
        var start = 0
        while start < paths.count {
            let slice = paths[start..<min(start + max(1, size), paths.count)]
            start += max(1, size)
            // Each closed record is made lean on the thread that decoded it, as soon as it is
            // decoded: no batch of whole records (texts and all) is ever held at once.
            let results = FileLoad.run(slice.map { (kind: $0.kind, rel: $0.rel) }, folder: folder, scope: .all, migrations: migrations,
                                       reduce: closedLean ? Store.leanIfClosed : nil)
            for (path, result) in zip(slice, results) {
                switch result {
                case .failure(let failed):
                    failures.append(failed.error)
                case .success(nil):
                    failures.append(StoreError(.notFound, file: path.rel, "was deleted on disk"))
                case .success(let item?):
                    guard item.id == path.ref.id, let record = item.record else {
                        failures.append(StoreError(.format, file: path.rel, "now holds the record \(item.id.uuidString), not \(path.ref.id.uuidString)"))
                        continue
                    }
                    // A file from a newer Tandem makes the store read-only, as `loadRecord` does.
                    if let newer = item.newerFormat { noteReadOnly("\(path.rel) \(newer)") }
                    if closedLean, Store.isClosed(record) {
                        records.append(record)   // its `closedReading`, made by `FileLoad.run`
                    } else {
                        let opened = openSealed(record, file: path.rel)
                        rememberRead(opened, rel: path.rel, fingerprint: item.fingerprint)
                        records.append(opened)
                    }
                }
            }
        }
        return (records, failures)
    }

    /// Refuses to write a record holding a session read without its texts (`Session.withoutTexts`):
    /// its file would lose every note, topic and item text. Nothing is written.
    static func refuseTextsLeftOut(_ record: Record, file rel: String?) throws {
        guard record.hasTextsLeftOut else { return }
        throw StoreError(.format, file: rel, "not saved: this copy of the record was read without its session notes "
                         + "(for the archive or the insights), and saving it would lose them; read it whole first (loadRecord). Nothing was written")
    }
}

extension Record {
    /// The record with every session's texts left out (`Session.withoutTexts`, each marked
    /// `textsLeftOut`): what counting and listing read of a closed record. Never saved.
    public var withoutTexts: Record { mappingSessions(\.withoutTexts) }

    /// `Insights.closedReading` of an engagement or a relationship: what the dashboard's archive
    /// and insights hold of a closed one. Never saved.
    public var closedReading: Record {
        switch self {
        case .coaching(let e): .coaching(Insights.closedReading(e))
        case .mentoring(let r): .mentoring(Insights.closedReading(r))
        case .person, .assessment: self
        }
    }

    /// Whether a session of the record had its texts left out (`withoutTexts`): a lean copy
    /// that is never saved nor edited. A record without sessions is whole either way.
    public var hasTextsLeftOut: Bool { sessionList.contains { $0.textsLeftOut } }

    /// The record without its sessions: what finding a record or a person by name, matching a
    /// mentor or spotting a duplicate reads of an engagement or a relationship. Never saved.
    public var withoutSessions: Record {
        switch self {
        case .coaching(var e): e.sessions = []; return .coaching(e)
        case .mentoring(var r): r.sessions = []; return .mentoring(r)
        case .person, .assessment: return self
        }
    }
}
