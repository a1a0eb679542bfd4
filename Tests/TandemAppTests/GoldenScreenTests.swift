import Testing
import TandemCore
import TerminalUI
@testable import TandemApp

/// Expects the buffer's rows to read `expected` (trailing spaces ignored); on failure, shows
/// both screens row by row with the differing rows marked, so a layout change reads as a diff.
func expectScreen(_ buf: ScreenBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = rows(buf)
    guard actual != expected else { return }
    var report = "screen differs (≠ marks a row; expected above actual):\n"
    for i in 0..<max(actual.count, expected.count) {
        let e = i < expected.count ? expected[i] : "<no row>"
        let a = i < actual.count ? actual[i] : "<no row>"
        report += e == a ? "  \(i): \(e)\n" : "≠ \(i): \(e)\n     \(a)\n"
    }
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}

/// Whole screens of the tiny agency (one engagement, one relationship) at 80x24.
@Suite("Golden screens")
struct GoldenScreenTests {
    @Test("the dashboard", arguments: ["default", "mono"])
    func dashboard(_ themeName: String) {
        let s = Fixture.state(Fixture.tiny)
        let theme: Theme = themeName == "mono" ? .monochrome : .builtinDefault
        expectScreen(AppView.render(s, theme: theme), [
            " Small Studio · 29 Nov  1 coaching  1 mentoring  0 overdue  1 due 7d  0 stalled",
            "╭─ Coaching · 1 active · by deadline ──────────────────────────────────────────╮",
            "│   COACHEE       FOCUS            COACH           DUE PROGRESS     FORECAST   │",
            "│   Ana Lima      Pitching to cli… Ben Okafor      12d ███▌░░░ 50%  ✓ on track │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "╰──────────────────────────────────────────────────────────────────────────────╯",
            "╭─ Mentoring · 1 active · by next due ─────────────────────────────────────────╮",
            "│  MENTOR → MENTEE                  SINCE EVERY  LAST MET NEXT DUE HEALTH      │",
            "│  Ben Okafor → Chloé Dubois          3mo   14d    22 Nov    in 7d ✓ on track  │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "╰──────────────────────────────────────────────────────────────────────────────╯",
            "╭─ Ana Lima · Pitching to clients ─────────────────────────────────────────────╮",
            "│Win rate ▁▅ 20% → 30% → 40% ✓ on track  Latest 19 Nov · 50 min                │",
            "│Objectives 0 of 2 done                  Reviewed the Acme deck                │",
            "│○ Lead one pitch alone                                                        │",
            "│○ Cut the deck to 10 slides                                                   │",
            "╰──────────────────────────────────────────────────────────────────────────────╯",
            "",
            "Tab pane  Enter open  l log  n new  e edit  / filter  s sort  q quit  ? help",
        ])
    }

    @Test("the mentoring detail")
    func detail() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .tab, .enter)
        expectScreen(AppView.render(s, theme: .monochrome), [
            " Small Studio · 29 Nov  1 coaching  1 mentoring  0 overdue  1 due 7d  0 stalled",
            "╭─ Mentoring · Ben Okafor → Chloé Dubois ──────────────────────────────────────╮",
            "│ since 2026-08-21 · every 14 days · ✓ on track · next due 2026-12-06          │",
            "│ streak 1 · 1 session                                                         │",
            "│ focus client work                                                            │",
            "│                                                                              │",
            "│ Goals                                                                        │",
            "│   [ ] Run a workshop                                                         │",
            "│                                                                              │",
            "│ Sessions                                                                     │",
            "│   Sun 22 Nov 2026 · 30 min · private                                         │",
            "│     Talked about workshops                                                   │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "╰──────────────────────────────────────────────────────────────────────────────╯",
            "",
            "x done  l log  e edit  Enter session  d delete  b brief  Esc back  q quit",
        ])
    }
}
