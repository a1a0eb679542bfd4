import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store conflicts: outside edits are never overwritten blindly")
struct StoreConflictTests {
    /// A store with every sample saved, reopened and loaded as a fresh instance would.
    private func loadedStore(_ tmp: TempFolder) throws -> (Store, Loaded) {
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let store = try Store.open(at: tmp.store, forEditing: true)
        return (store, try store.load(scope: .open))
    }

    @Test func anOutsideEditMakesSaveThrowAndSurvives() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[RecordRef(kind: .coaching, id: Sample.coaching.id)])
        let outside = tmp.text(rel).replacingOccurrences(of: "Client pitches", with: "Edited elsewhere")
        tmp.write(outside, to: rel)

        var mine = Sample.coaching
        mine.focus = "Mine"
        let error = try #require(storeError { try store.save(mine) })
        #expect(error.kind == .conflict)
        #expect(error.description == "\(rel): changed on disk since it was loaded")
        #expect(tmp.text(rel) == outside)

        try store.save(mine, force: true)
        #expect(tmp.text(rel).contains("\"focus\" : \"Mine\""))
        // After a forced save the store knows the new bytes: a normal save works again.
        mine.focus = "Mine again"
        try store.save(mine)
        #expect(tmp.text(rel).contains("Mine again"))
    }

    /// `forget`: the store no longer counts a record it wrote as its own, so a later save meets
    /// the file as one it never loaded, and nothing is overwritten blindly.
    @Test func aForgottenRecordIsNoLongerThisStoresToOverwrite() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try store.save(Sample.ana)
        try store.save(Sample.joao)
        let rel = try store.save(Sample.coaching)
        var mine = Sample.coaching
        mine.focus = "Mine"
        try store.save(mine)
        store.forget(RecordRef(kind: .coaching, id: Sample.coaching.id))
        mine.focus = "Mine again"
        let error = try #require(storeError { try store.save(mine) })
        #expect(error.kind == .conflict)
        #expect(error.description == "\(rel): already exists on disk and was not loaded")
        #expect(tmp.text(rel).contains("\"focus\" : \"Mine\""))
        // The file keeps its name: people's names are still known.
        #expect(try store.save(mine, force: true) == rel)
    }

    @Test func reloadTakesTheDiskVersion() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let ref = RecordRef(kind: .person, id: Sample.joao.id)
        let rel = try #require(loaded.files[ref])
        tmp.write(tmp.text(rel).replacingOccurrences(of: "Designer", with: "Senior designer"), to: rel)
        #expect(storeError { try store.save(Sample.joao) }?.kind == .conflict)

        let theirs = try store.reload(ref)
        guard case .person(let person) = theirs else { Issue.record("expected a person"); return }
        #expect(person.role == "Senior designer")
        var merged = person
        merged.team = "Brand"
        try store.save(merged)
        #expect(tmp.text(rel).contains("\"team\" : \"Brand\""))
    }

    @Test func aFileDeletedOnDiskIsAConflict() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let rel = try #require(loaded.files[RecordRef(kind: .assessment, id: Sample.assessment.id)])
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(rel))
        let error = storeError { try store.save(Sample.assessment) }
        #expect(error?.kind == .conflict)
        #expect(error?.message == "was deleted on disk since it was loaded")
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(rel).path))
        try store.save(Sample.assessment, force: true)
        #expect(FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(rel).path))
    }

    @Test func aNewRecordDoesNotOverwriteAFileItDidNotLoad() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        tmp.write("{\"format\": 1}", to: "people/ana-lima-000000a1.json")
        let error = storeError { try store.save(Sample.ana) }
        #expect(error?.kind == .conflict)
        #expect(tmp.text("people/ana-lima-000000a1.json") == "{\"format\": 1}")
    }

    @Test func deleteRemovesTheFileButNotAnEditedOne() throws {
        let tmp = TempFolder()
        let (store, loaded) = try loadedStore(tmp)
        let ref = RecordRef(kind: .mentoring, id: Sample.mentoring.id)
        let rel = try #require(loaded.files[ref])
        let edited = tmp.text(rel) + " "
        tmp.write(edited, to: rel)
        #expect(storeError { try store.delete(ref) }?.kind == .conflict)
        #expect(tmp.text(rel) == edited)
        try store.delete(ref, force: true)
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(rel).path))
        #expect(storeError { try store.delete(ref) }?.kind == .notFound)

        // The undo of a creation.
        var fresh = Sample.coaching
        fresh.id = uuid(0x99)
        let created = try store.save(fresh)
        try store.delete(RecordRef(kind: .coaching, id: fresh.id))
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(created).path))
    }

    @Test func theAgencyFileIsCheckedToo() throws {
        let tmp = TempFolder()
        let (store, _) = try loadedStore(tmp)
        tmp.write(tmp.text("tandem.json").replacingOccurrences(of: "Studio Norte", with: "Studio Sul"), to: "tandem.json")
        #expect(storeError { try store.saveAgency(Agency(name: "Mine")) }?.kind == .conflict)
        #expect(tmp.text("tandem.json").contains("Studio Sul"))
    }
}
