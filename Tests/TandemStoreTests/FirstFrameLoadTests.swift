import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `load(…, forFirstFrame: true)`: the dashboard's start holds the open records' older sessions
/// lean and does not `stat` the closed files the cache lists; the read whole and the first look
/// for outside changes, right after the frame, give back everything a whole load has.
@Suite struct FirstFrameLoadTests {
    /// A demo store loaded once (the cache written) and the cache aged, so it vouches.
    static func ready() throws -> (TempFolder, Snapshot, Loaded) {
        let tmp = TempFolder()
        let snapshot = try LoadIndexTests.demo(tmp)
        _ = try Store.open(at: tmp.store, forEditing: true).load(scope: .open)
        LoadIndexTests.age(tmp)
        let whole = try Store.open(at: tmp.store, forEditing: true).load(scope: .open)
        return (tmp, snapshot, whole)
    }

    static func sessions(_ r: Record) -> [Session] {
        switch r {
        case .coaching(let e): e.sessions
        case .mentoring(let m): m.sessions
        case .person, .assessment: []
        }
    }

    @Test func olderSessionsAreLeanTheLatestWholeAndReadWholeGivesTheLoad() throws {
        let (tmp, _, whole) = try Self.ready()
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        #expect(first.files == whole.files)
        #expect(first.closedCount == whole.closedCount)
        #expect(first.snapshot.people == whole.snapshot.people)
        let wholeRecords = Dictionary(uniqueKeysWithValues: (whole.snapshot.engagements.map(Record.coaching)
                                                             + whole.snapshot.relationships.map(Record.mentoring)).map { ($0.ref, $0) })
        let firstRecords = first.snapshot.engagements.map(Record.coaching) + first.snapshot.relationships.map(Record.mentoring)
        #expect(Set(firstRecords.map(\.ref)) == Set(wholeRecords.keys))
        #expect(!first.lean.isEmpty, "the demo has open records with more than \(Store.wholeRecentSessions) sessions")
        for record in firstRecords {
            let w = Self.sessions(wholeRecords[record.ref]!), f = Self.sessions(record)
            #expect(f.count == w.count)
            let keep = max(0, w.count - Store.wholeRecentSessions)
            #expect(first.lean.contains(record.ref) == (keep > 0))
            // The latest sessions (all the strip shows) are whole; the older ones keep their
            // dates, minutes, pulse and open action items, and nothing a person wrote besides.
            #expect(Array(f[keep...]) == Array(w[keep...]))
            for (a, b) in zip(f[..<keep], w[..<keep]) {
                #expect(a.textsLeftOut && a.notes.isEmpty && a.topics.isEmpty)
                #expect(a.id == b.id && a.date == b.date && a.minutes == b.minutes && a.pulse == b.pulse
                        && a.visibility == b.visibility && a.nextDate == b.nextDate)
                #expect(a.actionItems == b.actionItems.filter { $0.doneOn == nil })
            }
        }
        // Never saved as it is: the store refuses a lean copy.
        let leanRef = try #require(first.lean.first)
        let leanRecord = try #require(firstRecords.first { $0.ref == leanRef })
        #expect(throws: StoreError.self) { try store.save(leanRecord) }
        // Read whole, each is what a whole load gives, and the base of later saves.
        let (read, failures) = store.readWhole(first.lean)
        #expect(failures.isEmpty)
        #expect(read.count == first.lean.count)
        for r in read { #expect(r == wholeRecords[r.ref]) }
        if case .mentoring(var m) = read.first(where: { $0.ref.kind == .mentoring }) {
            m.focusAreas.append("read whole")
            guard case .saved = try store.save(Record.mentoring(m)) else { Issue.record("a record read whole saves plainly"); return }
        }
        // A command's load reads them whole and `stat`s every file.
        let command = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(command.lean.isEmpty && command.unstated == 0)
    }

    @Test func closedFilesAreNotStatedAndTheFirstLookFindsNothingWhenNothingChanged() throws {
        let (tmp, _, whole) = try Self.ready()
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        #expect(first.unstated == whole.closedCount.coaching + whole.closedCount.mentoring)
        _ = store.readWhole(first.lean)
        let look = try store.changes(since: first.stamp)
        #expect(look.records.isEmpty && look.unreadable.isEmpty)
        #expect(look.stamp == whole.stamp, "the first look's stamp is every file's own stat")
    }

