import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `forEachRecord` and `loadWithoutTexts`: the whole store a batch at a time, failing as `load` fails.
@Suite struct StoreStreamTests {
    /// Every record of every kind, as `load(scope: .all)` has them, in its order.
    static func loaded(_ tmp: TempFolder) throws -> [Record] {
        let s = try Store.open(at: tmp.store, forEditing: false).load(scope: .all).snapshot
        return s.people.map(Record.person) + s.engagements.map(Record.coaching)
            + s.relationships.map(Record.mentoring) + s.assessments.map(Record.assessment)
    }

    /// A demo store whose 6th and 10th mentoring files (in file order) are broken, and the
    /// mentoring files in that order: the first bad file is `names[5]`.
    static func twoBrokenRelationships(_ tmp: TempFolder) throws -> (Store, [String]) {
        let snapshot = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        let files = try store.load(scope: .all).files
        let names = snapshot.relationships.map { files[RecordRef(kind: .mentoring, id: $0.id)]! }.sorted()
        tmp.write("{\n  \"id\": 3\n", to: names[5])
        tmp.write("not json", to: names[9])
        return (store, names)
    }

    @Test func givesWhatLoadGivesInItsOrderAcrossBatches() throws {
        let tmp = TempFolder()
        _ = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        var streamed: [Record] = []
        var files: [String] = []
        try store.forEachRecord(of: Set(RecordKind.allCases), batch: 7) { record, rel in
            streamed.append(record)
            files.append(rel)
        }
        let all = try Self.loaded(tmp)
        #expect(all.count > 7 * 3)
        #expect(streamed == all)
        #expect(files.allSatisfy { rel in FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(rel).path) })
        #expect(files == files.sorted { a, b in
            let order = RecordKind.allCases.map(\.rawValue)
            let ka = order.firstIndex { a.hasPrefix($0 + "/") }!, kb = order.firstIndex { b.hasPrefix($0 + "/") }!
            return ka != kb ? ka < kb : a < b
        })
    }

    @Test func givesOnlyTheKindsAskedFor() throws {
        let tmp = TempFolder()
        let snapshot = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        var kinds: [RecordKind] = []
        try store.forEachRecord(of: [.mentoring], batch: 5) { record, _ in kinds.append(record.ref.kind) }
        #expect(kinds.count == snapshot.relationships.count)
        #expect(kinds.allSatisfy { $0 == .mentoring })
    }

    @Test func withoutTextsKeepsEverythingButTheSessionTexts() throws {
        let tmp = TempFolder()
        _ = try LoadIndexTests.demo(tmp)
        let lean = try Store.open(at: tmp.store, forEditing: false).loadWithoutTexts(batch: 9)
        let full = try Store.open(at: tmp.store, forEditing: false).load(scope: .all).snapshot
        #expect(full.engagements.flatMap(\.sessions).contains { !$0.notes.isEmpty })
        #expect(lean.engagements.flatMap(\.sessions).allSatisfy { $0.notes.isEmpty && $0.topics.isEmpty && $0.actionItems.allSatisfy(\.text.isEmpty) })
        var expected = full
        expected.engagements = full.engagements.map { e in var e = e; e.sessions = e.sessions.map(\.withoutTexts); return e }
        expected.relationships = full.relationships.map { r in var r = r; r.sessions = r.sessions.map(\.withoutTexts); return r }
        #expect(lean == expected)
        // Item counts and days survive: insights count open items.
        #expect(lean.engagements.flatMap(\.sessions).flatMap(\.actionItems).count
                == full.engagements.flatMap(\.sessions).flatMap(\.actionItems).count)
    }

    @Test func theFirstBrokenFileInFileOrderThrowsWithItsPlace() throws {
        let tmp = TempFolder()
        let (store, names) = try StoreStreamTests.twoBrokenRelationships(tmp)
        for size in [1, 4, 1000] {
            var given = 0
            #expect {
                try store.forEachRecord(of: [.mentoring], batch: size) { _, _ in given += 1 }
            } throws: { error in
                (error as? StoreError)?.file == names[5]
            }
            // Records before the broken file may have been given, never one after it.
            #expect(given <= 5)
        }
        // A broken file of a kind not asked for fails the read too, as `load` does.
        #expect(throws: StoreError.self) { try store.forEachRecord(of: [.person]) { _, _ in } }
    }

    @Test func aSecondFileWithARecordsIdIsRefused() throws {
        let tmp = TempFolder()
        let snapshot = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        let files = try store.load(scope: .all).files
        let rel = files[RecordRef(kind: .person, id: snapshot.people[3].id)]!
        tmp.write(tmp.text(rel), to: "people/zz-copy-\(snapshot.people[3].id.uuidString.prefix(8).lowercased()).json")
        #expect {
            try store.forEachRecord(of: [.person], batch: 3) { _, _ in }
        } throws: { error in
            let e = error as? StoreError
            return e?.file?.hasPrefix("people/zz-copy-") == true && e?.message.contains("is also the id of \(rel)") == true
        }
        // Also when people are not asked for: the duplicate is found all the same.
        #expect(throws: StoreError.self) { try store.loadWithoutTexts(kinds: [.coaching]) }
    }
}
