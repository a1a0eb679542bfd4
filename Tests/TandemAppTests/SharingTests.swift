import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Values for the shared-editing tables.
enum SharingFixture {
    static let file = "coaching/ana-lima-00000201.json"

    /// The focus of the tiny agency's engagement changed here ("Mine") and on disk ("Theirs").
    static func focusConflict(mine: CoachingEngagement? = nil, theirsFocus: String = "Theirs") -> ConflictState {
        var m = mine ?? Fixture.pitching
        if mine == nil { m.focus = "Mine" }
        var t = Fixture.pitching
        t.focus = theirsFocus
        return ConflictState(ref: Fixture.pitchingRef, file: file, base: .coaching(Fixture.pitching), mine: .coaching(m), theirs: .coaching(t),
                             fields: [FieldConflict(path: FieldPath([.field("focus")]), kind: .changedOnBothSides,
                                                    base: "\"Pitching to clients\"", ours: "\"\(m.focus)\"", theirs: "\"\(theirsFocus)\"")])
    }

    /// Focus and outcome both changed both ways; the deadline changed only here.
    static func twoFields() -> (ConflictState, mine: CoachingEngagement, theirs: CoachingEngagement) {
        var m = Fixture.pitching
        m.focus = "Mine"; m.outcome = "My outcome"; m.deadline = Fixture.today.adding(days: 40)
        var t = Fixture.pitching
        t.focus = "Theirs"; t.outcome = "Their outcome"
        let merged = Record.merge(base: .coaching(Fixture.pitching), ours: .coaching(m), theirs: .coaching(t))
        let c = ConflictState(ref: Fixture.pitchingRef, file: file, base: .coaching(Fixture.pitching), mine: .coaching(m),
                              theirs: .coaching(t), fields: merged.conflicts)
        return (c, m, t)
    }

    static func change(_ e: CoachingEngagement?, ref: RecordRef = Fixture.pitchingRef, file: String? = file) -> OutsideChange {
        OutsideChange(ref: ref, record: e.map(Record.coaching), file: file)
    }
}

@Suite("Outside changes")
struct OutsideChangeTests {
    static var newEngagement: CoachingEngagement {
        CoachingEngagement(id: Fixture.id(250), coacheeID: Fixture.chloe.id, coach: .person(Fixture.ben.id), focus: "Workshops",
                           start: Fixture.today.adding(days: -3), deadline: Fixture.today.adding(days: 60))
    }

