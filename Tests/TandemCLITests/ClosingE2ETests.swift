import Foundation
import Testing

/// Closing with an outcome and the archive, by keys, in the built binary under tmux: the file
/// holds what the dialog recorded, the archive lists it, R reopens it keeping the closing in
/// the history; a pair paused from its detail is resumed there. Every wait polls the screen.
@Suite("Closing and the archive end to end (tmux)", .serialized)
struct ClosingE2ETests {
    @Test func closeAnEngagementFindItInTheArchiveAndReopenIt() throws {
        let folder = CLIFolder.demo()
        let engagement = try #require(try folder.listJSON("coaching").first)
        let focus = try #require(engagement["focus"] as? String)
        let coachee = try #require(engagement["coachee"] as? String)
        let file = try #require(engagement["file"] as? String)
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Coaching ·")

        // The engagement alone in its pane, then the closing dialog.
        session.send("/")
        session.type(focus)
        session.send("Enter")
        // The filter may also leave a planned engagement of the same focus: the active one,
        // sooner due, is first and selected.
        let filtered = try session.waitUntil(description: "the filter in the pane's title") { $0.contains("Coaching · ") && $0.contains(" · /") }
        let listed = filtered.split(separator: "\n").map(String.init)
        let top = try #require(listed.firstIndex { $0.contains("COACHEE") }) + 1
        #expect(listed[top].contains(String(coachee.prefix(6))), "the engagement is first:\n\(filtered)")
        session.send("a")
        var screen = try session.waitFor("Close · ")
        #expect(screen.contains("completed") && screen.contains("cancelled"))
        #expect(screen.contains(CLI.today), "today is the closing day by default")
        #expect(screen.contains("Metrics") && screen.contains("Objectives"), "what the engagement achieved:\n\(screen)")
        let outcome = "Won two pitches alone and cut the deck to ten slides"
        session.type(outcome)
        session.send("C-s")
        try session.waitFor("Saved: Completed")
        // Completing offers to carry the growth on as mentoring; n leaves it for later.
        screen = try session.waitFor("Continue as mentoring?")
        #expect(screen.contains("Carry \(coachee)'s growth on as mentoring"))
        session.send("n")
        try session.waitFor("Not continued now")

        var saved = try folder.object(file)
        #expect(saved["status"] as? String == "completed")
        #expect(saved["closedOn"] as? String == CLI.today)
        #expect(saved["outcome"] as? String == outcome)
        var history = try #require(saved["history"] as? [[String: Any]])
        #expect(history.last?["status"] as? String == "completed")
        #expect(history.last?["from"] as? String == "active")
        #expect(history.last?["note"] as? String == outcome)
        #expect(history.last?["date"] as? String == CLI.today)

        // The archive lists it first (newest closing), with the whole outcome under the list.
        session.send("5")
        screen = try session.waitFor(outcome)
        #expect(screen.contains("Archive ·"))
        let rows = screen.split(separator: "\n").map(String.init)
        let first = try #require(rows.firstIndex { $0.contains("WHO") }) + 1
        #expect(rows[first].contains(String(coachee.prefix(4))), "the newest closing comes first:\n\(screen)")

        session.send("R")
        try session.waitFor("Saved: Reopened")
        saved = try folder.object(file)
        #expect(saved["status"] as? String == "active")
        #expect(saved["closedOn"] == nil && saved["outcome"] == nil)
        history = try #require(saved["history"] as? [[String: Any]])
        #expect(history.suffix(2).map { $0["status"] as? String } == ["completed", "active"])
        #expect(history.suffix(2).first?["note"] as? String == outcome, "the history keeps the closing")
        try session.waitUntil(description: "the archive to drop the reopened record") { !$0.contains(outcome) }

        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func pauseAPairFromItsDetailAndResumeItThere() throws {
        let folder = CLIFolder.demo()
        let pair = try #require(try folder.listJSON("mentoring").first { $0["status"] as? String == "active" })
        let mentee = try #require(pair["mentee"] as? String)
        let file = try #require(pair["file"] as? String)
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        session.send("Tab")
        session.send("/")
        session.type(mentee)
        session.send("Enter")
        try session.waitUntil(description: "the filter to leave one pair") { $0.contains("Mentoring · 1") }
        session.send("Enter")
        try session.waitFor("Mentoring · ")
        session.send("a")
        var screen = try session.waitFor("Pause or close · ")
        #expect(screen.contains("pause") && screen.contains("Goals"))
        session.type("On a client secondment until March")
        session.send("C-s")
        try session.waitFor("Saved: Paused")
        var saved = try folder.object(file)
        #expect(saved["status"] as? String == "paused")
        #expect(saved["pausedOn"] as? String == CLI.today)
        #expect((saved["history"] as? [[String: Any]])?.last?["note"] as? String == "On a client secondment until March")

        // Still on its detail, which says it is paused and how to go on.
        screen = try session.waitFor("a resumes or closes it")
        #expect(screen.contains("paused on Sun 29 Nov 2026"))
        session.send("a")
        try session.waitFor("Resume or close · ")
        session.send("C-s")
        try session.waitFor("Saved: Resumed")
        saved = try folder.object(file)
        #expect(saved["status"] as? String == "active")
        #expect(saved["pausedOn"] == nil)
        #expect((saved["history"] as? [[String: Any]])?.suffix(2).map { $0["status"] as? String } == ["paused", "active"])

        session.send("Escape")
        try session.waitFor("Tab pane")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}
