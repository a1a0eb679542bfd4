import Foundation
import Testing

/// `tandem sync` between two clones of a local bare repository. git's global and system
/// configuration are kept out (`GIT_CONFIG_GLOBAL=/dev/null`, `GIT_CONFIG_NOSYSTEM`); each
/// clone names its author in its own `.git/config`.
@Suite(.serialized) struct CLISyncTests {
    /// A bare remote and two leaders' data folders, A (the first, from a demo) and B (its clone).
    final class Team {
        let root = CLIFolder()
        var remote: URL { root.url.appendingPathComponent("remote.git") }
        var a: URL { root.url.appendingPathComponent("a") }
        var b: URL { root.url.appendingPathComponent("b") }
        var env: [String: String] {
            ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": root.url.path]
        }

        init() throws {
            try #require(git(["init", "--quiet", "--bare", "-b", "main", remote.path], in: root.url).status == 0)
            let demo = CLI.run(["demo", "--data-dir", a.path, "--people", "10", "--engagements", "4",
                                "--relationships", "3", "--sessions", "20"], env: env)
            try #require(demo.status == 0, "\(demo.stderr)")
            try #require(git(["init", "--quiet", "-b", "main"], in: a).status == 0)
            author(a, "Ann")
            let initA = tandem(a, ["sync", "--init", remote.path])
            try #require(initA.status == 0, "sync --init: \(initA.stderr)")
            let initB = tandem(b, ["sync", "--init", remote.path])
            try #require(initB.status == 0, "sync --init (clone): \(initB.stderr)")
            author(b, "Ben")
        }

        func author(_ dir: URL, _ name: String) {
            _ = git(["config", "user.name", name], in: dir)
            _ = git(["config", "user.email", "\(name.lowercased())@example.com"], in: dir)
        }

        func tandem(_ dir: URL, _ args: [String]) -> (status: Int32, stdout: String, stderr: String) {
            CLI.run(args + ["--data-dir", dir.path], env: env)
        }

        @discardableResult
        func git(_ args: [String], in dir: URL) -> (status: Int32, out: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", dir.path] + args
            var e = ProcessInfo.processInfo.environment
            for (k, v) in env { e[k] = v }
            p.environment = e
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try? p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        /// The first open coaching engagement's id prefix and file.
        func coaching() throws -> (ref: String, file: String) {
            let r = tandem(a, ["list", "coaching", "--json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            let id = String(try #require(rows.first?["id"] as? String).prefix(8)).lowercased()
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("coaching").path)
                .first { $0.contains(id) })
            return (id, "coaching/\(file)")
        }

        func text(_ dir: URL, _ rel: String) -> String {
            String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent(rel).path) ?? Data(), as: UTF8.self)
        }

