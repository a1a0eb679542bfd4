import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The only place app state changes. Returns the I/O to do as data.
///
/// Input goes through `WholeRecords.gate`: what would show the texts of, or write, a closed
/// record held without its texts (read so for the archive and the insights) waits until that
/// record is read whole.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    guard actsWhileTooSmall(state, msg) else { return [] }
    return WholeRecords.gate(&state, msg) { updateHeld(&$0, msg) }
}

/// Whether `msg` acts on a screen of `s`'s size. Under the least size only the notice is
/// drawn, so nothing done there could be seen: as in htop and lazygit, only what leaves acts
/// (the quit key on a screen, Ctrl-C anywhere, each with what it does today to unsaved work),
/// a resize and Ctrl-L. Every other key, a click and a paste are dropped, not kept to act later.
func actsWhileTooSmall(_ s: AppState, _ msg: Msg) -> Bool {
    guard AppLayout.isTooSmall(width: s.width, height: s.height) else { return true }
    switch msg {
    case .keyPressed(let key):
        guard let action = s.keymap.action(for: key, in: s.keyContext) else { return false }
        return action == .quit || action == .terminate || action == .redraw
    case .mouse, .pasted: return false
    default: return true
    }
}

/// `update` past the gate.
private func updateHeld(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .started:
        Editing.resumeDraft(&state)
        if state.top.isScreen { Closing.resumeDraft(&state) }
        return []
    case .keyPressed(let key):
        return handleKey(&state, key)
    case .resized(let w, let h):
        state.width = w
        state.height = h
        return []
    case .saveFinished(let ref, let file):
        state.files[ref] = file
        state.unsaved.remove(ref)
        state.heldOutside.remove(ref)
        if let change = state.pending.removeValue(forKey: ref) {
            state.status = Status("Saved: \(change.label)", .ok)
        }
        return SaveFailure.saved(&state, ref)
    case .deleteFinished(let ref):
        state.files[ref] = nil
        if let change = state.pending.removeValue(forKey: ref) {
            state.status = Status("Saved: \(change.label)", .ok)
        }
        return []
    case .saveFailed(let ref, let message, let conflict, let attempted):
        let change = state.pending.removeValue(forKey: ref)
        state.status = Status("Not saved: \(message)", .error)
        // Memory follows the disk: put back what the file still holds (a conflicting save
        // keeps the on-screen version, unsaved).
        if conflict, attempted != nil { state.unsaved.insert(ref) }
        // A write that failed (a full disk, a read-only folder, a busy lock) never throws away
        // what was typed: the on-screen version stays, unsaved, for `:w` (SaveFailure.swift).
        if !conflict, let attempted, let change, change.after != nil {
            SaveFailure.keep(&state, attempted, change: change, message: message)
            return []
        }
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
    case .firstFrameDrawn:
        // The records the frame held lean are read whole first (one queue, in order), so the
        // look for outside changes finds them remembered as they are on disk.
        var effects: [Effect] = state.leanAtStart.isEmpty ? [] : [.loadWhole(state.leanAtStart)]
        state.leanAtStart = []
        if state.lookAtStart {
            state.lookAtStart = false
            state.lastOutsideCheck = state.now
            effects.append(.checkOutsideChanges)
        }
        return effects
    case .outsideChanges(let changes):
        return Sharing.outsideChanges(&state, changes)
    case .outsideProblems(let problems):
        return Sharing.outsideProblems(&state, problems)
    case .becameReadOnly(let reason):
        return Sharing.becameReadOnly(&state, reason)
    case .saveMerged(let ref, let merged, let file):
        return Sharing.saveMerged(&state, ref, merged, file: file)
    case .saveConflicted(let conflict):
        return Sharing.saveConflicted(&state, conflict)
    case .pasted(let text):
        return Sharing.pasted(&state, text)
    case .externallyEdited(let field, let result):
        return Sharing.externallyEdited(&state, field: field, result)
    case .progress(let text):
        state.progress = text
        return []
    case .closedLoaded(let records, let failures):
        return closedLoaded(&state, records, failures)
    case .wholeLoaded(let records, let failures):
        return WholeRecords.loaded(&state, records, failures)
    case .syncFinished(let text, let ok):
        // What came in is reloaded by the outside-change poll, like any other change on disk.
        state.status = Status(text, ok ? .ok : .error)
        return []
    case .mouse(let event):
        return Mouse.handle(&state, event)
    case .notified(let events, let failures):
        return Notify.notified(&state, events, failures)
    case .terminate:
        var effects: [Effect] = []
        if let form = state.form, form.isDirty {
            effects.append(.saveDraft(draft(of: form, today: state.today)))
        }
        effects += Closing.draftOnQuit(state)
        // Quitting from anywhere cannot wait for an answer: a version kept unsaved (a save that
        // failed, a conflict left with Esc) is saved once more, and what still does not save is
        // kept as a draft by the dashboard's caller (`Store.keepUnsaved`) and offered back.
        if !state.unsaved.isEmpty { effects += Sharing.retryUnsaved(&state) }
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
    let notify = Notify.check(&s)
    // Ticks come about once a second; one a little early still counts, so a check is never a tick late.
    guard now.seconds - s.lastOutsideCheck >= outsideCheckSeconds - 0.25, s.pending.isEmpty else { return notify }
    s.lastOutsideCheck = now.seconds
    return [.checkOutsideChanges] + notify
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
    case .editSession(_, let id): name = "session-\(id.uuidString.lowercased().prefix(8))"
    }
    // A date field keeps the day it means now ("today" read tomorrow would be another day).
    var values = form.values
    for f in form.fields where f.isDate {
        if case .success(let d) = DateInput.parse(f.text.trimmingCharacters(in: .whitespaces), today: today) { values[f.id] = d.iso }
    }
    var items: [String: [ItemRow]] = [:]
    for f in form.fields {
        guard let l = f.items else { continue }
        // "Send the deck @fri" keeps the Friday it means now.
        items[f.id] = l.rows.map { row in
            var row = row
            guard !row.isUnchanged, let at = row.text.range(of: " @", options: .backwards) else { return row }
            let word = String(row.text[at.upperBound...]).trimmingCharacters(in: .whitespaces)
            if case .success(let d) = DateInput.parse(word, today: today), word != d.iso {
                row.text = String(row.text[..<at.lowerBound]) + " @" + d.iso
            }
            return row
        }
        values[f.id] = nil
    }
    var d = FormDraft(name: name, kind: form.kind, title: form.title, fields: values, savedOn: today, items: items.isEmpty ? nil : items)
    let people = Dictionary(form.fields.compactMap { f in f.personID.map { (f.id, $0) } }, uniquingKeysWith: { a, _ in a })
    d.people = people.isEmpty ? nil : people
    return d
}

