import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Edits never lose history: objectives, metrics, goals and action items are items that keep
/// their ids, done days and readings through any change of wording, order or unit.
@Suite("Item lists in forms")
struct ItemEditTests {
    static let doneDay = Fixture.today.adding(days: -5)

    /// The tiny agency with the first objective done five days ago.
    static var data: Snapshot {
        var d = Fixture.tiny
        d.engagements[0].objectives[0].doneOn = doneDay
        return d
    }

    /// Tabs until the field `id` has the focus.
    static func focus(_ s: inout AppState, _ id: String) {
        for _ in 0..<30 where s.form.map({ $0.fields[$0.focus].id }) != id { press(&s, .tab) }
        #expect(s.form.map { $0.fields[$0.focus].id } == id)
    }

    static func clear(_ s: inout AppState) { press(&s, .ctrl("a"), .ctrl("k")) }

    @Test("the edit form shows objectives as items with their ids and done days, metrics with their readings")
    func opensWithItems() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        let form = try #require(s.form)
        let objectives = try #require(form.items("objectives"))
        #expect(objectives.rows.map(\.id) == [Fixture.id(211), Fixture.id(212)])
        #expect(objectives.rows.map(\.done) == [Self.doneDay, nil])
        #expect(objectives.rows[0].history == "was done on 24 Nov")
        let metrics = try #require(form.items("metrics"))
        #expect(metrics.rows.map(\.text) == ["Win rate | % | 20 -> 40"])
        #expect(metrics.rows[0].history == "has 1 reading")
        #expect(!metrics.canBeDone)
    }

    @Test("changing wording, order and unit keeps ids, the done day and the readings")
    func wordingOrderUnit() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        Self.clear(&s)
        type(&s, "Lead two pitches alone")
        press(&s, .alt(.char("j")))
        Self.focus(&s, "metrics")
        Self.clear(&s)
        type(&s, "Pitch win rate | pts | 20 -> 45")
        let records = saved(press(&s, .ctrl("s")))
        try #require(records.count == 1, "\(s.form?.errors ?? [:])")
        guard case .coaching(let e) = records[0].record else { Issue.record("not coaching"); return }
        #expect(e.objectives == [Objective(id: Fixture.id(212), text: "Cut the deck to 10 slides"),
                                 Objective(id: Fixture.id(211), text: "Lead two pitches alone", doneOn: Self.doneDay)])
        let m = try #require(e.metrics.first)
        #expect(e.metrics.count == 1)
        #expect(m.id == Fixture.id(221) && m.name == "Pitch win rate" && m.unit == "pts" && m.target == 45)
        #expect(m.readings == Fixture.pitching.metrics[0].readings)
        #expect(m.direction == .higherIsBetter)
        #expect(e.sessions == Fixture.pitching.sessions)
        // One save, one undo step, and u takes all of it back.
        #expect(s.undoStack.count == 1)
        press(&s, .char("u"))
        #expect(s.data.engagements == Self.data.engagements)
    }

    @Test("a renamed metric keeps a baseline and target shown rounded, exactly")
    func roundedNumbersKept() throws {
        var data = Self.data
        data.engagements[0].metrics[0].baseline = 20.125
        data.engagements[0].metrics[0].target = 39.996
        var s = Fixture.state(data)
        press(&s, .char("e"))
        Self.focus(&s, "metrics")
        #expect(s.form?.items("metrics")?.rows.first?.text == "Win rate | % | 20.13 -> 40")
        press(&s, .home)
        for _ in 0..<3 { press(&s, .delete) }
        type(&s, "Pitch")
        guard case .coaching(let e)? = saved(press(&s, .ctrl("s"))).first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        #expect(e.metrics[0].name == "Pitch rate")
        #expect(e.metrics[0].baseline == 20.125 && e.metrics[0].target == 39.996)
    }

    @Test("a metric's direction follows a range that changed, and stays when the range is flat")
    func direction() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "metrics")
        Self.clear(&s)
        type(&s, "Win rate | % | 40 -> 20")
        press(&s, .enter)
        type(&s, "Revision rounds | rounds | 6 -> 2")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        #expect(e.metrics.map(\.direction) == [.lowerIsBetter, .lowerIsBetter])
        #expect(e.metrics[0].id == Fixture.id(221) && e.metrics[0].readings.count == 1)
        #expect(e.metrics[1].id == Fixture.id(1), "a new metric gets a new id")
    }

    @Test("Ctrl-N adds an item, Ctrl-D marks it done today, Enter on an empty new last item moves on")
    func addAndMark() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        press(&s, .down, .ctrl("n"))
        type(&s, "Write the case study")
        press(&s, .ctrl("d"))
        #expect(s.status?.text.hasPrefix("Done 29 Nov") == true)
        press(&s, .enter)
        #expect(s.form?.items("objectives")?.rows.count == 4, "Enter on a written item adds one below")
        press(&s, .enter)
        #expect(s.form.map { $0.fields[$0.focus].id } == "metrics", "Enter on the empty new item moves on and drops it")
        #expect(s.form?.items("objectives")?.rows.count == 3)
        // Ctrl-D does not mark a metric.
        press(&s, .ctrl("d"))
        #expect(s.status?.text.contains("not marked done") == true)
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save"); return }
        #expect(e.objectives.map(\.id) == [Fixture.id(211), Fixture.id(212), Fixture.id(1)])
        #expect(e.objectives[2] == Objective(id: Fixture.id(1), text: "Write the case study", doneOn: Fixture.today))
    }

    @Test("Ctrl-D on a done item opens it again")
    func reopen() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        press(&s, .ctrl("d"))
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save"); return }
        #expect(e.objectives[0] == Objective(id: Fixture.id(211), text: "Lead one pitch alone"))
    }

    @Test("removing a metric with readings says what goes and asks; n keeps it, y removes it, u undoes the save")
    func removeAsks() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "metrics")
        press(&s, .ctrl("x"))
        let question = try #require(s.confirm)
        #expect(question.purpose == .removeItem(field: "metrics", row: 0))
        #expect(question.message.hasPrefix("Win rate has 1 reading: remove it?"))
        #expect(s.keyContext == .confirm)
        press(&s, .char("n"))
        #expect(s.form?.items("metrics")?.rows.count == 1)
        press(&s, .ctrl("x"), .char("y"))
        #expect(s.form?.items("metrics")?.rows.isEmpty == true)
        #expect(s.data == Self.data, "nothing changes before the save")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save"); return }
        #expect(e.metrics.isEmpty)
        press(&s, .char("u"))
        #expect(s.data.engagements == Self.data.engagements)
    }

    @Test("removing a done objective asks; an open one without history goes at once")
    func removeObjective() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        press(&s, .ctrl("x"))
        #expect(s.confirm?.message.hasPrefix("Lead one pitch alone was done on 24 Nov: remove it?") == true)
        press(&s, .escape)
        #expect(s.confirm == nil && s.form?.items("objectives")?.rows.count == 2)
        press(&s, .down, .ctrl("x"))
        #expect(s.confirm == nil)
        #expect(s.form?.items("objectives")?.rows.map(\.id) == [Fixture.id(211)])
        #expect(s.status?.text == "Removed Cut the deck to 10 slides")
    }

    @Test("an existing item emptied is refused at its field, not dropped")
    func emptiedItem() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        Self.clear(&s)
        #expect(saved(press(&s, .ctrl("s"))).isEmpty)
        #expect(s.form?.errors["objectives"]?.contains("objective 1 is empty") == true)
    }

    @Test("goals keep ids and achieved days through a new wording and target date")
    func goals() throws {
        var data = Fixture.tiny
        data.relationships[0].goals[0].achievedOn = Self.doneDay
        var s = Fixture.state(data)
        press(&s, .tab, .char("e"))
        Self.focus(&s, "goals")
        Self.clear(&s)
        type(&s, "Run two workshops @2027-01-15")
        let records = saved(press(&s, .ctrl("s")))
        guard case .mentoring(let r)? = records.first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        #expect(r.goals == [Goal(id: Fixture.id(311), text: "Run two workshops", targetDate: Day(iso: "2027-01-15"), achievedOn: Self.doneDay)])
    }

    @Test("Alt-k and Alt-j at the ends say so and change nothing")
    func moveAtEnds() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        press(&s, .alt(.char("k")))
        #expect(s.status?.text == "Already the first")
        #expect(s.form?.isDirty == false)
        press(&s, .alt(.up))
        #expect(s.form?.isDirty == false)
        press(&s, .alt(.char("j")))
        #expect(s.form?.items("objectives")?.rows.map(\.id) == [Fixture.id(212), Fixture.id(211)])
        #expect(s.form?.isDirty == true)
    }

    @Test("every item key in the form's table acts on a focused list", arguments: [Action.addItem, .removeItem, .toggleItemDone, .moveItemUp, .moveItemDown])
    func tableRowsAct(_ action: Action) throws {
        let bindings = Keymap.standard.bindings.filter { $0.context == .form && $0.action == action }
        #expect(bindings.count == 1)
        for key in bindings.flatMap(\.keys) {
            var s = Fixture.state(Fixture.tiny)
            press(&s, .char("e"))
            Self.focus(&s, "objectives")
            if action == .moveItemUp { press(&s, .down) }
            let before = try #require(s.form)
            press(&s, key)
            #expect(s.form != before, "\(Keymap.name(key)) did nothing to the list")
            #expect(s.keyContext == .form)
        }
    }

    @Test("item keys on a field that is not a list say where they work")
    func itemKeysElsewhere() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        for key in [Key.ctrl("n"), .ctrl("x"), .ctrl("d"), .alt(.char("k"))] {
            press(&s, key)
            #expect(s.status?.text.contains("in a list") == true, "\(key)")
            #expect(s.form?.isDirty == false)
        }
    }

    @Test("at 80x24 the focused list marks its selected item with ›, done items with ✓ and the day, a metric its readings")
    func view() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        let screen = rows(AppView.render(s, theme: .monochrome))
        let done = try #require(screen.first { $0.contains("Lead one pitch alone") })
        #expect(done.contains("Objectives") && done.contains(" › ✓ 24 Nov Lead one pitch alone"), "\(done)")
        let open = try #require(screen.first { $0.contains("Cut the deck") })
        #expect(open.contains("  ○        Cut the deck to 10 slides") && !open.contains("›"))
        let metric = try #require(screen.first { $0.contains("Win rate | % | 20 -> 40") })
        #expect(metric.contains("· 1 reading") && !metric.contains("›"), "only the focused list has a › row")
        #expect(screen.contains { $0.contains("Enter new · Ctrl-D done · Ctrl-X remove") })
        // Moving down moves the mark.
        press(&s, .down)
        let moved = rows(AppView.render(s, theme: .monochrome))
        #expect(moved.contains { $0.contains("› ○        Cut the deck to 10 slides") })
        #expect(moved.contains { $0.contains("Objectives") && $0.contains("   ✓ 24 Nov Lead one pitch alone") && !$0.contains("›") })
    }

    // MARK: Drafts

    @Test("a draft of an edit form keeps the item ids: SIGTERM, restore at the next start, save")
    func draftRoundTrip() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("e"))
        Self.focus(&s, "objectives")
        Self.clear(&s)
        type(&s, "Lead two pitches alone")
        let effects = update(&s, .terminate)
        guard case .saveDraft(let draft)? = effects.first else { Issue.record("no draft: \(effects)"); return }
        // Through the bytes the store keeps.
        let decoded = try JSONDecoder().decode(FormDraft.self, from: JSONEncoder().encode(draft))
        #expect(decoded == draft)
        #expect(decoded.items?["objectives"]?.map(\.id) == [Fixture.id(211), Fixture.id(212)])
        #expect(decoded.fields["start"] == Fixture.pitching.start.iso)

        var next = Fixture.state(Self.data)
        next.drafts = [decoded]
        _ = update(&next, .started)
        let form = try #require(next.form)
        #expect(form.items("objectives")?.rows.map(\.text) == ["Lead two pitches alone", "Cut the deck to 10 slides"])
        #expect(form.items("objectives")?.rows.map(\.done) == [Self.doneDay, nil])
        let records = saved(press(&next, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save"); return }
        #expect(e.objectives[0] == Objective(id: Fixture.id(211), text: "Lead two pitches alone", doneOn: Self.doneDay))
        #expect(e.objectives[1] == Fixture.pitching.objectives[1])
    }

    @Test("a draft keeps the day a date field resolved to, not the word today")
    func draftResolvesDates() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "notes")
        Self.focus(&s, "actions")
        type(&s, "Send the deck @+3d")
        Self.focus(&s, "next")
        type(&s, "+7d")
        guard case .saveDraft(let draft)? = update(&s, .terminate).first else { Issue.record("no draft"); return }
        #expect(draft.fields["date"] == "2026-11-29")
        #expect(draft.fields["next"] == "2026-12-06")
        #expect(draft.fields["notes"] == "notes")
        #expect(draft.items?["actions"]?.map(\.text) == ["Send the deck @2026-12-02"])
    }

    @Test("discarding a restored draft deletes it, so it does not come back")
    func discardDeletesDraft() throws {
        var s = Fixture.state(Fixture.tiny)
        s.drafts = [FormDraft(name: "log-00000000", kind: .log(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id)),
                              title: "Log", fields: ["notes": "from last night"], savedOn: Fixture.today.adding(days: -1))]
        press(&s, .char("l"))
        #expect(s.form?.restoredDraft == "log-00000000")
        press(&s, .escape)
        #expect(press(&s, .char("y")) == [.deleteDraft(name: "log-00000000")])
        #expect(s.form == nil)
        // A form not restored from a draft deletes none.
        press(&s, .char("l"))
        type(&s, "x")
        press(&s, .escape)
        #expect(press(&s, .char("y")).isEmpty)
    }

    // MARK: Round trips on the demo agency

    /// Every form the demo agency can open, with the record it edits.
    static func everyForm(_ data: Snapshot) -> [FormKind] {
        data.people.map { FormKind.editPerson($0.id) }
            + data.engagements.map { FormKind.editEngagement($0.id) }
            + data.relationships.map { FormKind.editRelationship($0.id) }
            + data.engagements.flatMap { e in e.sessions.map { FormKind.editSession(RecordRefCodable(kind: "coaching", id: e.id), $0.id) } }
            + data.relationships.flatMap { r in r.sessions.map { FormKind.editSession(RecordRefCodable(kind: "mentoring", id: r.id), $0.id) } }
    }

    @Test("every form of a demo agency, opened and saved unchanged, changes nothing and makes no undo step",
          arguments: [42, 7, 2026] as [UInt64])
    func demoRoundTrip(_ seed: UInt64) throws {
        let demo = DemoAgency.generate(today: Fixture.today, options: DemoOptions(seed: seed))
        let kinds = Self.everyForm(demo)
        #expect(kinds.count > 100)
        for kind in kinds {
            var s = Fixture.state(demo)
            Editing.open(kind, &s)
            let form = try #require(s.form, "\(kind)")
            #expect(!form.isDirty)
            let effects = press(&s, .ctrl("s"))
            #expect(saved(effects).isEmpty, "\(kind) saved \(form.errors)")
            #expect(s.form == nil, "\(kind): \(s.form?.errors ?? [:])")
            #expect(s.status?.text == "No changes", "\(kind)")
            #expect(s.undoStack.isEmpty && s.data == demo)
        }
    }

    @Test("every record of a demo store, rebuilt from its unchanged form and saved, keeps its file's bytes")
    func demoBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-items-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let store = try Store.create(at: dir, agency: Fixture.demo.agency)
            for p in Fixture.demo.people { _ = try store.save(p) }
            for e in Fixture.demo.engagements { _ = try store.save(e) }
            for r in Fixture.demo.relationships { _ = try store.save(r) }
            store.close()
        }
        let store = try Store.open(at: dir, forEditing: true)
        defer { store.close() }
        let loaded = try store.load(scope: .all)
        let s = Fixture.state(loaded.snapshot)
        var checked = 0
        for kind in Self.everyForm(loaded.snapshot) {
            let form = try #require(Editing.makeForm(kind, s))
            let change: Change
            switch kind {
            case .editSession(let r, let sid):
                let ref = RecordRef(kind: RecordKind(rawValue: r.kind)!, id: r.id)
                let record = try #require(s.data.value(of: ref)?.sessionRecord)
                let input = try LogForm.input(from: form, record: record, today: s.today).get()
                let edited = try Logbook.editing(sid, to: input, keeping: LogForm.untouchedMetrics(form, record: record),
                                                 on: record, today: s.today, makeID: s.makeID).get()
                let after: Record
                switch edited { case .coaching(let e): after = .coaching(e); case .mentoring(let m): after = .mentoring(m) }
                change = Change(label: "", before: s.data.value(of: ref), after: after)
            default:
                change = try RecordForms.build(form, in: s.data, names: s.rows.people, today: s.today, makeID: s.makeID).get()
            }
            #expect(change.before == change.after, "\(kind)")
            let file = try #require(loaded.files[change.ref])
            let bytes = try Data(contentsOf: dir.appendingPathComponent(file))
            switch change.after {
            case .person(let p)?: _ = try store.save(p, force: true)
            case .coaching(let e)?: _ = try store.save(e, force: true)
            case .mentoring(let r)?: _ = try store.save(r, force: true)
            default: Issue.record("unexpected \(kind)")
            }
            #expect(try Data(contentsOf: dir.appendingPathComponent(file)) == bytes, "\(file)")
            checked += 1
        }
        #expect(checked > 100)
    }
}

