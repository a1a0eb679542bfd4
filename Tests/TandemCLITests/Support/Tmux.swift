import Foundation

/// What can go wrong while driving a program under tmux.
enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case commandFailed(arguments: [String], status: Int32, output: String)
    case timedOut(waitingFor: String, seconds: Double, screen: String)

    var description: String {
        switch self {
        case .notInstalled:
            return "tmux is not on PATH: the end-to-end tests need it (apt-get install tmux, brew install tmux)."
        case .commandFailed(let arguments, let status, let output):
            return "tmux \(arguments.joined(separator: " ")) exited with status \(status): \(output)"
        case .timedOut(let what, let seconds, let screen):
            return "Timed out after \(seconds) s waiting for \(what). Last screen:\n\(screen)"
        }
    }
}

/// A program running in a detached tmux pane of a fixed size, on a private tmux server,
/// so a test can type keys and read the screen as text.
///
/// The pane runs `TERM=xterm-256color`, `LANG=C.UTF-8`. It stays open after the
/// program exits (`remain-on-exit`), so its last screen can still be read.
final class TmuxSession {
    /// How often `waitFor` and `waitForExit` look again.
    static let pollInterval: TimeInterval = 0.05

    private let tmux: String
    private let directory: URL
    private var socket: String { directory.appendingPathComponent("tmux.sock").path }
    private var statusFile: URL { directory.appendingPathComponent("status") }
    private var pidFile: URL { directory.appendingPathComponent("pid") }
    private var isKilled = false

    /// Starts `command` (program then arguments) in a `width`×`height` pane.
    init(command: [String], width: Int, height: Int, environment: [String: String] = [:]) throws {
        guard let tmux = Self.findOnPath("tmux") else { throw TmuxError.notInstalled }
        self.tmux = tmux
        // A short path: a unix socket's path is limited to about 100 bytes.
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("tandem-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        var variables = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        // Never the real ~/.config: the fixed test identity in this pane's own folder.
        variables["XDG_CONFIG_HOME"] = TestIdentity.install(in: directory.appendingPathComponent("config")).path
        variables.merge(environment) { $1 }
        let exports = variables.sorted { $0.key < $1.key }
            .map { "export \($0.key)=\(Self.quoted($0.value))" }
        // The inner shell writes its pid and then becomes the command, so `pid()` is the
        // command's; the outer one records its exit status once it is over.
        let script = exports + [
            "sh -c 'echo $$ > \"$0\"; exec \"$@\"' \(Self.quoted(pidFile.path)) \(command.map(Self.quoted).joined(separator: " "))",
            "echo $? > \(Self.quoted(statusFile.path)).tmp && mv \(Self.quoted(statusFile.path)).tmp \(Self.quoted(statusFile.path))",
        ]
        let scriptFile = directory.appendingPathComponent("run.sh")
        try script.joined(separator: "\n").write(to: scriptFile, atomically: true, encoding: .utf8)

        try run(["start-server", ";",
                 "set-option", "-g", "remain-on-exit", "on", ";",
                 "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                 "/bin/sh \(Self.quoted(scriptFile.path))"])
    }

    deinit { kill() }

    /// The pane's rows as text (wide characters once, trailing blanks trimmed).
    func capture() -> [String] {
        let text = (try? run(["capture-pane", "-p", "-t", "main"])) ?? ""
        var rows = text.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// The pane as one string, rows joined by newlines.
    func screenText() -> String { capture().joined(separator: "\n") }

    /// Presses keys by tmux name: "Tab", "C-s", "Escape", "Enter", "Up", "BSpace", "F1".
    func send(_ keys: String...) {
        _ = try? run(["send-keys", "-t", "main"] + keys)
    }

    /// Types `literal` as text, each character as it is (a leading dash too: "-3d").
    func type(_ literal: String) {
        _ = try? run(["send-keys", "-t", "main", "-l", "--", literal])
    }

    /// Pastes `text` as a terminal would: inside bracketed-paste markers when the program
    /// turned that mode on, as plain typed text otherwise (tmux's `paste-buffer -p`).
    func paste(_ text: String) {
        _ = try? run(["set-buffer", "-b", "test", "--", text])
        _ = try? run(["paste-buffer", "-p", "-d", "-b", "test", "-t", "main"])
    }

    /// A tmux format evaluated for the pane: "#{alternate_on}" is 1 on the alternate screen,
    /// "#{cursor_flag}" is 1 when the cursor shows.
    func format(_ format: String) -> String {
        ((try? run(["display-message", "-p", "-t", "main", format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the pane, which sends the program SIGWINCH.
    func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until `text` is on screen, and returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 30) throws -> String {
        try waitUntil(timeout: timeout, description: "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits until the screen satisfies `predicate`, and returns the screen.
    @discardableResult
    func waitUntil(timeout: Double = 30, description: String = "a condition on the screen",
                   _ predicate: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            let screen = screenText()
            if predicate(screen) { return settled(screen, predicate) }
            if ContinuousClock.now >= deadline {
                throw TmuxError.timedOut(waitingFor: description, seconds: timeout, screen: screen)
            }
            Self.pause()
        }
    }

    /// A screen that held `predicate` once, captured again until two captures in a row agree
    /// (for up to a second): tmux may show a frame the program is still writing, and a test
    /// reading the rest of the screen must see the whole frame.
    private func settled(_ first: String, _ predicate: (String) -> Bool) -> String {
        let until = ContinuousClock.now + .seconds(1)
        var last = first
        while ContinuousClock.now < until {
            Self.pause()
            let again = screenText()
            guard predicate(again) else { return last }
            if again == last { return again }
            last = again
        }
        return last
    }

    /// Waits for the command to end, and returns its exit status (128 + n when killed by signal n).
    func waitForExit(timeout: Double = 30) throws -> Int32 {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            if ContinuousClock.now >= deadline {
                throw TmuxError.timedOut(waitingFor: "the command to exit", seconds: timeout, screen: screenText())
            }
            Self.pause()
        }
    }

    /// The command's process id (for sending it signals), once it has started.
    func pid() -> pid_t? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Stops the private tmux server (and the command with it) and removes the temporary files.
    func kill() {
        guard !isKilled else { return }
        isKilled = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs tmux on the private socket and returns what it printed. Spawned directly
    /// (not through `Process`) with every signal unblocked and at its default action: the
    /// tmux server and the command inherit that, and a test thread may have signals blocked.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = [tmux, "-S", socket, "-f", "/dev/null", "-u"] + arguments
        let (status, output) = try Self.spawn(argv, environment: environment.map { "\($0.key)=\($0.value)" })
        guard status == 0 else {
            throw TmuxError.commandFailed(arguments: arguments, status: status, output: output)
        }
        return output
    }

    private static func spawn(_ argv: [String], environment: [String]) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TmuxError.commandFailed(arguments: argv, status: -1, output: "pipe failed") }
        // Close-on-exec, so tmux servers started by tests running alongside never keep this pipe open.
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else {
            throw TmuxError.commandFailed(arguments: argv, status: -1, output: String(cString: strerror(spawned)))
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count]; continue }
            if count < 0, errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }

    private static func pause() {
        Thread.sleep(forTimeInterval: pollInterval)
    }

    private static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `value` in single quotes for sh.
    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
