import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The context stack: what a key pushes, what Esc pops, and what has the keys.
@Suite("Context stack")
struct StackTests {
    /// A short name per context, to write stacks as text.
    static func names(_ s: AppState) -> [String] {
        s.stack.map { c in
            switch c {
            case .dashboard: "dashboard"
            case .people: "people"
            case .detail: "detail"
            case .form: "form"
            case .confirm(let q): "confirm:\(q.keyContext.rawValue)"
            case .prompt(let p): p.kind == .command ? "prompt:command" : "prompt:filter"
            case .help: "help"
            case .archive: "archive"
            case .closing: "closing"
            case .conflict: "conflict"
            case .person: "person"
            case .assessment(let a): a.result == nil ? "assessment" : "assessment:result"
            case .brief: "brief"
            case .picker: "picker"
            case .insights: "insights"
            case .agenda: "agenda"
            case .records: "records"
            }
        }
    }

    /// Every question answered: eight yes/no, then a horizon of 6 months.
    static let allAnswers: [Key] = [.char("y"), .char("y"), .char("n"), .char("n"), .char("y"), .char("n"), .char("n"), .char("n"),
                                    .char("6"), .enter]

    struct Case: Sendable, CustomTestStringConvertible {
        var keys: [Key]
        var stack: [String]
        var keyContext: KeyContext
        var testDescription: String { keys.map(Keymap.name).joined(separator: " ") + " → " + stack.joined(separator: " > ") }
    }

