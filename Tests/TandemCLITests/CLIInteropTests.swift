import Foundation
import Testing

/// `tandem export`, `import`, `status`, `--version`, completions and the man page, on the built binary.
@Suite struct CLIInteropTests {
    static let tricky = "Commas, \"quoted\" words;\\nnew lines, 中文 와 한국어, emoji 🎉👩🏽‍💻"
    static let trickyStored = "Commas, \"quoted\" words;\nnew lines, 中文 와 한국어, emoji 🎉👩🏽‍💻"

    /// The records of a store as `export --format json --include-private` gives them, without the agency.
    func records(_ folder: CLIFolder) throws -> [String: Set<String>] {
        let r = folder.run(["export", "--format", "json", "--include-private"])
        try #require(r.status == 0, "export json failed: \(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var out: [String: Set<String>] = [:]
        for key in ["people", "coaching", "mentoring"] {
            // Each record as sorted JSON text, so records compare as values.
            out[key] = Set(try (doc[key] as? [Any] ?? []).map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            })
        }
        return out
    }

    @Test func csvRoundTripGivesTheSameRecords() throws {
        let source = CLIFolder.demo(seed: 7)
        let list = try source.listJSON("coaching")
        let ref = String(try #require(list.first?["id"] as? String).prefix(8))
        let logged = source.run(["log", "--record", ref, "--minutes", "40", "--note", Self.tricky, "--date", "-1d"])
        try #require(logged.status == 0, "\(logged.stderr)")

        let target = CLIFolder()
        for kind in ["people", "coaching", "mentoring"] {
            let file = source.url.appendingPathComponent("\(kind).csv").path
            let e = source.run(["export", "--format", "csv", "--kind", kind, "--include-private", "--output", file])
            try #require(e.status == 0, "\(e.stderr)")
            let i = target.run(["import", file, "--kind", kind])
            try #require(i.status == 0, "import \(kind): \(i.stderr)")
            #expect(i.stdout.contains("imported "))
        }
        let a = try records(source), b = try records(target)
        for key in ["people", "coaching", "mentoring"] {
            #expect(a[key]?.count ?? 0 > 0)
            #expect(a[key] == b[key], "\(key) differ after the round trip")
        }
        let coaching = try target.run(["export", "--format", "csv", "--kind", "sessions", "--include-private"]).stdout
        #expect(coaching.contains("\"Commas, \"\"quoted\"\" words;\nnew lines, 中文 와 한국어, emoji 🎉👩🏽‍💻\""))
        #expect(target.run(["check"]).status == 0)

        // Importing the same files again adds nothing.
        let before = target.snapshot()
        for kind in ["people", "coaching", "mentoring"] {
            let i = target.run(["import", source.url.appendingPathComponent("\(kind).csv").path, "--kind", kind])
            #expect(i.status == 0)
            #expect(i.stdout.contains("imported 0 \(kind) record(s)"), "\(i.stdout)")
        }
        #expect(changedFiles(before, target.snapshot()).isEmpty)
    }

    @Test func aBadFileIsReportedRowByRowAndNothingIsWritten() throws {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        let people = try folder.listJSON("people")
        let name = try #require(people.first?["name"] as? String)
        let bad = folder.url.appendingPathComponent("bad.csv")
        try """
            Coachee,Coach,Focus,Start,Deadline
            \(name),\(name) ,Pitching,2026-01-05,2026-04-01
            Nobody Here,\(name),Writing,2026-01-05,2026-04-01
            \(name),,Writing,05/01/2026,2026-04-01

            """.write(to: bad, atomically: true, encoding: .utf8)
        let r = folder.run(["import", bad.path, "--kind", "coaching"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.csv: row 2, column \"coach\": coach and coachee are the same person"))
        #expect(r.stderr.contains("bad.csv: row 3, column \"coachee\": unknown person \"Nobody Here\""))
        #expect(r.stderr.contains("bad.csv: row 4, column \"start\": \"05/01/2026\" is not a date: use YYYY-MM-DD"))
        #expect(r.stderr.contains("nothing imported: 3 of 3 rows cannot be taken"))
        #expect(changedFiles(before, folder.snapshot()).isEmpty)

        let missing = folder.url.appendingPathComponent("missing.csv")
        try "name,role\nDee,Writer\n".write(to: missing, atomically: true, encoding: .utf8)
        let m = folder.run(["import", missing.path, "--kind", "mentoring"])
        #expect(m.status == 1)
        #expect(m.stderr.contains("missing.csv: row 1: missing columns \"mentor\", \"mentee\", \"start\", \"cadence days\""))
        #expect(changedFiles(before, folder.snapshot()).isEmpty)

        // --dry-run writes nothing either; --skip-invalid takes the good rows and lists the others.
        let mixed = folder.url.appendingPathComponent("mixed.csv")
        try "name,start date\nDee Diaz,2024-02-01\nEd,2024-02-31\n".write(to: mixed, atomically: true, encoding: .utf8)
        let dry = folder.run(["import", mixed.path, "--kind", "people", "--skip-invalid", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would add: row 2 Dee Diaz"))
        #expect(changedFiles(before, folder.snapshot()).isEmpty)
        let skip = folder.run(["import", mixed.path, "--kind", "people", "--skip-invalid"])
        #expect(skip.status == 0)
        #expect(skip.stdout.contains("mixed.csv: row 3, column \"start date\": \"2024-02-31\" is not a date"))
        #expect(changedFiles(before, folder.snapshot()).count == 1)
    }

    @Test func aLargeImportShowsProgress() throws {
        let folder = CLIFolder()
        let file = folder.url.appendingPathComponent("many.csv")
        let rows = (1...240).map { "Person \($0),Team \($0 % 7)" }
        try (["name,team"] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = folder.run(["import", file.path, "--kind", "people"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("importing 60/240") && r.stderr.contains("importing 240/240"), "\(r.stderr)")
        #expect(r.stdout.contains("imported 240 people record(s)"))
        #expect(try folder.listJSON("people").count == 240)
    }

    @Test func exportWritesOnlyTheNamedFileAndLeavesPrivateNotesOut() throws {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        let out = folder.url.appendingPathComponent("agency.ics")
        let r = folder.run(["export", "--format", "ics", "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("left out"))
        #expect(changedFiles(before, folder.snapshot()).isEmpty)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        var st = stat()
        stat(out.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(entries == ["agency.ics", "data"])
        // Private sessions appear only when asked for.
        let all = folder.run(["export", "--format", "csv", "--kind", "sessions", "--include-private"]).stdout
        let shared = folder.run(["export", "--format", "csv", "--kind", "sessions"]).stdout
        #expect(all.contains(",private,"))
        #expect(!shared.contains(",private,"))
        #expect(folder.run(["export", "--format", "csv"]).stderr.contains("give --kind"))
        let md = folder.run(["export", "--format", "md"])
        #expect(md.status == 0 && md.stdout.hasPrefix("# "))
    }

    @Test func aBrokenFileStopsEveryExportBeforeItsFirstByte() throws {
        let folder = CLIFolder.demo()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("mentoring")).filter { $0.hasSuffix(".json") }.sorted()
        try #require(files.count > 4)
        // Two broken files: the first in file order is named, at its line and column.
        try folder.write("{\n  \"id\": 3\n", to: "mentoring/" + files[2])
        try folder.write("not json", to: "mentoring/" + files[4])
        let out = folder.url.appendingPathComponent("out.txt")
        for args in [["--format", "json"], ["--format", "json", "--kind", "people"], ["--format", "csv", "--kind", "coaching"],
                     ["--format", "csv", "--kind", "people", "--include-private"], ["--format", "ics", "--kind", "sessions"],
                     ["--format", "md"], ["--format", "md", "--record", "coaching:"]] {
            let r = folder.run(["export"] + args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout.prefix(200))")
            #expect(r.stderr.contains("mentoring/\(files[2]):") && !r.stderr.contains(files[4]), "\(args): \(r.stderr)")
            let toFile = folder.run(["export"] + args + ["--output", out.path])
            #expect(toFile.status == 2 && !FileManager.default.fileExists(atPath: out.path), "\(args)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["data"])
    }

    @Test func statusIsOneLineAndJSONForScripts() throws {
        let folder = CLIFolder.demo()
        let r = folder.run(["status"])
        #expect(r.status == 0)
        let line = r.stdout.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n"))
        #expect(line.range(of: #"^\d+ overdue · \d+ due this week$"#, options: .regularExpression) != nil || line == "nothing due this week", "\(line)")
        let j = folder.run(["status", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(object["line"] as? String == line)
        #expect(object["today"] as? String == CLI.today)
        // The numbers agree with tandem list: overdue coaching is what --due 0 shows with negative days.
        let coaching = try folder.listJSON("coaching", ["--due", "6"])
        let overdue = coaching.filter { ($0["daysLeft"] as? Int ?? 0) < 0 }.count
        #expect((object["coaching"] as? [String: Int])?["overdue"] == overdue)
        #expect((object["coaching"] as? [String: Int])?["dueThisWeek"] == coaching.count - overdue)
    }

    @Test func versionCompletionsAndManPage() throws {
        let v = CLI.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(v.stdout)")
        for shell in ["bash", "zsh", "fish"] {
            let c = CLI.run(["--generate-completion-script", shell])
            #expect(c.status == 0, "\(shell): \(c.stderr)")
            for sub in ["export", "import", "status", "sync", "list", "log"] { #expect(c.stdout.contains(sub), "\(shell) lacks \(sub)") }
        }
        // References complete from the store (the scripts call tandem ---completion for --record).
        let folder = CLIFolder.demo()
        let id = String(try #require(try folder.listJSON("coaching").first?["id"] as? String).prefix(8))
        // <command> ---completion <subcommand> -- <option> <word index> <cursor index> <words…>
        let refs = CLI.run(["---completion", "log", "--", "--record", "4", "0", "log", "--data-dir", folder.data.path, "--record", ""])
        #expect(refs.status == 0, "\(refs.stderr)")
        #expect(refs.stdout.split(separator: "\n").contains(Substring(id)), "\(refs.stdout)")
        let man = CLI.run(["help-man"])
        #expect(man.status == 0)
        #expect(man.stdout.hasPrefix(".TH TANDEM 1"))
        for section in [".SH NAME", ".SH SYNOPSIS", ".SS tandem export", ".SS tandem sync", "\\fB\\-\\-include\\-private\\fR"] {
            #expect(man.stdout.contains(section), "man page lacks \(section)")
        }
        #expect(!CLI.run(["--help"]).stdout.contains("help-man"))
    }
}
