import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// The load cache (`.cache/load.bin`): the same load as reading every file, and never fooled.
@Suite struct LoadIndexTests {
    static let today = day("2026-11-29")

    /// A demo agency with closed and open records of every kind.
    static func demo(_ tmp: TempFolder) throws -> Snapshot {
        let snapshot = DemoAgency.generate(today: today, options: DemoOptions(seed: 7, people: 24, engagements: 40,
                                                                               relationships: 20, sessions: 600))
        let store = try Store.create(at: tmp.store, agency: snapshot.agency)
        for p in snapshot.people { try store.save(p) }
        for e in snapshot.engagements { try store.save(e) }
        for r in snapshot.relationships { try store.save(r) }
        for a in snapshot.assessments { try store.save(a) }
        return snapshot
    }

    /// Moves the cache file's own time `seconds` ahead, as if it had been written that much later
    /// (the racy rule judges entries by it), instead of sleeping in a test.
    static func age(_ tmp: TempFolder, by seconds: Int = 10) {
        let path = tmp.store.appendingPathComponent(LoadIndex.file).path
        var st = Glibc.stat()
        #expect(fstatat(AT_FDCWD, path, &st, 0) == 0, "the load cache exists")
        var times = [timespec(tv_sec: st.st_mtim.tv_sec + seconds, tv_nsec: 0), timespec(tv_sec: st.st_mtim.tv_sec + seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    static func fileStat(of tmp: TempFolder, _ rel: String) -> Glibc.stat {
        var st = Glibc.stat()
        _ = fstatat(AT_FDCWD, tmp.store.appendingPathComponent(rel).path, &st, 0)
        return st
    }

    /// Rewrites the last occurrence of `from` in a file in place (same inode, same size; the top
    /// level's keys come last in a sorted file), then puts its modification time
    /// back to what it was: only the change time and the bytes tell.
    static func editInPlace(_ tmp: TempFolder, _ rel: String, _ from: String, _ to: String) {
        precondition(from.utf8.count == to.utf8.count)
        let path = tmp.store.appendingPathComponent(rel).path
        let before = fileStat(of: tmp, rel)
        let text = String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self)
        guard let range = text.range(of: from, options: .backwards) else { Issue.record("\(from) not in \(rel)"); return }
        let edited = text.replacingCharacters(in: range, with: to)
        let fd = open(path, O_WRONLY)
        _ = Array(edited.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var times = [before.st_atim, before.st_mtim]
        _ = utimensat(AT_FDCWD, path, &times, 0)
        let after = fileStat(of: tmp, rel)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size
                && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    /// A closed relationship's file.
    static func closedMentoring(_ loaded: Loaded, _ snapshot: Snapshot) -> (MentoringRelationship, String) {
        let r = snapshot.relationships.first { $0.status == .closed }!
        return (r, loaded.files[RecordRef(kind: .mentoring, id: r.id)]!)
    }

    static func same(_ a: Loaded, _ b: Loaded) {
        #expect(a.snapshot == b.snapshot)
        #expect(a.files == b.files)
        #expect(a.closedCount == b.closedCount)
        #expect(a.stamp == b.stamp)
    }

    @Test func aTrustedCacheGivesTheSameLoadWhileReadingOnlyOpenWork() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        let closed = snapshot.engagements.filter { !$0.isOpen }.count + snapshot.relationships.filter { $0.status == .closed }.count
        #expect(closed > 10)
        let first = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        let total = first.files.count
        #expect(first.filesRead == total)
        #expect(tmp.mode(LoadIndex.file) == 0o600 && tmp.mode(LoadIndex.folder) == 0o700)
        Self.age(tmp)
        let second = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        Self.same(first, second)
        #expect(second.filesRead == total - closed)
        // `.all` reads everything whatever the cache says.
        let all = try Store.open(at: tmp.store, forEditing: false).load(scope: .all)
        #expect(all.filesRead == total)
        #expect(all.snapshot.engagements.count == snapshot.engagements.count)
    }

    @Test func aHandEditKeepingSizeAndModificationTimeIsNoticed() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        let first = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        let (r, rel) = Self.closedMentoring(first, snapshot)
        #expect(!first.snapshot.relationships.contains { $0.id == r.id })
        Self.age(tmp)
        // "closed" → "active": the same size, the same mtime to the nanosecond; only ctime moves.
        Self.editInPlace(tmp, rel, "\"status\" : \"closed\"", "\"status\" : \"active\"")
        let second = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(second.snapshot.relationships.first { $0.id == r.id }?.status == .active)
        #expect(second.closedCount.mentoring == first.closedCount.mentoring - 1)
    }

    @Test func anEntryTooFreshToTrustIsReadAgain() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        let first = try store.load(scope: .open)
        // An open engagement whose entry says "closed" with its file's exact stat: what a change
        // within the same clock tick as the cache's writing would leave behind.
        let open = snapshot.engagements.first { $0.isOpen }!
        let rel = first.files[RecordRef(kind: .coaching, id: open.id)]!
        var index = LoadIndex.read(from: DataFolder(root: tmp.store))
        let st = try #require(DataFolder(root: tmp.store).fileStat(rel))
        index.entries[rel] = LoadIndex.Entry(stat: st, id: open.id, format: currentFormat, closed: true)
        LoadIndex.write(index.entries, to: DataFolder(root: tmp.store))
        // Written now, just after the file: too fresh, so the file is read and the record is open.
        let path = tmp.store.appendingPathComponent(LoadIndex.file).path
        var times = [Self.fileStat(of: tmp, rel).st_ctim, Self.fileStat(of: tmp, rel).st_ctim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let racy = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(racy.snapshot.engagements.contains { $0.id == open.id })
        // The same entry in a cache written well after the file is trusted: the rule above is
        // what made the difference.
        LoadIndex.write(index.entries, to: DataFolder(root: tmp.store))
        Self.age(tmp)
        let trusted = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(!trusted.snapshot.engagements.contains { $0.id == open.id })
    }

    /// Open records only, so no closed file read again forces a rewrite: a cache that found its
    /// files too fresh to trust is written again, so that it vouches for them once they are old
    /// enough. Before, it stayed as it was, and every later start scanned those files whole.
    @Test func aCacheThatFoundFilesTooFreshIsWrittenAgain() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        let store = try Store.create(at: tmp.store.appendingPathComponent("open-only"), agency: snapshot.agency)
        for p in snapshot.people.prefix(5) { try store.save(p) }
        for e in snapshot.engagements.filter(\.isOpen).prefix(5) { try store.save(e) }
        let folder = tmp.store.appendingPathComponent("open-only")
        let first = try Store.open(at: folder, forEditing: false).load(scope: .open)
        #expect(first.snapshot.engagements.count == 5)
        // The cache's time set to the newest file's change time: every entry is too fresh.
        let cache = folder.appendingPathComponent(LoadIndex.file).path
        let newest = first.files.values.map { rel -> timespec in
            var st = Glibc.stat()
            _ = fstatat(AT_FDCWD, folder.appendingPathComponent(rel).path, &st, 0)
            return st.st_ctim
        }.max { ($0.tv_sec, $0.tv_nsec) < ($1.tv_sec, $1.tv_nsec) }!
        var times = [newest, newest]
        #expect(utimensat(AT_FDCWD, cache, &times, 0) == 0)
        let second = try Store.open(at: folder, forEditing: false).load(scope: .open)
        #expect(second.snapshot == first.snapshot)
        var st = Glibc.stat()
        #expect(fstatat(AT_FDCWD, cache, &st, 0) == 0)
        #expect((st.st_mtim.tv_sec, st.st_mtim.tv_nsec) != (newest.tv_sec, newest.tv_nsec), "the cache was written again")
    }

    @Test func filesAddedAndRemovedAreNoticed() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        let first = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        Self.age(tmp)
        let (r, rel) = Self.closedMentoring(first, snapshot)
        // A copy with another id (as a `git pull` brings one), and one closed file removed.
        var copy = r
        copy.id = uuid(0xFEED)
        try Store.open(at: tmp.store, forEditing: true).save(copy)
        let removed = snapshot.engagements.first { !$0.isOpen }!
        let removedRel = first.files[RecordRef(kind: .coaching, id: removed.id)]!
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(removedRel))
        let second = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(second.files[RecordRef(kind: .mentoring, id: copy.id)] != nil)
        #expect(second.files[RecordRef(kind: .coaching, id: removed.id)] == nil)
        #expect(second.closedCount.mentoring == first.closedCount.mentoring + 1)
        #expect(second.closedCount.coaching == first.closedCount.coaching - 1)
        #expect(rel != removedRel)
        // And the slow path agrees.
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(LoadIndex.file))
        Self.same(second, try Store.open(at: tmp.store, forEditing: false).load(scope: .open))
    }

    @Test func aCorruptCacheIsIgnoredAndRebuilt() throws {
        let tmp = TempFolder()
        _ = try Self.demo(tmp)
        let reference = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        let good = tmp.read(LoadIndex.file)
        #expect(LoadIndex.decode(good) != nil)
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        let cases: [(String, Data)] = [
            ("garbage", Data("not a cache at all\n".utf8)),
            ("empty", Data()),
            ("truncated", good.prefix(good.count - 7)),
            ("a flipped bit", flipped),
            ("another version", Data(LoadIndex.magic + [9, 0, 0, 0]) + good.dropFirst(12)),
        ]
        for (what, bytes) in cases {
            #expect(LoadIndex.decode(bytes) == nil, "\(what) is refused as a whole")
            FileManager.default.createFile(atPath: tmp.store.appendingPathComponent(LoadIndex.file).path, contents: bytes)
            Self.age(tmp)
            let loaded = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
            Self.same(reference, loaded)
            #expect(loaded.filesRead == reference.files.count, "\(what): every file read")
            #expect(LoadIndex.decode(tmp.read(LoadIndex.file)) != nil, "\(what): rebuilt")
        }
        // A folder where the cache should be: loading still works.
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(LoadIndex.file))
        try FileManager.default.createDirectory(at: tmp.store.appendingPathComponent(LoadIndex.file), withIntermediateDirectories: true)
        Self.same(reference, try Store.open(at: tmp.store, forEditing: false).load(scope: .open))
    }

    @Test func theCacheNeverLetsASaveSkipTheCompare() throws {
        let tmp = TempFolder()
        let snapshot = try Self.demo(tmp)
        _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        Self.age(tmp)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try store.load(scope: .open)
        #expect(loaded.filesRead < loaded.files.count, "the cache was used")

        // An open record edited by hand after the load (same size, same mtime): our save merges it.
        let e = loaded.snapshot.engagements.first { $0.isOpen && $0.focus.count >= 3 }!
        let rel = loaded.files[RecordRef(kind: .coaching, id: e.id)]!
        let focus = e.focus
        let edited = String(focus.prefix(focus.count - 3)) + "XYZ"
        Self.editInPlace(tmp, rel, "\"focus\" : \"\(focus)\"", "\"focus\" : \"\(edited)\"")
        var ours = e
        ours.outcome = "Ours"
        let outcome = try store.save(.coaching(ours))
        guard case .merged(.coaching(let merged), _) = outcome else { Issue.record("expected a merge, got \(outcome)"); return }
        #expect(merged.focus == edited && merged.outcome == "Ours")

        // A closed record the cache vouched for: loading it reads the file, and a save compares.
        let closed = snapshot.relationships.first { $0.status == .closed }!
        let ref = RecordRef(kind: .mentoring, id: closed.id)
        guard case .mentoring(var r) = try store.loadRecord(ref) else { Issue.record("not mentoring"); return }
        let closedRel = loaded.files[ref]!
        let text = tmp.text(closedRel).replacingOccurrences(of: "\"cadenceDays\" : \(r.cadenceDays)", with: "\"cadenceDays\" : 99")
        tmp.write(text, to: closedRel)
        r.outcome = "Ours too"
        guard case .merged(.mentoring(let m), _) = try store.save(.mentoring(r)) else { Issue.record("expected a merge"); return }
        #expect(m.cadenceDays == 99 && m.outcome == "Ours too")
    }

    @Test func aLoadOfSomeKindsKeepsTheCacheOfTheOthers() throws {
        let tmp = TempFolder()
        _ = try Self.demo(tmp)
        let all = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        let before = LoadIndex.read(from: DataFolder(root: tmp.store)).entries
        let some = try Store.open(at: tmp.store, forEditing: false).load(scope: .open, kinds: [.person, .coaching])
        #expect(some.snapshot.relationships.isEmpty && some.snapshot.people == all.snapshot.people)
        #expect(some.snapshot.engagements == all.snapshot.engagements)
        #expect(some.files == all.files)
        #expect(LoadIndex.read(from: DataFolder(root: tmp.store)).entries == before)
        // Cached, the other kinds are not read at all…
        Self.age(tmp)
        let quick = try Store.open(at: tmp.store, forEditing: false).load(scope: .open, kinds: [.person, .coaching])
        #expect(quick.filesRead == all.snapshot.people.count + all.snapshot.engagements.count)
        #expect(quick.snapshot == some.snapshot && quick.closedCount == some.closedCount)
        // …but a file of another kind changed since still fails the load, naming it.
        let r = all.snapshot.relationships[0]
        let rel = all.files[RecordRef(kind: .mentoring, id: r.id)]!
        tmp.write(tmp.text(rel).replacingOccurrences(of: "\"cadenceDays\" : \(r.cadenceDays)", with: "\"cadenceDays\" : 9000"), to: rel)
        let e = storeError { _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .open, kinds: [.person, .coaching]) }
        #expect(e?.file == rel && e?.message.contains("cadenceDays") == true, "\(String(describing: e))")
    }

    @Test func aCacheFolderThatIsASymlinkIsNeitherReadNorWritten() throws {
        let tmp = TempFolder()
        _ = try Self.demo(tmp)
        let outside = tmp.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: tmp.store.appendingPathComponent(LoadIndex.folder), withDestinationURL: outside)
        let loaded = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(loaded.filesRead == loaded.files.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written outside the data folder")
    }

    /// An open record the cache vouches for is decoded without being scanned again; an in-place
    /// edit that keeps its size and modification time still reads the new bytes (the change
    /// time tells), and the load is the same as one without any cache.
    @Test func anOpenRecordEditedInPlaceIsReadAnew() throws {
        let tmp = TempFolder()
        _ = try Self.demo(tmp)
        let first = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        Self.age(tmp)
        let r = first.snapshot.relationships.first { $0.status == .active && $0.cadenceDays >= 10 && $0.cadenceDays <= 98 }!
        let rel = first.files[RecordRef(kind: .mentoring, id: r.id)]!
        Self.same(first, try Store.open(at: tmp.store, forEditing: false).load(scope: .open))
        Self.editInPlace(tmp, rel, "\"cadenceDays\" : \(r.cadenceDays)", "\"cadenceDays\" : \(r.cadenceDays + 1)")
        let second = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(second.snapshot.relationships.first { $0.id == r.id }?.cadenceDays == r.cadenceDays + 1)
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(LoadIndex.file))
        Self.same(second, try Store.open(at: tmp.store, forEditing: false).load(scope: .open))
    }

    /// A vouched-for file the quick decoder will not take (an escaped key) or whose range checks
    /// fail is loaded the whole way, with the same record or the same error as without a cache.
    @Test func aVouchedFileTheQuickWayRefusesTakesTheWholeWay() throws {
        let tmp = TempFolder()
        _ = try Self.demo(tmp)
        let first = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        let r = first.snapshot.relationships.first { $0.status == .active && !$0.sessions.isEmpty }!
        let rel = first.files[RecordRef(kind: .mentoring, id: r.id)]!
        // "minutes" written as "\u006dinutes": the same key to JSONDecoder, not to the quick decoder.
        tmp.write(tmp.text(rel).replacingOccurrences(of: "\"minutes\"", with: "\"\\u006dinutes\""), to: rel)
        let reference = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(reference.snapshot.relationships.first { $0.id == r.id }?.sessions == r.sessions)
        Self.age(tmp)
        Self.same(reference, try Store.open(at: tmp.store, forEditing: false).load(scope: .open))
        // An entry that vouches for a file whose bytes would fail a range check (an entry no clean
        // load could make: the whole way is taken, and its message given).
        let bad = first.snapshot.relationships.first { $0.status == .active && $0.id != r.id && !$0.sessions.isEmpty }!
        let badRel = first.files[RecordRef(kind: .mentoring, id: bad.id)]!
        let text = tmp.text(badRel)
        let minutes = "\"minutes\" : \(bad.sessions[0].minutes)"
        let range = try #require(text.range(of: minutes))
        tmp.write(text.replacingCharacters(in: range, with: "\"minutes\" : 9999"), to: badRel)
        var index = LoadIndex.read(from: DataFolder(root: tmp.store))
        index.entries[badRel] = LoadIndex.Entry(stat: DataFolder(root: tmp.store).fileStat(badRel)!, id: bad.id, format: currentFormat, closed: false)
        index.write(to: DataFolder(root: tmp.store))
        Self.age(tmp)
        let e = storeError { _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .open) }
        #expect(e?.file == badRel && e?.message.contains("minutes") == true && e?.line != nil, "\(String(describing: e))")
    }

    /// The cache and a folder's listing are both in byte order and walked side by side: every
    /// listed file finds its own entry, whatever names share a prefix, and nothing else does.
    @Test func theCacheIsMatchedToTheListingInByteOrder() throws {
        let tmp = TempFolder()
        let names = ["b.json", "a.json", "aa.json", "abcdefghijklmnop.json", "abcdefghijklmnopq.json", "abcdefghijklmnoq.json",
                     "abcdefghijklmnop-2.json", "z\u{e9}.json", "\u{e9}t\u{e9}.json", "Z.json", "0.json", "abcdefgh.json"]
        for name in names { tmp.write("{}", to: "coaching/\(name)") }
        tmp.write("{}", to: "coaching/.hidden.json")
        tmp.write("{}", to: "coaching/notes.txt")
        let folder = DataFolder(root: tmp.store)
        let listed = try folder.listJSONFiles(in: "coaching")
        let expected = names.map { "coaching/\($0)" }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(listed.map(\.rel) == expected)
        #expect(listed.allSatisfy { $0.stat != nil })
        // Entries for every other file, one stale name, and a person (another folder).
        var pairs: [(rel: String, entry: LoadIndex.Entry)] = []
        for (k, file) in listed.enumerated() where k % 2 == 0 {
            pairs.append((file.rel, LoadIndex.Entry(stat: file.stat!, id: uuid(k + 1), format: 1, closed: true)))
        }
        pairs.append(("coaching/gone.json", LoadIndex.Entry(stat: listed[0].stat!, id: uuid(99), format: 1, closed: true)))
        pairs.append(("people/x.json", LoadIndex.Entry(stat: listed[0].stat!, id: uuid(98), format: 1, closed: false)))
        var index = try #require(LoadIndex.decode(LoadIndex(pairs.shuffled()).encode()))
        #expect(index.count == pairs.count)
        var cursor = index.lowerBound("coaching/")
        for (k, file) in listed.enumerated() {
            let slot = index.match(file.rel, from: &cursor)
            if k % 2 == 0 {
                let found = try #require(slot, "\(file.rel) finds its entry")
                #expect(index.path(at: found) == file.rel && index.slots[found].id == uuid(k + 1))
            } else {
                #expect(slot == nil, "\(file.rel) has no entry")
            }
            // A cache with no time of its own vouches for nothing.
            #expect(index.trusted(file.rel, stat: file.stat!) == nil)
        }
        // Written well after the files: the look-up in any order finds what the walk found.
        index.written = Int64(Date().timeIntervalSince1970 + 60) * 1_000_000_000
        for (k, file) in listed.enumerated() {
            #expect(index.trusted(file.rel, stat: file.stat!)?.id == (k % 2 == 0 ? uuid(k + 1) : nil), "\(file.rel)")
        }
        #expect(index.trusted("coaching/gone.json", stat: listed[0].stat!)?.id == uuid(99))
        #expect(index.entries.count == pairs.count && index.entries["people/x.json"]?.id == uuid(98))
    }

    /// What `match` relies on is checked when the cache is read: paths out of order or repeated
    /// refuse the whole cache, even with a correct checksum.
    @Test func aCacheOutOfOrderIsRefused() throws {
        let st = FileStat(size: 1, modified: 2, changed: 3, inode: 4, device: 5)
        let good = LoadIndex([("coaching/a.json", LoadIndex.Entry(stat: st, id: uuid(1), format: 1, closed: true)),
                              ("coaching/b.json", LoadIndex.Entry(stat: st, id: uuid(2), format: 1, closed: true))]).encode()
        #expect(LoadIndex.decode(good)?.count == 2)
        func resummed(_ body: [UInt8]) -> Data {
            var out = Array(good.prefix(16))
            withUnsafeBytes(of: body.withUnsafeBufferPointer { LoadIndex.checksum($0) }.littleEndian) { out.append(contentsOf: $0) }
            return Data(out + body)
        }
        var body = Array(good.dropFirst(24))
        #expect(LoadIndex.decode(resummed(body)) != nil, "re-summing alone changes nothing")
        // "a" and "b" swapped: the second entry now sorts before the first.
        let a = body.firstIndex(of: UInt8(ascii: "a"))!, b = body.firstIndex(of: UInt8(ascii: "b"))!
        body[a] = UInt8(ascii: "b"); body[b] = UInt8(ascii: "a")
        #expect(LoadIndex.decode(resummed(body)) == nil, "out of order")
        body[b] = UInt8(ascii: "b")
        #expect(LoadIndex.decode(resummed(body)) == nil, "the same path twice")
    }

    /// A folder big enough to be stat'ed on every core lists exactly what one `fstatat` at a time
    /// would: the same order, the same stats, nothing but regular files given one.
    @Test func aBigFolderIsListedAndStatedAsASmallOneIs() throws {
        let tmp = TempFolder()
        for k in 0..<700 { tmp.write("{\"k\":\(k)}", to: "mentoring/r-\(String(k * 7919 % 1000, radix: 16)).json") }
        try FileManager.default.createDirectory(at: tmp.store.appendingPathComponent("mentoring/folder.json"), withIntermediateDirectories: true)
        let folder = DataFolder(root: tmp.store)
        let listed = try folder.listJSONFiles(in: "mentoring")
        #expect(listed.count == 701)
        #expect(listed.map(\.rel) == listed.map(\.rel).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for file in listed {
            if file.rel == "mentoring/folder.json" {
                #expect(file.stat == nil, "not a regular file")
            } else {
                #expect(file.stat == folder.fileStat(file.rel), "\(file.rel)")
            }
        }
    }

    @Test func theGitignoreKeepsTheCacheOutOfGit() throws {
        #expect(Store.gitignoreLines.contains(LoadIndex.folder + "/"))
    }
}

