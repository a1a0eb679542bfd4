import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// One layout per frame: the views draw into it and `update` pages by it, at every size.
@Suite("Layout")
struct LayoutTests {
    struct Size: Sendable, CustomTestStringConvertible {
        var w: Int, h: Int
        var testDescription: String { "\(w)x\(h)" }
    }

    static let sizes = [Size(w: 60, h: 16), Size(w: 80, h: 24), Size(w: 99, h: 30), Size(w: 100, h: 30),
                        Size(w: 120, h: 40), Size(w: 200, h: 60)]
    static let tiny = [Size(w: 0, h: 0), Size(w: 1, h: 1), Size(w: 10, h: 5), Size(w: 59, h: 16), Size(w: 60, h: 15)]

    /// An agency with more active records than any of the sizes shows at once.
    static let big = DemoAgency.generate(today: Fixture.today, options: DemoOptions(people: 120, engagements: 400, relationships: 90, sessions: 900))

    @Test("header, body, status line and footer stack up to the screen", arguments: sizes)
    func bands(_ size: Size) {
        let l = AppLayout(width: size.w, height: size.h)
        #expect(!l.tooSmall)
        #expect(l.header == Rect(x: 0, y: 0, width: size.w, height: 1))
        #expect(l.body == Rect(x: 0, y: 1, width: size.w, height: size.h - 3))
        #expect(l.status.y == size.h - 2 && l.footer.y == size.h - 1)
        // The panes and the strip tile the body.
        #expect(l.sideBySide == (size.w >= AppLayout.sideBySideWidth))
        #expect(l.coachingPane.intersection(l.mentoringPane).isEmpty)
        #expect(l.strip.bottom == l.body.bottom && l.strip.width == size.w)
        let panesArea = l.coachingPane.width * l.coachingPane.height + l.mentoringPane.width * l.mentoringPane.height
        #expect(panesArea + l.strip.width * l.strip.height == l.body.width * l.body.height)
        #expect(l.visibleRows(.coaching) >= 1 && l.visibleRows(.people) > l.visibleRows(.coaching))
        #expect(l.formFieldWidth + AppLayout.formLabelWidth + 4 <= max(l.formBoxWidth, 8 + AppLayout.formLabelWidth + 4))
    }

    @Test("a page down moves by the rows the pane shows, and the pane shows that many", arguments: sizes)
    func pagingMatchesDrawing(_ size: Size) throws {
        var s = Fixture.state(Self.big, width: size.w, height: size.h)
        let l = AppLayout(s)
        let rows = l.visibleRows(.coaching)
        #expect(s.rows.coaching.count > rows + 1)
        press(&s, .pageDown)
        #expect(s.dashboard.coaching.selected == rows)
        press(&s, .char("g"))
        let text = AppView.render(s, layout: l, theme: .monochrome).text
        #expect(text.contains("1–\(rows)/\(s.rows.coaching.count)"), "the pane's mark says it shows \(rows) rows")

        press(&s, .char("2"))
        let people = l.visibleRows(.people)
        press(&s, .pageDown)
        #expect(s.roster.selected == people)
        press(&s, .char("g"))
        #expect(AppView.render(s, theme: .monochrome).text.contains("1–\(people)/\(s.sortedPeople.count)"))
    }

