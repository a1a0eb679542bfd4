import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `tandem demo` writes its store whole or not at all: a write that fails (a full disk) takes
/// back what was written, and a demo stopped half way is named by `check`.
@Suite("Demo store: whole or not at all")
struct DemoStoreTests {
    let today = Day(iso: "2026-12-01")!
    let small = DemoOptions(people: 12, engagements: 6, relationships: 4, sessions: 40)

    @Test("written whole: no marker left, and check finds nothing")
    func whole() throws {
        let tmp = TempFolder()
        let w = try DemoStore.write(today: today, options: small, to: tmp.store)
        #expect(w.engagements == 6 && w.relationships == 4)
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(DemoStore.unfinishedMarker).path))
        let store = try Store.open(at: tmp.store, forEditing: false)
        defer { store.close() }
        #expect(store.check(today: today).isEmpty)
    }

    @Test("a write failing part way into a new folder leaves no folder, and the error says the disk is full and that nothing is left",
          arguments: [0, 1, 7, 20])
    func failureIntoANewFolder(after n: Int) throws {
        let tmp = TempFolder()
        let error = #expect(throws: StoreError.self) {
            try DemoStore.write(today: today, options: small, to: tmp.store, failAfterWrites: n)
        }
        #expect(error?.message.contains(String(cString: strerror(ENOSPC))) == true, "\(String(describing: error))")
        #expect(error?.message.hasSuffix("nothing of the demo is left in \(tmp.store.path)") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: tmp.store.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).isEmpty, "nothing beside it either")
    }

    @Test("a write failing part way into a folder that held other things leaves exactly those")
    func failureIntoAnExistingFolder() throws {
        let tmp = TempFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: tmp.store.appendingPathComponent("people"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: tmp.store.appendingPathComponent("notes.txt"))
        #expect(throws: StoreError.self) { try DemoStore.write(today: today, options: small, to: tmp.store, failAfterWrites: 15) }
        #expect(try fm.contentsOfDirectory(atPath: tmp.store.path).sorted() == ["notes.txt", "people"])
        #expect(try fm.contentsOfDirectory(atPath: tmp.store.appendingPathComponent("people").path).isEmpty)
        #expect(try Data(contentsOf: tmp.store.appendingPathComponent("notes.txt")) == Data("mine".utf8))
    }

    @Test("a folder that already holds a store is refused and left as it was")
    func refusesAStore() throws {
        let tmp = TempFolder()
        try DemoStore.write(today: today, options: small, to: tmp.store)
        let before = try FileManager.default.contentsOfDirectory(atPath: tmp.store.path).sorted()
        let error = #expect(throws: StoreError.self) { try DemoStore.write(today: today, options: small, to: tmp.store) }
        #expect(error?.kind == .exists)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.store.path).sorted() == before)
    }

    @Test("a demo stopped half way (killed: no chance to clean up) is named by check")
    func stoppedHalfWay() throws {
        let tmp = TempFolder()
        try DemoStore.write(today: today, options: small, to: tmp.store)
        // What a killed demo leaves: records written, the marker still there.
        try Data("x".utf8).write(to: tmp.store.appendingPathComponent(DemoStore.unfinishedMarker))
        let store = try Store.open(at: tmp.store, forEditing: false)
        defer { store.close() }
        let problems = store.check(today: today)
        #expect(problems.map(\.description) == ["\(DemoStore.unfinishedMarker): \(DemoStore.unfinishedMessage)"])
    }
}
