import Foundation
import Testing
import TandemCore
import TandemStore

/// Many writers on one record at once: processes running the built `tandem log` and threads
/// saving through their own `Store`s. Every save that was acknowledged must be on disk.
@Suite("Race: many writers on one record", .serialized)
struct CLIRaceTests {
    static let processes = 24
    static let threads = 8
    static let savesPerThread = 3

    /// What one writer reported.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var acknowledged: [String] = []
        private(set) var refused: [String] = []
        func ack(_ note: String) { lock.lock(); acknowledged.append(note); lock.unlock() }
        func refuse(_ why: String) { lock.lock(); refused.append(why); lock.unlock() }
    }

    @Test(arguments: [false, true])
    func everyAcknowledgedSaveIsOnDisk(leftoverLock: Bool) throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("mentoring").first)
        let id = try #require(row["id"] as? String), file = try #require(row["file"] as? String)
        let before = try #require(try folder.object(file)["sessions"] as? [[String: Any]]).count
        if leftoverLock {
            FileManager.default.createFile(atPath: folder.path(".lock"), contents: Data(CLILockTests.oldLock(
                pid: ProcessInfo.processInfo.processIdentifier, host: hostName()).utf8))
        }
        let tally = Tally()
        let dataDir = folder.dataDir, dataURL = folder.data
        let tag = UUID().uuidString.prefix(6)
        let started = ContinuousClock.now
        var workers: [Thread] = []
        let done = DispatchGroup()
        for n in 0..<Self.processes {
            done.enter()
            workers.append(Thread {
                let note = "process \(n) \(tag)"
                let r = CLI.run(["log", "--record", String(id.prefix(8)), "--minutes", "30", "--note", note, "--shared"] + dataDir, timeout: 200)
                if r.status == 0 && r.stdout.hasPrefix("Logged") { tally.ack(note) } else { tally.refuse("\(r.status): \(r.stderr)") }
                done.leave()
            })
        }
        for n in 0..<Self.threads {
            done.enter()
            workers.append(Thread {
                defer { done.leave() }
                do {
                    // Each thread is its own editor: loaded once, then saving from what it holds.
                    let store = try Store.open(at: dataURL, forEditing: true)
                    // Forty-odd writers queue for one lock: on a loaded machine the last in line
                    // can wait longer than a leader would, and this test is about what lands.
                    store.lockWait = .seconds(120)
                    let loaded = try store.load(scope: .open)
                    guard var mine = loaded.snapshot.relationships.first(where: { $0.id.uuidString.lowercased() == id.lowercased() }) else {
                        tally.refuse("thread \(n): record not loaded"); return
                    }
                    for k in 0..<Self.savesPerThread {
                        let note = "thread \(n).\(k) \(tag)"
                        mine.sessions.append(Session(id: UUID(), date: Day(iso: CLI.today)!, minutes: 20, notes: note))
                        switch try store.save(.mentoring(mine)) {
                        case .saved:
                            tally.ack(note)
                        case .merged(.mentoring(let merged), _):
                            mine = merged
                            tally.ack(note)
                        case .merged(let other, _):
                            tally.refuse("thread \(n): merged into \(other.ref)")
                        case .conflict(let c):
                            tally.refuse("thread \(n): conflict \(c.conflicts)")
                        }
                    }
                } catch {
                    tally.refuse("thread \(n): \(error)")
                }
            })
        }
        workers.forEach { $0.start() }
        #expect(done.wait(timeout: .now() + 240) == .success, "the writers did not finish within 240 s")
        let elapsed = ContinuousClock.now - started

        let sessions = try #require(try folder.object(file)["sessions"] as? [[String: Any]], "\(file) is not whole JSON")
        let notes = sessions.compactMap { $0["notes"] as? String }
        let writers = Self.processes + Self.threads * Self.savesPerThread
        print("race (leftover lock: \(leftoverLock)): \(tally.acknowledged.count) of \(writers) saves acknowledged, "
              + "\(sessions.count - before) sessions added, \(tally.refused.count) refused, in \(elapsed)")
        for note in tally.acknowledged {
            #expect(notes.filter { $0 == note }.count == 1, "acknowledged \"\(note)\" is not on disk exactly once")
        }
        // Nothing on disk that nobody acknowledged, and nothing half-written.
        #expect(sessions.count == before + tally.acknowledged.count)
        // A process may give up on a busy lock only with the clear "nothing was written" refusal.
        let unclear = tally.refused.filter { !$0.contains("nothing was written, try again") }
        #expect(unclear.isEmpty, "refused: \(unclear)")
        #expect(tally.acknowledged.count >= Self.threads * Self.savesPerThread, "refused: \(tally.refused)")
        let leftovers = folder.entries().keys.filter { $0.hasSuffix(".tmp") || $0.hasSuffix(".lock") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let check = folder.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
