import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

extension Fixture {
    /// `tiny` with closed records beside the open ones: a completed engagement (closed 5 days
    /// ago), a cancelled one (40 days ago), one completed in a file that never recorded when
    /// (listed last), a closed relationship (20 days ago) and a paused one (not in the archive).
    static let workshops = CoachingEngagement(
        id: id(401), coacheeID: chloe.id, coach: .external("Dana Reyes"), focus: "Client workshops",
        objectives: [Objective(id: id(411), text: "Run a workshop alone", doneOn: today.adding(days: -9))],
        start: today.adding(days: -90), deadline: today.adding(days: -2), status: .completed,
        outcome: "Ran two client workshops alone; Chloé now leads them.", closedOn: today.adding(days: -5),
        history: [StatusChange(date: today.adding(days: -5), status: .completed, from: .active,
                               note: "Ran two client workshops alone; Chloé now leads them.")])
    static let budget = CoachingEngagement(
        id: id(402), coacheeID: ben.id, coach: .person(ana.id), focus: "Budget talks", objectives: [],
        start: today.adding(days: -120), deadline: today.adding(days: -30), status: .cancelled,
        outcome: "Stopped: Ben moved to the Paris account.", closedOn: today.adding(days: -40),
        history: [StatusChange(date: today.adding(days: -40), status: .cancelled, from: .active, note: "Stopped: Ben moved to the Paris account.")])
    static let oldFile = CoachingEngagement(
        id: id(403), coacheeID: ana.id, coach: .person(ben.id), focus: "Typography basics", objectives: [],
        start: today.adding(days: -400), deadline: today.adding(days: -300), status: .completed)
    static let closedPair = MentoringRelationship(
        id: id(501), mentorID: ana.id, menteeID: ben.id, start: today.adding(days: -200), cadenceDays: 21, status: .closed,
        history: [StatusChange(date: today.adding(days: -20), status: .closed, from: .active, note: "Ben joined a peer group instead.")],
        focusAreas: ["craft"], outcome: "Ben joined a peer group instead.", closedOn: today.adding(days: -20))
    static let pausedPair = MentoringRelationship(
        id: id(502), mentorID: chloe.id, menteeID: ana.id, start: today.adding(days: -60), cadenceDays: 14, status: .paused,
        history: [StatusChange(date: today.adding(days: -10), status: .paused, from: .active, note: "Ana on leave")],
        focusAreas: ["strategy"], pausedOn: today.adding(days: -10))

    static let closedTiny = Snapshot(agency: Agency(name: "Small Studio"), people: [ana, ben, chloe],
                                     engagements: [pitching, workshops, budget, oldFile],
                                     relationships: [mentoring, closedPair, pausedPair])
}

