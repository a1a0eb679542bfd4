import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Undo and redo, save results, conflicts, read-only, done marks and archiving.
@Suite("Changes")
struct ChangeTests {
    /// The tiny agency after logging "Went well" on the engagement through the form.
    static func logged() -> (AppState, CoachingEngagement) {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "Went well")
        press(&s, .ctrl("s"))
        return (s, s.data.engagements[0])
    }

    @Test("u after a log saves the record without the session; Ctrl-R saves it with it again")
    func undoRedo() {
        var (s, after) = Self.logged()
        #expect(after.sessions.count == 2)
        #expect(press(&s, .char("u")) == [.save(.coaching(Fixture.pitching), force: false)])
        #expect(s.data.engagements == [Fixture.pitching])
        #expect(s.status?.text.hasPrefix("Undid: Logged 50 min session") == true)
        #expect(press(&s, .ctrl("r")) == [.save(.coaching(after), force: false)])
        #expect(s.data.engagements == [after])
        #expect(s.status?.text.hasPrefix("Redid: Logged 50 min session") == true)
        // Nothing left to redo.
        #expect(press(&s, .ctrl("r")).isEmpty)
        #expect(s.status?.text == "Nothing to redo")
    }

    @Test("u with nothing to undo says so")
    func nothingToUndo() {
        var s = Fixture.state(Fixture.tiny)
        #expect(press(&s, .char("u")).isEmpty)
        #expect(s.status?.text == "Nothing to undo")
    }

    @Test("undoing a new person deletes its file")
    func undoCreation() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("p"))
        type(&s, "Dana Scully")
        press(&s, .ctrl("s"))
        let ref = RecordRef(kind: .person, id: Fixture.id(1))
        #expect(press(&s, .char("u")) == [.delete(ref)])
        #expect(s.data.people.count == 3)
        #expect(update(&s, .deleteFinished(ref)).isEmpty)
        #expect(s.status?.text == "Saved: Undid: Added Dana Scully")
    }

    @Test(".saveFinished records the file and says “Saved: …”; a stray one changes no status")
    func saveFinished() {
        var (s, _) = Self.logged()
        #expect(update(&s, .saveFinished(Fixture.pitchingRef, file: "coaching/ana-lima-00000000.json")).isEmpty)
        #expect(s.status?.kind == .ok)
        #expect(s.status?.text.hasPrefix("Saved: Logged") == true && s.status?.text.hasSuffix("for Ana Lima") == true)
        #expect(s.files[Fixture.pitchingRef] == "coaching/ana-lima-00000000.json")
        #expect(s.pending.isEmpty)

        s.status = nil
        _ = update(&s, .saveFinished(Fixture.pitchingRef, file: "coaching/ana-lima-00000000.json"))
        #expect(s.status == nil)
    }

    @Test("a failed save keeps the change on screen, unsaved, for :w (nothing typed is thrown away)")
    func saveFailed() {
        var (s, after) = Self.logged()
        let undo = s.undoStack
        _ = update(&s, .saveFailed(Fixture.pitchingRef, message: "disk full", conflict: false, attempted: .coaching(after)))
        #expect(s.data.engagements.first { $0.id == after.id } == after)
        #expect(s.unsaved == [Fixture.pitchingRef])
        #expect(s.undoStack == undo, "u can still take the change back")
        #expect(s.pending.isEmpty)
        #expect(s.status?.kind == .error)
        #expect(s.status?.text == "Not saved, kept on screen, unsaved (Logged 50 min session on 2026-11-29 for Ana Lima): "
                + ":w saves it again; q will not quit until it is saved. Why: disk full",
                "\(s.status?.text ?? "")")
        #expect(s.confirm == nil)
    }

    @Test("a failed removal (the undo of a creation) still puts back what the disk holds")
    func deleteFailed() {
        var s = Fixture.state(Fixture.tiny)
        let ref = Fixture.pitchingRef
        let before = s.data
        s.pending[ref] = Change(label: "Undid: Added it", before: s.data.value(of: ref), after: nil)
        s.data.put(nil, for: ref)
        _ = update(&s, .saveFailed(ref, message: "disk full", conflict: false, attempted: nil))
        #expect(s.data == before)
        #expect(s.status == Status("Not saved: disk full", .error))
    }

    @Test("a conflicting save keeps the on-screen version and opens the per-field choice; Esc leaves it unsaved")
    func conflict() {
        var (s, after) = Self.logged()
        var mine = after
        mine.focus = "Mine"
        s.data.put(.coaching(mine), for: Fixture.pitchingRef)
        #expect(update(&s, .saveConflicted(SharingFixture.focusConflict(mine: mine))).isEmpty)
        #expect(s.keyContext == .conflict)
        #expect(s.pending.isEmpty && s.unsaved == [Fixture.pitchingRef])
        #expect(s.data.engagements == [mine], "memory keeps the on-screen version")
        press(&s, .escape)
        #expect(s.stack == [.dashboard])
        #expect(s.data.engagements == [mine])
        #expect(s.status?.text.contains("stays on screen, unsaved") == true)
        #expect(s.undoStack.count == 1, "the change can still be undone")
    }

    static let readOnlyKeys: [[Key]] = [[.char("l")], [.char("e")], [.char("n")], [.char("u")], [.ctrl("r")], [.char("a")],
                                        [.enter, .char("x")], [.char(":")] + "log ana 45 x".map(Key.char) + [.enter]]

    @Test("read-only refuses changes with a status naming the reason", arguments: readOnlyKeys)
    func readOnly(_ keys: [Key]) {
        var s = Fixture.state(Fixture.tiny, readOnly: "Ana holds the lock (pid 4242 on studio-mac)")
        let effects = keys.flatMap { update(&s, .keyPressed($0)) }
        #expect(effects.isEmpty)
        #expect(s.form == nil && s.confirm == nil)
        #expect(s.status == Status("Read-only: Ana holds the lock (pid 4242 on studio-mac)", .error))
        #expect(s.data == Fixture.tiny)
    }

    @Test("x in the detail marks the selected objective done today, and again reopens it")
    func toggleObjective() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .enter, .char("j"))
        #expect(s.detail?.selected == 1)
        var done = Fixture.pitching
        done.objectives[1].doneOn = Fixture.today
        #expect(press(&s, .char("x")) == [.save(.coaching(done), force: false)])
        #expect(s.status?.text == "Saving: Done: Cut the deck to 10 slides…")
        #expect(press(&s, .char("x")) == [.save(.coaching(Fixture.pitching), force: false)])
        #expect(s.status?.text == "Saving: Reopened: Cut the deck to 10 slides…")
        #expect(s.screen == .detail(Fixture.pitchingRef))
    }

    @Test("x marks a goal achieved in a mentoring detail, and k/j stay inside the items")
    func toggleGoal() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .tab, .enter, .char("k"), .char("j"), .char("j"))
        #expect(s.detail?.selected == 1, "one goal and one session, no action items")
        #expect(press(&s, .char("x")).isEmpty, "x on a session marks nothing")
        #expect(s.status?.text.contains("Enter edits it") == true)
        press(&s, .char("k"))
        var achieved = Fixture.mentoring
        achieved.goals[0].achievedOn = Fixture.today
        #expect(press(&s, .char("x")) == [.save(.mentoring(achieved), force: false)])
    }

    @Test("a opens the closing dialog for an engagement or a relationship, not a yes/no")
    func archiveOpensTheDialog() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("a"))
        #expect(s.closing?.ref == Fixture.pitchingRef && s.closing?.choices == [.completed, .cancelled, .onHold])
        press(&s, .escape, .tab, .enter, .char("a"))
        #expect(s.closing?.ref == Fixture.mentoringRef && s.closing?.choices == [.paused, .closed])
        #expect(s.confirm == nil && s.data == Fixture.tiny)
    }
}
