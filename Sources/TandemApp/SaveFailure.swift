import TandemCore
import TandemStore

/// What the dashboard does when the store could not write a change (a full disk, a folder made
/// read-only, another writer holding the lock too long): the change is kept in memory as the
/// on-screen version, marked unsaved like a version kept after a conflict, so nothing typed is
/// lost; the status line says so, `:w` saves it again, and `q` will not quit while it is unsaved.
enum SaveFailure {
    static func keep(_ s: inout AppState, _ attempted: Record, change: Change, message: String) {
        s.data.put(attempted, for: attempted.ref)
        s.unsaved.insert(attempted.ref)
        s.recompute()
        // What to do first: the status line holds three rows, and a long reason (a link's
        // target, a path) must not push ":w" out of sight.
        s.status = Status("Not saved, kept on screen, unsaved (\(change.label)): :w saves it again; "
                          + "q will not quit until it is saved. Why: \(message)", .error)
    }
}