/// The closing dialog (`a`): each way to end, the date and outcome rules, cancel, undo.
@Suite("Closing dialog")
struct ClosingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Keys from the dashboard to the open dialog.
        var open: [Key]
        /// Spaces on the choice field (0 = the first choice).
        var turns: Int
        var text: String
        var expected: @Sendable (Day) -> Record
        var testDescription: String { name }
    }

    static let today = Fixture.today

    static let cases: [Case] = [
        Case(name: "an engagement completed", open: [.char("a")], turns: 0, text: "Won two pitches alone", expected: { d in
            .coaching(try! Lifecycle.close(Fixture.pitching, as: .completed, on: d, outcome: "Won two pitches alone", today: d).get())
        }),
        Case(name: "an engagement cancelled", open: [.char("a")], turns: 1, text: "Ana left for another studio", expected: { d in
            .coaching(try! Lifecycle.close(Fixture.pitching, as: .cancelled, on: d, outcome: "Ana left for another studio", today: d).get())
        }),
        Case(name: "an engagement put on hold, with no note", open: [.char("a")], turns: 2, text: "", expected: { d in
            .coaching(try! Lifecycle.setStatus(Fixture.pitching, to: .onHold, on: d, today: d).get())
        }),
        Case(name: "a relationship paused, with no note", open: [.tab, .char("a")], turns: 0, text: "", expected: { d in
            .mentoring(try! Lifecycle.pause(Fixture.mentoring, on: d, today: d).get())
        }),
        Case(name: "a relationship closed", open: [.tab, .char("a")], turns: 1, text: "Chloé runs workshops now", expected: { d in
            .mentoring(try! Lifecycle.close(Fixture.mentoring, on: d, outcome: "Chloé runs workshops now", today: d).get())
        }),
    ]

    /// Chooses, types and saves: the first effect saves what `Lifecycle` makes.
    static func close(_ s: inout AppState, _ c: Case) -> [Effect] {
        press(&s, c.open)
        #expect(s.keyContext == .closing)
        #expect(s.closing?.fields[s.closing!.focus].id == "outcome", "the outcome has the focus first")
        press(&s, .backTab, .backTab) // on, as
        press(&s, Array(repeating: Key.char(" "), count: c.turns))
        press(&s, .tab, .tab) // on, outcome
        type(&s, c.text)
        return press(&s, .ctrl("s"))
    }

    @Test("each kind of close saves what Lifecycle makes, as one undoable change", arguments: cases)
    func eachKind(_ c: Case) {
        var s = Fixture.state(Fixture.tiny)
        let effects = Self.close(&s, c)
        let expected = c.expected(Self.today)
        #expect(effects == [.save(expected, force: false)])
        #expect(s.stack == [.dashboard])
        #expect(s.undoStack.count == 1)
        #expect(s.status?.text.contains("u undoes") == true)
        // u puts the record back as it was.
        let before = Fixture.tiny.value(of: expected.ref)
        #expect(press(&s, .char("u")) == [.save(before!, force: false)])
        #expect(s.data == Fixture.tiny)
    }

    @Test("a completed engagement holds status, closedOn, outcome and a history entry")
    func completedFields() throws {
        var s = Fixture.state(Fixture.tiny)
        let effects = Self.close(&s, Self.cases[0])
        guard case .save(.coaching(let e), _)? = effects.first else { Issue.record("no save"); return }
        #expect(e.status == .completed && e.closedOn == Self.today && e.outcome == "Won two pitches alone")
        #expect(e.history == [StatusChange(date: Self.today, status: .completed, from: .active, note: "Won two pitches alone")])
        #expect(s.rows.coaching.isEmpty, "the dashboard no longer lists it")
        #expect(s.archiveRows.map(\.ref) == [Fixture.pitchingRef], "the archive does")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var date: String
        var outcome: String
        var field: String
        var message: String
        var testDescription: String { "\(date) / \"\(outcome)\" → \(field)" }
    }

    static let bad: [Bad] = [
        Bad(date: "2026-13-01", outcome: "Fine", field: "date", message: "is not a date"),
        Bad(date: "", outcome: "Fine", field: "date", message: "no date given"),
        Bad(date: "tomorrow", outcome: "Fine", field: "date", message: "in the future"),
        Bad(date: "-31d", outcome: "Fine", field: "date", message: "before the start"),
        Bad(date: "today", outcome: "  ", field: "outcome", message: "say in a sentence what came of it"),
    ]

    @Test("a bad date or an empty outcome keeps the dialog and marks the field", arguments: bad)
    func refused(_ b: Bad) throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"))
        press(&s, .backTab) // on
        press(&s, .home, .ctrl("k"))
        type(&s, b.date)
        press(&s, .tab)
        type(&s, b.outcome)
        #expect(press(&s, .ctrl("s")).isEmpty)
        let c = try #require(s.closing)
        #expect(c.errors[b.field]?.contains(b.message) == true, "\(c.errors)")
        #expect(c.fields[c.focus].id == b.field, "the marked field has the focus")
        #expect(s.status?.kind == .error)
        #expect(s.data == Fixture.tiny && s.undoStack.isEmpty)
        #expect(c.text("outcome") == b.outcome, "what was typed stays")
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("✗ "))
    }

    @Test("the date is editable: a day in the past is kept as the closing day")
    func pastDate() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"), .backTab, .home, .ctrl("k"))
        type(&s, "-3d")
        press(&s, .tab)
        type(&s, "Done early")
        guard case .save(.coaching(let e), _)? = press(&s, .ctrl("s")).first else { Issue.record("no save"); return }
        #expect(e.closedOn == Self.today.adding(days: -3))
    }

    @Test("Esc closes an untouched dialog; with text it asks, n keeps the text, y discards")
    func cancel() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"), .escape)
        #expect(s.stack == [.dashboard])
        press(&s, .char("a"))
        type(&s, "half")
        press(&s, .escape)
        #expect(s.confirm?.purpose == .discardClosing)
        press(&s, .char("n"))
        #expect(s.closing?.text("outcome") == "half")
        press(&s, .escape, .char("y"))
        #expect(s.stack == [.dashboard])
        #expect(s.data == Fixture.tiny)
    }

    @Test("a paused pair offers resume or close; resume needs no note")
    func pausedPair() {
        var s = Fixture.state(Fixture.closedTiny)
        s.push(.detail(DetailState(ref: RecordRef(kind: .mentoring, id: Fixture.pausedPair.id))))
        press(&s, .char("a"))
        #expect(s.closing?.choices == [.resumed, .closed])
        #expect(s.closing?.outcomeLabel == "note")
        let resumed = try! Lifecycle.resume(Fixture.pausedPair, on: Fixture.today, today: Fixture.today).get()
        #expect(press(&s, .ctrl("s")) == [.save(.mentoring(resumed), force: false)])
        #expect(s.screen == .detail(RecordRef(kind: .mentoring, id: Fixture.pausedPair.id)), "the detail stays to show it")
        #expect(resumed.history.count == 2, "the pause stays in the history")
    }

    @Test("an engagement on hold offers resume, complete or cancel; R resumes it too")
    func onHold() {
        var data = Fixture.tiny
        let held = try! Lifecycle.setStatus(Fixture.pitching, to: .onHold, on: Fixture.today.adding(days: -3), today: Fixture.today).get()
        data.engagements = [held]
        var s = Fixture.state(data)
        s.push(.detail(DetailState(ref: Fixture.pitchingRef)))
        #expect(AppView.render(s, theme: .monochrome).text.contains("on hold  a resumes or closes it"))
        press(&s, .char("a"))
        #expect(s.closing?.choices == [.resumed, .completed, .cancelled])
        type(&s, "Back from leave")
        let resumed = try! Lifecycle.setStatus(held, to: .active, on: Fixture.today, note: "Back from leave", today: Fixture.today).get()
        #expect(press(&s, .ctrl("s")) == [.save(.coaching(resumed), force: false)])
        press(&s, .char("u"))
        #expect(press(&s, .char("R")) == [.save(.coaching(try! Lifecycle.setStatus(held, to: .active, on: Fixture.today, today: Fixture.today).get()), force: false)])
        #expect(s.status?.text == "Resumed Ana Lima's engagement · u undoes")
    }

    @Test("R in a paused pair's detail resumes it today")
    func resumeByR() {
        var s = Fixture.state(Fixture.closedTiny)
        s.push(.detail(DetailState(ref: RecordRef(kind: .mentoring, id: Fixture.pausedPair.id))))
        let resumed = try! Lifecycle.resume(Fixture.pausedPair, on: Fixture.today, today: Fixture.today).get()
        #expect(press(&s, .char("R")) == [.save(.mentoring(resumed), force: false)])
        #expect(s.status?.text == "Resumed the mentoring of Ana Lima · u undoes")
    }

    @Test("on a closed record, a, l and R say what applies")
    func closedRecordKeys() {
        var s = Fixture.state(Fixture.closedTiny)
        s.push(.detail(DetailState(ref: RecordRef(kind: .coaching, id: Fixture.workshops.id))))
        #expect(press(&s, .char("a")).isEmpty)
        #expect(s.status?.text == "completed on 24 Nov — reopen it first (R)")
        #expect(press(&s, .char("l")).isEmpty)
        #expect(s.status?.text == "l: completed on 24 Nov — reopen it first (R)")
        #expect(s.keyContext == .detail)
        s.switchTo(.dashboard)
        #expect(press(&s, .char("R")).isEmpty)
        #expect(s.status?.text.contains("not here") == true, "R is the detail's and the archive's key")
    }

    @Test("read-only: Ctrl-S in an open dialog is refused with the reason")
    func readOnlySave() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"))
        type(&s, "Done")
        s.readOnlyReason = "another dashboard holds the lock"
        #expect(press(&s, .ctrl("s")).isEmpty)
        #expect(s.status?.text == "Read-only: another dashboard holds the lock")
        #expect(s.closing?.text("outcome") == "Done")
    }
}