    @Test func aClosedRecordReopenedByHandWhileTheDashboardStartsShowsUpAtTheFirstLook() throws {
        let (tmp, snapshot, whole) = try Self.ready()
        let (r, rel) = LoadIndexTests.closedMentoring(whole, snapshot)
        // "closed" → "active": the same size and modification time; only the change time moves.
        LoadIndexTests.editInPlace(tmp, rel, "\"status\" : \"closed\"", "\"status\" : \"active\"")
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        #expect(!first.snapshot.relationships.contains { $0.id == r.id }, "not stat'ed before the first frame")
        let look = try store.changes(since: first.stamp)
        let change = try #require(look.records.first { $0.ref.id == r.id })
        #expect(change.kind == .changed)
        guard case .mentoring(let reopened)? = change.record else { Issue.record("no record"); return }
        #expect(reopened.status == .active && reopened.sessions == r.sessions)
        #expect(look.records.count == 1)
        // The command line sees it at once.
        let command = try Store.open(at: tmp.store, forEditing: false).load(scope: .open)
        #expect(command.snapshot.relationships.contains { $0.id == r.id })
    }

    @Test func aNewClosedFileIsCountedAndADeletedOneGoes() throws {
        let (tmp, snapshot, whole) = try Self.ready()
        let (r, _) = LoadIndexTests.closedMentoring(whole, snapshot)
        var copy = r
        copy.id = uuid(0xFEED)
        try Store.open(at: tmp.store, forEditing: true).save(copy)
        let removed = snapshot.engagements.first { !$0.isOpen }!
        let removedRel = whole.files[RecordRef(kind: .coaching, id: removed.id)]!
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(removedRel))
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        #expect(first.files[RecordRef(kind: .mentoring, id: copy.id)] != nil)
        #expect(first.files[RecordRef(kind: .coaching, id: removed.id)] == nil)
        #expect(first.closedCount.mentoring == whole.closedCount.mentoring + 1)
        #expect(first.closedCount.coaching == whole.closedCount.coaching - 1)
        #expect(first.unstated == whole.closedCount.coaching + whole.closedCount.mentoring - 1, "the new file is stat'ed and read")
        _ = store.readWhole(first.lean)
        let look = try store.changes(since: first.stamp)
        #expect(look.records.isEmpty && look.unreadable.isEmpty)
    }

    @Test func aCorruptClosedFileIsReportedAtTheFirstLook() throws {
        let (tmp, snapshot, whole) = try Self.ready()
        let (_, rel) = LoadIndexTests.closedMentoring(whole, snapshot)
        try Data("{ \"format\" : 1, \"id\" : ".utf8).write(to: tmp.store.appendingPathComponent(rel))
        // A command refuses the store at once, naming the file.
        #expect { try Store.open(at: tmp.store, forEditing: false).load(scope: .open) } throws: { ($0 as? StoreError)?.file == rel }
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        let look = try store.changes(since: first.stamp)
        #expect(look.unreadable.map(\.file) == [rel])
        #expect(look.records.isEmpty)
    }

    @Test func aClosedFileWhoseStatAloneChangedIsNoChangeAndTheCacheLearnsIt() throws {
        let (tmp, snapshot, whole) = try Self.ready()
        let (_, rel) = LoadIndexTests.closedMentoring(whole, snapshot)
        // A copy of the same bytes (as a checkout or a copy of the folder leaves): a new inode.
        let url = tmp.store.appendingPathComponent(rel)
        let bytes = try Data(contentsOf: url)
        try FileManager.default.removeItem(at: url)
        try bytes.write(to: url)
        chmod(url.path, 0o600)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let first = try store.load(scope: .open, forFirstFrame: true)
        let look = try store.changes(since: first.stamp)
        #expect(look.records.isEmpty && look.unreadable.isEmpty)
        let st = try #require(DataFolder(root: tmp.store).fileStat(rel))
        #expect(LoadIndex.read(from: DataFolder(root: tmp.store)).entries[rel]?.stat == st)
        #expect(look.stamp.entries[rel]?.stat == st && look.stamp.entries[rel]?.fromCache == false)
    }
}