    static let cases: [Case] = [
        Case(keys: [], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.enter], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.enter, .escape], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.enter, .char("l")], stack: ["dashboard", "detail", "form"], keyContext: .form),
        Case(keys: [.enter, .char("l"), .escape], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.enter, .char("l"), .char("x"), .escape], stack: ["dashboard", "detail", "form", "confirm:confirm"], keyContext: .confirm),
        Case(keys: [.enter, .char("l"), .char("x"), .escape, .escape], stack: ["dashboard", "detail", "form"], keyContext: .form),
        Case(keys: [.enter, .char("l"), .char("x"), .escape, .char("n")], stack: ["dashboard", "detail", "form"], keyContext: .form),
        Case(keys: [.enter, .char("l"), .char("x"), .escape, .char("y")], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.enter, .char("?")], stack: ["dashboard", "detail", "help"], keyContext: .help),
        Case(keys: [.enter, .char("?"), .escape], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.enter, .char("a")], stack: ["dashboard", "detail", "closing"], keyContext: .closing),
        Case(keys: [.enter, .char("a"), .escape], stack: ["dashboard", "detail"], keyContext: .detail),
        // In the closing dialog, y is text: it asks before Esc drops it.
        Case(keys: [.enter, .char("a"), .char("y")], stack: ["dashboard", "detail", "closing"], keyContext: .closing),
        Case(keys: [.enter, .char("a"), .char("y"), .escape], stack: ["dashboard", "detail", "closing", "confirm:confirm"], keyContext: .confirm),
        Case(keys: [.enter, .char("a"), .char("y"), .escape, .char("y")], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.char("a"), .char("q"), .char("5")], stack: ["dashboard", "closing"], keyContext: .closing),
        Case(keys: [.char("5")], stack: ["archive"], keyContext: .archive),
        Case(keys: [.char("5"), .escape], stack: ["archive"], keyContext: .archive),
        Case(keys: [.char("5"), .char("/")], stack: ["archive", "prompt:filter"], keyContext: .prompt),
        Case(keys: [.char("5"), .char("?")], stack: ["archive", "help"], keyContext: .help),
        Case(keys: [.char("5"), .char("2")], stack: ["people"], keyContext: .people),
        Case(keys: [.enter, .char("1")], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.enter, .char("2")], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .char("n")], stack: ["people", "confirm:newMenu"], keyContext: .newMenu),
        Case(keys: [.char("2"), .char("n"), .char("p")], stack: ["people", "form"], keyContext: .form),
        Case(keys: [.char("2"), .char("n"), .escape], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .escape], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .enter], stack: ["people", "person"], keyContext: .person),
        Case(keys: [.char("2"), .enter, .escape], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .enter, .enter], stack: ["people", "person", "detail"], keyContext: .detail),
        Case(keys: [.char("2"), .enter, .enter, .escape], stack: ["people", "person"], keyContext: .person),
        Case(keys: [.char("2"), .enter, .char("a")], stack: ["people", "person", "prompt:filter"], keyContext: .prompt),
        Case(keys: [.char("2"), .enter, .char("a"), .escape], stack: ["people", "person"], keyContext: .person),
        Case(keys: [.char("2"), .enter, .char("e")], stack: ["people", "person", "form"], keyContext: .form),
        Case(keys: [.char("2"), .enter, .char("1")], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.char("2"), .char("/")], stack: ["people", "prompt:filter"], keyContext: .prompt),
        Case(keys: [.char("2"), .char("a")], stack: ["people", "prompt:filter"], keyContext: .prompt),
        Case(keys: [.enter, .char("p")], stack: ["dashboard", "detail", "person"], keyContext: .person),
        Case(keys: [.enter, .char("P"), .enter], stack: ["dashboard", "detail", "person", "detail"], keyContext: .detail),
        Case(keys: [.char("2"), .char("A")], stack: ["people", "assessment"], keyContext: .assessment),
        Case(keys: [.char("2"), .char("A"), .escape], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .char("A"), .char("y"), .escape], stack: ["people", "assessment", "confirm:confirm"], keyContext: .confirm),
        Case(keys: [.char("2"), .char("A"), .char("y"), .escape, .char("y")], stack: ["people"], keyContext: .people),
        Case(keys: [.char("2"), .char("A"), .char("y"), .escape, .escape], stack: ["people", "assessment"], keyContext: .assessment),
        Case(keys: [.char("2"), .char("A")] + Self.allAnswers, stack: ["people", "assessment:result"], keyContext: .assessmentResult),
        Case(keys: [.char("2"), .char("A")] + Self.allAnswers + [.char("c")], stack: ["people", "assessment:result", "form"], keyContext: .form),
        Case(keys: [.char("2"), .char("A")] + Self.allAnswers + [.char("b")], stack: ["people", "assessment:result", "form", "form"], keyContext: .form),
        Case(keys: [.char("2"), .char("A")] + Self.allAnswers + [.escape], stack: ["people"], keyContext: .people),
        Case(keys: [.enter, .char("b")], stack: ["dashboard", "detail", "brief"], keyContext: .brief),
        Case(keys: [.enter, .char("b"), .escape], stack: ["dashboard", "detail"], keyContext: .detail),
        Case(keys: [.char("/")], stack: ["dashboard", "prompt:filter"], keyContext: .prompt),
        Case(keys: [.char("/"), .char("a"), .enter], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.char("/"), .backspace], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.char(":")], stack: ["dashboard", "prompt:command"], keyContext: .prompt),
        Case(keys: [.char(":"), .char("h"), .enter], stack: ["dashboard", "help"], keyContext: .help),
        // Inside a form, letters and numbers are text: 1 and q do not switch or quit.
        Case(keys: [.char("l"), .char("1"), .char("q")], stack: ["dashboard", "form"], keyContext: .form),
        // Inside the help, q closes it and 2 does nothing.
        Case(keys: [.char("?"), .char("2")], stack: ["dashboard", "help"], keyContext: .help),
        Case(keys: [.char("?"), .char("q")], stack: ["dashboard"], keyContext: .list),
        Case(keys: [.char("3")], stack: ["insights"], keyContext: .insights),
        Case(keys: [.char("3"), .enter], stack: ["insights", "records"], keyContext: .records),
        Case(keys: [.char("3"), .enter, .enter], stack: ["insights", "records", "detail"], keyContext: .detail),
        Case(keys: [.char("3"), .enter, .enter, .escape], stack: ["insights", "records"], keyContext: .records),
        Case(keys: [.char("3"), .enter, .escape], stack: ["insights"], keyContext: .insights),
        Case(keys: [.char("3"), .escape], stack: ["insights"], keyContext: .insights),
        Case(keys: [.char("4")], stack: ["agenda"], keyContext: .agenda),
        Case(keys: [.char("4"), .char("1")], stack: ["dashboard"], keyContext: .list),
    ]

    @Test("keys push and pop contexts; the top has the keys", arguments: cases)
    func stack(_ c: Case) {
        var s = Fixture.state(Fixture.tiny)
        press(&s, c.keys)
        #expect(Self.names(s) == c.stack)
        #expect(s.keyContext == c.keyContext)
        #expect(!s.isQuitting)
    }

    @Test("push and pop never leave the stack without a screen")
    func popKeepsTheBase() {
        var s = Fixture.state()
        s.pop()
        s.pop()
        #expect(s.stack == [.dashboard])
        s.push(.help(HelpState(about: .list)))
        s.switchTo(.people)
        #expect(s.stack == [.people])
    }

    @Test("the form under a question stays drawn and keeps what was typed")
    func formUnderConfirm() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "half a thought")
        press(&s, .escape)
        #expect(s.confirm?.purpose == .discardForm)
        #expect(s.form?.text("notes") == "half a thought")
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("Discard?") && text.contains("Log session"))
        press(&s, .escape)
        #expect(s.form?.text("notes") == "half a thought")
    }

    @Test("the conflict dialog is a context of its own: its keys come from the table, Esc pops it")
    func conflictContext() {
        var s = Fixture.state(Fixture.tiny)
        _ = update(&s, .saveConflicted(SharingFixture.focusConflict()))
        #expect(s.keyContext == .conflict)
        let text = AppView.render(s, theme: .monochrome).text
        for hint in s.keymap.hints(for: .conflict) { #expect(text.contains(" \(hint.key) "), "\(hint.key) not shown") }
        #expect(!text.contains("the file is overwritten"))
        press(&s, .escape)
        #expect(s.stack == [.dashboard])
    }
}

