import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Expects every row to take exactly the buffer's width on a terminal.
func expectRowsFill(_ buf: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    for (y, line) in buf.lines.enumerated() where DisplayWidth.of(line) != buf.width {
        Issue.record("row \(y) |\(line)| is \(DisplayWidth.of(line)) columns, expected \(buf.width)", sourceLocation: sourceLocation)
    }
}

/// The column where `text` starts on row `y`, counted in terminal columns.
func column(of text: String, in buf: ScreenBuffer, row y: Int) -> Int? {
    let line = buf.lines[y]
    guard let r = line.range(of: text) else { return nil }
    return DisplayWidth.of(String(line[..<r.lowerBound]))
}

/// The column where `text` (one column per character) starts on row `y`, searching from `x`.
func find(_ text: String, in buf: ScreenBuffer, row y: Int, from x: Int = 0) -> Int? {
    let chars = text.map(String.init)
    guard chars.count <= buf.width else { return nil }
    return (max(0, x)...(buf.width - chars.count)).first { x0 in
        chars.indices.allSatisfy { buf[x0 + $0, y].grapheme == chars[$0] && !buf[x0 + $0, y].isContinuation }
    }
}

/// Checks a table drawn by `RowTable`: on every data row, the blank column before each
/// left-aligned title and after each right-aligned one is still blank, so no wide character
/// pushed a cell sideways. Returns how many data rows it checked.
@discardableResult
func expectColumnsAligned(_ buf: ScreenBuffer, first: String, left: [String], right: [String],
                          sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    guard let y = buf.lines.firstIndex(where: { $0.contains(first) }), let x0 = find(first, in: buf, row: y) else {
        Issue.record("no table headed \(first)", sourceLocation: sourceLocation)
        return 0
    }
    let xEnd = ((x0 + 1)..<buf.width).first { buf[$0, y].grapheme == "│" } ?? buf.width
    // The pane's left border (a narrow mark column may sit between it and the first title).
    let border = (0..<x0).last { buf[$0, y].grapheme == "│" } ?? x0 - 1
    var gaps: [Int] = []
    for t in left { if let x = find(t, in: buf, row: y, from: x0 + 1), x < xEnd { gaps.append(x - 1) } }
    for t in right { if let x = find(t, in: buf, row: y, from: x0 + 1), x < xEnd { gaps.append(x + t.count) } }
    var rowsChecked = 0
    var row = y + 1
    while row < buf.height, buf[border, row].grapheme == "│", buf[x0, row].grapheme != " " {
        for g in gaps where buf[g, row].grapheme != " " || buf[g, row].isContinuation {
            Issue.record("row \(row) column \(g) is not the gap between cells: |\(buf.lines[row])|", sourceLocation: sourceLocation)
        }
        rowsChecked += 1
        row += 1
    }
    if gaps.count < left.count + right.count - 2 {
        Issue.record("only \(gaps.count) column titles found after \(first)", sourceLocation: sourceLocation)
    }
    return rowsChecked
}

/// The rows whose text contains `text`.
func rowIndex(of text: String, in buf: ScreenBuffer) -> Int? {
    buf.lines.firstIndex { $0.contains(text) }
}

@Suite("Views")
struct ViewTests {
    static let themes: [Theme] = [.builtinDefault, .monochrome]

