import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// `:sync` runs team sync off the loop and says in the status line how it went.
@Suite("The :sync command")
struct SyncCommandTests {
    @Test(":sync asks for the sync effect, which runs in the background")
    func asks() {
        var s = Fixture.state()
        #expect(CommandLineTests.run(&s, "sync") == [.sync])
        #expect(s.status?.text == "Syncing with git…")
        #expect(Effect.sync.runsInBackground)
        #expect(Effect.sync.progressLabel == "Syncing with git…")
    }

    @Test(":sync on a read-only store is refused")
    func readOnly() {
        var s = Fixture.state(readOnly: "the folder is on a read-only file system")
        #expect(CommandLineTests.run(&s, "sync") == [])
        #expect(s.status?.kind == .error)
    }

    @Test("the result lands in the status line: ok, or the error")
    func result() {
        var s = Fixture.state()
        #expect(update(&s, .syncFinished(text: "Synced: nothing to commit, nothing came in, pushed", ok: true)) == [])
        #expect(s.status == Status("Synced: nothing to commit, nothing came in, pushed", .ok))
        _ = update(&s, .syncFinished(text: "Sync stopped", ok: false))
        #expect(s.status?.kind == .error)
    }

    @Test("the worker's sync on a folder that is no repository says what to do")
    func noRepository() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-sync-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.create(at: dir, agency: Agency(name: "A"))
        let msgs = EffectWorker.sync(store)
        guard case .syncFinished(let text, let ok)? = msgs.first else { Issue.record("no syncFinished: \(msgs)"); return }
        #expect(!ok)
        #expect(text.contains("run tandem sync --init REMOTE first"))
    }
}
