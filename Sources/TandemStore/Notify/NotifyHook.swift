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

    /// Runs the command for one event; the reason when it failed.
    public func run(_ event: NotifyEvent) -> String? {
        guard let program = command.first else { return "no command" }
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(command.dropFirst()) + [event.summary, event.message]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command + [event.summary, event.message]
        }
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        // A command that does not read its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return "\(program) could not start: \(error.localizedDescription)" }
        let data = Data((event.json + "\n").utf8)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        let stderrBox = ReadBox()
        let reader = DispatchQueue(label: "tandem.notify.stderr")
        let readDone = DispatchSemaphore(value: 0)
        reader.async {
            stderrBox.data = errors.fileHandleForReading.readDataToEndOfFile()
            readDone.signal()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            _ = readDone.wait(timeout: .now() + 1)
            return "\(program) took longer than \(Int(timeout)) s and was stopped"
        }
        _ = readDone.wait(timeout: .now() + 1)
        if process.terminationReason == .uncaughtSignal { return "\(program) was killed by signal \(process.terminationStatus)" }
        guard process.terminationStatus == 0 else {
            let firstLine = String(decoding: stderrBox.data.prefix(400), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let clean = String(firstLine.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            if !program.contains("/"), process.terminationStatus == 127 {
                return "\(program) was not found on the PATH (exit status 127)"
            }
            return "\(program) exited with status \(process.terminationStatus)" + (clean.isEmpty ? "" : ": \(clean)")
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

/// What a reader thread collected (read after it signalled).
private final class ReadBox: @unchecked Sendable { var data = Data() }

/// `.cache/notified.json`: the announced events' keys by day.
struct NotifiedState: Codable {
    var format: Int
    var announced: [String: [String]]
}
