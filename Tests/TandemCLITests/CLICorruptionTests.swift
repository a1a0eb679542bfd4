import Foundation
import Testing

@Suite("A corrupt store: reported with file:line:column, never rewritten")
struct CLICorruptionTests {
    /// One way to spoil one file of a demo store.
    enum Corruption: String, CaseIterable, CustomTestStringConvertible {
        case truncatedCoaching, strayCharacterInMentoring, wrongTypeInClosedEngagement, badDateInPerson

        var testDescription: String { rawValue }

        /// Spoils a file; returns it (relative) and the line the error must name, when known.
        func apply(to folder: CLIFolder) throws -> (file: String, line: Int?) {
            switch self {
            case .truncatedCoaching:
                let file = try #require(try folder.listJSON("coaching").first?["file"] as? String)
                let bytes = folder.read(file)
                let kept = bytes.prefix(bytes.count / 2)
                try folder.write(Data(kept), to: file)
                return (file, nil)
            case .strayCharacterInMentoring:
                let file = try #require(try folder.listJSON("mentoring").first?["file"] as? String)
                var lines = folder.text(file).components(separatedBy: "\n")
                try #require(lines.count > 6)
                lines[4] = "x" + lines[4]
                try folder.write(lines.joined(separator: "\n"), to: file)
                return (file, 5)
            case .wrongTypeInClosedEngagement:
                let closed = try folder.listJSON("coaching", ["--all"]).first { row in
                    ["completed", "cancelled"].contains(row["status"] as? String ?? "") && (row["sessions"] as? Int ?? 0) > 0
                }
                let file = try #require(closed?["file"] as? String, "no closed engagement with sessions")
                return try Self.replaceFirstLine(in: file, of: folder, containing: "\"minutes\" : ") { line in
                    line.replacingOccurrences(of: #""minutes" : \d+"#, with: #""minutes" : "sixty""#, options: .regularExpression)
                }
            case .badDateInPerson:
                let file = try #require(try folder.listJSON("people").first?["file"] as? String)
                return try Self.replaceFirstLine(in: file, of: folder, containing: "\"startDate\" : ") { line in
                    line.replacingOccurrences(of: #""\d{4}-\d{2}-\d{2}""#, with: #""2026-02-30""#, options: .regularExpression)
                }
            }
        }

        private static func replaceFirstLine(in file: String, of folder: CLIFolder, containing needle: String,
                                             _ change: (String) -> String) throws -> (file: String, line: Int?) {
            var lines = folder.text(file).components(separatedBy: "\n")
            let i = try #require(lines.firstIndex { $0.contains(needle) }, "no \(needle) in \(file)")
            let changed = change(lines[i])
            try #require(changed != lines[i])
            lines[i] = changed
            try folder.write(lines.joined(separator: "\n"), to: file)
            return (file, i + 1)
        }
    }

    /// `file:line:column` of `file` in `text`, as (line, column).
    static func place(of file: String, in text: String) -> (line: Int, column: Int)? {
        let pattern = NSRegularExpression.escapedPattern(for: file) + #":(\d+):(\d+)"#
        guard let match = text.range(of: pattern, options: .regularExpression) else { return nil }
        let parts = text[match].dropFirst(file.count + 1).split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test(arguments: Corruption.allCases)
    func checkAndListReportTheFileAndChangeNothing(_ corruption: Corruption) throws {
        let folder = CLIFolder.demo()
        let (file, line) = try corruption.apply(to: folder)
        let before = folder.snapshot()

        let check = folder.run(["check"])
        #expect(check.status == 2)
        let place = try #require(Self.place(of: file, in: check.stderr), "check: no \(file):line:column in \(check.stderr)")
        if let line { #expect(place.line == line, "\(check.stderr)") }
        #expect(place.column >= 1)
        #expect(check.stdout.contains("problem"), "\(check.stdout)")

        let json = folder.run(["check", "--json"])
        #expect(json.status == 2)
        let problems = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let here = problems.filter { $0["file"] as? String == file }
        #expect(here.count == 1, "\(problems)")
        #expect(here.first?["line"] as? Int == place.line)
        #expect(here.first?["column"] as? Int == place.column)

        for what in ["coaching", "mentoring", "people"] {
            for extra in [[], ["--json"], ["--all"]] {
                let list = folder.run(["list", what] + extra)
                #expect(list.status == 2, "list \(what) \(extra) on \(corruption)")
                #expect(list.stdout.isEmpty, "list \(what) \(extra) printed \(list.stdout)")
                let listed = Self.place(of: file, in: list.stderr)
                #expect(listed?.line == place.line && listed?.column == place.column,
                        "list \(what) \(extra): \(list.stderr)")
            }
        }
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test(arguments: [Corruption.truncatedCoaching, .strayCharacterInMentoring, .badDateInPerson])
    func logRefusesAStoreThatDoesNotLoad(_ corruption: Corruption) throws {
        let folder = CLIFolder.demo()
        let target = try #require(try folder.listJSON("mentoring").last?["id"] as? String)
        let (file, _) = try corruption.apply(to: folder)
        let before = folder.snapshot()
        let r = folder.run(["log", "--record", String(target.prefix(8)), "--minutes", "45", "--note", "hi"])
        #expect(r.status == 2)
        #expect(Self.place(of: file, in: r.stderr) != nil, "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }
}
