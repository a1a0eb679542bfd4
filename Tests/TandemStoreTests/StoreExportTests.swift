import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `ExportStream` over a store (`Store.exportSource`, the CSV text of `CSVText`): the bytes the
/// export made from `load(scope: .all)`'s snapshot, for every format, kind and
/// `--include-private`, and a broken file fails it as it failed the load, before anything is written.
@Suite struct StoreExportTests {
    static let today = Day(iso: "2026-11-29")!

    /// Every request `tandem export` accepts.
    static var requests: [ExportStream.Request] { ExportStream.everyRequest(today: today) }

    /// The export as it was made from the whole loaded snapshot (the command before it streamed).
    static func whole(_ r: ExportStream.Request, _ snapshot: Snapshot) throws -> String {
        var s = snapshot
        if r.format != .json { s = ExportScope.withoutSealedValues(ExportScope.filtered(s, includePrivate: r.includePrivate)) }
        switch r.format {
        case .csv:
            return try CSVText.encode(CSVExport.table(r.kind!, of: s))
        case .ics:
            let events = ICalendar.events(of: s, today: r.today).filter { ICalendar.carries($0, kind: r.kind) }
            return ICalendar.calendar(name: s.agency.name, events: events, today: r.today)
        case .json:
            s = ExportScope.narrowed(s, to: ExportScope.content(.json, kind: r.kind))
            return try StoreDocument.json(ExportScope.withoutSealedValues(ExportScope.filtered(s, includePrivate: r.includePrivate)))
        case .md:
            if let ref = r.record {
                switch RecordQuery.resolve(ref, in: s) {
                case .success(let record): return MarkdownReport.record(record, in: s, today: r.today)
                case .failure(let f): throw ExportStream.RecordNotFound(failure: f)
                }
            }
            return MarkdownReport.agency(ExportScope.narrowed(s, to: ExportScope.content(.md, kind: r.kind)), today: r.today)
        }
    }

    static func streamed(_ r: ExportStream.Request, _ store: Store) throws -> (text: String, leftOut: Int) {
        var export = try ExportStream(r, of: store)
        var out = ""
        try export.write { out += $0 }
        return (out, export.leftOut)
    }

    @Test func everyFormatAndKindGivesTheBytesOfTheWholeStore() throws {
        let tmp = TempFolder()
        let demo = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        let loaded = try store.load(scope: .all).snapshot
        #expect(ExportScope.privateSessionCount(in: loaded) > 0)
        var requests = Self.requests
        for includePrivate in [false, true] {
            requests.append(ExportStream.Request(format: .md, kind: nil, includePrivate: includePrivate,
                                                 record: String(demo.engagements[7].id.uuidString.prefix(8)), today: Self.today))
            requests.append(ExportStream.Request(format: .md, kind: nil, includePrivate: includePrivate,
                                                 record: "mentoring:" + String(demo.relationships[4].id.uuidString.prefix(8)), today: Self.today))
        }
        for r in requests {
            let got = try Self.streamed(r, store)
            let expected = try Self.whole(r, loaded)
            #expect(Array(got.text.utf8) == Array(expected.utf8), "\(r.format) \(String(describing: r.kind)) \(r.record ?? "") private \(r.includePrivate)")
            #expect(got.leftOut == (r.includePrivate ? 0 : ExportScope.privateSessionCount(in: loaded)))
        }
        // The CSV of sessions is the real one: a header and CRLF line ends.
        let csv = try Self.streamed(ExportStream.Request(format: .csv, kind: .sessions, includePrivate: false, today: Self.today), store).text
        #expect(csv.hasPrefix("kind,record id,who,") && csv.hasSuffix("\r\n"))
    }

    @Test func aBrokenFileFailsAsTheLoadDoesBeforeAnythingIsWritten() throws {
        let tmp = TempFolder()
        let (store, names) = try StoreStreamTests.twoBrokenRelationships(tmp)
        var loadError: StoreError?
        do { _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .all) } catch let e as StoreError { loadError = e }
        try #require(loadError?.file == names[5])
        for r in Self.requests + [ExportStream.Request(format: .md, kind: nil, includePrivate: false, record: "zz", today: Self.today)] {
            // The survey fails: there is no export to write from.
            #expect(throws: loadError!, "\(r.format) \(String(describing: r.kind))") { _ = try ExportStream(r, of: store) }
        }
    }

    @Test func aFileBrokenBetweenThePassesFailsTheWrite() throws {
        let tmp = TempFolder()
        let snapshot = try LoadIndexTests.demo(tmp)
        let store = try Store.open(at: tmp.store, forEditing: false)
        let files = try store.load(scope: .all).files
        let rel = files[RecordRef(kind: .coaching, id: snapshot.engagements[9].id)]!
        var export = try ExportStream(ExportStream.Request(format: .csv, kind: .coaching, includePrivate: false, today: Self.today), of: store)
        tmp.write("{\n  \"id\": 3\n", to: rel)
        var written = 0
        #expect { try export.write { _ in written += 1 } } throws: { ($0 as? StoreError)?.file == rel }
        // The header (and the rows of the batches before the broken file's) was handed over: stdout
        // then holds part of an export; a file output is dropped whole (`Output.stream`).
        #expect(written >= 1)
    }
}
