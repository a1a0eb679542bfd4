import Foundation
import Testing
@testable import TandemApp
import TandemCore
import TerminalUI

/// The people picker of the forms: typing, Enter or Ctrl-T in a people field opens it; the
/// mentor's is the ranking for the mentee; a pick keeps the person's id; typing that names
/// nobody is kept and marked, never saved.
@Suite("People picker")
struct PickerTests {
    /// `tiny` with a senior who has room (Dana), two people called Sam Reed, and Ben full.
    static let dana = Person(id: Fixture.id(104), name: "Dana Scully", role: "Strategy Lead", team: "strategy", level: .senior,
                             expertise: ["workshops"], mentoringCapacity: 2)
    static let samA = Person(id: Fixture.id(105), name: "Sam Reed", role: "Account Lead", team: "accounts", level: .lead, mentoringCapacity: 1)
    static let samB = Person(id: Fixture.id(106), name: "Sam Reed", role: "Media Lead", team: "media", level: .lead, mentoringCapacity: 1)
    static var data: Snapshot {
        var d = Fixture.tiny
        d.people += [dana, samA, samB]
        d.people[2].interests = ["workshops"]  // Chloé
        return d
    }

    static func picker(_ s: AppState) -> PickerState? { if case .picker(let p) = s.top { p } else { nil } }

