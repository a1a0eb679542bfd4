import Foundation
import TandemCore
import Testing

@Suite("tandem report")
struct CLIReportTests {
    func json(_ folder: CLIFolder, _ extra: [String] = []) throws -> [String: Any] {
        let r = folder.run(["report", "--format", "json"] + extra)
        try #require(r.status == 0, "tandem report --format json failed: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func figures(_ doc: [String: Any]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for section in doc["sections"] as? [[String: Any]] ?? [] {
            for f in section["figures"] as? [[String: Any]] ?? [] { out[f["id"] as! String] = f }
        }
        return out
    }

    func ids(_ figure: [String: Any]?) -> Set<String> {
        Set((figure?["records"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    }

    @Test func jsonFiguresAgreeWithTandemList() throws {
        let folder = CLIFolder.demo()
        let doc = try json(folder)
        #expect(doc["since"] as? String == "2026-10-01" && doc["until"] as? String == CLI.today)
        let f = figures(doc)
        for id in ["coverage.people", "coverage.neither", "coaching.onTrack", "coaching.reached", "mentoring.adherence",
                   "investment.coaching", "feedback.pulse", "feedback.overdue"] {
            #expect(f[id] != nil, "no figure \(id)")
        }
        // Every record behind a figure is a file of the store.
        for figure in f.values {
            for ref in figure["records"] as? [[String: Any]] ?? [] {
                let file = try #require(ref["file"] as? String, "no file for \(ref)")
                #expect(FileManager.default.fileExists(atPath: folder.path(file)), "\(file) does not exist")
            }
        }
        // Active engagements on track and off track are those `tandem list` says so of.
        let coaching = try folder.listJSON("coaching")
        let active = coaching.filter { $0["status"] as? String == "active" }
        for (figure, forecast) in [("coaching.onTrack", "onTrack"), ("coaching.offTrack", "offTrack"), ("coaching.atRisk", "atRisk")] {
            let expected = Set(active.filter { $0["forecast"] as? String == forecast }.map { $0["id"] as! String })
            #expect(ids(f[figure]) == expected, "\(figure)")
            #expect(f[figure]?["value"] as? Double == Double(expected.count))
        }
        // Deadlines in the next 14 days: open and 0…14 days left.
        let soon = Set(coaching.filter { (0...14).contains($0["daysLeft"] as? Int ?? -1) }.map { $0["id"] as! String })
        #expect(ids(f["coaching.deadlines"]) == soon)
        // Coverage counts current people.
        #expect(f["coverage.people"]?["value"] as? Double == Double(try folder.listJSON("people").count))
    }

    @Test func aTeamKeepsItsPeople() throws {
        let folder = CLIFolder.demo()
        let people = try folder.listJSON("people")
        let team = try #require(people.compactMap { $0["team"] as? String }.first { !$0.isEmpty })
        let doc = try json(folder, ["--team", team.uppercased()])
        #expect(doc["team"] as? String == team)
        let members = Set(people.filter { $0["team"] as? String == team }.map { $0["id"] as! String })
        #expect(ids(figures(doc)["coverage.people"]) == members)
        let unknown = folder.run(["report", "--team", "Nowhere"])
        #expect(unknown.status == 1 && unknown.stderr.contains("\"Nowhere\" is not a team") && unknown.stderr.contains(team))
    }

    @Test func privateNotesAndActionItemsNeverAppear() throws {
        let folder = CLIFolder.demo()
        // Put markers in a session note and an action item of an active engagement and a relationship.
        for kind in ["coaching", "mentoring"] {
            let rows = try folder.listJSON(kind)
            let row = try #require(rows.first { ($0["sessions"] as? Int ?? 0) > 0 && $0["status"] as? String == "active" })
            let file = try #require(row["file"] as? String)
            var object = try folder.object(file)
            var sessions = try #require(object["sessions"] as? [[String: Any]])
            sessions[sessions.count - 1]["notes"] = "SECRET-NOTE-\(kind)"
            sessions[sessions.count - 1]["visibility"] = "private"
            sessions[sessions.count - 1]["actionItems"] = [["id": UUID().uuidString, "text": "SECRET-ITEM-\(kind)", "due": "2026-11-01"]]
            object["sessions"] = sessions
            try folder.write(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), to: file)
        }
        for format in ["text", "md", "json", "html"] {
            let r = folder.run(["report", "--format", format, "--since", "2020-01-01"])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.isEmpty)
            #expect(!r.stdout.contains("SECRET"), "\(format) shows a note or an action item")
        }
        // The overdue items are still counted.
        #expect((figures(try json(folder))["feedback.overdue"]?["value"] as? Double ?? 0) >= 2)
    }

    @Test func htmlIsOneSelfContainedFile() throws {
        let folder = CLIFolder.demo()
        let out = folder.url.appendingPathComponent("report.html")
        let r = folder.run(["report", "--format", "html", "--output", out.path, "--since", "2026-01-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let html = String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4, "the forecast, two hours and the pulse charts")
        for banned in ["<script", "src=", "href=", "@import", "url(", "<link", "<img", "@font-face"] {
            #expect(!html.lowercased().contains(banned), "\(banned) in the HTML")
        }
        // The only address is the SVG namespace, which nothing fetches.
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
        #expect(folder.mode(nil) != -1)
        var st = stat()
        #expect(stat(out.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
    }

    @Test func textAndMarkdownAreReadable() throws {
        let folder = CLIFolder.demo()
        let text = folder.run(["report"], env: ["LANG": "C.UTF-8"])
        #expect(text.status == 0)
        for heading in ["Coverage", "Coaching", "Mentoring", "Investment", "Feedback", "Cadence per pair", "Hours per month"] {
            #expect(text.stdout.contains(heading), "\(heading)")
        }
        #expect(text.stdout.contains("█"))
        let ascii = folder.run(["report"], env: ["LANG": "C", "LC_ALL": "C"])
        #expect(!ascii.stdout.contains("█") && ascii.stdout.contains("#"))
        let md = folder.run(["report", "--format", "md", "--since", "2026-07-01", "--until", "2026-09-30"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Tandem report") && md.stdout.contains("2026-07-01 – 2026-09-30"))
        #expect(md.stdout.contains("## Mentoring") && md.stdout.contains("| figure | value | records |"))
        #expect(md.stdout.contains("| Jul 2026 |") && md.stdout.contains("| Sep 2026 |"))
    }

    @Test func badOptionsSayWhatAndWriteNothing() throws {
        let folder = CLIFolder.demo()
        let out = folder.url.appendingPathComponent("r.txt")
        let before = folder.snapshot()
        let cases: [([String], String)] = [
            (["--since", "2026-13-01"], "--since: \"2026-13-01\" is not a date"),
            (["--since", "2026-11-01", "--until", "2026-10-01"], "--since 2026-11-01 is after --until 2026-10-01"),
            (["--format", "pdf"], "pdf"),
            (["--output", folder.url.appendingPathComponent("missing/r.txt").path], "does not exist"),
        ]
        for (args, message) in cases {
            let r = folder.run(["report", "--output", out.path] + args)
            #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(changedFiles(before, folder.snapshot()).isEmpty)
    }
}

@Suite("tandem report --format json, written a piece at a time")
struct CLIReportJSONStreamTests {
    /// The JSON is written with each list of records spliced in as it goes: the bytes must be
    /// those of serializing the whole document at once, and --output must hold the same.
    @Test func theStreamedJSONIsTheWholeDocumentSerialized() throws {
        let folder = CLIFolder.demo()
        for extra in [[], ["--since", "2000-01-01"], ["--since", "2000-01-01", "--until", "2026-06-30"]] {
            let r = folder.run(["report", "--format", "json"] + extra)
            try #require(r.status == 0, "tandem report failed: \(r.stderr)")
            let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
            let whole = String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
                               as: UTF8.self)
            #expect(r.stdout == whole + "\n", "\(extra)")
            // Lists of records long enough to have been spliced in, each record written whole.
            let records = ((doc as? [String: Any])?["sections"] as? [[String: Any]] ?? [])
                .flatMap { $0["figures"] as? [[String: Any]] ?? [] }.flatMap { $0["records"] as? [[String: Any]] ?? [] }
            #expect(records.count > 20)
            #expect(records.allSatisfy { Set($0.keys) == ["kind", "id", "name", "file"] })
            let out = folder.path("report-\(extra.count).json")
            let w = folder.run(["report", "--format", "json", "--output", out] + extra)
            try #require(w.status == 0, "tandem report --output failed: \(w.stderr)")
            #expect(try String(contentsOfFile: out, encoding: .utf8) == whole)
        }
    }
}
