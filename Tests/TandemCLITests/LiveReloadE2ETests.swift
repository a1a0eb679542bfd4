import Foundation
import Testing

/// Shared editing as leaders meet it, in tmux panes: a dashboard noticing what others wrote,
/// two dashboards saving, the per-field choice when both changed the same field, and text
/// arriving by paste or from `$EDITOR`. Every wait polls the screen; nothing sleeps.
@Suite("Live reload and shared editing end to end (tmux)", .serialized)
struct LiveReloadE2ETests {
    static func dashboard(_ folder: CLIFolder, env extra: [String: String] = [:]) throws -> TmuxSession {
        var env = DashboardE2ETests.environment(folder)
        env.merge(extra) { $1 }
        let s = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                width: 120, height: 40, environment: env)
        try s.waitFor("Mentoring ·")
        return s
    }

    /// The first and second engagements the dashboard lists (by deadline, as `tandem list`).
    static func engagements(_ folder: CLIFolder) throws -> [(id: String, file: String)] {
        try DashboardE2ETests.listed(folder, "coaching").map { (try #require($0["id"] as? String), try #require($0["file"] as? String)) }
    }

    /// Opens the edit form on the selected engagement and replaces its focus with `text`.
    static func editFocus(_ s: TmuxSession, _ text: String) throws {
        s.send("e")
        try s.waitFor("Edit coaching")
        s.send("Tab", "Tab", "C-u")
        s.type(text)
        try s.waitFor(text)
    }

    @Test func aLogFromAnotherShellAppearsOnTheOpenDashboard() throws {
        let folder = CLIFolder.demo()
        let first = try #require(try Self.engagements(folder).first)
        let session = try Self.dashboard(folder)
        defer { session.kill() }
        var times: [Double] = []
        for round in 0..<3 {
            let note = "From the shell \(round) \(UUID().uuidString.prefix(4))"
            let r = folder.run(["log", "--record", String(first.id.prefix(8)), "--minutes", "20", "--note", note])
            #expect(r.status == 0, "\(r.stderr)")
            let start = ContinuousClock.now
            // The first row is selected: its strip shows the latest session's note.
            let screen = try session.waitUntil(timeout: 10, description: "the logged note on screen") { $0.contains(note) }
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            #expect(screen.contains("Reloaded: ") && screen.contains("changed by another program"), "\(screen)")
        }
        print("outside change on screen after tandem log exited: \(times.map { String(format: "%.2f s", $0) }.joined(separator: ", "))")
        #expect(times.allSatisfy { $0 < 3 }, "an outside change shows within a couple of seconds: \(times)")
        session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(folder.run(["check"]).status == 0)
    }

    /// A FIFO named `*.json` dropped into a record folder while the dashboard is open: its
    /// status line says so in the words `check` uses, and the dashboard keeps working (and
    /// saving) the other records.
    @Test func aFIFOAddedWhileOpenIsSaidOnTheStatusLine() throws {
        let folder = CLIFolder.demo()
        let firstRow = try #require(try DashboardE2ETests.listed(folder, "coaching").first)
        let first = try #require(try Self.engagements(folder).first)
        let session = try Self.dashboard(folder)
        defer { session.kill() }
        let rel = "coaching/zz-pipe.json"
        #expect(mkfifo(folder.path(rel), 0o600) == 0)
        let screen = try session.waitUntil(timeout: 10, description: "the FIFO on the status line") {
            $0.replacingOccurrences(of: "\n", with: " ").contains("\(rel): is a FIFO (named pipe), expected a regular file")
        }
        #expect(folder.run(["check"]).stderr.contains("\(rel): is a FIFO (named pipe), expected a regular file"), "\(screen)")
        // The other records still work: a session logged from the dashboard lands.
        session.send("l")
        try session.waitFor("Log session")
        session.type("after the pipe")
        session.send("C-s")
        try session.waitFor("Saved: Logged")
        unlink(folder.path(rel))
        let after = try #require(try Self.engagements(folder).first { $0.id == first.id })
        #expect(try DashboardE2ETests.listed(folder, "coaching").first { $0["id"] as? String == after.id }?["sessions"] as? Int
                == (firstRow["sessions"] as? Int).map { $0 + 1 }, "the session was written")
        #expect(folder.run(["check"]).status == 0)
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func twoDashboardsEditDifferentRecordsAndBothSavesLand() throws {
        let folder = CLIFolder.demo()
        let rows = try Self.engagements(folder)
        let a = try Self.dashboard(folder), b = try Self.dashboard(folder)
        defer { a.kill(); b.kill() }
        let tag = UUID().uuidString.prefix(4)
        b.send("j")
        try Self.editFocus(a, "A-focus-\(tag)")
        try Self.editFocus(b, "B-focus-\(tag)")
        a.send("C-s")
        try a.waitFor("Saved: ")
        b.send("C-s")
        try b.waitFor("Saved")
        #expect(try folder.object(rows[0].file)["focus"] as? String == "A-focus-\(tag)")
        #expect(try folder.object(rows[1].file)["focus"] as? String == "B-focus-\(tag)")
        // Each sees the other's change without a key.
        try a.waitFor("B-focus-\(tag)", timeout: 10)
        try b.waitFor("A-focus-\(tag)", timeout: 10)
        for s in [a, b] {
            s.send("q")
            #expect(try s.waitForExit() == 0)
        }
        #expect(folder.run(["check"]).status == 0)
    }

    @Test func theSameFieldEditedInBothShowsTheChoiceAndTheChosenValueLands() throws {
        let folder = CLIFolder.demo()
        let first = try #require(try Self.engagements(folder).first)
        let a = try Self.dashboard(folder), b = try Self.dashboard(folder)
        defer { a.kill(); b.kill() }
        let tag = UUID().uuidString.prefix(4)
        try Self.editFocus(a, "Mine \(tag)")
        try Self.editFocus(b, "Theirs \(tag)")
        b.send("C-s")
        try b.waitFor("Saved: ")
        a.send("C-s")
        let dialog = try a.waitFor("Changed here and elsewhere")
        for text in ["field", "before", "mine (on screen)", "theirs (the file)", "● Mine \(tag)", "Theirs \(tag)", "Enter", "keep unsaved"] {
            #expect(dialog.contains(text), "\(text) not in the dialog:\n\(dialog)")
        }
        #expect(!dialog.contains("overwritten"))
        #expect(try folder.object(first.file)["focus"] as? String == "Theirs \(tag)", "nothing written before the choice")
        // Theirs, then mine again for the field: mine is what lands.
        a.send("t")
        try a.waitFor("● Theirs \(tag)")
        a.send("m")
        try a.waitFor("● Mine \(tag)")
        a.send("Enter")
        try a.waitFor("Saved: ")
        #expect(try folder.object(first.file)["focus"] as? String == "Mine \(tag)")
        try b.waitFor("Mine \(tag)", timeout: 10)
        for s in [a, b] {
            s.send("q")
            #expect(try s.waitForExit() == 0)
        }
        #expect(folder.run(["check"]).status == 0)
    }

    @Test func aBracketedPasteOfTwoLinesIntoTheLogNoteKeepsBothLines() throws {
        let folder = CLIFolder.demo()
        let first = try #require(try Self.engagements(folder).first)
        let session = try Self.dashboard(folder)
        defer { session.kill() }
        session.send("l")
        try session.waitFor("Log session")
        session.paste("pasted line one\npasted line two")
        try session.waitFor("pasted line two")
        #expect(session.screenText().contains("Log session"), "a pasted line break does not submit the form")
        session.send("C-s")
        try session.waitFor("Saved: Logged")
        let notes = (try #require(try folder.opened(first.file)["sessions"] as? [[String: Any]])).compactMap { $0["notes"] as? String }
        #expect(notes.contains("pasted line one\npasted line two"), "\(notes)")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func ctrlEEditsTheNoteInTheEditorAndTheTextComesBack() throws {
        let (folder, editor) = try TerminalE2ETests.folderWithEditor()
        let first = try #require(try Self.engagements(folder).first)
        let session = try Self.dashboard(folder, env: ["EDITOR": editor, "VISUAL": ""])
        defer { session.kill() }
        session.send("l")
        try session.waitFor("Ctrl-E editor")
        session.type("typed first")
        try session.waitFor("typed first")
        session.send("C-e")
        // Shorter than an error message's fade, so a failure shows its reason on the last screen.
        try session.waitFor("appended by the editor", timeout: 12)
        try session.waitFor("edited in your editor")
        session.send("C-s")
        try session.waitFor("Saved: Logged")
        let notes = (try #require(try folder.opened(first.file)["sessions"] as? [[String: Any]])).compactMap { $0["notes"] as? String }
        #expect(notes.contains("typed first\nappended by the editor"), "\(notes)")
        let saw = try String(contentsOf: folder.url.appendingPathComponent("editor-saw"), encoding: .utf8)
        #expect(saw.hasPrefix("600 \(folder.data.path)/drafts/"), "\(saw)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path("drafts"))) ?? []).isEmpty, "the editor's file is gone")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func readOnlyIsSaidInTheHeaderWithTheWriteKeysHidden() throws {
        let folder = CLIFolder.demo()
        try folder.write(folder.text("tandem.json").replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 7"), to: "tandem.json")
        let session = try Self.dashboard(folder)
        defer { session.kill() }
        let screen = session.capture()
        #expect(screen.first?.contains("[read-only]") == true, "the header says it: \(screen.first ?? "")")
        let footer = screen.last ?? ""
        for key in ["l log", "n new", "e edit"] { #expect(!footer.contains(key), "\(key) is a write key: \(footer)") }
        #expect(footer.contains("Enter open") && footer.contains("q quit"))
        session.send("l")
        try session.waitFor("Read-only: tandem.json was written by a newer Tandem")
        #expect(!session.screenText().contains("Log session"))
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aFileFromANewerTandemArrivingMakesTheOpenDashboardReadOnly() throws {
        let folder = CLIFolder.demo()
        let first = try #require(try Self.engagements(folder).first)
        let session = try Self.dashboard(folder)
        defer { session.kill() }
        #expect(!session.screenText().contains("[read-only]"))
        // As a `git pull` from a colleague on a newer Tandem would bring it.
        try folder.write(folder.text(first.file).replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 9"), to: first.file)
        let screen = try session.waitFor("Read-only from now on", timeout: 10)
        #expect(screen.components(separatedBy: "\n").first?.contains("[read-only]") == true, "\(screen)")
        #expect(!(screen.components(separatedBy: "\n").last ?? "").contains("l log"))
        let before = folder.snapshot()
        session.send("l")
        try session.waitFor("Read-only: ")
        session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(folder.snapshot() == before, "nothing written once read-only")
    }
}
