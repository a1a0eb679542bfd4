import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// Runs the dashboard: events in, `update`, effects out, frames drawn.
///
/// Effects that touch the store run on a background queue, one after another in the order
/// `update` asked for them; their results come back as messages through `update` like any
/// other, and the screen keeps drawing (with a progress line when work takes a while). The
/// clock is injected: every `tickSeconds` the runtime sends `.tick(clock())`, and `update`
/// does the day rollover, the fading and the outside-change checks.
public final class AppRuntime {
    public private(set) var state: AppState
    public private(set) var theme: Theme
    let terminal: Terminal
    let themes: ThemeCatalog
    /// Colors the terminal can show, for reducing themes.
    let colors: Int
    /// The outside world's time, read only here.
    let clock: () -> Now
    let tickSeconds: Double
    /// Background work shows a progress line after this long.
    let progressAfterSeconds: Double
    let worker: EffectWorker

    public init(state: AppState, store: Store, backend: Backend, theme: Theme, themes: ThemeCatalog,
                colors: Int = 256, clock: @escaping () -> Now, tickSeconds: Double = 1, progressAfterSeconds: Double = 0.3) {
        self.state = state; self.terminal = Terminal(backend: backend)
        self.theme = theme.reduced(toColors: colors); self.themes = themes; self.colors = colors; self.clock = clock
        self.tickSeconds = tickSeconds; self.progressAfterSeconds = progressAfterSeconds
        self.worker = EffectWorker(store: store)
        let size = backend.size()
        self.state.width = size.width
        self.state.height = size.height
    }

    /// Loops until quit, then waits for background work to land. Returns the process exit status.
    @discardableResult
    public func run() -> Int32 {
        send(.tick(clock()))
        draw()
        var lastTick = clock().seconds
        while !state.isQuitting {
            // Poll quickly while work is out, so its result shows as soon as it lands.
            let wait = worker.isBusy ? 20 : Int(tickSeconds * 1000)
            var changed = false
            if let event = terminal.backend.nextEvent(timeoutMs: wait) {
                switch event {
                case .key(let k): send(.keyPressed(k))
                case .resize(let w, let h):
                    send(.resized(width: w, height: h))
                    terminal.invalidate()
                case .terminate: send(.terminate)
                case .paste(let text):
                    // Until the contexts take a paste as one message, it is typed into an open
                    // form or prompt as one line of characters (so a pasted Tab or line break
                    // never moves focus or submits), and ignored elsewhere.
                    guard state.form != nil || state.prompt != nil else { break }
                    var line = LineField()
                    line.paste(text)
                    for c in line.characters { send(.keyPressed(.char(c))) }
                }
                changed = true
            }
            changed = collect() || changed
            let now = clock()
            if now.seconds - lastTick >= tickSeconds {
                lastTick = now.seconds
                send(.tick(now))
                changed = true
            }
            if changed, !state.isQuitting { draw() }
        }
        settle()
        return 0
    }

    /// Feeds one message through `update`; effects that touch the store go to the background,
    /// the others (theme, suspend) run here and their results are fed straight back.
    public func send(_ msg: Msg) {
        var queue = [msg]
        while !queue.isEmpty {
            let m = queue.removeFirst()
            for effect in update(&state, m) {
                if effect.runsInBackground {
                    worker.submit(effect, at: clock().seconds)
                } else {
                    queue += performHere(effect)
                }
            }
        }
    }

    /// Takes in what background work finished, and shows or clears the progress line.
    /// Returns whether anything changed.
    @discardableResult
    func collect() -> Bool {
        var changed = false
        for m in worker.take() { send(m); changed = true }
        if let (label, since) = worker.running, clock().seconds - since >= progressAfterSeconds {
            if state.progress != label { send(.progress(label)); changed = true }
        } else if !worker.isBusy, state.progress != nil {
            send(.progress(nil)); changed = true
        }
        return changed
    }

    /// Waits until no background work is left and every result went through `update`.
    public func settle() {
        repeat {
            worker.wait()
            collect()
        } while worker.isBusy
    }

