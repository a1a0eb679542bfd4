import Foundation
import Testing
import TandemCore

/// `JSONText.quoted` gives the bytes `JSONSerialization` gives a string, so a document written a
/// value at a time is the document serialized at once.
@Suite struct JSONTextTests {
    static func serialized(_ s: String) throws -> String {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]), as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }

    @Test func everyASCIICharacterAndSomeBeyondAsTheSerializerWritesThem() throws {
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["", "é", "中文", "🧑🏽‍💻", "\u{2028}\u{2029}", "\u{FEFF}", "a/b", "\u{7F}", "Łukasz \"Łuk\" Wróbel\\n",
                    "tab\there\u{1B}[2J", "e\u{301}"]
        for s in samples {
            #expect(try JSONText.quoted(s) == Self.serialized(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func seededRandomStrings() throws {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
        let pool: [UnicodeScalar] = (0..<0x30).compactMap { UnicodeScalar($0) } + ["\"", "\\", "/", "é", "中", "\u{2028}", "😀", "a", "Z"]
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(next() % 24) { s.append(pool[Int(next() % UInt64(pool.count))]) }
            let text = String(s)
            #expect(try JSONText.quoted(text) == Self.serialized(text))
        }
    }
}
