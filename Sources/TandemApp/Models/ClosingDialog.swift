import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// `a` on an engagement or a relationship: how it ends (or pauses, or resumes), on which day,
/// and in a sentence what came of it. Saving goes through `Lifecycle`, as one undoable change.
public struct ClosingState: Equatable, Sendable {
    /// What the dialog can do to the record.
    public enum Choice: String, Equatable, Sendable {
        case completed, cancelled, paused, closed, resumed
        /// An engagement put on hold (it stays open, on the dashboard's quieter rows).
        case onHold

        /// The word on the dialog's choice.
        public var label: String {
            switch self {
            case .completed: "completed"
            case .cancelled: "cancelled"
            case .paused: "pause"
            case .closed: "close"
            case .resumed: "resume"
            case .onHold: "put on hold"
            }
        }

        /// A closing needs an outcome (the core's rule); a pause or a resumption takes an optional note.
        public var needsOutcome: Bool { self != .paused && self != .resumed && self != .onHold }
    }

    public var ref: RecordRef
    public var title: String
    public var choices: [Choice]
    /// "as" (a choice), "date" (a line) and "outcome" (a text area), in that order.
    public var fields: [FormField]
    public var focus: Int
    /// Field id → the problem to show under it.
    public var errors: [String: String] = [:]
    public var initialTexts: [String]
    /// The draft this dialog was filled from (deleted when it is saved or discarded).
    public var restoredDraft: String?

    public init(ref: RecordRef, title: String, choices: [Choice], today: Day) {
        self.ref = ref; self.title = title; self.choices = choices
        fields = [FormField("as", "as", hint: "Space or ←/→ choose", choices: choices.map(\.label), selected: 0),
                  FormField("date", "on", hint: "YYYY-MM-DD, today, yesterday, -3d; not before the last change, not in the future",
                            line: today.iso),
                  FormField("outcome", "outcome", hint: "", area: "", rows: 3)]
        focus = 2
        initialTexts = fields.map(\.text)
    }

    /// The chosen way to end (or pause, or resume).
    public var choice: Choice {
        if case .choice(_, let i) = fields[0].editor { return choices[i] }
        return choices[0]
    }

    public func text(_ id: String) -> String { fields.first { $0.id == id }?.text ?? "" }

    /// True when something was typed since the dialog opened.
    public var isDirty: Bool { fields.map(\.text) != initialTexts }

    /// What the third field is called for the current choice.
    public var outcomeLabel: String { choice.needsOutcome ? "outcome" : "note" }

    /// What the third field's hint says for the current choice.
    public var outcomeHint: String {
        choice.needsOutcome ? "in a sentence, what came of it (needed to close)"
            : choice == .paused || choice == .onHold ? "why it pauses, if you want to say (may stay empty)"
            : "a note on resuming (may stay empty)"
    }

    /// Gives the focused field a key; false when the field does not use it.
    mutating func handle(_ key: Key, width: Int) -> Bool {
        guard fields.indices.contains(focus), fields[focus].handle(key, width: width) else { return false }
        // An outcome problem may not hold for the other choice.
        if case .choice = fields[focus].editor { errors["outcome"] = nil }
        errors[fields[focus].id] = nil
        return true
    }

    mutating func moveFocus(by n: Int) { focus = (focus + n + fields.count) % fields.count }

    /// The draft's file name: one per record.
    var draftName: String { "closing-\(ref.kind.rawValue)-\(ref.id.uuidString.lowercased().prefix(8))" }

    /// Puts back what a draft held (a choice this dialog does not offer keeps the first).
    mutating func restore(_ d: ClosingDraft) {
        if case .choice(let c, let i) = fields[0].editor { fields[0].editor = .choice(c, choices.firstIndex { $0.rawValue == d.choice } ?? i) }
        fields[1].setText(d.date)
        fields[2].setText(d.outcome)
        restoredDraft = d.name
    }
}

