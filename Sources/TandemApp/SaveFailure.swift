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

    /// A record that was unsaved is on disk now: the drafts an earlier run kept it in go.
    static func saved(_ s: inout AppState, _ ref: RecordRef) -> [Effect] {
        guard s.keptUnsaved.remove(ref) != nil else { return [] }
        return Store.unsavedDraftNames(ref).map { .deleteDraft(name: $0) }
    }

    /// `:q` with unsaved versions quits and drops them, with the drafts an earlier run kept.
    static func dropKept(_ s: inout AppState) -> [Effect] {
        let refs = s.keptUnsaved.sorted { $0.id.uuidString < $1.id.uuidString }
        s.keptUnsaved = []
        return refs.flatMap { Store.unsavedDraftNames($0).map { Effect.deleteDraft(name: $0) } }
    }
}

extension AppState {
    /// Versions an earlier run could not save (`Store.unsavedVersions`, each already merged with
    /// its file as it is now) are back on screen, unsaved, as after a failed save: `:w` saves
    /// them, `q` will not quit while they are unsaved, `:q` drops them.
    public mutating func takeBackUnsaved(_ versions: [UnsavedVersion], problems: [String]) {
        for v in versions {
            data.put(v.record, for: v.record.ref)
            unsaved.insert(v.record.ref)
            keptUnsaved.insert(v.record.ref)
        }
        if !versions.isEmpty { recompute() }
        if let first = problems.first {
            status = Status("\(problems.count) unsaved version\(problems.count == 1 ? "" : "s") from an earlier run left in drafts/: \(first)", .error)
        } else if let first = versions.first {
            let more = versions.count > 1 ? " (and \(versions.count - 1) more)" : ""
            status = Status("Back from an earlier run, unsaved: your version of \(describe(first.record))\(more): "
                            + ":w saves it, :q quits and drops it", .error)
        }
    }

    /// What is still unsaved (a failed save, a conflict left with Esc), each with what it is,
    /// for the dashboard's caller to keep when it quits (`Store.keepUnsaved`).
    public var unsavedVersions: [(label: String, record: Record)] {
        unsaved.sorted { $0.id.uuidString < $1.id.uuidString }.compactMap { ref in
            data.value(of: ref).map { (describe($0), $0) }
        }
    }
}
