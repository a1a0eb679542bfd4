import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

@Suite("Regressions found by the app tests")
struct RegressionTests {
    @Test("Backspace on an empty filter prompt closes it")
    func backspaceClosesPrompt() {
        var s = Fixture.state()
        press(&s, .char("/"), .char("x"), .backspace)
        #expect(s.prompt != nil)
        press(&s, .backspace)
        #expect(s.prompt == nil)
    }

    @Test("after scrolling the help past its end, k scrolls it back at once")
    func helpOverscroll() {
        var s = Fixture.state(width: 80, height: 24)
        press(&s, .char("?"))
        for _ in 0..<60 { press(&s, .char("j")) }
        let bottom = AppView.render(s, theme: .builtinDefault).lines
        press(&s, .char("k"))
        #expect(AppView.render(s, theme: .builtinDefault).lines != bottom)
    }

    @Test("PgDn twice in a long detail scrolls further than PgDn once")
    func detailPageDown() {
        var s = Fixture.state(width: 80, height: 24)
        press(&s, .enter)
        // Make the record's story several pages long.
        guard case .detail(let ref) = s.screen, let i = s.data.engagements.firstIndex(where: { $0.id == ref.id }) else {
            Issue.record("Enter did not open an engagement"); return
        }
        for n in 0..<15 {
            s.data.engagements[i].sessions.append(Session(id: Fixture.id(5000 + n), date: Fixture.today, minutes: 30,
                                                         notes: "Extra session \(n)\nsecond line"))
        }
        let first = AppView.render(s, theme: .builtinDefault).lines
        press(&s, .pageDown)
        let once = AppView.render(s, theme: .builtinDefault).lines
        press(&s, .pageDown)
        let twice = AppView.render(s, theme: .builtinDefault).lines
        #expect(once != first)
        #expect(twice != once)
    }

    @Test("PgDn in a dashboard pane moves the selection by the rows the pane shows",
          arguments: [(80, 24, 4), (140, 40, 22)])
    func dashboardPageSize(_ w: Int, _ h: Int, _ least: Int) {
        var data = Fixture.tiny
        data.engagements = (0..<40).map { i in
            var e = Fixture.pitching
            e.id = Fixture.id(1000 + i)
            e.deadline = Fixture.today.adding(days: i + 1)
            return e
        }
        var s = Fixture.state(data, width: w, height: h)
        // The long list takes the room the one-row mentoring pane does not need.
        let visible = AppLayout(s).visibleRows(.coaching)
        #expect(visible >= least)
        let shown = AppView.render(s, theme: .builtinDefault).lines.filter { $0.hasPrefix("│") && $0.contains(" Ana Lima ") }.count
        #expect(shown == visible)
        press(&s, .pageDown)
        #expect(s.dashboard.coaching.scroll.selected == visible)
    }

    @Test("footer hints name each key once", arguments: KeyContext.allCases)
    func hintsUnique(_ context: KeyContext) {
        let keys = Keymap.standard.hints(for: context).map(\.key)
        #expect(Set(keys).count == keys.count, "\(keys)")
    }

    @Test("editing an engagement without a cadence and saving it unchanged changes nothing")
    func editKeepsNoCadence() {
        var data = Fixture.tiny
        data.engagements[0].cadenceDays = nil
        var s = Fixture.state(data)
        press(&s, .char("e"))
        #expect(s.form?.text("cadence") == "")
        #expect(saved(press(&s, .ctrl("s"))).isEmpty)
        #expect(s.data.engagements[0].cadenceDays == nil)
    }
}
