import Foundation
import Testing
import TandemCore
import TandemStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writers killed with SIGKILL at random moments, and many writers at once: every record still
/// parses, every acknowledged save is on disk, and what a killed save left is cleaned at the
/// next start. Seeded, so a failure can be replayed (the seed is printed).
@Suite("Crash safety and concurrency", .serialized)
struct CrashSafetyTests {
    /// A small seeded generator (SplitMix64), the same on every machine.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Starts `tandem args…` with the CLI tests' environment, output to files.
    static func spawn(_ args: [String], scratch: URL) throws -> Process {
        let binary = try CLI.located.get()
        var environment = ProcessInfo.processInfo.environment
        environment["TANDEM_DATA_DIR"] = nil
        environment["XDG_DATA_HOME"] = scratch.appendingPathComponent("no-xdg").path
        environment["TANDEM_TODAY"] = CLI.today
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        let out = scratch.appendingPathComponent("out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        var acknowledged: [(record: String, note: String)] = []
        var kills = 0
        var tempsSeen = Set<String>()
        var refused: [String] = []
        func with(_ body: (Tally) -> Void) { lock.lock(); body(self); lock.unlock() }
    }

    @Test("SIGKILL at random moments of tandem log, hundreds of times")
    func killedWriters() throws {
        let seed: UInt64 = 0x7A_4E_D3
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("coaching") + folder.listJSON("mentoring")
        let targets = rows.prefix(3).compactMap { $0["id"] as? String }.map { String($0.prefix(8)) }
        try #require(targets.count == 3)
        let scratch = folder.url.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

        // How long one `tandem log` takes here: kills land anywhere from start to finish.
        var times: [Double] = []
        for n in 0..<5 {
            let start = Date()
            let r = folder.run(["log", "--shared", "--record", targets[n % 3], "--minutes", "30", "--note", "calibrate \(n)"])
            #expect(r.status == 0, "\(r.stderr)")
            times.append(Date().timeIntervalSince(start))
        }
        let typical = times.sorted()[2]
        let tally = Tally()
        for n in 0..<5 { tally.acknowledged.append((targets[n % 3], "calibrate \(n)")) }

        let wanted = 300, workers = 3
        let dataDir = folder.dataDir, dataPath = folder.data.path
        let deadline = Date().addingTimeInterval(45)
        let group = DispatchGroup()
        for w in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var rng = Seeded(state: seed &+ UInt64(w))
                var k = 0
                // Aim the kills at the end of a run, where the save is: the window follows how
                // long runs take here and now (more finish → later kills are too late; fewer → too early).
                var span = typical
                while Date() < deadline {
                    var enough = false
                    tally.with { enough = $0.kills >= wanted }
                    if enough { break }
                    // Same record for some writers, different ones for others.
                    let target = targets[(w + k) % targets.count]
                    let note = "w\(w) #\(k) \(seed)"
                    k += 1
                    let delay = Double.random(in: (span * 0.6)...(span * 1.3), using: &rng)
                    guard let p = try? CrashSafetyTests.spawn(
                        ["log", "--shared", "--record", target, "--minutes", "25", "--note", note] + dataDir, scratch: scratch) else {
                        tally.with { $0.refused.append("could not start") }
                        continue
                    }
                    Thread.sleep(forTimeInterval: delay)
                    kill(p.processIdentifier, SIGKILL)
                    p.waitUntilExit()
                    let temps = ["coaching", "mentoring"].flatMap { kind in
                        ((try? FileManager.default.contentsOfDirectory(atPath: dataPath + "/" + kind)) ?? [])
                            .filter { $0.hasSuffix(".tmp") }.map { "\(kind)/\($0)" }
                    }
                    tally.with { t in
                        t.tempsSeen.formUnion(temps)
                        if p.terminationReason == .uncaughtSignal { t.kills += 1; span *= 1.04 }
                        else if p.terminationStatus == 0 { t.acknowledged.append((target, note)); span *= 0.9 }
                        else { t.refused.append("exit \(p.terminationStatus) for \(note)") }
                    }
                }
            }
        }
        #expect(group.wait(timeout: .now() + 90) == .success)
        let leftBehind = folder.entries().keys.filter { $0.hasSuffix(".tmp") }
        print("crash safety: \(tally.kills) writers killed with SIGKILL (seed \(seed), typical run \(Int(typical * 1000)) ms), "
              + "\(tally.acknowledged.count) saves acknowledged, \(tally.tempsSeen.count) temp files seen left by killed saves "
              + "(\(leftBehind.count) at the end, the rest cleaned by the next writer), "
              + "\(tally.refused.count) refused")
        #expect(tally.kills >= 200, "only \(tally.kills) kills in the time allowed")
        #expect(tally.refused.isEmpty, "\(tally.refused)")

