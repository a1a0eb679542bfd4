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
            state.push(.confirm(Confirm(
                purpose: .conflict(attempted), title: "Changed on disk",
                message: "\(message). Reload the file (your change is dropped) or keep the on-screen version (the file is overwritten)?",
                choices: [(.reloadFromDisk, "reload from disk"), (.keepMine, "keep mine")])))
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
    case .tick(let now):
        return tick(&state, now)
    case .outsideChanges(let changes):
        return outsideChanges(&state, changes)
    case .progress(let text):
        state.progress = text
        return []
    case .closedLoaded(let records, let failed):
        return closedLoaded(&state, records, failed: failed)
    case .terminate:
        var effects: [Effect] = []
        if let form = state.form, form.isDirty {
            effects.append(.saveDraft(draft(of: form, today: state.today)))
        }
        state.isQuitting = true
        return effects + [.quit]
    }
}

/// How often a tick asks the runtime to look for records changed by others.
let outsideCheckSeconds: Double = 2

/// The clock moved: roll the day over at midnight, fade the status line, look for outside changes.
private func tick(_ s: inout AppState, _ now: Now) -> [Effect] {
    if s.now == 0 { s.rebaseStatusClock(now.seconds) }
    s.now = now.seconds
    if now.today != s.today {
        s.today = now.today
        s.recompute()
    }
    if let st = s.status, now.seconds - s.statusShownAt >= Status.fadeSeconds(st.kind) { s.status = nil }
    guard now.seconds - s.lastOutsideCheck >= outsideCheckSeconds, s.pending.isEmpty else { return [] }
    s.lastOutsideCheck = now.seconds
    return [.checkOutsideChanges]
}

/// Records changed on disk by someone else: take them in (not those with a save of ours on the
/// way), keep every selection by id, and say what changed.
private func outsideChanges(_ s: inout AppState, _ changes: [OutsideChange]) -> [Effect] {
    let taken = changes.filter { s.pending[$0.ref] == nil }
    guard !taken.isEmpty else { return [] }
    for c in taken {
        s.data.put(c.record, for: c.ref)
        if let f = c.file { s.files[c.ref] = f } else if c.record == nil { s.files[c.ref] = nil }
        s.undoStack.removeAll { $0.ref == c.ref }
        s.redoStack.removeAll { $0.ref == c.ref }
    }
    s.recompute()
    s.status = Status(taken.count == 1 ? "Reloaded \(taken[0].file ?? "a record") (changed outside)" : "Reloaded \(taken.count) records changed outside")
    return []
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

/// Every key goes through the key table: the top context's bindings (then, on a screen, the
/// global ones, then Ctrl-C and Ctrl-Z), or the context's text binding, which hands the key to
/// the focused field. A disabled binding says why; a key bound only elsewhere says where.
private func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
    // The next action clears the last message.
    s.status = nil
    let context = s.keyContext
    let binding = s.keymap.binding(for: key, in: context)
    if s.keymap.textBinding(in: context) != nil, binding == nil || binding?.afterText == true {
        if typeText(&s, key) { return [] }
    }
    guard let binding else { return unbound(&s, key, context) }
    if let reason = binding.disabled {
        s.status = Status("\(Keymap.name(key)): \(reason)")
        return []
    }
    if binding.writes, Editing.refuseIfReadOnly(&s) { return [] }
    return dispatch(&s, binding.action)
}

/// Says why a key does nothing here.
private func unbound(_ s: inout AppState, _ key: Key, _ context: KeyContext) -> [Effect] {
    let name = Keymap.name(key)
    if let elsewhere = s.keymap.bindings.first(where: { $0.context.isScreen && $0.context != context && $0.disabled == nil && $0.keys.contains(key) }) {
        s.status = Status("\(name) is “\(elsewhere.help)” on the \(elsewhere.context.title), not here")
    } else if !context.isScreen {
        let hints = s.keymap.hints(for: context).map { "\($0.key) \($0.label)" }.joined(separator: " · ")
        s.status = Status("\(name) does nothing here: \(hints)")
    }
    return []
}

/// Gives a key to the focused text field of the top context; false when the field does not use it.
private func typeText(_ s: inout AppState, _ key: Key) -> Bool {
    switch s.top {
    case .form(var form):
        guard form.handle(key, width: AppLayout(s).formFieldWidth) else { return false }
        s.form = form
        return true
    case .prompt(var prompt):
        guard prompt.field.handle(key) else { return false }
        s.prompt = prompt
        if case .filter(let pane) = prompt.kind { setFilter(&s, pane, prompt.field.text) }
        return true
    default:
        return false
    }
}

