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
    /// Where `VISUAL` and `EDITOR` are read for the external editor.
    let environment: [String: String]
    /// Called once the first frame is drawn, before anything else happens (`tandem-bench
    /// first-frame` ends the process here: the time to the first frame).
    public var firstFrameDrawn: (() -> Void)?

    /// - Parameter stamp: what the files looked like when `state` was loaded (`Loaded.stamp`),
    ///   where the look for outside changes starts; without it the first look reads every file
    ///   once (and still reports only what differs from what was loaded).
    public init(state: AppState, store: Store, backend: Backend, theme: Theme, themes: ThemeCatalog,
                colors: Int = 256, clock: @escaping () -> Now, tickSeconds: Double = 1, progressAfterSeconds: Double = 0.3,
                stamp: StoreStamp? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.state = state; self.terminal = Terminal(backend: backend)
        self.theme = theme.reduced(toColors: colors); self.themes = themes; self.colors = colors; self.clock = clock
        self.tickSeconds = tickSeconds; self.progressAfterSeconds = progressAfterSeconds
        self.worker = EffectWorker(store: store, stamp: stamp)
        self.environment = environment
        let size = backend.size()
        self.state.width = size.width
        self.state.height = size.height
    }

    /// Loops until quit, then waits for background work to land. Returns the process exit status.
    @discardableResult
    public func run() -> Int32 {
        // Off unless the config turned it on: the terminal keeps its own selection.
        if state.mouseEnabled { terminal.backend.setMouse(true) }
        send(.tick(clock()))
        draw()
        firstFrameDrawn?()
        // What the first frame did without (records held lean) is read now.
        send(.firstFrameDrawn)
        var lastTick = clock().seconds
        while !state.isQuitting {
            // Wait until the next tick is due (so ticks keep their pace), and poll quickly while
            // work is out, so its result shows as soon as it lands; a result already waiting
            // (work that finished before this wait began) is taken at once.
            let untilTick = max(0, Int(((lastTick + tickSeconds) - clock().seconds) * 1000))
            let wait = worker.hasResults ? 0 : worker.isBusy ? min(20, untilTick) : untilTick
            var changed = false
            if let event = terminal.backend.nextEvent(timeoutMs: wait) {
                switch event {
                case .key(let k): send(.keyPressed(k))
                case .resize(let w, let h):
                    send(.resized(width: w, height: h))
                    terminal.invalidate()
                case .terminate: send(.terminate)
                case .paste(let text): send(.pasted(text))
                case .mouse(let m): send(.mouse(m))
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
        case .editExternally(let field, let text):
            let editor = ExternalEditor(folder: worker.store.value.root.appendingPathComponent("drafts"), environment: environment)
            let result = terminal.releasing { editor.edit(text) }
            let size = terminal.backend.size()
            return [.externallyEdited(field: field, result), .resized(width: size.width, height: size.height)]
        case .redraw:
            terminal.invalidate()
            return []
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

    /// The closing dialogs left unsaved by an earlier run (a form's drafts do not decode as these).
    public static func loadClosingDrafts(from store: Store) -> [ClosingDraft] {
        store.loadDrafts().compactMap { try? JSONDecoder().decode(ClosingDraft.self, from: $0.data) }
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
    private var jobs: [(label: String, since: Double, id: Int)] = []
    private var nextJob = 0
    /// The notification hook runs here, so a slow command never holds a save back.
    private let hookQueue = DispatchQueue(label: "tandem.notify")

    /// Where the next look for outside changes starts; only the queue touches it.
    private var stamp: StoreStamp
    /// Outside changes found and not yet taken in by `update` (it holds some back while a form
    /// is open on them): reported again at each look until adopted or overtaken by a save.
    private var unsettled: [RecordRef: StoreChange] = [:]
    /// The last reason the look failed, so it is said once.
    private var lastCheckError: String?
    private var readOnlyReported = false

    init(store: Store, stamp: StoreStamp? = nil) {
        self.store = Unchecked(value: store)
        self.stamp = stamp ?? StoreStamp.empty
        readOnlyReported = store.isReadOnly
    }

    var isBusy: Bool { lock.lock(); defer { lock.unlock() }; return !jobs.isEmpty }

    /// Results are waiting for the loop to take them.
    var hasResults: Bool { lock.lock(); defer { lock.unlock() }; return !inbox.isEmpty }

    /// The oldest job still running: its progress label and when it was asked for.
    var running: (String, Double)? { lock.lock(); defer { lock.unlock() }; return jobs.first.map { ($0.label, $0.since) } }

    func submit(_ effect: Effect, at seconds: Double) {
        lock.lock(); nextJob += 1; let id = nextJob; jobs.append((effect.progressLabel, seconds, id)); lock.unlock()
        group.enter()
        let runsOn: DispatchQueue
        if case .notify = effect { runsOn = hookQueue } else { runsOn = queue }
        runsOn.async {
            let result = self.perform(effect)
            self.lock.lock()
            self.inbox += result
            self.jobs.removeAll { $0.id == id }
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
        case .save(let value, let force):
            do {
                // "Keep mine" after a conflict settles it on the disk version the conflict saw:
                // ours at the conflicting fields, everything else merged.
                // After a conflict, the leader's choices are saved against the disk version the
                // conflict saw: only what changed there since is merged in.
                let outcome: SaveOutcome
                if force, let conflict = takeConflict(value.ref) {
                    outcome = try store.save(value, resolving: conflict)
                } else {
                    outcome = try store.save(value)
                }
                switch outcome {
                case .saved(let file):
                    settle(value.ref)
                    return [.saveFinished(value.ref, file: file)]
                case .merged(let record, let file):
                    // Memory takes what was written: ours with the changes made on disk meanwhile.
                    settle(value.ref)
                    return [.saveMerged(value.ref, merged: record, file: file)]
                case .conflict(let conflict):
                    keepConflict(conflict, for: value.ref)
                    return [.saveConflicted(ConflictState(conflict))]
                }
            } catch let e as StoreError {
                return [.saveFailed(value.ref, message: e.description, conflict: false, attempted: value)]
            } catch {
                return [.saveFailed(value.ref, message: "\(error)", conflict: false, attempted: value)]
            }
        case .delete(let ref):
            do {
                try store.delete(ref)
                settle(ref)
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
            return checkOutsideChanges(store)
        case .loadClosed(let refs):
            let (records, failures) = store.readWithoutTexts(refs)
            // What the reading threads freed (the whole records, texts and all, each made lean as
            // it was decoded) goes back to the system rather than staying resident in their arenas.
            FreedMemory.giveBack()
            return [.closedLoaded(records, failures: failures.map(\.description))]
        case .loadWhole(let refs):
            let (records, failures) = store.readWhole(refs)
            return [.wholeLoaded(records, failures: failures.map { "\($0)" })]
        case .saveClosingDraft(let draft):
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try store.saveDraft(encoder.encode(draft), for: draft.ref, name: draft.name)
                return [.draftSaved(name: draft.name)]
            } catch {
                return []
            }
        case .adopt(let refs):
            for ref in refs { if let change = unsettled.removeValue(forKey: ref) { store.adopt(change) } }
            return []
        case .sync:
            return EffectWorker.sync(store)
        case .notify(let events, let command):
            let report = NotifyHook(command: command).announce(events, in: store, today: events.first.flatMap { Day(iso: $0.day) } ?? Day(dayNumber: 0))
            return [.notified(report.announced, failures: report.failures)]
        case .setTheme, .editExternally, .suspend, .redraw, .quit:
            return []
        }
    }

    /// A save or delete of ours landed: the store merged what had changed on disk, so a change
    /// found earlier and not taken in is overtaken.
    private func settle(_ ref: RecordRef) { unsettled[ref] = nil }

    /// Asks the store which record files others added, changed or removed since the last look
    /// (another dashboard, `tandem log`, a `git pull`, a hand edit). Changes not yet taken in
    /// are reported again each time, so `update` can hold one back while a form is open on it;
    /// `update` answers with `.adopt` for those it took.
    func checkOutsideChanges(_ store: Store) -> [Msg] {
        var out: [Msg] = []
        do {
            let found = try store.changes(since: stamp)
            stamp = found.stamp
            lastCheckError = nil
            for c in found.records { unsettled[c.ref] = c }
            if !found.unreadable.isEmpty { out.append(.outsideProblems(found.unreadable.map(\.description))) }
        } catch {
            let text = (error as? StoreError)?.description ?? "\(error)"
            if text != lastCheckError { out.append(.outsideProblems([text])) }
            lastCheckError = text
        }
        if !unsettled.isEmpty {
            let changes = unsettled.values.sorted { $0.file < $1.file }
            out.insert(.outsideChanges(changes.map { OutsideChange(ref: $0.ref, record: $0.record, file: $0.file) }), at: 0)
        }
        if !readOnlyReported, let reason = store.readOnlyReason {
            readOnlyReported = true
            out.append(.becameReadOnly(reason))
        }
        return out
    }

    /// `:sync`: `tandem sync` for the store's folder, as one status line.
    static func sync(_ store: Store) -> [Msg] {
        // What git writes in the data folder is private, as the store's own files are.
        umask(0o077)
        do {
            let outcome = try TeamSync(root: store.root, tandemPath: TeamSync.currentExecutable()).sync()
            if case .synced = outcome { return [.syncFinished(text: outcome.oneLine, ok: true)] }
            return [.syncFinished(text: outcome.oneLine, ok: false)]
        } catch {
            return [.syncFinished(text: "Sync failed: \(error)", ok: false)]
        }
    }
}
