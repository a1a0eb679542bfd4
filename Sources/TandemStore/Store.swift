import Foundation
import TandemCore

/// The JSON files of one agency on disk (DESIGN.md §3): one file per record, atomic writes,
/// format versions, and shared editing.
///
/// Any number of `Store`s (dashboards, `tandem log`, threads) may write one data folder at once.
/// Each write holds a short exclusive lock (`StoreLock`) only around "compare the file with what
/// this store loaded, then write it"; a file changed on disk since it was loaded is never
/// overwritten blindly. `save(_:)` merges it (`RecordMerge`, with what was loaded as the base) or
/// reports a conflict; `modify(_:_:)` re-reads it under the lock. Reading takes no lock.
///
/// A `Store` may be used from several threads: its own bookkeeping is guarded, and the disk work
/// of one save is serialized by the lock.
///
/// File names are `<slug>-<first 8 hex of the id>.json`. The slug comes from people's names the
/// store knows: those of the last `load` and of every person saved since (a coaching engagement
/// takes its coachee's name, a mentoring relationship "mentor-to-mentee", an assessment its
/// person's). A name the store does not know gives the kind ("coaching-1a2b3c4d.json"). Once a
/// record has a file it keeps it, whatever happens to the names.
public final class Store: @unchecked Sendable {
    /// The data folder.
    public let root: URL
    /// Why saving is refused (the folder is on a read-only file system or not writable, a file
    /// is from a newer Tandem, opened for reading); `nil` when this instance may save. Known when
    /// the store opens (a newer file: once it is loaded), so the app can say so up front.
    public var readOnlyReason: String? { locked { readOnly } }
    /// Whether saving is refused; `readOnlyReason` says why.
    public var isReadOnly: Bool { readOnlyReason != nil }
    /// How long a save waits for another writer's lock before giving up with `.busy`.
    public var lockWait: Duration {
        get { locked { wait } }
        set { locked { wait = newValue } }
    }

    let folder: DataFolder
    let migrations: [Migration]
    let decoder = JSONDecoder()

    /// Guards everything below.
    private let mutex = NSLock()
    private var readOnly: String?
    private var wait: Duration = StoreLock.defaultWait
    /// What each file held when this instance last read or wrote it, by relative path.
    private var fingerprints: [String: Fingerprint] = [:]
    /// The record each file held then: the base of a merge.
    private var bases: [RecordRef: Record] = [:]
    private var files: [RecordRef: String] = [:]
    /// People's names by id, for file names.
    private var names: [UUID: String] = [:]
    /// What `stat` said right after this instance's own writes, so `changes(since:)` skips them.
    private var ownWrites: [String: FileStat] = [:]
    /// Files this instance deleted, so `changes(since:)` does not report them as removed by others.
    private var ownRemovals: Set<String> = []
    private var checkedGitignore = false
    private var sealerValue: NoteSealing?
    private var sealProblems: [SealNotice] = []

    /// Opens and seals private notes (TandemSeal's `IdentitySealer`, injected by the executable):
    /// records read are opened with it, private and partners sessions written are sealed by it,
    /// and a private note it cannot seal (no identity) is refused. `nil`: notes are read and
    /// written as they were before sealing (a library user, the demo without an identity).
    public var sealer: NoteSealing? {
        get { locked { sealerValue } }
        set { locked { sealerValue = newValue } }
    }

    /// Sealed notes that did not open because they are damaged (not those merely sealed for
    /// someone else), since the store opened; each names its file and session.
    public var sealNotices: [SealNotice] { locked { sealProblems } }

    func noteSealProblems(_ notices: [SealNotice]) {
        locked { for n in notices where !sealProblems.contains(n) { sealProblems.append(n) } }
    }
    /// The temp files of killed saves removed when this store opened, relative to the root.
    public internal(set) var removedTemps: [String] = []
    /// For tests of what a failed write does: every record write fails as the OS would with this
    /// `errno` (`ENOSPC`: the disk is full), before anything is written.
    public var simulatedWriteError: Int32? {
        get { locked { writeFault } }
        set { locked { writeFault = newValue } }
    }
    private var writeFault: Int32?

    static let agencyFile = "tandem.json"
    static let draftsFolder = "drafts"
    static let gitignoreFile = ".gitignore"
    /// What must not travel with git: the lock, drafts, temp files of a save in progress.
    static let gitignoreLines = [StoreLock.fileName, "\(draftsFolder)/", ".*.tmp", ".cache/"]

    private init(root: URL, readOnlyReason: String?, migrations: [Migration]) {
        self.root = root
        self.folder = DataFolder(root: root)
        self.readOnly = readOnlyReason
        self.migrations = migrations
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }

    // MARK: - Opening

    /// Makes a new store in `dir` (created if missing), with its `.gitignore`, and opens it for editing.
    ///
    /// Refuses (`.exists`) when `dir` already holds `tandem.json` or a record folder with files.
    public static func create(at dir: URL, agency: Agency) throws -> Store {
        let folder = DataFolder(root: dir)
        try refuseExisting(at: dir)
        try folder.makeFolder(nil)
        let store = Store(root: dir, readOnlyReason: nil, migrations: Migration.all)
        for kind in RecordKind.allCases { try folder.makeFolder(kind.rawValue) }
        try store.saveAgency(agency)
        return store
    }

    /// Throws `.exists` when `dir` already holds a store or files in a record folder: where
    /// `create` will not write.
    static func refuseExisting(at dir: URL) throws {
        let folder = DataFolder(root: dir)
        if folder.exists(agencyFile) {
            throw StoreError(.exists, "\(dir.path) already holds a Tandem store (tandem.json)")
        }
        for kind in RecordKind.allCases where folder.hasEntries(kind.rawValue) {
            throw StoreError(.exists, "\(dir.path)/\(kind.rawValue) already holds files; choose an empty folder")
        }
    }