/// Runs an action in the context on top: each context's own update.
private func dispatch(_ s: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    // Always and every screen
    case .terminate: return update(&s, .terminate)
    case .suspend: return [.suspend]
    case .quit:
        s.isQuitting = true
        return [.quit]
    case .help:
        s.push(.help(HelpState(about: s.keyContext)))
        return []
    case .dashboard:
        s.switchTo(.dashboard)
        return []
    case .people:
        s.switchTo(.people)
        return []
    case .insights:
        s.switchTo(.insights(InsightsState()))
        return loadClosedForInsights(&s)
    case .agenda:
        s.switchTo(.agenda(AgendaState()))
        return []
    case .command:
        s.push(.prompt(Prompt(kind: .command, field: LineField(text: ""))))
        return []
    case .undo: return replay(&s, undoing: true)
    case .redo: return replay(&s, undoing: false)
    default: break
    }
    switch s.top {
    case .dashboard: return updateDashboard(&s, action)
    case .people: return updatePeople(&s, action)
    case .detail(var d):
        let effects = updateDetail(&s, &d, action)
        if case .detail(let now) = s.top, now.ref == d.ref { s.detail = d }
        return effects
    case .form(let form): return updateForm(&s, form, action)
    case .prompt(let prompt): return updatePrompt(&s, prompt, action)
    case .help(var h):
        updateHelp(&s, &h, action)
        if case .help = s.top { s.help = h }
        return []
    case .confirm(let c): return updateConfirm(&s, c, action)
    case .insights(var st):
        let effects = updateInsights(&s, &st, action)
        s.replaceTop(.insights(st), ifTop: { if case .insights = $0 { true } else { false } })
        return effects
    case .records(var st):
        let effects = updateRecords(&s, &st, action)
        s.replaceTop(.records(st), ifTop: { if case .records = $0 { true } else { false } })
        return effects
    case .agenda(var st):
        let effects = updateAgenda(&s, &st, action)
        s.replaceTop(.agenda(st), ifTop: { if case .agenda = $0 { true } else { false } })
        return effects
    }
}

// MARK: - Dashboard

private func updateDashboard(_ s: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        let layout = AppLayout(s)
        if s.dashboard.focus == .coaching {
            s.dashboard.coaching.move(s.rows.coaching.map(\.id), visible: layout.visibleRows(.coaching)) { move(&$0, action, s.rows.coaching.count, layout.visibleRows(.coaching)) }
        } else {
            s.dashboard.mentoring.move(s.rows.mentoring.map(\.id), visible: layout.visibleRows(.mentoring)) { move(&$0, action, s.rows.mentoring.count, layout.visibleRows(.mentoring)) }
        }
    case .nextPane, .prevPane:
        s.dashboard.focus = s.dashboard.focus == .coaching ? .mentoring : .coaching
    case .open:
        if let ref = s.selectedRecord { s.push(.detail(DetailState(ref: ref))) }
    case .back:
        if !s.dashboard.filter.isEmpty { s.dashboard.filter = ""; s.refilter() }
    case .filter:
        s.push(.prompt(Prompt(kind: .filter(s.dashboard.focus), field: LineField(text: s.dashboard.filter))))
    case .sort:
        if s.dashboard.focus == .coaching {
            s.dashboard.coaching.cycleSort()
            s.status = Status("Coaching sorted by \(s.dashboard.coaching.sort.rawValue)")
        } else {
            s.dashboard.mentoring.cycleSort()
            s.status = Status("Mentoring sorted by \(s.dashboard.mentoring.sort.rawValue)")
        }
        s.refilter()
    case .log: return openLogForm(&s)
    case .new: return Editing.openNewMenu(&s)
    case .edit: return Editing.openEditForm(&s)
    case .archive: return Editing.askArchive(&s)
    default: break
    }
    return []
}

/// One list move on an index view, by the layout's page height.
private func move(_ scroll: inout ScrollState, _ action: Action, _ count: Int, _ page: Int) {
    switch action {
    case .up: scroll.move(by: -1, count: count)
    case .down: scroll.move(by: 1, count: count)
    case .pageUp: scroll.pageUp(height: page, count: count)
    case .pageDown: scroll.pageDown(height: page, count: count)
    case .top: scroll.home(count: count)
    case .bottom: scroll.end(count: count)
    default: break
    }
}

// MARK: - People

private func updatePeople(_ s: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        let page = AppLayout(s).visibleRows(.people)
        let ids = s.sortedPeople.map(\.id)
        s.roster.move(ids, visible: page) { move(&$0, action, ids.count, page) }
    case .new: return Editing.openNewMenu(&s)
    case .edit: return Editing.openEditForm(&s)
    case .archive: return Editing.askArchive(&s)
    default: break
    }
    return []
}

// MARK: - Detail

