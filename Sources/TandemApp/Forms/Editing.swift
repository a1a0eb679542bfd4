import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// New, edit, archive and done-marking: each ends in one `Change` through `apply`.
enum Editing {
    static func refuseIfReadOnly(_ s: inout AppState) -> Bool {
        guard let reason = s.readOnlyReason else { return false }
        s.status = Status("Read-only: \(reason)", .error)
        return true
    }

    // MARK: New / edit

    static func openNewMenu(_ s: inout AppState) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        s.push(.confirm(Confirm(purpose: .newMenu, title: "New", message: "What would you like to add?",
                                choices: [(.newPerson, "person"), (.newEngagement, "coaching engagement"), (.newRelationship, "mentoring relationship")])))
        return []
    }

    static func openEditForm(_ s: inout AppState) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        guard let ref = s.selectedRecord else {
            s.status = Status("Nothing selected to edit")
            return []
        }
        switch ref.kind {
        case .person: open(.editPerson(ref.id), &s)
        case .coaching: open(.editEngagement(ref.id), &s)
        case .mentoring: open(.editRelationship(ref.id), &s)
        case .assessment: break
        }
        return []
    }

    /// Opens the form of the first draft left by an earlier run whose record is still here.
    static func resumeDraft(_ s: inout AppState) {
        guard s.readOnlyReason == nil else { return }
        while let d = s.drafts.first {
            guard var form = makeForm(d.kind, s) else { s.drafts.removeFirst(); continue }
            restoreDraft(&s, into: &form)
            s.push(.form(form))
            return
        }
    }

    /// The form for a kind of edit, filled from the record it edits (`nil` if that is gone).
    static func makeForm(_ kind: FormKind, _ s: AppState) -> Form? {
        let names = s.rows.people
        switch kind {
        case .log(let r):
            let ref = RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
            return s.data.value(of: ref)?.sessionRecord.map { LogForm.make(for: $0, names: names, today: s.today) }
        case .newPerson: return RecordForms.person(nil, names: names, teams: PersonRules.teams(in: s.data.people))
        case .newEngagement: return RecordForms.engagement(nil, names: names, today: s.today)
        case .newRelationship: return RecordForms.relationship(nil, names: names, today: s.today)
        case .editPerson(let id):
            guard case .person(let p)? = s.data.value(of: RecordRef(kind: .person, id: id)) else { return nil }
            return RecordForms.person(p, names: names, teams: PersonRules.teams(in: s.data.people))
        case .editEngagement(let id):
            guard case .coaching(let e)? = s.data.value(of: RecordRef(kind: .coaching, id: id)) else { return nil }
            return RecordForms.engagement(e, names: names, today: s.today)
        case .editRelationship(let id):
            guard case .mentoring(let r)? = s.data.value(of: RecordRef(kind: .mentoring, id: id)) else { return nil }
            return RecordForms.relationship(r, names: names, today: s.today)
        }
    }

    /// Opens a form (restoring a matching draft into it).
    static func open(_ kind: FormKind, _ s: inout AppState) {
        guard var form = makeForm(kind, s) else { return }
        restoreDraft(&s, into: &form)
        s.push(.form(form))
    }

    /// Fills a form from a draft of the same kind left by an earlier run, and says so.
    static func restoreDraft(_ s: inout AppState, into form: inout Form) {
        guard let i = s.drafts.firstIndex(where: { $0.kind == form.kind }) else { return }
        let d = s.drafts.remove(at: i)
        for j in form.fields.indices { if let t = d.fields[form.fields[j].id] { form.fields[j].setText(t) } }
        s.status = Status("Restored your unsaved draft from \(d.savedOn.iso): Ctrl-S saves, Esc discards")
    }

    /// Ctrl-S: validate, build the new value, apply it, close the form.
    static func submit(_ s: inout AppState, _ form: Form) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        var form = form
        let built: Result<Change, FieldErrors>
        switch form.kind {
        case .log(let r):
            let ref = RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
            guard let value = s.data.value(of: ref) else {
                s.status = Status("That record is no longer loaded", .error); return []
            }
            guard let record = value.sessionRecord else { return [] }
            built = LogForm.input(from: form, record: record, today: s.today).flatMap { input in
                switch Logbook.logging(input, on: record, today: s.today, makeID: s.makeID) {
                case .failure(let f):
                    return .failure(FieldErrors(Dictionary(f.problems.map { (fieldID(for: $0.field), $0.message) }, uniquingKeysWith: { a, b in a + "; " + b })))
                case .success(let updated):
                    let after: Record
                    let who: String
                    switch updated {
                    case .coaching(let e): after = .coaching(e); who = s.rows.people.name(e.coacheeID)
                    case .mentoring(let m): after = .mentoring(m); who = "\(s.rows.people.name(m.mentorID)) → \(s.rows.people.name(m.menteeID))"
                    }
                    return .success(Change(label: "Logged \(input.minutes) min session on \(input.date.iso) for \(who)",
                                           before: value, after: after))
                }
            }
        default:
            built = RecordForms.build(form, in: s.data, names: s.rows.people, today: s.today, makeID: s.makeID)
        }
        switch built {
        case .failure(let failure):
            let errors = failure.fields
            form.errors = errors
            form.focusFirstError()
            s.form = form
            s.status = Status("Not saved: fix the marked field\(errors.count == 1 ? "" : "s")", .error)
            return []
        case .success(let change):
            if let ask = People.askPairing(&s, change, draft: draft(of: form, today: s.today).name) { return ask }
            s.form = nil
            if change.before == change.after {
                s.status = Status("Nothing changed")
                return [.deleteDraft(name: draft(of: form, today: s.today).name)]
            }
            return apply(&s, change) + [.deleteDraft(name: draft(of: form, today: s.today).name)]
        }
    }

    /// Maps a core problem's field ("sessions[2].pulse", "date") to a form field id.
    static func fieldID(for field: String) -> String {
        if field.hasPrefix("actions") || field.hasPrefix("actionItems") { return "actions" }
        if field == "nextDate" { return "next" }
        if field == "metric" { return "notes" }
        return field
    }

    // MARK: Archive

    static func askArchive(_ s: inout AppState) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        guard let ref = s.selectedRecord, let value = s.data.value(of: ref) else { return [] }
        if ref.kind == .coaching || ref.kind == .mentoring { return Closing.open(&s, ref) }
        let what: String
        switch value {
        case .person(let p): what = "Mark \(p.name) as having left the agency today?"
        default: return []
        }
        s.push(.confirm(Confirm(purpose: .archive(ref), title: "Archive", message: what, choices: [(.yes, "archive"), (.no, "keep")])))
        return []
    }

    static func archive(_ s: inout AppState, _ ref: RecordRef) -> [Effect] {
        guard let before = s.data.value(of: ref) else { return [] }
        let after: Record
        let label: String
        // Engagements and relationships close through the closing dialog (`Closing`).
        switch before {
        case .person(var p):
            p.leftOn = s.today
            after = .person(p); label = "\(p.name) marked as left"
        default:
            return []
        }
        // An archived record leaves its detail.
        if case .detail(let d) = s.top, d.ref == ref { s.pop() }
        return apply(&s, Change(label: label, before: before, after: after))
    }

    // MARK: Done marks (detail screen)

    static func toggleDone(_ s: inout AppState, _ d: DetailState) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        let ref = d.ref
        guard let before = s.data.value(of: ref) else { return [] }
        let items = DetailItems.of(ref, in: s.data)
        guard items.indices.contains(d.selected) else { s.status = Status("Nothing to mark here"); return [] }
        let today = s.today
        func flip(_ d: Day?) -> Day? { d == nil ? today : nil }
        var after = before
        var label = ""
        switch (items[d.selected], before) {
        case (.objective(let i), .coaching(var e)):
            e.objectives[i].doneOn = flip(e.objectives[i].doneOn)
            label = "\(e.objectives[i].doneOn == nil ? "Reopened" : "Done"): \(e.objectives[i].text)"
            after = .coaching(e)
        case (.goal(let i), .mentoring(var r)):
            r.goals[i].achievedOn = flip(r.goals[i].achievedOn)
            label = "\(r.goals[i].achievedOn == nil ? "Reopened" : "Achieved"): \(r.goals[i].text)"
            after = .mentoring(r)
        case (.action(let si, let ai), .coaching(var e)):
            e.sessions[si].actionItems[ai].doneOn = flip(e.sessions[si].actionItems[ai].doneOn)
            label = "\(e.sessions[si].actionItems[ai].doneOn == nil ? "Reopened" : "Done"): \(e.sessions[si].actionItems[ai].text)"
            after = .coaching(e)
        case (.action(let si, let ai), .mentoring(var r)):
            r.sessions[si].actionItems[ai].doneOn = flip(r.sessions[si].actionItems[ai].doneOn)
            label = "\(r.sessions[si].actionItems[ai].doneOn == nil ? "Reopened" : "Done"): \(r.sessions[si].actionItems[ai].text)"
            after = .mentoring(r)
        default:
            return []
        }
        return apply(&s, Change(label: label, before: before, after: after))
    }
}

/// The items of a detail screen that `x` can mark done: objectives or goals, then action items.
enum DetailItem: Equatable {
    case objective(Int)
    case goal(Int)
    case action(session: Int, item: Int)
}

enum DetailItems {
    static func of(_ ref: RecordRef, in data: Snapshot) -> [DetailItem] {
        switch data.value(of: ref) {
        case .coaching(let e)?:
            return e.objectives.indices.map(DetailItem.objective) + actions(e.sessions)
        case .mentoring(let r)?:
            return r.goals.indices.map(DetailItem.goal) + actions(r.sessions)
        default:
            return []
        }
    }

    /// Action items, newest session first.
    static func actions(_ sessions: [Session]) -> [DetailItem] {
        sessions.indices.reversed().flatMap { si in sessions[si].actionItems.indices.map { DetailItem.action(session: si, item: $0) } }
    }
}
