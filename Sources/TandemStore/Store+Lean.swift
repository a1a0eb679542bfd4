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
        try loadReduced(kinds: kinds, files: &files, batch: size) { $0.mappingSessions(\.withoutTexts) }
    }

    /// `loadWithoutTexts(kinds:files:)` keeping of each record only what `reduce` gives back
    /// (called once per record as it is read, before the next batch), so what a command holds of
    /// the history is what it reads of it: `Insights.reading` for a report, `withoutSessions`
    /// to find a record or a person by name. Sealed notes are not opened.
    public func loadReduced(kinds: Set<RecordKind>, files: inout [RecordRef: String], batch size: Int = Store.leanBatch,
                            _ reduce: (Record) -> Record) throws -> Snapshot {
        var snapshot = Snapshot(agency: try agency())
        var found: [RecordRef: String] = [:]
        try forEachRecord(of: kinds, openingSealed: false, batch: size) { record, rel in
            found[record.ref] = rel
            switch reduce(record) {
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

extension Record {
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
