import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// The notification hook against a real command: a small script that appends its arguments
/// and its standard input to a file.
@Suite("NotifyHook: the command, once per event")
final class NotifyHookTests {
    let tmp = TempFolder()
    let store: Store
    let log: URL
    let script: URL
    static let today = day("2026-11-29")

    init() throws {
        store = try Store.create(at: tmp.store, agency: Agency(name: "A"))
        log = tmp.url.appendingPathComponent("hook.log")
        script = tmp.url.appendingPathComponent("hook.sh")
        // The log's path is in the script: tests run side by side.
        try "#!/bin/sh\nprintf 'ARGS %s|%s\\n' \"$1\" \"$2\" >> '\(log.path)'\ncat >> '\(log.path)'\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
    }

    static func event(_ n: Int, _ kind: NotifyEvent.Kind = .deadlineSoon, on today: Day = today) -> NotifyEvent {
        NotifyEvent(kind: kind, record: "coaching", id: uuid(n), title: "Ana Lima: pitching", message: "coaching deadline tomorrow (2026-11-30)",
                    day: today, date: day("2026-11-30"))
    }

    var logLines: [String] { (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? [] }

    @Test func firesOncePerEventWithItsJSON() throws {
        // The script's path goes through a shell of the user's choosing only because they wrote sh -c.
        let hook = NotifyHook(command: ["sh", "-c", "'\(script.path)' \"$@\"", "tandem"])
        let events = [Self.event(1), Self.event(2, .momentumLost)]
        let first = hook.announce(events, in: store, today: Self.today)
        #expect(first.failures.isEmpty, "\(first.failures)")
        #expect(first.announced == events)
        #expect(logLines == [
            "ARGS \(events[0].summary)|\(events[0].message)", events[0].json,
            "ARGS \(events[1].summary)|\(events[1].message)", events[1].json,
        ])
        let decoded = try JSONDecoder().decode(NotifyEvent.self, from: Data(logLines[1].utf8))
        #expect(decoded == events[0])
        // Again the same day (another process, a later tick): nothing runs.
        let again = NotifyHook(command: [script.path]).announce(events, in: store, today: Self.today)
        #expect(again.announced.isEmpty && logLines.count == 4)
        // A new event still runs.
        _ = NotifyHook(command: [script.path]).announce(events + [Self.event(3)], in: store, today: Self.today)
        #expect(logLines.count == 6)
        // Tomorrow the same record is news again.
        let tomorrow = Self.today.adding(days: 1)
        _ = NotifyHook(command: [script.path]).announce([Self.event(1, on: tomorrow)], in: store, today: tomorrow)
        #expect(logLines.count == 8)
    }

    @Test func theStateIsPrivateAndOutOfGit() throws {
        _ = NotifyHook(command: [script.path]).announce([Self.event(1)], in: store, today: Self.today)
        #expect(tmp.mode(NotifyHook.stateFile) == 0o600)
        #expect(tmp.mode(".cache") == 0o700)
        #expect(tmp.text(NotifyHook.stateFile).contains(Self.event(1).key))
        #expect(store.notifiedKeys() == [Self.event(1).key])
    }

    /// A script still open for writing cannot be run (ETXTBSY): the hook waits for it a moment
    /// instead of failing at once, and says so when it stays busy.
    @Test func aCommandBusyBeingWrittenIsWaitedFor() throws {
        let busy = tmp.url.appendingPathComponent("busy.sh")
        try "#!/bin/sh\necho ran >> '\(log.path)'\n".write(to: busy, atomically: true, encoding: .utf8)
        chmod(busy.path, 0o755)
        let writer = open(busy.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        #expect(writer >= 0)
        let stuck = NotifyHook(command: [busy.path]).announce([Self.event(1)], in: store, today: Self.today)
        #expect(stuck.failures == ["\(Self.event(1).summary): \(busy.path) could not start: \(String(cString: strerror(ETXTBSY)))"])
        #expect(logLines.isEmpty)
        // Closed while the hook waits: it runs.
        let closer = Thread { usleep(100_000); close(writer) }
        closer.start()
        let later = NotifyHook(command: [busy.path]).announce([Self.event(2)], in: store, today: Self.today)
        #expect(later.failures.isEmpty)
        #expect(logLines == ["ran"])
    }

    @Test func aFailingCommandIsReportedAndNotRetriedThatDay() {
        let failing = tmp.url.appendingPathComponent("fail.sh")
        try? "#!/bin/sh\necho 'no display' >&2\nexit 3\n".write(to: failing, atomically: true, encoding: .utf8)
        chmod(failing.path, 0o755)
        let report = NotifyHook(command: [failing.path]).announce([Self.event(1)], in: store, today: Self.today)
        #expect(report.failures == ["\(Self.event(1).summary): \(failing.path) exited with status 3: no display"])
        #expect(NotifyHook(command: [failing.path]).announce([Self.event(1)], in: store, today: Self.today).failures.isEmpty)
    }

    @Test func aMissingCommandIsReported() {
        let missing = NotifyHook(command: ["tandem-no-such-command-here"]).run(Self.event(1))
        #expect(missing == "tandem-no-such-command-here was not found on the PATH")
        let path = NotifyHook(command: [tmp.url.appendingPathComponent("nope").path]).run(Self.event(1))
        #expect(path?.contains("could not start") == true)
    }

    @Test func aHungCommandIsStopped() {
        let started = Date()
        let slow = NotifyHook(command: ["sh", "-c", "sleep 30"], timeout: 1).run(Self.event(1))
        #expect(slow == "sh took longer than 1 s and was stopped")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aCommandThatReadsNothingIsFine() {
        #expect(NotifyHook(command: ["true"]).run(Self.event(1)) == nil)
    }
}
