import Foundation
import Testing
@testable import TandemStore

@Suite("JSONScanner: the byte-level syntax check")
struct JSONScannerTests {
    private func scan(_ text: String) -> Result<JSONScanner.TopLevel, JSONScanner.Failure> {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            Result { try JSONScanner.scan(UnsafeBufferPointer(buffer)) }.mapError { $0 as! JSONScanner.Failure }
        }
    }

    @Test(arguments: [
        "{}",
        " {\"a\": [1, -2.5e+3, 0, 0.25, 1E9, true, false, null, \"\", {}, []]}\n",
        "{\"s\": \"tab\\t quote\\\" uni\\u00e9 \\/ é 漢字 🙂\"}",
        "{\"nested\": {\"a\": {\"b\": [[[{\"c\": \"d\"}]]]}}}",
    ])
    func acceptsValidDocuments(_ text: String) {
        if case .failure(let f) = scan(text) { Issue.record("\(text): \(f.message) at \(f.offset)") }
    }

    @Test(arguments: [
        ("", 0, "the file is empty; expected a JSON object { … }"),
        ("[1]", 0, "expected a JSON object { … } at the top level"),
        ("{\"a\": 01}", 6, "invalid number: no leading zeros"),
        ("{\"a\": 1.}", 6, "invalid number"),
        ("{\"a\": -}", 6, "invalid number"),
        ("{\"a\": tru}", 6, "expected a value (true, false or null?)"),
        ("{\"a\": [1 2]}", 9, "expected ',' or ']' after a value"),
        ("{\"a\": 1,}", 8, "expected a field name in quotes"),
        ("{\"a\" 1}", 5, "expected ':' after the field name"),
        ("{\"a\": \"\\x\"}", 7, "invalid escape in text (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"),
        ("{\"a\": \"\\u12g4\"}", 7, "invalid escape: \\u must be followed by four hex digits"),
        ("{\"a\": \"open}", 6, "text that is never closed: a closing quote is missing"),
        ("{\"a\": 1} x", 9, "unexpected text after the end of the JSON object"),
        ("{\"a\": [", 7, "unexpected end of file; the file looks truncated"),
        ("{\"a\": 'x'}", 6, "expected a value (text in quotes, a number, true, false, null, a list or an object)"),
    ])
    func rejectsInvalidDocuments(_ text: String, _ offset: Int, _ message: String) {
        switch scan(text) {
        case .success: Issue.record("accepted \(text)")
        case .failure(let f):
            #expect(f.offset == offset, "\(text)")
            #expect(f.message == message, "\(text)")
        }
    }

    @Test func rejectsDeepNestingAndBadUTF8() {
        let deep = "{\"a\":" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}"
        guard case .failure(let f) = scan(deep) else { Issue.record("accepted deep nesting"); return }
        #expect(f.message == "nesting is too deep")
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82]] {
            let bytes: [UInt8] = Array("{\"a\": \"".utf8) + bad + Array("\"}".utf8)
            let result = bytes.withUnsafeBufferPointer { b in Result { try JSONScanner.scan(b) } }
            guard case .failure(let e as JSONScanner.Failure) = result else { Issue.record("accepted \(bad)"); continue }
            #expect(e.offset == 7)
        }
    }

    @Test func pullsOutTopLevelFormatIdAndStatusOnly() throws {
        let text = """
        {"sessions": [{"status": "nested", "id": "inner", "format": 9}],
         "status": "completed", "id": "000000C9-0000-4000-8000-000000000000", "format": 1}
        """
        let top = try scan(text).get()
        #expect(top.status == "completed")
        #expect(top.id == "000000C9-0000-4000-8000-000000000000")
        #expect(top.format == 1)
        let formatOffset = try #require(top.formatOffset)
        #expect(Array(text.utf8)[formatOffset] == UInt8(ascii: "1"))

        let odd = try scan("{\"format\": 1.5, \"status\": 3}").get()
        #expect(odd.format == nil && odd.formatOffset == 11)
        #expect(odd.status == nil)
    }

    @Test func findsThePlaceOfAPathAndCountsCharactersInColumns() {
        let text = "{\n  \"é\": \"ü\", \"b\": [10, {\"c\": 3}],\n  \"d\": 4\n}"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let c = JSONScanner.offset(of: [.key("b"), .index(1), .key("c")], in: b)
            #expect(b[c] == UInt8(ascii: "3"))
            #expect(JSONScanner.position(of: c, in: b) == (2, 29))
            let d = JSONScanner.offset(of: [.key("d")], in: b)
            #expect(JSONScanner.position(of: d, in: b) == (3, 8))
            // A path that cannot be followed stops at the deepest value reached.
            let missing = JSONScanner.offset(of: [.key("b"), .index(5)], in: b)
            #expect(b[missing] == UInt8(ascii: "["))
        }
    }
}

@Suite("JSONScanner: eight bytes at a time")
struct JSONScannerWordTests {
    /// Every byte value at every position among plain letters: the word test must agree with
    /// the byte-by-byte rule, or the scanner would skip a quote or accept a control character.
    @Test func wordTestAgreesWithTheByteRule() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let plain = value >= 0x20 && value < 0x80 && value != 0x22 && value != 0x5C
                #expect(JSONScanner.isPlainText(word) == plain, "byte \(value) at \(position)")
            }
        }
    }

    @Test func findsAQuoteOrControlCharacterAfterLongPlainText() throws {
        let long = String(repeating: "plain text ", count: 40)
        let ok = "{\"format\": 1, \"notes\": \"\(long)é\(long)\"}"
        _ = try Array(ok.utf8).withUnsafeBufferPointer { try JSONScanner.scan($0) }
        let broken = "{\"format\": 1, \"notes\": \"\(long)\u{01}\(long)\"}"
        #expect(throws: JSONScanner.Failure.self) { _ = try Array(broken.utf8).withUnsafeBufferPointer { try JSONScanner.scan($0) } }
    }
}
