import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The only place app state changes. Returns the I/O to do as data.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .started:
        Editing.resumeDraft(&state)
        return []
    case .keyPressed(let key):
        return handleKey(&state, key)
    case .resized(let w, let h):
        state.width = w
        state.height = h
        return []
    case .saveFinished(let ref, let file):
        state.files[ref] = file
        if let change = state.pending.removeValue(forKey: ref) {
            state.status = Status("Saved: \(change.label)", .ok)
        }
        return []
    case .deleteFinished(let ref):
        state.files[ref] = nil
        if let change = state.pending.removeValue(forKey: ref) {
            state.status = Status("Saved: \(change.label)", .ok)
        }
        return []
    case .saveFailed(let ref, let message, let conflict, let attempted):
        let change = state.pending.removeValue(forKey: ref)
        if conflict, let attempted {
            state.confirm = Confirm(
                purpose: .conflict(attempted), title: "Changed on disk",
                message: "\(message). Reload the file (your change is dropped) or keep the on-screen version (the file is overwritten)?",
                choices: [("r", "reload from disk"), ("k", "keep mine")])
        } else {
            state.status = Status("Not saved: \(message)", .error)
        }
        // Memory follows the disk: put back what the file still holds.
        if let change, !conflict {
            state.data.put(change.before, for: ref)
            if state.undoStack.last == change { state.undoStack.removeLast() }
            state.recompute()
        }
        return []
    case .reloaded(let ref, let value):
        state.data.put(value, for: ref)
        state.undoStack.removeAll { $0.ref == ref }
        state.redoStack.removeAll { $0.ref == ref }
        state.recompute()
        state.status = Status("Reloaded \(state.files[ref] ?? "the record") from disk", .info)
        return []
    case .themeChanged(let name, let warnings):
        state.themeName = name
        state.status = warnings.isEmpty ? Status("Theme: \(name)", .ok)
            : Status("Theme \(name): \(warnings.joined(separator: "; "))", .error)
        return []
    case .themeFailed(let message):
        state.status = Status(message, .error)
        return []
    case .draftSaved:
        return []
    case .terminate:
        var effects: [Effect] = []
        if let form = state.form, form.isDirty {
            effects.append(.saveDraft(draft(of: form, today: state.today)))
        }
        state.isQuitting = true
        return effects + [.quit]
    }
}

/// A draft of an open form, named after what it edits.
func draft(of form: Form, today: Day) -> FormDraft {
    let name: String
    switch form.kind {
    case .log(let r): name = "log-\(r.id.uuidString.lowercased().prefix(8))"
    case .newPerson: name = "new-person"
    case .editPerson(let id): name = "person-\(id.uuidString.lowercased().prefix(8))"
    case .newEngagement: name = "new-engagement"
    case .editEngagement(let id): name = "coaching-\(id.uuidString.lowercased().prefix(8))"
    case .newRelationship: name = "new-relationship"
    case .editRelationship(let id): name = "mentoring-\(id.uuidString.lowercased().prefix(8))"
    }
    return FormDraft(name: name, kind: form.kind, title: form.title, fields: form.values, savedOn: today)
}

// MARK: - Keys

private func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
    // Ctrl-C quits from anywhere (a form's text is kept as a draft); Ctrl-Z suspends.
    if key == .ctrl("c") { return update(&s, .terminate) }
    if key == .ctrl("z") { return [.suspend] }

    if s.confirm != nil { return handleConfirm(&s, key) }
    if s.form != nil { return handleForm(&s, key) }
    if s.prompt != nil { return handlePrompt(&s, key) }
    if s.showHelp {
        let last = HelpOverlay.maxScroll(s)
        switch key {
        case .escape, .char("?"), .char("q"): s.showHelp = false
        case .down, .char("j"): s.helpScroll = min(last, s.helpScroll + 1)
        case .up, .char("k"): s.helpScroll = max(0, s.helpScroll - 1)
        case .pageDown, .char(" "): s.helpScroll = min(last, s.helpScroll + 10)
        case .pageUp: s.helpScroll = max(0, s.helpScroll - 10)
        case .char("g"), .home: s.helpScroll = 0
        case .char("G"), .end: s.helpScroll = last
        default: break
        }
        return []
    }
    guard let action = s.keymap.action(for: key, in: s.keyContext) else { return [] }
    return perform(&s, action)
}


