import Foundation
import TandemCore

/// A version of a record the dashboard could not save before it quit (a full disk, a folder made
/// read-only, a conflict left unresolved, then Ctrl-C or a closed terminal). It is kept as two
/// drafts: `drafts/unsaved-<kind>-<id>.json`, the record as the store writes it, and
/// `….base.json`, the version it was an edit of (what this store last read or wrote of the file).
/// Both are sealed like any draft when an identity is at hand. At the next start the edit is
/// merged with what the file holds by then, as a save would merge it, and offered back unsaved.
public struct UnsavedVersion: Equatable, Sendable {
    /// The draft's name (`unsaved-coaching-<id>`).
    public var name: String
    /// The kept edit merged with the file as it is now (the file is this store's base for the
    /// record from here on, so a save merges only the edit).
    public var record: Record
}

extension Store {
    static let unsavedPrefix = "unsaved-"
    static let unsavedBaseSuffix = ".base"

    /// The draft name an unsaved version of `ref` is kept under.
    public static func unsavedDraftName(_ ref: RecordRef) -> String {
        "\(unsavedPrefix)\(ref.kind.rawValue)-\(ref.id.uuidString.lowercased())"
    }

    /// The drafts an unsaved version of `ref` is kept in (the version, its base), for `deleteDraft`.
    public static func unsavedDraftNames(_ ref: RecordRef) -> [String] {
        let name = unsavedDraftName(ref)
        return [name, name + unsavedBaseSuffix]
    }

    /// Keeps `record` as its unsaved-version drafts (replacing older ones of the same record).
    /// Returns the version draft's path relative to the data folder.
    @discardableResult
    public func keepUnsaved(_ record: Record) throws -> String {
        let name = Store.unsavedDraftName(record.ref)
        let path = "\(record.ref.kind.rawValue)/\(name).json"
        if let base = remembered(record.ref) {
            try saveDraft(try RecordFile.encode(base, path: path), for: record.ref, name: name + Store.unsavedBaseSuffix)
        } else {
            try deleteDraft(name: name + Store.unsavedBaseSuffix)
        }
        try saveDraft(try RecordFile.encode(record, path: path), for: record.ref, name: name)
        return "\(Store.draftsFolder)/\(name).json"
    }

    /// The unsaved versions kept by earlier runs, in draft-name order, each merged with its file
    /// as it is now (a record whose file is gone, or was never written, comes back as kept).
    ///
    /// A private session's text is in the draft as it was on screen (the draft itself is sealed),
    /// so it is not opened again from its sealed value, which would undo an edit; the next save
    /// compares and seals as usual. A draft that does not hold a record of its own id, whose file
    /// does not read, or whose edit conflicts with what the file holds now, is left on disk,
    /// untouched, and named in `problems` (file: what is wrong).
    public func unsavedVersions() -> (versions: [UnsavedVersion], problems: [String]) {
        var versions: [UnsavedVersion] = [], problems: [String] = []
        let drafts = loadDrafts().filter { $0.name.hasPrefix(Store.unsavedPrefix) }
        let bases = Dictionary(drafts.filter { $0.name.hasSuffix(Store.unsavedBaseSuffix) }.map { ($0.name, $0) },
                               uniquingKeysWith: { a, _ in a })
        for draft in drafts where !draft.name.hasSuffix(Store.unsavedBaseSuffix) {
            let rel = "\(Store.draftsFolder)/\(draft.name).json"
            guard let ref = draft.ref else { problems.append("\(rel): names no record"); continue }
            do {
                let path = "\(ref.kind.rawValue)/\(draft.name).json"
                let kept = try RecordFile.decode(draft.data, path: path)
                let base = try bases[draft.name + Store.unsavedBaseSuffix].map { try RecordFile.decode($0.data, path: path) }
                guard kept.ref == ref, base.map({ $0.ref == ref }) ?? true else {
                    problems.append("\(rel): holds another record than \(ref.kind.rawValue) \(ref.id.uuidString)")
                    continue
                }
                let onDisk: Record?
                if file(of: ref) != nil {
                    do { onDisk = try loadRecord(ref) } catch let e as StoreError where e.kind == .notFound { onDisk = nil }
                } else {
                    onDisk = nil
                }
                guard let onDisk, onDisk != base else {
                    versions.append(UnsavedVersion(name: draft.name, record: kept))
                    continue
                }
                switch Record.merge(base: base, ours: kept, theirs: onDisk) {
                case .merged(let merged):
                    versions.append(UnsavedVersion(name: draft.name, record: merged))
                case .conflicted(_, let conflicts):
                    problems.append("\(rel): your unsaved version from an earlier run and the file changed the same "
                                    + "field\(conflicts.count == 1 ? "" : "s") (\(conflicts.count)); both are kept as they are")
                }
            } catch {
                problems.append("\(rel): \(error)")
            }
        }
        return (versions, problems)
    }
}
