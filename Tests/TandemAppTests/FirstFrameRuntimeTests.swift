import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The dashboard's start on a store whose load cache vouches for it: the first frame is drawn
/// from a load that holds the open records' older sessions lean and did not `stat` the closed
/// files; right after it they are read whole and the folder is looked at, so nothing is missed.
@Suite("First frame (runtime)")
final class FirstFrameRuntimeTests {
    let dir: URL
    let store: Store
    let demo: Snapshot

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-first-frame-tests-\(UUID().uuidString)")
        demo = DemoAgency.generate(today: Fixture.today, options: DemoOptions(seed: 7, people: 24, engagements: 40,
                                                                              relationships: 20, sessions: 600))
        store = try Store.create(at: dir, agency: demo.agency)
        for p in demo.people { try store.save(p) }
        for e in demo.engagements { try store.save(e) }
        for r in demo.relationships { try store.save(r) }
        for a in demo.assessments { try store.save(a) }
        _ = try Store.open(at: dir, forEditing: true).load(scope: .open)
        // The cache as if written ten seconds later, so it vouches for every file (no sleeping).
        let cache = dir.appendingPathComponent(".cache/load.bin").path
        var st = stat()
        #expect(stat(cache, &st) == 0)
        var times = [timespec(tv_sec: st.st_mtim.tv_sec + 10, tv_nsec: 0), timespec(tv_sec: st.st_mtim.tv_sec + 10, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, cache, &times, 0) == 0)
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    /// What `run` does up to and just after the first frame, then the background work landed.
    func start(firstFrame: Bool) throws -> (AppRuntime, TestBackend, frame: String, Loaded) {
        let store = try Store.open(at: dir, forEditing: true)
        let loaded = try store.load(scope: .open, forFirstFrame: firstFrame)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.holdFirstFrameLoad(lean: loaded.lean, unstated: loaded.unstated)
        let backend = TestBackend(width: 120, height: 40)
        let rt = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault,
                            themes: ThemeCatalog(searchPaths: []), clock: { Now(seconds: 1_000, today: Fixture.today) }, stamp: loaded.stamp)
        rt.send(.started)
        rt.send(.tick(Now(seconds: 1_000, today: Fixture.today)))
        rt.draw()
        let frame = backend.screen.text
        rt.send(.firstFrameDrawn)
        rt.settle()
        return (rt, backend, frame, loaded)
    }

    static func sorted(_ s: Snapshot) -> Snapshot {
        var s = s
        s.engagements.sort { $0.id.uuidString < $1.id.uuidString }
        s.relationships.sort { $0.id.uuidString < $1.id.uuidString }
        return s
    }

    @Test("the first frame is the same; right after it the lean records are read whole and input no longer waits")
    func leanThenWhole() throws {
        let (plain, _, plainFrame, _) = try start(firstFrame: false)
        let (rt, backend, frame, loaded) = try start(firstFrame: true)
        #expect(!loaded.lean.isEmpty && loaded.unstated > 0)
        #expect(frame == plainFrame)
        #expect(Self.sorted(rt.state.data) == Self.sorted(plain.state.data))
        #expect(!rt.state.holdsLeanRecords)
        #expect(rt.state.status == nil, "nothing changed outside: nothing to say")
        // Enter on a record shows its detail with every note.
        rt.send(.keyPressed(.enter))
        rt.settle()
        rt.draw()
        let selected = try #require(rt.state.selectedRecord)
        #expect(rt.state.data.value(of: selected)?.hasTextsLeftOut == false)
        #expect(backend.screen.text != frame)
    }

    @Test("a key pressed before the records are read whole waits for them, then does what it does")
    func keyBeforeWhole() throws {
        let store = try Store.open(at: dir, forEditing: true)
        let loaded = try store.load(scope: .open, forFirstFrame: true)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.holdFirstFrameLoad(lean: loaded.lean, unstated: loaded.unstated)
        // A lean record selected, and its detail asked for before the first frame's read lands.
        let lean = try #require(loaded.lean.first)
        let rt = AppRuntime(state: state, store: store, backend: TestBackend(width: 120, height: 40), theme: .builtinDefault,
                            themes: ThemeCatalog(searchPaths: []), clock: { Now(seconds: 1_000, today: Fixture.today) }, stamp: loaded.stamp)
        rt.send(.tick(Now(seconds: 1_000, today: Fixture.today)))
        if lean.kind == .mentoring { rt.send(.keyPressed(.tab)) }
        for _ in 0..<(rt.state.rows.coaching.count + rt.state.rows.mentoring.count) where rt.state.selectedRecord != lean {
            rt.send(.keyPressed(.char("j")))
        }
        #expect(rt.state.selectedRecord == lean)
        rt.send(.keyPressed(.enter))
        rt.send(.firstFrameDrawn)
        rt.settle()
        guard case .detail(let d) = rt.state.top else { Issue.record("no detail: \(rt.state.top)"); return }
        #expect(d.ref == lean)
        #expect(rt.state.data.value(of: lean)?.hasTextsLeftOut == false)
    }

    @Test("a closed record reopened by hand while the dashboard starts shows up at once, with the usual message")
    func reopenedByHand() throws {
        // A load of open work (one of everything would rewrite the cache, too fresh to trust then).
        let whole = try Store.open(at: dir, forEditing: false).load(scope: .open)
        let closed = try #require(demo.relationships.first { $0.status == .closed })
        let rel = try #require(whole.files[RecordRef(kind: .mentoring, id: closed.id)])
        let url = dir.appendingPathComponent(rel)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\"status\" : \"closed\"", with: "\"status\" : \"active\"").write(to: url, atomically: false, encoding: .utf8)
        let (rt, _, _, loaded) = try start(firstFrame: true)
        #expect(!loaded.snapshot.relationships.contains { $0.id == closed.id }, "the first frame did not look")
        #expect(rt.state.data.relationships.first { $0.id == closed.id }?.status == .active)
        #expect(rt.state.status?.text.hasPrefix("Reloaded: ") == true, "\(rt.state.status?.text ?? "no status")")
    }
}
