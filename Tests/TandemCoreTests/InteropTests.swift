import Foundation
import Testing
@testable import TandemCore

/// Export tables, CSV import plans, iCalendar text and meeting matching, on plain values.
@Suite struct InteropTests {
    let today = Day(iso: "2026-11-29")!
    let ana = Person(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000A1")!, name: "Ana Lima", role: "Art director")
    let wang = Person(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000B2")!, name: "王小明")
    let bo = Person(id: UUID(uuidString: "00000000-0000-4000-8000-0000000000C3")!, name: "Bo Chen")

    var engagement: CoachingEngagement {
        CoachingEngagement(
            id: UUID(uuidString: "1A2B3C4D-0000-4000-8000-000000000001")!, coacheeID: wang.id, coach: .person(ana.id),
            focus: "Client pitches, the hard ones", start: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-12-03")!,
            sessions: [Session(id: UUID(uuidString: "5E550000-0000-4000-8000-000000000001")!, date: Day(iso: "2026-10-01")!,
                               minutes: 45, notes: "Said \"no\"; then, later:\nwe 🎉 agreed — 很好", visibility: .shared),
                       Session(id: UUID(uuidString: "5E550000-0000-4000-8000-000000000002")!, date: Day(iso: "2026-10-15")!,
                               minutes: 30, notes: "private thoughts", visibility: .private)])
    }

    var relationship: MentoringRelationship {
        MentoringRelationship(id: UUID(uuidString: "9F9F9F9F-0000-4000-8000-000000000002")!, mentorID: ana.id,
                              menteeID: bo.id, start: Day(iso: "2026-01-05")!, cadenceDays: 14,
                              sessions: [Session(id: UUID(uuidString: "5E550000-0000-4000-8000-000000000003")!,
                                                 date: Day(iso: "2026-11-10")!, minutes: 60, notes: "Portfolio", visibility: .shared)])
    }

    var snapshot: Snapshot {
        Snapshot(agency: Agency(name: "Studio; Norte, Ltd"), people: [ana, wang, bo], engagements: [engagement],
                 relationships: [relationship])
    }

    // MARK: - Private sessions

    @Test func privateSessionsAreLeftOutUnlessAskedFor() {
        let out = ExportScope.filtered(snapshot, includePrivate: false)
        #expect(out.engagements[0].sessions.map(\.notes) == [engagement.sessions[0].notes])
        #expect(ExportScope.privateSessionCount(in: snapshot) == 1)
        #expect(ExportScope.filtered(snapshot, includePrivate: true) == snapshot)
        let ics = ICalendar.calendar(name: "x", events: ICalendar.events(of: out, today: today), today: today)
        #expect(!ics.contains("private thoughts"))
    }

    // MARK: - iCalendar

    func calendar(_ s: Snapshot? = nil) -> String {
        let s = s ?? snapshot
        return ICalendar.calendar(name: s.agency.name, events: ICalendar.events(of: s, today: today), today: today)
    }

    @Test func everyLineEndsWithCRLFAndNoBareLineFeed() {
        let text = calendar()
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "a line feed without a carriage return at byte \(i)")
        }
        for (i, b) in bytes.enumerated() where b == 0x0D {
            #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "a carriage return without a line feed at byte \(i)")
        }
    }

