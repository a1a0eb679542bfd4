import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store lock: one editing instance")
struct StoreLockTests {
    @Test func aSecondEditorOpensReadOnlyAndIsToldWhoHoldsTheLock() throws {
        let tmp = TempFolder()
        let first = try Store.create(at: tmp.store, agency: Sample.agency)
        #expect(!first.isReadOnly)
        let second = try Store.open(at: tmp.store, forEditing: true)
        #expect(second.isReadOnly)
        let reason = try #require(second.readOnlyReason)
        #expect(reason.hasPrefix("locked by pid \(getpid()) on host \(StoreLock.hostName()) since 20"))
        #expect(reason.hasSuffix("Z"))
        let error = storeError { try second.save(Sample.ana) }
        #expect(error?.kind == .lock)
        #expect(error?.message.contains(reason) == true)
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent("people/ana-lima-000000a1.json").path))
        // The second instance does not remove the first one's lock.
        second.close()
        #expect(FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))

        first.close()
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))
        let third = try Store.open(at: tmp.store, forEditing: true)
        #expect(!third.isReadOnly)
    }

    @Test func theLockFileNamesPidHostAndTime() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let lock = try JSONSerialization.jsonObject(with: tmp.read(".lock")) as? [String: Any]
        #expect(lock?["pid"] as? Int == Int(getpid()))
        #expect(lock?["host"] as? String == StoreLock.hostName())
        #expect((lock?["since"] as? String)?.count == 20)
        store.close()
    }

    @Test func aStaleLockOfADeadProcessIsTakenOver() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        tmp.write("{\"host\":\"\(StoreLock.hostName())\",\"pid\":\(dead),\"since\":\"2026-01-01T00:00:00Z\"}", to: ".lock")

        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(!store.isReadOnly)
        #expect(tmp.text(".lock").contains("\"pid\":\(getpid())"))
        try store.save(Sample.ana)
    }

    @Test func aLockFromAnotherHostIsRespected() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        let foreign = "{\"host\":\"studio-mac\",\"pid\":4242,\"since\":\"2026-11-29T09:12:00Z\"}"
        tmp.write(foreign, to: ".lock")
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(store.readOnlyReason == "locked by pid 4242 on host studio-mac since 2026-11-29T09:12:00Z")
        store.close()
        #expect(tmp.text(".lock") == foreign)
    }

    @Test func readingTakesNoLock() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        let reader = try Store.open(at: tmp.store, forEditing: false)
        #expect(reader.isReadOnly)
        _ = try reader.load(scope: .all)
        _ = reader.check()
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))
        #expect(storeError { try reader.saveAgency(Agency(name: "x")) }?.kind == .lock)
    }

    @Test func releasingOnDeinit() throws {
        let tmp = TempFolder()
        do {
            let store = try Store.create(at: tmp.store, agency: Sample.agency)
            #expect(!store.isReadOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))
    }
}
