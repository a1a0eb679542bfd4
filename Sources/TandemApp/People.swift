import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The person screen's list has one order: open records first, then by the other person's name.
public enum PersonSort: String, CaseIterable, Sendable { case openFirst = "open first, then by name" }

/// A person's own screen: whose it is, and the selection (by record id) in their records.
public struct PersonState: Equatable, Sendable {
    public var id: UUID
    public var list = PaneState<PersonSort>(sort: .openFirst)

    public init(id: UUID) { self.id = id }

    /// The person's records as the screen lists them (empty when the person is gone).
    func items(in s: AppState) -> [PersonOverview.Item] {
        guard let p = s.rows.people[id] else { return [] }
        return PersonOverview(p, in: s.data, today: s.today).items
    }

    /// Finds the selected record again after the data changed.
    mutating func reselect(in s: AppState) { list.reselect(items(in: s).map(\.id)) }
}

/// The person screen's keys.
func updatePerson(_ s: inout AppState, _ p: inout PersonState, _ action: Action) -> [Effect] {
    let items = p.items(in: s)
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        let page = AppLayout(s).visibleRows(.person)
        p.list.move(items.map(\.id), visible: page) { move(&$0, action, items.count, page) }
    case .open:
        guard let i = p.list.selected, items.indices.contains(i) else {
            s.status = Status("No record selected: \(s.rows.people.name(p.id)) has no coaching or mentoring yet")
            return []
        }
        s.push(.detail(DetailState(ref: RecordRef(kind: items[i].kind == .coaching ? .coaching : .mentoring, id: items[i].id))))
    case .edit: return Editing.openEditForm(&s)
    case .leave: return People.askLeave(&s, p.id)
    case .closeOpenWork: return People.askCloseOpenWork(&s, p.id)
    case .assess: return openAssessment(&s, for: p.id)
    case .back: s.pop()
    default: break
    }
    return []
}

/// Leaving, coming back, closing a leaver's records, the roster's filter, and the questions
/// before a mentoring pair is saved: each change goes through `apply`, so `u` undoes it.
enum People {
    // MARK: The people screen

