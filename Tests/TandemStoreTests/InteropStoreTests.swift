import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// CSV text through the CSV package, imports through the store's save path, and the merge driver.
@Suite struct InteropStoreTests {
    let today = day("2026-11-29")
    static let trickyNotes = "Commas, \"quotes\" and a \"\"doubled\"\" one;\nnew lines\r\nand CRLF, 中文笔记 和 한국어, emoji 🎉👩🏽‍💻, tab\tend"

    /// The sample agency with sessions whose notes hold everything CSV must quote.
    func agency() -> Snapshot {
        var coaching = Sample.coaching
        coaching.sessions[0].notes = Self.trickyNotes
        coaching.sessions[0].visibility = .private
        coaching.outcome = "Won, finally: \"yes\""
        var mentoring = Sample.mentoring
        mentoring.sessions[0].notes = "—\n🙂, \"ok\""
        var ana = Sample.ana
        ana.role = "Art director, \"lead\""
        return Snapshot(agency: Sample.agency, people: [ana, Sample.joao], engagements: [coaching, Sample.finished],
                        relationships: [mentoring, Sample.ended])
    }

    @Test func csvQuotesWhatItMustAndReadsItBack() throws {
        let table = CSVTable(header: ["a", "b"], rows: [[Self.trickyNotes, "plain"], ["", "x,y"]])
        let text = try CSVText.encode(table)
        #expect(text.hasPrefix("a,b\r\n\""))
        #expect(text.contains("\"x,y\"\r\n"))
        #expect(text.contains("\"\"quotes\"\""))
        let rows = try CSVText.decode(Data(text.utf8), file: "t.csv")
        #expect(rows == [table.header] + table.rows)
        // A spreadsheet's byte-order mark is not part of the first header.
        #expect(try CSVText.decode(Data([0xEF, 0xBB, 0xBF]) + Data("name\r\nAna\r\n".utf8), file: "t.csv") == [["name"], ["Ana"]])
    }

    @Test func textThatIsNotUTF8IsRefusedWithItsByte() {
        let e = storeError { _ = try CSVText.decode(Data("name\nJos".utf8) + Data([0xE9]) + Data("\n".utf8), file: "p.csv") }
        #expect(e?.description == "p.csv: is not UTF-8 text (byte 9 is not): save it as CSV UTF-8")
    }

    @Test func exportThenImportIntoAnEmptyStoreGivesTheSameRecords() throws {
        let original = agency()
        let folder = TempFolder()
        let store = try Store.create(at: folder.store, agency: Sample.agency)
        for kind in CSVImport.kinds {
            let text = try CSVText.encode(CSVExport.table(kind, of: original))
            let rows = try CSVText.decode(Data(text.utf8), file: "\(kind).csv")
            let current = try store.load(scope: .all).snapshot
            let plan = CSVImport.plan(kind: kind, header: rows[0], rows: Array(rows.dropFirst()), into: current,
                                      today: today, makeID: { UUID() })
            #expect(plan.isValid, "\(kind): \(plan.problems) \(plan.fileProblems)")
            var seen: [Int] = []
            try store.importRecords(plan.additions) { done, total in seen.append(done); #expect(total == plan.additions.count) }
            #expect(seen == Array(1...plan.additions.count))
        }
        let back = try Store.open(at: folder.store, forEditing: false).load(scope: .all).snapshot
        #expect(back.people.sorted { $0.name < $1.name } == original.people.sorted { $0.name < $1.name })
        #expect(Set(back.engagements.map(\.id)) == Set(original.engagements.map(\.id)))
        for e in original.engagements { #expect(back.engagements.first { $0.id == e.id } == e) }
        for r in original.relationships { #expect(back.relationships.first { $0.id == r.id } == r) }
        #expect(back.engagements.first { $0.id == Sample.coaching.id }?.sessions[0].notes == Self.trickyNotes)
        // Every file went through the store: 0600.
        for rel in folder.allFiles().keys where rel.hasSuffix(".json") { #expect(folder.mode(rel) == 0o600, "\(rel)") }
    }

    @Test func meetingsAreAppendedToTheFileAsItIsNow() throws {
        let folder = TempFolder()
        let store = try Store.create(at: folder.store, agency: Sample.agency)
        try Sample.fill(store)
        let snapshot = try store.load(scope: .open).snapshot
        let meeting = ICalendar.Meeting(uid: "m1@x", summary: "João Silva coaching: pitch", description: "", day: day("2026-04-01"),
                                        minutes: 40, attendees: ["Ana Lima"], line: 3)
        let plan = MeetingMatch.plan([meeting], in: snapshot, today: today, makeID: { uuid(0x99) })
        #expect(plan.matches.count == 1, "\(plan.skipped)")
        // Someone else logs on the same record meanwhile: both sessions stay.
        let other = try Store.open(at: folder.store, forEditing: true)
        _ = try other.load(scope: .open)
        try other.modify(RecordRef(kind: .coaching, id: Sample.coaching.id)) { r in
            guard case .coaching(var e) = r else { return r }
            e.sessions.append(Session(id: uuid(0x98), date: day("2026-03-20"), minutes: 30, notes: "other"))
            return .coaching(e)
        }
        try store.logMeetings(plan.matches)
        guard case .coaching(let e) = try store.reload(RecordRef(kind: .coaching, id: Sample.coaching.id)) else { Issue.record(); return }
        #expect(e.sessions.map(\.id) == [Sample.session.id, uuid(0x98), uuid(0x99)])
    }

    @Test func theMergeDriverKeepsBothSessionsAndTheLeadersValueAtAConflict() throws {
        let path = "coaching/joao-silva-000000c1.json"
        let base = try RecordFile.encode(.coaching(Sample.coaching), path: path)
        var mine = Sample.coaching, theirs = Sample.coaching
        mine.sessions.append(Session(id: uuid(0x71), date: day("2026-03-10"), minutes: 30, notes: "mine"))
        theirs.sessions.append(Session(id: uuid(0x72), date: day("2026-03-11"), minutes: 30, notes: "theirs"))
        let clean = try MergeDriver.merge(base: base, current: try RecordFile.encode(.coaching(mine), path: path),
                                          other: try RecordFile.encode(.coaching(theirs), path: path), path: path, localIs: .ours)
        #expect(clean.conflicts.isEmpty)
        guard case .coaching(let merged) = try RecordFile.decode(clean.merged, path: path) else { Issue.record(); return }
        #expect(Set(merged.sessions.map(\.id)) == [Sample.session.id, uuid(0x71), uuid(0x72)])

        mine.focus = "Mine"; theirs.focus = "Theirs"
        // In a rebase git's "current" is the remote's: the leader's own is the other side.
        let stopped = try MergeDriver.merge(base: base, current: try RecordFile.encode(.coaching(theirs), path: path),
                                            other: try RecordFile.encode(.coaching(mine), path: path), path: path, localIs: .theirs)
        #expect(stopped.conflicts.map(\.path.description) == ["focus"])
        #expect(stopped.conflicts.first?.ours == "\"Mine\"")
        guard case .coaching(let kept) = try RecordFile.decode(stopped.merged, path: path) else { Issue.record(); return }
        #expect(kept.focus == "Mine")
        #expect(Set(kept.sessions.map(\.id)) == [Sample.session.id, uuid(0x71), uuid(0x72)])
    }
}
