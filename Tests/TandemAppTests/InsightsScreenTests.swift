import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The insights (3), a figure's records and the agenda (4), as `update` and the views see them.
@Suite("Insights and agenda screens")
struct InsightsScreenTests {
    func rows(_ s: AppState) -> [String] { AppView.render(s, theme: .monochrome).lines }

    @Test func insightsAt80x24AreOneColumnAndAt140x40Two() {
        var s = Fixture.state()
        press(&s, .char("3"))
        let narrow = rows(s)
        #expect(narrow[1].contains("Insights · this quarter · all teams"))
        #expect(narrow[2].contains("Coverage · 2026-10-01 – 2026-11-29"))
        #expect(!narrow.contains { $0.contains("Coverage") && $0.contains("Mentoring") })
        #expect(narrow.last!.contains("Enter records") && narrow.last!.contains("p period"))
        var wide = Fixture.state(width: 140, height: 40)
        press(&wide, .char("3"))
        #expect(rows(wide).contains { $0.contains("Coverage") && $0.contains("Mentoring") })
    }

    @Test("while the closed records are still being read the insights' title says so (their figures are partial until then), and not once they came")
    func readingClosedRecordsShowsInTitle() {
        var open = Fixture.closedTiny
        open.engagements = [Fixture.pitching]
        open.relationships = [Fixture.mentoring, Fixture.pausedPair]
        var files: [RecordRef: String] = [:]
        for e in Fixture.closedTiny.engagements { files[RecordRef(kind: .coaching, id: e.id)] = "coaching/\(e.focus).json" }
        for r in Fixture.closedTiny.relationships { files[RecordRef(kind: .mentoring, id: r.id)] = "mentoring/\(r.id).json" }
        var s = AppState(today: Fixture.today, data: open, files: files)
        press(&s, .char("3"))
        #expect(s.closedRecords == .reading)
        #expect(rows(s)[1].contains("Insights · this quarter · all teams · reading closed records…"), "\(rows(s)[1])")
        _ = update(&s, .closedLoaded([.coaching(Fixture.workshops), .mentoring(Fixture.closedPair)], failures: []))
        #expect(s.closedRecords == .read)
        #expect(rows(s)[1].contains("Insights · this quarter · all teams") && !rows(s)[1].contains("reading"))
    }

    @Test("a column cut off at the bottom says how many lines are below; j scrolls until none are, and none is said when all fits")
    func moreBelowHint() throws {
        var s = Fixture.state(width: 120, height: 40)
        press(&s, .char("3"))
        guard case .insights(let st) = s.top else { Issue.record("not on the insights"); return }
        let layout = AppLayout(s)
        let doc = InsightsDocument.of(s, st, width: layout.insightsWidth)
        let longest = try #require(doc.columns.map(\.lines.count).max())
        let visible = layout.insightsText.height
        #expect(longest > visible, "the demo's right column is longer than 120x40 shows")
        let bottom = { rows(s)[layout.body.bottom - 1] }
        #expect(bottom().contains("+\(longest - visible) more line"), "\(bottom())")
        #expect(bottom().contains("Enter: "), "the records hint stays")
        for _ in 0..<(longest + 5) { press(&s, .char("j")) }
        #expect(!bottom().contains("more line"), "scrolled to the end: nothing below")
        var wide = Fixture.state(width: 200, height: 60)
        press(&wide, .char("3"))
        #expect(!rows(wide).joined().contains("more line"), "everything fits at 200x60")
    }

    @Test func periodAndTeamCycleAndTheFigureOpensItsRecords() throws {
        var s = Fixture.state()
        press(&s, .char("3"), .char("p"))
        guard case .insights(let st) = s.top else { Issue.record("not on the insights"); return }
        #expect(st.period == .lastQuarter)
        press(&s, .char("p"), .char("p"), .char("p"), .char("t"))
        guard case .insights(let st2) = s.top else { return }
        #expect(st2.period == .thisQuarter && st2.team == PersonRules.teams(in: s.data.people).first)
        // The first figure is the people in the team: Enter lists exactly them.
        press(&s, .char("g"), .enter)
        guard case .records(let r) = s.top else { Issue.record("Enter did not open the records: \(s.stack)"); return }
        let team = try #require(st2.team)
        let members = s.data.people.filter { $0.isCurrent && $0.team == team }.map { RecordRef(kind: .person, id: $0.id) }
        #expect(Set(r.refs) == Set(members) && r.refs.count == members.count)
        #expect(rows(s)[1].contains("people: \(members.count)"))
        press(&s, .enter)
        #expect(s.screen == .detail(r.refs[0]))
        press(&s, .escape)
        #expect(s.screen == .records)
        press(&s, .escape)
        #expect(s.screen == .insights)
    }

    @Test func openingTheInsightsAsksForClosedRecordsOnce() {
        var s = Fixture.state()
        let closed = RecordRef(kind: .coaching, id: UUID())
        s.files[closed] = "coaching/old-\(closed.shortID).json"
        #expect(press(&s, .char("3")) == [.loadClosed([closed])])
        #expect(press(&s, .char("1"), .char("3")).isEmpty)
    }

    @Test func agendaShowsTheWeekAndTheTimeline() {
        var s = Fixture.state()
        press(&s, .char("4"))
        let screen = rows(s)
        #expect(screen.contains { $0.contains("This week · Sun 29 Nov 2026") })
        #expect(screen.contains { $0.contains("Next 8 weeks") })
        #expect(screen.contains { $0.contains("23 Nov") && $0.contains("30 Nov") })
        press(&s, .right)
        guard case .agenda(let st) = s.top else { return }
        #expect(st.weekOffset == 1)
        #expect(rows(s).contains { $0.contains("Week · Sun 6 Dec 2026") })
        press(&s, .char("g"))
        #expect(rows(s).contains { $0.contains("This week") })
    }

    @Test func tinyAndOddSizesDoNotCrash() {
        for (w, h) in [(60, 16), (61, 17), (99, 30), (100, 30), (200, 60), (30, 10)] {
            for key in ["3", "4"] {
                var s = Fixture.state(width: w, height: h)
                press(&s, .char(Character(key)), .pageDown, .char("G"), .enter, .pageDown, .escape)
                let buf = AppView.render(s, theme: .monochrome)
                #expect(buf.width == w && buf.height == h)
                let l = AppLayout(s)
                #expect(l.insightsPage >= 1 && l.timelineRows >= 1 && l.visibleRows(.records) >= 1)
            }
        }
    }
}