    @Test("added, changed and removed records are taken in, adopted, and named in the status line",
          arguments: [
            ("added", "Reloaded: Chloé Dubois's coaching added by another program"),
            ("changed", "Reloaded: Ana Lima's coaching changed by another program"),
            ("removed", "Reloaded: Ana Lima's coaching removed by another program"),
            ("changed+added", "Reloaded: Ana Lima's coaching changed by another program; 1 added"),
          ])
    func table(_ kind: String, _ status: String) {
        var s = Fixture.state(Fixture.tiny)
        var changed = Fixture.pitching
        changed.focus = "Pitching, edited by hand"
        let added = SharingFixture.change(Self.newEngagement, ref: RecordRef(kind: .coaching, id: Self.newEngagement.id), file: "coaching/chloe-x.json")
        let changes: [OutsideChange]
        switch kind {
        case "added": changes = [added]
        case "changed": changes = [SharingFixture.change(changed)]
        case "removed": changes = [SharingFixture.change(nil)]
        default: changes = [SharingFixture.change(changed), added]
        }
        let effects = update(&s, .outsideChanges(changes))
        #expect(effects == [.adopt(changes.map(\.ref))])
        #expect(s.status?.text == status)
        for c in changes { #expect(s.data.value(of: c.ref) == c.record) }
        switch kind {
        case "added": #expect(s.rows.coaching.map(\.engagement.focus).sorted() == ["Pitching to clients", "Workshops"])
        case "removed": #expect(s.rows.coaching.isEmpty); #expect(s.files[Fixture.pitchingRef] == nil)
        default: #expect(s.rows.coaching.contains { $0.engagement.focus == "Pitching, edited by hand" })
        }
    }

    @Test("the selected record changing keeps the selection on it (by id), even when it moves")
    func selectionKept() {
        var s = Fixture.state(Fixture.tiny)
        let other = Self.newEngagement
        _ = update(&s, .outsideChanges([SharingFixture.change(other, ref: RecordRef(kind: .coaching, id: other.id))]))
        // Sorted by deadline: Ana's (12 days) first, then Chloé's (60 days). Select Chloé's.
        press(&s, .char("j"))
        #expect(s.selectedRecord == RecordRef(kind: .coaching, id: other.id))
        var moved = other
        moved.deadline = Fixture.today.adding(days: 2)
        moved.focus = "Workshops, sooner"
        _ = update(&s, .outsideChanges([SharingFixture.change(moved, ref: RecordRef(kind: .coaching, id: other.id))]))
        #expect(s.rows.coaching.first?.id == other.id, "it sorts first now")
        #expect(s.selectedRecord == RecordRef(kind: .coaching, id: other.id), "the selection followed the record")
        #expect(s.dashboard.coaching.selected == 0)
    }

    @Test("an open form's record changing keeps the form and memory as they are until it closes; then it is taken in")
    func openFormHolds() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("e"), .tab, .tab) // the focus, a text field
        type(&s, "x")
        let before = s.form
        var theirs = Fixture.pitching
        theirs.outcome = "Edited elsewhere"
        #expect(update(&s, .outsideChanges([SharingFixture.change(theirs)])).isEmpty, "not adopted: the form's save merges")
        #expect(s.form == before)
        #expect(s.data.engagements == [Fixture.pitching])
        #expect(s.status?.text == "Ana Lima's coaching changed elsewhere: what is open here stays; saving it merges the change")
        // The worker reports it again at the next look: said once.
        s.status = nil
        _ = update(&s, .outsideChanges([SharingFixture.change(theirs)]))
        #expect(s.status == nil)
        // The form is cancelled: the next look takes it in.
        press(&s, .escape, .char("y"))
        #expect(s.form == nil)
        #expect(update(&s, .outsideChanges([SharingFixture.change(theirs)])) == [.adopt([Fixture.pitchingRef])])
        #expect(s.data.engagements == [theirs])
    }

    @Test("a record with a save of ours on the way or an unsaved version waits")
    func pendingHolds() {
        var (s, after) = ChangeTests.logged()
        var theirs = Fixture.pitching
        theirs.outcome = "Edited elsewhere"
        #expect(update(&s, .outsideChanges([SharingFixture.change(theirs)])).isEmpty)
        #expect(s.data.engagements == [after])
        _ = update(&s, .saveConflicted(SharingFixture.focusConflict(mine: after)))
        press(&s, .escape)
        _ = update(&s, .saveFinished(Fixture.mentoringRef, file: "m.json"))
        #expect(update(&s, .outsideChanges([SharingFixture.change(theirs)])).isEmpty, "the unsaved version is kept")
        #expect(s.data.engagements == [after])
    }

    @Test("an outside change keeps the undo history: undo then takes back only this dashboard's change")
    func undoRebased() {
        var (s, after) = ChangeTests.logged()
        _ = update(&s, .saveFinished(Fixture.pitchingRef, file: SharingFixture.file))
        var theirs = after
        theirs.outcome = "Edited elsewhere"
        _ = update(&s, .outsideChanges([SharingFixture.change(theirs)]))
        #expect(s.undoStack.count == 1)
        let effects = press(&s, .char("u"))
        var expected = Fixture.pitching
        expected.outcome = "Edited elsewhere"
        #expect(effects == [.save(.coaching(expected), force: false)], "the session goes, their outcome stays")
    }

    @Test("a merged save: memory takes the merge, the status says so, and undo keeps the other side's change")
    func mergedSave() {
        var (s, after) = ChangeTests.logged()
        var merged = after
        merged.outcome = "Edited elsewhere"
        #expect(update(&s, .saveMerged(Fixture.pitchingRef, merged: .coaching(merged), file: SharingFixture.file)).isEmpty)
        #expect(s.data.engagements == [merged])
        #expect(s.status?.kind == .ok)
        #expect(s.status?.text.hasPrefix("Saved (merged with a change made elsewhere): Logged 50 min session") == true)
        #expect(s.pending.isEmpty)
        var expected = Fixture.pitching
        expected.outcome = "Edited elsewhere"
        #expect(press(&s, .char("u")) == [.save(.coaching(expected), force: false)])
        #expect(press(&s, .ctrl("r")) == [.save(.coaching(merged), force: false)])
    }

    @Test("an unreadable file is reported in the status line; nothing in memory changes")
    func unreadable() {
        var s = Fixture.state(Fixture.tiny)
        #expect(update(&s, .outsideProblems(["coaching/ana.json:3:7: expected a value"])).isEmpty)
        #expect(s.status?.kind == .error)
        #expect(s.status?.text.hasPrefix("Not reloaded: coaching/ana.json:3:7: expected a value") == true)
        #expect(s.data == Fixture.tiny)
    }

    @Test("a store that becomes read-only says so and hides the write keys")
    func becameReadOnly() {
        var s = Fixture.state(Fixture.tiny)
        _ = update(&s, .becameReadOnly("coaching/x.json was written by a newer Tandem"))
        #expect(s.isReadOnly)
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("[read-only]"))
        #expect(!s.keymap.hints(for: .list, readOnly: s.isReadOnly).contains { $0.label == "log" })
    }
}