/// The quick decoder decodes exactly what JSONDecoder does, and leaves the rest to it.
@Suite struct FastDecoderTests {
    @Test func everyDemoFileDecodesTheSameBothWays() throws {
        let tmp = TempFolder()
        _ = try LoadIndexTests.demo(tmp)
        var count = 0
        for (rel, data) in tmp.allFiles() where rel.hasSuffix(".json") && !rel.hasPrefix("drafts") {
            let kind = rel.split(separator: "/").first.flatMap { RecordKind(rawValue: String($0)) }
            let decoder = JSONDecoder()
            switch kind {
            case .person?: #expect(FastJSONDecoder.decode(Person.self, from: data) == (try decoder.decode(Person.self, from: data)), "\(rel)")
            case .coaching?: #expect(FastJSONDecoder.decode(CoachingEngagement.self, from: data) == (try decoder.decode(CoachingEngagement.self, from: data)), "\(rel)")
            case .mentoring?: #expect(FastJSONDecoder.decode(MentoringRelationship.self, from: data) == (try decoder.decode(MentoringRelationship.self, from: data)), "\(rel)")
            case .assessment?: #expect(FastJSONDecoder.decode(Assessment.self, from: data) == (try decoder.decode(Assessment.self, from: data)), "\(rel)")
            case nil: #expect(FastJSONDecoder.decode(Agency.self, from: data) == (try decoder.decode(Agency.self, from: data)), "\(rel)")
            }
            count += 1
        }
        #expect(count > 80)
    }

