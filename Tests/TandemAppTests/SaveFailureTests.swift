import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// A full disk while saving from the dashboard: the typed session is not thrown away. It stays
/// on screen, unsaved, the status line says so, `q` does not quit, and `:w` saves it once the
/// disk has room again.
@Suite("A failed write keeps what was typed")
final class SaveFailureTests {
    let dir: URL
    let store: Store

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-app-tests-\(UUID().uuidString)")
        store = try Store.create(at: dir, agency: Fixture.tiny.agency)
        for p in Fixture.tiny.people { try store.save(p) }
        for e in Fixture.tiny.engagements { try store.save(e) }
        for r in Fixture.tiny.relationships { try store.save(r) }
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    @Test func aFullDiskKeepsTheTypedSessionForColonW() throws {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        let backend = TestBackend(width: 100, height: 30)
        let themes = ThemeCatalog(searchPaths: [dir.appendingPathComponent("no-themes")])
        let rt = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault, themes: themes,
                            clock: { Now(seconds: 1_000, today: Fixture.today) })
        func send(_ keys: [Key]) { for k in keys { rt.send(.keyPressed(k)); rt.settle() } }
        let ref = Fixture.pitchingRef
        let rel = try #require(rt.state.files[ref])
        let before = try Data(contentsOf: dir.appendingPathComponent(rel))

        store.simulatedWriteError = ENOSPC
        send([.char("l")])
        send("Typed while the disk was full".map(Key.char))
        send([.ctrl("s")])
        let status = try #require(rt.state.status)
        #expect(status.kind == .error)
        #expect(status.text.contains("No space left on device"), "\(status.text)")
        #expect(status.text.contains("kept on screen, unsaved") && status.text.contains(":w saves it again"), "\(status.text)")
        // What to do comes before the reason, which may be long (a path, a link's target): the
        // status line holds three rows, and ":w" must be in them.
        let colonW = try #require(status.text.range(of: ":w saves it again")), reason = try #require(status.text.range(of: "No space left"))
        #expect(colonW.lowerBound < reason.lowerBound, "\(status.text)")
        #expect(try Data(contentsOf: dir.appendingPathComponent(rel)) == before, "nothing half-written")
        let kept = try #require(rt.state.data.value(of: ref))
        #expect(sessions(of: kept).contains { $0.notes == "Typed while the disk was full" }, "the typed session is still in memory")
        #expect(rt.state.unsaved.contains(ref))
        send([.char("q")])
        #expect(rt.state.status?.text.hasPrefix("Not quitting") == true, "\(rt.state.status?.text ?? "")")
        // Nothing was changed elsewhere: the disk was full.
        #expect(rt.state.status?.text.contains("elsewhere") == false, "\(rt.state.status?.text ?? "")")

        store.simulatedWriteError = nil
        send([.char(":"), .char("w"), .enter])
        #expect(try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8).contains("Typed while the disk was full"))
        #expect(rt.state.unsaved.isEmpty)
    }
}
