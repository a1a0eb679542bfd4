import Foundation
import TandemCore
import Testing

/// `tandem assess`, `tandem match` and `tandem prep` on a demo store.
@Suite("tandem assess, match, prep")
struct CLIDecideTests {
    static let all = ["gap=yes", "measurable=yes", "urgent=no", "new=no", "career=yes", "knowledge=no",
                      "transition=no", "succession=no", "horizon=4"]

    func answers(_ list: [String]) -> [String] { list.flatMap { ["--answer", $0] } }

    /// The demo's people as JSON rows.
    func people(_ folder: CLIFolder) throws -> [[String: Any]] { try folder.listJSON("people", ["--all"]) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not an object: \(text)")
    }

    @Test func scriptedAnswersGiveTheArticlesRecommendationAsJSONAndWriteNothing() throws {
        let folder = CLIFolder.demo()
        let rows = try people(folder)
        let senior = try #require(rows.first { $0["level"] as? String == "senior" && $0["status"] as? String == "current" })
        let junior = try #require(rows.first { $0["level"] as? String == "junior" && $0["status"] as? String == "current" })
        let before = folder.snapshot()

        // A senior with a measurable gap in four months who also wants career growth: hybrid.
        var r = folder.run(["assess", String((senior["id"] as! String).prefix(8)), "--json"] + answers(Self.all))
        #expect(r.status == 0, "\(r.stderr)")
        var out = try json(r.stdout)
        #expect(out["recommendation"] as? String == "hybrid")
        #expect(out["coachingScore"] as? Int == 7)
        #expect(out["mentoringScore"] as? Int == 2)
        let rationale = try #require(out["rationale"] as? [String])
        #expect(rationale.contains { $0.contains("(gap: yes)") && $0.contains("(horizon: 4)") })
        #expect(rationale.contains { $0.contains("(career: yes)") })
        #expect(Set(out.keys) == ["recommendation", "coachingScore", "mentoringScore", "rationale"])

        // A senior with only the measurable gap: coaching.
        let coaching = Self.all.map { $0 == "career=yes" ? "career=no" : $0 }
        r = folder.run(["assess", senior["name"] as! String, "--json"] + answers(coaching))
        #expect(try json(r.stdout)["recommendation"] as? String == "coaching", "\(r.stdout)\(r.stderr)")

        // A junior with no measurable gap: mentoring, by a name typed without accents.
        let mentoring = Self.all.map { $0 == "measurable=yes" ? "measurable=no" : $0 == "career=yes" ? "career=no" : $0 }
        r = folder.run(["assess", folded(junior["name"] as! String), "--json"] + answers(mentoring))
        out = try json(r.stdout)
        #expect(out["recommendation"] as? String == "mentoring", "\(r.stdout)\(r.stderr)")
        #expect((out["rationale"] as? [String])?.contains { $0.contains("(level: junior)") } == true)

        // Text output names the person and the scores.
        r = folder.run(["assess", senior["name"] as! String] + answers(coaching))
        #expect(r.stdout.hasPrefix("\(senior["name"] as! String): coaching (coaching 7/10, mentoring 0/10)"), "\(r.stdout)")
        #expect(folder.snapshot() == before, "without --save nothing is written")
    }

    @Test func saveWritesOneAssessmentFileWithTheAnswersAsGiven() throws {
        let folder = CLIFolder.demo()
        let person = try #require(try people(folder).first { $0["level"] as? String == "mid" && $0["status"] as? String == "current" })
        let before = folder.snapshot()
        let r = folder.run(["assess", String((person["id"] as! String).prefix(8)), "--save"] + answers(Self.all))
        #expect(r.status == 0, "\(r.stderr)")
        let changed = changedFiles(before, folder.snapshot())
        #expect(changed.count == 1)
        let file = try #require(changed.first)
        #expect(file.hasPrefix("assessments/"))
        #expect(r.stdout.contains("Saved \(file)"))
        #expect(folder.mode(file) == 0o600)
        let record = try folder.object(file)
        #expect(record["personID"] as? String == (person["id"] as! String).uppercased() || record["personID"] as? String == person["id"] as? String)
        #expect(record["date"] as? String == CLI.today)
        #expect(record["recommendation"] as? String == "hybrid")
        #expect(record["coachingScore"] as? Int == 7)
        let stored = try #require(record["answers"] as? [[String: Any]])
        #expect(stored.map { $0["question"] as? String } == AssessmentQuestion.allCases.map(\.rawValue))
        #expect(stored[0]["yes"] as? Bool == true && stored[2]["yes"] as? Bool == false)
        #expect(stored[8]["months"] as? Int == 4 && stored[8]["yes"] == nil)
        #expect(stored[0]["text"] as? String == AssessmentQuestion.gap.text)
        #expect(folder.run(["check"]).status == 0, "the saved record passes check")
    }