/// The selection is by record id: re-sorts, filters, saves and reloads keep it on the record.
@Suite("Selection by id")
struct SelectionByIDTests {
    @Test("a re-sort keeps the same engagement selected")
    func resort() {
        var s = Fixture.state()
        press(&s, .char("j"), .char("j"))
        let before = s.selectedRecord
        for _ in 0..<3 {
            press(&s, .char("s"))
            #expect(s.selectedRecord == before, "after sorting by \(s.dashboard.coaching.sort)")
            let i = s.dashboard.coaching.selected!
            #expect(s.rows.coaching[i].id == before?.id)
        }
    }

    @Test("a filter that keeps the record keeps it selected; one that hides it moves on")
    func filter() throws {
        var s = Fixture.state()
        let jose = try #require(s.rows.coaching.firstIndex { $0.coachee == "José Núñez" })
        press(&s, .char("g"))
        press(&s, Array(repeating: Key.char("j"), count: jose))
        let ref = s.selectedRecord
        press(&s, .char("/"))
        type(&s, "núñez")
        #expect(s.selectedRecord == ref)
        press(&s, .escape)
        #expect(s.selectedRecord == ref, "clearing the filter keeps it too")
    }

    @Test("a save that moves the record in the sort keeps it selected")
    func saveMoves() {
        var s = Fixture.state()
        press(&s, .tab, .char("G"))
        let ref = s.selectedRecord
        // Logging a session moves the relationship's next-due date, and so its row.
        press(&s, .char("l"))
        type(&s, "caught up")
        press(&s, .ctrl("s"))
        #expect(s.form == nil)
        #expect(s.selectedRecord == ref)
    }

