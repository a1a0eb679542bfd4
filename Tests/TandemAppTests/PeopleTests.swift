import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The people screen and a person's own: leaving, flags, closing a leaver's records, the
/// roster's filter and order, teams in the form, the question before a pairing is saved.
@Suite("People")
struct PeopleTests {
    /// The tiny agency on the people screen with `name` selected.
    static func roster(_ data: Snapshot = Fixture.tiny, selecting name: String, width: Int = 80, height: Int = 24) -> AppState {
        var s = Fixture.state(data, width: width, height: height)
        press(&s, .char("2"))
        let i = s.shownPeople.firstIndex { $0.name == name }!
        press(&s, Array(repeating: Key.char("j"), count: i))
        #expect(s.selectedRecord == RecordRef(kind: .person, id: s.shownPeople[i].id))
        return s
    }

    static func person(_ s: AppState, _ id: UUID) -> Person { s.data.people.first { $0.id == id }! }

    /// Replaces the leaving prompt's text.
    static func retype(_ s: inout AppState, _ text: String) {
        press(&s, .ctrl("u"))
        type(&s, text)
    }

    // MARK: Leaving

    struct LeaveCase: Sendable, CustomTestStringConvertible {
        var typed: String
        /// The day stored, or nil when refused.
        var leftOn: String?
        /// What the prompt says when refused.
        var error: String?
        var testDescription: String { "“\(typed)” → \(leftOn ?? "refused: \(error ?? "")")" }
    }

    static let leaveCases: [LeaveCase] = [
        LeaveCase(typed: "2026-11-03", leftOn: "2026-11-03"),
        LeaveCase(typed: "today", leftOn: "2026-11-29"),
        LeaveCase(typed: "-3d", leftOn: "2026-11-26"),
        LeaveCase(typed: "tomorrow", error: "is in the future"),
        LeaveCase(typed: "+2d", error: "is in the future"),
        LeaveCase(typed: "3rd of Nov", error: "is not a date"),
        LeaveCase(typed: "", error: "no date given"),
    ]

    @Test("a asks the day they left; a day is taken as the date forms take it, a bad one is refused in the prompt with the text kept",
          arguments: leaveCases)
    func leavingDay(_ c: LeaveCase) throws {
        var s = Self.roster(selecting: "Chloé Dubois")
        press(&s, .char("a"))
        let prompt = try #require(s.prompt)
        #expect(prompt.kind == .leftOn(Fixture.chloe.id))
        #expect(prompt.field.text == "2026-11-29", "the prompt opens on today")
        Self.retype(&s, c.typed)
        let effects = press(&s, .enter)
        if let day = c.leftOn {
            #expect(Self.person(s, Fixture.chloe.id).leftOn == Day(iso: day))
            #expect(saved(effects).map(\.record) == [.person(Self.person(s, Fixture.chloe.id))])
            #expect(s.undoStack.last?.label == "Marked Chloé Dubois as having left on \(day)")
        } else {
            #expect(effects.isEmpty)
            #expect(Self.person(s, Fixture.chloe.id).leftOn == nil)
            let error = try #require(s.prompt?.error)
            #expect(error.contains(c.error!), "\(error)")
            #expect(s.prompt?.field.text == c.typed, "what was typed stays")
            type(&s, "x")
            #expect(s.prompt?.error == nil, "typing clears the error")
        }
    }

