import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The `:` command line.
@Suite("Command line")
struct CommandLineTests {
    /// Opens `:`, types `line`, presses Enter.
    static func run(_ s: inout AppState, _ line: String) -> [Effect] {
        press(&s, .char(":"))
        type(&s, line)
        return press(&s, .enter)
    }

    @Test("the prompt opens on : and closes after Enter", arguments: ["q", "quit", "wq", "x"])
    func quit(_ word: String) {
        var s = Fixture.state()
        #expect(Self.run(&s, word) == [.quit])
        #expect(s.isQuitting)
        #expect(s.prompt == nil)
    }

    @Test(":theme light asks for the theme; :theme alone explains the usage")
    func theme() {
        var s = Fixture.state()
        #expect(Self.run(&s, "theme light") == [.setTheme("light")])
        #expect(Self.run(&s, "theme") == [])
        #expect(s.status?.kind == .error)
        #expect(s.status?.text.contains(":theme <name>") == true)
    }

    @Test(":log <name> <minutes> <note> saves the record with one more session")
    func log() throws {
        var s = Fixture.state(Fixture.tiny)
        let effects = Self.run(&s, "log ana 45 Rehearsed the pitch twice")
        var expected = Fixture.pitching
        expected.sessions.append(Session(id: Fixture.id(1), date: Fixture.today, minutes: 45, notes: "Rehearsed the pitch twice"))
        #expect(effects == [.save(.coaching(expected), force: false)])
        #expect(s.data.engagements.first == expected, "memory holds the new session at once")
        #expect(s.pending[Fixture.pitchingRef] != nil)
        #expect(s.status?.text.contains("Logged 45 min session for Ana Lima") == true)
    }

    @Test(":log on a mentoring relationship by the mentee's accented name, without accents")
    func logMentoring() {
        var s = Fixture.state(Fixture.tiny)
        let effects = Self.run(&s, "log chloe 1h note")
        let records = saved(effects)
        try? #require(records.count == 1)
        guard case .mentoring(let r)? = records.first?.record else { Issue.record("expected a mentoring save"); return }
        #expect(r.id == Fixture.mentoring.id)
        #expect(r.sessions.count == 2)
        #expect(r.sessions.last?.minutes == 60)
        #expect(r.sessions.last?.notes == "note")
    }

    @Test(":log mistakes leave the data alone and say what is expected",
          arguments: [("log ana", "Usage: :log"), ("log ana lots of time", "Usage: :log"),
                      ("log nobody 45 x", "no open engagement or relationship matches"),
                      ("log ana 0 x", "minutes")])
    func logErrors(_ line: String, _ says: String) {
        var s = Fixture.state(Fixture.tiny)
        #expect(Self.run(&s, line) == [])
        #expect(s.status?.kind == .error)
        #expect(s.status?.text.contains(says) == true, "\(s.status?.text ?? "no status")")
        #expect(s.data == Fixture.tiny)
        #expect(s.undoStack.isEmpty)
    }

    @Test("an unknown command is an error naming it and listing the commands")
    func unknown() {
        var s = Fixture.state()
        #expect(Self.run(&s, "frobnicate now") == [])
        #expect(s.status?.kind == .error)
        #expect(s.status?.text.hasPrefix("Unknown command :frobnicate.") == true)
        #expect(s.status?.text.contains(":theme <name>") == true)
    }

    @Test(":w reports the disk is up to date; :help opens the help; Esc abandons the line")
    func others() {
        var s = Fixture.state()
        #expect(Self.run(&s, "w") == [])
        #expect(s.status == Status("All changes are on disk", .ok))
        #expect(Self.run(&s, "help") == [])
        #expect(s.showHelp)
        var t = Fixture.state()
        press(&t, .char(":"))
        type(&t, "q")
        #expect(press(&t, .escape) == [])
        #expect(t.prompt == nil && !t.isQuitting)
    }
}