    @Test func badOrMissingAnswersSayWhatAndWriteNothing() throws {
        let folder = CLIFolder.demo()
        let name = try #require(try people(folder).first?["name"] as? String)
        let before = folder.snapshot()
        var r = folder.run(["assess", name, "--save"] + answers(["gap=yes", "horizon=6"]))
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing answers: measurable, urgent, new, career, knowledge, transition, succession"), "\(r.stderr)")
        #expect(r.stderr.contains("--answer KEY=VALUE"))
        r = folder.run(["assess", name] + answers(Self.all.map { $0 == "gap=yes" ? "gap=perhaps" : $0 }))
        #expect(r.status == 1 && r.stderr.contains("--answer gap \"perhaps\": expected yes or no"), "\(r.stderr)")
        r = folder.run(["assess", name] + answers(Self.all + ["horizon=200"]))
        #expect(r.status == 1 && r.stderr.contains("horizon 200 is outside 1–120 months"), "\(r.stderr)")
        r = folder.run(["assess", name] + answers(Self.all + ["mood=good"]))
        #expect(r.status == 1 && r.stderr.contains("\"mood\" is not a question"), "\(r.stderr)")
        r = folder.run(["assess", "nobody-like-this"] + answers(Self.all))
        #expect(r.status == 1 && r.stderr.contains("no person matches \"nobody-like-this\""), "\(r.stderr)")
        #expect(folder.snapshot() == before)
    }

    @Test func theDemoHasAnAssessmentNobodyActedOn() throws {
        let folder = CLIFolder.demo()
        let files = folder.snapshot().keys.filter { $0.hasPrefix("assessments/") }
        #expect(files.count == 3)
        let records = try files.map { try folder.object($0) }
        #expect(Set(records.compactMap { $0["recommendation"] as? String }) == ["coaching", "mentoring", "hybrid"])
        let hybrid = try #require(records.first { $0["recommendation"] as? String == "hybrid" })
        let id = (hybrid["personID"] as! String).lowercased()
        let name = try #require(try people(folder).first { ($0["id"] as? String)?.lowercased() == id }?["name"] as? String)
        #expect(!(try folder.listJSON("coaching")).contains { $0["coachee"] as? String == name }, "\(name) has no open engagement")
        #expect(!(try folder.listJSON("mentoring")).contains { $0["mentee"] as? String == name }, "\(name) has no open relationship")
        // The person is free of open mentoring too: match lists mentors for them.
        let r = folder.run(["match", String(id.prefix(8)), "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty)
    }

    @Test func matchRanksWithReasonsAndPutsFullMentorsLast() throws {
        let folder = CLIFolder.demo()
        let rows = try people(folder)
        let junior = try #require(rows.first { $0["level"] as? String == "junior" && $0["status"] as? String == "current" })
        let r = folder.run(["match", junior["id"] as! String, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        try #require(list.count >= 3)
        for c in list {
            #expect(c["id"] is String && c["name"] is String && c["score"] is Int)
            #expect((c["reasons"] as? [String])?.count ?? 0 >= 4)
            let person = try #require(rows.first { $0["id"] as? String == c["id"] as? String })
            #expect(person["status"] as? String == "current", "nobody who left is offered")
            #expect(person["level"] as? String != "junior")
        }
        let full = list.map { $0["atCapacity"] as? Bool == true }
        #expect(full == full.sorted { !$0 && $1 }, "mentors at capacity come last")
        let open = list.filter { $0["atCapacity"] as? Bool != true }.map { $0["score"] as! Int }
        #expect(open == open.sorted(by: >))
        // The same ranking twice, and in text with the first candidate on top.
        #expect(folder.run(["match", junior["id"] as! String, "--json"]).stdout == r.stdout)
        let text = folder.run(["match", junior["id"] as! String]).stdout
        #expect(text.contains("1. \(list[0]["name"] as! String)  score \(list[0]["score"] as! Int)"), "\(text)")
    }

    @Test func prepPrintsTheBriefAsTextOrMarkdown() throws {
        let folder = CLIFolder.demo()
        let row = try #require(try folder.listJSON("coaching").first { ($0["sessions"] as? Int ?? 0) > 0 })
        let id = String((row["id"] as! String).prefix(8))
        var r = folder.run(["prep", id])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Prep: \(row["coachee"] as! String)"))
        for heading in ["LAST SESSION", "OPEN ACTION ITEMS", "METRICS SINCE THE LAST SESSION", "OBJECTIVES NOT TOUCHED IN THE LAST 3 SESSIONS"] {
            #expect(r.stdout.contains(heading), "\(heading) in \(r.stdout)")
        }
        #expect(r.stdout.contains("Last contact "))
        r = folder.run(["prep", id, "--format", "md"])
        #expect(r.stdout.hasPrefix("# Prep: "))
        #expect(r.stdout.contains("## Open action items"))
        r = folder.run(["prep", id, "--format", "html"])
        #expect(r.status == 1)
        r = folder.run(["prep", "nobody-like-this"])
        #expect(r.status == 1 && r.stderr.contains("REF: no open engagement or relationship matches"), "\(r.stderr)")
    }

    @Test func aHorizonOutOfRangeInAFileIsNamedWithItsPlace() throws {
        let folder = CLIFolder.demo()
        let file = try #require(folder.snapshot().keys.sorted().first { $0.hasPrefix("assessments/") })
        let text = folder.text(file)
        let edited = text.replacingOccurrences(of: #""months" : \d+"#, with: "\"months\" : 500", options: .regularExpression)
        try #require(edited != text)
        try folder.write(edited, to: file)
        let line = edited.components(separatedBy: "\n").firstIndex { $0.contains("\"months\" : 500") }! + 1
        let r = folder.run(["check"])
        #expect(r.status == 2)
        let said = r.stdout + r.stderr
        #expect(said.contains("\(file):\(line):"), "\(said)")
        #expect(said.contains("field \"answers[8].months\": horizon 500 months is outside 1–120 months"), "\(said)")
    }
}
