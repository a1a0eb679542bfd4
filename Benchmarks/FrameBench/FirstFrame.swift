import Foundation
import TandemApp
import TandemCore
import TandemStore
import TerminalUI

/// `tandem-bench first-frame --data-dir DIR [--width 140] [--height 40] [--today YYYY-MM-DD] [--screen FILE]`
///
/// The dashboard's start to its first full frame, with no terminal: what `tandem` (bare) does
/// before the screen opens (open the store for editing, `load(scope: .open, forFirstFrame:
/// true)`, the state, the drafts), then `AppRuntime.run` through the test backend, which takes
/// the first tick and draws the first frame, where this ends. So a whole process of this is
/// the real start-up path, repeatable under `valgrind --tool=callgrind` (instruction counts) and
/// in CPU time, where the tmux measurement of `report` is at the mercy of a busy machine.
/// `--screen FILE` writes the frame's text, to compare before and after a change. It exits as soon
/// as the frame is drawn, before the dashboard reads whole what the frame held lean and looks for
/// outside changes, and without freeing what it loaded (no part of the time to the first frame).
/// It opens the store for editing, as the dashboard does, so it may write the load cache and
/// remove stale temporary files: run it on a copy of a store you mean to keep untouched.
func firstFrame() throws {
    guard let dir = option("--data-dir") else { fail("usage: tandem-bench first-frame --data-dir DIR [--width W] [--height H] [--today YYYY-MM-DD] [--screen FILE]") }
    let width = Int(option("--width", "140")!) ?? 140
    let height = Int(option("--height", "40")!) ?? 40
    let today = option("--today").flatMap { Day(iso: $0) } ?? localToday()
    let store = try Store.open(at: URL(fileURLWithPath: dir), forEditing: true)
    let drafts = AppRuntime.loadDrafts(from: store)
    let closingDrafts = AppRuntime.loadClosingDrafts(from: store)
    let loaded = try store.load(scope: .open, forFirstFrame: drafts.isEmpty && closingDrafts.isEmpty)
    var state = AppState(today: today, data: loaded.snapshot, files: loaded.files,
                         readOnlyReason: store.readOnlyReason, themeName: "default")
    state.holdFirstFrameLoad(lean: loaded.lean, unstated: loaded.unstated)
    state.drafts = drafts
    state.closingDrafts = closingDrafts
    if let reason = store.readOnlyReason { state.status = Status("Read-only: \(reason)", .error) }
    let backend = TestBackend(width: width, height: height)
    backend.queuedEvents = [.key(.char("q"))]
    let runtime = AppRuntime(state: state, store: store, backend: backend, theme: .builtinDefault,
                             themes: ThemeCatalog(searchPaths: []), colors: 256,
                             clock: { Now(seconds: Date().timeIntervalSince1970, today: today) },
                             stamp: loaded.stamp)
    let screenFile = option("--screen")
    // The first frame is drawn: what the dashboard does next (reading whole the records the frame
    // held lean, the first look for outside changes) and freeing the state are not part of it.
    runtime.firstFrameDrawn = {
        if let out = screenFile { try? (backend.screen.text + "\n").write(toFile: out, atomically: true, encoding: .utf8) }
        exit(0)
    }
    runtime.send(.started)
    runtime.run()
    fail("first-frame: nothing was drawn")
}
