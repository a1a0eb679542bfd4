import Foundation
import TandemCore
import TandemStore

// The closed records the archive (5) and the insights (3) read in bulk are held without their
// sessions' texts (`Store.readWithoutTexts`, `Record.withoutTexts`): the list, the outcome and
// the figures need none of them, and a long history's notes are most of its memory. Such a lean
// record is never shown where texts show nor written: the gate below is the one place that
// sees to it, for every key, paste and click. The store refuses to save one as well.

/// Input held while records are read whole for it (`Effect.loadWhole`): the message that needed
/// them first, then whatever came meanwhile, replayed in order when they are read.
struct WholeRead: Sendable {
    var refs: [RecordRef]
    var held: [Msg]
}

enum WholeRecords {
    /// What the leader does (keys, pastes, clicks): what the gate looks at and holds.
    static func isInput(_ msg: Msg) -> Bool {
        switch msg {
        case .keyPressed, .pasted, .mouse: true
        default: false
        }
    }

    /// Runs `run` (the update of `msg`) unless what it would do shows the texts of a record held
    /// lean (a detail, a brief, a form, a dialog on it) or writes one (a save, a delete, an undo or
    /// redo of it): then nothing of it is kept, the records are read whole (`.loadWhole`), and
    /// `msg` runs again when they come (`loaded`), with the input that came meanwhile. A save
    /// that would still write a lean copy (none should) is refused with a message.
    static func gate(_ s: inout AppState, _ msg: Msg, _ run: (inout AppState) -> [Effect]) -> [Effect] {
        guard isInput(msg) else { return run(&s) }
        if s.wholeRead != nil {
            s.wholeRead?.held.append(msg)
            return []
        }
        guard s.holdsLeanRecords else { return run(&s) }
        var trial = s
        let effects = run(&trial)
        let (lean, leanSaves) = needs(trial, effects, before: s)
        if !lean.isEmpty {
            s.wholeRead = WholeRead(refs: lean, held: [msg])
            return [.loadWhole(lean)]
        }
        if let ref = leanSaves.first {
            s.status = Status("Not done: it would save a copy of \(s.describe(s.data.value(of: ref))) read without its session notes", .error)
            return []
        }
        s = trial
        return effects
    }

    /// The records held lean that `after` (the state `effects` came with) shows or edits, or that
    /// `effects` write; and the refs of saves that would write a lean copy over a whole record.
    static func needs(_ after: AppState, _ effects: [Effect], before s: AppState) -> (lean: [RecordRef], leanSaves: [RecordRef]) {
        var lean: [RecordRef] = []
        var leanSaves: [RecordRef] = []
        func need(_ ref: RecordRef) {
            if s.data.value(of: ref)?.hasTextsLeftOut == true, !lean.contains(ref) { lean.append(ref) }
        }
        for effect in effects {
            switch effect {
            case .save(let value, _):
                need(value.ref)
                if value.hasTextsLeftOut { leanSaves.append(value.ref) }
            case .delete(let ref): need(ref)
            default: break
            }
        }
        for context in after.stack { if let ref = context.showsWhole { need(ref) } }
        return (lean, leanSaves)
    }

    /// `.wholeLoaded`: the records read whole replace their lean copies (a record changed or
    /// removed meanwhile keeps what memory has now), then the held input runs. When one could
    /// not be read, it says so and the held input is dropped: it was meant for what did not open.
    static func loaded(_ s: inout AppState, _ records: [Record], _ failures: [String]) -> [Effect] {
        let held = s.wholeRead?.held ?? []
        s.wholeRead = nil
        var changed = false
        for r in records where s.data.value(of: r.ref)?.hasTextsLeftOut == true {
            s.data.put(r, for: r.ref)
            changed = true
        }
        if changed {
            s.recompute()
            // Nothing lean left (the first frame's open records read whole, the archive never
            // asked for): input need not go through the gate any more.
            if !s.data.engagements.contains(where: { Record.coaching($0).hasTextsLeftOut })
                && !s.data.relationships.contains(where: { Record.mentoring($0).hasTextsLeftOut }) {
                s.holdsLeanRecords = false
            }
        }
        if let first = failures.first {
            s.status = Status("Could not read \(first)", .error)
            return []
        }
        var effects: [Effect] = []
        for m in held { effects += update(&s, m) }
        return effects
    }
}

extension Context {
    /// The record this context shows the texts of, edits or is about to write (a detail, a
    /// form, a closing or conflict dialog, a brief, a question about it), if any: such a record is
    /// read whole before the context opens (`WholeRecords.gate`).
    var showsWhole: RecordRef? {
        switch self {
        case .detail(let d): d.ref
        case .form(let f): f.kind.editedRecord
        case .closing(let c): c.ref
        case .conflict(let c): c.ref
        case .brief(let b): b.ref
        case .confirm(let c):
            switch c.purpose {
            case .archive(let ref), .deleteSession(let ref, _), .continueAsMentoring(let ref): ref
            default: nil
            }
        case .dashboard, .people, .prompt, .help, .archive, .person, .assessment, .picker, .insights, .agenda, .records: nil
        }
    }
}
