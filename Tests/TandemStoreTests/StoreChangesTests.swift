import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store.changes(since:): what others added, changed or removed")
struct StoreChangesTests {
    private func loadedStore(_ tmp: TempFolder) throws -> (Store, Loaded) {
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let store = try Store.open(at: tmp.store, forEditing: true)
        return (store, try store.load(scope: .open))
    }

    private func other(_ tmp: TempFolder) throws -> Store {
        let s = try Store.open(at: tmp.store, forEditing: true)
        _ = try s.load(scope: .all)
        return s
    }

    private static let coachingRef = RecordRef(kind: .coaching, id: Sample.coaching.id)

    @Test func nothingChangedIsEmpty() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        #expect(loaded.stamp.count == 8, "tandem.json and the seven record files")
        let found = try store.changes(since: loaded.stamp)
        #expect(found.isEmpty)
        #expect(found.stamp == loaded.stamp)
    }

    /// A load lists its files' entries without hashing them (`StoreStamp.appendListed`); looked
    /// up by path they are the same entries, each file once, with the record it holds.
    @Test func aLoadsStampLooksUpAsEveryFileItListed() throws {
        let tmp = TempFolder()
        let (_, loaded) = try loadedStore(tmp)
        var table = loaded.stamp
        table.materialize()
        #expect(table == loaded.stamp)
        #expect(table.count == loaded.stamp.count)
        let files = tmp.allFiles().keys.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.hasPrefix("drafts/") }
        #expect(Set(table.entries.keys) == Set(files))
        #expect(table.entries[Store.agencyFile]?.ref == nil)
        let rel = try #require(loaded.files[Self.coachingRef])
        #expect(table.entries[rel]?.ref == Self.coachingRef)
        #expect(table.entries[rel]?.stat == DataFolder(root: tmp.store).fileStat(rel))
        // Changed after materializing or before, the same.
        var a = loaded.stamp, b = table
        a.entries[rel] = nil
        b.entries[rel] = nil
        #expect(a == b && a.count == loaded.stamp.count - 1)
    }

    /// Refs are the same exactly when kind and id are, as dictionary keys too.
    @Test func refsAreEqualByKindAndId() {
        let ids = [uuid(1), uuid(2), UUID(uuid: (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0))]
        var seen: [RecordRef: Int] = [:]
        for kind in RecordKind.allCases { for id in ids { seen[RecordRef(kind: kind, id: id), default: 0] += 1 } }
        for kind in RecordKind.allCases { for id in ids { seen[RecordRef(kind: kind, id: id), default: 0] += 1 } }
        #expect(seen.count == RecordKind.allCases.count * ids.count)
        #expect(seen.values.allSatisfy { $0 == 2 })
        #expect(RecordRef(kind: .coaching, id: ids[0]) == RecordRef(kind: .coaching, id: ids[0]))
        #expect(RecordRef(kind: .coaching, id: ids[0]) != RecordRef(kind: .mentoring, id: ids[0]))
        #expect(RecordRef(kind: .coaching, id: ids[2]) != RecordRef(kind: .coaching, id: ids[3]))
    }

    @Test func ownSavesAreNotNews() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        var e = Sample.coaching
        e.focus = "Mine"
        _ = try store.save(.coaching(e))
        var fresh = Sample.coaching
        fresh.id = uuid(0xC7)
        _ = try store.save(.coaching(fresh))
        try store.modify(RecordRef(kind: .person, id: Sample.ana.id)) { $0 }
        try store.delete(RecordRef(kind: .assessment, id: Sample.assessment.id))
        let found = try store.changes(since: loaded.stamp)
        #expect(found.isEmpty, "\(found.records)")
        #expect(found.stamp.count == 8)
    }

    @Test func othersChangesAddsAndRemovalsAreFoundOnce() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let someoneElse = try other(tmp)
        var e = Sample.coaching
        e.focus = "Theirs"
        #expect(try someoneElse.save(.coaching(e)).file == loaded.files[Self.coachingRef])
        var added = Sample.mentoring
        added.id = uuid(0xD7)
        let addedFile = try someoneElse.save(.mentoring(added)).file
        let removedRef = RecordRef(kind: .assessment, id: Sample.assessment.id)
        try someoneElse.delete(removedRef)

        let found = try store.changes(since: loaded.stamp)
        let byKind = Dictionary(grouping: found.records, by: \.kind)
        #expect(byKind[.changed]?.map(\.ref) == [Self.coachingRef])
        #expect(byKind[.changed]?.first?.record == .coaching(e))
        #expect(byKind[.added]?.map(\.ref) == [RecordRef(kind: .mentoring, id: added.id)])
        #expect(byKind[.added]?.first?.file == addedFile)
        #expect(byKind[.added]?.first?.record == .mentoring(added))
        #expect(byKind[.removed]?.map(\.ref) == [removedRef])
        #expect(byKind[.removed]?.first?.record == nil)
        #expect(found.records.count == 3)

        // Looking again from the new stamp: nothing new.
        #expect(try store.changes(since: found.stamp).isEmpty)
    }

    @Test func aHandEditInPlaceAndTheAgencyFileAreFound() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[RecordRef(kind: .person, id: Sample.joao.id)])
        // Same size, same inode: only the contents and times move.
        tmp.write(tmp.text(rel).replacingOccurrences(of: "Designer", with: "Designex"), to: rel)
        tmp.write(tmp.text("tandem.json").replacingOccurrences(of: "Studio Norte", with: "Studio Sul"), to: "tandem.json")
        let found = try store.changes(since: loaded.stamp)
        guard case .person(let p)? = found.records.first?.record else { Issue.record("expected a person: \(found.records)"); return }
        #expect(p.role == "Designex")
        #expect(found.agency?.name == "Studio Sul")
    }

    @Test func aFileThatCannotBeReadIsReportedOnceUntilItChangesAgain() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[Self.coachingRef])
        let good = tmp.text(rel)
        tmp.write("{ half", to: rel)
        let first = try store.changes(since: loaded.stamp)
        #expect(first.records.isEmpty)
        #expect(first.unreadable.map(\.file) == [rel])
        #expect(first.unreadable.first?.kind == .parse)
        #expect(try store.changes(since: first.stamp).isEmpty)
        tmp.write(good.replacingOccurrences(of: "Client pitches", with: "Fixed by hand"), to: rel)
        let second = try store.changes(since: first.stamp)
        #expect(second.records.map(\.kind) == [.changed])
    }

    @Test func adoptingAChangeMakesItTheBaseOfLaterSaves() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        var theirs = Sample.coaching
        theirs.focus = "Theirs"
        _ = try other(tmp).save(.coaching(theirs))
        let change = try #require(try store.changes(since: loaded.stamp).records.first)
        store.adopt(change)
        // The leader saw "Theirs" and changes it: a plain save, no conflict with the old base.
        var mine = theirs
        mine.focus = "Mine, after seeing theirs"
        #expect(try store.save(.coaching(mine)) == .saved(file: change.file))

        // Not adopted, the same edit would have been a conflict on focus.
        let tmp2 = TempFolder()
        let (store2, loaded2) = try loadedStore(tmp2)
        _ = try other(tmp2).save(.coaching(theirs))
        _ = try store2.changes(since: loaded2.stamp)
        guard case .conflict(let c) = try store2.save(.coaching(mine)) else { Issue.record("expected a conflict"); return }
        #expect(c.conflicts.map(\.path.description) == ["focus"])
    }

    @Test func aChangeOvertakenByOurOwnSaveIsNotAdopted() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        var theirs = Sample.coaching
        theirs.focus = "Theirs"
        _ = try other(tmp).save(.coaching(theirs))
        let change = try #require(try store.changes(since: loaded.stamp).records.first)
        var mine = Sample.coaching
        mine.outcome = "Mine"
        guard case .merged(let written, _) = try store.save(.coaching(mine)) else { Issue.record("expected a merge"); return }
        store.adopt(change)
        // The base is still what we wrote: the next save of it is plain.
        #expect(try store.save(written) == .saved(file: change.file))
    }
}
