import Foundation
import Testing

/// Text from files never reaches the terminal raw: a name or focus holding escape sequences
/// (colours, a window title, a screen clear) is printed escaped by `list`, `log` and errors.
@Suite("Control characters in stored text are printed escaped")
struct CLIControlCharacterTests {
    static let hostile = "\\u001b[31mRED\\u001b]0;owned\\u0007\\u009b2J"

    @Test func listLogAndErrorsEscapeThem() throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("coaching").first)
        let file = try #require(row["file"] as? String), id = try #require(row["id"] as? String)
        let text = folder.text(file)
        let focus = try #require(row["focus"] as? String)
        try folder.write(text.replacingOccurrences(of: "\"focus\" : \"\(focus)\"", with: "\"focus\" : \"\(Self.hostile)\(focus)\""), to: file)

        let list = folder.run(["list", "coaching"])
        #expect(list.status == 0, "\(list.stderr)")
        let logged = folder.run(["log", "--record", String(id.prefix(8)), "--minutes", "30", "--note", "ok"])
        #expect(logged.status == 0, "\(logged.stderr)")
        for out in [list.stdout, logged.stdout] {
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "raw control characters in: \(out.debugDescription.prefix(300))")
            #expect(out.contains("\\e[31mRED\\e]0;owned\\u{7}\\u{9B}2J"), "\(out.prefix(400))")
        }
        // An error naming a file whose name holds an escape sequence.
        let bad = "coaching/bad\u{1B}[2J.json"
        FileManager.default.createFile(atPath: folder.path(bad), contents: Data("{".utf8))
        let failed = folder.run(["list", "coaching"])
        #expect(failed.status == 2)
        #expect(!failed.stderr.unicodeScalars.contains { $0.value == 0x1B }, "\(failed.stderr.debugDescription)")
        #expect(failed.stderr.contains("coaching/bad\\e[2J.json"), "\(failed.stderr)")
        let check = folder.run(["check"])
        #expect(!(check.stderr + check.stdout).unicodeScalars.contains { $0.value == 0x1B })
    }

    /// The JSON outputs escape as JSON does (`\u009B`), never as the text outputs do (`\u{9B}`,
    /// which no JSON parser takes): a script reading `list --json` gets the stored name back, and
    /// the terminal still sees nothing raw. An 8-bit CSI and a right-to-left override are the
    /// characters JSONSerialization itself leaves raw.
    @Test func jsonOutputsStayJSON() throws {
        let folder = CLIFolder.demo()
        let person = try #require(try folder.listJSON("people").first)
        let id = try #require(person["id"] as? String), name = try #require(person["name"] as? String)
        let file = try #require(folder.entries().keys.first { $0.hasPrefix("people/") && $0.hasSuffix("-\(id.prefix(8).lowercased()).json") })
        let hostile = "\u{9B}2J\u{202E}\u{1B}[31m" + name
        var object = try folder.object(file)
        object["name"] = hostile
        try folder.write(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), to: file)

        let unsafe: (Unicode.Scalar) -> Bool = { [0x1B, 0x9B, 0x202E].contains($0.value) }
        for args in [["list", "people", "--json"], ["list", "people", "--json", "--all"], ["report", "--format", "json"]] {
            let r = folder.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains(where: unsafe), "\(args): raw control characters in \(r.stdout.prefix(300).debugDescription)")
            #expect(!r.stdout.contains("\\u{"), "\(args): a text escape in JSON: \(r.stdout.prefix(300))")
            let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            if args[0] == "list" {
                let rows = try #require(parsed as? [[String: Any]])
                #expect(rows.contains { $0["name"] as? String == hostile }, "\(args): the stored name does not come back")
            }
        }
    }

    /// The exports meant for people and calendars (md, ics) carry no control character, C1
    /// control or bidirectional override from a file, piped or written to a file, while the
    /// name's accents, CJK and emoji come through intact.
    @Test func markdownAndCalendarExportsCarryNoOverridesOrControls() throws {
        let folder = CLIFolder.demo()
        let person = try #require(try folder.listJSON("people").first)
        let id = try #require(person["id"] as? String)
        let file = try #require(folder.entries().keys.first { $0.hasPrefix("people/") && $0.hasSuffix("-\(id.prefix(8).lowercased()).json") })
        let hostile = "Zoë 王小明 🙂\u{202E}evil\u{1B}[31mred\u{85}x\u{2066}y"
        var object = try folder.object(file)
        object["name"] = hostile
        try folder.write(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), to: file)

        let unsafe: (Unicode.Scalar) -> Bool = { [0x1B, 0x85, 0x202E, 0x2066].contains($0.value) }
        let out = folder.url.appendingPathComponent("out.txt")
        for args in [["--format", "md"], ["--format", "ics"]] {
            let piped = folder.run(["export", "--include-private"] + args)
            #expect(piped.status == 0, "\(args): \(piped.stderr)")
            let toFile = folder.run(["export", "--include-private"] + args + ["--output", out.path])
            #expect(toFile.status == 0, "\(args): \(toFile.stderr)")
            for text in [piped.stdout, try String(contentsOf: out, encoding: .utf8)] {
                #expect(!text.unicodeScalars.contains(where: unsafe), "\(args): raw in \(text.prefix(300).debugDescription)")
                #expect(text.contains("Zoë 王小明 🙂"), "\(args): the name's own letters are kept")
                #expect(text.contains("evil") && text.contains("red"), "\(args)")
            }
        }
    }
}
