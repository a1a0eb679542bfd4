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
        case .editSession(let r, let sessionID):
            let ref = RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
            guard let record = s.data.value(of: ref)?.sessionRecord,
                  let session = record.sessions.first(where: { $0.id == sessionID }) else { return nil }
            return LogForm.make(for: record, session: session, names: names, today: s.today)
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
        for j in form.fields.indices {
            if case .items(var list) = form.fields[j].editor {
                if let rows = d.items?[form.fields[j].id] {
                    // Rows keep the ids of what they edit; what is gone from the record since comes back as new.
                    let known = Dictionary(list.rows.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
                    list.rows = rows.map { row in
                        guard let id = row.id, let was = known[id] else { return ItemRow(text: row.text, done: row.done) }
                        return ItemRow(id: id, text: row.text, done: row.done, original: was.original, history: was.history)
                    }
                    list.select(0)
                    form.fields[j].editor = .items(list)
                }
            } else if let t = d.fields[form.fields[j].id] {
                form.fields[j].setText(t)
                // A person picked before the draft was kept is still that person.
                form.fields[j] = form.fields[j].picking(d.people?[form.fields[j].id])
            }
        }
        form.restoredDraft = d.name
        s.status = Status("Restored your unsaved draft from \(d.savedOn.iso): Ctrl-S saves, Esc discards")
    }

    /// Ctrl-S: validate, build the new value, apply it, close the form.
    static func submit(_ s: inout AppState, _ form: Form) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        var form = form
        var built: Result<Change, FieldErrors>
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
        case .editSession(let r, let sessionID):
            let ref = RecordRef(kind: RecordKind(rawValue: r.kind) ?? .coaching, id: r.id)
            guard let value = s.data.value(of: ref), let record = value.sessionRecord,
                  record.sessions.contains(where: { $0.id == sessionID }) else {
                s.status = Status("That session is no longer in the record", .error); return []
            }
            let keeping = LogForm.untouchedMetrics(form, record: record)
            built = LogForm.input(from: form, record: record, today: s.today).flatMap { input in
                switch Logbook.editing(sessionID, to: input, keeping: keeping, on: record, today: s.today, makeID: s.makeID) {
                case .failure(let f):
                    return .failure(FieldErrors(Dictionary(f.problems.map { (fieldID(for: $0.field), $0.message) }, uniquingKeysWith: { a, b in a + "; " + b })))
                case .success(let updated):
                    let after: Record
                    switch updated {
                    case .coaching(let e): after = .coaching(e)
                    case .mentoring(let m): after = .mentoring(m)
                    }
                    return .success(Change(label: "Edited the session of \(input.date.iso) (\(recordName(value, s)))", before: value, after: after))
                }
            }
        default:
            built = RecordForms.build(form, in: s.data, names: s.rows.people, today: s.today, makeID: s.makeID)
        }
        if case .success = built, let refusal = Sealed.refusal(form, s) { built = .failure(refusal) }
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
                s.status = Status("No changes")
                return [.deleteDraft(name: draft(of: form, today: s.today).name)]
            }
            return apply(&s, change) + [.deleteDraft(name: draft(of: form, today: s.today).name)]
        }
    }

    /// Who a record is about, for labels: "Ana Lima", "Ben Okafor → Ana Lima".
    static func recordName(_ value: Record, _ s: AppState) -> String {
        let names = s.rows.people
        switch value {
        case .coaching(let e): return names.name(e.coacheeID)
        case .mentoring(let m): return "\(names.name(m.mentorID)) → \(names.name(m.menteeID))"
        case .person(let p): return p.name
        case .assessment: return "assessment"
        }
    }

    // MARK: Items in a form

    /// Ctrl-X: takes the focused item out; one with history (readings, a done day) asks first.
    static func askRemoveItem(_ s: inout AppState, _ form: Form) {
        guard let list = form.focusedItems, let row = list.current else {
            s.status = Status(form.focusedItems == nil ? "Ctrl-X removes an item in a list (objectives, metrics, goals, actions)" : "No item to remove")
            return
        }
        let name = itemName(row)
        if row.id != nil, let history = row.history {
            s.push(.confirm(Confirm(purpose: .removeItem(field: form.fields[form.focus].id, row: list.selected),
                                    title: "Remove \(list.noun)?",
                                    message: "\(name) \(history): remove it? (The record changes when you save; u undoes that.)",
                                    choices: [(.yes, "remove"), (.no, "keep")])))
            return
        }
        var form = form
        form.updateFocusedItems { $0.removeSelected() }
        s.form = form
        s.status = Status(name.isEmpty ? "Removed an empty \(list.noun)" : "Removed \(name)")
    }

    /// The item's name as questions say it: a metric's name, a goal's text without its date.
    static func itemName(_ row: ItemRow) -> String {
        let t = row.text.trimmingCharacters(in: .whitespaces)
        if let bar = t.firstIndex(of: "|") { return t[..<bar].trimmingCharacters(in: .whitespaces) }
        if let at = t.range(of: " @", options: .backwards) { return String(t[..<at.lowerBound]) }
        return t
    }

    /// Ctrl-D: marks the focused item done today, or open again.
    static func toggleItemDone(_ s: inout AppState, _ form: Form) {
        guard let list = form.focusedItems, let row = list.current else {
            s.status = Status(form.focusedItems == nil ? "Ctrl-D marks an item done in a list (objectives, goals, actions)" : "No item to mark")
            return
        }
        guard list.canBeDone else {
            s.status = Status("A \(list.noun) is not marked done: its readings say how it goes")
            return
        }
        var form = form
        let today = s.today
        form.updateFocusedItems { $0.toggleDone(today: today) }
        s.form = form
        s.status = Status(row.done == nil ? "Done \(Format.shortDate(today, today: today)): \(itemName(row)) (when you save)" : "Open again: \(itemName(row)) (when you save)")
    }

    /// Ctrl-N: a new item below the focused one.
    static func addItem(_ s: inout AppState, _ form: Form) {
        guard form.focusedItems != nil else {
            s.status = Status("Ctrl-N adds an item in a list (objectives, metrics, goals, actions)")
            return
        }
        var form = form
        form.updateFocusedItems { $0.addBelow() }
        s.form = form
    }

    /// Alt-k / Alt-j: moves the focused item up or down.
    static func moveItem(_ s: inout AppState, _ form: Form, by n: Int) {
        guard form.focusedItems != nil else {
            s.status = Status("Alt-k and Alt-j move an item in a list (objectives, metrics, goals, actions)")
            return
        }
        var form = form
        var moved = false
        form.updateFocusedItems { moved = $0.moveSelected(by: n) }
        s.form = form
        if !moved { s.status = Status(n < 0 ? "Already the first" : "Already the last") }
    }

    /// The answer to "remove it?": takes the row out of the form under the question.
    static func removeItem(_ s: inout AppState, field: String, row: Int) {
        guard var form = s.form, let i = form.fields.firstIndex(where: { $0.id == field }),
              case .items(var list) = form.fields[i].editor, list.rows.indices.contains(row) else { return }
        let name = itemName(list.rows[row])
        list.select(row)
        list.removeSelected()
        form.fields[i].editor = .items(list)
        s.form = form
        s.status = Status("Removed \(name) from the form: Ctrl-S saves, u undoes after")
    }

    // MARK: Sessions (detail screen)

    /// Enter on a session in the detail: its edit form.
    static func openSession(_ s: inout AppState, _ d: DetailState) -> [Effect] {
        let items = DetailItems.of(d.ref, in: s.data)
        guard case .session(let si)? = items[safe: d.selected], let record = s.data.value(of: d.ref)?.sessionRecord else {
            s.status = Status("Enter opens a session: select one under Sessions (x marks this item done)")
            return []
        }
        if refuseIfReadOnly(&s) { return [] }
        if let sealed = record.sessions[si].sealed, record.sessions[si].isSealedShut {
            s.status = Status("This session is \(sealed.placeholder): your identity cannot open it, so it cannot be edited", .error)
            return []
        }
        open(.editSession(RecordRefCodable(kind: d.ref.kind.rawValue, id: d.ref.id), record.sessions[si].id), &s)
        return []
    }

    /// d on a session in the detail: asks, saying what goes with it.
    static func askDeleteSession(_ s: inout AppState, _ d: DetailState) -> [Effect] {
        if refuseIfReadOnly(&s) { return [] }
        let items = DetailItems.of(d.ref, in: s.data)
        guard case .session(let si)? = items[safe: d.selected], let record = s.data.value(of: d.ref)?.sessionRecord else {
            s.status = Status("d deletes a session: select one under Sessions")
            return []
        }
        let session = record.sessions[si]
        let readings = record.readingCount(in: session.id)
        var goes: [String] = []
        if readings > 0 { goes.append("\(readings) metric reading\(readings == 1 ? "" : "s") taken in it") }
        if !session.actionItems.isEmpty { goes.append("\(session.actionItems.count) action item\(session.actionItems.count == 1 ? "" : "s")") }
        let tail = goes.isEmpty ? "" : " With it go \(goes.joined(separator: " and "))."
        s.push(.confirm(Confirm(purpose: .deleteSession(d.ref, session.id), title: "Delete session?",
                                message: "Delete the session of \(Format.longDate(session.date)) (\(session.minutes) min)?\(tail) u undoes it.",
                                choices: [(.yes, "delete"), (.no, "keep")])))
        return []
    }

    static func deleteSession(_ s: inout AppState, _ ref: RecordRef, _ sessionID: UUID) -> [Effect] {
        guard let before = s.data.value(of: ref), let record = before.sessionRecord,
              let session = record.sessions.first(where: { $0.id == sessionID }) else { return [] }
        let after: Record
        switch Logbook.deleting(sessionID, from: record) {
        case .coaching(let e): after = .coaching(e)
        case .mentoring(let m): after = .mentoring(m)
        }
        if var d = s.detail, d.ref == ref { d.selected = max(0, d.selected - 1); s.detail = d }
        return apply(&s, Change(label: "Deleted the session of \(session.date.iso) (\(recordName(before, s)))", before: before, after: after))
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
        if case .session = items[d.selected] {
            s.status = Status("x marks objectives, goals and action items; on a session Enter edits it, d deletes it")
            return []
        }
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
    /// A session (Enter edits it, d deletes it).
    case session(Int)
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

    /// Sessions newest first, each followed by its action items.
    static func actions(_ sessions: [Session]) -> [DetailItem] {
        sessions.indices.reversed().flatMap { si in [DetailItem.session(si)] + sessions[si].actionItems.indices.map { DetailItem.action(session: si, item: $0) } }
    }
}