/// What the dialog shows a leader before they write the outcome.
@Suite("Closing dialog views")
struct ClosingViewTests {
    static func metricData() -> Snapshot {
        var data = Fixture.tiny
        data.engagements[0].metrics.append(Metric(id: Fixture.id(222), name: "Deck slides", unit: "", baseline: 30, target: 10,
                                                  direction: .lowerIsBetter,
                                                  readings: [Reading(date: Fixture.today.adding(days: -10), value: 9, sessionID: Fixture.id(231))]))
        data.engagements[0].objectives[0].doneOn = Fixture.today.adding(days: -4)
        return data
    }

    @Test("the coaching dialog shows each metric's baseline → final against the target and the open objectives",
          arguments: [(80, 24), (120, 40)])
    func coaching(_ w: Int, _ h: Int) throws {
        var s = Fixture.state(Self.metricData(), width: w, height: h)
        press(&s, .char("a"))
        let buf = AppView.render(s, theme: .monochrome)
        let text = buf.text
        #expect(text.contains("Close · Ana Lima · Pitching to clients"))
        #expect(text.contains(" completed ") && text.contains(" cancelled "))
        #expect(text.contains(Fixture.today.iso), "today by default")
        #expect(text.contains("Metrics  1 of 2 reached the target"))
        let win = try #require(buf.lines.first { $0.contains("Win rate") })
        #expect(win.contains("20% → 30%  target 40%  ✗ not reached (50% of the way)"))
        let deck = try #require(buf.lines.first { $0.contains("Deck slides") })
        #expect(deck.contains("30 → 9  target 10  ✓ reached"))
        #expect(text.contains("Objectives  1 of 2 done, 1 still open"))
        #expect(text.contains("[ ] Cut the deck to 10 slides"))
        #expect(text.contains("1 session ·") && !text.contains("1 sessions"))
        #expect(text.contains("Ctrl-S save"))
        #expect(text.contains("last session 19 Nov: Reviewed the Acme deck"), "what was last said")
        #expect(rowIndex(of: "Close · Ana", in: buf)! < rowIndex(of: "Metrics", in: buf)!)
    }

