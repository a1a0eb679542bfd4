import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Live reload through the runtime against a real store: another writer changes the folder,
/// a tick asks, the worker looks, `update` takes it in, the store adopts it.
@Suite("Live reload (runtime)")
final class LiveReloadRuntimeTests {
    let dir: URL
    let store: Store

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-live-tests-\(UUID().uuidString)")
        store = try Store.create(at: dir, agency: Fixture.tiny.agency)
        for p in Fixture.tiny.people { try store.save(p) }
        for e in Fixture.tiny.engagements { try store.save(e) }
        for r in Fixture.tiny.relationships { try store.save(r) }
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// A runtime whose clock the test moves; it starts from the stamp of its own load.
    func runtime() throws -> (AppRuntime, TestClock) {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        let clock = TestClock(Now(seconds: 1_000, today: Fixture.today))
        let rt = AppRuntime(state: state, store: store, backend: TestBackend(width: 100, height: 30), theme: .builtinDefault,
                            themes: ThemeCatalog(searchPaths: []), clock: { clock.read() }, stamp: loaded.stamp)
        rt.send(.tick(clock.read()))
        return (rt, clock)
    }

    /// Moves the clock past the check interval and lets the check land.
    func look(_ rt: AppRuntime, _ clock: TestClock) {
        let now = clock.read()
        clock.set(Now(seconds: now.seconds + 2.5, today: now.today))
        rt.send(.tick(clock.read()))
        rt.settle()
    }

    /// Another program's store on the same folder.
    func other() throws -> Store {
        let s = try Store.open(at: dir, forEditing: true)
        _ = try s.load(scope: .open)
        return s
    }

    @Test("a session logged by another writer shows up at the next look, and the next save here merges nothing away")
    func loggedElsewhere() throws {
        let (rt, clock) = try runtime()
        let elsewhere = try other()
        try elsewhere.modify(Fixture.pitchingRef) { r in
            guard case .coaching(var e) = r else { return r }
            e.sessions.append(Session(id: Fixture.id(900), date: Fixture.today, minutes: 25, notes: "Logged by tandem log"))
            return .coaching(e)
        }
        look(rt, clock)
        let e = try #require(rt.state.data.engagements.first)
        #expect(e.sessions.map(\.notes).contains("Logged by tandem log"))
        #expect(rt.state.status?.text == "Reloaded: Ana Lima's coaching changed by another program")
        // Adopted: a save here is a plain write (no merge needed), and keeps their session.
        rt.send(.keyPressed(.char("l")))
        for c in "mine here" { rt.send(.keyPressed(.char(c))) }
        rt.send(.keyPressed(.ctrl("s")))
        rt.settle()
        #expect(rt.state.status?.text.hasPrefix("Saved: Logged") == true, "\(rt.state.status?.text ?? "")")
        guard case .coaching(let disk) = try store.loadRecord(Fixture.pitchingRef) else { Issue.record("not coaching"); return }
        #expect(disk.sessions.map(\.notes).contains("Logged by tandem log") && disk.sessions.map(\.notes).contains("mine here"))
        // Its own save is not reported as an outside change.
        look(rt, clock)
        #expect(rt.state.status?.text.hasPrefix("Saved: Logged") == true)
    }

    @Test("a record added and one removed by others: taken in, said in one line")
    func addedAndRemoved() throws {
        let (rt, clock) = try runtime()
        let elsewhere = try other()
        let added = CoachingEngagement(id: Fixture.id(250), coacheeID: Fixture.chloe.id, coach: .person(Fixture.ben.id), focus: "Workshops",
                                       start: Fixture.today.adding(days: -3), deadline: Fixture.today.adding(days: 60))
        _ = try elsewhere.save(.coaching(added))
        try FileManager.default.removeItem(at: dir.appendingPathComponent(try #require(rt.state.files[Fixture.mentoringRef])))
        look(rt, clock)
        #expect(rt.state.data.engagements.map(\.id).contains(added.id))
        #expect(rt.state.data.relationships.isEmpty)
        #expect(rt.state.status?.text == "Reloaded: Chloé Dubois's coaching added by another program; 1 removed")
    }

    @Test("an unreadable file is said once; the record stays as it was in memory")
    func unreadable() throws {
        let (rt, clock) = try runtime()
        let rel = try #require(rt.state.files[Fixture.pitchingRef])
        try "{ \"format\" : 1, \"id\" : ".write(to: dir.appendingPathComponent(rel), atomically: true, encoding: .utf8)
        look(rt, clock)
        #expect(rt.state.status?.kind == .error)
        #expect(rt.state.status?.text.hasPrefix("Not reloaded: \(rel)") == true, "\(rt.state.status?.text ?? "")")
        #expect(rt.state.data.engagements == [Fixture.pitching])
        rt.send(.keyPressed(.char("j")))
        look(rt, clock)
        #expect(rt.state.status == nil, "reported once, not at every look")
    }

    @Test("a form open on a changed record stays; its save merges with the change")
    func formMerges() throws {
        let (rt, clock) = try runtime()
        rt.send(.keyPressed(.char("l")))
        for c in "typed while they saved" { rt.send(.keyPressed(.char(c))) }
        let elsewhere = try other()
        var theirs = Fixture.pitching
        theirs.outcome = "Their outcome"
        _ = try elsewhere.save(.coaching(theirs))
        look(rt, clock)
        #expect(rt.state.form?.text("notes") == "typed while they saved")
        #expect(rt.state.status?.text.contains("saving it merges the change") == true)
        rt.send(.keyPressed(.ctrl("s")))
        rt.settle()
        #expect(rt.state.status?.text.hasPrefix("Saved (merged with a change made elsewhere)") == true, "\(rt.state.status?.text ?? "")")
        let e = try #require(rt.state.data.engagements.first)
        #expect(e.outcome == "Their outcome" && e.sessions.contains { $0.notes == "typed while they saved" })
        #expect(try store.loadRecord(Fixture.pitchingRef) == .coaching(e))
        #expect(rt.state.undoStack.count == 1, "undo survives the merge")
        rt.send(.keyPressed(.char("u")))
        rt.settle()
        guard case .coaching(let undone) = try store.loadRecord(Fixture.pitchingRef) else { Issue.record("not coaching"); return }
        #expect(undone.outcome == "Their outcome" && undone.sessions.count == 1, "undo takes back only the session")
    }
}