    @Test func escapesAndNumbersDecodeTheSame() throws {
        let json = #"{"format":1,"id":"a1b2c3d4-0000-4000-8000-00000000000A","name":"Jo\u00e3o \"J\" \ud83d\ude00\n\t\/","role":"","team":"T","level":"mid","expertise":[],"interests":["a\\b"],"mentoringCapacity":0}"#
        let data = Data(json.utf8)
        let fast = try #require(FastJSONDecoder.decode(Person.self, from: data))
        #expect(fast == (try JSONDecoder().decode(Person.self, from: data)))
        #expect(fast.name == "João \"J\" 😀\n\t/")
        let metric = #"{"id":"00000000-0000-4000-8000-000000000001","name":"m","unit":"%","baseline":0.1,"target":-2.5e3,"direction":"higherIsBetter","readings":[{"date":"2026-01-02","value":12345678901234567}]}"#
        let m = Data(metric.utf8)
        #expect(FastJSONDecoder.decode(Metric.self, from: m) == (try JSONDecoder().decode(Metric.self, from: m)))
    }

    @Test func whatItDoesNotHandleItLeavesToJSONDecoder() throws {
        let base = #"{"format":1,"id":"a1b2c3d4-0000-4000-8000-00000000000a","name":NAME,"role":"","team":"T","level":"mid","expertise":[],"interests":[],"mentoringCapacity":CAP}"#
        func person(_ name: String, _ cap: String = "0") -> Data {
            Data(base.replacingOccurrences(of: "NAME", with: name).replacingOccurrences(of: "CAP", with: cap).utf8)
        }
        let cases: [(String, Data)] = [
            ("a lone surrogate", person(#""\ud800""#)),
            ("a number where text belongs", person("12")),
            ("a fraction where a whole number belongs", person(#""A""#, "1.5")),
            ("a huge number", person(#""A""#, "1e400")),
            ("a number too small to be anything but 0", person(#""A""#, "1e-400")),
            ("a missing field", Data(#"{"format":1,"id":"a1b2c3d4-0000-4000-8000-00000000000a"}"#.utf8)),
            ("an escaped key", Data(base.replacingOccurrences(of: "\"name\":NAME", with: #""n\u0061me":"A""#).replacingOccurrences(of: "CAP", with: "0").utf8)),
            ("a bad id", Data(base.replacingOccurrences(of: "a1b2c3d4-", with: "a1b2c3dX-").replacingOccurrences(of: "NAME", with: #""A""#).replacingOccurrences(of: "CAP", with: "0").utf8)),
            ("truncated", person(#""A""#).dropLast(3)),
        ]
        for (what, data) in cases {
            #expect(FastJSONDecoder.decode(Person.self, from: data) == nil, "\(what)")
        }
        // The fallback still decodes what only JSONDecoder takes.
        let escapedKey = try #require(cases.first { $0.0 == "an escaped key" }).1
        #expect((try? JSONDecoder().decode(Person.self, from: escapedKey))?.name == "A")
    }

    /// Sessions are read straight from the tape: the same values as `JSONDecoder` for every
    /// shape a file may hold, and anything odd left to it.
    @Test func sessionsDecodeTheSameBothWays() throws {
        func relationship(_ sessions: String) -> Data {
            Data(#"{"format":1,"id":"00000000-0000-4000-8000-000000000001","mentorID":"00000000-0000-4000-8000-000000000002","menteeID":"00000000-0000-4000-8000-000000000003","start":"2026-01-01","cadenceDays":14,"status":"active","focusAreas":[],"goals":[],"history":[],"sessions":["#.utf8 + Data(sessions.utf8) + Data("]}".utf8))
        }
        let id = #""id":"00000000-0000-4000-8000-00000000000A""#
        let same = [
            #"{\#(id),"date":"2026-02-01","minutes":45,"notes":"n","topics":["a","b\u00e9"],"actionItems":[],"visibility":"shared"}"#,
            #"{"visibility":"private","actionItems":[{"text":"t","id":"00000000-0000-4000-8000-00000000000B","due":"2026-02-03","doneOn":null}],"topics":[],"notes":"Line\none \"q\"","minutes":1,"date":"2026-02-01",\#(id),"pulse":null,"nextDate":"2026-02-10","extra":{"x":[1,2]}}"#,
            #"{\#(id),"date":"2026-02-01","minutes":45,"notes":"","topics":[],"actionItems":[{"id":"00000000-0000-4000-8000-00000000000C","text":"x","doneOn":"2026-02-02"}],"pulse":5,"visibility":"partners","sealed":null}"#,
        ]
        for (k, s) in same.enumerated() {
            let data = relationship(s + "," + s.replacingOccurrences(of: "0000000A", with: "0000000D"))
            let fast = try #require(FastJSONDecoder.decode(MentoringRelationship.self, from: data), "case \(k)")
            #expect(fast == (try JSONDecoder().decode(MentoringRelationship.self, from: data)), "case \(k)")
            #expect(fast.sessions.count == 2)
        }
        let given = same[0]
        let leftToJSONDecoder = [
            ("a key twice", given.replacingOccurrences(of: #""minutes":45"#, with: #""minutes":45,"minutes":50"#)),
            ("an escaped key", given.replacingOccurrences(of: #""notes""#, with: #""\u006eotes""#)),
            ("a required field missing", given.replacingOccurrences(of: #""minutes":45,"#, with: "")),
            ("a required field null", given.replacingOccurrences(of: #""notes":"n""#, with: #""notes":null"#)),
            ("an unknown visibility", given.replacingOccurrences(of: #""shared""#, with: #""public""#)),
            ("a fraction for minutes", given.replacingOccurrences(of: "45", with: "45.5")),
            ("a null topic", given.replacingOccurrences(of: #"["a","b\u00e9"]"#, with: #"["a",null]"#)),
            ("a session that is no object", "[]"),
        ]
        for (what, s) in leftToJSONDecoder {
            #expect(FastJSONDecoder.decode(MentoringRelationship.self, from: relationship(s)) == nil, "\(what)")
        }
    }

    /// A record's sessions in the shape they are saved in are read by `SessionParser` as the
    /// tape is built (one `.sessions` node), to the same values as `JSONDecoder`; any other shape
    /// goes on the tape as before and is decoded (or given up) there, with the same result.
    @Test func plainSessionsAreReadWhileParsingAndOddOnesOnTheTape() throws {
        func relationship(_ sessions: String, pretty: Bool = false) -> Data {
            let text = #"{"format":1,"id":"00000000-0000-4000-8000-000000000001","mentorID":"00000000-0000-4000-8000-000000000002","menteeID":"00000000-0000-4000-8000-000000000003","start":"2026-01-01","cadenceDays":14,"status":"active","focusAreas":[],"goals":[],"history":[],"sessions":["# + sessions + "]}"
            return Data((pretty ? text.replacingOccurrences(of: ",\"", with: ",\n      \"").replacingOccurrences(of: "\":", with: "\" :\t") : text).utf8)
        }
        func parsed(_ data: Data) -> Bool {
            data.withUnsafeBytes { raw in
                var parser = TapeParser(raw.bindMemory(to: UInt8.self))
                return parser.parse() && parser.nodes.contains { $0.kind == .sessions }
            }
        }
        let id = #""id":"00000000-0000-4000-8000-00000000000A""#
        let plain: [String] = [
            #"{\#(id),"date":"2026-02-01","minutes":45,"notes":"n","topics":["a","b\u00e9"],"actionItems":[],"visibility":"shared"}"#,
            #"{"visibility":"private","actionItems":[{"text":"t \"q\" \ud83d\ude00","id":"00000000-0000-4000-8000-00000000000B","due":"2026-02-03","doneOn":null}],"topics":[],"notes":"Line\none «é»","minutes":-1,"date":"2026-02-01",\#(id),"pulse":null,"nextDate":"2026-02-10","sealed":null}"#,
            #"{\#(id),"date":"2026-02-01","minutes":0,"notes":"","topics":[],"actionItems":[{"id":"00000000-0000-4000-8000-00000000000c","text":"x","doneOn":"2026-02-02"}],"pulse":5,"visibility":"partners"}"#,
            #" { \#(id) , "date" : "2026-02-01" , "minutes" : 45 , "notes" : "" , "topics" : [ ] , "actionItems" : [ ] , "visibility" : "sh\u0061red" } "#,
        ]
        for (k, s) in plain.enumerated() {
            for pretty in [false, true] {
                let data = relationship(s + "," + s.replacingOccurrences(of: "0000000A", with: "0000000D"), pretty: pretty)
                #expect(parsed(data), "case \(k)")
                let fast = try #require(FastJSONDecoder.decode(MentoringRelationship.self, from: data), "case \(k)")
                #expect(fast == (try JSONDecoder().decode(MentoringRelationship.self, from: data)), "case \(k)")
                #expect(fast.sessions.count == 2)
            }
        }
        #expect(parsed(relationship("")))
        #expect(try #require(FastJSONDecoder.decode(MentoringRelationship.self, from: relationship(""))).sessions.isEmpty)
        let given = plain[0]
        // Left to the tape, which decodes them the same as JSONDecoder.
        let onTheTape: [(String, String)] = [
            ("an unknown key", given.replacingOccurrences(of: #""minutes":45"#, with: #""minutes":45,"extra":{"x":[1,true]}"#)),
            ("an unknown key of an action item", plain[2].replacingOccurrences(of: #""text":"x""#, with: #""text":"x","late":false"#)),
        ]
        for (what, s) in onTheTape {
            let data = relationship(s)
            #expect(!parsed(data), "\(what)")
            let fast = try #require(FastJSONDecoder.decode(MentoringRelationship.self, from: data), "\(what)")
            #expect(fast == (try JSONDecoder().decode(MentoringRelationship.self, from: data)), "\(what)")
        }
        // Given up on the tape, so JSONDecoder decides, as before.
        let givenUp: [(String, String)] = [
            ("a key twice", given.replacingOccurrences(of: #""minutes":45"#, with: #""minutes":45,"minutes":50"#)),
            ("an escaped key", given.replacingOccurrences(of: #""notes""#, with: #""\u006eotes""#)),
            ("a required field missing", given.replacingOccurrences(of: #""minutes":45,"#, with: "")),
            ("a required field null", given.replacingOccurrences(of: #""notes":"n""#, with: #""notes":null"#)),
            ("an unknown visibility", given.replacingOccurrences(of: #""shared""#, with: #""public""#)),
            ("a fraction for minutes", given.replacingOccurrences(of: "45", with: "45.5")),
            ("an exponent for minutes", given.replacingOccurrences(of: "45", with: "4e1")),
            ("minutes as text", given.replacingOccurrences(of: "45", with: #""45""#)),
            ("a null topic", given.replacingOccurrences(of: #"["a","b\u00e9"]"#, with: #"["a",null]"#)),
            ("a day that does not exist", given.replacingOccurrences(of: "2026-02-01", with: "2026-02-30")),
            ("a day with an escape", given.replacingOccurrences(of: "2026-02-01", with: #"2026-02-0\u0031"#)),
            ("a short id", given.replacingOccurrences(of: "0000000A\"", with: "000000A\"")),
            ("a lone surrogate in the notes", given.replacingOccurrences(of: #""n""#, with: #""\ud800""#)),
            ("a session that is no object", "[]"),
            ("an empty session", "{}"),
        ]
        for (what, s) in givenUp {
            #expect(!parsed(relationship(s)), "\(what)")
            #expect(FastJSONDecoder.decode(MentoringRelationship.self, from: relationship(s)) == nil, "\(what)")
        }
    }

    /// Strings are split at quotes and backslashes eight bytes at a time: an escape or the closing
    /// quote at every place within and across those eight bytes reads the same as `JSONDecoder`.
    @Test func stringsEndAndEscapeAtEveryPlace() throws {
        let base = #"{"format":1,"id":"a1b2c3d4-0000-4000-8000-00000000000a","name":NAME,"role":"","team":"T","level":"mid","expertise":[],"interests":[],"mentoringCapacity":0}"#
        for before in 0..<18 {
            for escape in [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, "é", ""] {
                for after in [0, 1, 7, 8, 9] {
                    let name = "\"" + String(repeating: "a", count: before) + escape + String(repeating: "b", count: after) + "\""
                    let data = Data(base.replacingOccurrences(of: "NAME", with: name).utf8)
                    let fast = FastJSONDecoder.decode(Person.self, from: data)
                    let slow = try JSONDecoder().decode(Person.self, from: data)
                    #expect(fast == slow, "\(name)")
                }
            }
        }
    }

    @Test func uuidsParseAsUUIDStringDoes() {
        for text in ["a1b2c3d4-0000-4000-8000-00000000000a", "A1B2C3D4-0000-4000-8000-00000000000A", "a1b2c3d4-0000-4000-8000-00000000000",
                     "a1b2c3d4x0000-4000-8000-00000000000a", "g1b2c3d4-0000-4000-8000-00000000000a", "", "a1b2c3d4-0000-4000-8000-00000000000a0"] {
            #expect(FastUUID.parse(text) == UUID(uuidString: text), "\(text)")
        }
        // Every byte in a few places: the hex digits of both cases and nothing else (a dash at a dash's place).
        let base = Array("01234567-89ab-CDEF-abcd-0123456789AB".utf8)
        #expect(base.withUnsafeBufferPointer { FastUUID.parse($0) } == UUID(uuidString: "01234567-89AB-CDEF-ABCD-0123456789AB"))
        for at in [0, 7, 8, 9, 12, 14, 17, 19, 22, 24, 27, 28, 35] {
            for byte in UInt8(0)...UInt8(255) {
                var text = base
                text[at] = byte
                let fast = text.withUnsafeBufferPointer { FastUUID.parse($0) }
                // Foundation's parser takes a few more (a space, a sign where a number starts):
                // those give up, and JSONDecoder decides.
                let hex = (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
                #expect((fast != nil) == (at == 8 ? byte == UInt8(ascii: "-") : hex), "byte \(byte) at \(at)")
                if let fast { #expect(fast == UUID(uuidString: String(decoding: text, as: UTF8.self)), "byte \(byte) at \(at)") }
            }
        }
    }
}