    func draw() {
        terminal.draw(AppView.render(state, layout: AppLayout(state), theme: theme))
    }

    /// Effects that need the terminal or the theme: run on the loop.
    func performHere(_ effect: Effect) -> [Msg] {
        switch effect {
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
        default:
            return worker.perform(effect)
        }
    }

    /// Drafts left by an earlier run, oldest first.
    public static func loadDrafts(from store: Store) -> [FormDraft] {
        store.loadDrafts().compactMap { try? JSONDecoder().decode(FormDraft.self, from: $0.data) }
    }
}

/// A value handed to the background queue that is only ever used there.
struct Unchecked<T>: @unchecked Sendable { let value: T }

/// Runs store effects on one serial queue (so saves land in the order asked) and keeps their
/// result messages until the loop takes them.
final class EffectWorker: @unchecked Sendable {
    let store: Unchecked<Store>
    private let queue = DispatchQueue(label: "tandem.effects")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var inbox: [Msg] = []
    private var jobs: [(label: String, since: Double)] = []

    init(store: Store) { self.store = Unchecked(value: store) }

    var isBusy: Bool { lock.lock(); defer { lock.unlock() }; return !jobs.isEmpty }

    /// The oldest job still running: its progress label and when it was asked for.
    var running: (String, Double)? { lock.lock(); defer { lock.unlock() }; return jobs.first.map { ($0.label, $0.since) } }

    func submit(_ effect: Effect, at seconds: Double) {
        lock.lock(); jobs.append((effect.progressLabel, seconds)); lock.unlock()
        group.enter()
        queue.async {
            let result = self.perform(effect)
            self.lock.lock()
            self.inbox += result
            self.jobs.removeFirst()
            self.lock.unlock()
            self.group.leave()
        }
    }

    func take() -> [Msg] {
        lock.lock(); defer { lock.unlock() }
        let out = inbox
        inbox = []
        return out
    }

    func wait() { group.wait() }

    private let gate = DispatchSemaphore(value: 0)

    /// Holds the queue: jobs submitted from now wait for `release()` (tests see work in flight).
    func hold() { queue.async { [gate] in gate.wait() } }

    func release() { gate.signal() }

    /// The conflicts of saves waiting for the leader's answer, by record.
    private var conflicts: [RecordRef: SaveConflict] = [:]
    private let conflictsLock = NSLock()

    private func takeConflict(_ ref: RecordRef) -> SaveConflict? {
        conflictsLock.lock(); defer { conflictsLock.unlock() }
        return conflicts.removeValue(forKey: ref)
    }

    private func keepConflict(_ conflict: SaveConflict?, for ref: RecordRef) {
        conflictsLock.lock(); defer { conflictsLock.unlock() }
        conflicts[ref] = conflict
    }

    /// Does one store effect; what happened comes back as messages.
    func perform(_ effect: Effect) -> [Msg] {
        let store = self.store.value
        switch effect {
        case .loadClosed(let refs):
            var records: [Record] = [], failed: [String] = []
            for ref in refs {
                do { records.append(try store.loadRecord(ref)) } catch { failed.append("\(error)") }
            }
            return [.closedLoaded(records, failed: failed)]
        case .save(let value, let force):
            do {
                // "Keep mine" after a conflict settles it on the disk version the conflict saw:
                // ours at the conflicting fields, everything else merged.
                let written: Record
                let outcome: SaveOutcome
                if force, let conflict = takeConflict(value.ref) {
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
                    keepConflict(conflict, for: value.ref)
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
            keepConflict(nil, for: ref)
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
        case .checkOutsideChanges:
            return EffectWorker.checkOutsideChanges(store)
        case .setTheme, .suspend, .quit:
            return []
        }
    }

    /// HOOK(sharing): ask the store which record files changed since they were loaded (added,
    /// changed, removed by another dashboard, `tandem log`, a `git pull`) and answer with
    /// `[.outsideChanges([OutsideChange(ref:record:file:)])]`. `update` already takes them in,
    /// keeping selections by id. Until the store can tell, nothing is reported.
    static func checkOutsideChanges(_ store: Store) -> [Msg] {
        []
    }
}