    @Test("leaving flags the open records and asks, listing them; yes cancels the coaching with the outcome; u undoes step by step")
    func leaveAndClose() throws {
        var s = Self.roster(selecting: "Ana Lima")
        press(&s, .char("a"))
        Self.retype(&s, "2026-11-03")
        press(&s, .enter)
        // Left, with the coaching still open: flagged and asked about.
        #expect(s.rows.leaversWithOpenWork == 1)
        let q = try #require(s.confirm)
        #expect(q.purpose == .closeOpenWork(Fixture.ana.id))
        #expect(q.message.contains("Ana Lima left and has 1 open record:"))
        #expect(q.message.contains("• coaching with Ben Okafor: Pitching to clients (active)"))
        #expect(q.message.contains("“Ana Lima left the agency on 3 Nov 2026”"))
        let effects = press(&s, .char("y"))
        #expect(s.confirm == nil)
        let closed = try #require(s.data.engagements.first { $0.id == Fixture.pitching.id })
        #expect(saved(effects).map(\.record) == [.coaching(closed)])
        #expect(closed.status == .cancelled && closed.closedOn == Day(iso: "2026-11-03"))
        #expect(closed.outcome == "Ana Lima left the agency on 3 Nov 2026")
        #expect(closed.history.last?.note == "Ana Lima left the agency on 3 Nov 2026")
        #expect(closed.sessions == Fixture.pitching.sessions && closed.metrics == Fixture.pitching.metrics)
        #expect(s.rows.leaversWithOpenWork == 0)
        // Each is its own change.
        press(&s, .char("u"))
        #expect(s.data.engagements.first { $0.id == Fixture.pitching.id } == Fixture.pitching)
        #expect(Self.person(s, Fixture.ana.id).leftOn == Day(iso: "2026-11-03"))
        #expect(s.rows.leaversWithOpenWork == 1)
        press(&s, .char("u"))
        #expect(Self.person(s, Fixture.ana.id) == Fixture.ana)
    }