/// A closing dialog's text kept on disk when the program ends with it open (SIGTERM, Ctrl-C, a
/// closed terminal), and offered back the next time `a` is pressed on that record.
public struct ClosingDraft: Codable, Equatable, Sendable {
    public var name: String
    public var kind: String
    public var id: UUID
    public var choice: String
    public var date: String
    public var outcome: String
    public var savedOn: Day

    var ref: RecordRef { RecordRef(kind: RecordKind(rawValue: kind) ?? .coaching, id: id) }

    init(_ c: ClosingState, today: Day) {
        name = c.draftName; kind = c.ref.kind.rawValue; id = c.ref.id
        choice = c.choice.rawValue; date = c.text("date"); outcome = c.text("outcome"); savedOn = today
    }
}

/// Opening, answering and saving the closing dialog, and reopening from the archive or a detail.
enum Closing {
    /// `a` on an engagement or a relationship: the dialog, or why there is none.
    static func open(_ s: inout AppState, _ ref: RecordRef) -> [Effect] {
        let names = s.rows.people
        switch s.data.value(of: ref) {
        case .coaching(let e)?:
            guard e.isOpen else { s.status = Status(closedReason(ref, s) ?? "already closed"); return [] }
            let onHold = e.status == .onHold
            s.push(.closing(ClosingState(ref: ref, title: "\(onHold ? "Resume or close" : "Close") · \(names.name(e.coacheeID)) · \(e.focus)",
                                         choices: onHold ? [.resumed, .completed, .cancelled] : [.completed, .cancelled, .onHold],
                                         today: s.today)))
        case .mentoring(let r)?:
            let who = "\(names.name(r.mentorID)) → \(names.name(r.menteeID))"
            switch r.status {
            case .active:
                s.push(.closing(ClosingState(ref: ref, title: "Pause or close · \(who)", choices: [.paused, .closed], today: s.today)))
            case .paused:
                s.push(.closing(ClosingState(ref: ref, title: "Resume or close · \(who)", choices: [.resumed, .closed], today: s.today)))
            case .closed:
                s.status = Status(closedReason(ref, s) ?? "already closed")
            }
        default:
            s.status = Status("Select an engagement or a relationship to close")
        }
        // An unsaved closing of this record from an earlier run comes back.
        if var c = s.closing, c.ref == ref, let i = s.closingDrafts.firstIndex(where: { $0.ref == ref }) {
            let d = s.closingDrafts.remove(at: i)
            c.restore(d)
            s.closing = c
            s.status = Status("Restored your unsaved closing from \(d.savedOn.iso): Ctrl-S saves, Esc discards")
        }
        return []
    }

    /// At start-up, the first closing draft whose record is still open comes back in its dialog.
    static func resumeDraft(_ s: inout AppState) {
        guard s.readOnlyReason == nil else { return }
        while let d = s.closingDrafts.first {
            guard let value = s.data.value(of: d.ref), !value.isClosed else { s.closingDrafts.removeFirst(); continue }
            _ = open(&s, d.ref)
            return
        }
    }

    /// The draft to keep when the program ends with a closing dialog holding typed text.
    static func draftOnQuit(_ s: AppState) -> [Effect] {
        for c in s.stack.reversed() {
            if case .closing(let closing) = c, closing.isDirty { return [.saveClosingDraft(ClosingDraft(closing, today: s.today))] }
        }
        return []
    }

