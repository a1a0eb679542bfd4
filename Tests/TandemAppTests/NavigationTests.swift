import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Keys that move around the dashboard: rows, panes, screens, help, quitting.
@Suite("Navigation")
struct NavigationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var keys: [Key]
        var focus: Pane
        var coaching: Int
        var mentoring: Int
        var testDescription: String { keys.map(Keymap.name).joined(separator: " ") }
    }

    // The demo dashboard has 5 active engagements and 6 active relationships.
    static let cases: [Case] = [
        Case(keys: [], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.char("j")], focus: .coaching, coaching: 1, mentoring: 0),
        Case(keys: [.down, .down], focus: .coaching, coaching: 2, mentoring: 0),
        Case(keys: [.char("j"), .char("k")], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.up], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.char("k"), .char("k")], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.char("G")], focus: .coaching, coaching: 6, mentoring: 0),
        Case(keys: [.end, .char("j")], focus: .coaching, coaching: 6, mentoring: 0),
        Case(keys: [.char("G"), .char("g")], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.char("G"), .home], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.pageDown], focus: .coaching, coaching: 4, mentoring: 0),
        Case(keys: [.pageDown, .pageDown, .ctrl("d")], focus: .coaching, coaching: 6, mentoring: 0),
        Case(keys: [.char("G"), .pageUp], focus: .coaching, coaching: 2, mentoring: 0),
        Case(keys: [.char("j"), .pageUp, .ctrl("u")], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.tab], focus: .mentoring, coaching: 0, mentoring: 0),
        Case(keys: [.tab, .char("j"), .char("j")], focus: .mentoring, coaching: 0, mentoring: 2),
        Case(keys: [.tab, .char("G")], focus: .mentoring, coaching: 0, mentoring: 6),
        Case(keys: [.char("j"), .tab, .tab], focus: .coaching, coaching: 1, mentoring: 0),
        Case(keys: [.backTab], focus: .mentoring, coaching: 0, mentoring: 0),
        Case(keys: [.right], focus: .mentoring, coaching: 0, mentoring: 0),
        Case(keys: [.right, .left], focus: .coaching, coaching: 0, mentoring: 0),
        Case(keys: [.left, .char("j"), .left, .char("j")], focus: .coaching, coaching: 1, mentoring: 1),
    ]

    @Test("moves the selection and the focus", arguments: cases)
    func moves(_ c: Case) {
        var s = Fixture.state()
        // 5 active and 2 planned or on hold; 6 active and 1 paused.
        #expect(s.rows.coaching.count == 7 && s.rows.mentoring.count == 7)
        let effects = c.keys.flatMap { update(&s, .keyPressed($0)) }
        #expect(effects.isEmpty)
        #expect(s.dashboard.focus == c.focus)
        #expect(s.dashboard.coaching.scroll.selected == c.coaching)
        #expect(s.dashboard.mentoring.scroll.selected == c.mentoring)
    }

    @Test("the selected record follows the focused pane's selection")
    func selectedRecord() {
        var s = Fixture.state()
        press(&s, .char("j"))
        #expect(s.selectedRecord == RecordRef(kind: .coaching, id: s.rows.coaching[1].id))
        press(&s, .tab, .char("G"))
        #expect(s.selectedRecord == RecordRef(kind: .mentoring, id: s.rows.mentoring[6].id))
    }

    @Test("Enter opens the selected record's detail and Esc goes back")
    func openAndBack() {
        var s = Fixture.state()
        press(&s, .tab, .char("j"))
        let ref = RecordRef(kind: .mentoring, id: s.rows.mentoring[1].id)
        press(&s, .enter)
        #expect(s.screen == .detail(ref))
        #expect(s.keyContext == .detail)
        press(&s, .escape)
        #expect(s.screen == .dashboard)
        #expect(s.dashboard.focus == .mentoring)
        #expect(s.dashboard.mentoring.scroll.selected == 1)
    }

    @Test("Enter on an empty pane opens nothing")
    func openEmpty() {
        var data = Fixture.tiny
        data.engagements = []
        var s = Fixture.state(data)
        press(&s, .enter)
        #expect(s.screen == .dashboard)
    }

    @Test("1 and 2 switch screens, j moves in the people list, Enter on a person opens their screen")
    func screens() {
        var s = Fixture.state()
        press(&s, .char("2"))
        #expect(s.screen == .people)
        press(&s, .char("j"), .char("j"))
        #expect(s.roster.scroll.selected == 2)
        #expect(s.selectedRecord == RecordRef(kind: .person, id: s.sortedPeople[2].id))
        press(&s, .enter)
        #expect(s.screen == .person(s.sortedPeople[2].id))
        press(&s, .escape)
        #expect(s.screen == .people)
        press(&s, .char("1"))
        #expect(s.screen == .dashboard)
        // From a detail, 1 also goes home.
        press(&s, .enter, .char("1"))
        #expect(s.screen == .dashboard)
    }

    @Test("? toggles the help; keys inside it scroll or close it and do not act")
    func help() {
        var s = Fixture.state()
        press(&s, .char("?"))
        #expect(s.showHelp)
        press(&s, .char("j"), .char("j"))
        #expect(s.help?.scroll == 2)
        #expect(s.dashboard.coaching.scroll.selected == 0)
        #expect(press(&s, .char("q")).isEmpty) // q closes the help, it does not quit
        #expect(!s.showHelp && !s.isQuitting)
        press(&s, .char("?"), .char("?"))
        #expect(!s.showHelp)
        press(&s, .char("?"), .escape)
        #expect(!s.showHelp)
    }

    @Test("q quits; Ctrl-C quits from anywhere; Ctrl-Z suspends")
    func quit() {
        var s = Fixture.state()
        #expect(press(&s, .char("q")) == [.quit])
        #expect(s.isQuitting)

        var inHelp = Fixture.state()
        press(&inHelp, .char("?"))
        #expect(press(&inHelp, .ctrl("c")) == [.quit])
        #expect(inHelp.isQuitting)

        var inPrompt = Fixture.state()
        press(&inPrompt, .char("/"))
        #expect(press(&inPrompt, .ctrl("z")) == [.suspend])
        #expect(!inPrompt.isQuitting)
    }

    @Test("a resize changes the size the views use")
    func resize() {
        var s = Fixture.state()
        #expect(update(&s, .resized(width: 132, height: 43)).isEmpty)
        #expect(s.width == 132 && s.height == 43)
    }
}

