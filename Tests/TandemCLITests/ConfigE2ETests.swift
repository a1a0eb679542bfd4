import Foundation
import Testing

/// config.toml from the command line and in the dashboard under tmux: remapped keys, problems
/// on the status line, the notification hook. Every run gets its own XDG_CONFIG_HOME.
@Suite("config.toml end to end", .serialized)
struct ConfigE2ETests {
    /// Writes `text` as `<folder>/config/tandem/config.toml` and returns the environment that finds it.
    static func config(_ folder: CLIFolder, _ text: String) throws -> [String: String] {
        let dir = folder.url.appendingPathComponent("config/tandem")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": folder.url.appendingPathComponent("config").path, "TANDEM_TODAY": CLI.today,
                "NO_COLOR": "", "TANDEM_THEME": ""]
    }

    static let remap = """
    [keys.list]
    down = ["v", "Down"]
    [keys.global]
    help = ["h"]
    """

    @Test func checkAndPrintDefaults() throws {
        let folder = CLIFolder()
        let defaults = CLI.run(["config", "--print-defaults"])
        #expect(defaults.status == 0)
        #expect(defaults.stdout.contains("[keys.list]\ndown = [\"Down\", \"j\"]"))
        let env = try Self.config(folder, defaults.stdout)
        let clean = CLI.run(["config", "--check"], env: env)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasSuffix("config.toml: ok\n"))

        let bad = folder.url.appendingPathComponent("bad.toml")
        try "[mouse]\nenabled = \"yes\"\n[keys.list]\ndown = [\"s\"]\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = CLI.run(["config", "--check", bad.path], env: env)
        #expect(r.status == 1)
        #expect(r.stderr == """
            \(bad.path):2:1: [mouse] enabled: expected true or false; found a string ("yes")
            \(bad.path):4:9: [keys.list] down: "s" is also list.sort (cycle the sort order; its default); one key, one action: give one of them another key; the keys stay the defaults

            """)
        #expect(CLI.run(["config", "--check", folder.url.appendingPathComponent("none.toml").path]).status == 1)
        #expect(CLI.run(["config"]).status == 1)
    }

    @Test func keysListsTheUsersKeys() throws {
        let folder = CLIFolder()
        let env = try Self.config(folder, Self.remap)
        let r = CLI.run(["keys"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let down = try #require(r.stdout.split(separator: "\n").first { $0.contains("list.down") })
        #expect(down.contains("v ↓") && !down.contains("j"))
        #expect(r.stdout.contains("SETTING"))
        let help = try #require(r.stdout.split(separator: "\n").first { $0.contains("global.help") })
        #expect(help.contains(" h ") && !help.contains("?"))
        let md = CLI.run(["keys", "--markdown"], env: env)
        #expect(md.stdout.contains("| `v` `↓` | next row | lists |"))
        let standard = CLI.run(["keys", "--markdown", "--defaults"], env: env)
        #expect(standard.stdout.contains("| `↓` `j` | next row | lists |"))
    }

    /// The same action, by the user's key: `v` moves down where `j` did, and the help and the
    /// footer show `v` and `h`, never `j` and `?`.
    @Test func aRemappedKeyDrivesTheSameAction() throws {
        let folder = CLIFolder.demo()
        let env = try Self.config(folder, Self.remap)
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 140, height: 40, environment: env)
        defer { session.kill() }
        var screen = try session.waitFor("Mentoring ·")
        let footer = screen.split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("h help") && !footer.contains("? help"), "\(footer)")

        // ↓ then Enter: the second row's detail.
        session.send("Down")
        session.send("Enter")
        screen = try session.waitFor("Esc back")
        let viaArrow = screen.split(separator: "\n").prefix(4).joined(separator: "\n")
        session.send("Escape")
        try session.waitFor("Mentoring ·")
        session.send("g")
        // v then Enter: the same detail.
        session.send("v")
        session.send("Enter")
        screen = try session.waitFor("Esc back")
        let viaV = screen.split(separator: "\n").prefix(4).joined(separator: "\n")
        #expect(!viaArrow.isEmpty && viaV == viaArrow, "\(viaArrow) vs \(viaV)")
        session.send("Escape")
        try session.waitFor("Mentoring ·")
        // j is no longer a list key: the status says where it is one.
        session.send("j")
        try session.waitFor("j is “next person” on the people screen, not here")

        // The help shows the user's keys, never the defaults they replaced.
        session.send("h")
        screen = try session.waitFor("show this help")
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("v ↓") && $0.contains("next row") }, "\(screen)")
        #expect(!lines.contains { $0.contains("↓ j") && $0.contains("next row") }, "\(screen)")
        #expect(lines.contains { $0.contains(" h ") && $0.contains("show this help") }, "\(screen)")
        // Kept for the report: the overlay with remapped keys.
        try? screen.write(toFile: "/tmp/tandem-remapped-help.txt", atomically: true, encoding: .utf8)
        session.send("Escape")
        try session.waitUntil(description: "the help to close") { !$0.contains("show this help") }
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aBadConfigIsSaidOnTheStatusLineAndTheDashboardRunsOnTheDefaults() throws {
        let folder = CLIFolder.demo()
        let env = try Self.config(folder, "date_style = \"weird\"\n[keys.list]\ndown = [\"Ctl-x\"]\n")
        // Wide enough for the message (with the temporary folder's long path) on one row.
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 300, height: 40, environment: env)
        defer { session.kill() }
        let screen = try session.waitFor("config.toml:1:1: date_style: expected one of")
        #expect(screen.contains("(1 more: tandem config --check)"))
        #expect(screen.contains("? help"))
        // The defaults run: j moves down (the help shows it).
        session.send("?")
        let help = try session.waitFor("show this help")
        #expect(help.split(separator: "\n").contains { $0.contains("↓ j") && $0.contains("next row") })
        session.send("Escape")
        try session.waitUntil(description: "the help to close") { !$0.contains("show this help") }
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    /// The real terminal path: ncurses asks for the mouse only when the config says so (tmux
    /// tells whether the program asked), and a double click the terminal reports (SGR mouse
    /// sequences, typed into the pane) opens the row under it.
    @Test func theMouseThroughARealTerminal() throws {
        let folder = CLIFolder.demo()
        let plain = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                    width: 140, height: 40, environment: ["TANDEM_TODAY": CLI.today, "NO_COLOR": "", "TANDEM_THEME": ""])
        defer { plain.kill() }
        try plain.waitFor("Mentoring ·")
        #expect(plain.format("#{mouse_any_flag}") == "0")
        plain.send("q")
        #expect(try plain.waitForExit() == 0)

        let env = try Self.config(folder, "[mouse]\nenabled = true\n")
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 140, height: 40, environment: env)
        defer { session.kill() }
        let screen = try session.waitFor("Mentoring ·")
        #expect(session.format("#{mouse_any_flag}") == "1")
        // The second mentoring row, where the screen shows it (1-based for the terminal).
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let title = try #require(lines.firstIndex { $0.contains("Mentoring ·") })
        let row = lines[title + 3]
        let cell = try #require(row.split(separator: "│").first.map { String($0.dropFirst(2)) })
        let pair = try #require(cell.components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces))
        let y = title + 3 + 1
        let click = "\u{1b}[<0;10;\(y)M\u{1b}[<0;10;\(y)m"
        session.type(click + click)
        try session.waitFor("Mentoring · \(pair)")
        session.send("Escape")
        try session.waitFor("Mentoring · 6 active")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func dateStyleFromTheConfig() throws {
        let folder = CLIFolder.demo()
        let env = try Self.config(folder, "date_style = \"iso\"\n")
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 200, height: 50, environment: env)
        defer { session.kill() }
        // The strip's latest session reads "2026-09-28 · 90 min", not "28 Sep · 90 min".
        let screen = try session.waitUntil(description: "an ISO date in the strip") {
            $0.range(of: #"20\d\d-\d\d-\d\d · \d+ min"#, options: .regularExpression) != nil
        }
        #expect(screen.range(of: #"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) · \d+ min"#, options: .regularExpression) == nil)
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aNewStoreTakesTheConfigsThresholds() throws {
        let folder = CLIFolder()
        let env = try Self.config(folder, "[store]\ndue_soon_days = 5\nmomentum_days = 10\n")
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 120, height: 30, environment: env)
        defer { session.kill() }
        try session.waitFor("New store in")
        session.send("q")
        #expect(try session.waitForExit() == 0)
        let settings = try #require(try folder.object("tandem.json")["settings"] as? [String: Any])
        #expect(settings["dueSoonDays"] as? Int == 5 && settings["momentumDays"] as? Int == 10 && settings["fizzleDays"] as? Int == 42)
    }

    /// A hook that appends its arguments and its standard input to a file.
    static func hook(_ folder: CLIFolder, failing: Bool = false) throws -> (command: String, log: URL) {
        let log = folder.url.appendingPathComponent("hook.log")
        let script = folder.url.appendingPathComponent("hook.sh")
        let body = failing ? "echo 'no display' >&2\nexit 4\n" : "printf 'ARGS %s|%s\\n' \"$1\" \"$2\" >> '\(log.path)'\ncat >> '\(log.path)'\n"
        try ("#!/bin/sh\n" + body).write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return ("'\(script.path)'", log)
    }

    static func lines(_ url: URL) -> [String] {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func statusNotifyAnnouncesEachEventOnce() throws {
        let folder = CLIFolder.demo()
        let (command, log) = try Self.hook(folder)
        let env = try Self.config(folder, "[notify]\ncommand = \"\(command.replacingOccurrences(of: "\"", with: "\\\""))\"\n")
        let r = folder.run(["status", "--notify"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("overdue") || r.stdout.contains("due"))
        let first = Self.lines(log)
        #expect(first.count >= 2 && first.count % 2 == 0, "\(first)")
        // Every second line is one event's JSON, and its arguments name the same event.
        var keys = Set<String>()
        for i in stride(from: 0, to: first.count, by: 2) {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(first[i + 1].utf8)) as? [String: Any])
            let kind = try #require(event["kind"] as? String)
            #expect(["deadline-soon", "pair-overdue", "pair-drifting", "momentum-lost"].contains(kind))
            #expect(event["day"] as? String == CLI.today)
            #expect(first[i].hasPrefix("ARGS Tandem: ") && first[i].contains(event["title"] as? String ?? "?"))
            #expect(first[i].hasSuffix("|\(event["message"] as? String ?? "?")"))
            keys.insert("\(kind) \(event["id"] as? String ?? "")")
        }
        #expect(keys.count == first.count / 2)
        #expect(folder.mode(".cache/notified.json") == 0o600)
        // From cron again the same day: nothing new.
        #expect(folder.run(["status", "--notify"], env: env).status == 0)
        #expect(Self.lines(log) == first)
        // Without --notify nothing runs.
        #expect(folder.run(["status"], env: env).status == 0)
        #expect(Self.lines(log) == first)
    }

    @Test func aFailingHookIsReportedNeverFatal() throws {
        let folder = CLIFolder.demo()
        let (command, _) = try Self.hook(folder, failing: true)
        let env = try Self.config(folder, "[notify]\ncommand = \"\(command)\"\n")
        let r = folder.run(["status", "--notify"], env: env)
        #expect(r.status == 0)
        #expect(r.stderr.contains("exited with status 4: no display"), "\(r.stderr)")
        #expect(!r.stdout.isEmpty)
        let none = folder.run(["status", "--notify"], env: ["TANDEM_TODAY": CLI.today])
        #expect(none.status == 1 && none.stderr.contains("--notify: no [notify] command in"))
    }

    @Test func theDashboardRunsTheHookWhileOpen() throws {
        let folder = CLIFolder.demo()
        let (command, log) = try Self.hook(folder)
        let env = try Self.config(folder, "[notify]\ncommand = \"\(command)\"\n")
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 140, height: 40, environment: env)
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        // The hook runs from the first tick, off the loop; the log is polled, not slept on.
        let deadline = Date().addingTimeInterval(30)
        while Self.lines(log).isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        session.send("q")
        #expect(try session.waitForExit() == 0)
        let seen = Self.lines(log)
        #expect(!seen.isEmpty && seen.count % 2 == 0, "\(seen)")
        // What the dashboard announced, cron does not announce again.
        #expect(folder.run(["status", "--notify"], env: env).status == 0)
        #expect(Self.lines(log) == seen)
    }
}
