import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The runtime against a real store in a temporary folder, drawn on a `TestBackend`.
@Suite("AppRuntime")
final class AppRuntimeTests {
    let dir: URL
    let store: Store

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-app-tests-\(UUID().uuidString)")
        store = try Store.create(at: dir, agency: Fixture.tiny.agency)
        for p in Fixture.tiny.people { try store.save(p) }
        for e in Fixture.tiny.engagements { try store.save(e) }
        for r in Fixture.tiny.relationships { try store.save(r) }
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: dir)
    }

    func runtime(width: Int = 80, height: Int = 24, progressAfter: Double = 0.3) throws -> (AppRuntime, TestBackend) {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        let backend = TestBackend(width: width, height: height)
        let themes = ThemeCatalog(searchPaths: [dir.deletingLastPathComponent().appendingPathComponent("no-themes-here")])
        let rt = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault, themes: themes,
                            clock: { Now(seconds: 1_000, today: Fixture.today) }, progressAfterSeconds: progressAfter)
        return (rt, backend)
    }

    /// Sends keys as the loop would, waiting for the background work each one starts.
    func send(_ rt: AppRuntime, _ keys: [Key]) { for k in keys { rt.send(.keyPressed(k)); rt.settle() } }
    func send(_ rt: AppRuntime, _ text: String) { send(rt, text.map(Key.char)) }

    func file(_ rt: AppRuntime, _ ref: RecordRef) throws -> String {
        let rel = try #require(rt.state.files[ref])
        return try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8)
    }

    @Test("the runtime takes its size from the backend")
    func size() throws {
        let (rt, _) = try runtime(width: 132, height: 41)
        #expect(rt.state.width == 132 && rt.state.height == 41)
    }

    @Test("Ctrl-S writes the new session to the record's file; u takes it out again")
    func logThenUndo() throws {
        let (rt, _) = try runtime()
        let ref = Fixture.pitchingRef
        #expect(try !file(rt, ref).contains("Ran the pitch on the client"))
        send(rt, [.char("l")])
        send(rt, "Ran the pitch on the client")
        send(rt, [.ctrl("s")])
        #expect(try file(rt, ref).contains("\"notes\" : \"Ran the pitch on the client\""))
        #expect(rt.state.status?.text.hasPrefix("Saved: ") == true)
        #expect(rt.state.status?.kind == .ok)
        #expect(rt.state.pending.isEmpty)
        let reloaded = try store.loadRecord(ref)
        #expect(sessions(of: reloaded).count == 2)

        send(rt, [.char("u")])
        #expect(try !file(rt, ref).contains("Ran the pitch on the client"))
        #expect(try store.loadRecord(ref) == .coaching(Fixture.pitching))
        #expect(rt.state.status?.text.hasPrefix("Saved: Undid: ") == true)
        #expect(rt.state.status?.text.hasPrefix("Saved: ") == true)

        send(rt, [.ctrl("r")])
        #expect(try file(rt, ref).contains("Ran the pitch on the client"))
    }

    @Test("a new person gets a file; undo deletes it")
    func newPersonFile() throws {
        let (rt, _) = try runtime()
        send(rt, [.char("n"), .char("p")])
        send(rt, "Dana Scully")
        send(rt, [.ctrl("s")])
        let ref = RecordRef(kind: .person, id: Fixture.id(1))
        let rel = try #require(rt.state.files[ref])
        #expect(rel.hasPrefix("people/dana-scully-"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(rel).path))
        send(rt, [.char("u")])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(rel).path))
        #expect(rt.state.files[ref] == nil)
    }

    /// Rewrites a record file as another program would.
    func editOnDisk(_ url: URL, _ from: String, _ to: String) throws -> String {
        let outside = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: from, with: to)
        try outside.write(to: url, atomically: true, encoding: .utf8)
        return outside
    }

    /// Runs one save effect as `update` would ask for it, feeding back what it reports.
    func save(_ rt: AppRuntime, _ record: Record, force: Bool = false) {
        for msg in rt.worker.perform(.save(record, force: force)) { rt.send(msg); rt.settle() }
    }

    @Test("a change on disk to another field merges with a logged session: both land, memory takes the merge")
    func mergeWithDisk() throws {
        let (rt, _) = try runtime()
        let ref = Fixture.pitchingRef
        let url = dir.appendingPathComponent(try #require(rt.state.files[ref]))
        _ = try editOnDisk(url, "Pitching to clients", "Pitching, edited in another editor")

        send(rt, [.char("l")])
        send(rt, "mine")
        send(rt, [.ctrl("s")])
        #expect(rt.state.confirm == nil)
        let now = try String(contentsOf: url, encoding: .utf8)
        #expect(now.contains("\"notes\" : \"mine\""))
        #expect(now.contains("Pitching, edited in another editor"))
        #expect(rt.state.data.engagements.first { $0.id == ref.id }?.focus == "Pitching, edited in another editor")
        #expect(rt.state.data.engagements.first { $0.id == ref.id }?.sessions.count == 2)
        #expect(rt.state.status?.text.hasPrefix("Saved (merged with a change made elsewhere): Logged") == true)
        // The merged version is now what the store compares against: the next save just writes.
        #expect(try store.save(.coaching(try #require(rt.state.data.engagements.first { $0.id == ref.id }))) == .saved(file: rt.state.files[ref]!))
    }

    @Test("a file deleted on disk asks; Enter (mine) writes the on-screen version back")
    func deletedOnDisk() throws {
        let (rt, _) = try runtime()
        let ref = Fixture.pitchingRef
        let url = dir.appendingPathComponent(try #require(rt.state.files[ref]))
        try FileManager.default.removeItem(at: url)
        send(rt, [.char("l")])
        send(rt, "mine")
        send(rt, [.ctrl("s")])
        let c = try #require(rt.state.conflict)
        #expect(c.deletedOnDisk)
        #expect(!FileManager.default.fileExists(atPath: url.path), "nothing written yet")
        send(rt, [.enter])
        #expect(rt.state.conflict == nil)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("\"notes\" : \"mine\""))
        #expect(rt.state.status?.text.hasPrefix("Saved: ") == true)
        #expect(rt.state.unsaved.isEmpty)
    }

    @Test("the same field changed both ways opens the choice; Enter keeps mine there and theirs everywhere else")
    func conflictKeepMine() throws {
        let (rt, _) = try runtime()
        let ref = Fixture.pitchingRef
        let url = dir.appendingPathComponent(try #require(rt.state.files[ref]))
        var theirs = Fixture.pitching
        theirs.focus = "Theirs"
        theirs.outcome = "Their outcome"
        // Another editor (a second dashboard) saves first.
        let other = try Store.open(at: dir, forEditing: true)
        _ = try other.load(scope: .open)
        #expect(try other.save(.coaching(theirs)) == .saved(file: rt.state.files[ref]!))
        let outside = try String(contentsOf: url, encoding: .utf8)
        var mine = Fixture.pitching
        mine.focus = "Mine"
        save(rt, .coaching(mine))
        let c = try #require(rt.state.conflict)
        #expect(c.fields.map(\.path.description) == ["focus"])
        #expect(try String(contentsOf: url, encoding: .utf8) == outside, "nothing written yet")
        send(rt, [.enter])
        let now = try String(contentsOf: url, encoding: .utf8)
        #expect(now.contains("\"focus\" : \"Mine\""))
        #expect(now.contains("\"outcome\" : \"Their outcome\""))
        #expect(rt.state.data.engagements.first { $0.id == ref.id }?.outcome == "Their outcome")
        #expect(rt.state.status?.kind == .ok)
    }

    @Test("t takes theirs for the field; the rest of mine stays; the file is what the screen shows")
    func conflictTakeTheirs() throws {
        let (rt, _) = try runtime()
        let ref = Fixture.pitchingRef
        let url = dir.appendingPathComponent(try #require(rt.state.files[ref]))
        _ = try editOnDisk(url, "Pitching to clients", "Pitching, edited elsewhere")
        send(rt, [.char("l")])
        send(rt, "my note")
        send(rt, [.ctrl("s")])
        // The log merged (a session is an item of its own); now change the focus both ways.
        #expect(rt.state.conflict == nil)
        #expect(rt.state.status?.text.hasPrefix("Saved (merged with a change made elsewhere)") == true)
        _ = try editOnDisk(url, "Pitching, edited elsewhere", "Theirs again")
        var mine = try #require(rt.state.data.engagements.first)
        mine.focus = "Mine"
        mine.outcome = "My outcome"
        save(rt, .coaching(mine))
        #expect(rt.state.conflict?.fields.map(\.path.description) == ["focus"])
        send(rt, [.char("t"), .enter])
        let disk = try store.loadRecord(ref)
        guard case .coaching(let e) = disk else { Issue.record("not coaching"); return }
        #expect(e.focus == "Theirs again" && e.outcome == "My outcome")
        #expect(e.sessions.contains { $0.notes == "my note" })
        #expect(rt.state.data.engagements.first == e)
    }

    @Test("termination with a dirty form leaves a draft the next run finds")
    func draftOnTerminate() throws {
        let (rt, _) = try runtime()
        send(rt, [.char("l")])
        send(rt, "unsaved thought")
        rt.send(.terminate)
        rt.settle()
        #expect(rt.state.isQuitting)
        let drafts = AppRuntime.loadDrafts(from: store)
        #expect(drafts.count == 1)
        #expect(drafts.first?.fields["notes"] == "unsaved thought")
        #expect(drafts.first?.kind == .log(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id)))
    }

    @Test("an unknown theme is reported in the status line")
    func unknownTheme() throws {
        let (rt, _) = try runtime()
        send(rt, [.char(":")])
        send(rt, "theme nosuch")
        send(rt, [.enter])
        #expect(rt.state.status?.kind == .error)
        #expect(rt.state.status?.text.contains("unknown theme \"nosuch\"") == true)
        #expect(rt.state.themeName == "default")
    }

    @Test("run() draws, handles queued keys and resizes, and stops at q")
    func run() throws {
        let (rt, backend) = try runtime()
        backend.queuedEvents = [.key(.char("l"))] + "from run".map { Event.key(.char($0)) } + [.key(.ctrl("s"))]
        backend.resize(width: 50, height: 12)
        backend.queuedEvents.append(.key(.char("q")))
        #expect(rt.run() == 0)
        #expect(rt.state.isQuitting)
        #expect(try file(rt, Fixture.pitchingRef).contains("from run"))
        #expect(rt.state.width == 50 && rt.state.height == 12)
        #expect(backend.screen.text.contains("need 60x16, have 50x12"))
        #expect(backend.clearCount >= 2, "the first frame and the resize repaint everything")
    }

    @Test("Ctrl-L paints the whole screen again, at any size")
    func redraw() throws {
        let (plain, plainBackend) = try runtime()
        plainBackend.queuedEvents = [.key(.char("q"))]
        plain.run()
        let (rt, backend) = try runtime()
        backend.resize(width: 50, height: 12)
        backend.queuedEvents.append(.key(.ctrl("l")))
        backend.queuedEvents.append(.key(.char("q")))
        #expect(rt.run() == 0)
        #expect(backend.clearCount == plainBackend.clearCount + 2, "the resize and Ctrl-L repaint everything")
    }

    @Test("the screen on the backend matches the view")
    func draws() throws {
        let (rt, backend) = try runtime()
        backend.queuedEvents = [.key(.char("j")), .key(.char("q"))]
        rt.run()
        let expected = AppView.render(rt.state, theme: .builtinDefault)
        #expect(backend.screen.lines == expected.lines)
        #expect(backend.screen.text.contains("Ana Lima"))
    }

    @Test("store work runs off the loop: keys keep working, a progress line shows, the result comes back as a message")
    func background() throws {
        // The clock stands still here: show the progress line at once.
        let (rt, backend) = try runtime(progressAfter: 0)
        rt.worker.hold()
        rt.send(.keyPressed(.char("l")))
        for c in "slow disk" { rt.send(.keyPressed(.char(c))) }
        rt.send(.keyPressed(.ctrl("s")))
        #expect(rt.worker.isBusy)
        #expect(try !file(rt, Fixture.pitchingRef).contains("slow disk"), "not on disk yet")
        #expect(rt.state.pending.count == 1)
        // The loop goes on meanwhile: a key moves, a frame shows the progress line.
        rt.send(.keyPressed(.char("j")))
        rt.collect()
        #expect(rt.state.progress == "Saving coaching record…")
        rt.draw()
        #expect(backend.screen.text.contains("Saving"))
        rt.worker.release()
        rt.settle()
        #expect(try file(rt, Fixture.pitchingRef).contains("slow disk"))
        #expect(rt.state.pending.isEmpty && rt.state.progress == nil)
        #expect(rt.state.status?.text.hasPrefix("Saved: ") == true)
    }

    @Test("the runtime ticks with the injected clock: midnight rolls the day over without a key")
    func ticks() throws {
        let loaded = try store.load(scope: .open)
        let state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        let backend = TestBackend(width: 80, height: 24)
        let clock = TestClock(Now(seconds: 100, today: Fixture.today))
        let rt = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault,
                            themes: ThemeCatalog(searchPaths: []), clock: { clock.read() }, tickSeconds: 1)
        rt.send(.tick(clock.read()))
        clock.set(Now(seconds: 200, today: Fixture.today.adding(days: 1)))
        // No events queued: one pass of the loop ticks; then q quits.
        clock.onRead = { n in if n > 6 { backend.queuedEvents = [.key(.char("q"))] } }
        #expect(rt.run() == 0)
        #expect(rt.state.today == Fixture.today.adding(days: 1))
    }
}

extension AppState {
    /// The conflict dialog when it is on top.
    var conflict: ConflictState? { if case .conflict(let c) = top { c } else { nil } }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private var now: Now
    private var reads = 0
    var onRead: ((Int) -> Void)?
    init(_ now: Now) { self.now = now }
    func set(_ n: Now) { now = n }
    func read() -> Now { reads += 1; onRead?(reads); return now }
}
