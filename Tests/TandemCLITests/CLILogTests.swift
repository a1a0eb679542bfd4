import Foundation
import TandemCore
import Testing

@Suite("tandem log")
struct CLILogTests {
    static let today = Day(iso: CLI.today)!

    /// The records `--record` chooses among: open engagements and relationships, each with
    /// the names a reference can match.
    static func openRecords(_ folder: CLIFolder) throws -> [(id: String, names: [String])] {
        let coaching = try folder.listJSON("coaching", ["--all"])
            .filter { !["completed", "cancelled"].contains($0["status"] as? String ?? "") }
            .map { (id: $0["id"] as! String, names: [$0["coachee"] as! String]) }
        let mentoring = try folder.listJSON("mentoring", ["--all"])
            .filter { $0["status"] as? String != "closed" }
            .map { (id: $0["id"] as! String, names: [$0["mentor"] as! String, $0["mentee"] as! String]) }
        return coaching + mentoring
    }

    @Test func loggingByAnIDPrefixWritesOneFileAndMovesProgress() throws {
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("coaching")
        let row = try #require(rows.first { ($0["progress"] as? Double).map { $0 < 1 } == true },
                               "no active engagement short of its targets")
        let id = row["id"] as! String, file = row["file"] as! String
        let metrics = try #require(try folder.object(file)["metrics"] as? [[String: Any]])
        try #require(!metrics.isEmpty)
        let before = folder.snapshot()

        // Every metric read at its target: progress reaches 1.
        let readings = metrics.flatMap { m in ["--metric", "\(m["name"] as! String)=\(m["target"] as! Double)"] }
        let r = folder.run(["log", "--record", String(id.prefix(8)), "--minutes", "45", "--note", "Reviewed the numbers", "--shared",
                            "--pulse", "4", "--action", "Send the deck @+7d"] + readings)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(file), "\(r.stdout)")

        let after = folder.snapshot()
        #expect(changedFiles(before, after) == [file])
        #expect(folder.mode(file) == 0o600)
        let updated = try folder.row("coaching", id: id)
        #expect(updated["progress"] as? Double == 1.0)
        #expect(updated["sessions"] as? Int == (row["sessions"] as! Int) + 1)
        #expect(updated["lastSession"] as? String == CLI.today)

        let sessions = try #require(try folder.object(file)["sessions"] as? [[String: Any]])
        let logged = try #require(sessions.first { $0["notes"] as? String == "Reviewed the numbers" })
        #expect(logged["minutes"] as? Int == 45)
        #expect(logged["pulse"] as? Int == 4)
        let actions = try #require(logged["actionItems"] as? [[String: Any]])
        #expect(actions.first?["text"] as? String == "Send the deck")
        #expect(actions.first?["due"] as? String == Self.today.adding(days: 7).iso)
    }

    @Test func loggingByANameWithoutAccentsMovesTheCadence() throws {
        let folder = CLIFolder.demo()
        let open = try Self.openRecords(folder)
        let rows = try folder.listJSON("mentoring")
        // A mentee with an accent in the name, matched by no other open record when typed without it.
        let row = try #require(rows.first { row in
            let mentee = row["mentee"] as! String
            let typed = folded(mentee)
            return typed != mentee.lowercased() && typed.allSatisfy(\.isASCII) && row["health"] as? String != "onTrack"
                && open.filter { $0.names.contains { folded($0).contains(typed) } }.count == 1
        }, "no mentee with an accent to type without it")
        let id = row["id"] as! String, file = row["file"] as! String
        let cadence = row["cadenceDays"] as! Int
        let before = folder.snapshot()

        let r = folder.run(["log", "--record", folded(row["mentee"] as! String), "--minutes", "1h", "--note", "Career talk"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [file])
        let updated = try folder.row("mentoring", id: id)
        #expect(updated["lastMet"] as? String == CLI.today)
        #expect(updated["nextDue"] as? String == Self.today.adding(days: cadence).iso)
        #expect(["onTrack", "dueSoon"].contains(updated["health"] as? String ?? ""), "\(updated)")
        #expect(updated["health"] as? String != row["health"] as? String)
        #expect(updated["sessions"] as? Int == (row["sessions"] as! Int) + 1)
    }

    @Test func anAgreedNextDateSetsNextDue() throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("mentoring").first)
        let next = Self.today.adding(days: 40).iso
        let r = folder.run(["log", "--record", String((row["id"] as! String).prefix(6)), "--minutes", "30",
                            "--note", "Quick check-in", "--next", next])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try folder.row("mentoring", id: row["id"] as! String)["nextDue"] as? String == next)
    }

    @Test func anAmbiguousReferenceListsTheCandidatesAndChangesNothing() throws {
        let folder = CLIFolder.demo()
        let open = try Self.openRecords(folder)
        // The letter most names share.
        let letter = try #require("aeinorlu".map(String.init).max { a, b in
            open.filter { $0.names.contains { folded($0).contains(a) } }.count
                < open.filter { $0.names.contains { folded($0).contains(b) } }.count
        })
        let expected = Set(open.filter { $0.names.contains { folded($0).contains(letter) } }.map { String($0.id.prefix(8)) })
        try #require(expected.count >= 2)
        let before = folder.snapshot()

        let r = folder.run(["log", "--record", letter, "--minutes", "45", "--note", "hi"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\"\(letter)\" matches \(expected.count) records"), "\(r.stderr)")
        let listed = Set(r.stderr.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: " ").dropFirst().first.map(String.init)
        })
        #expect(listed == expected)
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test(arguments: [
        (["--metric", "No such metric=3"], "no metric named"),
        (["--date", "2026-13-01"], "YYYY-MM-DD"),
        (["--date", "someday"], "YYYY-MM-DD"),
        (["--pulse", "9"], "1–5"),
        (["--pulse", "0"], "1–5"),
        (["--minutes", "lots"], "--minutes"),
        (["--action", "Call the client @nextish"], "--action"),
    ])
    func badInputExits1AndChangesNothing(extra: [String], message: String) throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("coaching").first)
        let before = folder.snapshot()
        var args = ["log", "--record", String((row["id"] as! String).prefix(8)), "--note", "hi"]
        if !extra.contains("--minutes") { args += ["--minutes", "45"] }
        let r = folder.run(args + extra)
        #expect(r.status == 1, "\(extra): \(r.stderr)")
        #expect(r.stderr.hasPrefix("tandem: "), "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(extra): \(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func aMetricOnAMentoringRelationshipIsRefused() throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("mentoring").first)
        let before = folder.snapshot()
        let r = folder.run(["log", "--record", String((row["id"] as! String).prefix(8)), "--minutes", "45",
                            "--note", "hi", "--metric", "NPS=3"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("metric"), "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func anUnknownReferenceExits1() throws {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        let r = folder.run(["log", "--record", "Nobody Hereatall", "--minutes", "45", "--note", "hi"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Nobody Hereatall"), "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }
}
