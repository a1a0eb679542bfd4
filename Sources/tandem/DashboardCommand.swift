import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem` (bare): the dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default when no subcommand is given)."
    )

    @OptionGroup var data: DataDirOptions
    @Flag(help: "Open on a freshly generated demo agency (in a temporary folder unless --data-dir is given).") var demo = false

    func run() throws {
        let today = try Clock.today()
        var dir = data.resolved()
        var temporary: URL?
        if demo {
            if data.dataDir == nil {
                let base = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
                temporary = base
                dir = base
            }
            try DemoWriter.write(DemoAgency.generate(today: today, options: DemoOptions()), to: dir)
        }
        defer { if let t = temporary { try? FileManager.default.removeItem(at: t) } }
        let store = try Store.openForCLI(dir, forEditing: true)
        defer { store.close() }
        let loaded: Loaded
        do { loaded = try store.load(scope: .open) } catch { throw CLIFailure.store(error) }
        let s = loaded.snapshot
        let names = PeopleIndex(s.people)
        emit("\(s.agency.name) — \(today.iso)")
        for e in s.engagements where e.status == .active {
            let r = CoachingSummary(e, names: names, today: today, settings: s.agency.settings)
            emit("  coaching  \(r.coachee): \(e.focus) — \(r.daysLeft) days left, \(r.forecast.label)")
        }
        for m in s.relationships where m.status == .active {
            let r = MentoringSummary(m, names: names, today: today, settings: s.agency.settings)
            emit("  mentoring \(r.mentor) → \(r.mentee): \(r.health.label)")
        }
    }
}