    /// Ctrl-S in the dialog: the date read, the change made by `Lifecycle`, applied as one change.
    static func submit(_ s: inout AppState, _ c: ClosingState) -> [Effect] {
        if Editing.refuseIfReadOnly(&s) { return [] }
        var c = c
        guard let before = s.data.value(of: c.ref) else {
            s.pop()
            s.status = Status("That record is no longer loaded", .error)
            return []
        }
        let date: Day
        switch DateInput.parse(c.text("date"), today: s.today) {
        case .failure(let e):
            c.errors = ["date": e.message]
            return refuse(&s, c)
        case .success(let d): date = d
        }
        let text = c.text("outcome")
        let names = s.rows.people
        let result: Result<(Record, String), Logbook.Failure>
        switch (before, c.choice) {
        case (.coaching(let e), .completed), (.coaching(let e), .cancelled):
            let status: EngagementStatus = c.choice == .completed ? .completed : .cancelled
            result = Lifecycle.close(e, as: status, on: date, outcome: text, today: s.today)
                .map { (.coaching($0), "\(status.label.capitalized) \(names.name(e.coacheeID))'s engagement on \(date.iso)") }
        case (.coaching(let e), .onHold), (.coaching(let e), .resumed):
            let status: EngagementStatus = c.choice == .onHold ? .onHold : .active
            result = Lifecycle.setStatus(e, to: status, on: date, note: text, today: s.today)
                .map { (.coaching($0), "\(status == .onHold ? "Put on hold" : "Resumed") \(names.name(e.coacheeID))'s engagement on \(date.iso)") }
        case (.mentoring(let r), .paused):
            result = Lifecycle.pause(r, on: date, note: text, today: s.today)
                .map { (.mentoring($0), "Paused the mentoring of \(names.name(r.menteeID)) on \(date.iso)") }
        case (.mentoring(let r), .closed):
            result = Lifecycle.close(r, on: date, outcome: text, today: s.today)
                .map { (.mentoring($0), "Closed the mentoring of \(names.name(r.menteeID)) on \(date.iso)") }
        case (.mentoring(let r), .resumed):
            result = Lifecycle.resume(r, on: date, note: text, today: s.today)
                .map { (.mentoring($0), "Resumed the mentoring of \(names.name(r.menteeID)) on \(date.iso)") }
        default:
            s.pop()
            return []
        }
        switch result {
        case .failure(let f):
            var errors: [String: String] = [:]
            for p in f.problems {
                let id = p.field == "outcome" ? "outcome" : p.field == "status" ? "as" : "date"
                errors[id] = errors[id].map { $0 + "; " + p.message } ?? p.message
            }
            c.errors = errors
            return refuse(&s, c)
        case .success(let (after, label)):
            s.pop()
            let effects = apply(&s, Change(label: label, before: before, after: after))
            s.status = Status("\(label) · u undoes\(after.isClosed ? " · 5 lists the archive" : "")")
            if case .coaching(let e) = after, e.status == .completed { offerContinuation(&s, e) }
            return effects + (c.restoredDraft.map { [Effect.deleteDraft(name: $0)] } ?? [])
        }
    }

    /// After a completion is saved: the question whether to carry the growth on as mentoring
    /// (y: `continueAsMentoring`), asked only when there is a mentor with room and no continuation yet.
    static func offerContinuation(_ s: inout AppState, _ e: CoachingEngagement) {
        let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let names = s.rows.people
        switch Continuation.relationship(continuing: e, in: s.data, today: s.today, makeID: { zero }) {
        case .success(let r):
            let focus = e.focus.trimmingCharacters(in: .whitespaces)
            let open = e.objectives.filter { $0.doneOn == nil }.count
            var carried: [String] = []
            if !focus.isEmpty { carried.append("the focus “\(focus)”") }
            if open > 0 { carried.append("\(open) open objective\(open == 1 ? "" : "s")") }
            s.push(.confirm(Confirm(purpose: .continueAsMentoring(RecordRef(kind: .coaching, id: e.id)),
                                    title: "Continue as mentoring?",
                                    message: "Carry \(names.name(e.coacheeID))'s growth on as mentoring with \(names.name(r.mentorID)) "
                                        + "(the top suggested mentor with room; the form opens to change it)"
                                        + (carried.isEmpty ? "" : ", \(carried.joined(separator: " and ")) as goals") + ", linked to this engagement?",
                                    choices: [(.yes, "continue as mentoring"), (.no, "not now")])))
        case .failure(.noMentor):
            s.status = Status((s.status?.text ?? "") + " · nobody has room to mentor \(names.name(e.coacheeID)) yet: M on its detail continues it later")
        case .failure: break
        }
    }