/// `/` filters and `s` sorts.
@Suite("Filter and sort")
struct FilterSortTests {
    /// The coaching rows as their two groups: active, then the quieter ones.
    static func groups(_ s: AppState) -> [[CoachingSummary]] {
        let active = s.rows.coaching.count - s.rows.quietCoaching
        return [Array(s.rows.coaching.prefix(active)), Array(s.rows.coaching.suffix(s.rows.quietCoaching))]
    }

    static func coachees(_ s: AppState) -> [String] { s.rows.coaching.map(\.coachee) }

    @Test("typing after / filters the focused pane live, ignoring case and accents",
          arguments: ["jose", "JOSE", "José", "nunez", "NÚÑEZ"])
    func filterLive(_ needle: String) {
        var s = Fixture.state()
        press(&s, .char("/"))
        #expect(s.prompt?.kind == .filter(.coaching))
        var counts: [Int] = []
        for ch in needle {
            press(&s, .char(ch))
            counts.append(s.rows.coaching.count)
        }
        #expect(s.dashboard.coaching.filter == needle)
        #expect(counts.first! <= 7 && counts == counts.sorted(by: >), "the list narrows as letters come")
        #expect(Self.coachees(s).contains("José Núñez"))
        #expect(!Self.coachees(s).contains("王小明"))
        #expect(s.rows.mentoring.count == 7, "the other pane is not filtered")
    }

