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
}

/// What the runtime must do: I/O as data. Results come back as messages.
public enum Effect: Equatable, Sendable {
    case save(Record, force: Bool)
    case delete(RecordRef)
    case reload(RecordRef)
    case saveDraft(FormDraft)
    case deleteDraft(name: String)
    case setTheme(String)
    case suspend
    case quit
}
