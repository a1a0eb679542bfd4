import Foundation
import Testing
@testable import TandemCore

/// `StoreDocument.stream` (and `json`, its pieces joined) gives exactly the bytes of the whole
/// document encoded in one call (`document`, the export before it streamed), a record at a time.
@Suite struct StoreDocumentStreamTests {
    let today = Day(iso: "2026-11-29")!

    /// The JSON document encoded in one call.
    static func document(_ s: Snapshot) throws -> String {
        struct Document: Encodable {
            var format: Int
            var agency: Agency
            var people: [Person]
            var coaching: [CoachingEngagement]
            var mentoring: [MentoringRelationship]
            var assessments: [Assessment]
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let doc = Document(format: currentFormat, agency: s.agency, people: s.people, coaching: s.engagements,
                           mentoring: s.relationships, assessments: s.assessments)
        return String(decoding: try enc.encode(doc), as: UTF8.self) + "\n"
    }

    func streamed(_ s: Snapshot) throws -> (text: String, chunks: Int) {
        var out = "", chunks = 0
        try StoreDocument.stream(s) { out += $0; chunks += 1 }
        return (out, chunks)
    }

    @Test func theDemoStoreStreamsToTheSameBytes() throws {
        let s = DemoAgency.generate(today: today, options: DemoOptions(people: 40, engagements: 30, relationships: 20, sessions: 400))
        #expect(!s.people.isEmpty && !s.engagements.isEmpty && !s.relationships.isEmpty && !s.assessments.isEmpty)
        let whole = try Self.document(s)
        let parts = try streamed(s)
        #expect(Array(parts.text.utf8) == Array(whole.utf8))
        #expect(try StoreDocument.json(s) == whole)
        // A record at a time, not the document in one piece.
        #expect(parts.chunks > s.people.count + s.engagements.count)
    }

    @Test func emptyKindsStreamToTheSameBytes() throws {
        var s = DemoAgency.generate(today: today, options: DemoOptions())
        s.engagements = []; s.assessments = []
        #expect(try streamed(s).text == Self.document(s))
        let empty = Snapshot(agency: Agency(name: "Nobody \"yet\"\nline\\two / ✓"))
        #expect(try streamed(empty).text == Self.document(empty))
    }

    @Test func notesWithLineEndsAndQuotesStreamToTheSameBytes() throws {
        var s = DemoAgency.generate(today: today, options: DemoOptions())
        s.engagements[0].sessions[0].notes = "two\nlines\r\n\t\"quoted\" \\ / \u{1B}[31m 很好"
        s.people[0].name = "A \"B\"\nC"
        #expect(try streamed(s).text == Self.document(s))
    }

    @Test func recordsFilteredWhileStreamingGiveTheFilteredDocument() throws {
        let s = DemoAgency.generate(today: today, options: DemoOptions(people: 30, engagements: 20, relationships: 12, sessions: 300))
        #expect(ExportScope.privateSessionCount(in: s) > 0)
        let filtered = ExportScope.withoutSealedValues(ExportScope.filtered(s, includePrivate: false))
        var out = ""
        try StoreDocument.stream(s, coaching: { ExportScope.withoutSealedValues(ExportScope.withoutPrivate($0)) },
                                 mentoring: { ExportScope.withoutSealedValues(ExportScope.withoutPrivate($0)) }) { out += $0 }
        #expect(out == (try Self.document(filtered)))
        #expect(out != (try Self.document(s)))
    }
}
