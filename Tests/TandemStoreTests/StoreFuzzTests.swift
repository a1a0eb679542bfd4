import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// Mutated record files (truncated, wrong types, huge numbers, deep nesting, invalid UTF-8,
/// empty, duplicate keys, flipped bytes): loading and `check` never crash or hang, and every
/// problem they report names the file. Seeded and reproducible.
@Suite("Fuzz: mutated JSON files")
struct StoreFuzzTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Mutation: CaseIterable {
        case truncate, wrongType, hugeNumber, deepNesting, invalidUTF8, empty, duplicateKey, flipByte, insertByte, swapValue
    }

    static func mutate(_ original: [UInt8], _ m: Mutation, _ rng: inout Seeded) -> [UInt8] {
        var b = original
        let at = Int.random(in: 0..<max(1, b.count), using: &rng)
        switch m {
        case .truncate: return Array(b.prefix(at))
        case .empty: return []
        case .flipByte: b[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
        case .insertByte: b.insert(UInt8.random(in: 0...255, using: &rng), at: at)
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
            // Inside a string value, so the scanner's UTF-8 check is what meets it.
            let quotes = b.indices.filter { b[$0] == UInt8(ascii: "\"") }
            let q = quotes.isEmpty ? at : quotes[Int.random(in: 0..<quotes.count, using: &rng)] + 1
            b.insert(contentsOf: bad[Int.random(in: 0..<bad.count, using: &rng)], at: min(q, b.count))
        case .hugeNumber, .wrongType, .swapValue:
            // Replace the value after a random ": ".
            let colons = b.indices.filter { b[$0] == UInt8(ascii: ":") }
            guard let c = colons.randomElement(using: &rng) else { return b }
            var end = c + 1
            var depth = 0, inString = false
            while end < b.count {
                let ch = b[end]
                if inString { if ch == UInt8(ascii: "\\") { end += 1 } else if ch == UInt8(ascii: "\"") { inString = false } }
                else if ch == UInt8(ascii: "\"") { inString = true }
                else if ch == UInt8(ascii: "{") || ch == UInt8(ascii: "[") { depth += 1 }
                else if ch == UInt8(ascii: "}") || ch == UInt8(ascii: "]") { if depth == 0 { break }; depth -= 1 }
                else if ch == UInt8(ascii: ","), depth == 0 { break }
                end += 1
            }
            let choices: [String]
            switch m {
            case .hugeNumber: choices = ["1e400", "-1e400", "123456789012345678901234567890", "9.99e307", "-0.0e-999", "1" + String(repeating: "0", count: 400), "2147483648", "-9223372036854775809"]
            case .wrongType: choices = ["true", "null", "\"text\"", "[]", "{}", "[1,2]", "{\"a\":1}", "0.5", "-3"]
            default: choices = ["\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "\"2026-02-30\"", "\"9999-12-31\"", "\"\"", "\"not-a-uuid\""]
            }
            let value = Array(choices[Int.random(in: 0..<choices.count, using: &rng)].utf8)
            b.replaceSubrange((c + 1)..<min(end, b.count), with: [UInt8(ascii: " ")] + value)
        case .deepNesting:
            let n = Int.random(in: 200...20_000, using: &rng)
            let colons = b.indices.filter { b[$0] == UInt8(ascii: ":") }
            let c = colons.randomElement(using: &rng) ?? 0
            b.insert(contentsOf: Array(repeating: UInt8(ascii: "["), count: n) + [UInt8(ascii: "1")] + Array(repeating: UInt8(ascii: "]"), count: n) + [UInt8(ascii: ",")], at: min(c + 1, b.count))
        case .duplicateKey:
            let keyStarts = b.indices.filter { $0 > 0 && b[$0] == UInt8(ascii: "\"") && b[$0 - 1] == UInt8(ascii: " ") }
            guard let k = keyStarts.randomElement(using: &rng) else { return b }
            var e = k + 1
            while e < b.count, b[e] != UInt8(ascii: "\"") { e += 1 }
            let key = Array(b[k...min(e, b.count - 1)])
            b.insert(contentsOf: key + Array(" : 1,\n  ".utf8), at: k)
        }
        return b
    }

    @Test("thousands of mutated record files load or fail naming the file")
    func mutatedFiles() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let rels = try Sample.fill(store)
        let originals = rels.map { Array(tmp.read($0)) }
        var rng = Seeded(state: 20261201)
        var counts: [String: Int] = [:]
        var failures = 0
        let rounds = 1500
        let started = Date()
        for round in 0..<rounds {
            let which = Int.random(in: 0..<rels.count, using: &rng)
            let m = Mutation.allCases[round % Mutation.allCases.count]
            let bytes = Self.mutate(originals[which], m, &rng)
            FileManager.default.createFile(atPath: tmp.store.appendingPathComponent(rels[which]).path, contents: Data(bytes))
            let opened = try Store.open(at: tmp.store, forEditing: false)
            for scope in [LoadScope.open, .all] {
                if let e = storeError({ _ = try opened.load(scope: scope) }) {
                    failures += 1
                    #expect(e.file == rels[which] || e.file.map { rels.contains($0) } == true,
                            "round \(round) (\(m)): the error names no file: \(e)")
                }
            }
            for problem in opened.check() where problem.file == nil {
                Issue.record("round \(round) (\(m)): a check problem names no file: \(problem)")
            }
            counts["\(m)", default: 0] += 1
            FileManager.default.createFile(atPath: tmp.store.appendingPathComponent(rels[which]).path, contents: Data(originals[which]))
        }
        print("json fuzz: \(rounds) mutated files (\(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))), "
              + "\(failures) refusals, in \(Int(Date().timeIntervalSince(started))) s")
        #expect(failures > rounds / 2)
    }
}