/// A past session opened from the detail, edited and deleted.
@Suite("Editing a past session")
struct SessionEditTests {
    /// The tiny agency whose coaching session has a done action item and an open one.
    static var data: Snapshot {
        var d = Fixture.tiny
        d.engagements[0].sessions[0].actionItems = [
            ActionItem(id: Fixture.id(241), text: "Send the deck", due: Fixture.today.adding(days: -8), doneOn: Fixture.today.adding(days: -9)),
            ActionItem(id: Fixture.id(242), text: "Book the room"),
        ]
        d.engagements[0].sessions[0].pulse = 4
        return d
    }

    /// The detail of the coaching engagement with its one session selected.
    static func onSession(_ data: Snapshot = data) -> AppState {
        var s = Fixture.state(data)
        press(&s, .enter, .char("j"), .char("j"))
        return s
    }

    @Test("Enter on a session opens its form filled in; saving unchanged says No changes")
    func opensFilled() throws {
        var s = Self.onSession()
        #expect(press(&s, .enter).isEmpty)
        let form = try #require(s.form)
        #expect(form.kind == .editSession(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id), Fixture.id(231)))
        #expect(form.text("date") == "2026-11-19" && form.text("minutes") == "50" && form.text("pulse") == "4")
        #expect(form.text("notes") == "Reviewed the Acme deck")
        #expect(form.text("metric:\(Fixture.id(221).uuidString)") == "30")
        #expect(form.items("actions")?.rows.map(\.id) == [Fixture.id(241), Fixture.id(242)])
        #expect(form.items("actions")?.rows.map(\.text) == ["Send the deck @2026-11-21", "Book the room"])
        #expect(form.title.hasPrefix("Edit session of 19 Nov"))
        #expect(saved(press(&s, .ctrl("s"))).isEmpty)
        #expect(s.status?.text == "No changes")
        #expect(s.undoStack.isEmpty)
    }

