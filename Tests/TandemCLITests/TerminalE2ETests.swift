import Foundation
import Testing

/// The terminal layer as a user meets it, in a tmux pane: bracketed paste, Ctrl-U, the
/// external editor (through the hidden `tandem terminal-check`), and a crash that must leave
/// the terminal usable (through `TANDEM_TEST_CRASH_AFTER_MS`).
@Suite("Terminal end to end (tmux)", .serialized)
struct TerminalE2ETests {
    /// A data folder and a small editor script beside it: the script appends a line to the
    /// file it is given and records the file's permissions and folder, then exits `status`.
    static func folderWithEditor(status: Int32 = 0) throws -> (CLIFolder, editor: String) {
        let folder = CLIFolder.demo()
        let editor = folder.url.appendingPathComponent("editor.sh")
        let script = """
            #!/bin/sh
            stat -c '%a %n' "$1" > "$(dirname "$0")/editor-saw"
            printf 'appended by the editor\\n' >> "$1"
            exit \(status)
            """
        try script.write(to: editor, atomically: true, encoding: .utf8)
        #expect(chmod(editor.path, 0o755) == 0)
        return (folder, editor.path)
    }

    static func check(_ folder: CLIFolder, editor: String, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        var env = DashboardE2ETests.environment(folder)
        env["EDITOR"] = editor
        env["VISUAL"] = ""
        return try TmuxSession(command: [try DashboardE2ETests.binary(), "terminal-check", "--data-dir", folder.data.path,
                                         "--output", folder.url.appendingPathComponent("result.json").path],
                               width: width, height: height, environment: env)
    }

