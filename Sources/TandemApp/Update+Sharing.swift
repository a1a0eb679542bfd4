import Foundation
import TandemCore
import TandemStore
import TerminalUI

// Shared editing as the dashboard sees it: records changed by others (live reload), saves that
// merged with them, the conflict dialog, and text arriving from outside the keyboard (a paste,
// the external editor).

extension AppState {
    /// The record an open form edits, if it edits one (a new record has none yet).
    var formRecords: Set<RecordRef> {
        var refs = Set<RecordRef>()
        for c in stack {
            if case .form(let f) = c, let ref = f.kind.editedRecord { refs.insert(ref) }
        }
        return refs
    }

    /// Whether an outside change of `ref` must wait: a save of ours is on the way (the store
    /// merges it), a form is open on it (its save merges), or an unsaved version is kept.
    func holdsOutsideChange(_ ref: RecordRef) -> Bool {
        if pending[ref] != nil || unsaved.contains(ref) || formRecords.contains(ref) { return true }
        return stack.contains { if case .conflict(let c) = $0 { c.ref == ref } else { false } }
    }

    /// Footer keys that do not apply to what has the focus now (the editor key off a note).
    var hiddenHints: Set<Action> {
        guard case .form(let f) = top, f.fields.indices.contains(f.focus) else { return [] }
        // Ctrl-T shows where it picks: Metrics and the people fields.
        let picks = f.fields[f.focus].id == "metrics" || personFieldIDs.contains(f.fields[f.focus].id)
        if case .area = f.fields[f.focus].editor { return picks ? [] : [.pick] }
        return picks ? [.editExternally] : [.editExternally, .pick]
    }

    /// How a leader names a record: "Ana Lima's coaching", "Ben → Cleo mentoring", "Dana Scully".
    func describe(_ record: Record?) -> String {
        let names = rows.people
        switch record {
        case .coaching(let e)?: return "\(names.name(e.coacheeID))'s coaching"
        case .mentoring(let r)?: return "\(names.name(r.mentorID)) → \(names.name(r.menteeID)) mentoring"
        case .person(let p)?: return p.name
        case .assessment(let a)?: return "\(names.name(a.personID))'s assessment"
        case nil: return "a record"
        }
    }
}

enum Sharing {
    // MARK: Live reload

    /// Records changed on disk by someone else: take them in (not those that must wait), keep
    /// every selection by id, rebase the undo history on them, and say what changed. What was
    /// taken in is adopted by the store, so later saves merge against it.
    static func outsideChanges(_ s: inout AppState, _ changes: [OutsideChange]) -> [Effect] {
        var added: [String] = [], changed: [String] = [], removed: [String] = [], held: [String] = []
        var taken: [RecordRef] = []
        var removedRefs = Set<RecordRef>()
        for c in changes {
            let before = s.data.value(of: c.ref)
            if s.holdsOutsideChange(c.ref) {
                // Said once; a conflict dialog or an unsaved version says enough already.
                if s.heldOutside.insert(c.ref).inserted, s.formRecords.contains(c.ref) || s.pending[c.ref] != nil {
                    held.append(s.describe(c.record ?? before))
                }
                continue
            }
            s.heldOutside.remove(c.ref)
            taken.append(c.ref)
            // A closed record left undecoded at start-up (read only when the archive or the
            // insights ask) has a file but no record in memory: its file reopened or changed is
            // a change, not an addition, and its file gone must leave `files`, or the closed
            // read would later ask for it and say it "could not read" a record nobody has.
            let knownFile = s.files[c.ref]
            if before == nil, c.record == nil {
                if let f = knownFile {
                    s.files[c.ref] = nil
                    removed.append("a closed record (\(f))")
                }
                continue
            }
            if before == c.record { continue }
            switch (before, c.record) {
            case (nil, let now?) where knownFile != nil: changed.append(s.describe(now))
            case (nil, let now?): added.append(s.describe(now))
            case (let was?, nil): removed.append(s.describe(was)); removedRefs.insert(c.ref)
            default: changed.append(s.describe(c.record))
            }
            s.data.put(c.record, for: c.ref)
            if let f = c.file, c.record != nil { s.files[c.ref] = f } else if c.record == nil { s.files[c.ref] = nil }
            rebaseHistory(&s, c.ref, from: before, to: c.record)
        }
        if !added.isEmpty || !changed.isEmpty || !removed.isEmpty { s.recompute() }
        // A detail of a record that went goes with it.
        if case .detail(let d) = s.top, removedRefs.contains(d.ref) { s.pop() }
        if let text = summary(added: added, changed: changed, removed: removed, held: held) {
            s.status = Status(text)
        }
        return taken.isEmpty ? [] : [.adopt(taken)]
    }

