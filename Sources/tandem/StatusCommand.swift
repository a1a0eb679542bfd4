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

    func run() throws {
        let today = try Clock.today()
        let store = try Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
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
            emit(String(decoding: data, as: UTF8.self))
        } else {
            emit(status.line)
        }
    }
}
