import Foundation
import Testing

/// The dashboard as a user sees it: the built binary in a tmux pane, read with capture-pane,
/// driven with send-keys. Every wait polls the screen with a generous limit; no fixed sleeps.
@Suite("Dashboard end to end (tmux)", .serialized)
struct DashboardE2ETests {
    /// The environment every dashboard run gets: a fixed today, no user themes or data.
    static func environment(_ folder: CLIFolder) -> [String: String] {
        ["TANDEM_TODAY": CLI.today, "XDG_CONFIG_HOME": TestIdentity.install(in: folder.url.appendingPathComponent("config")).path,
         "NO_COLOR": "", "TANDEM_THEME": ""]
    }

    static func binary() throws -> String {
        try CLI.located.get().path
    }

    /// The demo's active engagements and relationships as `tandem list` reports them.
    static func listed(_ folder: CLIFolder, _ what: String) throws -> [[String: Any]] {
        let r = folder.run(["list", what, "--json"])
        #expect(r.status == 0, "list failed: \(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    @Test func showsBothPanesHelpTooSmallAndQuitsRestoringTheTerminal() throws {
        let folder = CLIFolder.demo()
        let coaching = try Self.listed(folder, "coaching")
        let mentoring = try Self.listed(folder, "mentoring")
        // Record the terminal's modes after tandem exits: a restored terminal is canonical and echoes.
        let modes = folder.url.appendingPathComponent("stty-after")
        let script = "\"$0\" --data-dir \"$1\"; s=$?; stty -a > \"$2\"; exit $s"
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, try Self.binary(), folder.data.path, modes.path],
                                      width: 200, height: 50, environment: Self.environment(folder))
        defer { session.kill() }

        var screen = try session.waitFor("Mentoring ·")
        #expect(screen.contains("Coaching ·"))
        #expect(screen.contains("Sun 29 Nov 2026"))
        // Side by side at 200 columns (where each half holds every column): both titles on one row.
        #expect(screen.split(separator: "\n").contains { $0.contains("Coaching ·") && $0.contains("Mentoring ·") })
        for row in coaching.prefix(3) {
            let name = try #require(row["coachee"] as? String)
            #expect(screen.contains(name), "coachee \(name) not on screen:\n\(screen)")
        }
        for row in mentoring.prefix(3) {
            let mentee = try #require(row["mentee"] as? String)
            #expect(screen.contains(String(mentee.prefix(6))), "mentee \(mentee) not on screen:\n\(screen)")
        }
        // Deadlines read as days: the overdue one says "late", others "Nd".
        let overdue = coaching.contains { ($0["daysLeft"] as? Int ?? 0) < 0 }
        if overdue { #expect(screen.contains("d late")) }

        session.send("?")
        screen = try session.waitFor("show this help")
        #expect(screen.contains("Keys"))
        session.send("Escape")
        try session.waitUntil(description: "the help overlay to close") { !$0.contains("show this help") }

        session.resize(width: 50, height: 12)
        screen = try session.waitFor("terminal too small")
        #expect(screen.contains("need 60x16, have 50x12"))
        session.resize(width: 140, height: 40)
        try session.waitFor("Mentoring ·")

        session.send("q")
        #expect(try session.waitForExit() == 0)
        let flags = Set((try String(contentsOf: modes, encoding: .utf8)).split(whereSeparator: { " ;\n".contains($0) }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo") && flags.contains("icrnl"),
                "terminal left in raw mode: \(flags.sorted())")
        try session.waitUntil(description: "the dashboard to leave the screen") { !$0.contains("Mentoring ·") }
    }

    @Test func stacksPanesAt80x24() throws {
        let folder = CLIFolder.demo()
        let session = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: Self.environment(folder))
        defer { session.kill() }
        let screen = try session.waitFor("Mentoring ·")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let c = try #require(rows.firstIndex { $0.contains("Coaching ·") })
        let m = try #require(rows.firstIndex { $0.contains("Mentoring ·") })
        #expect(m > c, "stacked: mentoring below coaching")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func logUndoRedoReachTheFile() throws {
        let folder = CLIFolder.demo()
        let session = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: Self.environment(folder))
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        // The first coaching row is selected; its file is where the session must land.
        let first = try #require(try Self.listed(folder, "coaching").first)
        let file = try #require(first["file"] as? String)
        let note = "Rehearsed the pitch, calmer now 王 \(UUID().uuidString.prefix(6))"

        session.send("l")
        try session.waitFor("Log session")
        session.type(note)
        session.send("C-s")
        try session.waitFor("Saved: Logged")
        #expect(folder.openedText().contains(note) && !folder.text(file).contains(note))

        session.send("u")
        try session.waitFor("Undid:")
        try session.waitUntil(description: "the undo to be saved") { $0.contains("Saved: Undid:") }
        #expect(!folder.openedText().contains(note))

        session.send("C-r")
        try session.waitUntil(description: "the redo to be saved") { $0.contains("Saved: Redid:") }
        #expect(folder.openedText().contains(note) && !folder.text(file).contains(note))

        session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(folder.run(["check"]).status == 0)
    }

    @Test func sigtermWithAFormOpenKeepsADraftAndRestoresTheTerminal() throws {
        let folder = CLIFolder.demo()
        let text = "Half-typed thought about 次の会議 \(UUID().uuidString.prefix(6))"
        do {
            let session = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                          width: 100, height: 30, environment: Self.environment(folder))
            defer { session.kill() }
            try session.waitFor("Mentoring ·")
            session.send("l")
            try session.waitFor("Log session")
            session.type(text)
            try session.waitFor(text)
            let pid = try #require(session.pid())
            #expect(kill(pid, SIGTERM) == 0)
            let status = try session.waitForExit()
            #expect(status == 0, "tandem should save the draft and exit cleanly on SIGTERM, got \(status)")
            try session.waitUntil(description: "the screen to be restored") { !$0.contains("Log session") }
        }
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: folder.path("drafts"))) ?? []
        #expect(drafts.count == 1)
        let draft = try #require(drafts.first)
        #expect(!folder.text("drafts/\(draft)").contains(text) && folder.text("drafts/\(draft)").contains("\"sealed\""), "the draft holds the typed note sealed")

        // Next time the form comes back with the text in it.
        let again = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                    width: 100, height: 30, environment: Self.environment(folder))
        defer { again.kill() }
        let screen = try again.waitFor("Restored your unsaved draft")
        #expect(screen.contains("Half-typed thought"))
        again.send("C-s")
        try again.waitFor("Saved: Logged")
        again.send("q")
        #expect(try again.waitForExit() == 0)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path("drafts"))) ?? []).isEmpty)
    }

    @Test func tandemLogFromAnotherShellSucceedsWhileTheDashboardIsOpen() throws {
        let folder = CLIFolder.demo()
        let dashboard = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                        width: 120, height: 40, environment: Self.environment(folder))
        defer { dashboard.kill() }
        try dashboard.waitFor("Mentoring ·")
        let mentoring = try #require(try Self.listed(folder, "mentoring").first)
        let id = try #require(mentoring["id"] as? String), file = try #require(mentoring["file"] as? String)
        let note = "Logged from a second pane \(UUID().uuidString.prefix(6))"

        let r = folder.run(["log", "--record", String(id.prefix(8)), "--minutes", "30", "--note", note])
        #expect(r.status == 0, "tandem log was refused with the dashboard open: \(r.stderr)")
        #expect(r.stdout.hasPrefix("Logged 30 min"), "\(r.stdout)")
        let sessions = try #require(try folder.opened(file)["sessions"] as? [[String: Any]])
        #expect(sessions.filter { $0["notes"] as? String == note }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path(".lock")), "the lock outlived the save")

        dashboard.send("q")
        #expect(try dashboard.waitForExit() == 0)
        #expect(folder.run(["check"]).status == 0)
    }

    @Test func twoDashboardsAndTheCommandLineAllLogOnOneRecord() throws {
        let folder = CLIFolder.demo()
        let first = try #require(try Self.listed(folder, "coaching").first)
        let id = try #require(first["id"] as? String), file = try #require(first["file"] as? String)
        let a = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                width: 120, height: 40, environment: Self.environment(folder))
        defer { a.kill() }
        let b = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                width: 120, height: 40, environment: Self.environment(folder))
        defer { b.kill() }
        // Both have loaded the store before either saves; neither is read-only.
        for screen in [try a.waitFor("Mentoring ·"), try b.waitFor("Mentoring ·")] {
            #expect(!screen.contains("[read-only]"))
        }
        let tag = UUID().uuidString.prefix(6)
        for (session, name) in [(a, "A"), (b, "B")] {
            session.send("l")
            try session.waitFor("Log session")
            session.type("From dashboard \(name) \(tag)")
            session.send("C-s")
            // B's save merges with A's session unless B has already reloaded it.
            try session.waitUntil(description: "the session saved") {
                $0.contains("Saved: Logged") || $0.contains("Saved (merged with a change made elsewhere): Logged")
            }
        }
        let r = folder.run(["log", "--record", String(id.prefix(8)), "--minutes", "30", "--note", "From the shell \(tag)"])
        #expect(r.status == 0, "\(r.stderr)")
        let notes = (try #require(try folder.opened(file)["sessions"] as? [[String: Any]])).compactMap { $0["notes"] as? String }
        for expected in ["From dashboard A \(tag)", "From dashboard B \(tag)", "From the shell \(tag)"] {
            #expect(notes.filter { $0 == expected }.count == 1, "\(expected) not in \(file) exactly once: \(notes)")
        }
        for session in [a, b] {
            session.send("q")
            #expect(try session.waitForExit() == 0)
        }
        #expect(folder.run(["check"]).status == 0)
    }

    @Test func aStoreFromANewerTandemSaysReadOnlyAndWhyAsItOpens() throws {
        let folder = CLIFolder.demo()
        let agency = folder.text("tandem.json")
        try folder.write(agency.replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 7"), to: "tandem.json")
        let before = folder.snapshot()
        let session = try TmuxSession(command: [try Self.binary(), "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: Self.environment(folder))
        defer { session.kill() }
        let screen = try session.waitFor("Mentoring ·")
        #expect(screen.contains("[read-only]"))
        #expect(screen.contains("Read-only: tandem.json was written by a newer Tandem (format 7; this one reads 2)"), "\(screen)")
        session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(changedFiles(before, folder.snapshot()) == [])
    }
}