        // Every record file parses.
        for (rel, isDir) in folder.entries() where !isDir && rel.hasSuffix(".json") && !rel.hasPrefix(".") {
            #expect((try? JSONSerialization.jsonObject(with: folder.read(rel))) != nil, "\(rel) does not parse")
        }
        // The next start cleans what killed saves left, and saves as usual.
        let after = folder.run(["log", "--shared", "--record", targets[0], "--minutes", "15", "--note", "after the kills"])
        #expect(after.status == 0, "\(after.stderr)")
        tally.acknowledged.append((targets[0], "after the kills"))
        let stillThere = folder.entries().keys.filter { $0.hasSuffix(".tmp") || $0 == ".lock" }
        #expect(stillThere.isEmpty, "left after the next start: \(stillThere)")
        let check = folder.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Every acknowledged save is on disk, once.
        var notes: [String: Int] = [:]
        for (rel, isDir) in folder.entries() where !isDir && (rel.hasPrefix("coaching/") || rel.hasPrefix("mentoring/")) {
            let sessions = (try folder.object(rel)["sessions"] as? [[String: Any]]) ?? []
            for s in sessions { if let n = s["notes"] as? String { notes[n, default: 0] += 1 } }
        }
        for ack in tally.acknowledged {
            #expect(notes[ack.note] == 1, "acknowledged \"\(ack.note)\" on \(ack.record) is on disk \(notes[ack.note] ?? 0) times")
        }
    }

    @Test("command-line writers and in-process dashboards on the same and on different records")
    func concurrentWriters() throws {
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("mentoring")
        let ids = rows.prefix(4).compactMap { $0["id"] as? String }
        try #require(ids.count == 4)
        let scratch = folder.url.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let tally = Tally()
        let group = DispatchGroup()
        let tag = UUID().uuidString.prefix(6)
        let dataDir = folder.dataDir, dataURL = folder.data
        // Processes: 16, spread over the four records (each record gets four).
        for n in 0..<16 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let id = ids[n % 4]
                let note = "cli \(n) \(tag)"
                let r = CLI.run(["log", "--shared", "--record", String(id.prefix(8)), "--minutes", "30", "--note", note] + dataDir, timeout: 200)
                tally.with { t in
                    if r.status == 0 && r.stdout.hasPrefix("Logged") { t.acknowledged.append((id, note)) }
                    else { t.refused.append(r.stderr) }
                }
            }
        }
        // Dashboards: 4 Stores in this process, each saving three sessions, two on record 0 (the
        // same as two others) and one on its own.
        for d in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let store = try Store.open(at: dataURL, forEditing: true)
                    store.lockWait = .seconds(120)
                    let loaded = try store.load(scope: .open)
                    for (k, id) in [ids[0], ids[d], ids[0]].enumerated() {
                        guard var r = loaded.snapshot.relationships.first(where: { $0.id.uuidString.lowercased() == id.lowercased() }) else {
                            tally.with { $0.refused.append("dashboard \(d): \(id) not loaded") }
                            return
                        }
                        if let now = try? store.loadRecord(RecordRef(kind: .mentoring, id: r.id)), case .mentoring(let m) = now { r = m }
                        let note = "dashboard \(d).\(k) \(tag)"
                        r.sessions.append(Session(id: UUID(), date: Day(iso: CLI.today)!, minutes: 20, notes: note))
                        switch try store.save(.mentoring(r)) {
                        case .saved, .merged: tally.with { $0.acknowledged.append((id, note)) }
                        case .conflict(let c): tally.with { $0.refused.append("dashboard \(d): conflict \(c.conflicts)") }
                        }
                    }
                } catch {
                    tally.with { $0.refused.append("dashboard \(d): \(error)") }
                }
            }
        }
        #expect(group.wait(timeout: .now() + 240) == .success)
        print("concurrency: \(tally.acknowledged.count) of 28 saves acknowledged on 4 records, \(tally.refused.count) refused")
        let unclear = tally.refused.filter { !$0.contains("nothing was written") }
        #expect(unclear.isEmpty, "refused without a clear message: \(unclear)")
        var notes: [String: Int] = [:]
        for row in try folder.listJSON("mentoring") {
            guard let file = row["file"] as? String else { continue }
            for s in (try folder.object(file)["sessions"] as? [[String: Any]]) ?? [] {
                if let n = s["notes"] as? String { notes[n, default: 0] += 1 }
            }
        }
        for ack in tally.acknowledged { #expect(notes[ack.note] == 1, "acknowledged \"\(ack.note)\" is on disk \(notes[ack.note] ?? 0) times") }
        #expect(tally.acknowledged.count == 28, "\(tally.refused)")
        let leftovers = folder.entries().keys.filter { $0.hasSuffix(".tmp") || $0 == ".lock" }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(folder.run(["check"]).status == 0)
    }
}