@Suite("Conflict dialog")
struct ConflictDialogTests {
    static func open() -> (AppState, ConflictState, CoachingEngagement, CoachingEngagement) {
        var s = Fixture.state(Fixture.tiny)
        let (c, m, t) = SharingFixture.twoFields()
        s.data.put(.coaching(m), for: Fixture.pitchingRef)
        _ = update(&s, .saveConflicted(c))
        return (s, c, m, t)
    }

    static func resolved(_ effects: [Effect]) -> CoachingEngagement? {
        guard effects.count == 1, case .save(.coaching(let e), true) = effects[0] else { return nil }
        return e
    }

    @Test("the merge finds both fields, sorted by path")
    func fields() {
        let (_, c, _, _) = Self.open()
        #expect(c.fields.map(\.path.description) == ["focus", "outcome"])
    }

    @Test("each choice builds the record saved with the conflict's base", arguments: [
        ([Key.enter], "Mine", "My outcome"),
        ([.char("t"), .enter], "Theirs", "My outcome"),
        ([.char("m"), .char("t"), .enter], "Mine", "Their outcome"),
        ([.char("j"), .right, .up, .left, .ctrl("s")], "Mine", "Their outcome"),
        ([.char("T"), .enter], "Theirs", "Their outcome"),
        ([.char("T"), .char("M"), .enter], "Mine", "My outcome"),
    ])
    func choices(_ keys: [Key], _ focus: String, _ outcome: String) throws {
        var (s, _, _, _) = Self.open()
        let effects = press(&s, keys)
        let e = try #require(Self.resolved(effects))
        #expect(e.focus == focus && e.outcome == outcome)
        #expect(e.deadline == Fixture.today.adding(days: 40), "what only this side changed is kept")
        #expect(s.data.engagements == [e], "memory shows what is being saved")
        #expect(s.stack == [.dashboard])
        #expect(s.pending[Fixture.pitchingRef] != nil)
        #expect(s.unsaved.isEmpty)
        _ = update(&s, .saveFinished(Fixture.pitchingRef, file: SharingFixture.file))
        #expect(s.status?.kind == .ok)
    }

