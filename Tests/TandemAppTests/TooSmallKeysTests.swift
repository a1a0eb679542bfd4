import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Under the least size only the notice is drawn, so only quitting acts: nothing is done
/// that nobody could see, and nothing is kept to act once the screen grows.
@Suite("Too small: only quitting acts")
struct TooSmallKeysTests {
    /// The demo state at 80x24, then shrunk to 50x12.
    func shrunk(_ prepare: (inout AppState) -> Void = { _ in }) -> AppState {
        var s = Fixture.state(width: 80, height: 24)
        prepare(&s)
        _ = update(&s, .resized(width: 50, height: 12))
        return s
    }

    @Test("a key, a click or a paste does nothing while too small, and does not act once the screen grows")
    func othersDoNothing() {
        var s = shrunk()
        var effects = press(&s, .char("j"), .enter, .char("l"))
        type(&s, "unseen note")
        effects += press(&s, .ctrl("s"))
        effects += update(&s, .mouse(MouseEvent(.click, x: 3, y: 3)))
        effects += update(&s, .pasted("pasted unseen"))
        #expect(effects.isEmpty)
        #expect(s.stack.count == 1 && s.form == nil && s.dashboard.coaching.scroll.selected == 0)
        #expect(s.status == nil, "nothing is said where nobody can read it")
        _ = update(&s, .resized(width: 80, height: 24))
        #expect(s.stack.count == 1 && s.form == nil && s.dashboard.coaching.scroll.selected == 0, "nothing queued")
        press(&s, .char("j"))
        #expect(s.dashboard.coaching.scroll.selected == 1, "keys act again at the least size")
    }

    @Test("Ctrl-L redraws while too small, over a screen and over a form")
    func redrawActs() {
        var s = shrunk()
        #expect(press(&s, .ctrl("l")) == [.redraw])
        var f = shrunk { press(&$0, .enter, .char("l")) }
        #expect(f.form != nil)
        #expect(press(&f, .ctrl("l")) == [.redraw])
    }

    @Test("q quits from a screen while too small")
    func quitKey() {
        var s = shrunk()
        let effects = press(&s, .char("q"))
        #expect(s.isQuitting)
        #expect(effects.contains { if case .quit = $0 { true } else { false } })
    }

    @Test("over a form q is a letter, not typed while too small; Ctrl-C quits and keeps the form as a draft, as it does at any size")
    func ctrlCOverAForm() {
        var s = shrunk { s in
            press(&s, .enter, .char("l"))
            type(&s, "seen note")
        }
        let before = s.form?.values
        #expect(press(&s, .char("q")).isEmpty)
        #expect(!s.isQuitting && s.form?.values == before, "q neither quits nor types")
        let effects = press(&s, .ctrl("c"))
        #expect(s.isQuitting)
        let drafts = effects.compactMap { if case .saveDraft(let d) = $0 { d } else { nil } }
        #expect(drafts.count == 1)
        #expect(drafts.first?.fields.values.contains { $0.contains("seen note") } == true)
    }

    @Test("q with a version kept unsaved refuses to quit while too small, as it does at any size")
    func unsavedStillRefuses() {
        var s = shrunk { $0.unsaved.insert(Fixture.pitchingRef) }
        press(&s, .char("q"))
        #expect(!s.isQuitting)
        #expect(s.status?.text.contains("Not quitting") == true)
    }
}
