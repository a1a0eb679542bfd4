import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem status`: one short line for a shell prompt or a tmux status bar.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line for a shell prompt or a tmux status bar: \"2 overdue · 3 due this week\".",
        discussion: """
        Overdue: open engagements past their deadline and active mentoring relationships whose \
        next meeting is late. Due this week: deadlines and next meetings in the next 7 days, \
        today included. Takes no lock; keeps a small cache in .cache/status.tsv in the data \
        folder (what each record file held, checked against its size, times and inode), so only \
        files changed since the last status are read.
        """
    )

    @OptionGroup var data: DataDirOptions
    @Flag(help: "Print the counts as JSON.") var json = false
    @Flag(help: ArgumentHelp("Also run config.toml's [notify] command for each event not announced yet today (deadlines within the due-soon days, mentoring overdue or drifting, momentum lost): for cron.")) var notify = false

    func run() throws {
        let today = try Clock.today()
        var hook: [String] = []
        if notify {
            let config = UserConfig.load()
            for p in config.problems { FileHandle.standardError.write(Data("tandem: \(p)\n".utf8)) }
            hook = config.config.notifyCommand
            guard !hook.isEmpty else {
                throw CLIFailure.input("--notify: no [notify] command in \(config.path.path) (tandem config --print-defaults shows the setting)")
            }
        }
        // --notify remembers what it announced in the data folder, so it opens the store for editing (still no lock).
        let store = try Store.openForCLI(data.resolved(), forEditing: notify)
        defer { store.close() }
        if notify {
            let loaded: Loaded
            do { loaded = try store.load(scope: .open) } catch { throw CLIFailure.store(error) }
            let report = NotifyHook(command: hook).announce(NotifyRules.events(in: loaded.snapshot, today: today), in: store, today: today)
            // A failing command is reported, never fatal: the status line still comes.
            for f in report.failures { FileHandle.standardError.write(Data("tandem: notify: \(f)\n".utf8)) }
        }
        let snapshot: Snapshot
        // Through the status cache: only files changed since the last status are read.
        do { snapshot = try StatusIndex.snapshot(of: store).snapshot } catch { throw CLIFailure.store(error) }
        let status = AgencyStatus(snapshot, today: today)
        if json {
            let object: [String: Any] = [
                "overdue": status.overdue, "dueThisWeek": status.dueThisWeek,
                "coaching": ["overdue": status.overdueCoaching, "dueThisWeek": status.dueCoaching],
                "mentoring": ["overdue": status.overdueMentoring, "dueThisWeek": status.dueMentoring],
                "today": today.iso, "line": status.line,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            emitJSON(String(decoding: data, as: UTF8.self))
        } else {
            emit(status.line)
        }
    }
}
