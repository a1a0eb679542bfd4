import Foundation
import Testing

/// The insights (3) and the agenda (4) under tmux: a figure opens to its records, a record to
/// its detail, and Esc comes back each step. Every wait polls the screen.
@Suite("Insights end to end (tmux)", .serialized)
struct InsightsE2ETests {
    @Test func insightsFigureOpensItsRecordsAndComesBack() throws {
        let folder = CLIFolder.demo()
        // What the report says of this quarter: the screen must agree, closed records included.
        let r = folder.run(["report", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var values: [String: Double] = [:]
        for section in doc["sections"] as? [[String: Any]] ?? [] {
            for f in section["figures"] as? [[String: Any]] ?? [] { values[f["id"] as! String] = f["value"] as? Double }
        }
        let people = Int(try #require(values["coverage.people"]))
        let completed = Int(try #require(values["coaching.completed"]))
        let names = try DashboardE2ETests.listed(folder, "people").compactMap { $0["name"] as? String }

        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        _ = try session.waitFor("Mentoring ·")
        session.send("3")
        var screen = try session.waitFor("Insights · this quarter · all teams")
        #expect(screen.contains("Coverage · 2026-10-01 – 2026-11-29"))
        #expect(screen.contains("Investment · hours per month") && screen.contains("Feedback · pulse per month"))
        func row(_ label: String, _ s: String) -> String? { s.split(separator: "\n").map(String.init).first { $0.contains(label) } }
        // Completed engagements are closed records, read in the background: the count arrives.
        func value(_ label: String, _ s: String) -> Int? {
            guard let line = row(label, s), let range = line.range(of: label) else { return nil }
            return Int(line[range.upperBound...].split(separator: " ").first ?? "")
        }
        #expect(value("  people", screen) == people, "people row:\n\(screen)")
        screen = try session.waitUntil(description: "completed in the period = \(completed)") {
            value("completed in the period", $0) == completed
        }

        // The first figure is "people": Enter lists them.
        session.send("Enter")
        screen = try session.waitFor("people: \(people)")
        #expect(screen.contains("KIND") && screen.contains("RECORD"))
        let first = try #require(names.sorted { $0.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) < $1.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }.first)
        #expect(screen.contains(first), "\(first) not listed:\n\(screen)")
        // Enter opens the record, Esc comes back to the list, Esc again to the insights.
        session.send("Enter")
        try session.waitUntil(description: "the person's detail") { !$0.contains("KIND") && $0.contains(first) }
        session.send("Escape")
        _ = try session.waitFor("people: \(people)")
        session.send("Escape")
        _ = try session.waitFor("Insights · this quarter")

        // The period selector and the agenda.
        session.send("p")
        _ = try session.waitFor("Insights · last quarter")
        session.send("4")
        screen = try session.waitFor("Next 8 weeks")
        #expect(screen.contains("This week · Sun 29 Nov 2026"))
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}