    /// Opens the store in `dir`.
    ///
    /// For editing, nothing is locked: saves lock briefly. The store is read-only only when the
    /// folder cannot be written (a read-only file system, no permission) or, once loaded, when a
    /// file is from a newer Tandem; `readOnlyReason` says which. Reading (`forEditing: false`)
    /// never writes anything.
    public static func open(at dir: URL, forEditing: Bool, migrations: [Migration] = Migration.all) throws -> Store {
        let folder = DataFolder(root: dir)
        guard folder.exists(agencyFile) else {
            throw StoreError(.notFound, "no Tandem store in \(dir.path): tandem.json is missing")
        }
        let reason = forEditing ? Store.writeProblem(dir.path) : "opened read-only"
        let store = Store(root: dir, readOnlyReason: reason, migrations: migrations)
        _ = try store.readAgency()
        // What a killed save left behind goes at the next start (StaleTemps.swift).
        if reason == nil { store.removedTemps = folder.removeStaleTemps() }
        return store
    }

    /// Why a folder cannot be written, from `access(2)`; `nil` when it can.
    static func writeProblem(_ path: String) -> String? {
        guard access(path, W_OK) != 0 else { return nil }
        return writeProblem(path, errno: errno)
    }

    static func writeProblem(_ path: String, errno code: Int32) -> String {
        switch code {
        case EROFS: "\(path) is on a read-only file system"
        case EACCES, EPERM: "\(path) is not writable by you"
        default: "\(path) cannot be written: \(String(cString: strerror(code)))"
        }
    }

    /// Kept for callers that close what they open: a store holds no lock between saves, so
    /// there is nothing to release.
    public func close() {}

    // MARK: - Loading

    /// Reads the whole store: every file is read and its syntax checked; `scope` says which
    /// records are decoded. The first file that fails throws its `StoreError` (file:line:column).
    ///
    /// With `.open`, a closed record whose file matches its entry in the load cache
    /// (`.cache/load.bin`: size, times, inode, and not too fresh to trust) is not read at all,
    /// so start-up grows with open work rather than with history; see `LoadIndex`.
    public func load(scope: LoadScope) throws -> Loaded {
        try load(scope: scope, kinds: Set(RecordKind.allCases))
    }

    /// `load(scope:kinds:forFirstFrame:)` of every kind.
    public func load(scope: LoadScope, forFirstFrame: Bool) throws -> Loaded {
        try load(scope: scope, kinds: Set(RecordKind.allCases), forFirstFrame: forFirstFrame)
    }

    /// How many of an open record's last sessions `load(…, forFirstFrame: true)` reads whole:
    /// the strip under the panes shows the latest and the six before it.
    public static let wholeRecentSessions = 8

