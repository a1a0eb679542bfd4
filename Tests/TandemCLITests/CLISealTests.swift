import Foundation
import Testing

/// Identities and sealed private notes from the command line: `tandem identity …`, `log` of each
/// tier, what each identity (or none) sees, exports, and a git remote that never holds the text.
@Suite(.serialized) struct CLISealTests {
    static let secret = "She cried about the reorg; salary talk next"

    /// Every file under `dir` whose bytes hold `text`.
    static func filesHolding(_ text: String, under dir: URL) -> [String] {
        var found: [String] = []
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return found }
        while let rel = e.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: dir.appendingPathComponent(rel).path),
               data.range(of: Data(text.utf8)) != nil { found.append(rel) }
        }
        return found.sorted()
    }

    /// A config folder with no identity in it.
    static func emptyConfig(_ folder: CLIFolder, _ name: String = "no-identity") -> [String: String] {
        let dir = folder.url.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return ["XDG_CONFIG_HOME": dir.path]
    }

    @Test func identityNewShowAndItsFile() throws {
        let folder = CLIFolder()
        let env = Self.emptyConfig(folder, "cfg")
        let made = CLI.run(["identity", "new", "--name", "Ana", "--no-passphrase"], env: env)
        #expect(made.status == 0, "\(made.stderr)")
        let file = folder.url.appendingPathComponent("cfg/tandem/identity")
        var st = stat()
        stat(file.path, &st); #expect(st.st_mode & 0o777 == 0o600)
        stat(file.deletingLastPathComponent().path, &st); #expect(st.st_mode & 0o777 == 0o700)
        let show = CLI.run(["identity", "show"], env: env)
        #expect(show.status == 0)
        let print = try #require(show.stdout.split(separator: "\n").first { $0.hasPrefix("fingerprint") }).split(separator: " ").last.map(String.init)
        #expect(print?.count == 19 && made.stdout.contains(print ?? "?"))
        #expect(show.stdout.contains("passphrase  no"))
        let before = try Data(contentsOf: file)
        let again = CLI.run(["identity", "new", "--no-passphrase"], env: env)
        #expect(again.status == 1 && again.stderr.contains("already holds an identity"))
        #expect(try Data(contentsOf: file) == before)
        let none = CLI.run(["identity", "show"], env: Self.emptyConfig(folder))
        #expect(none.status == 1 && none.stderr.contains("run `tandem identity new`"))
    }

    @Test func aPrivateNoteIsSealedOpensForItsAuthorAndStaysOutOfExports() throws {
        let folder = CLIFolder.demo()
        let log = folder.run(["log", "--record", "coaching:", "--minutes", "45", "--note", Self.secret,
                              "--topics", "reorg-topic-xyz", "--action", "Quietly check the band"])
        guard log.status == 0 else {
            // "coaching:" may be ambiguous: take the first open engagement by id.
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "coaching", "--json"]).stdout.utf8)) as? [[String: Any]])
            let id = String(try #require(rows.first?["id"] as? String).prefix(8))
            let retry = folder.run(["log", "--record", id, "--minutes", "45", "--note", Self.secret,
                                    "--topics", "reorg-topic-xyz", "--action", "Quietly check the band"])
            try #require(retry.status == 0, "\(retry.stderr)")
            try checkSealed(folder, ref: id)
            return
        }
        Issue.record("expected an ambiguous reference; \(log.stdout)")
    }

    private func checkSealed(_ folder: CLIFolder, ref: String) throws {
        // `status` writes its cache in the data folder: that is searched too.
        #expect(folder.run(["status"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.data.appendingPathComponent(".cache").path))
        for text in [Self.secret, "reorg-topic-xyz", "Quietly check the band"] {
            #expect(Self.filesHolding(text, under: folder.data) == [], "\(text)")
        }
        // The author opens it: the brief and an export that asks for private notes.
        let prep = folder.run(["prep", ref])
        #expect(prep.stdout.contains(Self.secret), "\(prep.stdout)")
        let md = folder.run(["export", "--format", "md", "--record", ref, "--include-private"])
        #expect(md.stdout.contains(Self.secret))
        // No export without --include-private holds it, in any format.
        for args in [["--format", "json"], ["--format", "csv", "--kind", "sessions"], ["--format", "md"], ["--format", "ics"]] {
            let out = folder.run(["export"] + args)
            #expect(out.status == 0, "\(args): \(out.stderr)")
            #expect(!out.stdout.contains(Self.secret), "\(args)")
        }
        // Someone without the identity sees it sealed, and the store still loads and lists.
        let other = Self.emptyConfig(folder)
        let shut = folder.run(["prep", ref], env: other)
        #expect(shut.status == 0)
        #expect(shut.stdout.contains("sealed (for Test Leader)"), "\(shut.stdout)")
        #expect(!shut.stdout.contains(Self.secret))
        let all = folder.run(["export", "--format", "json", "--include-private"], env: other)
        #expect(all.status == 0 && !all.stdout.contains(Self.secret) && all.stdout.contains("sealed (for Test Leader)"))
        #expect(folder.run(["list", "coaching"], env: other).status == 0)
        #expect(folder.run(["check"], env: other).status == 0)
    }

    @Test func withoutAnIdentityAPrivateNoteIsRefusedAndASharedOneIsNot() throws {
        let folder = CLIFolder.demo()
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "coaching", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        let env = Self.emptyConfig(folder)
        let before = Self.filesHolding("\"minutes\"", under: folder.data).map { ($0, FileManager.default.contents(atPath: folder.data.appendingPathComponent($0).path)) }
        for tier in [[], ["--partners"]] {
            let r = folder.run(["log", "--record", id, "--minutes", "30", "--note", Self.secret] + tier, env: env)
            #expect(r.status == 1)
            #expect(r.stderr.contains("not logged: private notes are sealed to your identity"), "\(r.stderr)")
            #expect(r.stderr.contains("tandem identity new"))
        }
        for (rel, data) in before { #expect(FileManager.default.contents(atPath: folder.data.appendingPathComponent(rel).path) == data, "\(rel)") }
        #expect(Self.filesHolding(Self.secret, under: folder.data) == [])
        let shared = folder.run(["log", "--record", id, "--minutes", "30", "--note", "Shared with them", "--shared"], env: env)
        #expect(shared.status == 0, "\(shared.stderr)")
    }

    @Test func aDamagedSealedValueIsNamedAndLeftAsItIs() throws {
        let folder = CLIFolder.demo()
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "mentoring", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        let file = try #require(rows.first?["file"] as? String)
        #expect(folder.run(["log", "--record", id, "--minutes", "30", "--note", CLISealTests.secret]).status == 0)
        let text = folder.text(file)
        let box = try #require(text.range(of: "\"box\" : \""))
        var damaged = text
        damaged.replaceSubrange(box.upperBound..<damaged.index(box.upperBound, offsetBy: 6), with: "AAAAAA")
        try Data(damaged.utf8).write(to: folder.data.appendingPathComponent(file))
        let prep = folder.run(["prep", id])
        #expect(prep.status == 0)
        #expect(prep.stderr.contains("\(file): the session of \(CLI.today): the sealed value is damaged"), "\(prep.stderr)")
        #expect(prep.stdout.contains("sealed (for Test Leader)"))
        #expect(folder.text(file) == damaged, "reading rewrites nothing")
        #expect(folder.run(["log", "--record", id, "--minutes", "20", "--note", "Shared later", "--shared"]).status == 0)
        #expect(CLISealTests.sealedBlocks(folder.text(file)) == CLISealTests.sealedBlocks(damaged))
    }

    @Test func aPassphraseFromTheEnvironmentAndAWrongOne() throws {
        let folder = CLIFolder.demo()
        let env = Self.emptyConfig(folder, "cfg")
        #expect(CLI.run(["identity", "new", "--name", "Ana"], env: env.merging(["TANDEM_PASSPHRASE": "tulip garden"]) { $1 }).status == 0)
        let file = try String(contentsOf: folder.url.appendingPathComponent("cfg/tandem/identity"), encoding: .utf8)
        #expect(file.contains("\"kdf\" : \"scrypt\"") && !file.contains("privateKey"))
        #expect(CLI.run(["identity", "show"], env: env).stdout.contains("passphrase  yes"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "mentoring", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        let right = env.merging(["TANDEM_PASSPHRASE": "tulip garden"]) { $1 }
        #expect(folder.run(["log", "--record", id, "--minutes", "30", "--note", Self.secret], env: right).status == 0)
        #expect(folder.run(["prep", id], env: right).stdout.contains(Self.secret))
        let wrong = env.merging(["TANDEM_PASSPHRASE": "tulip"]) { $1 }
        let denied = folder.run(["prep", id], env: wrong)
        #expect(denied.status == 0)
        #expect(denied.stderr.contains("the passphrase does not open the identity"), "\(denied.stderr)")
        #expect(denied.stdout.contains("sealed (for Ana)") && !denied.stdout.contains(Self.secret))
        let refused = folder.run(["log", "--record", id, "--minutes", "30", "--note", "more"], env: wrong)
        #expect(refused.status == 1 && refused.stderr.contains("not logged"))
        // Locked with no passphrase given (no terminal): the same, never a hang.
        #expect(folder.run(["prep", id], env: env).stdout.contains("sealed (for Ana)"))
    }

    @Test func partnersNotesBetweenTwoIdentities() throws {
        let folder = CLIFolder.demo()
        let ann = Self.emptyConfig(folder, "ann")
        let ben = Self.emptyConfig(folder, "ben")
        #expect(CLI.run(["identity", "new", "--name", "Ann", "--no-passphrase"], env: ann).status == 0)
        #expect(CLI.run(["identity", "new", "--name", "Ben", "--no-passphrase"], env: ben).status == 0)
        for env in [ann, ben] {
            let r = folder.run(["identity", "add-to-store"], env: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let agency = try String(contentsOf: folder.data.appendingPathComponent("tandem.json"), encoding: .utf8)
        #expect(agency.contains("\"leaders\"") && agency.contains("\"Ann\"") && agency.contains("\"Ben\""))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "mentoring", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        #expect(folder.run(["log", "--record", id, "--minutes", "30", "--note", "Ann alone"], env: ann).status == 0)
        #expect(folder.run(["log", "--record", id, "--minutes", "31", "--note", "For both partners", "--partners"], env: ann).status == 0)
        #expect(Self.filesHolding("Ann alone", under: folder.data) == [] && Self.filesHolding("For both partners", under: folder.data) == [])
        let byBen = folder.run(["export", "--format", "md", "--record", id, "--include-private"], env: ben).stdout
        #expect(byBen.contains("For both partners") && !byBen.contains("Ann alone") && byBen.contains("sealed (for Ann)"), "\(byBen)")
        let byAnn = folder.run(["export", "--format", "md", "--record", id, "--include-private"], env: ann).stdout
        #expect(byAnn.contains("For both partners") && byAnn.contains("Ann alone"))
    }

    @Test func sealExistingCountsSealsAndSpeaksOfGitHistory() throws {
        let folder = CLIFolder.demo()
        let dry = folder.run(["identity", "seal-existing", "--dry-run"])
        #expect(dry.status == 0)
        let count = try #require(Int(dry.stdout.prefix { $0.isNumber }))
        #expect(count > 0, "\(dry.stdout)")
        #expect(dry.stdout.contains("would be sealed (nothing was changed)") && dry.stdout.contains("filter-repo"))
        let before = folder.run(["export", "--format", "json", "--include-private"]).stdout
        let sealed = folder.run(["identity", "seal-existing"])
        #expect(sealed.status == 0 && sealed.stdout.contains("Sealed \(count) private note"), "\(sealed.stdout) \(sealed.stderr)")
        #expect(sealed.stdout.contains("Git history"))
        #expect(folder.run(["identity", "seal-existing", "--dry-run"]).stdout.hasPrefix("0 private notes"))
        // What the identity opens is what was there before, word for word.
        let after = folder.run(["export", "--format", "json", "--include-private"]).stdout
        #expect(Self.withoutSealed(after) == Self.withoutSealed(before))
        let noIdentity = folder.run(["identity", "seal-existing"], env: Self.emptyConfig(folder))
        #expect(noIdentity.status == 1 && noIdentity.stderr.contains("tandem identity new"))
    }

    /// The `"sealed" : { … }` blocks of a file, line for line.
    static func sealedBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        var depth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if depth == 0, line.contains("\"sealed\" : {") { depth = 1; current = [line]; continue }
            guard depth > 0 else { continue }
            current.append(line)
            depth += line.filter { $0 == "{" || $0 == "[" }.count - line.filter { $0 == "}" || $0 == "]" }.count
            if depth == 0 { blocks.append(current.joined(separator: "\n")) }
        }
        return blocks
    }

    /// An export's JSON without the `sealed` values (ciphertext), to compare what it says.
    static func withoutSealed(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).reduce(into: (out: [Substring](), depth: 0)) { acc, line in
            if acc.depth > 0 {
                acc.depth += line.filter { $0 == "{" || $0 == "[" }.count - line.filter { $0 == "}" || $0 == "]" }.count
                return
            }
            if line.contains("\"sealed\" : {") { acc.depth = 1; return }
            acc.out.append(line)
        }.out.joined(separator: "\n")
    }
}

