import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store drafts: unsaved forms")
struct StoreDraftTests {
    @Test func draftsRoundTripAndAreDeleted() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let ref = RecordRef(kind: .coaching, id: Sample.coaching.id)
        let form = Data("{\"minutes\": 45, \"notes\": \"Half-written \u{201C}notes\u{201D}\\n\"}".utf8)
        try store.saveDraft(form, for: ref, name: "log-session")
        try store.saveDraft(Data("plain text".utf8), for: nil, name: "new-person")
        #expect(store.loadDrafts() == [
            Draft(name: "log-session", ref: ref, data: form),
            Draft(name: "new-person", ref: nil, data: Data("plain text".utf8)),
        ])
        // Overwriting a draft replaces it whole.
        try store.saveDraft(Data("v2".utf8), for: nil, name: "new-person")
        #expect(store.loadDrafts().last?.data == Data("v2".utf8))
        try store.deleteDraft(name: "log-session")
        try store.deleteDraft(name: "log-session")
        #expect(store.loadDrafts().map(\.name) == ["new-person"])
        #expect(tmp.allFiles().keys.filter { $0.hasPrefix("drafts/") } == ["drafts/new-person.json"])
        // Drafts are not records.
        #expect(try store.load(scope: .all).files.isEmpty)
    }

    @Test func draftNamesAreChecked() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        for bad in ["", ".hidden", "../escape", "a/b", "ünï"] {
            #expect(storeError { try store.saveDraft(Data(), for: nil, name: bad) }?.kind == .format, "\(bad)")
        }
        #expect(storeError { try store.saveDraft(Data([0xFF]), for: nil, name: "binary") }?.kind == .format)
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent("drafts").path))
    }

    @Test func aReadOnlyStoreKeepsNoDrafts() throws {
        let tmp = TempFolder()
        let editor = try Store.create(at: tmp.store, agency: Sample.agency)
        let reader = try Store.open(at: tmp.store, forEditing: false)
        #expect(storeError { try reader.saveDraft(Data("x".utf8), for: nil, name: "x") }?.kind == .lock)
        editor.close()
    }
}
