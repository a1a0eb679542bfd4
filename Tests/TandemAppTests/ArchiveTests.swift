import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The archive screen (`5`): order, filter, open, reopen, undo, and the keys that do not apply.
@Suite("Archive")
struct ArchiveTests {
    static func archive(_ data: Snapshot = Fixture.closedTiny, width: Int = 80, height: Int = 24) -> AppState {
        var s = Fixture.state(data, width: width, height: height)
        press(&s, .char("5"))
        return s
    }

    @Test("completed, cancelled and closed records, newest closing first; a file without a closing day last")
    func order() {
        let s = Self.archive()
        #expect(s.stack == [.archive] && s.keyContext == .archive)
        #expect(s.archiveRows.map(\.who) == ["Chloé Dubois", "Ana Lima → Ben Okafor", "Ben Okafor", "Ana Lima"])
        #expect(s.archiveRows.map(\.status) == ["completed", "closed", "cancelled", "completed"])
        #expect(s.archiveRows.map(\.closedOn) == [Fixture.today.adding(days: -5), Fixture.today.adding(days: -20),
                                                  Fixture.today.adding(days: -40), nil])
        #expect(!s.archiveRows.contains { $0.id == Fixture.pausedPair.id }, "a paused pair is not closed")
        #expect(s.selectedRecord == RecordRef(kind: .coaching, id: Fixture.workshops.id))
    }

    @Test("/ filters like the dashboard: case and accents ignored, on who, what and the outcome")
    func filter() {
        var s = Self.archive()
        press(&s, .char("/"))
        #expect(s.prompt?.kind == .archiveFilter)
        type(&s, "chloe")
        #expect(s.archiveRows.map(\.who) == ["Chloé Dubois"])
        press(&s, .enter)
        #expect(s.archive.filter == "chloe" && s.stack == [.archive])
        press(&s, .escape)
        #expect(s.archiveRows.count == 4, "Esc clears the filter")
        press(&s, .char("/"))
        type(&s, "PARIS")
        #expect(s.archiveRows.map(\.what) == ["Budget talks"])
        press(&s, .escape)
        #expect(s.archive.filter.isEmpty && s.archiveRows.count == 4, "Esc in the prompt clears it too")
    }

    @Test("j/k move; Enter opens the detail and Esc comes back to the archive")
    func open() {
        var s = Self.archive()
        press(&s, .char("j"))
        #expect(s.selectedRecord == RecordRef(kind: .mentoring, id: Fixture.closedPair.id))
        press(&s, .enter)
        #expect(s.screen == .detail(RecordRef(kind: .mentoring, id: Fixture.closedPair.id)))
        press(&s, .escape)
        #expect(s.stack == [.archive])
        #expect(s.selectedRecord == RecordRef(kind: .mentoring, id: Fixture.closedPair.id), "the selection stays")
    }

    @Test("a finished engagement's detail says when it closed, with no countdown to a deadline it no longer has")
    func closedDetailHasNoCountdown() throws {
        var s = Self.archive(width: 120, height: 40)
        let budget = RecordRef(kind: .coaching, id: Fixture.budget.id)
        for _ in 0..<10 where s.selectedRecord != budget { press(&s, .char("j")) }
        try #require(s.selectedRecord == budget)
        press(&s, .enter)
        let text = AppView.render(s, theme: .monochrome).text
        #expect(text.contains("\(Fixture.budget.deadline.iso) closed \(Fixture.budget.closedOn!.iso)"))
        #expect(!text.contains("late"), "a deadline 30 days past is not counted on a cancelled engagement")
    }

    @Test("R reopens through Lifecycle (the history keeps the closing); u closes it again")
    func reopen() {
        var s = Self.archive()
        let reopened = try! Lifecycle.setStatus(Fixture.workshops, to: .active, on: Fixture.today, today: Fixture.today).get()
        #expect(press(&s, .char("R")) == [.save(.coaching(reopened), force: false)])
        #expect(reopened.history.count == 2 && reopened.history[0].note == Fixture.workshops.outcome)
        #expect(reopened.closedOn == nil && reopened.outcome == nil)
        #expect(!s.archiveRows.contains { $0.id == Fixture.workshops.id })
        #expect(s.selectedRecord == RecordRef(kind: .mentoring, id: Fixture.closedPair.id), "the next row is selected")
        #expect(s.rows.coaching.contains { $0.id == Fixture.workshops.id }, "back on the dashboard")
        #expect(s.status?.text == "Reopened Chloé Dubois's engagement · u undoes")
        #expect(press(&s, .char("u")) == [.save(.coaching(Fixture.workshops), force: false)])
        #expect(s.archiveRows.first?.id == Fixture.workshops.id)
    }

    @Test("R on a closed pair resumes it")
    func reopenPair() {
        var s = Self.archive()
        press(&s, .char("j"))
        let resumed = try! Lifecycle.resume(Fixture.closedPair, on: Fixture.today, today: Fixture.today).get()
        #expect(press(&s, .char("R")) == [.save(.mentoring(resumed), force: false)])
        #expect(resumed.history.map(\.status) == [.closed, .active])
    }

    @Test("l, a and x say when the record closed and how to reopen it")
    func closedKeys() {
        for key in [Key.char("l"), .char("a"), .char("x")] {
            var s = Self.archive()
            #expect(press(&s, key).isEmpty)
            #expect(s.status?.text == "completed on 24 Nov — reopen it first (R)")
            #expect(s.stack == [.archive] && s.data == Fixture.closedTiny)
        }
        var s = Self.archive()
        press(&s, .char("G"))
        press(&s, .char("l"))
        #expect(s.status?.text == "completed — reopen it first (R)", "no closing day in the file: none is made up")
    }

    @Test("read-only: R is refused with the reason and left out of the footer")
    func readOnly() throws {
        var s = Fixture.state(Fixture.closedTiny, readOnly: "another dashboard holds the lock")
        press(&s, .char("5"))
        #expect(press(&s, .char("R")).isEmpty)
        #expect(s.status?.text == "Read-only: another dashboard holds the lock")
        let footer = try #require(AppView.render(s, theme: .monochrome).lines.last)
        #expect(!footer.contains("R reopen") && footer.contains("Enter open"))
    }

    @Test("a closed record left undecoded whose file goes or reopens outside: said as removed or changed, and the closed read does not ask for the gone file")
    func undecodedClosedChangedOutside() {
        var open = Fixture.closedTiny
        open.engagements = [Fixture.pitching]
        open.relationships = [Fixture.mentoring, Fixture.pausedPair]
        var files: [RecordRef: String] = [:]
        for e in Fixture.closedTiny.engagements { files[RecordRef(kind: .coaching, id: e.id)] = "coaching/\(e.focus).json" }
        for r in Fixture.closedTiny.relationships { files[RecordRef(kind: .mentoring, id: r.id)] = "mentoring/\(r.id).json" }
        var s = AppState(today: Fixture.today, data: open, files: files)
        let gone = RecordRef(kind: .coaching, id: Fixture.budget.id)
        _ = update(&s, .outsideChanges([OutsideChange(ref: gone, record: nil, file: nil)]))
        #expect(s.files[gone] == nil)
        #expect(s.status?.text == "Reloaded: a closed record (coaching/\(Fixture.budget.focus).json) removed by another program")
        var reopened = Fixture.workshops
        reopened.status = .active
        reopened.closedOn = nil
        let ref = RecordRef(kind: .coaching, id: reopened.id)
        _ = update(&s, .outsideChanges([OutsideChange(ref: ref, record: .coaching(reopened), file: files[ref])]))
        #expect(s.status?.text.hasSuffix("'s coaching changed by another program") == true, "\(s.status?.text ?? "")")
        let refs = [Fixture.oldFile].map { RecordRef(kind: .coaching, id: $0.id) } + [RecordRef(kind: .mentoring, id: Fixture.closedPair.id)]
        #expect(press(&s, .char("5")) == [.loadClosed(refs)])
    }

    @Test("closed records left undecoded at start-up are asked for once, and listed when they come")
    func loadsClosed() {
        var open = Fixture.closedTiny
        open.engagements = [Fixture.pitching]
        open.relationships = [Fixture.mentoring, Fixture.pausedPair]
        var files: [RecordRef: String] = [:]
        for e in Fixture.closedTiny.engagements { files[RecordRef(kind: .coaching, id: e.id)] = "coaching/\(e.focus).json" }
        for r in Fixture.closedTiny.relationships { files[RecordRef(kind: .mentoring, id: r.id)] = "mentoring/\(r.id).json" }
        var s = AppState(today: Fixture.today, data: open, files: files)
        let refs = [Fixture.budget, Fixture.workshops, Fixture.oldFile].map { RecordRef(kind: .coaching, id: $0.id) }
            + [RecordRef(kind: .mentoring, id: Fixture.closedPair.id)]
        #expect(press(&s, .char("5")) == [.loadClosed(refs)])
        #expect(s.closedRecords == .reading)
        #expect(AppView.render(s, theme: .monochrome).text.contains("Reading the closed records…"))
        press(&s, .char("1"))
        #expect(press(&s, .char("5")).isEmpty, "asked once")
        _ = update(&s, .closedLoaded([.coaching(Fixture.workshops), .mentoring(Fixture.closedPair)], failures: ["coaching/x.json: bad"]))
        #expect(s.closedRecords == .read)
        #expect(s.archiveRows.map(\.id) == [Fixture.workshops.id, Fixture.closedPair.id])
        #expect(s.status?.text == "Could not read 1 closed record: coaching/x.json: bad")
        #expect(Effect.loadClosed(refs).runsInBackground)
    }
}