    @Test("minutes, a reading and an action's wording change; ids, done days and the reading's place are kept")
    func edits() throws {
        var s = Self.onSession()
        press(&s, .enter)
        ItemEditTests.focus(&s, "minutes")
        ItemEditTests.clear(&s)
        type(&s, "1h")
        ItemEditTests.focus(&s, "actions")
        ItemEditTests.clear(&s)
        type(&s, "Send the short deck")
        press(&s, .down, .ctrl("d"))
        ItemEditTests.focus(&s, "metric:\(Fixture.id(221).uuidString)")
        ItemEditTests.clear(&s)
        type(&s, "33")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        let session = try #require(e.sessions.first)
        #expect(e.sessions.count == 1 && session.id == Fixture.id(231) && session.minutes == 60)
        #expect(session.actionItems == [
            ActionItem(id: Fixture.id(241), text: "Send the short deck", doneOn: Fixture.today.adding(days: -9)),
            ActionItem(id: Fixture.id(242), text: "Book the room", doneOn: Fixture.today),
        ])
        #expect(e.metrics[0].readings == [Reading(date: Fixture.today.adding(days: -10), value: 33, sessionID: Fixture.id(231))])
        #expect(s.undoStack.last?.label == "Edited the session of 2026-11-19 (Ana Lima)")
        press(&s, .char("u"))
        #expect(s.data == Self.data)
    }

    @Test("a new date moves the session and its readings; a blanked reading goes")
    func newDate() throws {
        var data = Self.data
        data.engagements[0].sessions.append(Session(id: Fixture.id(232), date: Fixture.today.adding(days: -3), minutes: 30, notes: "Later"))
        var s = Fixture.state(data)
        press(&s, .enter)
        // Items: two objectives, then sessions newest first: the later one, then ours.
        press(&s, .char("G"), .char("k"), .char("k"))
        press(&s, .enter)
        #expect(s.form?.text("notes") == "Reviewed the Acme deck")
        ItemEditTests.focus(&s, "date")
        ItemEditTests.clear(&s)
        type(&s, "2026-11-28")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        #expect(e.sessions.map(\.id) == [Fixture.id(232), Fixture.id(231)])
        #expect(e.metrics[0].readings == [Reading(date: Fixture.today.adding(days: -1), value: 30, sessionID: Fixture.id(231))])

        // Now the newest: the first session under the objectives.
        press(&s, .char("g"), .char("j"), .char("j"), .enter)
        #expect(s.form?.kind == .editSession(RecordRefCodable(kind: "coaching", id: Fixture.pitching.id), Fixture.id(231)))
        ItemEditTests.focus(&s, "metric:\(Fixture.id(221).uuidString)")
        ItemEditTests.clear(&s)
        guard case .coaching(let again)? = saved(press(&s, .ctrl("s"))).first?.record else { Issue.record("no save"); return }
        #expect(again.metrics[0].readings.isEmpty)
    }

    @Test("removing a done action item from a session asks first")
    func removeDoneAction() throws {
        var s = Self.onSession()
        press(&s, .enter)
        ItemEditTests.focus(&s, "actions")
        press(&s, .ctrl("x"))
        #expect(s.confirm?.message.hasPrefix("Send the deck was done on 20 Nov: remove it?") == true)
        press(&s, .char("y"), .ctrl("x"))
        #expect(s.confirm == nil, "the open one goes at once")
        guard case .coaching(let e)? = saved(press(&s, .ctrl("s"))).first?.record else { Issue.record("no save"); return }
        #expect(e.sessions[0].actionItems.isEmpty)
        #expect(e.sessions[0].id == Fixture.id(231))
    }

    @Test("a mentoring session edits and deletes the same way")
    func mentoringSession() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .tab, .enter, .char("j"), .enter)
        #expect(s.form?.kind == .editSession(RecordRefCodable(kind: "mentoring", id: Fixture.mentoring.id), Fixture.id(321)))
        #expect(!(s.form?.fields.contains { $0.id.hasPrefix("metric:") } ?? true))
        type(&s, " and agendas")
        guard case .mentoring(let r)? = saved(press(&s, .ctrl("s"))).first?.record else { Issue.record("no save: \(s.form?.errors ?? [:])"); return }
        #expect(r.sessions.map(\.notes) == ["Talked about workshops and agendas"])
        #expect(r.sessions[0].id == Fixture.id(321))
        press(&s, .char("d"))
        #expect(s.confirm?.message == "Delete the session of Sun 22 Nov 2026 (30 min)? u undoes it.")
        guard case .mentoring(let gone)? = saved(press(&s, .char("y"))).first?.record else { Issue.record("no delete"); return }
        #expect(gone.sessions.isEmpty)
    }

    @Test("d asks, saying what goes; y deletes the session and its readings; u brings them back")
    func delete() throws {
        var s = Self.onSession()
        press(&s, .char("d"))
        let question = try #require(s.confirm)
        #expect(question.purpose == .deleteSession(Fixture.pitchingRef, Fixture.id(231)))
        #expect(question.message == "Delete the session of Thu 19 Nov 2026 (50 min)? With it go 1 metric reading taken in it and 2 action items. u undoes it.")
        press(&s, .char("n"))
        #expect(s.data == Self.data)
        press(&s, .char("d"))
        let effects = press(&s, .char("y"))
        var expected = Self.data.engagements[0]
        expected.sessions = []
        expected.metrics[0].readings = []
        #expect(effects == [.save(.coaching(expected), force: false)])
        press(&s, .char("u"))
        #expect(s.data == Self.data)
    }

    @Test("Enter and d on an item that is not a session say what they do")
    func notASession() {
        var s = Fixture.state(Self.data)
        press(&s, .enter)
        #expect(press(&s, .enter).isEmpty && s.form == nil)
        #expect(s.status?.text.contains("Enter opens a session") == true)
        press(&s, .char("d"))
        #expect(s.confirm == nil && s.status?.text.contains("d deletes a session") == true)
    }

    /// One change to the session form, and the session the core would judge.
    struct Case: Sendable, CustomStringConvertible {
        var field: String
        var text: String
        var change: @Sendable (inout Session) -> Void
        var description: String { "\(field)=\(text)" }
    }

    static let cases: [Case] = [
        Case(field: "minutes", text: "0") { $0.minutes = 0 },
        Case(field: "minutes", text: "721") { $0.minutes = 721 },
        Case(field: "minutes", text: "12h") { $0.minutes = 720 },
        Case(field: "date", text: "2026-11-30") { $0.date = Day(iso: "2026-11-30")! },
        Case(field: "date", text: "2026-10-01") { $0.date = Day(iso: "2026-10-01")! },
        Case(field: "date", text: "2026-10-30") { $0.date = Day(iso: "2026-10-30")! },
        Case(field: "next", text: "2026-11-18") { $0.nextDate = Day(iso: "2026-11-18")! },
        Case(field: "next", text: "2026-11-19") { $0.nextDate = Day(iso: "2026-11-19")! },
        Case(field: "next", text: "2026-12-20") { $0.nextDate = Day(iso: "2026-12-20")! },
        Case(field: "pulse", text: "5") { $0.pulse = 5 },
    ]

    @Test("the session form and the core's SessionRules agree on each rule", arguments: cases)
    func formAgreesWithCore(_ c: Case) throws {
        var data = Fixture.tiny
        data.engagements[0].metrics[0].readings = []
        var s = Fixture.state(data)
        press(&s, .enter, .char("j"), .char("j"), .enter)
        ItemEditTests.focus(&s, c.field)
        ItemEditTests.clear(&s)
        type(&s, c.text)
        let effects = press(&s, .ctrl("s"))
        var session = data.engagements[0].sessions[0]
        c.change(&session)
        let core = SessionRules.problems(in: session, readings: 0, start: data.engagements[0].start, today: Fixture.today)
        let formErrors = s.form?.errors ?? [:]
        #expect(core.isEmpty == formErrors.isEmpty, "core \(core), form \(formErrors)")
        #expect(core.isEmpty == !saved(effects).isEmpty)
        for p in core { #expect(formErrors[Editing.fieldID(for: p.field)] != nil, "\(p.field) not shown at its field: \(formErrors)") }
    }

    @Test("blanking every part of a session is refused as saying nothing, as the core says")
    func saysNothing() throws {
        var data = Fixture.tiny
        data.engagements[0].metrics[0].readings = []
        var s = Fixture.state(data)
        press(&s, .enter, .char("j"), .char("j"), .enter)
        ItemEditTests.clear(&s)
        press(&s, .ctrl("a"))
        // Notes is a text area: take out its one line.
        for _ in 0..<40 { press(&s, .delete) }
        #expect(s.form?.text("notes") == "")
        #expect(saved(press(&s, .ctrl("s"))).isEmpty)
        #expect(s.form?.errors["notes"]?.contains("says nothing") == true)
    }
}