    /// `load(scope:)` decoding some kinds only, for a command that needs no more (`tandem list
    /// coaching` needs people and coaching). Files of the other kinds are still listed, and read
    /// unless the load cache vouches that they loaded cleanly as they are, so a broken or
    /// out-of-range file of any kind still fails the load; their records are left out of the
    /// snapshot (`Loaded.files` names every kind). The dashboard loads every kind.
    ///
    /// `forFirstFrame` (the dashboard's start, never a command's): an open coaching or mentoring
    /// record whose file the load cache vouches for is read with only its last
    /// `wholeRecentSessions` sessions whole and the older ones lean (`Session.lean`: no notes,
    /// no topics, no done item's text; `Loaded.lean` lists them), and closed files the cache
    /// lists are not `stat`ed (`Loaded.unstated`: the stamp holds the cache's `stat` for them, so
    /// the first `changes(since:)` notices any that differ). The dashboard reads the lean
    /// records whole and looks for outside changes right after its first frame.
    public func load(scope: LoadScope, kinds: Set<RecordKind>, forFirstFrame: Bool = false) throws -> Loaded {
        var snapshot = Snapshot(agency: try readAgency())
        var loadedFiles: [RecordRef: String] = [:]
        var prints: [String: Fingerprint] = [:]
        var loadedBases: [RecordRef: Record] = [:]
        prints[Store.agencyFile] = locked { fingerprints[Store.agencyFile] }
        var closed = (coaching: 0, mentoring: 0)
        var lean: [RecordRef] = []
        // Each file's stat before it is read: a file changed after its stat looks changed at the
        // next `changes(since:)`, so no outside edit can slip between the two.
        var stamp = StoreStamp()
        if let st = folder.fileStat(Store.agencyFile) { stamp.entries[Store.agencyFile] = .init(stat: st, ref: nil) }
        var paths: [(kind: RecordKind, rel: String)] = []
        var stats: [FileStat?] = []
        // The first frame shows open work only: a closed file the cache lists is not `stat`ed
        // now; the stamp takes the cache's `stat` for it, so the look for outside changes right
        // after the frame reads any that differ (a hand edit that reopened it, a `git pull`).
        let deferStats = forFirstFrame && scope == .open
        for kind in RecordKind.allCases {
            for (rel, st) in try folder.listJSONFiles(in: kind.rawValue, statting: !deferStats) {
                paths.append((kind, rel))
                stats.append(st)
            }
        }
        var unstated = 0
        var racy = 0
        // Sized once: these grow with every file, closed ones included.
        stamp.reserveListed(paths.count)
        loadedFiles.reserveCapacity(paths.count)
        // Closed records the cache vouches for are not read; everything else is.
        let index = LoadIndex.read(from: folder)
        // Per file, by position: no dictionary keyed by path rebuilt for every file. Each folder's
        // listing and the cache are both in byte order, so one walk matches them (`match`).
        var cached = [LoadIndex.Entry?](repeating: nil, count: paths.count)
        var slotOf = [Int32](repeating: -1, count: paths.count)
        var toRead: [(kind: RecordKind, rel: String)] = []
        var readAt: [Int] = []
        var vouched: [LoadIndex.Entry?] = []
        var cursor = 0
        var folderKind: RecordKind?
        var needed = false
        for (k, path) in paths.enumerated() {
            // Once per folder: what is looked up per file here costs every closed file of the history.
            if path.kind != folderKind {
                folderKind = path.kind
                cursor = index.lowerBound(path.kind.rawValue + "/")
                needed = kinds.contains(path.kind)
            }
            let slot = index.match(path.rel, from: &cursor)
            if let slot { slotOf[k] = Int32(slot) }
            if deferStats {
                if let slot, needed, let entry = index.trusted(at: slot, stat: index.slots[slot].stat), entry.closed,
                   path.kind == .coaching || path.kind == .mentoring {
                    stats[k] = entry.stat
                    unstated += 1
                } else {
                    stats[k] = folder.regularFileStat(path.rel)
                }
            }
            let trusted = slot.flatMap { slot in stats[k].flatMap { index.trusted(at: slot, stat: $0) } }
            // Its stat matches the entry but is too fresh to trust: the cache is rewritten below,
            // so that it vouches once the file is old enough. Without that, a file written just
            // before the cache (a copy, a clone, a pull, then a start) would be read and scanned
            // whole at every start, as long as nothing else rewrote the cache.
            if trusted == nil, let slot, let st = stats[k], index.slots[slot].stat == st { racy += 1 }
            if let entry = trusted,
               needed ? scope == .open && entry.closed && (path.kind == .coaching || path.kind == .mentoring)
                      : scope == .open || entry.decoded {
                cached[k] = entry
            } else {
                toRead.append(path)
                readAt.append(k)
                // Read and decoded, but not scanned again when the cache vouches for its bytes.
                vouched.append(needed ? trusted : nil)
            }
        }
        // Reading, scanning and decoding are independent per file: spread them over the cores.
        // Results are then taken in file order, so the first error reported is the same every time.
        var results = [Result<FileLoad.Item?, FileLoad.Failed>?](repeating: nil, count: paths.count)
        let keepingWhole = forFirstFrame && scope == .open ? Store.wholeRecentSessions : nil
        for (k, result) in zip(readAt, FileLoad.run(toRead, folder: folder, scope: scope, migrations: migrations, vouched: vouched,
                                                    keepingWhole: keepingWhole)) {
            results[k] = result
        }
        // The cache's new entries are only gathered as a whole when it is to be rewritten: an entry
        // the cache vouched for is the same entry again, so only files read can change it.
        var fresh: [(rel: String, entry: LoadIndex.Entry)] = []
        var kept: [Int] = []
        kept.reserveCapacity(paths.count)
        var changed = false
        var readClosed = 0
        var newer: String?
        for (k, path) in paths.enumerated() {
            let st = stats[k]
            let item: FileLoad.Item
            if let entry = cached[k] {
                item = FileLoad.Item(id: entry.id, record: nil, fingerprint: Fingerprint(Data()),
                                     newerFormat: Store.newerFormatMessage(format: entry.format), format: entry.format)
            } else {
                let loadedItem = try results[k]!.mapError { failed -> StoreError in
                    var e = failed.error
                    if !failed.more.isEmpty {
                        e.message += " (and \(failed.more.count) more out-of-range value\(failed.more.count == 1 ? "" : "s"))"
                    }
                    return e
                }.get()
                guard let loadedItem else { continue }
                item = loadedItem
            }
            let ref = RecordRef(kind: path.kind, id: item.id)
            if let other = loadedFiles.updateValue(path.rel, forKey: ref) {
                throw StoreError(.format, file: path.rel, "id \(ref.id.uuidString) is also the id of \(other)")
            }
            if let st {
                // Each path once (one listing), none of them `tandem.json`: listed, not hashed, now.
                stamp.appendListed(path.rel, .init(stat: st, ref: ref, fromCache: deferStats && cached[k] != nil))
                if cached[k] != nil {
                    kept.append(k)
                } else {
                    let isClosed = item.record.map(Store.isClosed) ?? true
                    let entry = LoadIndex.Entry(stat: st, id: item.id, format: item.format, closed: isClosed,
                                                decoded: item.record != nil)
                    if !changed && (slotOf[k] < 0 || index.slots[Int(slotOf[k])] != entry) { changed = true }
                    fresh.append((path.rel, entry))
                    // A closed record read although it has an entry (too fresh to trust): rewrite the
                    // cache so that, from now on, it vouches for it.
                    if isClosed { readClosed += 1 }
                }
            }
            if newer == nil, let message = item.newerFormat { newer = "\(path.rel) \(message)" }
            guard let decoded = item.record else {
                // Closed and not decoded (a record of a kind not asked for may be open).
                if cached[k]?.closed ?? true {
                    if path.kind == .coaching { closed.coaching += 1 } else if path.kind == .mentoring { closed.mentoring += 1 }
                }
                continue
            }
            // A kind not asked for was read only to be checked.
            guard kinds.contains(path.kind) else { continue }
            let record = decoded
            loadedBases[ref] = record
            // A lean record's bytes are fingerprinted when it is read whole (`readWhole`).
            if keepingWhole != nil, record.hasTextsLeftOut { lean.append(ref) } else { prints[path.rel] = item.fingerprint }
            switch record {
            case .person(let p): snapshot.people.append(p)
            case .coaching(let e): snapshot.engagements.append(e)
            case .mentoring(let r): snapshot.relationships.append(r)
            case .assessment(let a): snapshot.assessments.append(a)
            }
        }
        // Sealed notes are opened once every file is read, spread over the cores.
        let opened = openSealed(snapshot.engagements.map(Record.coaching) + snapshot.relationships.map(Record.mentoring), files: loadedFiles)
        snapshot.engagements = opened.compactMap { if case .coaching(let e) = $0 { return e } else { return nil } }
        snapshot.relationships = opened.compactMap { if case .mentoring(let r) = $0 { return r } else { return nil } }
        for record in opened { loadedBases[record.ref] = record }
        // The cache is rewritten only when something changed, or an entry was too fresh to trust.
        // Every entry kept matched one of the cache's, each once, and every fresh one is checked
        // against its own: the cache is unchanged exactly when no fresh entry differs and nothing
        // in it was left unmatched (a file removed).
        if changed || kept.count + fresh.count != index.count || (scope == .open && readClosed > 0) || racy > 0 {
            var entries: [(rel: String, entry: LoadIndex.Entry)] = []
            entries.reserveCapacity(kept.count + fresh.count)
            for k in kept { entries.append((paths[k].rel, cached[k]!)) }
            entries += fresh
            LoadIndex(entries).write(to: folder)
        }
        locked {
            files = loadedFiles
            fingerprints = prints
            bases = loadedBases
            names = Dictionary(snapshot.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            if readOnly == nil, let newer { readOnly = newer }
        }
        return Loaded(snapshot: snapshot, files: loadedFiles, closedCount: closed, stamp: stamp, filesRead: toRead.count, lean: lean,
                      unstated: unstated)
    }

    /// Decodes one record from its file now, e.g. a closed one that `load(scope: .open)` skipped.
    /// Later saves merge against this version.
    public func loadRecord(_ ref: RecordRef) throws -> Record {
        guard let rel = locked({ files[ref] }) else {
            throw StoreError(.notFound, "no record \(ref) in this store")
        }
        guard let data = try folder.read(rel) else {
            throw StoreError(.notFound, file: rel, "was deleted on disk")
        }
        let record = try decodeRecord(data, at: rel, as: ref)
        locked { remember(record, rel: rel, fingerprint: Fingerprint(data)) }
        return record
    }

    /// What this store last read or wrote of `ref` (what a save merges against), if anything.
    func remembered(_ ref: RecordRef) -> Record? { locked { bases[ref] } }

    /// The file this store knows `ref` by (from a load, a read or a save), if any.
    func file(of ref: RecordRef) -> String? { locked { files[ref] } }

    /// Notes a record read whole from `rel` with these bytes' fingerprint as this store's
    /// knowledge of it, as `loadRecord` does: later saves merge against it.
    func rememberRead(_ record: Record, rel: String, fingerprint: Fingerprint) {
        locked { remember(record, rel: rel, fingerprint: fingerprint) }
    }

    /// Takes the version on disk of a record (after a `.conflict`, when the user keeps theirs):
    /// the same as `loadRecord`, and later saves compare against it.
    public func reload(_ ref: RecordRef) throws -> Record {
        try loadRecord(ref)
    }

    // MARK: - Watching

    /// The records others added, changed or removed since `stamp` (from `Loaded.stamp` or the
    /// last call), and the stamp to give next time.
    ///
    /// Cheap when nothing changed: it lists the record folders and `stat`s each file (size,
    /// times, inode); only files whose stat changed are read, and only those whose bytes differ
    /// from what this store last read or wrote are decoded, so its own saves never show up.
    /// Takes no lock and changes nothing this store will merge against: call `adopt(_:)` for
    /// each change taken into memory. Throws only when a record folder cannot be listed.
    public func changes(since given: StoreStamp) throws -> StoreChanges {
        // Looked up by path below: a load's entries go into the table once, here.
        var stamp = given
        stamp.materialize()
        let (own, removedByUs, known, refs) = locked { (ownWrites, ownRemovals, fingerprints, files) }
        // The next stamp is this one, changed only where a file differs: on a long history the
        // look every second or two then builds no second table of every file (megabytes).
        var next = stamp
        var toRead: [(kind: RecordKind, rel: String)] = []
        // Closed files whose `stat` was the cache's and differs: scanned, reported only when no
        // longer the closed record they were.
        var unverified: [(kind: RecordKind, rel: String)] = []
        var agencyChanged = false
        // How many files listed the stamp knows: all of them, unless some were removed.
        var knownListed = 0
        var byFile: [String: RecordRef]?
        func look(_ rel: String, _ kind: RecordKind?, _ st: FileStat) {
            let before = stamp.entries[rel]
            if before != nil { knownListed += 1 }
            if before?.stat == st || own[rel] == st {
                var ref = before?.ref
                if ref == nil, kind != nil {
                    if byFile == nil { byFile = Dictionary(refs.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a }) }
                    ref = byFile?[rel]
                }
                if before?.stat != st || before?.ref != ref || before?.fromCache == true { next.entries[rel] = .init(stat: st, ref: ref) }
                return
            }
            next.entries[rel] = .init(stat: st, ref: before?.ref)
            if let kind, before?.fromCache == true, known[rel] == nil {
                unverified.append((kind, rel))
            } else if let kind { toRead.append((kind, rel)) } else { agencyChanged = true }
        }
        // A FIFO, a device or a dangling link named `*.json` (added, or put where a record was)
        // is reported as `list` and `check` report it, once until it changes, and never opened;
        // a record it replaced is not taken for removed.
        var odd: [StoreError] = []
        func lookOdd(_ rel: String, _ st: FileStat) {
            let before = stamp.entries[rel]
            if before != nil { knownListed += 1 }
            guard before?.stat != st else { return }
            next.entries[rel] = .init(stat: st, ref: before?.ref)
            if let problem = folder.notARegularFile(rel) { odd.append(problem) }
        }
        if let st = folder.fileStat(Store.agencyFile) { look(Store.agencyFile, nil, st) }
        for kind in RecordKind.allCases {
            for (name, st, regular) in try folder.statJSONFiles(in: kind.rawValue) {
                if regular { look("\(kind.rawValue)/\(name)", kind, st) } else { lookOdd("\(kind.rawValue)/\(name)", st) }
            }
        }

        var result = StoreChanges(records: [], agency: nil, unreadable: odd.sorted { ($0.file ?? "") < ($1.file ?? "") }, stamp: next)
        if agencyChanged {
            do {
                if let data = try folder.read(Store.agencyFile), Fingerprint(data) != known[Store.agencyFile] {
                    let file = try ScannedFile(path: Store.agencyFile, data: data)
                    let agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: JSONDecoder())
                    if let problem = Validation.rangeProblems(in: agency).first { throw Store.rangeError(problem, in: file) }
                    result.agency = agency
                }
            } catch {
                result.unreadable.append(error as? StoreError ?? StoreError(.io, file: Store.agencyFile, "\(error)"))
            }
        }
        for (path, outcome) in zip(toRead, FileLoad.run(toRead, folder: folder, scope: .all, migrations: migrations)) {
            switch outcome {
            case .failure(let failed):
                result.unreadable.append(failed.error)
            case .success(nil):
                result.stamp.entries[path.rel] = nil
            case .success(let item?):
                let ref = RecordRef(kind: path.kind, id: item.id)
                result.stamp.entries[path.rel]?.ref = ref
                // A file from a newer Tandem arriving makes this store read-only, as at load.
                if let message = item.newerFormat { locked { if readOnly == nil { readOnly = "\(path.rel) \(message)" } } }
                if item.fingerprint == known[path.rel] { continue }
                let kind: StoreChange.Kind = stamp.entries[path.rel] == nil && refs[ref] == nil ? .added : .changed
                result.records.append(StoreChange(kind: kind, ref: ref, file: path.rel, record: item.record.map { openSealed($0, file: path.rel) },
                                                  fingerprint: item.fingerprint, known: known[path.rel]))
            }
        }
        // A closed file the first frame's load did not `stat`, changed since the cache saw it:
        // only scanned (as that load would have scanned it); still the same closed record, it is
        // no change to this store (nothing of it was loaded) and the cache learns its new `stat`;
        // open now (reopened by hand, a `git pull`), it is read and reported like any change.
        if !unverified.isEmpty {
            var reread: [(kind: RecordKind, rel: String)] = []
            var learned: [(rel: String, entry: LoadIndex.Entry)] = []
            for (path, outcome) in zip(unverified, FileLoad.run(unverified, folder: folder, scope: .open, migrations: migrations)) {
                switch outcome {
                case .failure(let failed):
                    result.unreadable.append(failed.error)
                case .success(nil):
                    result.stamp.entries[path.rel] = nil
                case .success(let item?):
                    let ref = RecordRef(kind: path.kind, id: item.id)
                    if item.record == nil, stamp.entries[path.rel]?.ref == ref, let st = result.stamp.entries[path.rel]?.stat {
                        learned.append((path.rel, LoadIndex.Entry(stat: st, id: item.id, format: item.format, closed: true, decoded: false)))
                        continue
                    }
                    reread.append(path)
                }
            }
            if !learned.isEmpty { LoadIndex.update(learned, in: folder) }
            for (path, outcome) in zip(reread, FileLoad.run(reread, folder: folder, scope: .all, migrations: migrations)) {
                switch outcome {
                case .failure(let failed):
                    result.unreadable.append(failed.error)
                case .success(nil):
                    result.stamp.entries[path.rel] = nil
                case .success(let item?):
                    let ref = RecordRef(kind: path.kind, id: item.id)
                    result.stamp.entries[path.rel]?.ref = ref
                    if let message = item.newerFormat { locked { if readOnly == nil { readOnly = "\(path.rel) \(message)" } } }
                    let kind: StoreChange.Kind = refs[ref] == nil ? .added : .changed
                    result.records.append(StoreChange(kind: kind, ref: ref, file: path.rel, record: item.record.map { openSealed($0, file: path.rel) },
                                                      fingerprint: item.fingerprint, known: nil))
                }
            }
        }
        guard knownListed < stamp.entries.count else { return result }
        // Some file the stamp knows is gone: list the folders again to see which.
        var present: Set<String> = [Store.agencyFile]
        for kind in RecordKind.allCases {
            for (name, _, _) in try folder.statJSONFiles(in: kind.rawValue) { present.insert("\(kind.rawValue)/\(name)") }
        }
        if folder.fileStat(Store.agencyFile) == nil { present.remove(Store.agencyFile) }
        for (rel, entry) in stamp.entries.sorted(by: { $0.key < $1.key }) where !present.contains(rel) {
            result.stamp.entries[rel] = nil
            guard !removedByUs.contains(rel), let ref = entry.ref else { continue }
            // Not gone but no longer a file (a dangling link, a FIFO): a problem, not a removal.
            if let problem = folder.notARegularFile(rel) {
                result.unreadable.append(problem)
                result.stamp.entries[rel] = entry
                continue
            }
            result.records.append(StoreChange(kind: .removed, ref: ref, file: rel, record: nil,
                                              fingerprint: nil, known: known[rel]))
        }
        return result
    }

    /// Takes a change found by `changes(since:)` as this store's own knowledge of the record: later
    /// saves merge against that version. Call it for each change the app takes into memory; a
    /// change the store has since overtaken with a save of its own is ignored.
    public func adopt(_ change: StoreChange) {
        locked {
            guard fingerprints[change.file] == change.known else { return }
            if let record = change.record, let fingerprint = change.fingerprint {
                files[change.ref] = change.file
                remember(record, rel: change.file, fingerprint: fingerprint)
            } else {
                if files[change.ref] == change.file { files[change.ref] = nil }
                fingerprints[change.file] = nil
                bases[change.ref] = nil
            }
        }
    }

    // MARK: - Saving

    /// Saves a record, merging with what changed on disk since this store loaded it.
    ///
    /// Under the store's short lock: a file unchanged since it was loaded (or a new record) is
    /// written; a changed one is merged three ways with what was loaded as the base. Clean, the
    /// merged record is written and returned (`.merged`: adopt it); a field changed both ways
    /// (or the file deleted on disk) gives `.conflict` and writes nothing.
    ///
    /// Throws `.lock` when the store is read-only, `.busy` when another writer holds the lock
    /// too long, the file's own error when what is on disk cannot be read; nothing is written then.
    public func save(_ record: Record) throws -> SaveOutcome {
        try requireWritable()
        try Store.refuseTextsLeftOut(record, file: file(of: record.ref))
        return try withStoreLock(folder, wait: lockWait) { try commit(record, against: nil) }
    }

    /// Saves the record a leader settled a conflict with: `conflict.disk` becomes the base, so
    /// only what changed on disk since the conflict was found is merged in (usually nothing).
    public func save(_ record: Record, resolving conflict: SaveConflict) throws -> SaveOutcome {
        try requireWritable()
        try Store.refuseTextsLeftOut(record, file: conflict.file)
        guard record.ref == conflict.ref else {
            throw StoreError(.format, file: conflict.file, "the conflict is about \(conflict.ref), not \(record.ref)")
        }
        return try withStoreLock(folder, wait: lockWait) {
            try commit(record, against: (conflict.disk, conflict.diskFingerprint))
        }
    }

    /// Changes a record as it is on disk now: under the lock, reads its file, applies `change`
    /// and writes the result. For writers that add to a record (`tandem log`): what others saved
    /// in the meantime is kept, and there is nothing to merge. `change` may throw to write nothing.
    /// Returns the record written and its file.
    @discardableResult
    public func modify(_ ref: RecordRef, _ change: (Record) throws -> Record) throws -> (record: Record, file: String) {
        try requireWritable()
        return try withStoreLock(folder, wait: lockWait) {
            guard let rel = locked({ files[ref] }) else {
                throw StoreError(.notFound, "no record \(ref) in this store")
            }
            guard let data = try folder.read(rel) else {
                throw StoreError(.notFound, file: rel, "was deleted on disk")
            }
            let current = try decodeRecord(data, at: rel, as: ref)
            let updated = try change(current)
            guard updated.ref == ref else {
                throw StoreError(.format, file: rel, "a change must keep the record \(ref), not make it \(updated.ref)")
            }
            if updated == current {
                locked { remember(current, rel: rel, fingerprint: Fingerprint(data)) }
            } else {
                // The file as read is what a plain private note from before sealing is known by.
                try writeRecord(updated, at: rel, replacing: data)
            }
            return (updated, rel)
        }
    }

    /// Seals the private and partners notes still in plain text (written before sealing), one
    /// record file at a time under the lock; with `dryRun` only counts them. Needs a `sealer`
    /// that can seal. Returns each file with the number of notes sealed (or to seal), in file order.
    /// Git history still holds the old text: `tandem identity seal-existing` says how to rewrite it.
    public func sealPlainPrivateNotes(dryRun: Bool) throws -> [(file: String, sessions: Int)] {
        if !dryRun {
            try requireWritable()
            if let reason = sealer.map({ $0.cannotSealReason }) ?? "no identity" {
                throw StoreError(.lock, "cannot seal: \(reason)")
            }
        }
        // Counted a batch of records at a time (nothing of the history is held), then each file
        // with notes to seal is read again and written under the lock, one at a time.
        var found: [(file: String, sessions: Int)] = []
        var toSeal: [(ref: RecordRef, rel: String)] = []
        try forEachRecord(of: [.coaching, .mentoring], openingSealed: false, batch: Store.leanBatch) { record, rel in
            let plain = Sealing.plainPrivate(record.sessionList).count
            guard plain > 0 else { return }
            found.append((rel, plain))
            toSeal.append((record.ref, rel))
        }
        for (ref, rel) in toSeal where !dryRun {
            // A record this store did not hold before is not held after (its file's fingerprint
            // is), so sealing thousands of files holds one record at a time.
            let held = locked { bases[ref] != nil }
            try withStoreLock(folder, wait: lockWait) {
                guard let data = try folder.read(rel) else { throw StoreError(.notFound, file: rel, "was deleted on disk") }
                let current = try decodeRecord(data, at: rel, as: ref)
                try writeRecord(current, at: rel, replacing: data, sealingPlain: true)
            }
            if !held { locked { bases[ref] = nil } }
        }
        return found.sorted { $0.file < $1.file }
    }

    /// Writes a person's file; returns its path relative to the data folder.
    ///
    /// Strict, for writers with nothing to merge (a new store, the demo): throws `.conflict` (and
    /// writes nothing) when the file changed on disk since this instance read or wrote it, unless
    /// `force`; `.lock` when the store is read-only. The dashboard uses `save(_: Record)`.
    @discardableResult
    public func save(_ person: Person, force: Bool = false) throws -> String {
        try strictSave(.person(person), force: force)
    }

    /// Writes a coaching engagement's file (named after the coachee); see `save(_: Person)`.
    @discardableResult
    public func save(_ engagement: CoachingEngagement, force: Bool = false) throws -> String {
        try strictSave(.coaching(engagement), force: force)
    }

    /// Writes a mentoring relationship's file (named "mentor-to-mentee"); see `save(_: Person)`.
    @discardableResult
    public func save(_ relationship: MentoringRelationship, force: Bool = false) throws -> String {
        try strictSave(.mentoring(relationship), force: force)
    }

    /// Writes an assessment's file (named after its person); see `save(_: Person)`.
    @discardableResult
    public func save(_ assessment: Assessment, force: Bool = false) throws -> String {
        try strictSave(.assessment(assessment), force: force)
    }

    /// Writes `tandem.json`; see `save(_: Person)`.
    public func saveAgency(_ agency: Agency, force: Bool = false) throws {
        try requireWritable()
        // Leaders listed means notes are sealed: an older Tandem opens the store read-only.
        let data = try RecordCodec.encode(agency, file: Store.agencyFile, format: agency.leaders == nil ? 1 : sealedFormat)
        try Store.refuseOutOfRange(Validation.rangeProblems(in: agency), file: Store.agencyFile)
        try withStoreLock(folder, wait: lockWait) {
            let disk = try folder.read(Store.agencyFile)
            if !force { try checkUnchanged(Store.agencyFile, disk: disk) }
            // Settings this Tandem does not know are kept (UnknownFields.swift).
            let kept = UnknownFields.carry(from: disk, into: data) { try knownAgencyBytes(of: $0) }
            try put(kept, at: Store.agencyFile, disk: disk)
        }
    }

    /// Forgets what this store knows of a record's file (its base, its fingerprint), as if this
    /// instance had never read or written it: a later `save` of it meets the file as one it did
    /// not load. For a writer of many new records that must not hold them all (`tandem demo`).
    public func forget(_ ref: RecordRef) {
        locked {
            if let rel = files.removeValue(forKey: ref) { fingerprints[rel] = nil }
            bases[ref] = nil
        }
    }

    /// Deletes a record's file (the undo of a creation).
    ///
    /// Throws `.conflict` when the file changed on disk since it was read or written, unless
    /// `force`; a file already gone is simply forgotten.
    public func delete(_ ref: RecordRef, force: Bool = false) throws {
        try requireWritable()
        guard let rel = locked({ files[ref] }) else {
            throw StoreError(.notFound, "no record \(ref) in this store")
        }
        try withStoreLock(folder, wait: lockWait) {
            if let disk = try folder.read(rel), !force {
                try checkUnchanged(rel, disk: disk)
            }
            try folder.remove(rel)
            locked {
                files[ref] = nil
                fingerprints[rel] = nil
                bases[ref] = nil
                ownWrites[rel] = nil
                ownRemovals.insert(rel)
            }
        }
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
        var draft = DraftFile(id: ref?.id, kind: ref?.kind.rawValue, text: text)
        if let sealer, sealer.cannotSealReason == nil {
            let bound = UUID()
            var note = try sealer.seal(SealedContent(notes: text, topics: [], actionItems: []), session: bound, tier: .private, leaders: [])
            note.opened = nil
            draft.text = ""; draft.sealed = note; draft.sealedID = bound
        }
        let bytes = try RecordCodec.encode(draft, file: rel)
        try folder.makeFolder(Store.draftsFolder)
        try folder.writeAtomically(bytes, to: rel)
    }

    /// The drafts on disk, by name; files that cannot be read are left out.
    public func loadDrafts() -> [Draft] {
        let names = (try? folder.jsonFiles(in: Store.draftsFolder)) ?? []
        return names.compactMap { fileName in
            let rel = "\(Store.draftsFolder)/\(fileName)"
            guard let data = try? folder.read(rel),
                  var draft = try? decoder.decode(DraftFile.self, from: data) else { return nil }
            if let sealed = draft.sealed {
                // A sealed draft this identity cannot open stays on disk, untouched.
                guard let bound = draft.sealedID, case .success(let content)? = sealer?.open(sealed, session: bound) else { return nil }
                draft.text = content.notes
            }
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

    func readAgency() throws -> Agency {
        guard let data = try folder.read(Store.agencyFile) else {
            throw StoreError(.notFound, "no Tandem store in \(root.path): tandem.json is missing")
        }
        let file = try ScannedFile(path: Store.agencyFile, data: data)
        noteFormat(of: file)
        let agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: JSONDecoder())
        if let problem = Validation.rangeProblems(in: agency).first { throw Store.rangeError(problem, in: file) }
        locked { fingerprints[Store.agencyFile] = Fingerprint(data) }
        return agency
    }

    /// Decodes a record file's bytes, checking it holds `ref`.
    func decodeRecord(_ data: Data, at rel: String, as ref: RecordRef) throws -> Record {
        let file = try ScannedFile(path: rel, data: data)
        let id = try file.id()
        guard id == ref.id else {
            throw StoreError(.format, file: rel, "now holds the record \(id.uuidString), not \(ref.id.uuidString)")
        }
        noteFormat(of: file)
        return openSealed(try Store.decode(file, as: ref.kind, migrations: migrations, decoder: JSONDecoder()), file: rel)
    }

    /// Decodes a scanned record file of a kind.
    func decode(_ file: ScannedFile, as kind: RecordKind) throws -> Record {
        try Store.decode(file, as: kind, migrations: migrations, decoder: JSONDecoder())
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
        guard let message = Store.newerFormatMessage(file) else { return }
        locked { if readOnly == nil { readOnly = "\(file.path) \(message)" } }
    }

    static func newerFormatMessage(_ file: ScannedFile) -> String? {
        newerFormatMessage(format: file.format)
    }

    static func newerFormatMessage(format: Int) -> String? {
        guard format > currentFormat else { return nil }
        return "was written by a newer Tandem (format \(format); this one reads \(currentFormat))"
    }

    /// Whether a decoded record is closed: completed or cancelled coaching, closed mentoring.
    static func isClosed(_ record: Record) -> Bool {
        switch record {
        case .coaching(let e): e.status == .completed || e.status == .cancelled
        case .mentoring(let r): r.status == .closed
        case .person, .assessment: false
        }
    }

    static func isClosed(_ kind: RecordKind, status: String?) -> Bool {
        switch kind {
        case .coaching: status == EngagementStatus.completed.rawValue || status == EngagementStatus.cancelled.rawValue
        case .mentoring: status == RelationshipStatus.closed.rawValue
        case .person, .assessment: false
        }
    }

    private func requireWritable() throws {
        if let reason = readOnlyReason {
            throw StoreError(.lock, "the store is read-only: \(reason)")
        }
    }

    /// Notes what a file holds now, as read or written by this store. Call holding `mutex`.
    private func remember(_ record: Record, rel: String, fingerprint: Fingerprint) {
        fingerprints[rel] = fingerprint
        bases[record.ref] = record
        files[record.ref] = rel
        if case .person(let p) = record { names[p.id] = p.name }
    }

    /// Makes the store read-only for `reason` unless it already is.
    func noteReadOnly(_ reason: String) {
        locked { if readOnly == nil { readOnly = reason } }
    }

    /// Takes people's names for the files of new records (what `load` gathers), and nothing else.
    func rememberNames(of people: [Person]) {
        locked { for p in people where names[p.id] == nil { names[p.id] = p.name } }
    }

    /// The file a record has, or the one it gets.
    private func fileName(for record: Record) -> String {
        locked {
            let ref = record.ref
            if let rel = files[ref] { return rel }
            let name: String
            switch record {
            case .person(let p): name = p.name
            case .coaching(let e): name = names[e.coacheeID] ?? ""
            case .mentoring(let r):
                let mentee = names[r.menteeID] ?? ""
                name = names[r.mentorID].map { "\($0) to \(mentee)" } ?? mentee
            case .assessment(let a): name = names[a.personID] ?? ""
            }
            return "\(ref.kind.rawValue)/\(Slug.make(name, fallback: ref.kind.fallbackSlug))-\(ref.shortID).json"
        }
    }

    /// The heart of `save`: compare, merge, write. Runs holding the lock. `against` replaces
    /// what this store knows of the file (after a conflict: the disk version it was settled on).
    private func commit(_ ours: Record, against settled: (record: Record?, fingerprint: Fingerprint?)?) throws -> SaveOutcome {
        let ref = ours.ref
        let rel = fileName(for: ours)
        let (known, base) = settled.map { ($0.fingerprint, $0.record) } ?? locked { (fingerprints[rel], bases[ref]) }
        let disk = try folder.read(rel)
        guard let disk else {
            if known == nil {
                try writeRecord(ours, at: rel)
                return .saved(file: rel)
            }
            let conflict = FieldConflict(path: .record, kind: .removedByTheirs, base: nil, ours: nil, theirs: nil)
            return .conflict(SaveConflict(ref: ref, file: rel, disk: nil, base: base, ours: ours,
                                          conflicts: [conflict], partial: ours, diskFingerprint: nil))
        }
        let diskPrint = Fingerprint(disk)
        if diskPrint == known {
            try writeRecord(ours, at: rel, replacing: disk)
            return .saved(file: rel)
        }
        let theirs = try decodeRecord(disk, at: rel, as: ref)
        switch Record.merge(base: known == nil ? nil : base, ours: ours, theirs: theirs) {
        case .merged(let merged):
            try writeRecord(merged, at: rel, replacing: disk)
            return merged == ours ? .saved(file: rel) : .merged(merged, file: rel)
        case .conflicted(let partial, let conflicts):
            return .conflict(SaveConflict(ref: ref, file: rel, disk: theirs, base: known == nil ? nil : base, ours: ours,
                                          conflicts: conflicts, partial: partial, diskFingerprint: diskPrint))
        }
    }

    /// The strict save of the typed `save` methods.
    private func strictSave(_ record: Record, force: Bool) throws -> String {
        try requireWritable()
        let rel = fileName(for: record)
        try Store.refuseTextsLeftOut(record, file: rel)
        return try withStoreLock(folder, wait: lockWait) {
            let disk = try folder.read(rel)
            if !force { try checkUnchanged(rel, disk: disk) }
            try writeRecord(record, at: rel, replacing: disk)
            return rel
        }
    }

    /// Writes a record's file and notes it as this store's knowledge. Runs holding the lock.
    private func writeRecord(_ given: Record, at rel: String, replacing disk: Data? = nil, sealingPlain: Bool = false) throws {
        try Store.refuseTextsLeftOut(given, file: rel)
        var data: Data
        // Private notes go into the file sealed; the store remembers them opened.
        let (record, remembered) = try sealedForWriting(given, base: locked { bases[given.ref] }, disk: disk, rel: rel,
                                                        sealingPlain: sealingPlain)
        let format = Store.format(of: record)
        // A value out of range (`Bounds`) is never written: its file would not load.
        switch record {
        case .person(let p):
            try Store.refuseOutOfRange(Validation.rangeProblems(in: p), file: rel)
            data = try RecordCodec.encode(p, file: rel, format: format)
        case .coaching(let e):
            try Store.refuseOutOfRange(Validation.rangeProblems(in: e), file: rel)
            data = try RecordCodec.encode(e, file: rel, format: format)
        case .mentoring(let r):
            try Store.refuseOutOfRange(Validation.rangeProblems(in: r), file: rel)
            data = try RecordCodec.encode(r, file: rel, format: format)
        case .assessment(let a):
            try Store.refuseOutOfRange(Validation.rangeProblems(in: a), file: rel)
            data = try RecordCodec.encode(a, file: rel, format: format)
        }
        // Fields of the file this Tandem does not know are kept (UnknownFields.swift).
        let kind = record.ref.kind
        data = UnknownFields.carry(from: disk, into: data) { try knownBytes(of: $0, at: rel, kind: kind) }
        // The file was just read from its folder, so the folder is there: no mkdir on every save.
        if disk == nil { try folder.makeFolder(record.ref.kind.rawValue) }
        try put(data, at: rel, disk: disk)
        locked { remember(remembered, rel: rel, fingerprint: Fingerprint(data)) }
    }

    /// Writes bytes unless the file already holds them, and notes their fingerprint and stat.
    private func put(_ data: Data, at rel: String, disk: Data?) throws {
        ensureGitignore()
        if let code = locked({ writeFault }) {
            throw StoreError(.io, file: rel, "cannot write: \(String(cString: strerror(code)))")
        }
        if disk != data { try folder.writeAtomically(data, to: rel) }
        let st = folder.fileStat(rel)
        locked {
            fingerprints[rel] = Fingerprint(data)
            ownWrites[rel] = st
            ownRemovals.remove(rel)
        }
    }

    private func checkUnchanged(_ rel: String, disk: Data?) throws {
        if let known = locked({ fingerprints[rel] }) {
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

    /// Makes sure `.gitignore` names the lock, drafts and temp files, adding what is missing to a
    /// file the user keeps; once per store, before its first write.
    private func ensureGitignore() {
        guard locked({ () -> Bool in defer { checkedGitignore = true }; return !checkedGitignore }) else { return }
        let existing = (try? folder.read(Store.gitignoreFile)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
        let have = Set((existing ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Store.gitignoreLines.filter { !have.contains($0) }
        guard !missing.isEmpty else { return }
        var text = existing ?? "# Written by Tandem: what must not travel with git.\n"
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try? folder.writeAtomically(Data(text.utf8), to: Store.gitignoreFile)
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
