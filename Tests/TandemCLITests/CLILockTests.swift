import Foundation
import Testing

@Suite("The lock: short, around each save; writers wait, readers never do")
struct CLILockTests {
    /// A `.lock` as older versions wrote it (pid, host, since), one line.
    static func oldLock(pid: Int32, host: String) -> String {
        #"{"host":"\#(host)","pid":\#(pid),"since":"2026-11-29T08:30:00Z"}"# + "\n"
    }

    static func logArgs(_ folder: CLIFolder, note: String = "hi") throws -> [String] {
        let id = try #require(try folder.listJSON("mentoring").first?["id"] as? String)
        return ["log", "--record", String(id.prefix(8)), "--minutes", "45", "--note", note, "--shared"]
    }

    /// A shell holding the store's lock (flock on `.lock`) until it is killed; returns once it holds it.
    static func holdLock(_ folder: CLIFolder, seconds: Int) throws -> Process {
        let ready = folder.url.appendingPathComponent("holding-\(UUID().uuidString.prefix(6))")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\"; flock 9; : > \"$1\"; exec sleep \"$2\"", folder.path(".lock"), ready.path, "\(seconds)"]
        try holder.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while !FileManager.default.fileExists(atPath: ready.path) {
            try #require(ContinuousClock.now < deadline, "the shell never took the lock")
            Thread.sleep(forTimeInterval: 0.01)
        }
        return holder
    }

    @Test(arguments: [true, false])
    func aLeftoverLockFromAnOlderVersionBlocksNothingAndGoes(sameHost: Bool) throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        let pid = ProcessInfo.processInfo.processIdentifier
        FileManager.default.createFile(atPath: folder.path(".lock"),
                                       contents: Data(Self.oldLock(pid: pid, host: sameHost ? hostName() : "elsewhere.example").utf8))
        let before = folder.snapshot()
        let r = folder.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Logged 45 min"))
        let changed = changedFiles(before, folder.snapshot())
        #expect(changed.count == 2 && changed.contains(".lock") && changed.contains { $0.hasPrefix("mentoring/") }, "\(changed)")
        #expect(!FileManager.default.fileExists(atPath: folder.path(".lock")), "the old lock file was left")
    }

    @Test func aWriterWaitsForTheLockAndReadersDoNot() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder, note: "after the wait")
        let file = try #require(try folder.listJSON("mentoring").first?["file"] as? String)
        let holder = try Self.holdLock(folder, seconds: 60)
        defer { holder.terminate() }

        // Readers are not held up.
        let started = ContinuousClock.now
        for what in ["coaching", "mentoring", "people"] {
            let list = folder.run(["list", what])
            #expect(list.status == 0, "list \(what): \(list.stderr)")
        }
        #expect(folder.run(["check"]).status == 0)
        #expect(ContinuousClock.now - started < .seconds(20))

        // A writer waits while the lock is held, and goes on once it is let go.
        let release = DispatchWorkItem { kill(holder.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.0, execute: release)
        let t0 = ContinuousClock.now
        let r = folder.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(ContinuousClock.now - t0 >= .milliseconds(900), "logged while the lock was held")
        #expect(folder.text(file).contains("after the wait"))
    }

    @Test func aWriterGivesUpAfterAFewSecondsWithAClearMessage() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        let holder = try Self.holdLock(folder, seconds: 60)
        defer { kill(holder.processIdentifier, SIGKILL) }
        let before = folder.snapshot()
        let t0 = ContinuousClock.now
        let r = folder.run(args)
        let waited = ContinuousClock.now - t0
        #expect(r.status == 2)
        #expect(r.stderr.contains(".lock: another Tandem has been saving for more than 5 s; nothing was written, try again"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(waited >= .seconds(5) && waited < .seconds(30), "\(waited)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func logLeavesNoLockBehind() throws {
        let folder = CLIFolder.demo()
        let args = try Self.logArgs(folder)
        #expect(folder.run(args).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path(".lock")))
        #expect(folder.run(args).status == 0)
        #expect(folder.text(".gitignore").split(separator: "\n").contains(".lock"))
    }
}