/// The record forms and the core's `Validation` agree: a value the form refuses is one the core
/// flags, at the same field, and a value the form takes is one the core takes.
@Suite("Forms and core rules agree")
struct FormRulesTableTests {
    struct Case: Sendable, CustomStringConvertible {
        var kind: FormKind
        var field: String
        var text: String
        var change: @Sendable (inout Record) -> Void
        var description: String { "\(kind) \(field)=\(text)" }
    }

    static func coaching(_ f: @escaping @Sendable (inout CoachingEngagement) -> Void) -> @Sendable (inout Record) -> Void {
        { r in if case .coaching(var e) = r { f(&e); r = .coaching(e) } }
    }
    static func mentoring(_ f: @escaping @Sendable (inout MentoringRelationship) -> Void) -> @Sendable (inout Record) -> Void {
        { r in if case .mentoring(var m) = r { f(&m); r = .mentoring(m) } }
    }
    static func person(_ f: @escaping @Sendable (inout Person) -> Void) -> @Sendable (inout Record) -> Void {
        { r in if case .person(var p) = r { f(&p); r = .person(p) } }
    }

    static let e = FormKind.editEngagement(Fixture.pitching.id)
    static let m = FormKind.editRelationship(Fixture.mentoring.id)
    static let p = FormKind.editPerson(Fixture.ana.id)