    /// The JSON `terminal-check` writes when it ends.
    static func result(_ session: TmuxSession, _ folder: CLIFolder) throws -> [String: String] {
        #expect(try session.waitForExit() == 0)
        let data = try Data(contentsOf: folder.url.appendingPathComponent("result.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    /// Waits for `text` in a message that may wrap anywhere over the last rows.
    @discardableResult
    static func waitForWrapped(_ session: TmuxSession, _ text: String) throws -> String {
        let squeezed = text.filter { !$0.isWhitespace }
        return try session.waitUntil(description: "\"\(text)\"") { $0.filter { !$0.isWhitespace }.contains(squeezed) }
    }

    @Test func aPasteStaysTextOnOneLineInAFieldAndKeepsItsLinesInNotes() throws {
        let (folder, editor) = try Self.folderWithEditor()
        let session = try Self.check(folder, editor: editor)
        defer { session.kill() }
        try session.waitFor("terminal check · pastes: 0")
        // A Tab or Enter typed here would switch field or do nothing; pasted, they are text.
        session.paste("alpha\tbeta\ngamma\n")
        try session.waitFor("pastes: 1")
        try session.waitFor("line:  alpha beta gamma")
        session.send("Tab")
        session.paste("first line\nsecond\tline\nthird")
        try session.waitFor("pastes: 2")
        let screen = try session.waitFor("third")
        #expect(screen.contains("notes: first line"))
        #expect(screen.contains("       second    line"))
        // Ctrl-U in the notes clears "third"; back in the line, Ctrl-U clears up to the cursor.
        session.send("C-u")
        try session.waitUntil(description: "Ctrl-U to clear the last line") { !$0.contains("third") }
        session.send("Tab")
        session.send("Left", "Left", "Left", "Left", "Left")
        session.send("C-u")
        try session.waitUntil(description: "Ctrl-U in the line") { $0.contains("line:  gamma") }
        session.send("Escape")
        let r = try Self.result(session, folder)
        #expect(r["line"] == "gamma")
        #expect(r["notes"] == "first line\nsecond    line\n")
    }

    @Test func theExternalEditorEditsTheNotesInAPrivateFileInsideTheDataFolder() throws {
        let (folder, editor) = try Self.folderWithEditor()
        let session = try Self.check(folder, editor: editor)
        defer { session.kill() }
        try session.waitFor("pastes: 0")
        session.send("Tab")
        session.type("kept note")
        try session.waitFor("notes: kept note")
        session.send("F2")
        let screen = try session.waitFor("appended by the editor")
        // Back in full-screen mode, repainted: the header is there again.
        #expect(screen.contains("terminal check"))
        #expect(screen.contains("Edited in"))
        let saw = try String(contentsOf: folder.url.appendingPathComponent("editor-saw"), encoding: .utf8)
        #expect(saw.hasPrefix("600 \(folder.data.path)/drafts/"), "the editor's file: \(saw)")
        let drafts = try FileManager.default.contentsOfDirectory(atPath: folder.path("drafts"))
        #expect(drafts.isEmpty, "the editor's file should be removed: \(drafts)")
        session.send("Escape")
        let r = try Self.result(session, folder)
        #expect(r["notes"] == "kept note\nappended by the editor")
    }

    @Test func aFailingOrMissingEditorKeepsTheTextAndSaysWhy() throws {
        let (folder, failing) = try Self.folderWithEditor(status: 3)
        let session = try Self.check(folder, editor: failing)
        defer { session.kill() }
        try session.waitFor("pastes: 0")
        session.send("Tab")
        session.type("original")
        try session.waitFor("notes: original")
        session.send("F2")
        var screen = try Self.waitForWrapped(session, "exited with status 3: your text is unchanged")
        #expect(!screen.contains("appended by the editor"))
        session.send("Escape")
        #expect(try Self.result(session, folder)["notes"] == "original")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("drafts")).isEmpty)

        let missing = try Self.check(folder, editor: "no-such-editor-\(UUID().uuidString.prefix(6))")
        defer { missing.kill() }
        try missing.waitFor("pastes: 0")
        missing.send("Tab")
        missing.type("still here")
        missing.send("F2")
        screen = try Self.waitForWrapped(missing, "was not found: set VISUAL or EDITOR")
        #expect(screen.contains("notes: still here"))
        missing.send("Escape")
        #expect(try Self.result(missing, folder)["notes"] == "still here")
    }

    @Test func aTrapInTheDashboardLeavesTheTerminalUsable() throws {
        let folder = CLIFolder.demo()
        let after = folder.url.appendingPathComponent("after-crash")
        // After tandem dies: record its status and the terminal's modes, then stay at a shell.
        let script = "\"$0\" --data-dir \"$1\"; s=$?; stty -a > \"$2.tmp\"; echo \"status $s\" >> \"$2.tmp\"; mv \"$2.tmp\" \"$2\"; exec /bin/sh"
        var env = DashboardE2ETests.environment(folder)
        env["TANDEM_TEST_CRASH_AFTER_MS"] = "1500"
        env["PS1"] = "$ "
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, try DashboardE2ETests.binary(), folder.data.path, after.path],
                                      width: 100, height: 30, environment: env)
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        #expect(session.format("#{alternate_on}") == "1")
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: after.path), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(FileManager.default.fileExists(atPath: after.path),
                     "tandem did not end after the trap; screen:\n\(session.screenText())")
        let text = try String(contentsOf: after, encoding: .utf8)
        let words = Set(text.split(whereSeparator: { " ;\n".contains($0) }).map(String.init))
        // A Swift trap is SIGILL (132) or SIGTRAP (133), re-raised with its default action.
        #expect(text.contains("status 132") || text.contains("status 133"), "exit: \(text.suffix(20))")
        #expect(words.contains("icanon") && words.contains("echo") && words.contains("icrnl"),
                "terminal left in raw mode: \(words.sorted())")
        #expect(session.format("#{alternate_on}") == "0", "still on the alternate screen")
        #expect(session.format("#{cursor_flag}") == "1", "the cursor is hidden")
        // Typed text echoes and a line runs.
        session.type("echo restored-$((40+2))")
        try session.waitFor("echo restored-$((40+2))")
        session.send("Enter")
        try session.waitFor("restored-42")
    }
}
