import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Logging a session with `l`, the person form, discarding and drafts.
@Suite("Forms")
struct FormTests {
    static func focusedID(_ s: AppState) -> String? {
        s.form.map { $0.fields[$0.focus].id }
    }

    @Test("l opens the log form on the selected record, in Notes, minutes from the last session")
    func opensLogForm() throws {
        var s = Fixture.state(Fixture.tiny)
        #expect(press(&s, .char("l")).isEmpty)
        let form = try #require(s.form)
        #expect(form.kind == .log(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id)))
        #expect(Self.focusedID(s) == "notes")
        #expect(form.text("minutes") == "50")
        #expect(form.text("date") == "today")
        #expect(form.fields.contains { $0.label == "Win rate" }, "one field per metric")
        #expect(!form.isDirty)
        #expect(s.keyContext == .form)
    }

    @Test("minutes default to 45 when the record has no session yet")
    func minutesDefault() throws {
        var data = Fixture.tiny
        data.relationships[0].sessions = []
        var s = Fixture.state(data)
        press(&s, .tab, .char("l"))
        let form = try #require(s.form)
        #expect(form.text("minutes") == "45")
        #expect(!form.fields.contains { $0.id.hasPrefix("metric:") })
    }

    @Test("typed characters go into Notes, even letters that are keys elsewhere; Tab moves on")
    func typing() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        #expect(type(&s, "qu? jk: 1/2").isEmpty)
        press(&s, .enter)
        type(&s, "second line")
        #expect(s.form?.text("notes") == "qu? jk: 1/2\nsecond line")
        #expect(!s.isQuitting && !s.showHelp && s.screen == .dashboard)
        press(&s, .tab)
        #expect(Self.focusedID(s) == "topics")
        press(&s, .backTab, .backTab)
        #expect(Self.focusedID(s) == "minutes")
    }

    @Test("Ctrl-S closes the form and saves the record with the new session")
    func saveLog() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "Went well")
        press(&s, .tab)
        type(&s, "pitching, slides")
        let effects = press(&s, .ctrl("s"))
        #expect(s.form == nil)
        var expected = Fixture.pitching
        expected.sessions.append(Session(id: Fixture.id(1), date: Fixture.today, minutes: 50, notes: "Went well",
                                         topics: ["pitching", "slides"]))
        #expect(effects == [.save(.coaching(expected), force: false), .deleteDraft(name: "log-00000000")])
        #expect(s.data.engagements == [expected])
        #expect(s.undoStack.count == 1)
        #expect(s.status?.text.hasPrefix("Saving: Logged 50 min session on 2026-11-29 for Ana Lima") == true)
    }

    @Test("a metric reading typed in the form lands on the metric, tied to the session")
    func saveReading() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        let form = try #require(s.form)
        let metricIndex = try #require(form.fields.firstIndex { $0.label == "Win rate" })
        for _ in form.focus..<metricIndex { press(&s, .tab) }
        type(&s, "35")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no coaching save"); return }
        #expect(e.metrics[0].readings.last == Reading(date: Fixture.today, value: 35, sessionID: Fixture.id(1)))
    }

    @Test("Ctrl-S with an impossible date keeps the form open with the error at Date")
    func badDate() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "notes")
        press(&s, .backTab, .backTab)
        #expect(Self.focusedID(s) == "date")
        press(&s, .ctrl("a"), .ctrl("k"))
        type(&s, "2026-02-30")
        press(&s, .tab, .tab) // leave the date field: the error must bring focus back
        let effects = press(&s, .ctrl("s"))
        #expect(effects.isEmpty)
        let form = try #require(s.form)
        #expect(form.errors["date"] != nil)
        #expect(form.errors.count == 1)
        #expect(Self.focusedID(s) == "date")
        #expect(form.text("notes") == "notes", "what was typed is kept")
        #expect(s.status?.kind == .error)
        #expect(s.data == Fixture.tiny)
        // Typing in the field clears its error.
        press(&s, .backspace)
        #expect(s.form?.errors["date"] == nil)
    }

    @Test("a future date is refused at Date")
    func futureDate() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"), .backTab, .backTab, .ctrl("a"), .ctrl("k"))
        type(&s, "2026-12-25")
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.errors["date"]?.contains("future") == true)
    }

    @Test("Esc on a clean form closes it; on a dirty one it asks, n keeps editing, y discards")
    func discard() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"), .escape)
        #expect(s.form == nil && s.confirm == nil)

        press(&s, .char("l"))
        type(&s, "half a thought")
        press(&s, .escape)
        #expect(s.form != nil)
        #expect(s.confirm?.purpose == .discardForm)
        press(&s, .char("n"))
        #expect(s.confirm == nil)
        #expect(s.form?.text("notes") == "half a thought")
        press(&s, .escape)
        #expect(press(&s, .char("y")).isEmpty)
        #expect(s.form == nil && s.confirm == nil)
        #expect(s.status?.text == "Discarded")
        #expect(s.data == Fixture.tiny)
    }

    @Test("termination with a dirty form saves a draft, then quits; a clean form just quits")
    func terminate() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "keep me")
        let effects = update(&s, .terminate)
        try #require(effects.count == 2)
        #expect(effects[1] == .quit)
        guard case .saveDraft(let draft) = effects[0] else { Issue.record("expected a draft first"); return }
        #expect(draft.name == "log-00000000")
        #expect(draft.kind == .log(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id)))
        #expect(draft.fields["notes"] == "keep me")
        #expect(draft.savedOn == Fixture.today)
        #expect(s.isQuitting)

        var clean = Fixture.state(Fixture.tiny)
        press(&clean, .char("l"))
        #expect(update(&clean, .terminate) == [.quit])
    }

    @Test("Ctrl-C in a dirty form keeps it as a draft")
    func ctrlCDraft() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "x")
        let effects = press(&s, .ctrl("c"))
        #expect(effects.count == 2 && effects.last == .quit)
        if case .saveDraft = effects.first {} else { Issue.record("expected a draft, got \(effects)") }
    }

    @Test("a draft of the same form is restored when the form opens again")
    func restoreDraft() throws {
        var s = Fixture.state(Fixture.tiny)
        s.drafts = [FormDraft(name: "log-00000000", kind: .log(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id)),
                              title: "Log", fields: ["notes": "from last night", "minutes": "30"], savedOn: Fixture.today.adding(days: -1))]
        press(&s, .char("l"))
        #expect(s.form?.text("notes") == "from last night")
        #expect(s.form?.text("minutes") == "30")
        #expect(s.drafts.isEmpty)
        #expect(s.status?.text.contains("2026-11-28") == true)
    }

    @Test("n then p opens a person form; a name typed in and Ctrl-S saves the person")
    func newPerson() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"))
        #expect(s.confirm?.purpose == .newMenu)
        #expect(s.confirm?.choices.map(\.action) == [.newPerson, .newEngagement, .newRelationship])
        #expect(s.confirm.map { c in c.choices.compactMap { s.keymap.key(for: $0.action, in: c.keyContext) } } == [.char("p"), .char("c"), .char("m")])
        press(&s, .char("p"))
        #expect(s.confirm == nil)
        #expect(s.form?.kind == .newPerson)
        #expect(Self.focusedID(s) == "name")
        type(&s, "Dana Scully")
        press(&s, .tab)
        type(&s, "Account Director")
        let effects = press(&s, .ctrl("s"))
        let dana = Person(id: Fixture.id(1), name: "Dana Scully", role: "Account Director", level: .mid)
        #expect(effects == [.save(.person(dana), force: false), .deleteDraft(name: "new-person")])
        #expect(s.form == nil)
        #expect(s.data.people.last == dana)
        #expect(s.status?.text == "Saving: Added Dana Scully…")
    }

    @Test("a person without a name is refused at Name")
    func personNeedsName() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("p"))
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.form?.errors["name"] != nil)
        #expect(s.data.people.count == 3)
    }

    @Test("e opens the selected engagement's form filled in; saving it unchanged saves nothing")
    func editUnchanged() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("e"))
        let form = try #require(s.form)
        #expect(form.kind == .editEngagement(Fixture.pitching.id))
        #expect(form.text("coachee") == "Ana Lima")
        #expect(form.text("objectives") == "Lead one pitch alone\nCut the deck to 10 slides")
        #expect(form.items("objectives")?.rows.map(\.id) == Fixture.pitching.objectives.map(\.id))
        let effects = press(&s, .ctrl("s"))
        #expect(saved(effects).isEmpty)
        #expect(s.form == nil)
        #expect(s.undoStack.isEmpty, "no undo step for no change")
        #expect(s.status?.text == "No changes")
    }

    @Test("n then c starts an engagement from names typed in; the defaults fill the rest")
    func newEngagement() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("c"))
        #expect(s.form?.kind == .newEngagement)
        type(&s, "chloe")
        press(&s, .tab)
        type(&s, "Ben")
        press(&s, .tab)
        type(&s, "Running client workshops")
        press(&s, .down) // Down also moves to the next field in a form
        press(&s, .down, .down, .down, .down, .down)
        #expect(Self.focusedID(s) == "objectives")
        type(&s, "Run one workshop")
        press(&s, .enter)
        type(&s, "Write the agenda")
        let records = saved(press(&s, .ctrl("s")))
        try #require(records.count == 1, "\(s.form?.errors ?? [:])")
        guard case .coaching(let e) = records[0].record else { Issue.record("not an engagement"); return }
        #expect(e.coacheeID == Fixture.chloe.id)
        #expect(e.coach == .person(Fixture.ben.id))
        #expect(e.focus == "Running client workshops")
        #expect(e.start == Fixture.today && e.deadline == Fixture.today.adding(days: 90))
        #expect(e.status == .active && e.cadenceDays == 14 && e.plannedSessions == nil)
        #expect(e.objectives.map(\.text) == ["Run one workshop", "Write the agenda"])
        #expect(s.rows.coaching.count == 2)
    }

    @Test("a name that matches nobody is not picked: the typing stays, in the picker and then in the field, marked")
    func unknownPerson() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("m"))
        type(&s, "Nobody")
        guard case .picker(let p) = s.top else { Issue.record("typing in a people field opens the picker"); return }
        #expect(p.filter.text == "Nobody" && p.shown.isEmpty)
        press(&s, .enter)
        #expect(s.keyContext == .picker, "nothing to pick: the picker stays with what was typed")
        #expect(s.status?.text.contains("Nothing picked: nobody at the agency matches “Nobody”") == true)
        press(&s, .escape)
        #expect(s.form?.text("mentee") == "Nobody", "Esc keeps the typing in the field")
        #expect(s.form?.errors["mentee"]?.contains("no person named “Nobody”") == true)
        press(&s, .tab)
        type(&s, "a") // Ana, Ben Okafor and Chloé all contain an a
        press(&s, .escape)
        #expect(s.form?.text("mentor") == "a")
        #expect(s.form?.errors["mentor"]?.contains("could be") == true)
        #expect(press(&s, .ctrl("s")).isEmpty, "nothing unknown is saved")
        #expect(s.form?.errors["mentee"]?.contains("no person named “Nobody”") == true)
        #expect(s.form?.errors["mentor"]?.contains("could be") == true)
        #expect(Self.focusedID(s) == "mentee")
        #expect(s.data.relationships.count == 1)
    }

    @Test("n then m pairs a mentor with a mentee")
    func newRelationship() throws {
        var data = Fixture.tiny
        data.people[1].mentoringCapacity = 2 // room for Ana, so no pairing question
        var s = Fixture.state(data)
        press(&s, .char("n"), .char("m"))
        type(&s, "ana lima")
        press(&s, .tab) // picks Ana and goes on to the mentor
        type(&s, "Ben")
        press(&s, .enter)
        #expect(s.form?.fields.first { $0.id == "mentor" }?.personID == Fixture.ben.id, "the field keeps the person's id")
        let records = saved(press(&s, .ctrl("s")))
        try #require(records.count == 1, "\(s.form?.errors ?? [:])")
        #expect(records[0].record == .mentoring(MentoringRelationship(
            id: Fixture.id(1), mentorID: Fixture.ben.id, menteeID: Fixture.ana.id, start: Fixture.today, cadenceDays: 14)))
    }

    @Test("editing the engagement's focus saves the change and keeps its sessions")
    func editFocus() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("e"), .tab, .tab, .ctrl("a"), .ctrl("k"))
        #expect(Self.focusedID(s) == "focus")
        type(&s, "Pitching to the board")
        var expected = Fixture.pitching
        expected.focus = "Pitching to the board"
        let effects = press(&s, .ctrl("s"))
        #expect(effects == [.save(.coaching(expected), force: false), .deleteDraft(name: "coaching-00000000")])
        #expect(s.undoStack.last?.label == "Edited coaching for Ana Lima")
    }
}
