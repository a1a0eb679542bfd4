import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store saves: merged with outside changes, conflicts reported, nothing lost")
struct StoreMergeTests {
    /// A store with every sample saved, reopened and loaded as a fresh instance would.
    private func loadedStore(_ tmp: TempFolder) throws -> (Store, Loaded) {
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let store = try Store.open(at: tmp.store, forEditing: true)
        return (store, try store.load(scope: .open))
    }

    /// Another editor of the same folder saves `change` of the record as it is on disk.
    private func otherEditor(_ tmp: TempFolder, _ ref: RecordRef, _ change: (Record) -> Record) throws {
        let other = try Store.open(at: tmp.store, forEditing: true)
        _ = try other.load(scope: .all)
        try other.modify(ref) { change($0) }
    }

    private static let ref = RecordRef(kind: .coaching, id: Sample.coaching.id)

    private static func coaching(_ change: @escaping (inout CoachingEngagement) -> Void) -> (Record) -> Record {
        { record in
            guard case .coaching(var e) = record else { return record }
            change(&e)
            return .coaching(e)
        }
    }

    private func onDisk(_ store: Store) throws -> CoachingEngagement {
        let fresh = try Store.open(at: store.root, forEditing: false)
        _ = try fresh.load(scope: .all)
        guard case .coaching(let e) = try fresh.loadRecord(Self.ref) else { throw StoreError(.notFound, "not coaching") }
        return e
    }

