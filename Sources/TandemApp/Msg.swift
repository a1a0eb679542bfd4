import TandemCore
import TandemStore
import TerminalUI

/// What happened: the only input of `update`.
public enum Msg: Sendable {
    /// The dashboard opened: offer back a draft left by an earlier run.
    case started
    case keyPressed(Key)
    case resized(width: Int, height: Int)
    /// A save effect wrote the record's file.
    case saveFinished(RecordRef, file: String)
    /// A save effect failed; `conflict` when the file changed on disk since it was loaded.
    case saveFailed(RecordRef, message: String, conflict: Bool, attempted: Record?)
    /// A delete effect (undoing a creation) removed the record's file.
    case deleteFinished(RecordRef)
    /// The disk version of a record, read after a conflict.
    case reloaded(RecordRef, Record?)
    case themeChanged(name: String, warnings: [String])
    case themeFailed(message: String)
    case draftSaved(name: String)
    /// SIGTERM, SIGHUP or SIGINT.
    case terminate
    /// The clock, about once a second: day rollover, fading messages, outside-change checks.
    case tick(Now)
    /// The runtime drew the first frame: the open records it held lean are read whole now
    /// (`AppState.holdLean`).
    case firstFrameDrawn
    /// Records that changed on disk since they were loaded, found by `.checkOutsideChanges`.
    case outsideChanges([OutsideChange])
    /// Long work is under way (the text for the progress line), or done (`nil`).
    case progress(String?)
    /// The closed records `.loadClosed` read for the archive, and what could not be read (file: problem).
    case closedLoaded([Record], failures: [String])
    /// The records `.loadWhole` read whole (each now the base of later saves), and what could
    /// not be read (file: problem).
    case wholeLoaded([Record], failures: [String])
    /// A save found the file changed on disk and merged: `merged` (ours with their changes) is
    /// what was written, and what memory takes.
    case saveMerged(RecordRef, merged: Record, file: String)
    /// A save found the same field changed here and on disk: nothing was written; the leader chooses.
    case saveConflicted(ConflictState)
    /// Files the outside-change check found but could not read (each reported once), or why
    /// the folder could not be looked at.
    case outsideProblems([String])
    /// The store became read-only while open (a file from a newer Tandem arrived).
    case becameReadOnly(String)
    /// A bracketed paste: the text goes to the focused field of what is on top.
    case pasted(String)
    /// The external editor finished with a form's field: its new text, or why not.
    case externallyEdited(field: String, Result<String, ExternalEditor.Failure>)
    /// `:sync` finished (`ok`) or stopped or failed; `text` is one line for the status line.
    case syncFinished(text: String, ok: Bool)
    /// A click or a wheel turn (only when the config turned the mouse on).
    case mouse(MouseEvent)
    /// The notification hook ran for these events; what failed (one line each).
    case notified([NotifyEvent], failures: [String])
}

/// What the clock says, as the runtime reads it: seconds (for fading and intervals) and the day.
public struct Now: Equatable, Sendable {
    public var seconds: Double
    public var today: Day
    public init(seconds: Double, today: Day) { self.seconds = seconds; self.today = today }
}

/// One record changed by someone else: its new value (`nil` = removed) and file.
public struct OutsideChange: Equatable, Sendable {
    public var ref: RecordRef
    public var record: Record?
    public var file: String?
    public init(ref: RecordRef, record: Record?, file: String?) { self.ref = ref; self.record = record; self.file = file }
}

/// What the runtime must do: I/O as data. Results come back as messages.
public enum Effect: Equatable, Sendable {
    case save(Record, force: Bool)
    case delete(RecordRef)
    case reload(RecordRef)
    case saveDraft(FormDraft)
    case deleteDraft(name: String)
    case setTheme(String)
    /// Look for records changed on disk by others; the answer is `.outsideChanges`.
    case checkOutsideChanges
    /// Decode the closed records the start-up load left undecoded (for the archive and the
    /// insights), each kept without its sessions' texts (`Store.readWithoutTexts`); the answer
    /// is `.closedLoaded`.
    case loadClosed([RecordRef])
    /// Read these records whole (`Store.readWhole`, which makes each the base of later saves, as
    /// `loadRecord` does): records held without their texts, before anything shows their texts
    /// or writes them (`WholeRecords.gate`), and the open records the first frame held lean, right
    /// after it; the answer is `.wholeLoaded`.
    case loadWhole([RecordRef])
    /// Keep a closing dialog's unsaved text as `drafts/<name>.json` (answer: `.draftSaved`).
    case saveClosingDraft(ClosingDraft)
    /// The outside changes `update` took into memory: the store merges later saves against them.
    case adopt([RecordRef])
    /// Edits a form field's text in `$VISUAL`/`$EDITOR` with the dashboard suspended; the
    /// answer is `.externallyEdited`. Runs on the loop (it needs the terminal).
    case editExternally(field: String, text: String)
    /// Team sync through git (`:sync`): commit, pull with rebase, push; the answer is `.syncFinished`.
    case sync
    /// Run the notification hook for these events (those not announced yet: the store's state
    /// says); the answer is `.notified`.
    case notify([NotifyEvent], command: [String])
    case suspend
    /// Paint every cell again on the next frame (Ctrl-L).
    case redraw
    case quit

    /// Runs off the main loop (store I/O); the screen keeps drawing meanwhile.
    public var runsInBackground: Bool {
        switch self {
        case .save, .delete, .reload, .saveDraft, .deleteDraft, .checkOutsideChanges, .loadClosed, .loadWhole, .saveClosingDraft, .adopt, .sync, .notify: true
        case .setTheme, .editExternally, .suspend, .redraw, .quit: false
        }
    }

    /// What the progress line says while this runs.
    public var progressLabel: String {
        switch self {
        case .save(let r, _): "Saving \(r.ref.kind.rawValue) record…"
        case .delete: "Removing a record…"
        case .reload: "Reloading from disk…"
        case .saveDraft, .saveClosingDraft: "Keeping a draft…"
        case .deleteDraft: "Tidying drafts…"
        case .checkOutsideChanges, .adopt: "Looking for outside changes…"
        case .loadClosed(let refs): "Reading \(refs.count) closed record\(refs.count == 1 ? "" : "s") for the archive…"
        case .loadWhole(let refs): refs.count == 1 ? "Reading the record whole…" : "Reading \(refs.count) records whole…"
        case .sync: "Syncing with git…"
        case .notify: "Running the notification hook…"
        case .setTheme: "Loading the theme…"
        case .editExternally, .suspend, .redraw, .quit: ""
        }
    }
}