private func updateDetail(_ s: inout AppState, _ d: inout DetailState, _ action: Action) -> [Effect] {
    let items = DetailItems.of(d.ref, in: s.data)
    switch action {
    case .up: d.selected = max(0, d.selected - 1); d.followsSelection = true
    case .down: d.selected = min(max(0, items.count - 1), d.selected + 1); d.followsSelection = true
    case .pageUp, .pageDown:
        // Move the view a page; the selection follows when an item is on the new page.
        let layout = AppLayout(s)
        let page = layout.detailPage
        guard let doc = DetailDocument.of(d.ref, s, width: layout.detailWidth) else { break }
        let current = doc.offset(d, height: page)
        d.scroll = max(0, min(current + (action == .pageDown ? page : -page), doc.lines.count - page))
        d.followsSelection = false
        if let i = doc.itemLines.firstIndex(where: { $0 >= d.scroll && $0 < d.scroll + page }) { d.selected = i }
    case .top: d.scroll = 0; d.selected = 0; d.followsSelection = true
    case .bottom: d.selected = max(0, items.count - 1); d.followsSelection = true
    case .back: s.pop()
    case .log: return openLogForm(&s)
    case .edit: return Editing.openEditForm(&s)
    case .archive: return Editing.askArchive(&s)
    case .toggleDone: return Editing.toggleDone(&s, d)
    default: break
    }
    return []
}

// MARK: - Help

private func updateHelp(_ s: inout AppState, _ h: inout HelpState, _ action: Action) {
    let last = AppLayout(s).helpMaxScroll
    switch action {
    case .back: s.pop()
    case .down: h.scroll = min(last, h.scroll + 1)
    case .up: h.scroll = max(0, h.scroll - 1)
    case .pageDown: h.scroll = min(last, h.scroll + 10)
    case .pageUp: h.scroll = max(0, h.scroll - 10)
    case .top: h.scroll = 0
    case .bottom: h.scroll = last
    default: break
    }
}

// MARK: - Prompts (/ and :)

private func updatePrompt(_ s: inout AppState, _ prompt: Prompt, _ action: Action) -> [Effect] {
    switch action {
    case .back:
        if case .filter(let pane) = prompt.kind { setFilter(&s, pane, "") }
        s.pop()
    case .submit:
        s.pop()
        if case .command = prompt.kind { return Commands.run(&s, prompt.field.text) }
    case .deleteBack:
        // Backspace on an empty prompt closes it, as in vim and lazygit.
        if prompt.field.text.isEmpty { s.pop() } else { _ = typeText(&s, .backspace) }
    default: break
    }
    return []
}

private func setFilter(_ s: inout AppState, _ pane: Pane, _ text: String) {
    switch pane {
    case .coaching: s.dashboard.coaching.filter = text
    case .mentoring: s.dashboard.mentoring.filter = text
    }
    s.refilter()
}

// MARK: - Forms

private func updateForm(_ s: inout AppState, _ form: Form, _ action: Action) -> [Effect] {
    var form = form
    switch action {
    case .save:
        return Editing.submit(&s, form)
    case .nextField:
        form.moveFocus(by: 1)
        s.form = form
    case .prevField:
        form.moveFocus(by: -1)
        s.form = form
    case .back:
        if form.isDirty {
            s.push(.confirm(Confirm(purpose: .discardForm, title: "Discard?",
                                    message: "Throw away what you typed in “\(form.title)”?",
                                    choices: [(.yes, "discard"), (.no, "keep editing")])))
        } else {
            s.form = nil
        }
    default: break
    }
    return []
}

// MARK: - Confirmations

private func updateConfirm(_ s: inout AppState, _ c: Confirm, _ action: Action) -> [Effect] {
    switch (c.purpose, action) {
    case (.discardForm, .yes):
        s.pop()
        s.form = nil
        s.status = Status("Discarded")
    case (.discardForm, .no), (.discardForm, .back), (.archive, .no), (.archive, .back), (.newMenu, .back):
        s.pop()
    case (.archive(let ref), .yes):
        s.pop()
        return Editing.archive(&s, ref)
    case (.newMenu, .newPerson): s.pop(); Editing.open(.newPerson, &s)
    case (.newMenu, .newEngagement): s.pop(); Editing.open(.newEngagement, &s)
    case (.newMenu, .newRelationship): s.pop(); Editing.open(.newRelationship, &s)
    case (.conflict(let mine), .reloadFromDisk):
        s.pop()
        return [.reload(mine.ref)]
    case (.conflict(let mine), .keepMine):
        s.pop()
        let before = s.data.value(of: mine.ref)
        s.pending[mine.ref] = Change(label: "Kept your version of \(s.files[mine.ref] ?? "the record")", before: before, after: mine)
        s.data.put(mine, for: mine.ref)
        s.recompute()
        return [.save(mine, force: true)]
    default: break
    }
    return []
}

// MARK: - Logging

private func openLogForm(_ s: inout AppState) -> [Effect] {
    guard let ref = s.selectedRecord, ref.kind == .coaching || ref.kind == .mentoring else {
        s.status = Status("Select an engagement or a relationship to log a session on")
        return []
    }
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