    @Test("the mentor picker is the ranking for the mentee: reasons on each, those at capacity last and marked")
    func rankedMentors() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("m"))
        type(&s, "chlo")
        press(&s, .enter)
        #expect(s.form?.fields.first { $0.id == "mentee" }?.personID == Fixture.chloe.id)
        press(&s, .enter) // an empty mentor field: Enter opens the ranking
        let p = try #require(Self.picker(s))
        let ranking = MentorMatch.candidates(for: Fixture.chloe.id, in: s.data)
        #expect(p.title == "Mentors for Chloé Dubois, best first")
        #expect(p.items.map(\.personID) == ranking.map(\.person.id))
        #expect(p.items.map(\.reasons) == ranking.map(\.reasons), "every reason travels with its candidate")
        #expect(p.items.first?.label == "Dana Scully", "expertise in Chloé's interest and room: first")
        // Ana (capacity 0) and Ben (mentors Chloé, capacity 1) are full: last, and marked.
        let full = ranking.filter(\.atCapacity).map(\.person.id)
        #expect(Set(full) == [Fixture.ana.id, Fixture.ben.id])
        #expect(Array(p.items.suffix(2).map(\.personID)) == full)
        #expect(p.items.suffix(2).allSatisfy { $0.detail.hasPrefix("AT CAPACITY") })
        #expect(!p.items.prefix(p.items.count - 2).contains { $0.detail.hasPrefix("AT CAPACITY") })
        // The view shows the reasons of the selected one under the list.
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("Why Dana Scully:") && text.contains("expertise in workshops (+3)"))
        #expect(text.contains("AT CAPACITY"))
    }

    @Test("typing filters, Enter picks, the field shows the name and keeps the id, even when two share it")
    func sameName() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("m"))
        type(&s, "chloé")
        press(&s, .tab)
        type(&s, "sam")
        let p = try #require(Self.picker(s))
        #expect(p.shown.map(\.label) == ["Sam Reed", "Sam Reed"])
        let second = try #require(p.shown[safe: 1]?.personID)
        press(&s, .down, .enter)
        #expect(s.keyContext == .form)
        #expect(s.form?.text("mentor") == "Sam Reed")
        #expect(s.form?.fields.first { $0.id == "mentor" }?.personID == second)
        #expect(FormTests.focusedID(s) == "start", "a pick goes on to the next field")
        press(&s, .ctrl("s"))
        #expect(s.confirm?.message.contains("already has an active mentor, Ben Okafor") == true)
        let records = saved(press(&s, .char("y")))
        guard case .mentoring(let r)? = records.first?.record else { Issue.record("not saved: \(s.form?.errors ?? [:])"); return }
        #expect(r.mentorID == second, "the person picked, not the first of that name")
        #expect(r.menteeID == Fixture.chloe.id)
    }

    @Test("typing over a picked name makes the field text to resolve again")
    func typingOverAPick() {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("c"))
        type(&s, "ana")
        press(&s, .enter)
        #expect(s.form?.fields[0].personID == Fixture.ana.id)
        press(&s, .backTab, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(s.form?.text("coachee") == "An")
        #expect(s.form?.fields[0].personID == nil, "the text no longer says the person picked")
        press(&s, .enter) // “An” could be Ana or Dana: Enter opens the picker, filtered by the text
        #expect(Self.picker(s)?.filter.text == "An")
        #expect(Self.picker(s)?.shown.map(\.personID) == [Fixture.ana.id, Self.dana.id])
        press(&s, .down, .enter)
        #expect(s.form?.text("coachee") == "Dana Scully" && s.form?.fields[0].personID == Self.dana.id)
        // A picked field takes Enter as the next field.
        press(&s, .backTab, .enter)
        #expect(s.keyContext == .form && FormTests.focusedID(s) == "coach")
        // An emptied field opens the whole list on Enter.
        press(&s, .backTab, .ctrl("u"), .enter)
        #expect(Self.picker(s)?.filter.text == "" && Self.picker(s)?.shown.count == 6)
    }

    @Test("the coach picker takes external: Name as a choice; anything else must be a person")
    func externalCoach() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("c"))
        type(&s, "ana")
        press(&s, .tab)
        type(&s, "external: Dana Coach")
        let p = try #require(Self.picker(s))
        #expect(p.title == "Coach · or type external: Name")
        #expect(p.shown.map(\.label) == ["external: Dana Coach"])
        press(&s, .enter)
        #expect(s.form?.text("coach") == "external: Dana Coach")
        type(&s, "Pitching")
        let records = saved(press(&s, .ctrl("s")))
        guard case .coaching(let e)? = records.first?.record else { Issue.record("not saved: \(s.form?.errors ?? [:])"); return }
        #expect(e.coach == .external("Dana Coach") && e.coacheeID == Fixture.ana.id)
    }

    @Test("the person form's manager is picked the same way")
    func managerPicker() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("p"))
        type(&s, "Eve Moss")
        for _ in 0..<8 { press(&s, .tab) }
        #expect(FormTests.focusedID(s) == "manager")
        type(&s, "dana")
        #expect(Self.picker(s)?.title == "Manager")
        press(&s, .enter)
        let records = saved(press(&s, .ctrl("s")))
        guard case .person(let p)? = records.first?.record else { Issue.record("not saved: \(s.form?.errors ?? [:])"); return }
        #expect(p.name == "Eve Moss" && p.managerID == Self.dana.id)
    }

    @Test("a name pasted into a people field is the picker's filter")
    func paste() {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("m"))
        _ = update(&s, .pasted("Dana Scully\n"))
        #expect(Self.picker(s)?.filter.text == "Dana Scully")
        #expect(Self.picker(s)?.typed == true)
        press(&s, .enter)
        #expect(s.form?.fields.first { $0.id == "mentee" }?.personID == Self.dana.id)
    }

    @Test("a draft keeps the person picked, and a restored form is that person again")
    func draftKeepsThePick() throws {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("m"), .char("c"), .enter, .char("s"), .down)
        let second = try #require(Self.picker(s)?.shown[safe: 1]?.personID)
        press(&s, .enter)
        let form = try #require(s.form)
        let d = draft(of: form, today: s.today)
        #expect(d.people == ["mentee": Fixture.chloe.id, "mentor": second])
        let json = try JSONEncoder().encode(d)
        let back = try JSONDecoder().decode(FormDraft.self, from: json)
        var t = Fixture.state(Self.data)
        t.drafts = [back]
        Editing.resumeDraft(&t)
        #expect(t.form?.fields.first { $0.id == "mentor" }?.personID == second)
        // An older draft without people still restores its text.
        var old = back
        old.people = nil
        var u = Fixture.state(Self.data)
        u.drafts = [old]
        Editing.resumeDraft(&u)
        #expect(u.form?.text("mentor") == "Sam Reed" && u.form?.fields.first { $0.id == "mentor" }?.personID == nil)
    }

    @Test("Ctrl-T shows in the footer only where it picks")
    func footer() {
        var s = Fixture.state(Self.data)
        press(&s, .char("n"), .char("c"))
        #expect(!s.hiddenHints.contains(.pick), "coachee: a people field")
        press(&s, .tab, .tab)
        #expect(s.hiddenHints.contains(.pick), "focus: free text")
    }
}

