import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// Runs the dashboard: events in, `update`, effects against the store, frames out.
///
/// Effects run synchronously (a save rewrites one small file), and their results come back
/// as messages before the next frame, so the status line never claims more than the disk holds.
public final class AppRuntime {
    public private(set) var state: AppState
    public private(set) var theme: Theme
    let store: Store
    let terminal: Terminal
    let themes: ThemeCatalog
    /// Colors the terminal can show, for reducing themes.
    let colors: Int
    /// Today's date from the outside world, asked once a minute so midnight rolls the dashboard over.
    let clock: () -> Day
    /// The conflicts of saves waiting for the leader's answer, by record.
    var conflicts: [RecordRef: SaveConflict] = [:]

    public init(state: AppState, store: Store, backend: Backend, theme: Theme, themes: ThemeCatalog,
                colors: Int = 256, clock: @escaping () -> Day) {
        self.state = state; self.store = store; self.terminal = Terminal(backend: backend)
        self.theme = theme.reduced(toColors: colors); self.themes = themes; self.colors = colors; self.clock = clock
        let size = backend.size()
        self.state.width = size.width
        self.state.height = size.height
    }

    /// Loops until quit. Returns the process exit status.
    @discardableResult
    public func run() -> Int32 {
        draw()
        var lastDayCheck = Date()
        while !state.isQuitting {
            guard let event = terminal.backend.nextEvent(timeoutMs: 1000) else {
                if Date().timeIntervalSince(lastDayCheck) >= 60 {
                    lastDayCheck = Date()
                    let today = clock()
                    if today != state.today { state.today = today; state.recompute(); draw() }
                }
                continue
            }
            switch event {
            case .key(let k): send(.keyPressed(k))
            case .resize(let w, let h):
                send(.resized(width: w, height: h))
                terminal.invalidate()
            case .terminate: send(.terminate)
            }
            if !state.isQuitting { draw() }
        }
        return 0
    }

    /// Feeds one message through `update` and every effect it causes.
    public func send(_ msg: Msg) {
        var queue = [msg]
        while !queue.isEmpty {
            let m = queue.removeFirst()
            for effect in update(&state, m) { queue += perform(effect) }
        }
    }

    func draw() {
        terminal.draw(AppView.render(state, theme: theme))
    }

    /// Does one effect; what happened comes back as messages.
    func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .save(let value, let force):
            do {
                // "Keep mine" after a conflict settles it on the disk version the conflict saw:
                // ours at the conflicting fields, everything else merged.
                let written: Record
                let outcome: SaveOutcome
                if force, let conflict = conflicts.removeValue(forKey: value.ref) {
                    written = conflict.partial
                    outcome = try store.save(written, resolving: conflict)
                } else {
                    written = value
                    outcome = try store.save(value)
                }
                switch outcome {
                case .saved(let file) where written == value:
                    return [.saveFinished(value.ref, file: file)]
                case .saved(let file):
                    return [.reloaded(value.ref, written), .saveFinished(value.ref, file: file)]
                case .merged(let record, let file):
                    // Memory takes what was written: ours with the changes made on disk meanwhile.
                    return [.reloaded(value.ref, record), .saveFinished(value.ref, file: file)]
                case .conflict(let conflict):
                    conflicts[value.ref] = conflict
                    let fields = conflict.conflicts.map(\.path.description).joined(separator: ", ")
                    let message = conflict.disk == nil ? "\(conflict.file) was deleted on disk since it was loaded"
                        : "\(conflict.file) changed on disk since it was loaded; changed both here and there: \(fields)"
                    return [.saveFailed(value.ref, message: message, conflict: true, attempted: value)]
                }
            } catch let e as StoreError {
                return [.saveFailed(value.ref, message: e.description, conflict: false, attempted: value)]
            } catch {
                return [.saveFailed(value.ref, message: "\(error)", conflict: false, attempted: value)]
            }
        case .delete(let ref):
            do {
                try store.delete(ref)
                return [.deleteFinished(ref)]
            } catch let e as StoreError {
                return [.saveFailed(ref, message: e.description, conflict: e.kind == .conflict, attempted: nil)]
            } catch {
                return [.saveFailed(ref, message: "\(error)", conflict: false, attempted: nil)]
            }
        case .reload(let ref):
            conflicts[ref] = nil
            do {
                let record = try store.reload(ref)
                return [.reloaded(ref, record)]
            } catch {
                return [.saveFailed(ref, message: "could not reload: \(error)", conflict: false, attempted: nil)]
            }
        case .saveDraft(let draft):
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try store.saveDraft(encoder.encode(draft), for: nil, name: draft.name)
                return [.draftSaved(name: draft.name)]
            } catch {
                return []
            }
        case .deleteDraft(let name):
            try? store.deleteDraft(name: name)
            return []
        case .setTheme(let name):
            do {
                let (t, warnings) = try themes.load(name)
                theme = t.reduced(toColors: colors)
                terminal.invalidate()
                return [.themeChanged(name: t.name, warnings: warnings)]
            } catch {
                return [.themeFailed(message: "\(error)")]
            }
        case .suspend:
            terminal.backend.suspend()
            terminal.invalidate()
            let size = terminal.backend.size()
            return [.resized(width: size.width, height: size.height)]
        case .quit:
            return []
        }
    }

    /// Drafts left by an earlier run, oldest first.
    public static func loadDrafts(from store: Store) -> [FormDraft] {
        store.loadDrafts().compactMap { try? JSONDecoder().decode(FormDraft.self, from: $0.data) }
    }
}
