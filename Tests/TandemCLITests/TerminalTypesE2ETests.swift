import Foundation
import Testing

/// The dashboard under each common `TERM` in a tmux pane: it draws (and `q` gives the terminal
/// back as it was) or, on a terminal that cannot move its cursor (`dumb`), refuses at once with
/// a clear message; in every case the shell after it echoes and runs a typed line.
@Suite("Terminal types end to end (tmux)", .serialized)
struct TerminalTypesE2ETests {
    @Test(arguments: ["xterm-256color", "xterm", "screen", "vt100", "linux", "dumb"])
    func drawsOrRefusesAndLeavesTheTerminalUsable(term: String) throws {
        let folder = CLIFolder.demo()
        let after = folder.url.appendingPathComponent("after")
        // After tandem ends: its status and the terminal's modes, then a shell.
        let script = "TERM=\"$3\" \"$0\" --data-dir \"$1\" 2>&1; s=$?; stty -a > \"$2.tmp\"; echo \"status $s\" >> \"$2.tmp\"; mv \"$2.tmp\" \"$2\"; exec /bin/sh"
        var env = DashboardE2ETests.environment(folder)
        env["PS1"] = "$ "
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, try DashboardE2ETests.binary(), folder.data.path, after.path, term],
                                      width: 100, height: 30, environment: env)
        defer { session.kill() }
        if term == "dumb" {
            try TerminalE2ETests.waitForWrapped(session, "The terminal of type 'dumb' cannot move its cursor, so it cannot show the full-screen dashboard")
        } else {
            try session.waitFor("Mentoring ·")
            try session.waitFor("q quit")
            session.send("q")
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: after.path), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(FileManager.default.fileExists(atPath: after.path), "tandem did not end; screen:\n\(session.screenText())")
        let text = try String(contentsOf: after, encoding: .utf8)
        let words = Set(text.split(whereSeparator: { " ;\n".contains($0) }).map(String.init))
        #expect(text.contains(term == "dumb" ? "status 1" : "status 0"), "TERM=\(term) exit: \(text.suffix(20))")
        #expect(words.contains("icanon") && words.contains("echo") && words.contains("icrnl") && !words.contains("-echo"),
                "TERM=\(term) left the terminal in raw mode: \(words.sorted())")
        #expect(session.format("#{alternate_on}") == "0", "TERM=\(term): still on the alternate screen")
        // The frame is gone, alternate screen or not (vt100 and linux have none): the shell's
        // prompt is not written over the dashboard's footer.
        try session.waitUntil(description: "TERM=\(term): the dashboard to leave the screen") { !$0.contains("Mentoring ·") && !$0.contains("q quit") }
        #expect(session.format("#{cursor_flag}") == "1", "TERM=\(term): the cursor is hidden")
        session.type("echo back-$((40+2))")
        session.send("Enter")
        try session.waitFor("back-42")
    }
}