@Suite("Continuing as mentoring when an engagement completes")
struct ContinuationOfferTests {
    static func completing(_ data: Snapshot) -> AppState {
        var s = Fixture.state(data)
        press(&s, .char("a"))
        type(&s, "Won two pitches alone")
        press(&s, .ctrl("s"))
        return s
    }

    static var roomy: Snapshot {
        var d = Fixture.tiny
        d.people[1].mentoringCapacity = 3  // Ben has room for Ana
        return d
    }

    @Test("after the close is saved, y continues: the linked relationship, its form with the mentor suggestions")
    func yesContinues() throws {
        var s = Self.completing(Self.roomy)
        #expect(s.data.engagements[0].status == .completed, "the close is saved first")
        let q = try #require(s.confirm)
        #expect(q.purpose == .continueAsMentoring(Fixture.pitchingRef))
        #expect(q.message.contains("Ana Lima's growth") && q.message.contains("Ben Okafor") && q.message.contains("“Pitching to clients”"))
        #expect(q.message.contains("2 open objectives"))
        let effects = press(&s, .char("y"))
        let r = try #require(s.data.relationships.first { $0.continuesEngagementID == Fixture.pitching.id })
        #expect(effects == [.save(.mentoring(r), force: false)])
        #expect(r.menteeID == Fixture.ana.id && r.mentorID == Fixture.ben.id)
        #expect(r.goals.map(\.text) == ["Pitching to clients", "Lead one pitch alone", "Cut the deck to 10 slides"])
        #expect(s.form?.kind == .editRelationship(r.id))
        guard case .picker(let p) = s.top else { Issue.record("the mentor suggestions are not open"); return }
        #expect(p.fieldID == "mentor" && p.title == "Mentors for Ana Lima, best first")
        // u takes back the continuation, then the close.
        press(&s, .escape, .escape, .char("u"))
        #expect(s.data.relationships.count == 1)
        press(&s, .char("u"))
        #expect(s.data.engagements[0].status == .active)
    }

    @Test("n leaves it: nothing more is saved, the status says how to continue later")
    func noLeavesIt() throws {
        var s = Self.completing(Self.roomy)
        #expect(s.confirm != nil)
        #expect(press(&s, .char("n")).isEmpty)
        #expect(s.stack == [.dashboard])
        #expect(s.data.relationships.count == 1)
        #expect(s.status?.text.contains("M on the engagement's detail") == true)
    }

    @Test("not offered for a cancelled engagement, nor when nobody has room (the status says so)")
    func notOffered() {
        var s = Self.completing(Fixture.tiny)  // Ben mentors Chloé with a capacity of 1: full
        #expect(s.stack == [.dashboard])
        #expect(s.status?.text.contains("nobody has room to mentor Ana Lima") == true)
        var t = Fixture.state(Self.roomy)
        press(&t, .char("a"), .backTab, .backTab, .char(" "), .tab, .tab)
        type(&t, "Ana left")
        press(&t, .ctrl("s"))
        #expect(t.data.engagements[0].status == .cancelled)
        #expect(t.stack == [.dashboard])
    }
}

@Suite("Assessment and brief from more places")
struct DecideKeysTests {
    @Test("A on a person's screen starts their assessment")
    func assessOnPersonScreen() {
        var s = Fixture.state(Fixture.tiny)
        s.switchTo(.people)
        press(&s, .down)
        let id = s.roster.selectedID!
        press(&s, .enter)
        #expect(s.keyContext == .person)
        press(&s, .char("A"))
        guard case .assessment(let a) = s.top else { Issue.record("no assessment"); return }
        #expect(a.personID == id)
        #expect(Keymap.standard.action(for: .char("A"), in: .person) == .assess)
    }

    @Test("b on a record in the dashboard's lists shows its prep brief")
    func briefFromTheList() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("b"))
        guard case .brief(let b) = s.top else { Issue.record("no brief"); return }
        #expect(b.ref == Fixture.pitchingRef)
        press(&s, .escape, .tab, .char("b"))
        guard case .brief(let m) = s.top else { Issue.record("no brief"); return }
        #expect(m.ref == Fixture.mentoringRef)
    }
}