    static func roster(_ s: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .open:
            guard let id = s.roster.selectedID else {
                s.status = Status(s.roster.filter.isEmpty ? "No one to open yet: n adds a person" : "Nobody matches /\(s.roster.filter): Esc clears the filter")
                return []
            }
            var p = PersonState(id: id)
            p.reselect(in: s)
            s.push(.person(p))
        case .filter:
            s.push(.prompt(Prompt(kind: .filterPeople, field: LineField(text: s.roster.filter))))
        case .back:
            if !s.roster.filter.isEmpty { setFilter(&s, "") }
        case .leave:
            if let id = s.roster.selectedID { return askLeave(&s, id) }
            s.status = Status("Nobody selected")
        case .closeOpenWork:
            if let id = s.roster.selectedID { return askCloseOpenWork(&s, id) }
            s.status = Status("Nobody selected")
        default: break
        }
        return []
    }

    /// `p` / `P` on a record's detail: the person screen of the coachee or mentee, or of the
    /// coach or mentor.
    static func openFromDetail(_ s: inout AppState, _ ref: RecordRef, partner: Bool) {
        let id: UUID?
        switch s.data.value(of: ref) {
        case .coaching(let e)?:
            if !partner { id = e.coacheeID } else if case .person(let c) = e.coach { id = c } else {
                if case .external(let n) = e.coach { s.status = Status("The coach, \(n), is external: no person screen") }
                return
            }
        case .mentoring(let r)?: id = partner ? r.mentorID : r.menteeID
        default: id = nil
        }
        guard let id, s.rows.people[id] != nil else { s.status = Status("That person is not in the store"); return }
        var p = PersonState(id: id)
        p.reselect(in: s)
        // Their screen opens on this record.
        let ids = p.items(in: s).map(\.id)
        if let i = ids.firstIndex(of: ref.id) {
            p.list.move(ids, visible: AppLayout(s).visibleRows(.person)) { $0.moveTo(i, count: ids.count) }
        }
        s.push(.person(p))
    }

    /// The roster's `/` filter: name, role, team and expertise, case and accents ignored.
    static func setFilter(_ s: inout AppState, _ text: String) {
        s.roster.filter = text
        s.refilter()
    }

    // MARK: Leaving

    /// `a`: a current person is asked the day they left; one who left is asked about coming back.
    static func askLeave(_ s: inout AppState, _ id: UUID) -> [Effect] {
        if Editing.refuseIfReadOnly(&s) { return [] }
        guard let p = s.rows.people[id] else { return [] }
        if let left = p.leftOn {
            s.push(.confirm(Confirm(purpose: .markCurrent(id), title: "Back at the agency?",
                                    message: "Mark \(p.name) as current again (they left on \(left.iso))? Records closed when they left stay closed.",
                                    choices: [(.yes, "mark current"), (.no, "keep as left")])))
        } else {
            s.push(.prompt(Prompt(kind: .leftOn(id), field: LineField(text: s.today.iso))))
        }
        return []
    }

    /// Enter on the leaving day: mark them, then offer to close what is still open with them.
    static func submitLeftOn(_ s: inout AppState, _ id: UUID, _ prompt: Prompt) -> [Effect] {
        guard let p = s.rows.people[id] else { s.pop(); return [] }
        var prompt = prompt
        let day: Day
        switch DateInput.parse(prompt.field.text.trimmingCharacters(in: .whitespaces), today: s.today) {
        case .success(let d): day = d
        case .failure(let e):
            prompt.error = e.message
            s.prompt = prompt
            return []
        }
        switch PersonRules.markLeft(p, on: day, today: s.today) {
        case .failure(let f):
            prompt.error = f.problems.map(\.message).joined(separator: "; ")
            s.prompt = prompt
            return []
        case .success(let left):
            s.pop()
            let effects = apply(&s, Change(label: "Marked \(p.name) as having left on \(day.iso)", before: .person(p), after: .person(left)))
            let work = PersonRules.openWork(of: id, in: s.data)
            if !work.isEmpty { pushCloseQuestion(&s, left, work) }
            return effects
        }
    }

    /// `c`: close the open records of someone who left, after a question that lists them.
    static func askCloseOpenWork(_ s: inout AppState, _ id: UUID) -> [Effect] {
        if Editing.refuseIfReadOnly(&s) { return [] }
        guard let p = s.rows.people[id] else { return [] }
        guard !p.isCurrent else {
            s.status = Status("\(p.name) is at the agency: a marks them as having left first")
            return []
        }
        let work = PersonRules.openWork(of: id, in: s.data)
        guard !work.isEmpty else {
            s.status = Status("\(p.name) has no open records")
            return []
        }
        pushCloseQuestion(&s, p, work)
        return []
    }

    /// The most records a question lists one by one.
    static let listedAtMost = 5

    static func pushCloseQuestion(_ s: inout AppState, _ p: Person, _ work: OpenWork) {
        let names = s.rows.people
        var lines = work.engagements.map { e in
            "• coaching \(e.coacheeID == p.id ? "with" : "of") \(e.coacheeID == p.id ? coachName(e.coach, names) : names.name(e.coacheeID)): \(e.focus) (\(e.status.label))"
        }
        lines += work.relationships.map { r in
            "• mentoring \(names.name(r.mentorID)) → \(names.name(r.menteeID)) (\(r.status.rawValue))"
        }
        if lines.count > listedAtMost {
            let more = lines.count - (listedAtMost - 1)
            lines = Array(lines.prefix(listedAtMost - 1)) + ["…and \(more) more"]
        }
        let outcome = PersonRules.leavingOutcome(p, on: p.leftOn ?? s.today)
        let message = "\(p.name) left and has \(work.count) open record\(work.count == 1 ? "" : "s"):\n" + lines.joined(separator: "\n")
            + "\nCancel the coaching and close the mentoring, with the outcome “\(outcome)”? Each can be undone with u."
        s.push(.confirm(Confirm(purpose: .closeOpenWork(p.id), title: "Close \(p.name)'s open records?", message: message,
                                choices: [(.yes, "close them"), (.no, "keep them open")])))
    }

    static func coachName(_ coach: Coach, _ names: PeopleIndex) -> String {
        switch coach {
        case .person(let id): names.name(id)
        case .external(let n): n
        }
    }

    /// Closes them: one undoable change per record.
    static func closeOpenWork(_ s: inout AppState, _ id: UUID) -> [Effect] {
        guard let p = s.rows.people[id] else { return [] }
        let closed = PersonRules.closeOpenWork(of: p, in: s.data, today: s.today)
        let names = s.rows.people
        var effects: [Effect] = []
        for e in closed.engagements {
            guard let before = s.data.engagements.first(where: { $0.id == e.id }) else { continue }
            effects += apply(&s, Change(label: "Cancelled \(names.name(e.coacheeID))'s coaching (\(e.focus)): \(p.name) left",
                                        before: .coaching(before), after: .coaching(e)))
        }
        for r in closed.relationships {
            guard let before = s.data.relationships.first(where: { $0.id == r.id }) else { continue }
            effects += apply(&s, Change(label: "Closed the mentoring \(names.name(r.mentorID)) → \(names.name(r.menteeID)): \(p.name) left",
                                        before: .mentoring(before), after: .mentoring(r)))
        }
        let done = closed.engagements.count + closed.relationships.count
        if closed.refused.isEmpty {
            s.status = Status("Closing \(done) record\(done == 1 ? "" : "s") of \(p.name) (u undoes them one by one)…")
        } else {
            s.status = Status("Closing \(done); not closed: \(closed.refused.map(\.reason).joined(separator: "; "))", .error)
        }
        return effects
    }

    // MARK: Questions

    static func answer(_ s: inout AppState, _ c: Confirm, _ action: Action) -> [Effect] {
        switch (c.purpose, action) {
        case (.pairing(let change, let draftName), .yes):
            s.pop()
            s.form = nil
            return apply(&s, change) + [.deleteDraft(name: draftName)]
        case (.pairing, .no), (.pairing, .back):
            s.pop()
            s.status = Status("Not saved yet: the form is as you left it (Ctrl-S asks again)")
        case (.closeOpenWork(let id), .yes):
            s.pop()
            return closeOpenWork(&s, id)
        case (.markCurrent(let id), .yes):
            s.pop()
            guard let p = s.rows.people[id] else { return [] }
            var back = p
            back.leftOn = nil
            return apply(&s, Change(label: "Marked \(p.name) as current again", before: .person(p), after: .person(back)))
        case (.closeOpenWork, .no), (.closeOpenWork, .back), (.markCurrent, .no), (.markCurrent, .back):
            s.pop()
        default: break
        }
        return []
    }

    // MARK: Pairing

    /// Before a mentoring pair is saved: when the pair is new or changed (mentor, mentee or
    /// back to active) and `PersonRules.pairingWarnings` has something to say, ask first.
    /// Returns nil when there is nothing to ask.
    static func askPairing(_ s: inout AppState, _ change: Change, draft: String) -> [Effect]? {
        guard case .mentoring(let r)? = change.after else { return nil }
        if case .mentoring(let old)? = change.before, old.mentorID == r.mentorID, old.menteeID == r.menteeID,
           old.status == r.status { return nil }
        let warnings = PersonRules.pairingWarnings(r, in: s.data)
        guard !warnings.isEmpty else { return nil }
        let names = s.rows.people
        let message = warnings.map { "• " + $0.message(names) }.joined(separator: "\n") + "\nSave this pair anyway?"
        s.push(.confirm(Confirm(purpose: .pairing(change, draft: draft), title: "Before saving \(names.name(r.mentorID)) → \(names.name(r.menteeID))",
                                message: message, choices: [(.yes, "save anyway"), (.no, "back to the form")])))
        return []
    }
}
