import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TandemCore
import TandemStore

/// Edits never lose history, as a user makes them: the built dashboard in a tmux pane, keys
/// sent with send-keys, the screen polled (never a fixed sleep), and the file read afterwards.
@Suite("Item edits end to end (tmux)", .serialized)
struct ItemEditE2ETests {
    /// The demo store as files hold it.
    static func load(_ folder: CLIFolder) throws -> Loaded {
        let store = try Store.open(at: folder.data, forEditing: false)
        defer { store.close() }
        return try store.load(scope: .all)
    }

    @Test func renamingAMetricAndRewordingADoneObjectiveKeepTheirHistory() throws {
        let folder = CLIFolder.demo()
        let before = try Self.load(folder)
        // An active engagement with a done objective and a metric with readings.
        let engagement = try #require(before.snapshot.engagements.first { e in
            e.status == .active && e.objectives.contains { $0.doneOn != nil } && e.metrics.contains { !$0.readings.isEmpty }
        })
        let coachee = try #require(before.snapshot.people.first { $0.id == engagement.coacheeID }?.name)
        let objectiveIndex = try #require(engagement.objectives.firstIndex { $0.doneOn != nil })
        let objective = engagement.objectives[objectiveIndex]
        let metricIndex = try #require(engagement.metrics.firstIndex { !$0.readings.isEmpty })
        let metric = engagement.metrics[metricIndex]
        let file = try #require(before.files[RecordRef(kind: .coaching, id: engagement.id)])

        let session = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                      width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Coaching ·")
        // Filter the coaching pane down to the engagement, then edit it.
        session.send("/")
        try session.waitFor("/")
        session.type(coachee)
        session.send("Enter")
        try session.waitUntil(description: "the filter to apply") { $0.contains("filter") || $0.contains(coachee) }
        session.send("e")
        try session.waitFor("Edit coaching — \(coachee)")

        // Objectives are the ninth field; the done one shows its ✓.
        for _ in 0..<8 { session.send("Tab") }
        try session.waitFor("› ")
        for _ in 0..<objectiveIndex { session.send("Down") }
        session.send("End")
        session.type(" every week")
        try session.waitFor("every week")
        #expect(session.screenText().contains("✓"), "a done objective shows ✓:\n\(session.screenText())")

        // Metrics: rename by deleting the old name from the start of the line.
        session.send("Tab")
        for _ in 0..<metricIndex { session.send("Down") }
        session.send("Home")
        for _ in 0..<metric.name.count { session.send("DC") }
        session.type("Renamed")
        try session.waitFor("Renamed |")
        session.send("C-s")
        try session.waitFor("Saved: Edited coaching for \(coachee)")

        let after = try Self.load(folder)
        #expect(after.files[RecordRef(kind: .coaching, id: engagement.id)] == file)
        let saved = try #require(after.snapshot.engagements.first { $0.id == engagement.id })
        #expect(saved.objectives.count == engagement.objectives.count)
        #expect(saved.objectives[objectiveIndex] == Objective(id: objective.id, text: objective.text + " every week", doneOn: objective.doneOn))
        let renamed = saved.metrics[metricIndex]
        #expect(renamed.id == metric.id && renamed.name == "Renamed")
        #expect(renamed.readings == metric.readings, "the readings are kept")
        #expect(renamed.unit == metric.unit && renamed.baseline == metric.baseline && renamed.target == metric.target
                && renamed.direction == metric.direction)
        #expect(saved.sessions == engagement.sessions)
        // In the file itself: the objective's id and doneOn, the readings under the new name.
        let text = folder.text(file)
        #expect(text.contains("\"doneOn\" : \"\(objective.doneOn!.iso)\""))
        #expect(text.contains(objective.id.uuidString))
        #expect(text.contains("\"name\" : \"Renamed\""))

        // Saving the form again without a change leaves the bytes as they are.
        let bytes = folder.read(file)
        session.send("e")
        try session.waitFor("Edit coaching — \(coachee)")
        session.send("C-s")
        try session.waitFor("No changes")
        #expect(folder.read(file) == bytes)
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    /// The dashboard on `folder`, at 80x24.
    static func dashboard(_ folder: CLIFolder) throws -> TmuxSession {
        try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                        width: 80, height: 24, environment: DashboardE2ETests.environment(folder))
    }

    static func drafts(_ folder: CLIFolder) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path("drafts"))) ?? []
    }

    @Test func aDraftOfAnEditFormKeepsItemIDsAndADiscardedOneDoesNotComeBack() throws {
        let folder = CLIFolder.demo()
        let before = try Self.load(folder)
        let engagement = try #require(before.snapshot.engagements.first { e in
            e.status == .active && e.objectives.first?.doneOn != nil
        })
        let coachee = try #require(before.snapshot.people.first { $0.id == engagement.coacheeID }?.name)
        let file = try #require(before.files[RecordRef(kind: .coaching, id: engagement.id)])
        let original = folder.read(file)

        /// Opens the engagement's form, rewords its first (done) objective, and sends SIGTERM.
        func rewordAndTerminate(_ words: String) throws {
            let session = try Self.dashboard(folder)
            defer { session.kill() }
            try session.waitFor("Coaching ·")
            session.send("/")
            session.type(coachee)
            session.send("Enter")
            session.send("e")
            try session.waitFor("Edit coaching — \(coachee)")
            for _ in 0..<8 { session.send("Tab") }
            session.send("End")
            session.type(words)
            try session.waitFor(words)
            let pid = try #require(session.pid())
            #expect(kill(pid, SIGTERM) == 0)
            #expect(try session.waitForExit() == 0)
        }

        // A draft, discarded at the next start: it is deleted and does not come back.
        try rewordAndTerminate(" (first)")
        #expect(Self.drafts(folder).count == 1)
        do {
            let session = try Self.dashboard(folder)
            defer { session.kill() }
            try session.waitFor("Restored your unsaved draft")
            session.send("Escape")
            try session.waitFor("Discard?")
            session.send("y")
            try session.waitFor("Discarded")
            session.send("q")
            #expect(try session.waitForExit() == 0)
        }
        #expect(Self.drafts(folder).isEmpty, "a discarded draft is deleted")
        #expect(folder.read(file) == original)
        do {
            let session = try Self.dashboard(folder)
            defer { session.kill() }
            try session.waitFor("Coaching ·")
            #expect(!session.screenText().contains("Restored"))
            session.send("q")
            #expect(try session.waitForExit() == 0)
        }

        // A draft restored and saved: the objective keeps its id and doneOn.
        try rewordAndTerminate(" (draft two)")
        let draft = try #require(Self.drafts(folder).first)
        // Drafts are sealed to the identity: the restored save below shows the item's id is kept.
        #expect(folder.text("drafts/\(draft)").contains("\"sealed\""), "the draft is sealed")
        #expect(!folder.text("drafts/\(draft)").contains("(draft two)"))
        do {
            let session = try Self.dashboard(folder)
            defer { session.kill() }
            try session.waitFor("Restored your unsaved draft")
            session.send("C-s")
            try session.waitFor("Saved: Edited coaching for \(coachee)")
            session.send("q")
            #expect(try session.waitForExit() == 0)
        }
        let saved = try #require(try Self.load(folder).snapshot.engagements.first { $0.id == engagement.id })
        var expected = engagement
        expected.objectives[0].text += " (draft two)"
        #expect(saved == expected)
        #expect(Self.drafts(folder).isEmpty)
    }
}