    private static func refuse(_ s: inout AppState, _ c: ClosingState) -> [Effect] {
        var c = c
        if let i = c.fields.firstIndex(where: { c.errors[$0.id] != nil }) { c.focus = i }
        s.closing = c
        s.status = Status("Not saved: fix the marked field\(c.errors.count == 1 ? "" : "s")", .error)
        return []
    }

    /// `R`: a closed engagement active again, a closed or paused relationship resumed, today,
    /// through `Lifecycle` (the history keeps the closing); one undoable change.
    static func reopen(_ s: inout AppState, _ ref: RecordRef?) -> [Effect] {
        if Editing.refuseIfReadOnly(&s) { return [] }
        guard let ref, let before = s.data.value(of: ref) else {
            s.status = Status("Nothing selected to reopen")
            return []
        }
        let names = s.rows.people
        let result: Result<(Record, String), Logbook.Failure>
        switch before {
        case .coaching(let e):
            guard !e.isOpen || e.status == .onHold else {
                s.status = Status("The engagement is \(e.status.label), not closed: a closes it")
                return []
            }
            result = Lifecycle.setStatus(e, to: .active, on: s.today, today: s.today)
                .map { (.coaching($0), "\(e.status == .onHold ? "Resumed" : "Reopened") \(names.name(e.coacheeID))'s engagement") }
        case .mentoring(let r):
            guard r.status != .active else {
                s.status = Status("The relationship is active, not closed: a pauses or closes it")
                return []
            }
            result = Lifecycle.resume(r, on: s.today, today: s.today)
                .map { (.mentoring($0), "\(r.status == .paused ? "Resumed" : "Reopened") the mentoring of \(names.name(r.menteeID))") }
        default:
            s.status = Status("Only engagements and relationships reopen")
            return []
        }
        switch result {
        case .failure(let f):
            s.status = Status("Not reopened: " + f.problems.map(\.message).joined(separator: "; "), .error)
            return []
        case .success(let (after, label)):
            let effects = apply(&s, Change(label: label, before: before, after: after))
            s.status = Status("\(label) · u undoes")
            return effects
        }
    }

    /// "closed on 3 Nov — reopen it first (R)" for a closed record; `nil` for an open one.
    static func closedReason(_ ref: RecordRef, _ s: AppState) -> String? {
        guard let value = s.data.value(of: ref), value.isClosed else { return nil }
        let word: String
        switch value {
        case .coaching(let e): word = e.status.label
        default: word = "closed"
        }
        let on = value.closingDay.map { " on " + Format.shortDate($0, today: s.today) } ?? ""
        return "\(word)\(on) — reopen it first (R)"
    }
}

extension Record {
    /// A completed or cancelled engagement, a closed relationship: what the archive lists.
    var isClosed: Bool {
        switch self {
        case .coaching(let e): !e.isOpen
        case .mentoring(let r): r.status == .closed
        default: false
        }
    }

    /// The day it closed: `closedOn`, else (older files) the last history entry to its status.
    var closingDay: Day? {
        switch self {
        case .coaching(let e): e.closedOn ?? e.history.last(where: { $0.status == e.status })?.date
        case .mentoring(let r): r.closedOn ?? r.history.last(where: { $0.status == .closed })?.date
        default: nil
        }
    }
}

/// The closing dialog's keys.
func updateClosing(_ s: inout AppState, _ c: ClosingState, _ action: Action) -> [Effect] {
    var c = c
    switch action {
    case .save: return Closing.submit(&s, c)
    case .nextField: c.moveFocus(by: 1); s.closing = c
    case .prevField: c.moveFocus(by: -1); s.closing = c
    case .back:
        if c.isDirty {
            s.push(.confirm(Confirm(purpose: .discardClosing, title: "Discard?",
                                    message: "Throw away what you typed in “\(c.title)”? The record stays as it is.",
                                    choices: [(.yes, "discard"), (.no, "keep editing")])))
        } else {
            s.pop()
        }
    default: break
    }
    return []
}
