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
    /// Records that changed on disk since they were loaded, found by `.checkOutsideChanges`.
    case outsideChanges([OutsideChange])
    /// Long work is under way (the text for the progress line), or done (`nil`).
    case progress(String?)
    /// Closed records read for the insights (`.loadClosed`), and the files that failed.
    case closedLoaded([Record], failed: [String])
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
    /// Read closed records (not loaded at start-up) for the insights; the answer is `.closedLoaded`.
    case loadClosed([RecordRef])
    case suspend
    case quit

    /// Runs off the main loop (store I/O); the screen keeps drawing meanwhile.
    public var runsInBackground: Bool {
        switch self {
        case .save, .delete, .reload, .saveDraft, .deleteDraft, .checkOutsideChanges, .loadClosed: true
        case .setTheme, .suspend, .quit: false
        }
    }

    /// What the progress line says while this runs.
    public var progressLabel: String {
        switch self {
        case .save(let r, _): "Saving \(r.ref.kind.rawValue) record…"
        case .delete: "Removing a record…"
        case .reload: "Reloading from disk…"
        case .saveDraft: "Keeping a draft…"
        case .deleteDraft: "Tidying drafts…"
        case .checkOutsideChanges: "Looking for outside changes…"
        case .loadClosed(let refs): "Reading \(refs.count) closed records for the insights…"
        case .setTheme: "Loading the theme…"
        case .suspend, .quit: ""
        }
    }
}