        func replace(_ dir: URL, _ rel: String, _ old: String, _ new: String) throws {
            let url = dir.appendingPathComponent(rel)
            let t = text(dir, rel)
            try #require(t.contains(old), "\(rel) lacks \(old)")
            try Data(t.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
    }

    @Test func initSetsUpIgnoresAttributesAndTheMergeDriver() throws {
        let team = try Team()
        for dir in [team.a, team.b] {
            let ignore = team.text(dir, ".gitignore")
            for line in [".lock", "drafts/", ".*.tmp"] { #expect(ignore.contains(line + "\n"), "\(dir.lastPathComponent) .gitignore lacks \(line)") }
            #expect(team.text(dir, ".gitattributes").contains("coaching/*.json merge=tandem\n"))
            let driver = team.git(["config", "--local", "merge.tandem.driver"], in: dir).out
            #expect(driver.contains("merge-driver %O %A %B %P"), "\(driver)")
        }
        #expect(team.text(team.a, "tandem.json") == team.text(team.b, "tandem.json"))
        #expect(team.git(["ls-files", ".lock"], in: team.b).out.isEmpty)
    }

    @Test func differentRecordsMergeAndTheMessageSaysWhatChanged() throws {
        let team = try Team()
        let rows = try JSONSerialization.jsonObject(with: Data(team.tandem(team.a, ["list", "mentoring", "--json"]).stdout.utf8)) as? [[String: Any]]
        let mentoring = String(try #require(rows?.first?["id"] as? String).prefix(8))
        let (coaching, file) = try team.coaching()
        #expect(team.tandem(team.a, ["log", "--record", coaching, "--minutes", "30", "--note", "from A", "--date", "-1d", "--shared"]).status == 0)
        #expect(team.tandem(team.b, ["log", "--record", mentoring, "--minutes", "45", "--note", "from B", "--date", "-1d", "--shared"]).status == 0)
        let syncA = team.tandem(team.a, ["sync"])
        #expect(syncA.status == 0, "\(syncA.stderr)")
        #expect(syncA.stdout.contains("1 session logged"))
        let syncB = team.tandem(team.b, ["sync"])
        #expect(syncB.status == 0, "\(syncB.stderr)")
        #expect(syncB.stdout.contains("came in: 1 record file (\(file))"))
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        #expect(team.text(team.a, file) == team.text(team.b, file))
        #expect(team.text(team.a, file).contains("from A"))
        let log = team.git(["log", "--format=%s", "-3"], in: team.a).out
        #expect(log.contains("(coaching): 1 session logged"), "\(log)")
        #expect(log.contains("(mentoring): 1 session logged"), "\(log)")
        #expect(team.tandem(team.b, ["check"]).status == 0)
    }

    @Test func sessionsLoggedOnOneRecordByBothAreBothKept() throws {
        let team = try Team()
        let (ref, file) = try team.coaching()
        #expect(team.tandem(team.a, ["log", "--record", ref, "--minutes", "30", "--note", "Ann's session", "--date", "-1d", "--shared"]).status == 0)
        #expect(team.tandem(team.b, ["log", "--record", ref, "--minutes", "40", "--note", "Ben's session", "--date", "-2d", "--shared"]).status == 0)
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        let syncB = team.tandem(team.b, ["sync"])
        #expect(syncB.status == 0, "\(syncB.stderr)")
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        for dir in [team.a, team.b] {
            let t = team.text(dir, file)
            #expect(t.contains("Ann's session") && t.contains("Ben's session"), "\(dir.lastPathComponent) lost a session")
        }
        #expect(team.text(team.a, file) == team.text(team.b, file))
        #expect(team.tandem(team.a, ["check"]).status == 0)
    }

    @Test func theSameFieldChangedBothWaysStopsKeepsTheLocalEditAndSaysHowToFinish() throws {
        let team = try Team()
        let (ref, file) = try team.coaching()
        let focusLine = try #require(team.text(team.a, file).split(separator: "\n").first { $0.contains("\"focus\"") })
        try team.replace(team.a, file, String(focusLine), "  \"focus\" : \"Ann's focus\",")
        try team.replace(team.b, file, String(focusLine), "  \"focus\" : \"Ben's focus\",")
        #expect(team.tandem(team.b, ["log", "--record", ref, "--minutes", "20", "--note", "Ben's session", "--date", "-1d", "--shared"]).status == 0)
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        let stopped = team.tandem(team.b, ["sync"])
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("sync stopped"))
        #expect(stopped.stderr.contains("\(file) ("))
        #expect(stopped.stderr.contains("focus: yours \"Ben's focus\", theirs \"Ann's focus\""), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("run tandem sync again"))
        // The local edit is kept, and nothing of either side is lost.
        let kept = team.text(team.b, file)
        #expect(kept.contains("\"focus\" : \"Ben's focus\""))
        #expect(kept.contains("Ben's session"))
        #expect(team.tandem(team.b, ["check"]).status == 0)
        // Finishing: B keeps theirs and runs sync again; A gets it.
        let finish = team.tandem(team.b, ["sync"])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(finish.stdout.contains("finished the stopped sync"))
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        #expect(team.text(team.a, file).contains("\"focus\" : \"Ben's focus\""))
        #expect(team.text(team.a, file).contains("Ben's session"))
    }

    @Test func syncWithoutARepositorySaysWhatToDo() throws {
        let folder = CLIFolder.demo()
        let r = folder.run(["sync"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("run tandem sync --init REMOTE first"))
    }
}
