import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store corruption: errors name file, line and column; nothing is rewritten")
struct StoreCorruptionTests {
    /// A filled store, closed, and the path of a record's file.
    private func filled(_ tmp: TempFolder) throws -> [String] {
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        defer { store.close() }
        return try Sample.fill(store)
    }

    /// Line and column (1-based, in characters) of the first occurrence of `needle` in `text`.
    private func place(of needle: String, in text: String) throws -> (Int, Int) {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return (line, lastLine.count + 1)
    }

    /// Opens the store, expects load(.open), load(.all) and check() to report `expected`,
    /// and every file to stay byte-identical.
    private func expectFailure(_ tmp: TempFolder, _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = tmp.allFiles()
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(storeError { _ = try store.load(scope: .open) } == expected, sourceLocation: sourceLocation)
        #expect(storeError { _ = try store.load(scope: .all) } == expected, sourceLocation: sourceLocation)
        #expect(store.check().contains(expected), sourceLocation: sourceLocation)
        store.close()
        var after = tmp.allFiles()
        after[".lock"] = before[".lock"]
        #expect(after == before, sourceLocation: sourceLocation)
    }

    @Test func aTruncatedFile() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel)
        let cut = String(text[..<(try #require(text.range(of: "\"focus\"")).lowerBound)])
        tmp.write(cut, to: rel)
        let line = cut.filter { $0 == "\n" }.count + 1
        let column = (cut.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
        try expectFailure(tmp, StoreError(.parse, file: rel, line: line, column: column,
                                          "unexpected end of file; the file looks truncated"))
    }

    @Test func aMissingComma() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[0]
        let text = tmp.text(rel).replacingOccurrences(of: "\"format\" : 1,", with: "\"format\" : 1")
        tmp.write(text, to: rel)
        let (line, _) = try place(of: "\"format\" : 1", in: text)
        try expectFailure(tmp, StoreError(.parse, file: rel, line: line + 1, column: 3,
                                          "expected ',' or '}' after a value"))
    }

    @Test func aTrailingCommaAndABadEscape() throws {
        let tmp = TempFolder()
        let paths = try filled(tmp)
        tmp.write("{\n  \"format\" : 1,\n  \"name\" : \"a\\qb\"\n}\n", to: "tandem.json")
        let error = storeError { _ = try Store.open(at: tmp.store, forEditing: false) }
        #expect(error?.description == "tandem.json:3:14: invalid escape in text (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
        tmp.write("{\n  \"format\" : 1, \"name\" : \"x\", \"settings\" : {\"momentumDays\" : 21, \"dueSoonDays\" : 3, \"fizzleDays\" : 42}\n}\n", to: "tandem.json")
        let trailing = "{\"format\": 1, \"id\": \"\(Sample.ana.id.uuidString)\",}"
        tmp.write(trailing, to: paths[0])
        try expectFailure(tmp, StoreError(.parse, file: paths[0], line: 1, column: trailing.count, "expected a field name in quotes"))
    }

    @Test func aWrongType() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[4]
        let text = tmp.text(rel).replacingOccurrences(of: "\"cadenceDays\" : 14", with: "\"cadenceDays\" : \"14\"")
        tmp.write(text, to: rel)
        let (line, column) = try place(of: "\"14\"", in: text)
        try expectFailure(tmp, StoreError(.format, file: rel, line: line, column: column,
                                          "field \"cadenceDays\": expected a whole number, found \"14\""))
    }

    @Test func aWrongTypeDeepInside() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel).replacingOccurrences(of: "\"minutes\" : 45", with: "\"minutes\" : 4.5")
        tmp.write(text, to: rel)
        let (line, column) = try place(of: "4.5", in: text)
        try expectFailure(tmp, StoreError(.format, file: rel, line: line, column: column,
                                          "field \"sessions[0].minutes\": expected a whole number, found 4.5"))
    }

    @Test func aBadDate() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[4]
        let text = tmp.text(rel).replacingOccurrences(of: "\"2026-01-05\"", with: "\"2026-02-30\"")
        tmp.write(text, to: rel)
        let (line, column) = try place(of: "\"2026-02-30\"", in: text)
        try expectFailure(tmp, StoreError(.format, file: rel, line: line, column: column,
                                          "field \"start\": expected a date YYYY-MM-DD, found \"2026-02-30\""))
    }

    @Test func aMissingFieldAndAnUnknownChoice() throws {
        let tmp = TempFolder()
        let paths = try filled(tmp)
        let text = tmp.text(paths[6]).replacingOccurrences(of: "\"rationale\" : \"A skill gap now, a career later\",", with: "")
        tmp.write(text, to: paths[6])
        try expectFailure(tmp, StoreError(.format, file: paths[6], line: 1, column: 1, "field \"rationale\": missing"))

        tmp.write(tmp.text(paths[6]).replacingOccurrences(of: "\"recommendation\"", with: "\"rationale\" : \"\",\n  \"recommendation\""), to: paths[6])
        let level = tmp.text(paths[1]).replacingOccurrences(of: "\"junior\"", with: "\"intern\"")
        tmp.write(level, to: paths[1])
        let (line, column) = try place(of: "\"intern\"", in: level)
        try expectFailure(tmp, StoreError(.format, file: paths[1], line: line, column: column,
            "field \"level\": expected one of \"junior\", \"mid\", \"senior\", \"lead\", \"partner\", found \"intern\""))
    }

    @Test func aCorruptClosedRecordStillFailsTheOpenScope() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[3]
        let text = tmp.text(rel).replacingOccurrences(of: "\"Delegation\"", with: "\"Dele\u{01}gation\"")
        tmp.write(text, to: rel)
        let (line, column) = try place(of: "\u{01}", in: text)
        try expectFailure(tmp, StoreError(.parse, file: rel, line: line, column: column,
            "a control character inside text (write \\n for a new line, \\t for a tab)"))
    }

    @Test func invalidUTF8IsNamed() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[5]
        let bytes = Data("{\"format\": 1,\n\"x\": \"a".utf8) + Data([0xC3, 0x28]) + Data("\"}".utf8)
        try bytes.write(to: tmp.store.appendingPathComponent(rel))
        let store = try Store.open(at: tmp.store, forEditing: false)
        let error = storeError { _ = try store.load(scope: .open) }
        #expect(error?.kind == .parse)
        #expect(error?.description.hasPrefix("\(rel):2:8: ") == true)
        #expect(error?.message == "invalid UTF-8 in text; save the file as UTF-8")
    }

    @Test func theOpenScopeSkipsDecodingClosedRecords() throws {
        let tmp = TempFolder()
        let paths = try filled(tmp)
        // Valid JSON whose fields all have the right form but that does not decode (a required
        // field renamed): only decoding would notice, and a closed record is not decoded at start-up.
        let broken = tmp.text(paths[5]).replacingOccurrences(of: "\"focusAreas\"", with: "\"focusArea\"")
        #expect(broken != tmp.text(paths[5]))
        tmp.write(broken, to: paths[5])
        let store = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try store.load(scope: .open)
        #expect(loaded.closedCount.coaching == 1)
        #expect(loaded.closedCount.mentoring == 1)
        #expect(loaded.snapshot.engagements == [Sample.coaching])
        #expect(loaded.snapshot.relationships == [Sample.mentoring])
        #expect(loaded.snapshot.people.count == 2 && loaded.snapshot.assessments.count == 1)
        #expect(loaded.files[RecordRef(kind: .coaching, id: Sample.finished.id)] == paths[3])
        #expect(loaded.files[RecordRef(kind: .mentoring, id: Sample.ended.id)] == paths[5])

        #expect(try store.loadRecord(RecordRef(kind: .coaching, id: Sample.finished.id)) == .coaching(Sample.finished))
        let error = storeError { _ = try store.loadRecord(RecordRef(kind: .mentoring, id: Sample.ended.id)) }
        #expect(error?.message.contains("focusAreas") == true, "\(String(describing: error))")
        #expect(storeError { _ = try store.load(scope: .all) }?.file == paths[5])
    }

    @Test func aDuplicateIdFailsTheLoad() throws {
        let tmp = TempFolder()
        let paths = try filled(tmp)
        tmp.write(tmp.text(paths[0]), to: "people/copy-000000a1.json")
        let error = storeError { _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .open) }
        #expect(error?.kind == .format)
        #expect(error?.file == "people/copy-000000a1.json")
        #expect(error?.message == "id \(Sample.ana.id.uuidString) is also the id of \(paths[0])")
    }
}