    static let cases: [Case] = [
        Case(kind: e, field: "cadence", text: "0", change: coaching { $0.cadenceDays = 0 }),
        Case(kind: e, field: "cadence", text: "365", change: coaching { $0.cadenceDays = 365 }),
        Case(kind: e, field: "cadence", text: "366", change: coaching { $0.cadenceDays = 366 }),
        Case(kind: e, field: "planned", text: "200", change: coaching { $0.plannedSessions = 200 }),
        Case(kind: e, field: "planned", text: "201", change: coaching { $0.plannedSessions = 201 }),
        Case(kind: e, field: "deadline", text: "2026-10-29", change: coaching { $0.deadline = Day(iso: "2026-10-29")! }),
        Case(kind: e, field: "deadline", text: "2026-12-31", change: coaching { $0.deadline = Day(iso: "2026-12-31")! }),
        Case(kind: e, field: "focus", text: "", change: coaching { $0.focus = "" }),
        Case(kind: m, field: "cadence", text: "0", change: mentoring { $0.cadenceDays = 0 }),
        Case(kind: m, field: "cadence", text: "30", change: mentoring { $0.cadenceDays = 30 }),
        Case(kind: m, field: "cadence", text: "366", change: mentoring { $0.cadenceDays = 366 }),
        Case(kind: p, field: "capacity", text: "10", change: person { $0.mentoringCapacity = 10 }),
        Case(kind: p, field: "capacity", text: "11", change: person { $0.mentoringCapacity = 11 }),
        Case(kind: p, field: "name", text: "", change: person { $0.name = "" }),
    ]