    @Test("the header names the agency, the day and the counts", arguments: [(80, 24), (140, 40)])
    func header(_ w: Int, _ h: Int) {
        let s = Fixture.state(width: w, height: h)
        let buf = AppView.render(s, theme: .builtinDefault)
        let top = buf.lines[0]
        #expect(top.contains("Lantern & Co."))
        // Wide: the brand and the long date; narrow: the short date, every count still whole.
        #expect(top.contains(w >= 100 ? "Sun 29 Nov 2026" : "29 Nov"))
        if w >= 100 { #expect(top.contains("Tandem")) }
        // Counts of active work; at 80 columns "due this week" shortens so the name stays whole.
        #expect(top.contains(w >= 100 ? "5 coaching · 6 mentoring · 4 overdue · 3 due this week · 1 stalled"
                                      : "5 coaching  6 mentoring  4 overdue  3 due 7d  1 stalled"))
        #expect(!top.contains("read-only"))
    }

    @Test("a read-only dashboard says so in the header")
    func readOnlyHeader() {
        let s = Fixture.state(readOnly: "locked")
        #expect(AppView.render(s, theme: .builtinDefault).lines[0].contains("[read-only]"))
    }

    @Test("80x24 stacks the panes: coaching above mentoring, both with demo names and deadlines")
    func stacked() throws {
        let buf = AppView.render(Fixture.state(), theme: .builtinDefault)
        let coachingRow = rowIndex(of: "Coaching · 5 active · 2 planned or on hold · by deadline", in: buf)
        let mentoringRow = rowIndex(of: "Mentoring · 6 active · 1 paused · by next due", in: buf)
        let coaching = try #require(coachingRow)
        let mentoring = try #require(mentoringRow)
        #expect(coaching < mentoring)
        #expect(column(of: "Coaching", in: buf, row: coaching) == column(of: "Mentoring", in: buf, row: mentoring))
        let text = buf.text
        for needle in ["José Núñez", "6d late", "王小明", "3d", "Amélie Lefèv", "59d",
                       "Nguyễn Thu Hà → Siobhán Kavanagh", "48d late", "fizzled", "김민준 → Łukasz Wróbel", "drifting", "in 3d"] {
            #expect(text.contains(needle), "\(needle) missing")
        }
        #expect(text.contains("1–4/7"), "the hidden rows are announced")
        #expect(buf.lines[23].contains("Enter open") && buf.lines[23].contains("? help"))
    }

    @Test("200x60 puts the panes side by side, every record visible")
    func sideBySide() throws {
        let s = Fixture.state(width: 200, height: 60)
        let buf = AppView.render(s, theme: .builtinDefault)
        let row = try #require(rowIndex(of: "Coaching · 5 active", in: buf))
        #expect(buf.lines[row].contains("Mentoring · 6 active"))
        let text = buf.text
        for c in s.rows.coaching { #expect(text.contains(c.coachee)) }
        for m in s.rows.mentoring { #expect(text.contains("\(m.mentor) → \(m.mentee)")) }
        #expect(text.contains("95d") && text.contains("in 12d") && text.contains("on track"))
        #expect(!text.contains("1–"), "nothing is hidden")
    }

    @Test("a deadline today reads “today”")
    func deadlineToday() {
        var data = Fixture.tiny
        data.engagements[0].deadline = Fixture.today
        let buf = AppView.render(Fixture.state(data), theme: .builtinDefault)
        #expect(buf.lines.contains { $0.contains("Ana Lima") && $0.contains(" today ") })
    }

    @Test("CJK names keep every row exactly as wide as the screen, and table columns aligned",
          arguments: [(80, 24), (100, 30), (140, 40)])
    func cjk(_ w: Int, _ h: Int) {
        for theme in Self.themes {
            for focus in [Pane.coaching, .mentoring] {
                var s = Fixture.state(width: w, height: h)
                s.dashboard.focus = focus
                let buf = AppView.render(s, theme: theme)
                expectRowsFill(buf)
                #expect(buf.text.contains("王小明") && buf.text.contains("김민준"))
                let coaching = expectColumnsAligned(buf, first: "COACHEE", left: ["FOCUS", "COACH ", "PROGRESS", "FORECAST"], right: ["DUE"])
                let mentoring = expectColumnsAligned(buf, first: "MENTOR", left: ["HEALTH"], right: ["SINCE", "EVERY", "LAST MET", "NEXT DUE"])
                let layout = AppLayout(s)
                #expect(coaching == min(7, layout.visibleRows(.coaching)) && mentoring == min(7, layout.visibleRows(.mentoring)))
            }
        }
    }

    @Test("a CJK name is cut on a column boundary, never through a wide character")
    func cjkTruncation() {
        var data = Fixture.tiny
        data.people[0].name = "王小明王小明王小明王小明"
        for w in 60...80 {
            let buf = AppView.render(Fixture.state(data, width: w, height: 24), theme: .builtinDefault)
            expectRowsFill(buf)
        }
    }

    /// The notice's lines as drawn: the non-blank rows, trimmed, and where they are.
    func notice(_ w: Int, _ h: Int) -> (lines: [String], rows: [Int]) {
        let buf = AppView.render(Fixture.state(width: w, height: h), theme: .builtinDefault)
        expectRowsFill(buf)
        let nonBlank = rows(buf).enumerated().filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        return (nonBlank.map { $0.element.trimmingCharacters(in: .whitespaces) }, nonBlank.map(\.offset))
    }

    @Test("below 60x16 the screen only says it is too small, what it needs and has, and how to quit")
    func tooSmall() {
        let (lines, at) = notice(50, 12)
        #expect(lines == ["terminal too small", "need 60x16, have 50x12", "q quits"])
        #expect(at == [4, 5, 6], "centred")
    }

    @Test("the too-small notice says the needed size whole at every width it fits, the shortest wording first when short",
          arguments: [(10, 5, ["too small", "need 60x16", "have 10x5", "q quits"]),
                      (20, 3, ["too small", "need 60x16", "q quits"]),
                      (59, 16, ["terminal too small", "need 60x16, have 59x16", "q quits"]),
                      (60, 15, ["terminal too small", "need 60x16, have 60x15", "q quits"]),
                      (80, 2, ["too small: need 60x16, have 80x2", "q quits"]),
                      (80, 1, ["too small: need 60x16, have 80x1 · q quits"]),
                      (10, 1, ["need 60x16"]),
                      (7, 10, ["need", "60x16", "have", "7x10", "q quits"]),
                      (5, 1, ["60x16"]),
                      (1, 1, ["…"])])
    func tooSmallWordings(_ w: Int, _ h: Int, _ expected: [String]) {
        #expect(notice(w, h).lines == expected)
    }

    @Test("at every size under the least the notice is drawn whole: no line is cut at an edge")
    func tooSmallNeverCut() {
        for w in 1...AppLayout.minWidth {
            for h in 1...AppLayout.minHeight where w < AppLayout.minWidth || h < AppLayout.minHeight {
                let drawn = notice(w, h).lines
                let meant = AppView.tooSmallLines(width: w, height: h, quitKey: "q")
                #expect(drawn == meant, "at \(w)x\(h)")
                #expect(!meant.isEmpty && meant.count <= h && meant.allSatisfy { DisplayWidth.of($0) <= w }, "at \(w)x\(h)")
                if w >= 10 { #expect(meant.contains { $0.contains("need 60x16") }, "at \(w)x\(h) the needed size is said") }
            }
        }
    }

    @Test("over a form the too-small notice names Ctrl-C, the key that quits there (q is a letter to type)")
    func tooSmallOverAForm() {
        var s = Fixture.state(width: 80, height: 24)
        press(&s, .enter, .char("l"))
        #expect(s.form != nil)
        _ = update(&s, .resized(width: 50, height: 12))
        let lines = rows(AppView.render(s, theme: .builtinDefault)).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == ["terminal too small", "need 60x16, have 50x12", "Ctrl-C quits"])
    }

    @Test("any size renders without a crash, every overlay included",
          arguments: [(0, 0), (1, 1), (2, 1), (59, 16), (60, 15), (60, 16), (61, 17), (99, 20), (100, 20)])
    func sizes(_ w: Int, _ h: Int) {
        // Keys act only at a size where what they do shows (under it only quitting acts), so
        // each overlay is opened at 80x24 and drawn at the size under test.
        var s = Fixture.state(width: 80, height: 24)
        func render(_ theme: Theme = .builtinDefault) -> ScreenBuffer {
            var small = s
            _ = update(&small, .resized(width: w, height: h))
            return AppView.render(small, theme: theme)
        }
        var screens: [ScreenBuffer] = [render()]
        press(&s, .char("?"))
        screens.append(render())
        press(&s, .escape, .enter)
        screens.append(render(.monochrome))
        press(&s, .char("l"))
        type(&s, "王小明 wrote a long note that wraps across the notes field several times over")
        screens.append(render())
        press(&s, .escape)
        screens.append(render())
        press(&s, .char("y"), .char("2"))
        screens.append(render())
        for buf in screens {
            #expect(buf.width == w && buf.height == h)
            expectRowsFill(buf)
        }
        if w >= 60 && h >= 16 {
            #expect(!screens[0].text.contains("too small"))
        } else if w >= 20 && h >= 3 {
            #expect(screens.allSatisfy { $0.text.contains("too small") })
        }
    }

    @Test("the help overlay lists every binding; scrolling reaches them all at 80x24")
    func helpOverlay() {
        var s = Fixture.state(width: 80, height: 24)
        press(&s, .char("?"))
        var seen = ""
        let lines = HelpContent.rows(s.keymap, about: .list).count
        #expect(lines > 20, "more lines than fit at 80x24")
        for _ in 0..<lines {
            let buf = AppView.render(s, theme: .builtinDefault)
            expectRowsFill(buf)
            seen += buf.text + "\n"
            press(&s, .char("j"))
        }
        for b in Keymap.standard.bindings {
            // The overlay is 78 wide: 18 columns of keys, then the help, cut with "…".
            #expect(seen.contains(String(b.help.prefix(50))), "help for \(b.action) missing")
            #expect(seen.contains("  " + b.keysText))
        }
        #expect(seen.contains(":log <who> <minutes> <note…>"))
    }

    @Test("on a tall screen the help shows every binding at once")
    func helpTall() {
        var s = Fixture.state(width: 100, height: HelpContent.rows(Keymap.standard, about: .list).count + 5)
        press(&s, .char("?"))
        let text = AppView.render(s, theme: .builtinDefault).text
        for b in Keymap.standard.bindings { #expect(text.contains(String(b.help.prefix(50)))) }
        #expect(text.contains("Esc or ? closes"))
        #expect(!text.contains("↑↓ scroll"))
    }

    @Test("the log form shows its labels and puts the cursor in Notes, after what was typed")
    func logForm() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        var buf = AppView.render(s, theme: .builtinDefault)
        let text = buf.text
        for label in ["Log session — Ana Lima: Pitching to clients", "Date", "Minutes", "Notes", "Topics", "Actions",
                      "Win rate", "Pulse", "Visibility", "Next session", "Ctrl-S save"] {
            #expect(text.contains(label), "\(label) missing from\n\(text)")
        }
        #expect(buf.lines.contains { $0.contains("Minutes") && $0.contains("50") })
        let notesRow = try #require(rowIndex(of: "Notes", in: buf))
        let cursor = try #require(buf.cursor)
        #expect(cursor.y == notesRow)
        let start = cursor.x
        type(&s, "王小明 ok")
        buf = AppView.render(s, theme: .builtinDefault)
        #expect(buf.cursor == Position(x: start + 9, y: notesRow))
        #expect(buf.lines[notesRow].contains("王小明 ok"))
        press(&s, .tab)
        buf = AppView.render(s, theme: .builtinDefault)
        #expect(buf.cursor?.y == rowIndex(of: "Topics", in: buf))
        #expect(buf.text.contains("comma-separated"), "the focused field's hint shows")
    }

    @Test("a field error shows under its field")
    func formError() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"), .backTab, .backTab, .ctrl("a"), .ctrl("k"))
        type(&s, "2026-02-30")
        press(&s, .ctrl("s"))
        let buf = AppView.render(s, theme: .builtinDefault)
        let dateRow = rowIndex(of: "2026-02-30", in: buf)
        let errorRow = rowIndex(of: "✗ ", in: buf)
        #expect(dateRow != nil && errorRow == dateRow.map { $0 + 1 }, "\(buf.text)")
        #expect(buf.lines[buf.height - 2].contains("Not saved"))
    }

    @Test("a confirmation shows its question and its keys")
    func confirm() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"), .char("x"), .escape)
        let text = AppView.render(s, theme: .builtinDefault).text
        #expect(text.contains("Discard?"))
        #expect(text.contains("Throw away what you typed in"))
        #expect(text.contains(" y  discard") && text.contains(" n  keep editing"))
    }

    @Test("the coaching detail shows objectives, metrics and sessions, newest first")
    func coachingDetail() {
        var data = Fixture.tiny
        data.engagements[0].sessions.append(Session(id: Fixture.id(232), date: Fixture.today.adding(days: -2), minutes: 40,
                                                   notes: "Dry run with the team", topics: ["rehearsal"],
                                                   actionItems: [ActionItem(id: Fixture.id(233), text: "Send the deck", due: Fixture.today.adding(days: 3))],
                                                   pulse: 4, visibility: .shared))
        var s = Fixture.state(data)
        press(&s, .enter)
        let buf = AppView.render(s, theme: .builtinDefault)
        let lines = rows(buf)
        let text = buf.text
        for needle in ["Coaching · Ana Lima · Pitching to clients", "coach Ben Okafor", "2026-10-30 → 2026-12-11",
                       "[ ] Lead one pitch alone", "[ ] Cut the deck to 10 slides", "Win rate", "20% → 30% → 40%",
                       "Fri 27 Nov 2026 · 40 min · pulse 4/5 · shared · rehearsal", "Dry run with the team",
                       "[ ] Send the deck  due 2026-12-02", "Thu 19 Nov 2026 · 50 min · private", "Reviewed the Acme deck"] {
            #expect(text.contains(needle), "\(needle) missing")
        }
        let newer = lines.firstIndex { $0.contains("Fri 27 Nov 2026") }!
        let older = lines.firstIndex { $0.contains("Thu 19 Nov 2026") }!
        #expect(newer < older)
        #expect(buf.lines.last!.contains("x done") && buf.lines.last!.contains("Esc back"))
    }

    @Test("the mentoring detail shows health, goals and sessions")
    func mentoringDetail() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .tab, .enter)
        let text = AppView.render(s, theme: .monochrome).text
        for needle in ["Mentoring · Ben Okafor → Chloé Dubois", "every 14 days", "on track", "next due 2026-12-06",
                       "focus client work", "Goals", "[ ] Run a workshop", "Sessions", "Sun 22 Nov 2026 · 30 min",
                       "Talked about workshops"] {
            #expect(text.contains(needle), "\(needle) missing")
        }
    }

    @Test("the people screen lists everyone with their coaching and mentoring")
    func people() {
        var s = Fixture.state(Fixture.tiny, width: 120, height: 24)
        press(&s, .char("2"))
        let buf = AppView.render(s, theme: .builtinDefault)
        expectRowsFill(buf)
        let text = buf.text
        #expect(text.contains("People · 3 current"))
        #expect(buf.lines.contains { $0.contains("Ana Lima") && $0.contains("Pitching to clients") })
        #expect(buf.lines.contains { $0.contains("Ben Okafor") && $0.contains("mentors 1/0") }, "the real load: one mentee, a capacity of 0")
        #expect(buf.lines.contains { $0.contains("Chloé Dubois") && $0.contains("mentored by Ben Okafor") })
    }

    @Test("the filter prompt and an active filter show in the status line")
    func filterStatus() {
        var s = Fixture.state()
        press(&s, .char("/"))
        type(&s, "jose")
        var buf = AppView.render(s, theme: .builtinDefault)
        #expect(buf.lines[22].hasPrefix("/coaching filter: jose"))
        #expect(buf.text.contains("Coaching · 2 of 7 · /jose"))
        press(&s, .enter)
        buf = AppView.render(s, theme: .builtinDefault)
        #expect(buf.lines[22].contains("coaching /jose"))
    }

    @Test("an empty agency invites to add records")
    func empty() {
        let s = Fixture.state(Snapshot(agency: Agency(name: "New Shop")))
        let text = AppView.render(s, theme: .builtinDefault).text
        #expect(text.contains("No coaching engagements. Press n to start one."))
        #expect(text.contains("No mentoring relationships. Press n to pair people up."))
        #expect(text.contains("Nothing selected"))
    }
}

