import Foundation
import Testing

@Suite("TmuxSession harness")
struct TmuxHarnessTests {
    @Test func showsUnicodeTakesKeysAndReportsTheExitStatus() throws {
        let session = try TmuxSession(
            command: ["/bin/sh", "-c", "printf 'héllo 王\\n'; read x; echo \"got $x\"; read y; exit 3"],
            width: 40, height: 10)
        defer { session.kill() }
        let screen = try session.waitFor("héllo 王")
        #expect(screen.hasPrefix("héllo 王"))
        session.type("abc ü")
        session.send("Enter")
        try session.waitFor("got abc ü")
        #expect(session.pid() != nil)
        session.send("Enter")
        #expect(try session.waitForExit(timeout: 10) == 3)
        // The pane stays: the last screen can still be read.
        #expect(session.screenText().contains("got abc ü"))
    }

    @Test func resizeChangesTheTerminalSize() throws {
        let session = try TmuxSession(
            command: ["/bin/sh", "-c", "echo \"cols=$(tput cols)\"; read x; echo \"cols=$(tput cols) lines=$(tput lines)\"; read y"],
            width: 50, height: 12)
        defer { session.kill() }
        try session.waitFor("cols=50")
        session.resize(width: 73, height: 15)
        session.send("Enter")
        try session.waitFor("cols=73 lines=15")
        #expect(session.capture().count == 15)
    }

    @Test func signalsReachTheCommand() throws {
        let session = try TmuxSession(command: ["/bin/sh", "-c", "echo ready; exec sleep 30"], width: 30, height: 5)
        defer { session.kill() }
        try session.waitFor("ready")
        let pid = try #require(session.pid())
        #expect(kill(pid, SIGTERM) == 0)
        #expect(try session.waitForExit(timeout: 10) == 128 + SIGTERM)
    }

    @Test func environmentReachesTheCommand() throws {
        let session = try TmuxSession(
            command: ["/bin/sh", "-c", "echo \"$TERM $LANG [$GREETING]\"; read x"],
            width: 60, height: 5, environment: ["GREETING": "it's me"])
        defer { session.kill() }
        try session.waitFor("xterm-256color C.UTF-8 [it's me]")
    }

    @Test func waitForTimesOutWithTheScreenInTheError() throws {
        let session = try TmuxSession(command: ["/bin/sh", "-c", "echo nothing-here; read x"], width: 30, height: 5)
        defer { session.kill() }
        try session.waitFor("nothing-here")
        let start = Date()
        do {
            try session.waitFor("never shown", timeout: 0.3)
            Issue.record("waitFor did not time out")
        } catch let error as TmuxError {
            let message = String(describing: error)
            #expect(message.contains("\"never shown\""))
            #expect(message.contains("nothing-here"))
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
