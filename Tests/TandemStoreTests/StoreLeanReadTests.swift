import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `readWithoutTexts`: the dashboard's read of the closed records for the archive and the
/// insights, and the refusal to save what it gives.
@Suite struct StoreLeanReadTests {
    static let today = LoadIndexTests.today

    /// The demo store opened for editing and loaded as the dashboard loads it, the closed records
    /// that load skipped (in file order), and every record read whole by another store.
    static func opened(_ tmp: TempFolder) throws -> (store: Store, loaded: Loaded, closed: [RecordRef], whole: [RecordRef: Record]) {
        _ = try LoadIndexTests.demo(tmp)
        let all = try Store.open(at: tmp.store, forEditing: false).load(scope: .all).snapshot
        var whole: [RecordRef: Record] = [:]
        for e in all.engagements { whole[RecordRef(kind: .coaching, id: e.id)] = .coaching(e) }
        for r in all.relationships { whole[RecordRef(kind: .mentoring, id: r.id)] = .mentoring(r) }
        let store = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try store.load(scope: .open)
        let open = Set(loaded.snapshot.engagements.map { RecordRef(kind: .coaching, id: $0.id) }
                       + loaded.snapshot.relationships.map { RecordRef(kind: .mentoring, id: $0.id) })
        let closed = loaded.files.filter { ($0.key.kind == .coaching || $0.key.kind == .mentoring) && !open.contains($0.key) }
            .sorted { $0.value < $1.value }.map(\.key)
        return (store, loaded, closed, whole)
    }

    static func sessions(_ r: Record) -> [Session] {
        switch r {
        case .coaching(let e): e.sessions
        case .mentoring(let m): m.sessions
        default: []
        }
    }

    @Test func givesTheClosedRecordsWithoutTheirTextsAndTheStoreRefusesToSaveThem() throws {
        let tmp = TempFolder()
        let (store, loaded, closed, whole) = try Self.opened(tmp)
        #expect(closed.count > 5)
        let (records, failures) = store.readWithoutTexts(closed, batch: 4)
        #expect(failures.isEmpty)
        #expect(records == closed.map { whole[$0]!.closedReading })
        #expect(records.allSatisfy { Self.sessions($0).allSatisfy { $0.textsLeftOut && $0.notes.isEmpty && $0.topics.isEmpty } })
        // One with notes in its file.
        let lean = try #require(records.first { r in Self.sessions(whole[r.ref]!).contains { !$0.notes.isEmpty } })
        #expect(lean.hasTextsLeftOut && !whole[lean.ref]!.hasTextsLeftOut)
        let rel = try #require(loaded.files[lean.ref])
        let before = tmp.read(rel)

        let refused = #expect(throws: StoreError.self) { try store.save(lean) }
        #expect(refused?.file == rel)
        #expect(refused?.description.contains("read without its session notes") == true)
        #expect(refused?.description.contains("Nothing was written") == true)
        guard case .coaching(let e) = lean else { Issue.record("the demo's first closed record with notes is an engagement"); return }
        #expect(throws: StoreError.self) { try store.save(e) }
        #expect(tmp.read(rel) == before, "the file is untouched")

        // Read whole, reopened and saved: every note of the file is still there.
        guard case .coaching(let read) = try store.loadRecord(lean.ref) else { Issue.record("not an engagement"); return }
        let reopened = try Lifecycle.setStatus(read, to: .active, on: Self.today, today: Self.today).get()
        #expect(try store.save(.coaching(reopened)) == .saved(file: rel))
        let after = try Store.open(at: tmp.store, forEditing: false).load(scope: .all).snapshot.engagements.first { $0.id == e.id }
        let was = Self.sessions(whole[lean.ref]!)
        #expect(after?.status == .active)
        #expect(after?.sessions == was)
        #expect(after?.sessions.map(\.notes) == was.map(\.notes) && was.contains { !$0.notes.isEmpty })
    }

    @Test func aFileThatIsGoneOrBrokenIsAFailureAndTheRestStillCome() throws {
        let tmp = TempFolder()
        let (store, loaded, closed, whole) = try Self.opened(tmp)
        let gone = try #require(loaded.files[closed[1]]), broken = try #require(loaded.files[closed[3]])
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(gone))
        tmp.write("{\n  \"id\": 3\n", to: broken)
        let (records, failures) = store.readWithoutTexts(closed, batch: 2)
        #expect(records.map(\.ref) == closed.enumerated().filter { $0.offset != 1 && $0.offset != 3 }.map(\.element))
        #expect(records.allSatisfy { $0 == whole[$0.ref]!.closedReading })
        #expect(failures.count == 2)
        #expect(failures.first?.description == StoreError(.notFound, file: gone, "was deleted on disk").description)
        #expect(failures.last?.file == broken)
    }

    @Test func aSessionReadWithoutTextsIsMarkedAndTheMarkIsNeverInTheFile() throws {
        let s = Session(id: UUID(), date: Self.today, minutes: 30, notes: "Private thoughts", topics: ["a"], visibility: .shared)
        #expect(!s.textsLeftOut && s.withoutTexts.textsLeftOut)
        #expect(s.withoutTexts != s)
        let text = String(decoding: try JSONEncoder().encode(s.withoutTexts), as: UTF8.self)
        #expect(!text.contains("textsLeftOut") && !text.contains("Private"))
        #expect(try !JSONDecoder().decode(Session.self, from: JSONEncoder().encode(s.withoutTexts)).textsLeftOut)
    }
}