private func perform(_ s: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .quit:
        s.isQuitting = true
        return [.quit]
    case .suspend:
        return [.suspend]
    case .help:
        s.showHelp = true
        s.helpScroll = 0
    case .dashboard:
        s.screen = .dashboard
    case .people:
        s.screen = .people
    case .command:
        s.prompt = Prompt(kind: .command, field: LineField(text: ""))
    case .undo:
        return undo(&s)
    case .redo:
        return redo(&s)
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        move(&s, action)
    case .nextPane, .prevPane:
        if s.screen == .dashboard { s.focus = s.focus == .coaching ? .mentoring : .coaching }
    case .open:
        if let ref = s.selectedRecord, ref.kind != .person {
            s.previousScreen = s.screen
            s.screen = .detail(ref)
            s.detail = DetailState()
        }
    case .back:
        if case .detail = s.screen {
            s.screen = s.previousScreen
        } else if s.screen == .dashboard {
            if s.focus == .coaching, !s.coachingFilter.isEmpty { s.coachingFilter = ""; s.refilter() }
            if s.focus == .mentoring, !s.mentoringFilter.isEmpty { s.mentoringFilter = ""; s.refilter() }
        }
    case .filter:
        if s.screen == .dashboard {
            let current = s.focus == .coaching ? s.coachingFilter : s.mentoringFilter
            s.prompt = Prompt(kind: .filter(s.focus), field: LineField(text: current))
        }
    case .sort:
        guard s.screen == .dashboard else { break }
        if s.focus == .coaching {
            let all = CoachingSort.allCases
            s.coachingSort = all[(all.firstIndex(of: s.coachingSort)! + 1) % all.count]
            s.status = Status("Coaching sorted by \(s.coachingSort.rawValue)")
        } else {
            let all = MentoringSort.allCases
            s.mentoringSort = all[(all.firstIndex(of: s.mentoringSort)! + 1) % all.count]
            s.status = Status("Mentoring sorted by \(s.mentoringSort.rawValue)")
        }
        s.refilter()
    case .log:
        return openLogForm(&s)
    case .new:
        return Editing.openNewMenu(&s)
    case .edit:
        return Editing.openEditForm(&s)
    case .archive:
        return Editing.askArchive(&s)
    case .toggleDone:
        return Editing.toggleDone(&s)
    case .save, .nextField, .prevField:
        break
    }
    return []
}

private func move(_ s: inout AppState, _ action: Action) {
    func apply(_ scroll: inout ScrollState, count: Int, height: Int) {
        switch action {
        case .up: scroll.move(by: -1, count: count)
        case .down: scroll.move(by: 1, count: count)
        case .pageUp: scroll.pageUp(height: height, count: count)
        case .pageDown: scroll.pageDown(height: height, count: count)
        case .top: scroll.home(count: count)
        case .bottom: scroll.end(count: count)
        default: break
        }
        scroll.ensureVisible(height: height, count: count)
    }
    switch s.screen {
    case .dashboard:
        let rows = DashboardView.visibleRows(width: s.width, height: s.height)
        if s.focus == .coaching {
            apply(&s.coachingScroll, count: s.rows.coaching.count, height: rows)
        } else {
            apply(&s.mentoringScroll, count: s.rows.mentoring.count, height: rows)
        }
    case .people:
        apply(&s.peopleScroll, count: s.data.people.count, height: max(1, s.height - 6))
    case .detail(let ref):
        let items = DetailItems.of(ref, in: s.data)
        switch action {
        case .up: s.detail.selected = max(0, s.detail.selected - 1); s.detail.followsSelection = true
        case .down: s.detail.selected = min(max(0, items.count - 1), s.detail.selected + 1); s.detail.followsSelection = true
        case .pageUp, .pageDown:
            // Move the view a page; the selection follows when an item is on the new page.
            let page = DetailView.pageHeight(screenHeight: s.height)
            let lines = DetailView.itemLines(ref, s)
            let current = DetailView.offset(ref, s)
            s.detail.scroll = max(0, min(current + (action == .pageDown ? page : -page), lines.total - page))
            s.detail.followsSelection = false
            if let i = lines.items.firstIndex(where: { $0 >= s.detail.scroll && $0 < s.detail.scroll + page }) {
                s.detail.selected = i
            }
        case .top: s.detail.scroll = 0; s.detail.selected = 0; s.detail.followsSelection = true
        case .bottom: s.detail.selected = max(0, items.count - 1); s.detail.followsSelection = true
        default: break
        }
    }
}

// MARK: - Prompts (/ and :)

private func handlePrompt(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var prompt = s.prompt else { return [] }
    switch key {
    case .escape:
        if case .filter(let pane) = prompt.kind { setFilter(&s, pane, "") }
        s.prompt = nil
        return []
    case .enter:
        s.prompt = nil
        if case .command = prompt.kind { return Commands.run(&s, prompt.field.text) }
        return []
    default:
        // Backspace on an empty prompt closes it, as in vim and lazygit.
        if key == .backspace, prompt.field.text.isEmpty {
            s.prompt = nil
        } else if prompt.field.handle(key) {
            s.prompt = prompt
            if case .filter(let pane) = prompt.kind { setFilter(&s, pane, prompt.field.text) }
        }
        return []
    }
}