// MARK: - Keys

/// Every key goes through the key table: the top context's bindings (then, on a screen, the
/// global ones, then Ctrl-C and Ctrl-Z), or the context's text binding, which hands the key to
/// the focused field. A disabled binding says why; a key bound only elsewhere says where.
func handleKey(_ s: inout AppState, _ key: Key) -> [Effect] {
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
        // A people field picks from a list: typing starts its filter, Enter opens it while nobody is picked.
        if let field = focusedPersonField(form) {
            if let c = isTypedCharacter(key) { _ = openPicker(&s, form, filter: String(c), typed: true); return true }
            if key == .enter, needsPicking(field, s) {
                _ = openPicker(&s, form, filter: field.text.trimmingCharacters(in: .whitespaces), typed: true)
                return true
            }
        }
        let used = form.handle(key, width: AppLayout(s).formFieldWidth)
        s.form = form // an item list may drop an empty new item even when the key moves on
        return used
    case .prompt(var prompt):
        guard prompt.field.handle(key) else { return false }
        prompt.error = nil
        s.prompt = prompt
        if case .filter(let pane) = prompt.kind { setFilter(&s, pane, prompt.field.text) }
        if prompt.kind == .archiveFilter { s.archive.filter = prompt.field.text; s.refilter() }
        if case .filterPeople = prompt.kind { People.setFilter(&s, prompt.field.text) }
        return true
    case .closing(var closing):
        guard closing.handle(key, width: AppLayout(s).formFieldWidth) else { return false }
        s.closing = closing
        return true
    case .picker(var p):
        guard p.filter.handle(key) else { return false }
        p.selected = 0
        s.replaceTop(.picker(p))
        return true
    case .assessment(var a):
        guard a.result == nil, a.question.isMonths, a.months.handle(key) else { return false }
        a.note = nil
        s.replaceTop(.assessment(a))
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
    case .redraw: return [.redraw]
    case .quit:
        // A version kept unsaved (after a conflict, or a save that failed: a full disk) would be
        // lost: say so; :q quits anyway. Not "changed elsewhere": a failed write was not.
        if !s.unsaved.isEmpty {
            s.status = Status("Not quitting: \(s.unsaved.count) record\(s.unsaved.count == 1 ? " has" : "s have") your unsaved version: "
                              + ":w saves again, :q quits and drops it", .error)
            return []
        }
        s.isQuitting = true
        return [.quit]
    case .help:
        s.push(.help(HelpState(about: s.keyContext, keymap: s.keymap)))
        return []
    case .dashboard:
        s.switchTo(.dashboard)
        return []
    case .people:
        s.switchTo(.people)
        return []
    case .showArchive:
        s.switchTo(.archive)
        return loadClosedRecords(&s)
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
    case .archive: return updateArchive(&s, action)
    case .closing(let c): return updateClosing(&s, c, action)
    case .conflict(var c):
        let effects = Sharing.updateConflict(&s, &c, action)
        if case .conflict(let now) = s.top, now.ref == c.ref { s.replaceTop(.conflict(c)) }
        return effects
    case .person(var p):
        let effects = updatePerson(&s, &p, action)
        if case .person(let now) = s.top, now.id == p.id { s.personScreen = p }
        return effects
    case .assessment(var a):
        let effects = updateAssessment(&s, &a, action)
        if case .assessment(let now) = s.top, now.personID == a.personID { s.replaceTop(.assessment(a)) }
        return effects
    case .brief(var b):
        updateBrief(&s, &b, action)
        if case .brief = s.top { s.replaceTop(.brief(b)) }
        return []
    case .picker(var p):
        updatePicker(&s, &p, action)
        if case .picker = s.top { s.replaceTop(.picker(p)) }
        return []
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
    case .prep:
        if let ref = s.selectedRecord { openBrief(&s, ref) } else { s.status = Status("Select an engagement or a relationship for its prep brief") }
    default: break
    }
    return []
}