@Suite("Views: momentum and narrow panes")
struct MomentumAndNarrowViewTests {
    @Test func theDetailStripWarnsWhenAnEngagementHasGoneQuiet() {
        var data = Fixture.tiny
        data.engagements[0].sessions = data.engagements[0].sessions.map { var x = $0; x.date = Fixture.today.adding(days: -30); return x }
        let quiet = AppState(today: Fixture.today, data: data, width: 100, height: 30)
        #expect(AppView.render(quiet, theme: .monochrome).text.contains("no session for 30 days"))
        let busy = AppState(today: Fixture.today, data: Fixture.tiny, width: 100, height: 30)
        #expect(!AppView.render(busy, theme: .monochrome).text.contains("no session for"))
    }

    @Test func aNarrowMentoringPaneKeepsBothNamesInSight() {
        var data = Fixture.tiny
        data.people = data.people.map { p in
            var q = p
            q.name = p.name + " Longsurname-Doubleton"
            return q
        }
        let s = AppState(today: Fixture.today, data: data, width: 60, height: 30)
        // At the narrowest screen the pair's column is at its least.
        let pair = try! #require(AppView.render(s, theme: .monochrome).lines.first { $0.contains(" → ") && $0.contains("Ben") })
        #expect(pair.contains("Ben") && pair.contains(" → Chlo"), "both mentor and mentee should show: \(pair)")
        #expect(pair.contains("…"), "the long names are cut: \(pair)")
    }
}