    @Test("Esc keeps the on-screen version unsaved and says so; :w tries the save again")
    func escape() {
        var (s, _, m, _) = Self.open()
        #expect(press(&s, .escape).isEmpty)
        #expect(s.stack == [.dashboard])
        #expect(s.data.engagements == [m])
        #expect(s.unsaved == [Fixture.pitchingRef])
        #expect(s.status?.kind == .error)
        #expect(s.status?.text.contains("stays on screen, unsaved") == true)
        let effects = press(&s, .char(":"), .char("w"), .enter)
        #expect(effects == [.save(.coaching(m), force: false)])
    }

    @Test("q with an unsaved version does not quit and says why; :q quits")
    func quitGuard() {
        var (s, _, _, _) = Self.open()
        press(&s, .escape, .char("q"))
        #expect(!s.isQuitting)
        #expect(s.status?.text.hasPrefix("Not quitting: 1 record has your unsaved version") == true)
        #expect(press(&s, .char(":"), .char("q"), .enter) == [.quit])
        #expect(s.isQuitting)
    }

    @Test("a file deleted on disk: mine writes it back, theirs lets it go")
    func deleted() throws {
        var s = Fixture.state(Fixture.tiny)
        var m = Fixture.pitching
        m.focus = "Mine"
        let c = ConflictState(ref: Fixture.pitchingRef, file: SharingFixture.file, base: .coaching(Fixture.pitching), mine: .coaching(m),
                              theirs: nil, fields: [FieldConflict(path: .record, kind: .removedByTheirs, base: nil, ours: nil, theirs: nil)])
        _ = update(&s, .saveConflicted(c))
        var t = s
        #expect(press(&s, .enter) == [.save(.coaching(m), force: true)])
        #expect(press(&t, .char("t"), .enter).isEmpty)
        #expect(t.data.engagements.isEmpty)
        #expect(t.status?.text.contains("Took the deletion") == true)
    }

    @Test("the dialog shows field, before, mine and theirs readably, with control characters escaped")
    func view() {
        var s = Fixture.state(Fixture.tiny, width: 120, height: 30)
        var m = Fixture.pitching
        m.focus = "Mine\u{1B}[31m\nsecond line"
        var t = Fixture.pitching
        t.focus = "Theirs"
        let merged = Record.merge(base: .coaching(Fixture.pitching), ours: .coaching(m), theirs: .coaching(t))
        _ = update(&s, .saveConflicted(ConflictState(ref: Fixture.pitchingRef, file: SharingFixture.file, base: .coaching(Fixture.pitching),
                                                     mine: .coaching(m), theirs: .coaching(t), fields: merged.conflicts)))
        let buf = AppView.render(s, theme: .monochrome)
        let text = buf.text
        #expect(text.contains("field") && text.contains("before") && text.contains("mine (on screen)") && text.contains("theirs (the file)"))
        #expect(text.contains("Pitching to clients"))
        #expect(text.contains("Mine\\u{1B}[31m\\nsecond line"), "control characters escaped")
        #expect(!text.contains("\"Theirs\""), "strings without their JSON quotes")
        #expect(text.contains("● Mine"), "mine is chosen to start with")
        #expect(!buf.lines.joined().unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("at 80x24 the dialog keeps each field's row, the chosen side, the full values and its keys on screen")
    func small() {
        var (s, _, _, _) = Self.open()
        s.width = 80; s.height = 24
        let screen = rows(AppView.render(s, theme: .monochrome))
        let text = screen.joined(separator: "\n")
        #expect(text.contains("▸ focus") && text.contains("outcome"))
        #expect(text.contains("● Mine") && text.contains("mine: Mine") && text.contains("theirs: Theirs"))
        #expect(text.contains(" Enter ") && text.contains(" Esc ") && text.contains("keep unsaved"))
    }

    @Test("readable values: strings bare, numbers plain, items by their date and text, nothing raw")
    func display() {
        #expect(ConflictState.display("\"a\\tb\"") == "a\\tb")
        #expect(ConflictState.display("45") == "45")
        #expect(ConflictState.display("2.5") == "2.5")
        #expect(ConflictState.display(nil) == "(none)")
        #expect(ConflictState.display("{\"id\":\"x\",\"date\":\"2026-11-01\",\"minutes\":30,\"notes\":\"hi\"}") == "date: 2026-11-01; notes: hi; minutes: 30")
    }
}

@Suite("Paste and the external editor")
struct PasteTests {
    @Test("a multi-line paste into the log form's note keeps its lines")
    func note() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        #expect(s.form?.fields[s.form!.focus].id == "notes")
        _ = update(&s, .pasted("first line\nsecond line"))
        #expect(s.form?.text("notes") == "first line\nsecond line")
        #expect(s.stack.count == 2, "a pasted line break neither submits nor moves on")
    }

