import Foundation
import TandemCore

/// The JSON files of one agency on disk (DESIGN.md §3): one file per record, atomic writes, a lock
/// for the one editing instance, format versions, and a check against outside edits.
///
/// File names are `<slug>-<first 8 hex of the id>.json`. The slug comes from people's names the
/// store knows: those of the last `load` and of every person saved since (a coaching engagement
/// takes its coachee's name, a mentoring relationship "mentor-to-mentee", an assessment its
/// person's). A name the store does not know gives the kind ("coaching-1a2b3c4d.json"). Once a
/// record has a file it keeps it, whatever happens to the names.
public final class Store {
    /// The data folder.
    public let root: URL
    /// Why saving is refused (another instance holds the lock, a file is from a newer Tandem,
    /// opened for reading); `nil` when this instance may save.
    public private(set) var readOnlyReason: String?
    /// Whether saving is refused; `readOnlyReason` says why.
    public var isReadOnly: Bool { readOnlyReason != nil }

    let folder: DataFolder
    let migrations: [Migration]
    let decoder = JSONDecoder()
    private var lock: StoreLock?
    /// What each file held when this instance last read or wrote it, by relative path.
    private var fingerprints: [String: Fingerprint] = [:]
    private var files: [RecordRef: String] = [:]
    /// People's names by id, for file names.
    private var names: [UUID: String] = [:]

    static let agencyFile = "tandem.json"
    static let draftsFolder = "drafts"

    private init(root: URL, lock: StoreLock?, readOnlyReason: String?, migrations: [Migration]) {
        self.root = root
        self.folder = DataFolder(root: root)
        self.lock = lock
        self.readOnlyReason = readOnlyReason
        self.migrations = migrations
    }

    deinit { close() }

    // MARK: - Opening

    /// Makes a new store in `dir` (created if missing) and opens it for editing.
    ///
    /// Refuses (`.exists`) when `dir` already holds `tandem.json` or a record folder with files.
    public static func create(at dir: URL, agency: Agency) throws -> Store {
        let folder = DataFolder(root: dir)
        if folder.exists(agencyFile) {
            throw StoreError(.exists, "\(dir.path) already holds a Tandem store (tandem.json)")
        }
        for kind in RecordKind.allCases where folder.hasEntries(kind.rawValue) {
            throw StoreError(.exists, "\(dir.path)/\(kind.rawValue) already holds files; choose an empty folder")
        }
        try folder.makeFolder(nil)
        let lock: StoreLock
        switch try StoreLock.acquire(in: folder) {
        case .acquired(let taken): lock = taken
        case .held(let reason): throw StoreError(.lock, "cannot create a store in \(dir.path): \(reason)")
        }
        let store = Store(root: dir, lock: lock, readOnlyReason: nil, migrations: Migration.all)
        for kind in RecordKind.allCases { try folder.makeFolder(kind.rawValue) }
        try store.saveAgency(agency)
        return store
    }

    /// Opens the store in `dir`.
    ///
    /// For editing, it takes the lock; when another live process holds it, the store opens
    /// read-only and `readOnlyReason` names the holder. A lock left by a dead process on this
    /// host is taken over. Reading (`forEditing: false`) never touches the lock.
    public static func open(at dir: URL, forEditing: Bool, migrations: [Migration] = Migration.all) throws -> Store {
        let folder = DataFolder(root: dir)
        guard folder.exists(agencyFile) else {
            throw StoreError(.notFound, "no Tandem store in \(dir.path): tandem.json is missing")
        }
        var lock: StoreLock?
        var reason: String?
        if forEditing {
            switch try StoreLock.acquire(in: folder) {
            case .acquired(let taken): lock = taken
            case .held(let why): reason = why
            }
        } else {
            reason = "opened read-only"
        }
        let store = Store(root: dir, lock: lock, readOnlyReason: reason, migrations: migrations)
        _ = try store.readAgency()
        return store
    }

    /// Releases the lock if this instance holds it. Also done when the store goes away.
    public func close() {
        lock?.release()
        lock = nil
    }

    // MARK: - Loading

