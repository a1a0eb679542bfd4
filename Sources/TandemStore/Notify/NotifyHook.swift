import Foundation
import TandemCore

/// The notification hook: runs the config's `[notify] command` once for each event not yet
/// announced, and remembers what was announced (per kind, record and day) in
/// `.cache/notified.json` in the data folder (0600; `.cache/` never travels with sync).
///
/// The command is run directly (its words were split from the config's string; no shell
/// unless the user wrote `sh -c`), with two more arguments — the event's summary and message,
/// as `notify-send SUMMARY BODY` expects — and the event as one line of JSON on its standard
/// input. Its output is not shown (it would land on the dashboard); a command that fails, does
/// not start or takes longer than `timeout` is reported in `NotifyReport.failures`, never thrown.
public struct NotifyHook: Sendable {
    public static let stateFile = ".cache/notified.json"
    /// Days of announcements kept in the state file.
    static let keepDays = 14
    /// How long a command that is busy (ETXTBSY: its file open for writing) is waited for, in ms.
    static let busyWaitMS = 2_000

    public var command: [String]
    public var timeout: TimeInterval

    public init(command: [String], timeout: TimeInterval = 10) {
        self.command = command; self.timeout = timeout
    }

    /// What one round of announcing did.
    public struct Report: Equatable, Sendable {
        /// The events the command was run for (whether it succeeded or not).
        public var announced: [NotifyEvent] = []
        /// One line per failure: which event, and why.
        public var failures: [String] = []
        public init(announced: [NotifyEvent] = [], failures: [String] = []) { self.announced = announced; self.failures = failures }
    }

    /// Runs the command for each of `events` not announced yet (by this or any other process
    /// on the store: the dashboard, `tandem status --notify` from cron), and records them.
    /// Every event is announced once: a failed run is reported and not tried again that day.
    public func announce(_ events: [NotifyEvent], in store: Store, today: Day) -> Report {
        var report = Report()
        guard !command.isEmpty else { return report }
        var state = store.notifiedKeys()
        for event in NotifyRules.unannounced(events, announced: state) {
            if let failure = run(event) { report.failures.append("\(event.summary): \(failure)") }
            report.announced.append(event)
            state.insert(event.key)
            store.recordNotified(state, today: today)
        }
        return report
    }

    /// Runs the command for one event; the reason when it failed. The command runs in a
    /// process group of its own, so a timeout stops whatever it started too.
    public func run(_ event: NotifyEvent) -> String? {
        guard let program = command.first else { return "no command" }
        // A command that does not read its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return "\(program) could not start: no pipe" }
        guard pipe(&fromChild) == 0 else { close(toChild[0]); close(toChild[1]); return "\(program) could not start: no pipe" }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
        for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all); sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        let argv = (command + [event.summary, event.message]).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        // A script still open for writing somewhere (an editor saving it, or a process that
        // inherited a writer's descriptor) cannot be run for a moment: ETXTBSY. Try again
        // briefly before calling it a failure.
        var spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        var waited = 0
        while spawned == ETXTBSY && waited < NotifyHook.busyWaitMS {
            usleep(20_000)
            waited += 20
            spawned = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
        }
        close(toChild[0]); close(fromChild[1])
        defer { close(fromChild[0]) }
        guard spawned == 0 else {
            close(toChild[1])
            return spawned == ENOENT ? (program.contains("/") ? "\(program) could not start: no such file" : "\(program) was not found on the PATH")
                : "\(program) could not start: \(String(cString: strerror(spawned)))"
        }
        // The event is small (well under a pipe's buffer): written at once, then the input ends.
        let json = Array((event.json + "\n").utf8)
        _ = json.withUnsafeBytes { write(toChild[1], $0.baseAddress, $0.count) }
        close(toChild[1])
        _ = fcntl(fromChild[0], F_SETFL, O_NONBLOCK)
        var errors: [UInt8] = []
        func drain() {
            var buffer = [UInt8](repeating: 0, count: 512)
            while errors.count < 4096 {
                let n = read(fromChild[0], &buffer, buffer.count)
                guard n > 0 else { return }
                errors += buffer[0..<n]
            }
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0, errno != EINTR { return "\(program): lost track of it" }
            drain()
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGTERM)
                let grace = Date().addingTimeInterval(1)
                while waitpid(pid, &status, WNOHANG) == 0 {
                    if Date() >= grace { kill(-pid, SIGKILL); _ = waitpid(pid, &status, 0); break }
                    usleep(20_000)
                }
                break
            }
            usleep(10_000)
        }
        // Anything it left running in its group goes too.
        kill(-pid, SIGKILL)
        drain()
        if timedOut { return "\(program) took longer than \(Int(timeout)) s and was stopped" }
        let exited = (status & 0x7f) == 0
        if !exited { return "\(program) was killed by signal \(status & 0x7f)" }
        let code = (status >> 8) & 0xff
        guard code == 0 else {
            let firstLine = String(decoding: errors.prefix(400), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let clean = String(firstLine.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            return "\(program) exited with status \(code)" + (clean.isEmpty ? "" : ": \(clean)")
        }
        return nil
    }
}

extension Store {
    /// The keys of the events announced in the last days (`NotifyEvent.key`); empty when none
    /// were, or the state file cannot be read.
    public func notifiedKeys() -> Set<String> {
        guard let data = try? folder.read(NotifyHook.stateFile),
              let state = try? JSONDecoder().decode(NotifiedState.self, from: data) else { return [] }
        return Set(state.announced.flatMap(\.value))
    }

    /// Writes what was announced, keeping the last `NotifyHook.keepDays` days. A read-only
    /// store keeps nothing (the dashboard still remembers for as long as it is open).
    func recordNotified(_ keys: Set<String>, today: Day) {
        guard !isReadOnly else { return }
        var byDay: [String: [String]] = [:]
        for key in keys {
            guard let day = key.split(separator: " ").last.map(String.init), let d = Day(iso: day),
                  d.days(to: today) < NotifyHook.keepDays else { continue }
            byDay[day, default: []].append(key)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(NotifiedState(format: 1, announced: byDay.mapValues { $0.sorted() })) else { return }
        try? folder.makeFolder(".cache")
        try? folder.writeAtomically(data + Data("\n".utf8), to: NotifyHook.stateFile)
    }
}

/// `.cache/notified.json`: the announced events' keys by day.
struct NotifiedState: Codable {
    var format: Int
    var announced: [String: [String]]
}