    @Test("a paste into a one-line field keeps one line")
    func line() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("p"))
        _ = update(&s, .pasted("Dana\nScully\u{1B}[2J\n"))
        #expect(s.form?.text("name") == "Dana Scully")
    }

    @Test("a paste into a choice changes nothing and says why")
    func choice() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("p"))
        while s.form.map({ f in if case .choice = f.fields[f.focus].editor { false } else { true } }) == true { press(&s, .tab) }
        let before = s.form
        _ = update(&s, .pasted("senior"))
        #expect(s.form == before)
        #expect(s.status?.text.contains("is a choice") == true)
    }

    @Test("a paste into a prompt is one line; on the dashboard it starts a filter; elsewhere it says where paste works")
    func elsewhere() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char(":"))
        _ = update(&s, .pasted("theme\nlight"))
        #expect(s.prompt?.field.text == "theme light")
        var d = Fixture.state(Fixture.tiny)
        _ = update(&d, .pasted("Ana\n"))
        #expect(d.prompt?.kind == .filter(.coaching))
        #expect(d.dashboard.coaching.filter == "Ana")
        #expect(d.rows.coaching.count == 1)
        var h = Fixture.state(Fixture.tiny)
        press(&h, .enter)
        let before = h.stack
        _ = update(&h, .pasted("x"))
        #expect(h.stack == before)
        #expect(h.status?.text.contains("a paste goes into") == true)
    }

    @Test("Ctrl-U deletes to the start of a form field and of a prompt")
    func ctrlU() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "drop this")
        press(&s, .ctrl("u"))
        #expect(s.form?.text("notes") == "")
        press(&s, .escape)
        press(&s, .char("/"))
        type(&s, "ana")
        press(&s, .ctrl("u"))
        #expect(s.prompt?.field.text == "")
    }

    @Test("Ctrl-E in a note asks for the editor, and its text comes back; in a one-line field it goes to the end")
    func editor() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "draft")
        #expect(AppView.render(s, theme: .monochrome).text.contains("Ctrl-E editor"))
        #expect(press(&s, .ctrl("e")) == [.editExternally(field: "notes", text: "draft")])
        _ = update(&s, .externallyEdited(field: "notes", .success("draft\nfrom the editor")))
        #expect(s.form?.text("notes") == "draft\nfrom the editor")
        _ = update(&s, .externallyEdited(field: "notes", .failure(.editorFailed(command: "vi", status: 1))))
        #expect(s.form?.text("notes") == "draft\nfrom the editor")
        #expect(s.status?.kind == .error && s.status?.text.contains("exited with status 1") == true)

        var n = Fixture.state(Fixture.tiny)
        press(&n, .char("n"), .char("p"))
        type(&n, "Dana")
        press(&n, .home)
        #expect(press(&n, .ctrl("e")).isEmpty)
        type(&n, "!")
        #expect(n.form?.text("name") == "Dana!")
        #expect(!AppView.render(n, theme: .monochrome).text.contains("Ctrl-E editor"), "the editor key shows on a note only")
    }
}
