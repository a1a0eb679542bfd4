import Foundation
import Testing
@testable import TandemCore

/// `ExportStream` (what `tandem export` runs, a record at a time) gives the bytes the export gave
/// when it rendered the whole snapshot at once, for every format, kind and `--include-private`.
///
/// The references here are the export as it was before it streamed: the whole snapshot narrowed
/// and filtered, then rendered in one piece (the JSON document by one encoder call, the calendar and
/// the Markdown account by their old loops), so a record out of place, a section heading too many
/// or a comma missing between two streamed pieces fails.
@Suite struct ExportStreamTests {
    static let today = Day(iso: "2026-11-29")!
    static let demo = DemoAgency.generate(today: today, options: DemoOptions(people: 30, engagements: 20, relationships: 12, sessions: 300))

    /// Each CSV record as JSON on a line (the CSV writer is the store's; here only the rows matter).
    static func line(_ row: [String]) -> String { InteropJSON.compact(row) + "\n" }

    /// Every request `tandem export` accepts (its `validate` refuses csv without a kind, json
    /// sessions and ics people).
    static var requests: [ExportStream.Request] { ExportStream.everyRequest(today: today) }

    /// The requests that can be made: 4 formats by 5 kinds (none among them), less the three
    /// refused, each with and without private sessions.
    @Test func everyRequestIsEveryOneNotRefused() {
        #expect(Self.requests.count == (4 * 5 - 3) * 2)
        #expect(ExportStream.refusal(format: .csv, kind: nil)?.contains("--kind") == true)
        #expect(ExportStream.refusal(format: .json, kind: .sessions) != nil)
        #expect(ExportStream.refusal(format: .ics, kind: .people) != nil)
        #expect(ExportStream.refusal(format: .md, kind: nil) == nil && ExportStream.refusal(format: .csv, kind: .people) == nil)
        #expect(!Self.requests.contains { ExportStream.refusal(format: $0.format, kind: $0.kind) != nil })
    }

    /// The export of the whole snapshot at once, as `tandem export` made it before streaming.
    static func whole(_ r: ExportStream.Request, _ snapshot: Snapshot) throws -> String {
        var s = snapshot
        if r.format != .json { s = ExportScope.withoutSealedValues(ExportScope.filtered(s, includePrivate: r.includePrivate)) }
        switch r.format {
        case .csv:
            let table = CSVExport.table(r.kind!, of: s)
            return ([table.header] + table.rows).map(line).joined()
        case .ics:
            var events = ICalendar.events(of: s, today: r.today)
            switch r.kind {
            case .coaching: events = events.filter { $0.categories.contains("Coaching") }
            case .mentoring: events = events.filter { $0.categories.contains("Mentoring") }
            case .sessions: events = events.filter { $0.uid.hasPrefix("session-") }
            case .people, nil: break
            }
            return calendar(name: s.agency.name, events: events, today: r.today)
        case .json:
            switch r.kind {
            case .people: s.engagements = []; s.relationships = []; s.assessments = []
            case .coaching: s.people = []; s.relationships = []; s.assessments = []
            case .mentoring: s.people = []; s.engagements = []; s.assessments = []
            case .sessions, nil: break
            }
            s = ExportScope.withoutSealedValues(ExportScope.filtered(s, includePrivate: r.includePrivate))
            return try StoreDocumentStreamTests.document(s)
        case .md:
            if let ref = r.record {
                switch RecordQuery.resolve(ref, in: s) {
                case .success(let record): return MarkdownReport.record(record, in: s, today: r.today)
                case .failure(let f): throw ExportStream.RecordNotFound(failure: f)
                }
            }
            switch r.kind {
            case .people: s.engagements = []; s.relationships = []
            case .coaching: s.relationships = []
            case .mentoring: s.engagements = []
            case .sessions, nil: break
            }
            return agency(s, today: r.today)
        }
    }