    /// "Reloaded: Ana Lima's coaching changed by another program; 1 added".
    static func summary(added: [String], changed: [String], removed: [String], held: [String]) -> String? {
        func names(_ list: [String], _ verb: String) -> String? {
            switch list.count {
            case 0: nil
            case 1: "\(list[0]) \(verb)"
            case 2: "\(list[0]) and \(list[1]) \(verb)"
            default: "\(list.count) records \(verb)"
            }
        }
        func count(_ list: [String], _ verb: String) -> String? { list.isEmpty ? nil : "\(list.count) \(verb)" }
        var parts: [String] = []
        if let c = names(changed, "changed") {
            parts = [c + " by another program"] + [count(added, "added"), count(removed, "removed")].compactMap { $0 }
        } else if let a = names(added, "added") {
            parts = [a + " by another program"] + [count(removed, "removed")].compactMap { $0 }
        } else if let r = names(removed, "removed") {
            parts = [r + " by another program"]
        }
        var text = parts.isEmpty ? nil : "Reloaded: " + parts.joined(separator: "; ")
        if let h = names(held, "changed elsewhere") {
            let note = "\(h): what is open here stays; saving it merges the change"
            text = text.map { "\($0). \(note)" } ?? note
        }
        return text
    }

    /// Files the check could not read (each once) or a folder it could not look at.
    static func outsideProblems(_ s: inout AppState, _ problems: [String]) -> [Effect] {
        guard let first = problems.first else { return [] }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        s.status = Status("Not reloaded: \(first)\(more). Nothing here is lost; the file is read again once it changes", .error)
        return []
    }

    static func becameReadOnly(_ s: inout AppState, _ reason: String) -> [Effect] {
        guard s.readOnlyReason == nil else { return [] }
        s.readOnlyReason = reason
        s.status = Status("Read-only from now on: \(reason)", .error)
        return []
    }

    // MARK: Saves that merged

    /// A save merged with a change made elsewhere: memory takes what was written, and the
    /// undo history is carried over onto it (undo then takes back only our change).
    static func saveMerged(_ s: inout AppState, _ ref: RecordRef, _ merged: Record, file: String) -> [Effect] {
        s.files[ref] = file
        let change = s.pending.removeValue(forKey: ref)
        let before = change?.after ?? s.data.value(of: ref)
        s.data.put(merged, for: ref)
        rebaseHistory(&s, ref, from: before, to: merged)
        s.unsaved.remove(ref)
        s.heldOutside.remove(ref)
        s.recompute()
        s.status = Status("Saved (merged with a change made elsewhere)" + (change.map { ": \($0.label)" } ?? ""), .ok)
        return SaveFailure.saved(&s, ref)
    }