    /// Reads the whole store: every file is read and its syntax checked; `scope` says which
    /// records are decoded. The first file that fails throws its `StoreError` (file:line:column).
    public func load(scope: LoadScope) throws -> Loaded {
        var snapshot = Snapshot(agency: try readAgency())
        var loadedFiles: [RecordRef: String] = [:]
        var prints: [String: Fingerprint] = [:]
        prints[Store.agencyFile] = fingerprints[Store.agencyFile]
        var closed = (coaching: 0, mentoring: 0)
        var paths: [(kind: RecordKind, rel: String)] = []
        for kind in RecordKind.allCases {
            for name in try folder.jsonFiles(in: kind.rawValue) { paths.append((kind, "\(kind.rawValue)/\(name)")) }
        }
        // Reading, scanning and decoding are independent per file: spread them over the cores.
        // Results are then taken in file order, so the first error reported is the same every time.
        let results = FileLoad.run(paths, folder: folder, scope: scope, migrations: migrations)
        for (path, result) in zip(paths, results) {
            let item = try result.mapError { failed -> StoreError in
                var e = failed.error
                if !failed.more.isEmpty {
                    e.message += " (and \(failed.more.count) more out-of-range value\(failed.more.count == 1 ? "" : "s"))"
                }
                return e
            }.get()
            guard let item else { continue }
            let ref = RecordRef(kind: path.kind, id: item.id)
            if let other = loadedFiles[ref] {
                throw StoreError(.format, file: path.rel, "id \(ref.id.uuidString) is also the id of \(other)")
            }
            loadedFiles[ref] = path.rel
            if readOnlyReason == nil, let message = item.newerFormat { readOnlyReason = "\(path.rel) \(message)" }
            guard let record = item.record else {
                if path.kind == .coaching { closed.coaching += 1 } else { closed.mentoring += 1 }
                continue
            }
            prints[path.rel] = item.fingerprint
            switch record {
            case .person(let p): snapshot.people.append(p)
            case .coaching(let e): snapshot.engagements.append(e)
            case .mentoring(let r): snapshot.relationships.append(r)
            case .assessment(let a): snapshot.assessments.append(a)
            }
        }
        files = loadedFiles
        fingerprints = prints
        names = Dictionary(snapshot.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return Loaded(snapshot: snapshot, files: loadedFiles, closedCount: closed)
    }

    /// Decodes one record from its file now, e.g. a closed one that `load(scope: .open)` skipped.
    public func loadRecord(_ ref: RecordRef) throws -> Record {
        guard let rel = files[ref] else {
            throw StoreError(.notFound, "no record \(ref) in this store")
        }
        guard let data = try folder.read(rel) else {
            throw StoreError(.notFound, file: rel, "was deleted on disk")
        }
        let file = try ScannedFile(path: rel, data: data)
        let id = try file.id()
        guard id == ref.id else {
            throw StoreError(.format, file: rel, "now holds the record \(id.uuidString), not \(ref.id.uuidString)")
        }
        noteFormat(of: file)
        let record = try decode(file, as: ref.kind)
        fingerprints[rel] = Fingerprint(data)
        if case .person(let p) = record { names[p.id] = p.name }
        return record
    }

    /// Takes the version on disk of a record (after a `.conflict`, when the user keeps theirs):
    /// the same as `loadRecord`, and later saves compare against it.
    public func reload(_ ref: RecordRef) throws -> Record {
        try loadRecord(ref)
    }

    // MARK: - Saving

    /// Writes a person's file; returns its path relative to the data folder.
    ///
    /// Throws `.conflict` (and writes nothing) when the file changed on disk since this instance
    /// read or wrote it, unless `force`; `.lock` when the store is read-only.
    @discardableResult
    public func save(_ person: Person, force: Bool = false) throws -> String {
        let rel = try write(person, ref: RecordRef(kind: .person, id: person.id), name: person.name, force: force,
                            outOfRange: Validation.rangeProblems(in: person))
        names[person.id] = person.name
        return rel
    }

    /// Writes a coaching engagement's file (named after the coachee); see `save(_: Person)`.
    @discardableResult
    public func save(_ engagement: CoachingEngagement, force: Bool = false) throws -> String {
        try write(engagement, ref: RecordRef(kind: .coaching, id: engagement.id),
                  name: names[engagement.coacheeID] ?? "", force: force, outOfRange: Validation.rangeProblems(in: engagement))
    }

    /// Writes a mentoring relationship's file (named "mentor-to-mentee"); see `save(_: Person)`.
    @discardableResult
    public func save(_ relationship: MentoringRelationship, force: Bool = false) throws -> String {
        let mentee = names[relationship.menteeID] ?? ""
        let name = names[relationship.mentorID].map { "\($0) to \(mentee)" } ?? mentee
        return try write(relationship, ref: RecordRef(kind: .mentoring, id: relationship.id), name: name, force: force,
                         outOfRange: Validation.rangeProblems(in: relationship))
    }

    /// Writes an assessment's file (named after its person); see `save(_: Person)`.
    @discardableResult
    public func save(_ assessment: Assessment, force: Bool = false) throws -> String {
        try write(assessment, ref: RecordRef(kind: .assessment, id: assessment.id),
                  name: names[assessment.personID] ?? "", force: force, outOfRange: Validation.rangeProblems(in: assessment))
    }

    /// Writes `tandem.json`; see `save(_: Person)`.
    public func saveAgency(_ agency: Agency, force: Bool = false) throws {
        try requireWritable()
        try Store.refuseOutOfRange(Validation.rangeProblems(in: agency), file: Store.agencyFile)
        try put(try RecordCodec.encode(agency, file: Store.agencyFile), at: Store.agencyFile, force: force)
    }

    /// Deletes a record's file (the undo of a creation).
    ///
    /// Throws `.conflict` when the file changed on disk since it was read or written, unless
    /// `force`; a file already gone is simply forgotten.
    public func delete(_ ref: RecordRef, force: Bool = false) throws {
        try requireWritable()
        guard let rel = files[ref] else {
            throw StoreError(.notFound, "no record \(ref) in this store")
        }
        if let disk = try folder.read(rel), !force {
            try checkUnchanged(rel, disk: disk)
        }
        try folder.remove(rel)
        files[ref] = nil
        fingerprints[rel] = nil
    }

    // MARK: - Drafts

    /// Keeps an unsaved form as `drafts/<name>.json` (written atomically, 0600).
    ///
    /// `name` may use letters, digits, '-', '_' and '.'; `data` must be UTF-8 text.
    public func saveDraft(_ data: Data, for ref: RecordRef?, name: String) throws {
        try requireWritable()
        let rel = try Store.draftPath(name)
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError(.format, file: rel, "a draft must be UTF-8 text")
        }
        let bytes = try RecordCodec.encode(DraftFile(id: ref?.id, kind: ref?.kind.rawValue, text: text), file: rel)
        try folder.makeFolder(Store.draftsFolder)
        try folder.writeAtomically(bytes, to: rel)
    }

