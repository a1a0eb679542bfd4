import Foundation
import Testing

/// The needs assessment from the keyboard, under tmux at 80x24: answer every question, see the
/// Assessment record written, and start the recommended relationship with a suggested mentor.
@Suite("Needs assessment end to end (tmux)", .serialized)
struct AssessmentE2ETests {
    @Test func anAssessmentFromTheKeyboardThenTheRecommendedRelationship() throws {
        let folder = CLIFolder.demo()
        let assessmentsBefore = Set(folder.snapshot().keys.filter { $0.hasPrefix("assessments/") })
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }

        try session.waitFor("Coaching ·")
        session.send("2")
        try session.waitFor("People ·")
        session.send("A")
        var screen = try session.waitFor("Needs assessment · ")
        // The person is the one the title names.
        let title = try #require(screen.split(separator: "\n").first { $0.contains("Needs assessment · ") })
        let name = try #require(title.components(separatedBy: "Needs assessment · ").last?.components(separatedBy: " · ").first)
        let person = try #require(try folder.listJSON("people").first { $0["name"] as? String == name }, "\(name) is not a person")
        try #require(person["level"] as? String != "partner", "a partner has nobody above them to mentor them")
        #expect(screen.contains("History"))
        #expect(screen.contains("Is there a specific, current skill or performance"))

        // No gap; new, career growth and knowledge transfer; a horizon of 18 months: mentoring.
        for (i, key) in ["n", "n", "n", "y", "y", "y", "n", "n"].enumerated() {
            session.send(key)
            try session.waitFor("· \(i + 2)/9")
        }
        try session.waitFor("Within how many months")
        session.type("18")
        try session.waitFor("Months: 18")
        session.send("Enter")
        screen = try session.waitFor("Recommendation: MENTORING")
        #expect(screen.contains("Suggested mentors"))
        #expect(screen.contains("(knowledge: yes)"))

        // The record is on disk, for that person, with the answers as given.
        try session.waitFor("Saved: Assessed \(name): mentoring")
        let added = Set(folder.snapshot().keys.filter { $0.hasPrefix("assessments/") }).subtracting(assessmentsBefore)
        #expect(added.count == 1)
        let record = try folder.object(try #require(added.first))
        #expect((record["personID"] as? String)?.lowercased() == (person["id"] as? String)?.lowercased())
        #expect(record["recommendation"] as? String == "mentoring")
        #expect((record["answers"] as? [[String: Any]])?.last?["months"] as? Int == 18)
        #expect(folder.mode(added.first) == 0o600)

        // m: the new-relationship form with the top suggestion as mentor; Ctrl-S saves it.
        session.send("m")
        screen = try session.waitFor("New mentoring relationship")
        let mentorRow = try #require(screen.split(separator: "\n").first { $0.contains("Mentor    ") })
        let mentor = try #require(mentorRow.components(separatedBy: "Mentor").last?
            .trimmingCharacters(in: CharacterSet(charactersIn: " │")))
        #expect(!mentor.isEmpty)
        let expected = folder.run(["match", person["id"] as! String, "--json"])
        let ranking = try #require(try JSONSerialization.jsonObject(with: Data(expected.stdout.utf8)) as? [[String: Any]])
        #expect(ranking.first?["name"] as? String == mentor, "the form's mentor is the top of tandem match")
        session.send("C-s")
        try session.waitFor("Saved: Started mentoring: \(mentor) → \(name)")
        let rows = try folder.listJSON("mentoring")
        #expect(rows.contains { $0["mentor"] as? String == mentor && $0["mentee"] as? String == name })
        session.send("Escape")
        try session.waitFor("People ·")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func assessAtAPromptAsksEachQuestionAgainAfterABadAnswer() throws {
        let folder = CLIFolder.demo()
        let person = try #require(try folder.listJSON("people").first { $0["level"] as? String == "junior" })
        let name = person["name"] as! String
        let out = folder.url.appendingPathComponent("assess.json")
        let script = "\"$0\" assess \"$1\" --data-dir \"$2\" --json --answer gap=no > \"$3\""
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, try DashboardE2ETests.binary(), name, folder.data.path, out.path],
                                      width: 100, height: 30, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Needs assessment: \(name)")
        try session.waitFor("[1/8] Can it be measured")
        session.type("maybe"); session.send("Enter")
        try session.waitFor("measurable \"maybe\": expected yes or no")
        for (i, answer) in ["n", "n", "y", "y", "n", "n", "n"].enumerated() {
            session.type(answer); session.send("Enter")
            try session.waitFor("[\(i + 2)/8]")
        }
        session.type("24"); session.send("Enter")
        #expect(try session.waitForExit() == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect(result["recommendation"] as? String == "mentoring")
        #expect((result["rationale"] as? [String])?.contains { $0.contains("(horizon: 24)") } == true)
    }
}
