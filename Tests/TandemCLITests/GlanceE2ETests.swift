import Foundation
import Testing

/// What a leader sees at a glance, in a real terminal: the paused pair and the on-hold and
/// planned engagements stay on the dashboard, reachable by keys, at 80x24 and wide.
@Suite("At a glance end to end (tmux)", .serialized)
struct GlanceE2ETests {
    @Test func aPausedPairIsFoundAndOpenedByKeys() throws {
        let folder = CLIFolder.demo()
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        var screen = try session.waitFor("Mentoring · 6 active · 1 paused")
        #expect(screen.contains("Coaching · 5 active · 2 planned or on hold"))
        #expect(screen.contains("1 stalled"))
        // The paused pair is the last row of the mentoring pane.
        session.send("Tab")
        session.send("G")
        screen = try session.waitFor("paused since")
        session.send("Enter")
        screen = try session.waitFor("paused since 2026-10-02")
        #expect(screen.contains("Mentoring · Priya Iyer → 王小明"))
        session.send("Escape")
        try session.waitFor("Mentoring · 6 active")
    }

    @Test func aWideTerminalShowsEveryColumnAndEveryRecord() throws {
        let folder = CLIFolder.demo()
        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        let screen = try session.waitFor("Mentoring · 6 active")
        for title in ["COACHEE", "FOCUS", "COACH ", "DUE", "SESSIONS", "PROGRESS", "FORECAST",
                      "SINCE", "EVERY", "LAST MET", "NEXT DUE", "HEALTH"] {
            #expect(screen.contains(title), "\(title) missing at 120x40:\n\(screen)")
        }
        #expect(screen.contains("on hold") && screen.contains("planned") && screen.contains("paused since 2 Oct"))
        #expect(!screen.contains("1–"), "no row hidden at 120x40:\n\(screen)")
    }
}
