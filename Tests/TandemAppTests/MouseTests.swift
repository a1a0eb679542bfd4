import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Clicks and the wheel through the test backend and the real loop (`AppRuntime.run`), on the
/// demo agency in a temporary store. Where to click is read off the drawn screen, so a click
/// lands where the leader sees the thing.
@Suite("the mouse, opt-in")
final class MouseTests {
    let dir: URL
    let store: Store

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-mouse-tests-\(UUID().uuidString)")
        let demo = Fixture.demo
        store = try Store.create(at: dir, agency: demo.agency)
        for p in demo.people { try store.save(p) }
        for e in demo.engagements { try store.save(e) }
        for r in demo.relationships { try store.save(r) }
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: dir)
    }

    func runtime(mouse: Bool, width: Int = 140, height: Int = 40, keymap: Keymap = .standard) throws -> (AppRuntime, TestBackend) {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        state.mouseEnabled = mouse
        state.keymap = keymap
        let backend = TestBackend(width: width, height: height)
        let themes = ThemeCatalog(searchPaths: [dir.appendingPathComponent("no-themes-here")])
        let rt = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault, themes: themes,
                            clock: { Now(seconds: 1_000, today: Fixture.today) })
        return (rt, backend)
    }

    /// Runs the loop on what is queued, ending with a key that quits (Ctrl-C: quits from anywhere).
    func run(_ rt: AppRuntime, _ backend: TestBackend, _ events: [Event]) {
        backend.queuedEvents += events + [.key(.ctrl("c"))]
        rt.run()
    }

    /// Where a text is on the drawn screen: its first column and row.
    func find(_ text: String, in backend: TestBackend, below: Int = 0) throws -> (x: Int, y: Int) {
        let lines = rows(backend.screen)
        for y in below..<lines.count {
            if let r = lines[y].range(of: text) {
                return (DisplayWidth.of(String(lines[y][..<r.lowerBound])), y)
            }
        }
        Issue.record("\"\(text)\" is not on the screen:\n\(lines.joined(separator: "\n"))")
        throw CancellationError()
    }

    /// Draws the first frame (the loop's first draw) without running anything else.
    func firstFrame(_ rt: AppRuntime, _ backend: TestBackend) {
        backend.queuedEvents = [.key(.ctrl("c"))]
        rt.run()
    }

    @Test("off by default: the backend is never asked for the mouse, and a click changes nothing")
    func offByDefault() throws {
        let (rt, backend) = try runtime(mouse: false)
        let before = rt.state.dashboard
        let row = rt.state.rows.mentoring[2]
        run(rt, backend, [.mouse(MouseEvent(.click, x: 100, y: 6)), .mouse(MouseEvent(.wheelDown, x: 10, y: 6))])
        #expect(!backend.mouseEnabled)
        #expect(rt.state.dashboard == before)
        #expect(rt.state.dashboard.mentoring.selectedID != row.id || before.mentoring.selectedID == row.id)
    }

    @Test("a click on a row of the other pane focuses the pane and selects the row under the pointer")
    func clickSelectsTheRowSeen() throws {
        let (probe, probeBackend) = try runtime(mouse: true)
        firstFrame(probe, probeBackend)
        let target = probe.state.rows.mentoring[2]
        let mentee = String(Fixture.demo.people.first { $0.id == target.relationship.menteeID }!.name.prefix(12))
        let at = try find(mentee, in: probeBackend, below: 2)

        let (rt, backend) = try runtime(mouse: true)
        #expect(rt.state.dashboard.focus == .coaching)
        run(rt, backend, [.mouse(MouseEvent(.click, x: at.x, y: at.y))])
        #expect(backend.mouseEnabled)
        #expect(rt.state.dashboard.focus == .mentoring)
        #expect(rt.state.dashboard.mentoring.selectedID == target.id)
        #expect(rt.state.stack.count == 1)
    }

    @Test("a double click opens the record under the pointer")
    func doubleClickOpens() throws {
        let (probe, probeBackend) = try runtime(mouse: true)
        firstFrame(probe, probeBackend)
        let target = probe.state.rows.coaching[1]
        let coachee = String(target.coachee.prefix(12))
        let at = try find(coachee, in: probeBackend, below: 2)

        let (rt, backend) = try runtime(mouse: true)
        run(rt, backend, [.mouse(MouseEvent(.doubleClick, x: at.x, y: at.y))])
        #expect(rt.state.detail?.ref == RecordRef(kind: .coaching, id: target.id))
    }

    @Test("the wheel scrolls the pane under the pointer, three rows a notch, by the table's ↓ (remapped or not)")
    func wheelScrollsThePaneUnderThePointer() throws {
        let remapped = Keymap.standard.applying([KeyRemap(context: "list", action: "down", keys: ["v"], position: SourcePosition(line: 1, column: 1))])
        #expect(remapped.problems.isEmpty)
        for keymap in [Keymap.standard, remapped.keymap] {
            let (probe, probeBackend) = try runtime(mouse: true)
            firstFrame(probe, probeBackend)
            let layout = AppLayout(probe.state)
            let (rt, backend) = try runtime(mouse: true, keymap: keymap)
            let first = rt.state.rows.mentoring.first!.id
            #expect(rt.state.dashboard.mentoring.selectedID == first || rt.state.dashboard.mentoring.selectedID == nil)
            let pane = layout.mentoringPane
            run(rt, backend, [.mouse(MouseEvent(.wheelDown, x: pane.x + 3, y: pane.y + 3))])
            #expect(rt.state.dashboard.focus == .mentoring)
            #expect(rt.state.dashboard.mentoring.selectedID == rt.state.rows.mentoring[3].id)
            #expect(rt.state.dashboard.coaching.selectedID == probe.state.dashboard.coaching.selectedID)
        }
    }

    @Test("a click on a footer hint runs it: where the footer shows “? help”, the help opens")
    func footerHintRuns() throws {
        let (probe, probeBackend) = try runtime(mouse: true)
        firstFrame(probe, probeBackend)
        let footer = probeBackend.screen.height - 1
        let at = try find("? help", in: probeBackend, below: footer)
        let (rt, backend) = try runtime(mouse: true)
        run(rt, backend, [.mouse(MouseEvent(.click, x: at.x + 3, y: at.y))])
        #expect(rt.state.help != nil)
        // Between two hints nothing runs.
        let (rt2, backend2) = try runtime(mouse: true)
        run(rt2, backend2, [.mouse(MouseEvent(.click, x: at.x - 1, y: at.y))])
        #expect(rt2.state.help == nil && rt2.state.stack.count == 1)
    }

    @Test("a remapped footer hint shows the user's key, and a click on it presses that key")
    func remappedFooterHint() throws {
        let remapped = Keymap.standard.applying([KeyRemap(context: "global", action: "help", keys: ["F1"], position: SourcePosition(line: 1, column: 1))])
        let (rt, backend) = try runtime(mouse: true, keymap: remapped.keymap)
        firstFrame(rt, backend)
        let footer = backend.screen.height - 1
        #expect(!rows(backend.screen)[footer].contains("? help"))
        let at = try find("F1 help", in: backend, below: footer)
        let (rt2, backend2) = try runtime(mouse: true, keymap: remapped.keymap)
        run(rt2, backend2, [.mouse(MouseEvent(.click, x: at.x, y: at.y))])
        #expect(rt2.state.help != nil)
    }

    @Test("in a form, a click on a field focuses it")
    func clickFocusesAFormField() throws {
        let (probe, probeBackend) = try runtime(mouse: true)
        backendRun(probe, probeBackend, [.key(.char("l"))])
        let form = try #require(probe.state.form)
        let target = form.fields.count - 1
        let label = String(form.fields[target].label.prefix(6))
        let title = try find(form.title, in: probeBackend)
        let at = try find(label, in: probeBackend, below: title.y + 1)

        let (rt, backend) = try runtime(mouse: true)
        backendRun(rt, backend, [.key(.char("l")), .mouse(MouseEvent(.click, x: at.x, y: at.y))])
        #expect(rt.state.form?.focus == target)
        // Nothing typed was lost on the way: the fields hold what they held.
        #expect(rt.state.form?.values == form.values)
    }

    /// Runs events and then quits with Ctrl-C only after the screen was drawn for them.
    func backendRun(_ rt: AppRuntime, _ backend: TestBackend, _ events: [Event]) {
        backend.queuedEvents += events
        // Ctrl-C keeps an open form as a draft and quits; the state stays as it was on screen.
        backend.queuedEvents.append(.key(.ctrl("c")))
        rt.run()
    }
}