    @Test("a filter matches coachee, coach, focus and forecast")
    func filterFields() {
        var s = Fixture.state()
        press(&s, .char("/"))
        type(&s, "jose")
        // José Núñez is a coachee; José García coaches Amélie Lefèvre.
        #expect(Self.coachees(s) == ["José Núñez", "Amélie Lefèvre"])
        press(&s, .enter)
        #expect(s.prompt == nil)
        #expect(s.dashboard.coaching.filter == "jose", "Enter keeps the filter")
        press(&s, .escape)
        #expect(s.dashboard.coaching.filter.isEmpty, "Esc in the list clears it")
        #expect(s.rows.coaching.count == 7)

        press(&s, .char("/"))
        type(&s, "on track")
        #expect(s.rows.coaching.allSatisfy { $0.forecast.label == "on track" })
        #expect(!s.rows.coaching.isEmpty)
    }

    @Test("Esc in the filter prompt clears the filter")
    func filterEscape() {
        var s = Fixture.state()
        press(&s, .tab, .char("/"))
        #expect(s.prompt?.kind == .filter(.mentoring))
        type(&s, "nguyen")
        #expect(s.rows.mentoring.count == 2)
        #expect(s.rows.mentoring.allSatisfy { $0.mentor == "Nguyễn Thu Hà" })
        press(&s, .escape)
        #expect(s.prompt == nil && s.dashboard.mentoring.filter.isEmpty && s.rows.mentoring.count == 7)
        // Opening the prompt again starts from the filter in force.
        press(&s, .char("/"))
        type(&s, "ha")
        press(&s, .enter, .char("/"))
        #expect(s.prompt?.field.text == "ha")
    }

    @Test("a filter that matches nothing empties the pane and the selection")
    func filterNothing() {
        var s = Fixture.state()
        press(&s, .char("/"))
        type(&s, "zzzz")
        #expect(s.rows.coaching.isEmpty)
        #expect(s.dashboard.coaching.scroll.selected == nil)
        #expect(s.selectedRecord == nil)
    }

    @Test("s cycles the coaching sort: deadline → name → progress → deadline")
    func coachingSort() {
        var s = Fixture.state()
        let byDeadline = s.rows.coaching
        // Each group (active, then planned and on hold) is in the sort's order.
        #expect(s.rows.quietCoaching == 2)
        for group in Self.groups(s) {
            #expect(group.map(\.engagement.deadline) == group.map(\.engagement.deadline).sorted())
        }
        #expect(byDeadline.suffix(2).allSatisfy { $0.engagement.status != .active })

        press(&s, .char("s"))
        #expect(s.dashboard.coaching.sort == .name)
        #expect(s.status?.text == "Coaching sorted by name")
        let names = Self.coachees(s)
        #expect(names != byDeadline.map(\.coachee))
        for group in Self.groups(s) {
            let names = group.map(\.coachee)
            #expect(zip(names, names.dropFirst()).allSatisfy { $0.localizedStandardCompare($1) != .orderedDescending })
        }

        press(&s, .char("s"))
        #expect(s.dashboard.coaching.sort == .progress)
        for group in Self.groups(s) {
            let progress = group.map { $0.progress ?? -1 }
            #expect(progress == progress.sorted())
        }
        #expect(Self.coachees(s) != names)

        press(&s, .char("s"))
        #expect(s.dashboard.coaching.sort == .deadline)
        #expect(s.rows.coaching == byDeadline)
    }

    @Test("s cycles the mentoring sort: next due → health → name")
    func mentoringSort() {
        var s = Fixture.state()
        press(&s, .tab)
        let due = s.rows.mentoring.compactMap(\.nextDue)
        #expect(due == due.sorted())
        press(&s, .char("s"))
        #expect(s.dashboard.mentoring.sort == .health)
        #expect(s.status?.text == "Mentoring sorted by health")
        let severity = s.rows.mentoring.map(\.health.severity)
        #expect(severity == severity.sorted(by: >))
        press(&s, .char("s"))
        #expect(s.dashboard.mentoring.sort == .name)
        let mentees = s.rows.mentoring.map(\.mentee)
        #expect(zip(mentees, mentees.dropFirst()).allSatisfy { $0.localizedStandardCompare($1) != .orderedDescending })
        #expect(s.dashboard.coaching.sort == .deadline, "the other pane keeps its sort")
    }
}