    /// The drafts on disk, by name; files that cannot be read are left out.
    public func loadDrafts() -> [Draft] {
        let names = (try? folder.jsonFiles(in: Store.draftsFolder)) ?? []
        return names.compactMap { fileName in
            let rel = "\(Store.draftsFolder)/\(fileName)"
            guard let data = try? folder.read(rel),
                  let draft = try? decoder.decode(DraftFile.self, from: data) else { return nil }
            let ref = draft.kind.flatMap(RecordKind.init(rawValue:)).flatMap { kind in
                draft.id.map { RecordRef(kind: kind, id: $0) }
            }
            return Draft(name: String(fileName.dropLast(".json".count)), ref: ref, data: Data(draft.text.utf8))
        }
    }

    /// Removes a draft; a missing one is not an error.
    public func deleteDraft(name: String) throws {
        try requireWritable()
        try folder.remove(try Store.draftPath(name))
    }

    // MARK: - Internals

    private func readAgency() throws -> Agency {
        guard let data = try folder.read(Store.agencyFile) else {
            throw StoreError(.notFound, "no Tandem store in \(root.path): tandem.json is missing")
        }
        let file = try ScannedFile(path: Store.agencyFile, data: data)
        noteFormat(of: file)
        let agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: decoder)
        if let problem = Validation.rangeProblems(in: agency).first { throw Store.rangeError(problem, in: file) }
        fingerprints[Store.agencyFile] = Fingerprint(data)
        return agency
    }

    /// Decodes a scanned record file of a kind.
    func decode(_ file: ScannedFile, as kind: RecordKind) throws -> Record {
        try Store.decode(file, as: kind, migrations: migrations, decoder: decoder)
    }

    /// Decodes a record and refuses it when a number or a date is out of range (`Bounds`):
    /// the error is the first such value at its line and column, saying how many more there are.
    static func decode(_ file: ScannedFile, as kind: RecordKind, migrations: [Migration], decoder: JSONDecoder) throws -> Record {
        let (record, outOfRange) = try decodeChecked(file, as: kind, migrations: migrations, decoder: decoder)
        if var first = outOfRange.first {
            if outOfRange.count > 1 { first.message += " (and \(outOfRange.count - 1) more out-of-range value\(outOfRange.count == 2 ? "" : "s"))" }
            throw first
        }
        return record
    }

    /// Decodes a record, with every out-of-range value as an error at its line and column.
    static func decodeChecked(_ file: ScannedFile, as kind: RecordKind, migrations: [Migration],
                              decoder: JSONDecoder) throws -> (Record, [StoreError]) {
        let record = try decodeUnchecked(file, as: kind, migrations: migrations, decoder: decoder)
        let problems: [Problem]
        switch record {
        case .person(let p): problems = Validation.rangeProblems(in: p)
        case .coaching(let e): problems = Validation.rangeProblems(in: e)
        case .mentoring(let r): problems = Validation.rangeProblems(in: r)
        case .assessment(let a): problems = Validation.rangeProblems(in: a)
        }
        return (record, problems.map { rangeError($0, in: file) })
    }

    /// A range problem at its field's line and column.
    static func rangeError(_ problem: Problem, in file: ScannedFile) -> StoreError {
        let place = file.location(of: steps(problem.field))
        return StoreError(.format, file: file.path, line: place.line, column: place.column,
                          "field \"\(problem.field)\": \(problem.message)")
    }

    static func decodeUnchecked(_ file: ScannedFile, as kind: RecordKind, migrations: [Migration], decoder: JSONDecoder) throws -> Record {
        switch kind {
        case .person: .person(try RecordCodec.decode(Person.self, from: file, migrations: migrations, decoder: decoder))
        case .coaching: .coaching(try RecordCodec.decode(CoachingEngagement.self, from: file, migrations: migrations, decoder: decoder))
        case .mentoring: .mentoring(try RecordCodec.decode(MentoringRelationship.self, from: file, migrations: migrations, decoder: decoder))
        case .assessment: .assessment(try RecordCodec.decode(Assessment.self, from: file, migrations: migrations, decoder: decoder))
        }
    }

    /// A record with a value out of range (`Bounds`) is never written: its file would not load.
    static func refuseOutOfRange(_ problems: [Problem], file: String?) throws {
        guard !problems.isEmpty else { return }
        throw StoreError(.format, file: file, "not saved: " + problems.map(\.description).joined(separator: "; "))
    }

    /// A file from a newer Tandem makes the store read-only.
    private func noteFormat(of file: ScannedFile) {
        if readOnlyReason == nil, let message = Store.newerFormatMessage(file) {
            readOnlyReason = "\(file.path) \(message)"
        }
    }

    static func newerFormatMessage(_ file: ScannedFile) -> String? {
        guard file.format > currentFormat else { return nil }
        return "was written by a newer Tandem (format \(file.format); this one reads \(currentFormat))"
    }

    static func isClosed(_ kind: RecordKind, status: String?) -> Bool {
        switch kind {
        case .coaching: status == EngagementStatus.completed.rawValue || status == EngagementStatus.cancelled.rawValue
        case .mentoring: status == RelationshipStatus.closed.rawValue
        case .person, .assessment: false
        }
    }

    private func requireWritable() throws {
        if let readOnlyReason {
            throw StoreError(.lock, "the store is read-only: \(readOnlyReason)")
        }
    }

    private func write<T: Encodable>(_ value: T, ref: RecordRef, name: String, force: Bool, outOfRange: [Problem]) throws -> String {
        try requireWritable()
        let rel = files[ref]
            ?? "\(ref.kind.rawValue)/\(Slug.make(name, fallback: ref.kind.fallbackSlug))-\(ref.shortID).json"
        try Store.refuseOutOfRange(outOfRange, file: rel)
        let data = try RecordCodec.encode(value, file: rel)
        try folder.makeFolder(ref.kind.rawValue)
        try put(data, at: rel, force: force)
        files[ref] = rel
        return rel
    }

    /// Writes a file after checking it is still what this instance last saw; skips identical bytes.
    private func put(_ data: Data, at rel: String, force: Bool) throws {
        let disk = try folder.read(rel)
        if !force { try checkUnchanged(rel, disk: disk) }
        if disk != data { try folder.writeAtomically(data, to: rel) }
        fingerprints[rel] = Fingerprint(data)
    }

    private func checkUnchanged(_ rel: String, disk: Data?) throws {
        if let known = fingerprints[rel] {
            guard let disk else {
                throw StoreError(.conflict, file: rel, "was deleted on disk since it was loaded")
            }
            if Fingerprint(disk) != known {
                throw StoreError(.conflict, file: rel, "changed on disk since it was loaded")
            }
        } else if disk != nil {
            throw StoreError(.conflict, file: rel, "already exists on disk and was not loaded")
        }
    }

    private static func draftPath(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy { s in
            s.isASCII && (CharacterSet.alphanumerics.contains(s) || s == "-" || s == "_" || s == ".")
        }
        guard !name.isEmpty, !name.hasPrefix("."), allowed else {
            throw StoreError(.format, "draft name \"\(name)\": use letters, digits, '-', '_' and '.', not starting with '.'")
        }
        return "\(draftsFolder)/\(name).json"
    }
}
