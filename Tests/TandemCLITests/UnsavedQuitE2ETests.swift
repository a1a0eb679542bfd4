import Foundation
import Testing

/// Ctrl-C with a version the dashboard could not save: the shell is told where it is kept, and
/// the next start offers it back; `:w` then saves it and its drafts go.
@Suite("Quitting with an unsaved version, end to end (tmux)", .serialized)
struct UnsavedQuitE2ETests {
    @Test func ctrlCKeepsTheUnsavedSessionAndTheNextStartOffersItBack() throws {
        let folder = CLIFolder.demo()
        let fm = FileManager.default
        // Every coaching file is a link to a copy outside the data folder: the store refuses to
        // replace a link, so the save fails the way a full disk makes it fail.
        let coaching = folder.data.appendingPathComponent("coaching"), outside = folder.url.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let names = try fm.contentsOfDirectory(atPath: coaching.path).filter { $0.hasSuffix(".json") }
        for name in names {
            try fm.moveItem(at: coaching.appendingPathComponent(name), to: outside.appendingPathComponent(name))
            try fm.createSymbolicLink(at: coaching.appendingPathComponent(name), withDestinationURL: outside.appendingPathComponent(name))
        }
        let stderr = folder.url.appendingPathComponent("stderr")
        let script = "\"$0\" --data-dir \"$1\" 2>\"$2\""
        let session = try TmuxSession(command: ["/bin/sh", "-c", script, try DashboardE2ETests.binary(), folder.data.path, stderr.path],
                                      width: 120, height: 40, environment: DashboardE2ETests.environment(folder))
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        let note = "Typed while the file could not be written \(UUID().uuidString.prefix(6))"
        session.send("l")
        try session.waitFor("Log session")
        session.type(note)
        session.send("C-s")
        try session.waitFor("kept on screen, unsaved")
        session.send("C-c")
        #expect(try session.waitForExit() == 1)
        let said = try String(contentsOf: stderr, encoding: .utf8)
        #expect(said.contains("tandem: not saved: your version of ") && said.contains("is kept in drafts/unsaved-coaching-")
                && said.contains("the dashboard offers it back when it next starts"), "\(said)")
        #expect(!folder.openedText().contains(note), "nothing was written to the records")

        // The links go (the files are put back in place); the next start offers the version back.
        for name in names {
            try fm.removeItem(at: coaching.appendingPathComponent(name))
            try fm.moveItem(at: outside.appendingPathComponent(name), to: coaching.appendingPathComponent(name))
        }
        let again = try TmuxSession(command: [try DashboardE2ETests.binary(), "--data-dir", folder.data.path],
                                    width: 120, height: 40, environment: DashboardE2ETests.environment(folder))
        defer { again.kill() }
        try again.waitFor("Back from an earlier run, unsaved: your version of")
        again.send(":")
        again.type("w")
        again.send("Enter")
        try again.waitFor("Saved: your version of")
        #expect(folder.openedText().contains(note))
        let drafts = (try? fm.contentsOfDirectory(atPath: folder.data.appendingPathComponent("drafts").path)) ?? []
        #expect(drafts.isEmpty, "\(drafts)")
        again.send("q")
        #expect(try again.waitForExit() == 0)
        #expect(folder.run(["check"]).status == 0)
    }
}