@Suite("Archive views")
struct ArchiveViewTests {
    @Test("the archive lists who, what, the closing day, how and the outcome", arguments: [(80, 24), (120, 40)])
    func list(_ w: Int, _ h: Int) throws {
        let s = ArchiveTests.archive(width: w, height: h)
        let buf = AppView.render(s, theme: .monochrome)
        let text = buf.text
        #expect(text.contains("Archive · 4 closed · newest first"))
        #expect(text.contains("WHO") && text.contains("CLOSED") && text.contains("OUTCOME"))
        let first = try #require(rowIndex(of: "Chloé Dubois", in: buf))
        let second = try #require(rowIndex(of: "Ana Lima → Ben", in: buf))
        #expect(first < second)
        #expect(buf.lines[first].contains(w >= 120 ? "Tue 24 Nov 2026" : "24 Nov"))
        #expect(buf.lines[first].contains("completed"))
        #expect(buf.lines[first].contains("Ran two client"))
        #expect(text.contains("— no outcome recorded"), "the old file says it has none")
        // The strip under the list has the whole outcome of the selected record.
        #expect(text.contains("Chloé Dubois · completed on Tue 24 Nov 2026"))
        #expect(text.contains("Ran two client workshops alone; Chloé now leads them."))
        let footer = buf.lines[h - 1]
        #expect(footer.contains("Enter open") && footer.contains("R reopen") && footer.contains("/ filter"))
        #expect(footer.contains("5 archive"))
    }

    @Test("an empty archive says how records get there")
    func empty() {
        let s = ArchiveTests.archive(Fixture.tiny)
        #expect(AppView.render(s, theme: .monochrome).text.contains("Nothing closed yet. a on the dashboard (1) closes"))
    }

    @Test("the layout gives the archive a list and an outcome strip, and hits say which")
    func layout() {
        for (w, h) in [(80, 24), (60, 16), (120, 40)] {
            let l = AppLayout(width: w, height: h)
            #expect(l.archivePane.bottom == l.archiveStrip.y || l.archiveStrip.isEmpty)
            #expect(l.visibleRows(.archive) >= 1)
            let t = l.table(.archive)
            #expect(l.hit(x: t.x, y: t.y + 2, on: .archive) == .list(.archive, visibleRow: 1))
            if !l.archiveStrip.isEmpty {
                #expect(l.hit(x: l.archiveStrip.x + 1, y: l.archiveStrip.y + 1, on: .archive) == .strip)
            }
        }
    }
}