    /// Moves every undo and redo entry of `ref` from one version of the record to another:
    /// each remembered version gets the difference between them (a three-way merge with `from`
    /// as the base), so undoing later takes back only what this dashboard did. Where that does
    /// not merge cleanly, or the record went, its entries go (as they did before merging).
    static func rebaseHistory(_ s: inout AppState, _ ref: RecordRef, from old: Record?, to new: Record?) {
        guard s.undoStack.contains(where: { $0.ref == ref }) || s.redoStack.contains(where: { $0.ref == ref }) else { return }
        func carry(_ v: Record?) -> Record?? {
            guard let v else { return .some(nil) }
            guard let old, let new else { return nil }
            if v == old { return .some(new) }
            if case .merged(let m) = Record.merge(base: old, ours: v, theirs: new) { return .some(m) }
            return nil
        }
        func rebase(_ stack: [Change]) -> [Change]? {
            var out: [Change] = []
            for c in stack {
                guard c.ref == ref else { out.append(c); continue }
                guard let b = carry(c.before), let a = carry(c.after), b != nil || a != nil else { return nil }
                out.append(Change(label: c.label, before: b, after: a))
            }
            return out
        }
        if let u = rebase(s.undoStack), let r = rebase(s.redoStack) {
            s.undoStack = u
            s.redoStack = r
        } else {
            s.undoStack.removeAll { $0.ref == ref }
            s.redoStack.removeAll { $0.ref == ref }
        }
    }

    // MARK: The conflict dialog

    /// A save found fields changed both ways: memory keeps the on-screen version, unsaved,
    /// and the dialog asks, field by field.
    static func saveConflicted(_ s: inout AppState, _ conflict: ConflictState) -> [Effect] {
        s.pending.removeValue(forKey: conflict.ref)
        s.unsaved.insert(conflict.ref)
        // One dialog per record: a newer conflict replaces the one still open.
        s.pop(until: { if case .conflict(let c) = $0 { c.ref != conflict.ref } else { true } })
        s.push(.conflict(conflict))
        return []
    }

    static func updateConflict(_ s: inout AppState, _ c: inout ConflictState, _ action: Action) -> [Effect] {
        let last = max(0, c.fields.count - 1)
        switch action {
        case .down: c.selected = min(last, c.selected + 1)
        case .up: c.selected = max(0, c.selected - 1)
        case .mine, .theirs:
            guard c.fields.indices.contains(c.selected) else { break }
            c.choices[c.fields[c.selected].path] = action == .mine ? .ours : .theirs
            if action == .theirs || action == .mine, c.selected < last { c.selected += 1 }
        case .allMine, .allTheirs:
            for f in c.fields { c.choices[f.path] = action == .allMine ? .ours : .theirs }
        case .back:
            s.pop()
            s.status = Status("Not saved: your version of \(s.describe(c.mine)) stays on screen, unsaved, "
                              + "because \(c.file) changed elsewhere too. :w tries the save again", .error)
        case .save:
            return resolve(&s, c)
        default: break
        }
        return []
    }

    /// Saves the record the choices make (`Store.save(_:resolving:)` through `.save(force: true)`).
    static func resolve(_ s: inout AppState, _ c: ConflictState) -> [Effect] {
        s.pop()
        s.unsaved.remove(c.ref)
        let current = s.data.value(of: c.ref)
        guard let resolved = c.resolved else {
            // Theirs for a file deleted on disk: the record goes here too.
            s.data.put(nil, for: c.ref)
            s.files[c.ref] = nil
            s.undoStack.removeAll { $0.ref == c.ref }
            s.redoStack.removeAll { $0.ref == c.ref }
            s.recompute()
            if case .detail(let d) = s.top, d.ref == c.ref { s.pop() }
            s.status = Status("Took the deletion made elsewhere: \(s.describe(c.mine)) is gone")
            return []
        }
        let mineCount = c.fields.indices.filter { c.choice($0) == .ours }.count
        let label = "\(s.describe(resolved)) with your choices (\(mineCount) of \(c.fields.count) field\(c.fields.count == 1 ? "" : "s") yours)"
        s.data.put(resolved, for: c.ref)
        rebaseHistory(&s, c.ref, from: current, to: resolved)
        s.pending[c.ref] = Change(label: label, before: current, after: resolved)
        s.recompute()
        s.status = Status("Saving \(label)…")
        return [.save(resolved, force: true)]
    }