    static func problems(_ r: Record) -> [Problem] {
        switch r {
        case .coaching(let e): Validation.problems(in: e, today: Fixture.today)
        case .mentoring(let m): Validation.problems(in: m, today: Fixture.today)
        case .person(let p): Validation.problems(in: p)
        case .assessment(let a): Validation.problems(in: a)
        }
    }

    @Test("a form refuses exactly what the core flags, at that field", arguments: cases)
    func agree(_ c: Case) throws {
        let s = Fixture.state(Fixture.tiny)
        var form = try #require(Editing.makeForm(c.kind, s))
        let i = try #require(form.fields.firstIndex { $0.id == c.field })
        form.fields[i].setText(c.text)
        let built = RecordForms.build(form, in: s.data, names: s.rows.people, today: s.today, makeID: s.makeID)
        let ref: RecordRef
        switch c.kind {
        case .editEngagement(let id): ref = RecordRef(kind: .coaching, id: id)
        case .editRelationship(let id): ref = RecordRef(kind: .mentoring, id: id)
        default: ref = RecordRef(kind: .person, id: Fixture.ana.id)
        }
        var record = try #require(s.data.value(of: ref))
        c.change(&record)
        let core = Self.problems(record)
        switch built {
        case .success(let change):
            #expect(core.isEmpty, "the form took what the core flags: \(core)")
            #expect(change.after == record)
        case .failure(let errors):
            #expect(!core.isEmpty, "the form refused what the core takes: \(errors.fields)")
            #expect(errors.fields[c.field] != nil, "not at \(c.field): \(errors.fields)")
        }
    }
}