/// One list move on an index view, by the layout's page height.
func move(_ scroll: inout ScrollState, _ action: Action, _ count: Int, _ page: Int) {
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
        let ids = s.shownPeople.map(\.id)
        s.roster.move(ids, visible: page) { move(&$0, action, ids.count, page) }
    case .new: return Editing.openNewMenu(&s)
    case .edit: return Editing.openEditForm(&s)
    case .archive: return Editing.askArchive(&s)
    case .open, .filter, .back, .leave, .closeOpenWork: return People.roster(&s, action)
    case .assess: return openAssessment(&s)
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
    case .open: return Editing.openSession(&s, d)
    case .deleteSession: return Editing.askDeleteSession(&s, d)
    case .reopen: return Closing.reopen(&s, d.ref)
    case .openPerson, .openPartner: People.openFromDetail(&s, d.ref, partner: action == .openPartner)
    case .prep: openBrief(&s, d.ref)
    case .continueAsMentoring: return continueAsMentoring(&s, d.ref)
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
        if prompt.kind == .archiveFilter { s.archive.filter = ""; s.refilter() }
        if case .filterPeople = prompt.kind { People.setFilter(&s, "") }
        s.pop()
    case .submit:
        if case .leftOn(let id) = prompt.kind { return People.submitLeftOn(&s, id, prompt) }
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
        // A list entered from above starts at its first item, from below at its last.
        form.updateFocusedItems(clearingError: false) { $0.select(0) }
        s.form = form
    case .prevField:
        form.moveFocus(by: -1)
        form.updateFocusedItems(clearingError: false) { $0.select($0.rows.count - 1) }
        s.form = form
    case .addItem: Editing.addItem(&s, form)
    case .removeItem: Editing.askRemoveItem(&s, form)
    case .toggleItemDone: Editing.toggleItemDone(&s, form)
    case .moveItemUp: Editing.moveItem(&s, form, by: -1)
    case .moveItemDown: Editing.moveItem(&s, form, by: 1)
    case .editExternally:
        return Sharing.editExternally(&s, form)
    case .pick:
        return openPicker(&s, form)
    case .back:
        if form.isDirty {
            s.push(.confirm(Confirm(purpose: .discardForm, title: "Discard?",
                                    message: "Throw away what you typed in “\(form.title)”?",
                                    choices: [(.yes, "discard"), (.no, "keep editing")])))
        } else {
            s.form = nil
            // A restored draft closed unchanged is done with.
            if let name = form.restoredDraft { return [.deleteDraft(name: name)] }
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
        let restored = s.form?.restoredDraft
        s.form = nil
        s.status = Status("Discarded")
        // A discarded draft does not come back at the next start.
        if let restored { return [.deleteDraft(name: restored)] }
    case (.discardForm, .no), (.discardForm, .back), (.archive, .no), (.archive, .back), (.newMenu, .back),
         (.discardClosing, .no), (.discardClosing, .back),
         (.removeItem, .no), (.removeItem, .back), (.deleteSession, .no), (.deleteSession, .back):
        s.pop()
    case (.discardClosing, .yes):
        s.pop()
        let restored = s.closing?.restoredDraft
        if case .closing = s.top { s.pop() }
        s.status = Status("Discarded")
        if let restored { return [.deleteDraft(name: restored)] }
    case (.removeItem(let field, let row), .yes):
        s.pop()
        Editing.removeItem(&s, field: field, row: row)
    case (.deleteSession(let ref, let id), .yes):
        s.pop()
        return Editing.deleteSession(&s, ref, id)
    case (.discardAssessment, .yes):
        s.pop()
        s.pop()
        s.status = Status("Assessment stopped: nothing saved")
    case (.discardAssessment, .no), (.discardAssessment, .back):
        s.pop()
    case (.continueAsMentoring(let ref), .yes):
        s.pop()
        return continueAsMentoring(&s, ref)
    case (.continueAsMentoring, .no), (.continueAsMentoring, .back):
        s.pop()
        s.status = Status("Not continued now: M on the engagement's detail (5 lists the archive) continues it later")
    case (.archive(let ref), .yes):
        s.pop()
        return Editing.archive(&s, ref)
    case (.pairing, _), (.closeOpenWork, _), (.markCurrent, _): return People.answer(&s, c, action)
    case (.newMenu, .newPerson): s.pop(); Editing.open(.newPerson, &s)
    case (.newMenu, .newEngagement): s.pop(); Editing.open(.newEngagement, &s)
    case (.newMenu, .newRelationship): s.pop(); Editing.open(.newRelationship, &s)
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
    if let reason = Closing.closedReason(ref, s) { s.status = Status("l: \(reason)"); return [] }
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