    @Test("the mentoring dialog shows the rhythm and the goals", arguments: [(80, 24), (120, 40)])
    func mentoring(_ w: Int, _ h: Int) {
        var s = Fixture.state(Fixture.tiny, width: w, height: h)
        press(&s, .tab, .char("a"))
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("Pause or close · Ben Okafor → Chloé Dubois"))
        #expect(text.contains(" pause ") && text.contains(" close "))
        #expect(text.contains("every 14 days"))
        #expect(text.contains("last session 22 Nov: Talked about workshops"))
        #expect(text.contains("Goals  0 of 1 achieved"))
        #expect(text.contains("[ ] Run a workshop"))
        #expect(text.contains("why it pauses"), "the note's hint for a pause")
    }

    @Test("a dialog with more facts than room says how many more, and keeps its keys line")
    func overflow() {
        var data = Fixture.tiny
        data.engagements[0].objectives = (0..<30).map { Objective(id: Fixture.id(600 + $0), text: "Objective \($0)") }
        var s = Fixture.state(data, width: 80, height: 24)
        press(&s, .char("a"))
        let buf = AppView.render(s, theme: .monochrome)
        #expect(buf.text.contains("more lines: the record's detail has them all"))
        #expect(buf.text.contains("Ctrl-S save"))
        #expect(buf.lines[23].contains("Ctrl-S save"), "the footer stays visible under the dialog")
    }

    @Test("the detail shows the closing, the outcome and the history, pauses and resumptions included")
    func detailStatus() {
        var r = Fixture.mentoring
        r = try! Lifecycle.pause(r, on: Fixture.today.adding(days: -20), note: "Chloé on leave", today: Fixture.today).get()
        r = try! Lifecycle.resume(r, on: Fixture.today.adding(days: -10), today: Fixture.today).get()
        r = try! Lifecycle.close(r, on: Fixture.today.adding(days: -2), outcome: "Chloé runs workshops now", today: Fixture.today).get()
        var data = Fixture.tiny
        data.relationships = [r]
        var s = Fixture.state(data, width: 120, height: 40)
        s.push(.detail(DetailState(ref: Fixture.mentoringRef)))
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("closed on Fri 27 Nov 2026  R reopens it"))
        #expect(text.contains("outcome Chloé runs workshops now"))
        #expect(text.contains("2026-11-09  paused — Chloé on leave"))
        #expect(text.contains("2026-11-19  resumed"))
        #expect(text.contains("2026-11-27  closed (the outcome above)"))
    }
}

