import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Quitting from anywhere (Ctrl-C, a closed terminal) while a version is kept unsaved (a save
/// that failed: a full disk) never throws away what was typed: it is saved once more, and what
/// still does not save is kept as a draft, offered back at the next start merged with the file
/// as it is by then, and its drafts go once it is saved (or `:q` drops it).
@Suite("Quitting with an unsaved version keeps it")
final class UnsavedAtQuitTests {
    let dir: URL
    let store: Store
    let typed = "Typed while the disk was full"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-unsaved-\(UUID().uuidString)")
        store = try Store.create(at: dir, agency: Fixture.tiny.agency)
        for p in Fixture.tiny.people { try store.save(p) }
        for e in Fixture.tiny.engagements { try store.save(e) }
        for r in Fixture.tiny.relationships { try store.save(r) }
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// A dashboard on `store` (or a fresh store on the same folder: a later run).
    func runtime(_ store: Store, takingBack: Bool = false) throws -> AppRuntime {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        if takingBack {
            let (versions, problems) = store.unsavedVersions()
            state.takeBackUnsaved(versions, problems: problems)
        }
        return AppRuntime(state: state, store: store, backend: TestBackend(width: 100, height: 30), theme: .builtinDefault,
                          themes: ThemeCatalog(searchPaths: [dir.appendingPathComponent("no-themes")]),
                          clock: { Now(seconds: 1_000, today: Fixture.today) })
    }

    func send(_ rt: AppRuntime, _ keys: [Key]) { for k in keys { rt.send(.keyPressed(k)); rt.settle() } }

    /// Logs a session on the pitching engagement while every write fails with a full disk.
    func logWhileFull(_ rt: AppRuntime) {
        store.simulatedWriteError = ENOSPC
        send(rt, [.char("l")])
        send(rt, typed.map(Key.char))
        send(rt, [.ctrl("s")])
    }

    /// Logs while the disk is full, quits from anywhere (the save on the way out fails too), and
    /// keeps what is left as the dashboard's caller does; the disk then has room again.
    func quitWhileFullKeepingWhatIsLeft(_ rt: AppRuntime, editing edit: (Record) -> Record = { $0 }) throws {
        logWhileFull(rt)
        rt.send(.terminate)
        rt.settle()
        for (_, record) in rt.state.unsavedVersions { try store.keepUnsaved(edit(record)) }
        store.simulatedWriteError = nil
    }

    /// Another program changes the pitching engagement between the runs.
    func changeElsewhere(_ change: (inout CoachingEngagement) -> Void) throws {
        let other = try Store.open(at: dir, forEditing: true)
        _ = try other.load(scope: .all)
        guard case .coaching(var e) = try other.loadRecord(Fixture.pitchingRef) else { Issue.record("not coaching"); return }
        change(&e)
        _ = try other.save(.coaching(e))
    }

    var draftsFolder: URL { dir.appendingPathComponent("drafts") }
    func draftNames() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: draftsFolder.path)) ?? []).sorted() }
    func file(_ rt: AppRuntime) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(try #require(rt.state.files[Fixture.pitchingRef])), encoding: .utf8)
    }

    @Test func ctrlCSavesOnceMoreWhenTheDiskHasRoomAgain() throws {
        let rt = try runtime(store)
        logWhileFull(rt)
        #expect(rt.state.unsaved.contains(Fixture.pitchingRef))
        store.simulatedWriteError = nil
        rt.send(.terminate)
        rt.settle()
        #expect(rt.state.isQuitting)
        #expect(rt.state.unsaved.isEmpty, "saved on the way out")
        #expect(rt.state.unsavedVersions.isEmpty)
        #expect(try file(rt).contains(typed))
    }

    @Test func whatStillDoesNotSaveIsKeptAndComesBackAtTheNextStart() throws {
        let rt = try runtime(store)
        let rel = try #require(rt.state.files[Fixture.pitchingRef])
        let before = try Data(contentsOf: dir.appendingPathComponent(rel))
        logWhileFull(rt)
        rt.send(.terminate)
        rt.settle()
        #expect(try Data(contentsOf: dir.appendingPathComponent(rel)) == before, "nothing half-written")
        let left = rt.state.unsavedVersions
        #expect(left.map(\.label) == ["Ana Lima's coaching"])
        for (_, record) in left { try store.keepUnsaved(record) }
        let name = Store.unsavedDraftName(Fixture.pitchingRef)
        #expect(draftNames() == ["\(name).base.json", "\(name).json"])

        // The next start: the disk has room again.
        store.simulatedWriteError = nil
        let later = try Store.open(at: dir, forEditing: true)
        let next = try runtime(later, takingBack: true)
        let back = try #require(next.state.data.value(of: Fixture.pitchingRef))
        #expect(sessions(of: back).contains { $0.notes == typed }, "the typed session is back on screen")
        #expect(next.state.unsaved == [Fixture.pitchingRef])
        #expect(next.state.status?.text.hasPrefix("Back from an earlier run, unsaved: your version of Ana Lima's coaching") == true,
                "\(next.state.status?.text ?? "")")
        send(next, [.char("q")])
        #expect(next.state.isQuitting == false, "q does not quit while it is unsaved")
        send(next, [.char(":"), .char("w"), .enter])
        #expect(next.state.unsaved.isEmpty)
        #expect(try file(next).contains(typed))
        #expect(draftNames().isEmpty, "its drafts go once it is saved")
    }

    @Test func theKeptEditIsMergedWithWhatTheFileGotMeanwhile() throws {
        try quitWhileFullKeepingWhatIsLeft(try runtime(store))
        // Between the runs another program logs a session on the same engagement.
        try changeElsewhere { $0.sessions.append(Session(id: UUID(), date: Fixture.today, minutes: 20, notes: "Logged from the command line")) }

        let later = try Store.open(at: dir, forEditing: true)
        let next = try runtime(later, takingBack: true)
        let back = try #require(next.state.data.value(of: Fixture.pitchingRef))
        let notes = Set(sessions(of: back).map(\.notes))
        #expect(notes.isSuperset(of: [typed, "Logged from the command line", "Reviewed the Acme deck"]), "\(notes)")
        send(next, [.char(":"), .char("w"), .enter])
        let text = try file(next)
        #expect(text.contains(typed) && text.contains("Logged from the command line") && text.contains("Reviewed the Acme deck"))
    }

    @Test func anEditThatConflictsWithTheFileIsLeftInItsDraft() throws {
        try quitWhileFullKeepingWhatIsLeft(try runtime(store)) { record in
            guard case .coaching(var mine) = record else { return record }
            mine.focus = "Our focus"
            return .coaching(mine)
        }
        try changeElsewhere { $0.focus = "Their focus" }

        let later = try Store.open(at: dir, forEditing: true)
        let next = try runtime(later, takingBack: true)
        #expect(next.state.unsaved.isEmpty, "nothing is taken back over the file")
        let status = try #require(next.state.status)
        #expect(status.kind == .error)
        #expect(status.text.contains("1 unsaved version from an earlier run left in drafts/") && status.text.contains("changed the same field"),
                "\(status.text)")
        #expect(draftNames().count == 2, "both are kept as they are")
        #expect(try file(next).contains("Their focus"))
    }

    @Test func colonWQSavesOnceMoreAndKeepsWhatStillFails() throws {
        let rt = try runtime(store)
        logWhileFull(rt)
        send(rt, [.char(":"), .char("w"), .char("q"), .enter])
        #expect(rt.state.isQuitting)
        #expect(rt.state.unsavedVersions.map(\.label) == ["Ana Lima's coaching"], "still full: left for the caller to keep")
        store.simulatedWriteError = nil
        let again = try runtime(store)
        logWhileFull(again)
        store.simulatedWriteError = nil
        send(again, [.char(":"), .char("x"), .enter])
        #expect(again.state.unsavedVersions.isEmpty)
        #expect(try file(again).contains(typed))
    }

    @Test func colonQDropsAKeptVersionAndItsDrafts() throws {
        try quitWhileFullKeepingWhatIsLeft(try runtime(store))
        let later = try Store.open(at: dir, forEditing: true)
        let next = try runtime(later, takingBack: true)
        #expect(next.state.unsaved == [Fixture.pitchingRef])
        send(next, [.char(":"), .char("q"), .enter])
        #expect(next.state.isQuitting)
        #expect(next.state.unsavedVersions.isEmpty, "nothing is left for the caller to keep again")
        #expect(draftNames().isEmpty)
        #expect(try !file(next).contains(typed))
    }
}