    @Test("a record changed outside keeps the selection and says so")
    func outside() {
        var s = Fixture.state(Fixture.tiny)
        let ref = s.selectedRecord
        var e = Fixture.pitching
        e.focus = "Pitching, edited elsewhere"
        _ = update(&s, .outsideChanges([OutsideChange(ref: Fixture.pitchingRef, record: .coaching(e), file: "coaching/x.json")]))
        #expect(s.selectedRecord == ref)
        #expect(s.rows.coaching.first?.engagement.focus == "Pitching, edited elsewhere")
        #expect(s.status?.text == "Reloaded: Ana Lima's coaching changed by another program")
    }
}

/// The clock arrives as `.tick`: the app reads none itself.
@Suite("Ticks")
struct TickTests {
    @Test("midnight rolls the dashboard over to the new day")
    func rollover() {
        var s = Fixture.state(Fixture.tiny)
        let daysLeft = s.rows.coaching[0].daysLeft
        _ = update(&s, .tick(Now(seconds: 100, today: Fixture.today)))
        #expect(s.rows.coaching[0].daysLeft == daysLeft)
        _ = update(&s, .tick(Now(seconds: 101, today: Fixture.today.adding(days: 1))))
        #expect(s.today == Fixture.today.adding(days: 1))
        #expect(s.rows.coaching[0].daysLeft == daysLeft - 1)
    }

    @Test("a message fades after a few seconds, an error later, and the next key clears either")
    func fade() {
        var s = Fixture.state()
        _ = update(&s, .tick(Now(seconds: 1000, today: Fixture.today)))
        press(&s, .char("s"))
        #expect(s.status?.text == "Coaching sorted by name")
        _ = update(&s, .tick(Now(seconds: 1000 + Status.fadeSeconds(.info) - 1, today: Fixture.today)))
        #expect(s.status != nil)
        _ = update(&s, .tick(Now(seconds: 1000 + Status.fadeSeconds(.info), today: Fixture.today)))
        #expect(s.status == nil)

        s.status = Status("bad", .error)
        _ = update(&s, .tick(Now(seconds: 1000 + Status.fadeSeconds(.info) * 2, today: Fixture.today)))
        #expect(s.status?.text == "bad", "errors stay longer")
        press(&s, .char("j"))
        #expect(s.status == nil, "the next action clears it")
    }

    @Test("a message shown before the first tick is not faded by it")
    func firstTick() {
        var s = Fixture.state()
        s.status = Status("Welcome")
        _ = update(&s, .tick(Now(seconds: 1_700_000_000, today: Fixture.today)))
        #expect(s.status?.text == "Welcome")
    }

    @Test("ticks ask for an outside-change check every couple of seconds, not while a save is out")
    func outsideChecks() {
        var s = Fixture.state(Fixture.tiny)
        #expect(update(&s, .tick(Now(seconds: 10, today: Fixture.today))).isEmpty)
        #expect(update(&s, .tick(Now(seconds: 11, today: Fixture.today))).isEmpty)
        #expect(update(&s, .tick(Now(seconds: 12, today: Fixture.today))) == [.checkOutsideChanges])
        #expect(update(&s, .tick(Now(seconds: 13, today: Fixture.today))).isEmpty)
        press(&s, .char("l"))
        type(&s, "x")
        #expect(saved(press(&s, .ctrl("s"))).count == 1)
        #expect(update(&s, .tick(Now(seconds: 20, today: Fixture.today))).isEmpty, "a save of ours is on the way")
    }

    @Test("a progress message shows in the status line until it is cleared")
    func progress() {
        var s = Fixture.state()
        _ = update(&s, .progress("Saving coaching record…"))
        #expect(AppView.render(s, theme: .monochrome).text.contains("Saving coaching record…"))
        _ = update(&s, .progress(nil))
        #expect(!AppView.render(s, theme: .monochrome).text.contains("Saving coaching record…"))
    }
}