/// Nothing typed in the dialog is lost when the program ends with it open.
@Suite("Closing drafts")
struct ClosingDraftTests {
    @Test("Ctrl-C with text in the dialog keeps it as a draft; the next a on that record restores it, and saving deletes it")
    func roundTrip() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"), .backTab, .backTab, .char(" "))
        press(&s, .tab, .tab)
        type(&s, "Ana left for another studio")
        let effects = press(&s, .ctrl("c"))
        guard case .saveClosingDraft(let draft)? = effects.first else { Issue.record("no draft: \(effects)"); return }
        #expect(effects.last == .quit)
        #expect(draft.choice == "cancelled" && draft.outcome == "Ana left for another studio" && draft.date == Fixture.today.iso)
        // It reads back as a closing draft and not as a form's.
        let data = try JSONEncoder().encode(draft)
        #expect(try JSONDecoder().decode(ClosingDraft.self, from: data) == draft)
        #expect((try? JSONDecoder().decode(FormDraft.self, from: data)) == nil)

        var next = Fixture.state(Fixture.tiny)
        next.closingDrafts = [draft]
        _ = update(&next, .started)
        let c = try #require(next.closing, "the draft comes back at start-up")
        #expect(c.choice == .cancelled && c.text("outcome") == "Ana left for another studio")
        #expect(next.status?.text.contains("Restored your unsaved closing") == true)
        let saved = press(&next, .ctrl("s"))
        #expect(saved.last == .deleteDraft(name: draft.name))
        guard case .save(.coaching(let e), _)? = saved.first else { Issue.record("no save"); return }
        #expect(e.status == .cancelled && e.outcome == "Ana left for another studio")
    }

    @Test("an untouched dialog leaves no draft; discarding a restored one deletes it")
    func noDraftAndDiscard() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"))
        #expect(press(&s, .ctrl("c")) == [.quit])
        var t = Fixture.state(Fixture.tiny)
        press(&t, .char("a"))
        type(&t, "x")
        guard case .saveClosingDraft(let draft)? = update(&t, .terminate).first else { Issue.record("no draft"); return }
        var next = Fixture.state(Fixture.tiny)
        next.closingDrafts = [draft]
        press(&next, .char("a"), .escape)
        #expect(next.confirm?.purpose == .discardClosing)
        #expect(press(&next, .char("y")) == [.deleteDraft(name: draft.name)])
        #expect(next.stack == [.dashboard])
    }
}
