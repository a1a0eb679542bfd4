import Foundation
import Testing
@testable import TandemCore

/// `Session` keeps what was written behind one reference and its next date as a day number, so
/// the hundred thousand lean sessions the dashboard holds of a long history are small; what it
/// reads, writes, compares and encodes is as before.
@Suite struct SessionFormTests {
    let id = UUID(uuidString: "5e551011-0000-0000-0000-000000000001")!
    let day = Day(iso: "2026-03-02")!

    @Test func aSessionTakesSixtyFourBytes() {
        #expect(MemoryLayout<Session>.stride == 64)
    }

    @Test func whatIsSetReadsBack() {
        var s = Session(id: id, date: day, minutes: 45)
        #expect(s.notes == "" && s.topics.isEmpty && s.actionItems.isEmpty && s.nextDate == nil && s.sealed == nil && s.pulse == nil)
        let item = ActionItem(id: UUID(uuidString: "5e551011-0000-0000-0000-0000000000a1")!, text: "Draft the plan", due: Day(iso: "2026-03-09")!)
        s.notes = "Went well"
        s.topics = ["delegation", "hiring"]
        s.actionItems = [item]
        s.nextDate = Day(iso: "2026-03-16")!
        s.pulse = 4
        #expect(s.notes == "Went well")
        #expect(s.topics == ["delegation", "hiring"])
        #expect(s.actionItems == [item])
        #expect(s.nextDate == Day(iso: "2026-03-16")!)
        #expect(s.pulse == 4)
        s.notes = "Went very well"
        #expect(s.notes == "Went very well" && s.topics == ["delegation", "hiring"] && s.actionItems == [item])
        // Far days, before 1970 too, are kept as they are.
        s.nextDate = Day(dayNumber: -700_000)
        #expect(s.nextDate == Day(dayNumber: -700_000))
    }

    @Test func emptyingWhatWasWrittenIsTheSessionThatNeverHadIt() {
        var s = Session(id: id, date: day, minutes: 45, notes: "x", topics: ["t"], nextDate: day)
        #expect(s != Session(id: id, date: day, minutes: 45))
        s.notes = ""
        s.topics = []
        s.nextDate = nil
        #expect(s == Session(id: id, date: day, minutes: 45))
    }

    @Test func aCopyIsAValue() {
        let a = Session(id: id, date: day, minutes: 30, notes: "first", topics: ["one"])
        var b = a
        b.notes = "second"
        b.topics.append("two")
        #expect(a.notes == "first" && a.topics == ["one"])
        #expect(b.notes == "second" && b.topics == ["one", "two"])
        #expect(a != b)
    }

    @Test func encodedAsTheFileHasItAndReadBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bare = Session(id: id, date: day, minutes: 45, visibility: .shared)
        #expect(String(decoding: try encoder.encode(bare), as: UTF8.self)
            == #"{"actionItems":[],"date":"2026-03-02","id":"5E551011-0000-0000-0000-000000000001","minutes":45,"notes":"","topics":[],"visibility":"shared"}"#)
        #expect(try JSONDecoder().decode(Session.self, from: encoder.encode(bare)) == bare)
        let full = Session(id: id, date: day, minutes: 45, notes: "n", topics: ["t"],
                           actionItems: [ActionItem(id: id, text: "do", due: day)], pulse: 5, visibility: .private,
                           nextDate: Day(iso: "2026-03-30")!)
        let text = String(decoding: try encoder.encode(full), as: UTF8.self)
        #expect(text.contains(#""nextDate":"2026-03-30""#) && text.contains(#""pulse":5"#) && text.contains(#""notes":"n""#))
        #expect(try JSONDecoder().decode(Session.self, from: encoder.encode(full)) == full)
    }

    @Test func aSessionWithoutItsNotesIsNotRead() {
        let json = #"{"actionItems":[],"date":"2026-03-02","id":"5E551011-0000-0000-0000-000000000001","minutes":45,"topics":[],"visibility":"shared"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Session.self, from: Data(json.utf8)) }
    }

    @Test func leanCopiesKeepTheDaysMinutesAndPulse() {
        let item = ActionItem(id: id, text: "secret plan", due: day, doneOn: nil)
        let s = Session(id: id, date: day, minutes: 50, notes: "private words", topics: ["t"], actionItems: [item],
                        pulse: 3, visibility: .shared, nextDate: Day(iso: "2026-04-01")!)
        let lean = s.withoutTexts
        #expect(lean.notes == "" && lean.topics.isEmpty && lean.textsLeftOut)
        #expect(lean.actionItems == [ActionItem(id: id, text: "", due: day, doneOn: nil)])
        #expect(lean.date == day && lean.minutes == 50 && lean.pulse == 3 && lean.visibility == .shared && lean.nextDate == Day(iso: "2026-04-01")!)
        let closed = s.withoutTextsNorItems
        #expect(closed.notes == "" && closed.topics.isEmpty && closed.actionItems.isEmpty && closed.textsLeftOut)
        #expect(closed.date == day && closed.minutes == 50 && closed.pulse == 3 && closed.nextDate == Day(iso: "2026-04-01")!)
        #expect(!s.textsLeftOut)
    }
}