    /// `:w`: saves again each record kept unsaved after a conflict.
    static func retryUnsaved(_ s: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for ref in s.unsaved.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
            guard let value = s.data.value(of: ref) else { s.unsaved.remove(ref); continue }
            s.pending[ref] = Change(label: "your version of \(s.describe(value))", before: value, after: value)
            effects.append(.save(value, force: false))
        }
        if !effects.isEmpty { s.status = Status("Saving \(effects.count) unsaved record\(effects.count == 1 ? "" : "s") again…") }
        return effects
    }

    // MARK: Text from outside the keyboard

    /// A bracketed paste goes to the focused field of what is on top: a note keeps its lines,
    /// a one-line field and a prompt get one line; on the dashboard's lists it starts a filter.
    static func pasted(_ s: inout AppState, _ text: String) -> [Effect] {
        s.status = nil
        switch s.top {
        case .form(var form):
            guard form.fields.indices.contains(form.focus) else { return [] }
            let width = AppLayout(s).formFieldWidth
            // A name pasted into a people field is the picker's filter: it is picked, not taken as text.
            if focusedPersonField(form) != nil {
                let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return openPicker(&s, form, filter: line.trimmingCharacters(in: .whitespaces), typed: true)
            }
            switch form.fields[form.focus].editor {
            case .line(var f):
                f.paste(text)
                form.fields[form.focus].editor = .line(f)
            case .area(var a, let rows):
                a.paste(text)
                a.scrollToCursor(width: width, height: rows)
                form.fields[form.focus].editor = .area(a, rows: rows)
            case .items(var list):
                list.paste(text)
                form.fields[form.focus].editor = .items(list)
            case .choice:
                s.status = Status("\(form.fields[form.focus].label) is a choice: Space or ←→ change it; paste into a text field")
                return []
            }
            form.errors[form.fields[form.focus].id] = nil
            s.form = form
        case .prompt(var prompt):
            prompt.field.paste(text)
            s.prompt = prompt
            if case .filter(let pane) = prompt.kind { setFilter(&s, pane, prompt.field.text) }
        case .dashboard:
            var field = LineField(text: s.dashboard.filter)
            field.paste(text)
            s.push(.prompt(Prompt(kind: .filter(s.dashboard.focus), field: field)))
            setFilter(&s, s.dashboard.focus, field.text)
        default:
            s.status = Status("Nothing here takes text: a paste goes into a form's field, a prompt, or the dashboard's filter")
        }
        return []
    }

    private static func setFilter(_ s: inout AppState, _ pane: Pane, _ text: String) {
        switch pane {
        case .coaching: s.dashboard.coaching.filter = text
        case .mentoring: s.dashboard.mentoring.filter = text
        }
        s.refilter()
    }

    /// Ctrl-E in a note: hand its text to the external editor.
    static func editExternally(_ s: inout AppState, _ form: Form) -> [Effect] {
        guard form.fields.indices.contains(form.focus), case .area(let a, _) = form.fields[form.focus].editor else {
            s.status = Status("Ctrl-E edits a note (a field of several lines) in your editor; here it goes to the end of the line")
            return []
        }
        return [.editExternally(field: form.fields[form.focus].id, text: a.text)]
    }

    /// The editor is done: its text goes back into the field; a failure keeps the text and says why.
    static func externallyEdited(_ s: inout AppState, field: String, _ result: Result<String, ExternalEditor.Failure>) -> [Effect] {
        switch result {
        case .failure(let f):
            s.status = Status(f.description, .error)
        case .success(let text):
            guard var form = s.form, let i = form.fields.firstIndex(where: { $0.id == field }) else {
                s.status = Status("The form closed while the editor ran: its text was not used", .error)
                return []
            }
            guard case .area(_, let rows) = form.fields[i].editor else { return [] }
            var area = TextArea(text: text)
            area.scrollToCursor(width: AppLayout(s).formFieldWidth, height: rows)
            form.fields[i].editor = .area(area, rows: rows)
            form.errors[field] = nil
            s.form = form
            s.status = Status("\(form.fields[i].label): edited in your editor", .ok)
        }
        return []
    }
}