    @Test("a page down on a person's records moves by the rows the table shows, and it shows that many", arguments: sizes)
    func personPaging(_ size: Size) throws {
        var data = Fixture.tiny
        let mentees = (1...80).map { Person(id: Fixture.id(6000 + $0), name: "Mentee \($0)") }
        data.people += mentees
        data.relationships += mentees.enumerated().map { i, p in
            MentoringRelationship(id: Fixture.id(7000 + i), mentorID: Fixture.ben.id, menteeID: p.id, start: Fixture.today.adding(days: -30), cadenceDays: 14)
        }
        var s = Fixture.state(data, width: size.w, height: size.h)
        press(&s, .char("2"))
        press(&s, Array(repeating: Key.char("j"), count: try #require(s.shownPeople.firstIndex { $0.id == Fixture.ben.id })))
        press(&s, .enter)
        let l = AppLayout(s)
        let rows = l.visibleRows(.person)
        #expect(rows >= 1 && rows < 82)
        #expect(AppView.render(s, layout: l, theme: .monochrome).text.contains("1–\(rows)/82"))
        press(&s, .pageDown)
        #expect(s.personScreen?.list.selected == rows)
        press(&s, .char("G"))
        #expect(s.personScreen?.list.selected == 81)
        #expect(AppView.render(s, theme: .monochrome).text.contains("\(82 - rows + 1)–82/82"))
    }

    @Test("a page down in a detail moves the document by the lines the detail shows", arguments: sizes)
    func detailPaging(_ size: Size) throws {
        // An engagement with a long story: more lines than two pages at any size here.
        var data = Fixture.tiny
        data.engagements[0].sessions = (1...80).map { i in
            Session(id: Fixture.id(5000 + i), date: Fixture.today.adding(days: -i), minutes: 30, notes: "Session \(i)\nWent well")
        }
        var s = Fixture.state(data, width: size.w, height: size.h)
        press(&s, .enter)
        let l = AppLayout(s)
        let d = try #require(s.detail)
        let doc = try #require(DetailDocument.of(d.ref, s, width: l.detailWidth))
        #expect(doc.lines.count > 2 * l.detailPage)
        let text = AppView.render(s, layout: l, theme: .monochrome).text
        #expect(text.contains("1–\(l.detailPage)/\(doc.lines.count)"))
        press(&s, .pageDown)
        let after = try #require(s.detail)
        #expect(after.scroll == l.detailPage)
        #expect(AppView.render(s, theme: .monochrome).text.contains("\(l.detailPage + 1)–\(2 * l.detailPage)/\(doc.lines.count)"))
    }

    @Test("the help overlay's height and scroll come from the layout", arguments: sizes)
    func help(_ size: Size) {
        var s = Fixture.state(width: size.w, height: size.h)
        press(&s, .char("?"))
        let l = AppLayout(s)
        #expect(l.helpLineCount == HelpContent.rows(s.keymap, about: .list).count)
        #expect(l.help.height == min(size.h - 2, l.helpLineCount + 3))
        #expect(l.helpVisible == l.help.height - 3)
        press(&s, .char("G"))
        #expect(s.help?.scroll == l.helpMaxScroll)
        let rows = AppView.render(s, layout: l, theme: .monochrome).lines
        #expect(rows[l.help.y].contains("Keys"))
    }

    // Keys used to act here unseen (a session could be logged that nobody saw); now only
    // quitting does (TooSmallKeysTests).
    @Test("too small: nothing but the notice, and keys other than quitting do nothing", arguments: tiny)
    func tooSmall(_ size: Size) {
        var s = Fixture.state(width: size.w, height: size.h)
        let l = AppLayout(s)
        #expect(l.tooSmall)
        #expect(l.visibleRows(.coaching) >= 1 && l.detailPage >= 1 && l.helpVisible >= 1)
        let effects = press(&s, .pageDown, .enter, .pageDown, .pageUp, .char("?"), .char("G"), .escape, .escape, .char("l"))
        #expect(effects.isEmpty)
        #expect(s.stack.count == 1 && s.screen == .dashboard && s.dashboard.coaching.scroll.selected == 0)
        let buf = AppView.render(s, theme: .monochrome)
        #expect(buf.width == max(0, size.w) && buf.height == max(0, size.h))
        if size.w >= 20, size.h >= 3 { #expect(buf.text.contains("too small")) }
    }

    @Test("a point maps to the region under it", arguments: sizes)
    func hits(_ size: Size) {
        let l = AppLayout(width: size.w, height: size.h)
        #expect(l.hit(x: 0, y: 0, on: .dashboard) == .header)
        #expect(l.hit(x: 3, y: size.h - 1, on: .dashboard) == .footer)
        #expect(l.hit(x: 3, y: size.h - 2, on: .dashboard) == .status)
        let t = l.table(.coaching)
        #expect(l.hit(x: t.x, y: t.y + 1, on: .dashboard) == .list(.coaching, visibleRow: 0))
        #expect(l.hit(x: t.x, y: t.y, on: .dashboard) == .list(.coaching, visibleRow: nil), "the column header is no row")
        let m = l.table(.mentoring)
        let second = min(1, l.visibleRows(.mentoring) - 1)
        #expect(l.hit(x: m.right - 1, y: m.y + 1 + second, on: .dashboard) == .list(.mentoring, visibleRow: second))
        #expect(l.hit(x: 1, y: l.strip.y + 1, on: .dashboard) == .strip)
        #expect(l.hit(x: l.detailText.x, y: l.detailText.y + 3, on: .detail(Fixture.pitchingRef)) == .detail(line: 3))
        #expect(l.hit(x: l.table(.people).x, y: l.table(.people).y + 4, on: .people) == .list(.people, visibleRow: 3))
        let person = l.table(.person)
        #expect(l.hit(x: person.x, y: person.y + 1, on: .person(Fixture.ana.id)) == .list(.person, visibleRow: 0))
        #expect(l.hit(x: l.personProfile.x, y: l.personProfile.y, on: .person(Fixture.ana.id)) == .outside, "the profile is no row")
        #expect(person.bottom == l.body.bottom - 1 && l.personProfile.height + person.height == l.body.height - 2)
    }
}

/// No key is handled outside the key table: in every context, a key that changes anything is
/// bound there (or is typed into the context's text field, which the table lists as text keys).
@Suite("Key table is the whole truth")
struct KeyTableTruthTests {
    static var universe: [Key] {
        var keys: [Key] = []
        for c in (32...126).compactMap(UnicodeScalar.init).map(Character.init) { keys.append(.char(c)) }
        keys += [.char("é"), .char("王"), .char("\n")]
        for c in "abcdefghijklmnopqrstuvwxyz" { keys.append(.ctrl(c)) }
        keys += [.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right, .home, .end,
                 .pageUp, .pageDown, .ctrlLeft, .ctrlRight, .alt(.char("b")), .alt(.char("f")), .alt(.left), .alt(.backspace)]
        keys += (1...12).map(Key.function)
        return keys
    }

    /// Everything a key can change, as one comparable value.
    struct Fingerprint: Equatable {
        var stack: [Context]
        var dashboard: DashboardState
        var roster: PaneState<PeopleSort>
        var archive: PaneState<ArchiveSort>
        var quitting: Bool
        var data: Snapshot
        var undo: Int
        var theme: String
        init(_ s: AppState) {
            stack = s.stack; dashboard = s.dashboard; roster = s.roster; archive = s.archive; quitting = s.isQuitting
            data = s.data; undo = s.undoStack.count; theme = s.themeName
        }
    }

    /// A state with each context on top.
    static func state(_ context: KeyContext) -> AppState {
        var s = Fixture.state(Fixture.tiny)
        switch context {
        case .always, .global, .list: break
        case .people: press(&s, .char("2"))
        case .person: press(&s, .char("2"), .enter)
        case .detail: press(&s, .enter)
        case .form: press(&s, .char("l"))
        case .prompt: press(&s, .char("/"))
        case .help: press(&s, .char("?"))
        case .confirm: press(&s, .char("l")); type(&s, "x"); press(&s, .escape)
        case .newMenu: press(&s, .char("n"))
        case .assessment: press(&s, .char("2"), .char("A"))
        case .assessmentResult: press(&s, [.char("2"), .char("A")] + StackTests.allAnswers)
        case .brief: press(&s, .enter, .char("b"))
        case .picker: press(&s, .char("n"), .char("c"), .ctrl("t"))
        case .insights: press(&s, .char("3"))
        case .records: press(&s, .char("3"), .enter)
        case .agenda: press(&s, .char("4"))
        case .conflict:
            _ = update(&s, .saveConflicted(SharingFixture.focusConflict()))
        case .archive: s = Fixture.state(Fixture.closedTiny); press(&s, .char("5"))
        case .closing: press(&s, .char("a"))
        }
        return s
    }

    @Test("every key that changes state is in the table for that context", arguments: KeymapTests.topContexts)
    func noKeyOutsideTheTable(_ context: KeyContext) {
        let start = Self.state(context)
        #expect(start.keyContext == context)
        let text = start.keymap.textBinding(in: context) != nil
        for key in Self.universe {
            var s = start
            let effects = update(&s, .keyPressed(key))
            let changed = Fingerprint(s) != Fingerprint(start) || !effects.isEmpty
            guard changed else { continue }
            let binding = start.keymap.binding(for: key, in: context)
            #expect(binding != nil || text, "\(Keymap.name(key)) changes the \(context) context but is not in the key table")
            if let b = binding, b.disabled != nil {
                Issue.record("\(Keymap.name(key)) is disabled in \(context) but changed something")
            }
        }
    }

    @Test("a disabled key says why in the status line and changes nothing else")
    func disabledSaysWhy() {
        for b in Keymap.standard.bindings where b.disabled != nil {
            var s = Self.state(b.context)
            let before = Fingerprint(s)
            #expect(update(&s, .keyPressed(b.keys[0])).isEmpty)
            #expect(Fingerprint(s) == before)
            #expect(s.status?.text.contains(b.disabled!) == true, "\(Keymap.name(b.keys[0])) in \(b.context)")
        }
    }

    @Test("l on the people screen says where logging is, and the footer shows only keys that work there")
    func peopleScreen() throws {
        var s = Self.state(.people)
        press(&s, .char("l"))
        #expect(s.status?.text == "l: sessions are logged on engagements and relationships: 1 for the dashboard")
        s.width = 120 // room for every hint of the people screen
        let footer = try #require(AppView.render(s, theme: .monochrome).lines.last)
        for (key, label) in s.keymap.hints(for: .people) { #expect(footer.contains("\(key) \(label)"), "\(footer)") }
        #expect(!footer.contains("l log") && !footer.contains("s sort"))
    }

    @Test("write keys are refused with the reason and hidden from the footer when read-only")
    func readOnly() throws {
        var s = Fixture.state(Fixture.tiny, readOnly: "another dashboard holds the lock")
        for key in [Key.char("l"), .char("n"), .char("e"), .char("a"), .char("u")] {
            #expect(press(&s, key).isEmpty)
            #expect(s.stack == [.dashboard])
            #expect(s.status?.text == "Read-only: another dashboard holds the lock")
        }
        let footer = try #require(AppView.render(s, theme: .monochrome).lines.last)
        #expect(!footer.contains("l log") && !footer.contains("n new") && !footer.contains("e edit"))
        #expect(footer.contains("/ filter") && footer.contains("q quit"))
    }

    @Test("a key bound only on another screen says where it works")
    func elsewhere() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("x"))
        #expect(s.status?.text.contains("record detail") == true)
    }

    @Test("the ? overlay lists the keys of what is on top first")
    func helpOrder() {
        for context in [KeyContext.list, .people, .detail] {
            let rows = HelpContent.rows(.standard, about: context)
            guard case .heading(let first) = rows.first else { Issue.record("no heading"); continue }
            #expect(first.hasSuffix("(here)"))
            #expect(first.lowercased().hasPrefix(context.title.lowercased()))
        }
    }
}
