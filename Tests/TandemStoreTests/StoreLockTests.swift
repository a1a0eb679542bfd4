import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store lock: short, only around a save; any number of editors")
struct StoreLockTests {
    @Test func twoEditorsBothSaveAndNeitherIsReadOnly() throws {
        let tmp = TempFolder()
        let first = try Store.create(at: tmp.store, agency: Sample.agency)
        try first.save(Sample.ana)
        let second = try Store.open(at: tmp.store, forEditing: true)
        #expect(second.readOnlyReason == nil)
        _ = try second.load(scope: .open)
        #expect(try second.save(.person(Sample.joao)) == .saved(file: "people/joao-silva-000000b2.json"))
        var ana = Sample.ana
        ana.team = "Brand"
        #expect(try first.save(.person(ana)) == .saved(file: "people/ana-lima-000000a1.json"))
        #expect(tmp.text("people/ana-lima-000000a1.json").contains("\"team\" : \"Brand\""))
        #expect(tmp.text("people/joao-silva-000000b2.json").contains("João Silva"))
        // Nothing is held between saves.
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))
    }

    /// A `.lock` as older versions wrote it, naming this very (live) process.
    private func oldLock(_ tmp: TempFolder) -> String {
        let text = "{\"host\":\"\(ProcessInfo.processInfo.hostName)\",\"pid\":\(getpid()),\"since\":\"2026-11-29T08:30:00Z\"}\n"
        tmp.write(text, to: ".lock")
        return text
    }

    @Test func aLeftoverLockFileFromAnOlderVersionBlocksNothing() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        _ = oldLock(tmp)
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(store.readOnlyReason == nil)
        store.lockWait = .milliseconds(300)
        _ = try store.load(scope: .open)
        var ana = Sample.ana
        ana.role = "Creative director"
        let started = ContinuousClock.now
        #expect(try store.save(.person(ana)).file == "people/ana-lima-000000a1.json")
        #expect(ContinuousClock.now - started < .milliseconds(300), "the save waited on a file nobody holds")
        #expect(tmp.text("people/ana-lima-000000a1.json").contains("Creative director"))
        // The first save clears it away.
        #expect(!FileManager.default.fileExists(atPath: tmp.store.appendingPathComponent(".lock").path))
    }

    @Test func aWriterWaitsForTheLockThenSaves() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let store = try Store.open(at: tmp.store, forEditing: true)
        _ = try store.load(scope: .open)
        let held = try StoreLock.acquire(in: DataFolder(root: tmp.store))
        let release = DispatchWorkItem { held.release() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3, execute: release)
        var ana = Sample.ana
        ana.team = "Waited"
        let started = ContinuousClock.now
        _ = try store.save(.person(ana))
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(250), "saved while another writer held the lock (\(waited))")
        #expect(waited < .seconds(3))
        #expect(tmp.text("people/ana-lima-000000a1.json").contains("Waited"))
    }

    @Test func aLockHeldTooLongGivesAClearErrorAndWritesNothing() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let store = try Store.open(at: tmp.store, forEditing: true)
        _ = try store.load(scope: .open)
        store.lockWait = .milliseconds(200)
        let held = try StoreLock.acquire(in: DataFolder(root: tmp.store))
        defer { held.release() }
        let before = tmp.allFiles()
        var ana = Sample.ana
        ana.team = "Never"
        let error = storeError { _ = try store.save(.person(ana)) }
        #expect(error?.kind == .busy)
        #expect(error?.description == ".lock: another Tandem has been saving for more than 200 ms; nothing was written, try again")
        #expect(storeError { _ = try store.modify(RecordRef(kind: .person, id: ana.id)) { $0 } }?.kind == .busy)
        #expect(storeError { try store.save(ana) }?.kind == .busy)
        #expect(tmp.allFiles() == before)
    }

    @Test func aWriterThatDiesHoldingTheLockLeavesNoLockBehind() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        // A shell takes the same kind of lock on the same file (flock(1) on its fd 9), then
        // becomes `sleep`, which holds it until it is killed.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        let ready = tmp.url.appendingPathComponent("locked")
        holder.arguments = ["-c", "exec 9>>\"$0\"; flock 9; : > \"$1\"; exec sleep 30",
                            tmp.store.appendingPathComponent(".lock").path, ready.path]
        try holder.run()
        let store = try Store.open(at: tmp.store, forEditing: true)
        _ = try store.load(scope: .open)
        store.lockWait = .milliseconds(100)
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: ready.path) {
            try #require(ContinuousClock.now < deadline, "the shell never took the lock")
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(storeError { _ = try store.save(.person(Sample.ana)) }?.kind == .busy)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        var ana = Sample.ana
        ana.team = "After the crash"
        _ = try store.save(.person(ana))
        #expect(tmp.text("people/ana-lima-000000a1.json").contains("After the crash"))
    }

    @Test func readingTakesNoLockAndNeverWaits() throws {
        let tmp = TempFolder()
        try Sample.fill(Store.create(at: tmp.store, agency: Sample.agency))
        let held = try StoreLock.acquire(in: DataFolder(root: tmp.store))
        defer { held.release() }
        let started = ContinuousClock.now
        let reader = try Store.open(at: tmp.store, forEditing: false)
        #expect(reader.readOnlyReason == "opened read-only")
        #expect(try reader.load(scope: .all).snapshot.people.count == 2)
        #expect(reader.check().isEmpty)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(storeError { try reader.saveAgency(Agency(name: "x")) }?.kind == .lock)
    }

    @Test func readOnlyOnlyForAFolderThatCannotBeWritten() {
        #expect(Store.writeProblem("/data", errno: EROFS) == "/data is on a read-only file system")
        #expect(Store.writeProblem("/data", errno: EACCES) == "/data is not writable by you")
        let tmp = TempFolder()
        try? FileManager.default.createDirectory(at: tmp.store, withIntermediateDirectories: true)
        #expect(Store.writeProblem(tmp.store.path) == nil)
    }

    @Test func theGitignoreCoversTheLockDraftsAndTempFiles() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).save(Sample.ana)
        let lines = tmp.text(".gitignore").split(separator: "\n").map(String.init)
        #expect(lines.contains(".lock") && lines.contains("drafts/") && lines.contains(".*.tmp"), "\(lines)")
        #expect(tmp.mode(".gitignore") == 0o600)

        // A user's own file is kept, and only what is missing is added.
        tmp.write("cache/\ndrafts/", to: ".gitignore")
        let store = try Store.open(at: tmp.store, forEditing: true)
        _ = try store.load(scope: .open)
        var ana = Sample.ana
        ana.team = "Brand"
        _ = try store.save(.person(ana))
        #expect(tmp.text(".gitignore") == "cache/\ndrafts/\n.lock\n.*.tmp\n.cache/\n")
    }
}