    @Test("no keeps the records open and flagged; c offers them again; the flags show on every screen")
    func flags() throws {
        var s = Self.roster(selecting: "Ben Okafor", width: 120, height: 30)
        press(&s, .char("a"), .enter)
        let q = try #require(s.confirm)
        #expect(q.message.contains("Ben Okafor left and has 2 open records:"))
        #expect(q.message.contains("• coaching of Ana Lima: Pitching to clients (active)"))
        #expect(q.message.contains("• mentoring Ben Okafor → Chloé Dubois (active)"))
        #expect(press(&s, .char("n")).isEmpty)
        #expect(s.stack == [.people])
        #expect(s.data.engagements == Fixture.tiny.engagements && s.data.relationships == Fixture.tiny.relationships)
        // Flagged: the header's count, the roster's row and title, the person screen.
        var text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("⚑ 1 leaver"))
        #expect(text.contains("⚑ 1 left with open work (c closes)"))
        #expect(AppView.render(s, theme: .monochrome).lines.contains { $0.contains("Ben Okafor ⚑ 2 open") })
        press(&s, .enter)
        text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("⚑ left on 2026-11-29 with 2 open records · c closes them"))
        #expect(AppView.render(s, theme: .monochrome).lines.filter { $0.contains("⚑ active") }.count == 2)
        // c asks again from the person screen.
        press(&s, .char("c"))
        #expect(s.confirm?.purpose == .closeOpenWork(Fixture.ben.id))
        let effects = press(&s, .char("y"))
        #expect(saved(effects).count == 2)
        #expect(s.data.relationships[0].status == .closed && s.data.engagements[0].status == .cancelled)
        #expect(s.status?.text.hasPrefix("Closing 2 records of Ben Okafor") == true)
        #expect(!AppView.render(s, theme: .monochrome).text.contains("⚑"))
    }

    @Test("a leaver with many records: the question lists a few and counts the rest, and its answers fit at 60x16")
    func manyRecords() throws {
        var data = Fixture.tiny
        let mentees = (1...12).map { Person(id: Fixture.id(6000 + $0), name: "Mentee \($0)") }
        data.people += mentees
        data.relationships += mentees.enumerated().map { i, p in
            MentoringRelationship(id: Fixture.id(7000 + i), mentorID: Fixture.ben.id, menteeID: p.id, start: Fixture.today.adding(days: -30), cadenceDays: 14)
        }
        var s = Self.roster(data, selecting: "Ben Okafor", width: 60, height: 16)
        press(&s, .char("a"), .enter)
        let q = try #require(s.confirm)
        #expect(q.message.contains("Ben Okafor left and has 14 open records:"))
        #expect(q.message.split(separator: "\n").filter { $0.hasPrefix("• ") }.count == People.listedAtMost - 1)
        #expect(q.message.contains("…and 10 more"))
        let screen = AppView.render(s, theme: .monochrome)
        expectRowsFill(screen)
        #expect(screen.lines.contains { $0.contains("y  close them") && $0.contains("n  keep them open") })
        let effects = press(&s, .char("y"))
        #expect(saved(effects).count == 14)
    }

    struct CloseCase: Sendable, CustomTestStringConvertible {
        var who: String
        var leftOn: String?
        var status: String
        var testDescription: String { "c on \(who) → \(status)" }
    }

    static let closeCases: [CloseCase] = [
        CloseCase(who: "Ana Lima", leftOn: nil, status: "Ana Lima is at the agency: a marks them as having left first"),
        CloseCase(who: "Chloé Dubois", leftOn: "2026-11-01", status: "(asks)"),
        CloseCase(who: "Ana Lima", leftOn: "2026-11-01", status: "(asks)"),
    ]

    @Test("c says why there is nothing to close, or asks", arguments: closeCases)
    func closeKey(_ c: CloseCase) {
        var data = Fixture.tiny
        data.people = data.people.map { p in var p = p; if p.name == c.who { p.leftOn = c.leftOn.flatMap(Day.init(iso:)) }; return p }
        var s = Self.roster(data, selecting: c.who)
        #expect(press(&s, .char("c")).isEmpty)
        if c.status == "(asks)" {
            #expect(s.confirm?.keyContext == .confirm)
        } else {
            #expect(s.stack == [.people])
            #expect(s.status?.text == c.status)
        }
    }

    @Test("c on a leaver with nothing open says so")
    func nothingOpen() {
        var data = Fixture.tiny
        data.people[2].leftOn = Day(iso: "2026-11-01")
        data.relationships = []
        var s = Self.roster(data, selecting: "Chloé Dubois")
        press(&s, .char("c"))
        #expect(s.status?.text == "Chloé Dubois has no open records")
        #expect(AppView.render(s, theme: .monochrome).lines.contains { $0.contains("Chloé Dubois (left)") })
    }

    @Test("a on someone who left asks to mark them current again; yes clears the day, undoably; no keeps it")
    func backAsCurrent() {
        var data = Fixture.tiny
        data.people[0].leftOn = Day(iso: "2026-11-01")
        var s = Self.roster(data, selecting: "Ana Lima")
        press(&s, .char("a"))
        #expect(s.confirm?.purpose == .markCurrent(Fixture.ana.id))
        #expect(s.confirm?.message.contains("they left on 2026-11-01") == true)
        press(&s, .char("n"))
        #expect(Self.person(s, Fixture.ana.id).leftOn != nil)
        press(&s, .char("a"))
        let effects = press(&s, .char("y"))
        #expect(Self.person(s, Fixture.ana.id).leftOn == nil)
        #expect(saved(effects).map(\.record) == [.person(Fixture.ana)])
        press(&s, .char("u"))
        #expect(Self.person(s, Fixture.ana.id).leftOn == Day(iso: "2026-11-01"))
    }

    @Test("leaving is refused on a read-only store with the reason")
    func readOnly() {
        var s = Fixture.state(Fixture.tiny, readOnly: "another dashboard holds the lock")
        press(&s, .char("2"), .char("a"))
        #expect(s.stack == [.people])
        #expect(s.status?.text == "Read-only: another dashboard holds the lock")
    }

    // MARK: The roster: load, order, filter

    @Test("the load column is active mentees over the capacity, not the larger of the two")
    func load() {
        var data = Fixture.tiny
        data.people[1].mentoringCapacity = 1
        data.relationships.append(MentoringRelationship(id: Fixture.id(302), mentorID: Fixture.ben.id, menteeID: Fixture.ana.id,
                                                        start: Fixture.today.adding(days: -10), cadenceDays: 14))
        data.relationships.append(MentoringRelationship(id: Fixture.id(303), mentorID: Fixture.ben.id, menteeID: Fixture.ana.id,
                                                        start: Fixture.today.adding(days: -300), cadenceDays: 14, status: .closed))
        var s = Fixture.state(data, width: 120, height: 24)
        press(&s, .char("2"))
        #expect(AppView.render(s, theme: .monochrome).lines.contains { $0.contains("Ben Okafor") && $0.contains("mentors 2/1") })
    }

    static let names = ["Mateo Ruiz", "Łukasz Wróbel", "João Silva", "Lara Croft", "jonas weber", "Zoë Adams", "Émile Zola", "Øystein Berg", "Anna Berg"]

    @Test("the roster reads in name order: Ł with L, João with Jo, case ignored; those who left come last")
    func order() {
        var data = Fixture.tiny
        data.people = Self.names.enumerated().map { Person(id: Fixture.id(500 + $0.offset), name: $0.element) }
        data.people[8].leftOn = Day(iso: "2026-10-01")
        data.engagements = []
        data.relationships = []
        let s = Fixture.state(data)
        #expect(s.sortedPeople.map(\.name) == ["Émile Zola", "João Silva", "jonas weber", "Lara Croft", "Łukasz Wróbel",
                                               "Mateo Ruiz", "Øystein Berg", "Zoë Adams", "Anna Berg"])
    }

    struct FilterCase: Sendable, CustomTestStringConvertible {
        var typed: String
        var shown: [String]
        var testDescription: String { "/\(typed) → \(shown)" }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(typed: "", shown: ["Ana Lima", "Ben Okafor", "Chloé Dubois"]),
        FilterCase(typed: "chloe", shown: ["Chloé Dubois"]),
        FilterCase(typed: "STRAT", shown: ["Chloé Dubois"]),
        FilterCase(typed: "creative", shown: ["Ana Lima", "Ben Okafor"]),
        FilterCase(typed: "director", shown: ["Ben Okafor"]),
        FilterCase(typed: "typography", shown: ["Ana Lima"]),
        FilterCase(typed: "nobody", shown: []),
    ]

    @Test("/ filters the roster by name, role, team and expertise, case and accents ignored, as it is typed",
          arguments: filterCases)
    func filter(_ c: FilterCase) {
        var data = Fixture.tiny
        data.people[0].expertise = ["Typography"]
        var s = Fixture.state(data)
        press(&s, .char("2"), .char("/"))
        #expect(s.prompt?.kind == .filterPeople)
        type(&s, c.typed)
        #expect(s.shownPeople.map(\.name) == c.shown)
        press(&s, .enter)
        #expect(s.stack == [.people], "Enter keeps the filter")
        #expect(s.shownPeople.map(\.name) == c.shown)
        let screen = AppView.render(s, theme: .monochrome).text
        if c.shown.isEmpty { #expect(screen.contains("Nobody matches /nobody — Esc clears the filter.")) }
        if !c.typed.isEmpty { #expect(screen.contains("\(c.shown.count) shown /\(c.typed)") && screen.contains("people /\(c.typed)")) }
        press(&s, .escape)
        #expect(s.shownPeople.count == 3, "Esc on the screen clears it")
    }

    @Test("the filter keeps the selection on the same person; Esc in the prompt clears it")
    func filterKeepsSelection() {
        var s = Self.roster(selecting: "Ben Okafor")
        press(&s, .char("/"))
        type(&s, "creative")
        #expect(s.selectedRecord == RecordRef(kind: .person, id: Fixture.ben.id))
        #expect(s.roster.selected == 1)
        press(&s, .escape)
        #expect(s.stack == [.people] && s.roster.filter.isEmpty)
        #expect(s.selectedRecord == RecordRef(kind: .person, id: Fixture.ben.id))
        press(&s, .char("/"))
        type(&s, "strategy")
        #expect(s.selectedRecord == RecordRef(kind: .person, id: Fixture.chloe.id), "Ben is hidden: the selection moves on")
        press(&s, .enter, .enter)
        #expect(s.screen == .person(Fixture.chloe.id))
    }

    // MARK: The person screen

    @Test("Enter opens the person; their records open with Enter; Esc steps back; p and P on a detail open its people")
    func personScreen() throws {
        var s = Self.roster(selecting: "Ben Okafor")
        press(&s, .enter)
        #expect(s.keyContext == .person)
        let p = try #require(s.personScreen)
        // Ben: coach of Ana's pitching, mentor of Chloé — by the other's name.
        #expect(p.items(in: s).map(\.other) == ["Ana Lima", "Chloé Dubois"])
        press(&s, .char("j"), .enter)
        #expect(s.screen == .detail(Fixture.mentoringRef))
        press(&s, .escape)
        #expect(s.screen == .person(Fixture.ben.id))
        #expect(s.personScreen?.list.selectedID == Fixture.mentoring.id)
        press(&s, .char("e"))
        #expect(s.form?.kind == .editPerson(Fixture.ben.id))
        press(&s, .escape, .escape)
        #expect(s.screen == .people)

        var d = Fixture.state(Fixture.tiny)
        press(&d, .enter, .char("p"))
        #expect(d.screen == .person(Fixture.ana.id))
        #expect(d.personScreen?.list.selectedID == Fixture.pitching.id, "their screen opens on the record")
        press(&d, .escape, .char("P"))
        #expect(d.screen == .person(Fixture.ben.id))
        press(&d, .char("l"))
        #expect(d.status?.text == "l: sessions are logged on a record: Enter opens the selected one, then l")
    }

    @Test("the selection on a person's records stays on the record when the list re-sorts")
    func personSelectionByID() {
        var s = Self.roster(selecting: "Ben Okafor")
        press(&s, .enter, .char("j"))
        #expect(s.personScreen?.list.selectedID == Fixture.mentoring.id)
        // Closing Ana's coaching moves it under the open mentoring… and the selection stays.
        var e = Fixture.pitching
        e.status = .completed
        _ = update(&s, .outsideChanges([OutsideChange(ref: Fixture.pitchingRef, record: .coaching(e), file: "coaching/x.json")]))
        #expect(s.personScreen?.list.selectedID == Fixture.mentoring.id)
        #expect(s.personScreen?.list.selected == 0)
    }

    static func benWithHistory() -> Snapshot {
        var data = Fixture.tiny
        data.people[1].startDate = Day(iso: "2023-09-29")
        data.people[1].mentoringCapacity = 1
        data.people[1].expertise = ["pitching", "art direction"]
        data.people[1].interests = ["leading a studio"]
        data.people[1].managerID = Fixture.chloe.id
        data.relationships.append(MentoringRelationship(id: Fixture.id(302), mentorID: Fixture.ben.id, menteeID: Fixture.ana.id,
                                                        start: Fixture.today.adding(days: -200), cadenceDays: 14,
                                                        sessions: [Session(id: Fixture.id(322), date: Fixture.today.adding(days: -150), minutes: 90, notes: "x")]))
        data.relationships.append(MentoringRelationship(id: Fixture.id(303), mentorID: Fixture.chloe.id, menteeID: Fixture.ben.id,
                                                        start: Fixture.today.adding(days: -400), cadenceDays: 30, status: .closed,
                                                        sessions: [Session(id: Fixture.id(323), date: Fixture.today.adding(days: -380), minutes: 40, notes: "y")],
                                                        outcome: "done", closedOn: Fixture.today.adding(days: -300)))
        return data
    }

    @Test("at 80x24 the person screen shows the profile, load against capacity, hours, and every record with its status")
    func view80() throws {
        var s = Self.roster(Self.benWithHistory(), selecting: "Ben Okafor")
        press(&s, .enter)
        let buf = AppView.render(s, theme: .builtinDefault)
        expectRowsFill(buf)
        let r = rows(buf)
        #expect(r[1].contains("Ben Okafor · Creative Director"))
        #expect(r[2].contains("team creative · level lead · since 2023-09-29 (3y2mo) · manager Chloé Dubois"))
        #expect(r[3].contains("can mentor in pitching, art direction"))
        #expect(r[4].contains("wants to grow in leading a studio"))
        #expect(r[5].contains("mentoring load 2/1 (active mentees / capacity) · over capacity"))
        #expect(r[6].contains("hours coaching 0h received, 50m given · mentoring 40m received, 2h given"))
        let header = try #require(r.firstIndex { $0.contains("RECORD") })
        #expect(r[header].contains("AS") && r[header].contains("WITH") && r[header].contains("STATUS") && r[header].contains("HOURS"))
        #expect(r[header + 1].contains("coaching Pitching") && r[header + 1].contains("coach") && r[header + 1].contains("Ana Lima") && r[header + 1].contains("active"))
        #expect(r[header + 2].contains("mentoring") && r[header + 2].contains("mentor ") && r[header + 2].contains("Ana Lima") && r[header + 2].contains("1h30"))
        #expect(r[header + 3].contains("mentoring client work") && r[header + 3].contains("Chloé Dubois"))
        #expect(r[header + 4].contains("mentee") && r[header + 4].contains("closed") && r[header + 4].contains("40m"))
        #expect(r[23].contains("Enter open") && r[23].contains("Esc back"))
        // The selection is on the first record.
        #expect(buf.lines.count == 24)
    }

    @Test("at 120x40 the person screen adds the start and closing days")
    func view120() throws {
        var s = Self.roster(Self.benWithHistory(), selecting: "Ben Okafor", width: 120, height: 40)
        press(&s, .enter)
        let buf = AppView.render(s, theme: .builtinDefault)
        expectRowsFill(buf)
        let r = rows(buf)
        let header = try #require(r.firstIndex { $0.contains("RECORD") })
        #expect(r[header].contains("SINCE") && r[header].contains("CLOSED"))
        let closed = try #require(r.first { $0.contains(" mentee ") })
        #expect(closed.contains(Fixture.today.adding(days: -400).iso) && closed.contains(Fixture.today.adding(days: -300).iso))
        #expect(r.filter { $0.contains("│") }.count >= 30, "the box fills the body")
    }

    @Test("a person with no records and no details still reads well")
    func emptyPerson() {
        var data = Fixture.tiny
        data.people.append(Person(id: Fixture.id(104), name: "Dana New"))
        var s = Self.roster(data, selecting: "Dana New")
        press(&s, .enter)
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("team — · level mid · manager —"))
        #expect(text.contains("can mentor in —"))
        #expect(text.contains("mentoring load 0/0"))
        #expect(text.contains("No coaching or mentoring yet."))
        press(&s, .enter)
        #expect(s.status?.text == "No record selected: Dana New has no coaching or mentoring yet")
    }

    // MARK: Teams in the person form

    struct TeamCase: Sendable, CustomTestStringConvertible {
        var typed: String
        var stored: String
        var new: Bool
        var testDescription: String { "“\(typed)” → “\(stored)”\(new ? " (new)" : "")" }
    }

    static let teamCases: [TeamCase] = [
        TeamCase(typed: "créative", stored: "creative", new: false),
        TeamCase(typed: "Creative", stored: "creative", new: false),
        TeamCase(typed: "  STRATÉGY ", stored: "strategy", new: false),
        TeamCase(typed: "Ops", stored: "Ops", new: true),
        TeamCase(typed: "", stored: "", new: false),
    ]

    @Test("the team is picked from the teams that exist, case and accents ignored; a new one is taken and said to be new",
          arguments: teamCases)
    func team(_ c: TeamCase) throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("2"), .char("n"), .char("p"))
        let field = try #require(s.form?.fields.first { $0.id == "team" })
        #expect(field.hint == "creative, strategy or a new one")
        type(&s, "Dana Scully")
        press(&s, .tab, .tab)
        type(&s, c.typed)
        let effects = press(&s, .ctrl("s"))
        let record = try #require(saved(effects).first?.record)
        guard case .person(let p) = record else { Issue.record("not a person: \(record)"); return }
        #expect(p.team == c.stored)
        #expect(s.undoStack.last?.label == "Added Dana Scully" + (c.new ? " (new team “Ops”)" : ""))
    }

    @Test("editing someone already in a new team does not call it new again")
    func teamNotNewTwice() throws {
        var data = Fixture.tiny
        data.people[0].team = "Ops"
        var s = Self.roster(data, selecting: "Ana Lima")
        press(&s, .char("e"), .tab)
        type(&s, " Jr")
        press(&s, .ctrl("s"))
        #expect(s.undoStack.last?.label == "Edited Ana Lima")
    }

    // MARK: Pairing warnings

    struct PairCase: Sendable, CustomTestStringConvertible {
        var mentor: String
        var mentee: String
        /// Ben's capacity.
        var benCapacity: Int
        var anaLeftOn: String?
        /// What the question lists; empty = saved without a question.
        var warnings: [String]
        var testDescription: String { "\(mentor) → \(mentee): \(warnings.isEmpty ? "saved" : warnings.joined(separator: "; "))" }
    }

    static let pairCases: [PairCase] = [
        PairCase(mentor: "Ben Okafor", mentee: "Ana Lima", benCapacity: 2, warnings: []),
        PairCase(mentor: "Ben Okafor", mentee: "Ana Lima", benCapacity: 1,
                 warnings: ["Ben Okafor already mentors 1 with a capacity of 1; this pair makes 2/1"]),
        PairCase(mentor: "Ana Lima", mentee: "Chloé Dubois", benCapacity: 1,
                 warnings: ["Ana Lima already mentors 0 with a capacity of 0; this pair makes 1/0",
                            "Chloé Dubois already has an active mentor, Ben Okafor"]),
        PairCase(mentor: "Ben Okafor", mentee: "Ana Lima", benCapacity: 2, anaLeftOn: "2026-11-01",
                 warnings: ["Ana Lima left on 2026-11-01"]),
    ]

    @Test("a pair with a mentor at capacity, a mentee already mentored or someone gone asks first; no goes back to the form as typed",
          arguments: pairCases)
    func pairing(_ c: PairCase) throws {
        var data = Fixture.tiny
        data.people[1].mentoringCapacity = c.benCapacity
        if let left = c.anaLeftOn { data.people[0].leftOn = Day(iso: left) }
        var s = Fixture.state(data)
        press(&s, .char("n"), .char("m"))
        // Names typed and kept as typed (Esc): a leaver is not in the picker, but the name still finds them.
        type(&s, c.mentee)
        press(&s, .escape, .tab)
        type(&s, c.mentor)
        press(&s, .escape)
        var effects = press(&s, .ctrl("s"))
        if c.warnings.isEmpty {
            #expect(saved(effects).count == 1)
            #expect(s.form == nil && s.confirm == nil)
            return
        }
        #expect(effects.isEmpty)
        let q = try #require(s.confirm)
        #expect(q.message == c.warnings.map { "• " + $0 }.joined(separator: "\n") + "\nSave this pair anyway?")
        #expect(q.choices.map(\.label) == ["save anyway", "back to the form"])
        #expect(press(&s, .char("n")).isEmpty)
        #expect(s.keyContext == .form)
        #expect(s.form?.text("mentor") == c.mentor && s.form?.text("mentee") == c.mentee, "the text is kept")
        #expect(s.data.relationships.count == 1)
        press(&s, .ctrl("s"))
        #expect(s.confirm != nil, "Ctrl-S asks again")
        effects = press(&s, .char("y"))
        #expect(s.form == nil && s.confirm == nil)
        #expect(effects.contains(.deleteDraft(name: "new-relationship")))
        let r = try #require(saved(effects).first?.record)
        #expect(s.data.relationships.count == 2)
        #expect(r == .mentoring(s.data.relationships[1]))
        press(&s, .char("u"))
        #expect(s.data.relationships.count == 1)
    }

    @Test("editing a pair without changing who or the status asks nothing, even over capacity")
    func editPairUnchanged() {
        var s = Fixture.state(Fixture.tiny) // Ben mentors Chloé with a capacity of 0
        press(&s, .tab, .char("e"))
        #expect(s.form?.kind == .editRelationship(Fixture.mentoring.id))
        press(&s, .tab, .tab) // mentor → start → cadence
        press(&s, .ctrl("a"), .ctrl("k"))
        type(&s, "21")
        let effects = press(&s, .ctrl("s"))
        #expect(saved(effects).count == 1)
        #expect(s.confirm == nil)
    }
}