private func setFilter(_ s: inout AppState, _ pane: Pane, _ text: String) {
    switch pane {
    case .coaching: s.coachingFilter = text
    case .mentoring: s.mentoringFilter = text
    }
    s.refilter()
}

// MARK: - Forms

private func handleForm(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var form = s.form else { return [] }
    let fieldWidth = FormLayout.fieldWidth(screenWidth: s.width)
    if let action = s.keymap.action(for: key, in: .form) {
        switch action {
        case .save:
            return Editing.submit(&s, form)
        case .nextField:
            form.moveFocus(by: 1)
        case .prevField:
            form.moveFocus(by: -1)
        case .back:
            if form.isDirty {
                s.confirm = Confirm(purpose: .discardForm, title: "Discard?",
                                    message: "Throw away what you typed in “\(form.title)”?",
                                    choices: [("y", "discard"), ("n", "keep editing")])
            } else {
                s.form = nil
            }
            return []
        default:
            break
        }
        s.form = form
        return []
    }
    if form.handle(key, width: fieldWidth) {
        s.form = form
    } else if key == .enter || key == .down {
        form.moveFocus(by: 1)
        s.form = form
    } else if key == .up {
        form.moveFocus(by: -1)
        s.form = form
    }
    return []
}

// MARK: - Confirmations

private func handleConfirm(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard let c = s.confirm else { return [] }
    guard case .char(let ch) = key else {
        // A conflict must be answered: memory and disk differ until it is.
        if key == .escape, !c.isConflict { s.confirm = nil }
        return []
    }
    let choice = Character(ch.lowercased())
    switch c.purpose {
    case .discardForm:
        if choice == "y" { s.confirm = nil; s.form = nil; s.status = Status("Discarded") }
        if choice == "n" { s.confirm = nil }
        return []
    case .archive(let ref):
        s.confirm = nil
        if choice == "y" { return Editing.archive(&s, ref) }
        return []
    case .newMenu:
        s.confirm = nil
        return Editing.openNewForm(&s, choice)
    case .conflict(let mine):
        if choice == "r" { s.confirm = nil; return [.reload(mine.ref)] }
        if choice == "k" {
            s.confirm = nil
            let before = s.data.value(of: mine.ref)
            s.pending[mine.ref] = Change(label: "Kept your version of \(s.files[mine.ref] ?? "the record")", before: before, after: mine)
            s.data.put(mine, for: mine.ref)
            s.recompute()
            return [.save(mine, force: true)]
        }
        return []
    }
}

// MARK: - Logging

private func openLogForm(_ s: inout AppState) -> [Effect] {
    guard let ref = s.selectedRecord, ref.kind == .coaching || ref.kind == .mentoring else {
        s.status = Status("Select an engagement or a relationship to log a session on")
        return []
    }
    if Editing.refuseIfReadOnly(&s) { return [] }
    Editing.open(.log(RecordRefCodable(kind: ref.kind.rawValue, id: ref.id)), &s)
    return []
}

// MARK: - Undo

/// Applies a change to memory, records it for undo, and asks for it to be saved.
func apply(_ s: inout AppState, _ change: Change) -> [Effect] {
    s.data.put(change.after, for: change.ref)
    s.undoStack.append(change)
    s.redoStack.removeAll()
    s.pending[change.ref] = change
    s.recompute()
    s.status = Status("Saving: \(change.label)…")
    return [persist(change.after, ref: change.ref)]
}

private func persist(_ value: Record?, ref: RecordRef) -> Effect {
    value.map { .save($0, force: false) } ?? .delete(ref)
}

private func undo(_ s: inout AppState) -> [Effect] { replay(&s, undoing: true) }

private func redo(_ s: inout AppState) -> [Effect] { replay(&s, undoing: false) }

/// Takes the last change off one stack, applies its `before` (undo) or `after` (redo), puts it on
/// the other stack, and saves the result.
private func replay(_ s: inout AppState, undoing: Bool) -> [Effect] {
    if Editing.refuseIfReadOnly(&s) { return [] }
    guard let change = undoing ? s.undoStack.popLast() : s.redoStack.popLast() else {
        s.status = Status(undoing ? "Nothing to undo" : "Nothing to redo")
        return []
    }
    if undoing { s.redoStack.append(change) } else { s.undoStack.append(change) }
    let (from, to) = undoing ? (change.after, change.before) : (change.before, change.after)
    let label = "\(undoing ? "Undid" : "Redid"): \(change.label)"
    s.data.put(to, for: change.ref)
    s.pending[change.ref] = Change(label: label, before: from, after: to)
    s.recompute()
    s.status = Status(label)
    return [persist(to, ref: change.ref)]
}
