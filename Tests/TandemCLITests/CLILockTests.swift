import Foundation
import Testing

@Suite("The lock: one editing instance, readers never blocked")
struct CLILockTests {
    /// A `.lock` as the store writes it (`StoreLock.Holder`, sorted keys, one line).
    static func lock(pid: Int32, host: String) -> String {
        #"{"host":"\#(host)","pid":\#(pid),"since":"2026-11-29T08:30:00Z"}"# + "\n"
    }

    static func logArgs(_ folder: CLIFolder) throws -> [String] {
        let id = try #require(try folder.listJSON("mentoring").first?["id"] as? String)
        return ["log", "--record", String(id.prefix(8)), "--minutes", "45", "--note", "hi"]
    }

    @Test func logIsRefusedWhileALiveProcessHoldsTheLock() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        let pid = ProcessInfo.processInfo.processIdentifier
        FileManager.default.createFile(atPath: folder.path(".lock"), contents: Data(Self.lock(pid: pid, host: hostName()).utf8))
        let before = folder.snapshot()

        let r = folder.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains("pid \(pid)") && r.stderr.contains(hostName()), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(changedFiles(before, folder.snapshot()) == [], "the lock or a record changed")

        // Readers take no lock.
        for what in ["coaching", "mentoring", "people"] {
            let list = folder.run(["list", what])
            #expect(list.status == 0, "list \(what): \(list.stderr)")
        }
        #expect(folder.run(["check"]).status == 0)
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func aLockFromAnotherHostIsRespected() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        FileManager.default.createFile(atPath: folder.path(".lock"),
                                       contents: Data(Self.lock(pid: 1, host: "elsewhere.example").utf8))
        let before = folder.snapshot()
        let r = folder.run(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains("elsewhere.example"), "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func aLockLeftByADeadProcessIsTakenOverAndReleased() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/sh")
        gone.arguments = ["-c", "exit 0"]
        try gone.run()
        gone.waitUntilExit()
        FileManager.default.createFile(atPath: folder.path(".lock"),
                                       contents: Data(Self.lock(pid: gone.processIdentifier, host: hostName()).utf8))
        let before = folder.snapshot()
        let r = folder.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        let changed = changedFiles(before, folder.snapshot())
        #expect(changed.count == 2 && changed.contains(".lock") && changed.contains { $0.hasPrefix("mentoring/") },
                "\(changed)")
        #expect(!FileManager.default.fileExists(atPath: folder.path(".lock")), "log kept the lock")
    }

    @Test func logReleasesItsLock() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        #expect(folder.run(args).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path(".lock")))
        // So a second log is not refused.
        #expect(folder.run(args).status == 0)
    }
}
