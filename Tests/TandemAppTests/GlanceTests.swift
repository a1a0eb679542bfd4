import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The column titles of the table headed by `first` on the screen (words of its header row,
/// inside the pane's border).
func columnTitles(_ buf: ScreenBuffer, first: String) -> Set<String> {
    guard let y = buf.lines.firstIndex(where: { $0.contains(first) }) else { return [] }
    let line = buf.lines[y]
    guard let start = line.range(of: first)?.lowerBound else { return [] }
    let pane = line[start...].prefix { $0 != "│" }
    return Set(pane.split(separator: " ").map(String.init).filter { $0 != "→" })
}

@Suite("What the leader sees at a glance")
struct GlanceTests {
    // MARK: Every state has a place

    @Test("planned and on-hold engagements and paused pairs follow the active rows, dimmed, with their state")
    func quietGroup() throws {
        let s = Fixture.state(width: 120, height: 40)
        let r = s.rows
        #expect(r.quietCoaching == 2 && r.quietMentoring == 1)
        #expect(r.coaching.prefix(5).allSatisfy { $0.engagement.status == .active })
        #expect(Set(r.coaching.suffix(2).map(\.engagement.status)) == [.planned, .onHold])
        #expect(r.mentoring.last?.relationship.status == .paused)
        // The header counts active work only.
        #expect(r.activeCoaching == 5 && r.activeMentoring == 6)
        let buf = AppView.render(s, theme: .builtinDefault)
        let onHold = try #require(buf.lines.first { $0.contains("on hold") && $0.contains("佐藤 花子") })
        #expect(onHold.contains("10d"))
        #expect(buf.lines.contains { $0.contains("Andrés Castillo") && $0.contains("planned") })
        #expect(buf.lines.contains { $0.contains("Priya Iyer → 王小明") && $0.contains("paused since 2 Oct") })
        // Dimmed: the quiet coachee's name is drawn in the muted role, an active one's is not.
        let muted = Theme.builtinDefault.style(.muted).fg
        let y = try #require(rowIndex(of: "Andrés Castillo", in: buf))
        let x = try #require(column(of: "Andrés", in: buf, row: y))
        #expect(buf[x, y].style.fg == muted)
        let y2 = try #require(rowIndex(of: "Amélie Lefèvre", in: buf))
        let x2 = try #require(column(of: "Amélie", in: buf, row: y2))
        #expect(buf[x2, y2].style.fg != muted)
    }

    @Test("a paused pair is selected, opened and filtered like any other")
    func quietRowsAreReachable() throws {
        var s = Fixture.state()
        press(&s, .tab, .char("G"))
        let paused = try #require(s.data.relationships.first { $0.status == .paused })
        #expect(s.selectedRecord == RecordRef(kind: .mentoring, id: paused.id))
        press(&s, .enter)
        #expect(s.screen == .detail(RecordRef(kind: .mentoring, id: paused.id)))
        let doc = try #require(DetailDocument.of(RecordRef(kind: .mentoring, id: paused.id), s, width: 76))
        #expect(doc.lines.contains { $0.map(\.text).joined().contains("paused since 2026-10-02") })
        press(&s, .escape, .char("/"))
        type(&s, "paused")
        #expect(s.rows.mentoring.map(\.id) == [paused.id], "the filter matches the state")
        var c = Fixture.state()
        press(&c, .char("/"))
        type(&c, "on hold")
        #expect(c.rows.coaching.map(\.engagement.status) == [.onHold])
    }

    @Test("every record the store holds open is on the dashboard")
    func nothingUnreachable() {
        let s = Fixture.state()
        let open = s.data.engagements.filter { StatusNames.defaultEngagementStatuses.contains($0.status) }.map(\.id)
        let pairs = s.data.relationships.filter { StatusNames.defaultRelationshipStatuses.contains($0.status) }.map(\.id)
        #expect(Set(s.rows.coaching.map(\.id)) == Set(open))
        #expect(Set(s.rows.mentoring.map(\.id)) == Set(pairs))
    }

    // MARK: Space used well

    @Test("for each pane the columns shown never shrink as the terminal widens")
    func columnsNeverShrink() {
        for height in [24, 40] {
            var before: [Pane: Set<String>] = [.coaching: [], .mentoring: []]
            for width in AppLayout.minWidth...220 {
                let buf = AppView.render(Fixture.state(width: width, height: height), theme: .monochrome)
                for (pane, first) in [(Pane.coaching, "COACHEE"), (.mentoring, "MENTOR")] {
                    let titles = columnTitles(buf, first: first)
                    #expect(titles.isSuperset(of: before[pane]!), "\(pane) at \(width)x\(height) lost \(before[pane]!.subtracting(titles))")
                    before[pane] = titles
                }
            }
            #expect(before[.coaching] == ["COACHEE", "FOCUS", "COACH", "DUE", "SESSIONS", "PROGRESS", "FORECAST"])
            #expect(before[.mentoring] == ["MENTOR", "MENTEE", "SINCE", "EVERY", "LAST", "MET", "NEXT", "DUE", "HEALTH"])
        }
    }

    @Test("the column rule: more width never takes a column away, and widths fill the pane exactly")
    func columnRule() {
        for pane in [Pane.coaching, .mentoring] {
            var last: [PaneColumn.ID] = []
            for width in 10...240 {
                let shown = PaneColumns.shown(pane, width: width).map(\.id)
                #expect(Set(shown).isSuperset(of: last), "\(pane) at \(width)")
                last = shown
                let cols = PaneColumns.shown(pane, width: width)
                let widths = PaneColumns.widths(cols, width: width)
                if !cols.isEmpty {
                    #expect(widths.reduce(0, +) + PaneColumns.spacing * (cols.count - 1) == width, "\(pane) at \(width)")
                    #expect(zip(cols, widths).allSatisfy { $1 >= $0.least })
                }
            }
            // Side by side, each half holds every column.
            let half = AppLayout(width: AppLayout.sideBySideWidth, height: 40).coachingPane.inset(1).width
            #expect(PaneColumns.shown(pane, width: half).count == PaneColumns.all(pane).columns.count)
        }
        #expect(PaneColumns.shown(.coaching, width: 78).map(\.id).contains(.coach), "80 columns keep the coach")
        #expect(PaneColumns.shown(.mentoring, width: 78).count == PaneColumns.mentoring.count, "and every mentoring column")
    }

    @Test("panes size to their rows and the strip to its lines; the lists come first")
    func contentSizing() {
        // Room for everything: each pane its rows, a header and a border; the strip its lines.
        let roomy = AppLayout.heights(body: 57, sideBySide: false, coaching: 7, mentoring: 7, strip: 12)
        #expect(roomy.1 == 14 && roomy.0.reduce(0, +) == 57 - 14 && roomy.0.allSatisfy { $0 >= 10 })
        // Short of room: whole lists when the strip keeps five rows.
        let tight = AppLayout.heights(body: 27, sideBySide: false, coaching: 7, mentoring: 7, strip: 20)
        #expect(tight.0 == [10, 10] && tight.1 == 7)
        // Shorter still: the strip keeps its share, the panes split the rest, a short list
        // gives its room to the long one.
        let short = AppLayout.heights(body: 21, sideBySide: false, coaching: 40, mentoring: 1, strip: 20)
        #expect(short.1 == 7 && short.0 == [10, 4])
        let side = AppLayout.heights(body: 47, sideBySide: true, coaching: 7, mentoring: 3, strip: 8)
        #expect(side.0[0] == side.0[1] && side.1 == 10)
        // Every size tiles the body.
        for body in 13...60 {
            for c in [0, 1, 7, 50] {
                let (panes, strip) = AppLayout.heights(body: body, sideBySide: false, coaching: c, mentoring: 7, strip: 9)
                #expect(panes.reduce(0, +) + strip == body && strip >= 5)
            }
        }
    }

    @Test("a form's labels take the room of the longest, so none is cut")
    func formLabels() {
        let l = AppLayout(width: 200, height: 60, formLabels: ["Coachee", "Planned sessions", "Cadence (days)"])
        #expect(l.formLabelColumns == Text.width("Planned sessions") + 2)
        // A label longer than a third of the box is held to a third (the editor keeps its room).
        let long = AppLayout(width: 200, height: 60, formLabels: [String(repeating: "x", count: 60)])
        #expect(long.formLabelColumns == long.formBoxWidth / 3)
        #expect(l.formFieldWidth + l.formLabelColumns + 4 == l.formBoxWidth)
        let plain = AppLayout(width: 80, height: 24, formLabels: ["Name"])
        #expect(plain.formLabelColumns == AppLayout.formLabelWidth)
    }

    @Test("an edit form at 200 columns shows “Planned sessions” whole")
    func plannedSessionsLabel() {
        var s = Fixture.state(width: 200, height: 60)
        press(&s, .char("e"))
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("Planned sessions"))
        #expect(!text.contains("Planned sessio…"))
    }

    @Test("a long status message wraps onto more rows instead of being cut")
    func statusWraps() {
        var s = Fixture.state(width: 80, height: 24)
        let message = String(repeating: "The file changed on disk while you were editing it; ", count: 3) + "END"
        s.status = Status(message, .error)
        let layout = AppLayout(s)
        #expect(layout.status.height > 1 && layout.status.bottom == layout.footer.y)
        let text = rows(AppView.render(s, layout: layout, theme: .monochrome)).joined(separator: " ")
        #expect(text.contains("END"))
    }

    // MARK: Momentum at a glance

    @Test("a stalled engagement is marked in its row and counted in the header")
    func momentum() throws {
        var data = Fixture.tiny
        data.engagements[0].sessions = data.engagements[0].sessions.map { var x = $0; x.date = Fixture.today.adding(days: -30); return x }
        let s = Fixture.state(data, width: 120, height: 30)
        #expect(s.rows.stalled == 1)
        let buf = AppView.render(s, theme: .monochrome)
        #expect(buf.lines[0].contains("1 stalled"))
        let row = try #require(buf.lines.first { $0.contains("Ana Lima") && $0.contains("12d") })
        #expect(row.contains("⚠"))
        let calm = AppView.render(Fixture.state(width: 120, height: 30), theme: .monochrome)
        #expect(calm.lines.contains { $0.contains("Andrés Castillo") && !$0.contains("⚠") })
        // On the tiny agency nothing is stalled.
        #expect(AppView.render(Fixture.state(Fixture.tiny, width: 120, height: 30), theme: .monochrome).lines[0].contains("0 stalled"))
    }

    @Test("an overdue action item and a goal past its target are flagged in the row and the detail")
    func pastDue() throws {
        var data = Fixture.tiny
        data.relationships[0].goals[0].targetDate = Fixture.today.adding(days: -3)
        data.engagements[0].sessions[0].actionItems = [ActionItem(id: Fixture.id(901), text: "Send the deck", due: Fixture.today.adding(days: -1))]
        var s = Fixture.state(data, width: 120, height: 30)
        let buf = AppView.render(s, theme: .monochrome)
        #expect(buf.lines.contains { $0.contains("Ana Lima") && $0.contains("⚑") })
        #expect(buf.lines.contains { $0.contains("Ben Okafor → Chloé Dubois") && $0.contains("⚑") })
        #expect(buf.text.contains("⚑ 1 action past due"))
        let coaching = try #require(DetailDocument.of(Fixture.pitchingRef, s, width: 100)).lines.map { $0.map(\.text).joined() }
        #expect(coaching.contains { $0.contains("Send the deck") && $0.contains("⚑ past due") })
        #expect(coaching.contains("⚑ 1 action item past due"))
        press(&s, .tab)
        let mentoring = try #require(DetailDocument.of(Fixture.mentoringRef, s, width: 100)).lines.map { $0.map(\.text).joined() }
        #expect(mentoring.contains { $0.contains("Run a workshop") && $0.contains("⚑ past target") })
        #expect(mentoring.contains("⚑ 1 goal past target"))
        // Done or achieved, nothing is flagged.
        data.relationships[0].goals[0].achievedOn = Fixture.today.adding(days: -5)
        data.engagements[0].sessions[0].actionItems[0].doneOn = Fixture.today.adding(days: -2)
        let calm = AppView.render(Fixture.state(data, width: 120, height: 30), theme: .monochrome)
        #expect(!calm.text.contains("⚑"))
    }

    // MARK: What was entered is shown

    @Test("the detail shows the plan, the cadence, the next session, when actions were done, pauses and resumptions")
    func enteredFields() throws {
        var data = Fixture.tiny
        data.engagements[0].plannedSessions = 12
        data.engagements[0].sessions[0].nextDate = Fixture.today.adding(days: 4)
        data.engagements[0].sessions[0].actionItems = [ActionItem(id: Fixture.id(902), text: "Rehearse", doneOn: Fixture.today.adding(days: -8))]
        data.relationships[0].history = [StatusChange(date: Fixture.today.adding(days: -60), status: .paused, from: .active),
                                         StatusChange(date: Fixture.today.adding(days: -20), status: .active, from: .paused)]
        let s = Fixture.state(data)
        let c = try #require(DetailDocument.of(Fixture.pitchingRef, s, width: 76)).lines.map { $0.map(\.text).joined() }
        #expect(c.contains { $0.contains("sessions 1 of 12") && $0.contains("every 14 days") && $0.contains("next session 2026-12-03") })
        #expect(c.contains { $0.contains("Rehearse") && $0.contains("done 2026-11-21") })
        let m = try #require(DetailDocument.of(Fixture.mentoringRef, s, width: 76)).lines.map { $0.map(\.text).joined() }
        #expect(m.contains { $0.contains("2026-09-30") && $0.contains("paused") })
        #expect(m.contains { $0.contains("2026-11-09") && $0.contains("resumed") && !$0.contains("every") })
        #expect(m.contains { $0.contains("resumed 2026-11-09") })
        // Nothing in the detail's head is cut at 80 columns: long facts move to the next line.
        #expect(c.allSatisfy { Text.width($0) <= 76 || $0.hasPrefix("    ") })
    }

    @Test("a sparkline of a metric without readings draws nothing")
    func noReadingsNoBar() throws {
        var data = Fixture.tiny
        data.engagements[0].metrics[0].readings = []
        let line = try #require(MetricLines.of(data.engagements[0], today: Fixture.today).first).map(\.text).joined()
        #expect(!line.contains(where: { "▁▂▃▄▅▆▇█".contains($0) }), "\(line)")
        #expect(line.contains("20% → — → 40%"))
    }

    // MARK: The header's underline

    @Test("the mono header underlines its words, not the gaps between them", arguments: ["mono", "high-contrast"])
    func headerUnderline(_ name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
        let theme = try ThemeCatalog(searchPaths: [folder]).load(name).0
        for width in [80, 140] {
            let buf = AppView.render(Fixture.state(width: width, height: 30), theme: theme)
            let line = buf.lines[0]
            var x = 0
            var cells: [(ch: Character, underlined: Bool)] = []
            for ch in line {
                cells.append((ch, buf[x, 0].style.attrs.contains(.underline)))
                x += Text.width(String(ch))
            }
            for (i, c) in cells.enumerated() {
                let gapBeside = (i > 0 && " ·".contains(cells[i - 1].ch)) && (i + 1 == cells.count || " ·".contains(cells[i + 1].ch))
                if c.ch == "·" || (c.ch == " " && (gapBeside || i == 0 || i + 1 == cells.count)) {
                    #expect(!c.underlined, "column \(i) of |\(line)| at \(width) is a gap")
                } else if c.ch != " " {
                    #expect(c.underlined, "column \(i) of |\(line)| at \(width) is text")
                }
            }
            #expect((0..<width).contains { buf[$0, 0].style.attrs.contains(.underline) } == theme.style(.header).attrs.contains(.underline))
        }
    }
}