    @Test func linesFoldAt75OctetsWithoutSplittingCharacters() throws {
        let long = String(repeating: "数据🎉é", count: 40)
        let folded = ICalendar.fold("SUMMARY:" + long)
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 3)
        for (i, line) in lines.enumerated() {
            #expect(line.utf8.count <= 75, "line \(i) has \(line.utf8.count) octets")
            if i > 0 { #expect(line.hasPrefix(" ")) }
            // Each piece is whole UTF-8 on its own: no sequence split across the fold.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        // Unfolding gives the line back.
        let unfolded = lines.enumerated().map { $0 == 0 ? $1 : String($1.dropFirst()) }.joined()
        #expect(unfolded == "SUMMARY:" + long)
        // A short line is not folded.
        #expect(ICalendar.fold("UID:x") == "UID:x\r\n")
        // Exactly 75 octets stays one line; 76 folds.
        #expect(!ICalendar.fold(String(repeating: "a", count: 75)).dropLast(2).contains("\r\n"))
        #expect(ICalendar.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a\r\n")
    }

    @Test("a calendar's text drops C1 controls and bidirectional overrides, keeps accents, CJK and emoji, and breaks lines at a line separator")
    func textValuesDropOverrides() {
        #expect(ICalendar.escape("Zoë\u{202E}王\u{1B}[1m🙂\u{85}\u{2067}x\u{2069}") == "Zoë王[1m🙂x")
        #expect(ICalendar.escape("a\u{2028}b") == "a\\nb")
    }

    @Test("a Markdown account shows an override or an escape in a name escaped, as the terminal outputs do")
    func markdownEscapesOverrides() {
        #expect(MarkdownReport.inline("Zoë\u{202E}王\u{1B}[1m🙂") == "Zoë\\u{202E}王\\u{1b}[1m🙂")
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendar.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        #expect(ICalendar.unescape(ICalendar.escape("a,b;c\\d\ne")) == "a,b;c\\d\ne")
        let text = calendar()
        #expect(text.contains("X-WR-CALNAME:Studio\\; Norte\\, Ltd\r\n"))
        #expect(text.contains("Said \"no\"\\; then\\, later:\\nwe"))
    }

    @Test func uidsAreStableAndAllDayDatesAreDates() {
        let first = calendar()
        #expect(first == calendar(), "the same store on the same day gives the same bytes")
        let uids = first.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.contains("UID:deadline-1a2b3c4d-0000-4000-8000-000000000001@tandem"))
        #expect(uids.contains("UID:session-5e550000-0000-4000-8000-000000000001@tandem"))
        #expect(uids.contains("UID:next-9f9f9f9f-0000-4000-8000-000000000002@tandem"))
        #expect(Set(uids).count == uids.count, "UIDs are unique")
        // Logging another session keeps every existing UID and moves the next meeting (a higher SEQUENCE).
        var s = snapshot
        s.relationships[0].sessions.append(Session(id: UUID(), date: Day(iso: "2026-11-24")!, minutes: 30, notes: "x", visibility: .shared))
        let second = calendar(s)
        let uids2 = second.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).isSubset(of: Set(uids2)))
        #expect(second.contains("SEQUENCE:2"))
        #expect(first.contains("DTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261204\r\n"))
    }

    @Test func readsEventsBackWithAttendeesTimesAndFolding() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x1@example.com\r\nDTSTART:20261125T140000Z\r\n"
            + "DTEND:20261125T144500Z\r\nSUMMARY:Catch-up\\, pitch\r\n  practice\r\nATTENDEE;CN=\"Lima, Ana\":mailto:a@x\r\n"
            + "ATTENDEE;CN=王小明:mailto:w@x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let (meetings, problems) = ICalendar.meetings(in: text)
        #expect(meetings.count == 1)
        #expect(meetings.first?.summary == "Catch-up, pitch practice")
        #expect(meetings.first?.minutes == 45)
        #expect(meetings.first?.attendees == ["Lima, Ana", "王小明"])
        #expect(meetings.first?.day == Day(iso: "2026-11-25"))
        #expect(problems.map(\.line) == [12])
        #expect(ICalendar.meetings(in: "hello").problems.first?.message.contains("BEGIN:VCALENDAR") == true)
        #expect(ICalendar.duration("PT1H30M") == 90)
    }

    // MARK: - Meetings

    func meeting(_ summary: String, attendees: [String] = [], day: String = "2026-11-20", uid: String = "m@x") -> ICalendar.Meeting {
        ICalendar.Meeting(uid: uid, summary: summary, description: "", day: Day(iso: day)!, minutes: 50, attendees: attendees, line: 3)
    }

    @Test func meetingsMatchTheRecordWhosePersonTheyName() {
        var n = 0
        let ids = { () -> UUID in n += 1; return UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
        let plan = MeetingMatch.plan([
            meeting("Weekly", attendees: ["王小明", "Ana Lima"]),
            meeting("Bo Chen catch-up"),
            meeting("Bo Chen again", day: "2026-11-10"),       // that day already has a session
            meeting("Bo Chen soon", day: "2026-12-10"),        // after today
            meeting("Lunch"),
            meeting("Bobby's party"),                           // "Bo" is not a whole word here
            meeting("ours", attendees: ["Bo Chen"], uid: "session-1@tandem"),
        ], in: snapshot, today: today, makeID: ids)
        #expect(plan.matches.count == 2)
        #expect(plan.matches[0].record.id == engagement.id)
        #expect(plan.matches[0].reason == "王小明 is an attendee; Ana Lima is an attendee")
        #expect(plan.matches[0].session.minutes == 50)
        #expect(plan.matches[0].session.visibility == .private)
        #expect(plan.matches[1].record.id == relationship.id)
        #expect(plan.matches[1].reason == "the summary names Bo Chen")
        #expect(plan.skipped.map(\.meeting.summary) == ["Bo Chen again", "Bo Chen soon", "Lunch", "Bobby's party", "ours"])
        #expect(plan.skipped[0].reason.contains("already logged"))
        #expect(plan.skipped[1].reason.contains("after today"))
    }

    // MARK: - CSV import

    func plan(_ kind: InteropKind, _ csv: [[String]], into s: Snapshot? = nil) -> ImportPlan {
        CSVImport.plan(kind: kind, header: csv[0], rows: Array(csv.dropFirst()), into: s ?? snapshot, today: today,
                       makeID: { UUID() })
    }

    @Test func headersAreMatchedForgivingCaseAndSpacing() {
        #expect(CSVImport.key(" Start_Date ") == CSVImport.key("start date"))
        #expect(CSVImport.key("\u{FEFF}Name") == "name")
        let p = plan(.people, [["NAME", "Start-Date", "Team", "Shoe size"], ["Dee Diaz", "2024-02-01", "Web", "44"]])
        #expect(p.isValid)
        #expect(p.ignoredColumns == ["Shoe size"])
        guard case .person(let dee)? = p.additions.first?.record else { Issue.record("no person"); return }
        #expect(dee.name == "Dee Diaz" && dee.team == "Web" && dee.startDate == Day(iso: "2024-02-01"))
    }

    @Test func aMissingColumnIsAFileProblem() {
        let p = plan(.coaching, [["coachee", "focus", "start"], ["Bo Chen", "Pitching", "2026-01-01"]])
        #expect(!p.isValid)
        #expect(p.fileProblems.count == 1)
        #expect(p.fileProblems[0].contains("missing column \"deadline\""))
        #expect(p.additions.isEmpty)
    }

    @Test func badRowsAreReportedWithRowNumberColumnAndReason() {
        let p = plan(.coaching, [
            ["coachee", "coach", "focus", "start", "deadline"],
            ["Bo Chen", "Ana Lima", "Pitching", "2026-01-01", "2026-03-01"],
            ["Zed Quinn", "Ana Lima", "Pitching", "2026-01-01", "2026-03-01"],
            ["Bo Chen", "Ana Lima", "Writing", "2026-13-01", "2026-03-01"],
            ["Bo Chen", "", "Writing", "2026-01-01", "2025-03-01"],
        ])
        #expect(!p.isValid)
        let text = p.problems.map(\.description)
        #expect(text.contains("row 3, column \"coachee\": unknown person \"Zed Quinn\": import them with --kind people first"))
        #expect(text.contains("row 4, column \"start\": \"2026-13-01\" is not a date: use YYYY-MM-DD"))
        #expect(text.contains { $0.hasPrefix("row 5, column \"coach\": is empty") })
        #expect(text.contains { $0.hasPrefix("row 5, column \"deadline\": deadline 2025-03-01 is before the start") })
        #expect(p.additions.map(\.row) == [2])
    }

    @Test func importingWhatIsThereAddsNothingAndRepeatsAreCaught() {
        let table = CSVExport.table(.people, of: snapshot)
        let again = plan(.people, [table.header] + table.rows)
        #expect(again.isValid && again.additions.isEmpty)
        #expect(again.kept.map(\.differences) == [[], [], []])
        // By name (any case) when there is no id column; a changed role is reported, not written.
        let renamed = plan(.people, [["name", "role"], ["Ana Lima", "Boss"], ["Cy", ""], ["cy", ""]])
        #expect(renamed.kept.first?.differences == ["role"])
        #expect(renamed.problems.map(\.description) == ["row 4: repeats row 3 (cy)"])
    }

    @Test func managersMayBeNamedLaterInTheFile() {
        let empty = Snapshot(agency: Agency(name: "A"))
        let p = plan(.people, [["name", "manager"], ["Ann", "Ben"], ["Ben", ""], ["Cat", "Nobody"]], into: empty)
        guard case .person(let ann)? = p.additions.first(where: { $0.row == 2 })?.record,
              case .person(let ben)? = p.additions.first(where: { $0.row == 3 })?.record else {
            Issue.record("Ann and Ben should be added: \(p.problems)"); return
        }
        #expect(ann.managerID == ben.id)
        #expect(p.problems.map(\.description) == ["row 4, column \"manager\": unknown person \"Nobody\": import them with --kind people first"])
    }

    @Test func exportedTablesImportAsTheSameRecords() {
        let empty = Snapshot(agency: Agency(name: "A"))
        let people = CSVExport.table(.people, of: snapshot)
        let pp = plan(.people, [people.header] + people.rows, into: empty)
        let imported = pp.additions.compactMap { a -> Person? in if case .person(let p) = a.record { return p }; return nil }
        #expect(imported == snapshot.people)
        var s = empty
        s.people = imported
        let coaching = CSVExport.table(.coaching, of: snapshot)
        let cp = plan(.coaching, [coaching.header] + coaching.rows, into: s)
        #expect(cp.problems.isEmpty)
        #expect(cp.additions.map(\.record) == [.coaching(engagement)])
        let mentoring = CSVExport.table(.mentoring, of: snapshot)
        let mp = plan(.mentoring, [mentoring.header] + mentoring.rows, into: s)
        #expect(mp.additions.map(\.record) == [.mentoring(relationship)])
    }

    // MARK: - Status

    @Test func statusCountsOverdueAndDueThisWeek() {
        var s = snapshot
        #expect(AgencyStatus(s, today: today).line == "1 overdue · 1 due this week")
        // The mentoring pair met on 11-10, every 14 days: due 11-24, so overdue on 11-29; the deadline 12-03 is this week.
        s.relationships = []
        #expect(AgencyStatus(s, today: today).line == "0 overdue · 1 due this week")
        s.engagements = []
        #expect(AgencyStatus(s, today: today).line == "nothing due this week")
    }
}