    @Test func anUnchangedFileIsSimplyWritten() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        var mine = Sample.coaching
        mine.focus = "Mine"
        #expect(try store.save(.coaching(mine)) == .saved(file: loaded.files[Self.ref]!))
        #expect(try onDisk(store) == mine)
    }

    @Test func anOutsideChangeToAnotherFieldIsMergedAndReturned() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        try otherEditor(tmp, Self.ref, Self.coaching { $0.deadline = day("2026-06-01") })
        var mine = Sample.coaching
        mine.focus = "Mine"
        var expected = mine
        expected.deadline = day("2026-06-01")
        #expect(try store.save(.coaching(mine)) == .merged(.coaching(expected), file: loaded.files[Self.ref]!))
        #expect(try onDisk(store) == expected)
        // The merged version is the new base: saving on from it is a plain save.
        expected.outcome = "Won"
        #expect(try store.save(.coaching(expected)) == .saved(file: loaded.files[Self.ref]!))
        #expect(try onDisk(store) == expected)
    }

    @Test func sessionsLoggedOnBothSidesAreAllKept() throws {
        let tmp = TempFolder()
        let (store, _) = try loadedStore(tmp)
        let theirs = Session(id: uuid(0x71), date: day("2026-03-09"), minutes: 30, notes: "theirs")
        try otherEditor(tmp, Self.ref, Self.coaching { $0.sessions.append(theirs) })
        var mine = Sample.coaching
        let ours = Session(id: uuid(0x72), date: day("2026-03-16"), minutes: 60, notes: "mine")
        mine.sessions.append(ours)
        guard case .merged(.coaching(let merged), _) = try store.save(.coaching(mine)) else {
            Issue.record("expected a merge"); return
        }
        #expect(merged.sessions.map(\.notes) == ["Pitch rehearsal", "theirs", "mine"])
        #expect(try onDisk(store).sessions == merged.sessions)
    }

    @Test func theSameFieldChangedBothWaysIsAConflictAndWritesNothing() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[Self.ref])
        try otherEditor(tmp, Self.ref, Self.coaching { $0.focus = "Theirs"; $0.outcome = "Their outcome" })
        let before = tmp.text(rel)
        var mine = Sample.coaching
        mine.focus = "Mine"
        mine.plannedSessions = 8
        guard case .conflict(let conflict) = try store.save(.coaching(mine)) else {
            Issue.record("expected a conflict"); return
        }
        #expect(tmp.text(rel) == before, "a conflict wrote something")
        #expect(conflict.file == rel)
        #expect(conflict.conflicts.map(\.path.description) == ["focus"])
        #expect(conflict.conflicts.first?.ours == "\"Mine\"" && conflict.conflicts.first?.theirs == "\"Theirs\"")
        #expect(conflict.base == .coaching(Sample.coaching))
        #expect(conflict.ours == .coaching(mine))
        guard case .coaching(let disk)? = conflict.disk, case .coaching(let partial) = conflict.partial else {
            Issue.record("expected coaching records"); return
        }
        #expect(disk.focus == "Theirs")
        #expect(partial.focus == "Mine" && partial.outcome == "Their outcome" && partial.plannedSessions == 8)

        // Saving again without settling it asks again.
        guard case .conflict = try store.save(.coaching(mine)) else { Issue.record("expected the conflict again"); return }
        // Settled (keep theirs at the conflict): written, with the rest merged.
        var settled = partial
        settled.focus = "Theirs"
        #expect(try store.save(.coaching(settled), resolving: conflict) == .saved(file: rel))
        #expect(try onDisk(store) == settled)
        // And the settled version is the base from now on.
        settled.cadenceDays = 10
        #expect(try store.save(.coaching(settled)) == .saved(file: rel))
    }

    @Test func aResolutionStillMergesWhatChangedAfterTheConflict() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        try otherEditor(tmp, Self.ref, Self.coaching { $0.focus = "Theirs" })
        var mine = Sample.coaching
        mine.focus = "Mine"
        guard case .conflict(let conflict) = try store.save(.coaching(mine)) else { Issue.record("expected a conflict"); return }
        try otherEditor(tmp, Self.ref, Self.coaching { $0.outcome = "Later" })
        guard case .merged(.coaching(let merged), let file) = try store.save(conflict.partial, resolving: conflict) else {
            Issue.record("expected a merge"); return
        }
        #expect(file == loaded.files[Self.ref])
        #expect(merged.focus == "Mine" && merged.outcome == "Later")
        #expect(try onDisk(store) == merged)
    }

    @Test func aFileDeletedOnDiskIsAConflictUntilKept() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[Self.ref])
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(rel))
        var mine = Sample.coaching
        mine.focus = "Mine"
        guard case .conflict(let conflict) = try store.save(.coaching(mine)) else { Issue.record("expected a conflict"); return }
        #expect(conflict.disk == nil)
        #expect(conflict.conflicts == [FieldConflict(path: .record, kind: .removedByTheirs, base: nil, ours: nil, theirs: nil)])
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(rel).path))
        #expect(try store.save(conflict.partial, resolving: conflict) == .saved(file: rel))
        #expect(try onDisk(store) == mine)
    }

    @Test func aFileThatNoLongerParsesIsNeverOverwritten() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[Self.ref])
        tmp.write("{\"format\": 1, \"id\": ", to: rel)
        let error = storeError { _ = try store.save(.coaching(Sample.coaching)) }
        #expect(error?.kind == .parse)
        #expect(error?.file == rel && error?.line != nil)
        #expect(tmp.text(rel) == "{\"format\": 1, \"id\": ")
        #expect(storeError { try store.modify(Self.ref) { $0 } }?.kind == .parse)
        #expect(tmp.text(rel) == "{\"format\": 1, \"id\": ")
    }

    @Test func modifyWorksOnTheFileAsItIsNow() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        try otherEditor(tmp, Self.ref, Self.coaching { $0.focus = "Theirs" })
        let result = try store.modify(Self.ref, Self.coaching { $0.outcome = "Mine" })
        #expect(result.file == loaded.files[Self.ref])
        var expected = Sample.coaching
        expected.focus = "Theirs"
        expected.outcome = "Mine"
        #expect(result.record == .coaching(expected))
        #expect(try onDisk(store) == expected)

        // A change that throws writes nothing.
        struct No: Error {}
        let before = tmp.allFiles()
        #expect(throws: No.self) { try store.modify(Self.ref) { _ in throw No() } }
        #expect(tmp.allFiles() == before)
        #expect(storeError { try store.modify(RecordRef(kind: .coaching, id: uuid(0xFFFF))) { $0 } }?.kind == .notFound)
    }

    @Test func aReadOnlyStoreRefusesEverySave() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let reader = try Store.open(at: tmp.store, forEditing: false)
        _ = try reader.load(scope: .open)
        #expect(storeError { _ = try reader.save(.coaching(Sample.coaching)) }?.kind == .lock)
        #expect(storeError { try reader.modify(Self.ref) { $0 } }?.kind == .lock)
    }
}