    /// The calendar as one list of lines.
    static func calendar(name: String, events: [ICalendar.Event], today: Day) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem//Tandem//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendar.escape(name)]
        let stamp = ICalendar.compact(today) + "T000000Z"
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + stamp,
                      "DTSTART;VALUE=DATE:" + ICalendar.compact(e.day), "DTEND;VALUE=DATE:" + ICalendar.compact(e.day.adding(days: 1)),
                      "SUMMARY:" + ICalendar.escape(e.summary)]
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + ICalendar.escape(e.description)) }
            if !e.categories.isEmpty { lines.append("CATEGORIES:" + e.categories.map(ICalendar.escape).joined(separator: ",")) }
            if e.sequence > 0 { lines.append("SEQUENCE:\(e.sequence)") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined()
    }

    /// The Markdown account in one loop.
    static func agency(_ s: Snapshot, today: Day) -> String {
        let names = PeopleIndex(s.people)
        var out = "# \(MarkdownReport.inline(s.agency.name))\n\n"
        let status = AgencyStatus(s, today: today)
        out += "As of \(today.iso): \(s.engagements.count) coaching engagements, \(s.relationships.count) mentoring "
            + "relationships, \(s.people.count) people; \(status.line).\n\n"
        out += "## Coaching\n\n"
        if s.engagements.isEmpty { out += "None yet.\n\n" }
        for e in s.engagements { out += MarkdownReport.engagement(e, names: names, today: today, level: 3) }
        out += "## Mentoring\n\n"
        if s.relationships.isEmpty { out += "None yet.\n\n" }
        for r in s.relationships { out += MarkdownReport.relationship(r, names: names, today: today, level: 3) }
        out += "## People\n\n| name | role | team | level | started | left |\n| --- | --- | --- | --- | --- | --- |\n"
        for p in s.people {
            let c = MarkdownReport.cell
            out += "| \(c(p.name)) | \(c(p.role)) | \(c(p.team)) | \(p.level.rawValue) | \(p.startDate?.iso ?? "") | \(p.leftOn?.iso ?? "") |\n"
        }
        return out
    }

    /// What a source was asked for, pass by pass.
    final class Passes {
        var asked: [(kinds: ExportKinds, openingSealed: Bool)] = []
        var given = 0
    }

    /// A snapshot as the store's source hands it over, noting each pass.
    static func counting(_ s: Snapshot, _ passes: Passes) -> ExportSource {
        let inner = ExportStream.source(of: s)
        return { kinds, opening, body in
            passes.asked.append((kinds, opening))
            try inner(kinds, opening) { passes.given += 1; try body($0) }
        }
    }

    static func streamed(_ r: ExportStream.Request, _ s: Snapshot, passes: Passes = Passes()) throws -> (text: String, pieces: Int, leftOut: Int) {
        var export = try ExportStream(r, agency: s.agency, source: counting(s, passes))
        var out = "", pieces = 0
        try export.write(csvLine: line) { out += $0; pieces += 1 }
        return (out, pieces, export.leftOut)
    }

    @Test(arguments: requests)
    func everyFormatAndKindStreamsToTheWholeRendering(_ r: ExportStream.Request) throws {
        let s = Self.demo
        #expect(ExportScope.privateSessionCount(in: s) > 0)
        let expected = try Self.whole(r, s)
        let got = try Self.streamed(r, s)
        #expect(Array(got.text.utf8) == Array(expected.utf8), "\(r.format) \(String(describing: r.kind)) private \(r.includePrivate)")
        // Every private session of the store is counted, whatever the kind shown.
        #expect(got.leftOut == (r.includePrivate ? 0 : ExportScope.privateSessionCount(in: s)))
        // Streamed a record at a time, not rendered whole.
        #expect(got.pieces > 12)
    }

    @Test(arguments: [ExportFormat.json, .md], [false, true])
    func emptyKindsStreamToTheWholeRendering(_ format: ExportFormat, _ includePrivate: Bool) throws {
        var s = Self.demo
        s.engagements = []; s.assessments = []
        for kind in [nil, InteropKind.coaching, .mentoring, .people] {
            let r = ExportStream.Request(format: format, kind: kind, includePrivate: includePrivate, today: Self.today)
            #expect(try Self.streamed(r, s).text == Self.whole(r, s), "\(format) \(String(describing: kind))")
        }
        let empty = Snapshot(agency: Agency(name: "Nobody \"yet\"\nline\\two / ✓ | x"))
        for format in ExportFormat.allCases {
            let r = ExportStream.Request(format: format, kind: format == .csv ? .sessions : nil, includePrivate: includePrivate, today: Self.today)
            #expect(try Self.streamed(r, empty).text == Self.whole(r, empty), "\(format)")
        }
    }

    @Test func oneRecordInMarkdownIsTheWholeRenderingsRecord() throws {
        let s = Self.demo
        let names = PeopleIndex(s.people)
        let refs = [String(s.engagements[3].id.uuidString.prefix(8)), "mentoring:" + String(s.relationships[2].id.uuidString.prefix(6)),
                    names.name(s.engagements[5].coacheeID)]
        for ref in refs {
            for includePrivate in [false, true] {
                let r = ExportStream.Request(format: .md, kind: nil, includePrivate: includePrivate, record: ref, today: Self.today)
                let passes = Passes()
                let got = try Self.streamed(r, s, passes: passes)
                #expect(got.text == (try Self.whole(r, s)), "\(ref)")
                #expect(got.leftOut == (includePrivate ? 0 : ExportScope.privateSessionCount(in: s)))
                // The second pass reads only the record's kind, and stops at the record.
                #expect(passes.asked.count == 2)
                #expect(passes.asked[1].kinds.coaching != passes.asked[1].kinds.mentoring)
            }
        }
        // A reference that finds nothing fails as the whole rendering did, before anything is written.
        for ref in ["zzzz-nobody", "a"] {
            let r = ExportStream.Request(format: .md, kind: nil, includePrivate: false, record: ref, today: Self.today)
            var expected: ExportStream.RecordNotFound?
            do { _ = try Self.whole(r, s) } catch let e as ExportStream.RecordNotFound { expected = e }
            #expect(expected != nil)
            #expect { _ = try Self.streamed(r, s) } throws: { ($0 as? ExportStream.RecordNotFound) == expected }
        }
    }

    @Test func theSurveyOpensNoSealedNotesAndReadsOnlyWhatIsNeededFirst() throws {
        let s = Self.demo
        for r in Self.requests {
            let passes = Passes()
            _ = try Self.streamed(r, s, passes: passes)
            try #require(!passes.asked.isEmpty)
            let survey = passes.asked[0]
            #expect(!survey.openingSealed)
            #expect(survey.kinds.people)
            // Markdown counts what it shows first; the others read engagements or relationships
            // there only to count the private sessions of a kind they do not show.
            if r.format != .md && r.includePrivate { #expect(!survey.kinds.coaching && !survey.kinds.mentoring) }
            for later in passes.asked.dropFirst() { #expect(later.openingSealed && !later.kinds.people && !later.kinds.assessments) }
            #expect(passes.asked.count <= 2)
        }
        // An export of people reads the people once (and, with private sessions to count, the rest once).
        let passes = Passes()
        _ = try Self.streamed(ExportStream.Request(format: .csv, kind: .people, includePrivate: true, today: Self.today), s, passes: passes)
        #expect(passes.asked.count == 1 && passes.given == s.people.count)
        for format in [ExportFormat.md, .json] {
            let people = Passes()
            _ = try Self.streamed(ExportStream.Request(format: format, kind: .people, includePrivate: true, today: Self.today), s, passes: people)
            #expect(people.asked.count == 1 && people.given == s.people.count, "\(format)")
        }
    }

    @Test func aFailingSourceFailsTheSurveyBeforeAnythingIsWritten() throws {
        struct Broken: Error, Equatable { var file: String }
        let s = Self.demo
        for r in Self.requests {
            let inner = ExportStream.source(of: s)
            var given = 0
            let source: ExportSource = { kinds, opening, body in
                try inner(kinds, opening) { record in
                    given += 1
                    if given == 5 { throw Broken(file: "coaching/x.json") }
                    try body(record)
                }
            }
            #expect(throws: Broken(file: "coaching/x.json")) { _ = try ExportStream(r, agency: s.agency, source: source) }
        }
    }

    @Test func sectionsGivenNoRecordsCloseAsTheWholeDocumentDoes() throws {
        // Only engagements given: every other section is closed empty, `format` in its place.
        var s = Self.demo
        s.people = []; s.relationships = []
        var writer = StoreDocument.Writer()
        var out = try writer.start(agency: s.agency)
        for e in s.engagements { out += try writer.add(e) }
        out += try writer.finish()
        s.assessments = []
        #expect(out == (try StoreDocumentStreamTests.document(s)))
    }
}
