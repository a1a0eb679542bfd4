import Foundation
import Testing

/// The people picker from the keyboard, in the built binary under tmux at 80x24: a new
/// relationship, the mentee picked by typing, the mentor picked from the ranking for them
/// (reasons beside it) by filtering, saved with the person's id. Every wait polls the screen.
@Suite("People picker end to end (tmux)", .serialized)
struct PickerE2ETests {
    @Test func newRelationshipPicksTheMentorFromTheRankingByFiltering() throws {
        let folder = CLIFolder.demo()
        // A junior with no open relationship, so saving asks nothing about the mentee.
        let mentored = Set(try folder.listJSON("mentoring").compactMap { $0["mentee"] as? String })
        let mentee = try #require(try folder.listJSON("people").first {
            $0["level"] as? String == "junior" && !mentored.contains($0["name"] as? String ?? "")
        }, "the demo has a junior without a mentor")
        let menteeName = mentee["name"] as! String
        let menteeID = mentee["id"] as! String
        let matched = folder.run(["match", menteeID, "--json"])
        let ranking = try #require(try JSONSerialization.jsonObject(with: Data(matched.stdout.utf8)) as? [[String: Any]])
        // Not the top suggestion: one with room further down, found by filtering.
        let free = ranking.filter { $0["atCapacity"] as? Bool == false }
        try #require(free.count >= 2, "at least two mentors with room for \(menteeName)")
        let chosen = free[1]
        let chosenName = chosen["name"] as! String
        let top = ranking[0]

        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Coaching ·")
        session.send("n")
        try session.waitFor("What would you like to add?")
        session.send("m")
        try session.waitFor("New mentoring relationship")

        // The mentee: typing opens the people picker, filtered; Enter picks and goes on.
        session.type(menteeName)
        var screen = try session.waitFor("Filter: \(menteeName)")
        #expect(screen.contains("▸ \(menteeName)"))
        session.send("Enter")
        try session.waitFor("Mentee: \(menteeName)")

        // The mentor: Enter on the empty field opens the ranking for the mentee, with reasons.
        session.send("Enter")
        screen = try session.waitFor("Mentors for \(menteeName), best first")
        #expect(screen.contains("▸ \(top["name"] as! String)"), "the best first:\n\(screen)")
        #expect(screen.contains("Why \(top["name"] as! String):"))
        let topReason = try #require((top["reasons"] as? [String])?.first)
        #expect(screen.contains(topReason), "the reasons of tandem match:\n\(screen)")

        // Filtering by the chosen mentor's name leaves them selected; Enter picks.
        session.type(chosenName)
        screen = try session.waitUntil(description: "the filter to select \(chosenName)") {
            $0.contains("Filter: \(chosenName)") && $0.contains("▸ \(chosenName)") && $0.contains("Why \(chosenName):")
        }
        session.send("Enter")
        try session.waitFor("Mentor: \(chosenName)")
        screen = try session.waitUntil(description: "the form to show both names") {
            $0.contains("New mentoring relationship") && !$0.contains("Filter:")
        }
        let rows = screen.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("Mentee") && $0.contains(menteeName) })
        #expect(rows.contains { $0.contains("Mentor") && $0.contains(chosenName) })

        session.send("C-s")
        try session.waitFor("Saved: Started mentoring: \(chosenName) → \(menteeName)")
        // The file holds the ids of the people picked.
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("mentoring"))
        let records = try files.map { try folder.object("mentoring/" + $0) }
        let saved = try #require(records.first { ($0["menteeID"] as? String)?.lowercased() == menteeID.lowercased() })
        #expect((saved["mentorID"] as? String)?.lowercased() == (chosen["id"] as? String)?.lowercased())

        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aNameThatMatchesNobodyStaysTypedAndIsNotSaved() throws {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Coaching ·")
        session.send("n")
        try session.waitFor("What would you like to add?")
        session.send("c")
        try session.waitFor("New coaching engagement")
        session.type("Nobody Here")
        try session.waitFor("nothing matches “Nobody Here”")
        session.send("Enter")
        try session.waitFor("Nothing picked: nobody at the agency matches")
        session.send("Escape")
        try session.waitFor("no person named “Nobody Here”")
        session.send("C-s")
        // Refused: the field keeps the name, marked; the empty coach is marked too.
        let screen = try session.waitFor("✗ give a person's name")
        #expect(screen.contains("Nobody Here") && screen.contains("✗ no person named “Nobody Here”"))
        #expect(changedFiles(before, folder.snapshot()).filter { !$0.hasPrefix(".") }.isEmpty, "nothing written")
        session.send("Escape")
        try session.waitFor("Discard?")
        session.send("y")
        try session.waitFor("Discarded")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}