/// Sealed notes through `tandem sync`: git objects never hold the text, and a clone without the
/// identity still loads, lists, logs shared sessions and syncs, leaving the sealed values whole.
@Suite(.serialized) struct CLISealSyncTests {
    @Test func gitObjectsNeverHoldThePrivateTextAndACloneWithoutTheIdentitySyncs() throws {
        let team = try CLISyncTests.Team()
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(team.tandem(team.a, ["list", "mentoring", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        #expect(team.tandem(team.a, ["identity", "seal-existing"]).status == 0)
        let log = team.tandem(team.a, ["log", "--record", id, "--minutes", "40", "--note", CLISealTests.secret])
        #expect(log.status == 0, "\(log.stderr)")
        let sync = team.tandem(team.a, ["sync"])
        #expect(sync.status == 0, "\(sync.stderr)")
        for repo in [team.a, team.remote] {
            let objects = team.git(["cat-file", "--batch-all-objects", "--batch"], in: repo).out
            #expect(!objects.isEmpty)
            #expect(!objects.contains(CLISealTests.secret), "\(repo.lastPathComponent)")
        }
        // B has no identity: it sees the note sealed, and everything else goes on.
        let other = CLISealTests.emptyConfig(team.root)
        func b(_ args: [String]) -> (status: Int32, stdout: String, stderr: String) {
            CLI.run(args + ["--data-dir", team.b.path], env: team.env.merging(other) { $1 })
        }
        #expect(b(["sync"]).status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: team.b.appendingPathComponent("mentoring").path)
            .first { $0.contains(id.lowercased()) })
        let file = "mentoring/\(name)"
        let sealedBefore = CLISealTests.sealedBlocks(team.text(team.b, file))
        #expect(sealedBefore.count > 1)
        #expect(b(["list", "mentoring"]).status == 0)
        let prep = b(["prep", id])
        #expect(prep.status == 0 && prep.stdout.contains("sealed (for Test Leader)") && !prep.stdout.contains(CLISealTests.secret))
        #expect(b(["log", "--record", id, "--minutes", "20", "--note", "Shared from B", "--shared"]).status == 0)
        let syncB = b(["sync"])
        #expect(syncB.status == 0, "\(syncB.stderr)")
        #expect(CLISealTests.sealedBlocks(team.text(team.b, file)) == sealedBefore)
        // A gets B's session and still opens its own note.
        #expect(team.tandem(team.a, ["sync"]).status == 0)
        let md = team.tandem(team.a, ["export", "--format", "md", "--record", id, "--include-private"]).stdout
        #expect(md.contains("Shared from B") && md.contains(CLISealTests.secret))
    }
}

/// The dashboard without an identity: a private note is refused on the form (and kept there),
/// shared goes through, and a note sealed by someone else shows as sealed in the detail.
@Suite(.serialized) struct SealedDashboardE2ETests {
    @Test func withoutAnIdentityTheFormRefusesAPrivateNoteAndSealedOnesShowAsSealed() throws {
        let folder = CLIFolder.demo()
        // The first engagement gets a private note sealed to the test identity.
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "coaching", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        #expect(folder.run(["log", "--record", id, "--minutes", "30", "--note", CLISealTests.secret]).status == 0)
        var env = CLISealTests.emptyConfig(folder)
        env["TANDEM_TODAY"] = CLI.today
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: env)
        defer { session.kill() }
        try session.waitFor("Mentoring ·")
        let typed = "Typed without an identity \(UUID().uuidString.prefix(6))"
        session.send("l")
        try session.waitFor("Log session")
        session.type(typed)
        session.send("C-s")
        try session.waitFor("not saved: private notes are sealed to your identity")
        #expect(session.screenText().contains(typed), "the typed note stays on the form")
        #expect(CLISealTests.filesHolding(typed, under: folder.data) == [])
        session.send("Space")
        session.send("C-s")
        try session.waitFor("Saved: Logged")
        #expect(CLISealTests.filesHolding(typed, under: folder.data).count == 1)
        // The note sealed for the test identity shows as sealed in the record's detail.
        session.send("Enter")
        let detail = try session.waitFor("sealed (for Test Leader)")
        #expect(!detail.contains(CLISealTests.secret))
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}

/// The passphrase is asked at the terminal, twice, and never shown.
@Suite(.serialized) struct PassphrasePromptE2ETests {
    @Test func identityNewAsksForThePassphraseWithoutEcho() throws {
        let folder = CLIFolder()
        let env = CLISealTests.emptyConfig(folder, "cfg")
        let session = try TmuxSession(command: [try CLI.located.get().path, "identity", "new", "--name", "Ana"],
                                      width: 100, height: 20, environment: env)
        defer { session.kill() }
        try session.waitFor("New passphrase:")
        session.type("violet harbour 42")
        session.send("Enter")
        try session.waitFor("The same again:")
        session.type("violet harbour 42")
        session.send("Enter")
        let screen = try session.waitFor("Made an identity for Ana")
        #expect(!screen.contains("violet"), "the passphrase was echoed: \(screen)")
        #expect(try session.waitForExit() == 0)
        let file = try String(contentsOf: folder.url.appendingPathComponent("cfg/tandem/identity"), encoding: .utf8)
        #expect(file.contains("\"kdf\" : \"scrypt\"") && !file.contains("privateKey") && !file.contains("violet"))
        // It opens with that passphrase and not another.
        let demo = CLIFolder.demo()
        let wrong = CLI.run(["identity", "seal-existing"] + demo.dataDir, env: env.merging(["TANDEM_PASSPHRASE": "violet"]) { $1 })
        #expect(wrong.status == 1 && wrong.stderr.contains("the passphrase does not open the identity"), "\(wrong.stderr)")
        let ok = CLI.run(["identity", "seal-existing"] + demo.dataDir, env: env.merging(["TANDEM_PASSPHRASE": "violet harbour 42"]) { $1 })
        #expect(ok.status == 0 && ok.stdout.hasPrefix("Sealed "), "\(ok.stderr)")
    }
}

/// The dashboard with a passphrase-protected identity asks for it before the screen opens.
@Suite(.serialized) struct DashboardPassphraseE2ETests {
    @Test func theDashboardAsksForThePassphraseThenOpensTheNotes() throws {
        let folder = CLIFolder.demo()
        var env = CLISealTests.emptyConfig(folder, "cfg")
        let withPassphrase = env.merging(["TANDEM_PASSPHRASE": "amber fox"]) { $1 }
        #expect(CLI.run(["identity", "new", "--name", "Ana"], env: withPassphrase).status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(folder.run(["list", "coaching", "--json"]).stdout.utf8)) as? [[String: Any]])
        let id = String(try #require(rows.first?["id"] as? String).prefix(8))
        #expect(folder.run(["log", "--record", id, "--minutes", "30", "--note", CLISealTests.secret], env: withPassphrase).status == 0)
        env["TANDEM_TODAY"] = CLI.today
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: env)
        defer { session.kill() }
        try session.waitFor("Passphrase for your Tandem identity:")
        session.type("wrong one")
        session.send("Enter")
        try session.waitFor("try again")
        session.type("amber fox")
        session.send("Enter")
        let dashboard = try session.waitFor("Mentoring ·")
        #expect(!dashboard.contains("amber fox") && !dashboard.contains("wrong one"))
        session.send("Enter")
        try session.waitFor(String(CLISealTests.secret.prefix(30)))
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aLockedIdentityLeftLockedSaysSoInTheStatusLine() throws {
        let folder = CLIFolder.demo()
        var env = CLISealTests.emptyConfig(folder, "cfg")
        #expect(CLI.run(["identity", "new", "--name", "Ana"], env: env.merging(["TANDEM_PASSPHRASE": "amber fox"]) { $1 }).status == 0)
        env["TANDEM_TODAY"] = CLI.today
        env["TANDEM_PASSPHRASE"] = "not it"
        let session = try TmuxSession(command: [try CLI.located.get().path, "--data-dir", folder.data.path],
                                      width: 120, height: 40, environment: env)
        defer { session.kill() }
        try session.waitFor("Private notes stay sealed: the passphrase does not open the identity")
        session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}
