import Foundation
import Testing

/// The people screen and a person's own under tmux, on the demo agency: the built binary,
/// read with capture-pane, driven with send-keys. Every wait polls with a generous limit.
@Suite("People end to end (tmux)", .serialized)
struct PeopleE2ETests {
    static func json(_ folder: CLIFolder, _ args: [String]) throws -> [[String: Any]] {
        let r = folder.run(args + ["--json"])
        #expect(r.status == 0, "\(args) failed: \(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func filterThePeopleOpenAMentorSeeTheirRecordsAndLoadThenMarkThemLeft() throws {
        let folder = CLIFolder.demo()
        // The busiest mentor, as `tandem list` sees the store: their active mentees and capacity.
        let mentoring = try Self.json(folder, ["list", "mentoring"])
        var mentees: [String: [String]] = [:]
        for r in mentoring where r["status"] as? String == "active" {
            mentees[r["mentor"] as! String, default: []].append(r["mentee"] as! String)
        }
        let mentor = try #require(mentees.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key)
        let people = try Self.json(folder, ["list", "people"])
        let row = try #require(people.first { $0["name"] as? String == mentor })
        let capacity = try #require(row["mentoringCapacity"] as? Int)
        let team = try #require(row["team"] as? String)
        let load = "\(mentees[mentor]!.count)/\(capacity)"

        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        session.send("2")
        try session.waitFor("People · ")

        // The filter narrows the roster as it is typed: their team first, then their name.
        session.send("/")
        try session.waitFor("/people filter:")
        session.type(team.uppercased())
        var screen = try session.waitFor("shown /\(team.uppercased())")
        let inTeam = people.filter { $0["team"] as? String == team }.count
        #expect(screen.contains("\(inTeam) shown"), "\(screen)")
        // Every row shown is in that team.
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("NAME") && $0.contains("TEAM") })
        let shown = lines[(header + 1)...].prefix { !$0.hasPrefix("╰") }.filter { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) != "" }
        #expect(!shown.isEmpty && shown.count <= inTeam)
        #expect(shown.allSatisfy { $0.contains(team) }, "\(shown)")
        session.send("C-u")
        session.type(mentor)
        screen = try session.waitFor("1 shown /")
        #expect(screen.contains(mentor))
        session.send("Enter")
        try session.waitUntil(description: "the filter prompt to close") { !$0.contains("/people filter:") }

        // Their screen: the load against the capacity, and each mentee in the records.
        session.send("Enter")
        screen = try session.waitFor("mentoring load \(load)")
        #expect(screen.contains("(active mentees / capacity)"))
        #expect(screen.contains("RECORD") && screen.contains("HOURS"))
        for mentee in mentees[mentor]! {
            #expect(screen.contains(String(mentee.prefix(8))), "mentee \(mentee) not listed:\n\(screen)")
        }
        // Enter on a record opens its detail; Esc comes back to the person.
        session.send("Enter")
        screen = try session.waitUntil(description: "a record's detail") { $0.contains("Coaching · ") || $0.contains("Mentoring · \(mentor)") }
        session.send("Escape")
        try session.waitFor("mentoring load \(load)")

        // They leave three days ago: asked which records to close, then closed.
        session.send("a")
        try session.waitFor("\(mentor) left on:")
        session.send("C-u")
        session.type("-3d")
        session.send("Enter")
        screen = try session.waitFor("open records?")
        #expect(screen.contains("left the agency on 26 Nov 2026"))
        session.send("y")
        screen = try session.waitFor("mentoring load 0/\(capacity)")
        #expect(screen.contains("left on 2026-11-26"))
        session.send("q")
        #expect(try session.waitForExit() == 0)

        // On disk: the relationships are closed with the outcome, and the person has left.
        let after = try Self.json(folder, ["list", "mentoring", "--all"])
        let theirs = after.filter { $0["mentor"] as? String == mentor && mentees[mentor]!.contains($0["mentee"] as! String) }
        #expect(theirs.count == mentees[mentor]!.count)
        #expect(theirs.allSatisfy { $0["status"] as? String == "closed" }, "\(theirs)")
        let person = try #require(try Self.json(folder, ["list", "people", "--all"]).first { $0["name"] as? String == mentor })
        #expect(person["status"] as? String != "current", "\(person)")
    }
}
