import Foundation
import TandemCore

/// Team sync through git (DESIGN.md §3): the data folder is a git repository; `sync` commits the
/// changed record files with a message saying what changed, pulls with rebase and pushes. Record
/// files merge through Tandem's own merge driver, so two leaders who each logged a session on one
/// record both keep theirs; only the same field changed both ways stops the sync, with the
/// leader's own value kept in the file.
public struct TeamSync {
    public let root: URL
    public let git: Git
    /// The `tandem` executable git runs as the merge driver.
    public let tandemPath: String

    public init(root: URL, tandemPath: String, environment: [String: String] = [:]) {
        self.root = root
        self.git = Git(folder: root, environment: environment)
        self.tandemPath = tandemPath
    }

    /// Which record files merge with Tandem's driver.
    public static let attributeLines = RecordKind.allCases.map { "\($0.rawValue)/*.json merge=tandem" }

    /// What a sync did.
    public struct Report: Equatable, Sendable {
        /// The commit message of the local changes, when there were any.
        public var committed: String?
        /// Record files that came in from the others.
        public var incoming: [String]
        public var pushed: Bool
    }

    /// A record file the sync stopped on.
    public struct Conflict: Equatable, Sendable {
        public var file: String
        /// "Ana Lima — Client pitches".
        public var label: String
        /// Each field changed both ways: `ours` is the leader's value (kept in the file), `theirs` the other's.
        public var fields: [FieldConflict]
        /// When the file cannot be read as a record (a hand edit in the middle): why.
        public var unreadable: String?
    }

    public enum Outcome: Equatable, Sendable {
        case synced(Report)
        case stopped([Conflict])

        /// One line for a status bar: "Synced: 2 records came in, yours pushed" or what stopped it.
        public var oneLine: String {
            switch self {
            case .synced(let r):
                let came = r.incoming.isEmpty ? "nothing came in" : "\(r.incoming.count) record file\(r.incoming.count == 1 ? "" : "s") came in"
                return "Synced: " + (r.committed == nil ? "nothing to commit" : "your changes committed") + ", \(came), pushed"
            case .stopped(let conflicts):
                let what = conflicts.flatMap { c in c.fields.isEmpty ? ["\(c.file): \(c.unreadable ?? "conflict")"]
                    : c.fields.map { "\(c.label): \($0.path)" } }
                return "Sync stopped, changed both ways: " + what.joined(separator: "; ")
                    + ". Your edit is kept; run tandem sync in a shell to finish"
            }
        }
    }

    /// This program's own path (`/proc/self/exe` on Linux), for git's merge driver setting.
    public static func currentExecutable() -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        let arg0 = CommandLine.arguments.first ?? "tandem"
        if arg0.hasPrefix("/") { return arg0 }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(arg0).standardized.path
    }

    public var isRepository: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) }

    // MARK: - Set up

    /// Makes the data folder a repository that syncs with `remote`, and pushes it. An empty (or
    /// missing) folder gets a clone of a remote that already holds a store. Returns what it did, in words.
    public func initialize(remote: String) throws -> String {
        let fm = FileManager.default
        let hasStore = fm.fileExists(atPath: root.appendingPathComponent("tandem.json").path)
        if !hasStore {
            let entries = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
            guard entries.isEmpty else {
                throw StoreError(.notFound, "\(root.path) holds files but no Tandem store: give an empty folder to clone \(remote) into")
            }
            try fm.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let parent = Git(folder: root.deletingLastPathComponent(), environment: git.environment)
            try parent.must(["clone", "--quiet", remote, root.path], "cloning \(remote)")
            guard fm.fileExists(atPath: root.appendingPathComponent("tandem.json").path) else {
                throw StoreError(.notFound, "\(remote) holds no Tandem store (no tandem.json): start from a folder with one")
            }
            try configure()
            return "cloned \(remote) into \(root.path); tandem sync keeps it in step"
        }
        let heads = try git.run(["ls-remote", "--heads", remote])
        guard heads.ok else { throw StoreError(.io, "cannot reach \(remote): \(heads.said)") }
        if !isRepository {
            guard !heads.out.contains("refs/heads/") else {
                throw StoreError(.exists, "\(remote) already holds a store: clone it into an empty folder with "
                                 + "tandem --data-dir EMPTY-FOLDER sync --init \(remote)")
            }
            try git.must(["init", "--quiet", "-b", "main"], "git init")
        }
        try configure()
        let remotes = try git.must(["remote"], "listing remotes").out.split(separator: "\n").map(String.init)
        if remotes.contains("origin") {
            try git.must(["remote", "set-url", "origin", remote], "setting the remote")
        } else {
            try git.must(["remote", "add", "origin", remote], "adding the remote")
        }
        let committed = try commitLocal(first: true)
        let branch = try git.must(["rev-parse", "--abbrev-ref", "HEAD"], "finding the branch").out.trimmingCharacters(in: .whitespacesAndNewlines)
        if heads.out.contains("refs/heads/\(branch)") {
            try git.must(["branch", "--quiet", "--set-upstream-to", "origin/\(branch)"], "tracking the remote branch")
        } else {
            try git.must(["push", "--quiet", "-u", "origin", "HEAD"], "pushing to \(remote)")
        }
        return (committed.map { "committed \"\(firstLine($0))\"; " } ?? "") + "pushed to \(remote) (branch \(branch))"
    }

    /// The `.gitignore`, `.gitattributes` and the repository's merge driver setting, each made or
    /// completed if missing. Safe to run every time.
    public func configure() throws {
        try ensureLines(".gitignore", ["# What must not travel: the save lock, drafts, temp files of a save."]
                        + Store.gitignoreLines + ["\(StatusIndex.folder)/"])
        try ensureLines(".gitattributes", ["# Record files merge with Tandem's record-level merge (tandem sync)."]
                        + TeamSync.attributeLines)
        let driver = "\(shellQuoted(tandemPath)) merge-driver %O %A %B %P"
        let current = try git.run(["config", "--local", "merge.tandem.driver"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        if current != driver {
            try git.must(["config", "--local", "merge.tandem.name", "Tandem record merge"], "setting the merge driver")
            try git.must(["config", "--local", "merge.tandem.driver", driver], "setting the merge driver")
        }
    }

    private func ensureLines(_ name: String, _ lines: [String]) throws {
        let url = root.appendingPathComponent(name)
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let have = Set(existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !have.contains($0) && !($0.hasPrefix("#") && !existing.isEmpty) }
        guard !missing.isEmpty else { return }
        var text = existing
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try DataFolder(root: root).writeAtomically(Data(text.utf8), to: name)
    }

    // MARK: - Sync

    /// Commits local changes, pulls with rebase (record files merged by Tandem's driver) and pushes.
    ///
    /// Holds the store's save lock throughout (waiting up to 10 s for it), so no save lands in
    /// the middle of a rebase; a dashboard saving meanwhile waits, as for any other writer.
    public func sync() throws -> Outcome {
        try withStoreLock(DataFolder(root: root), wait: .seconds(10)) { try syncLocked() }
    }

    private func syncLocked() throws -> Outcome {
        guard isRepository else {
            throw StoreError(.notFound, "\(root.path) is not a git repository yet: run tandem sync --init REMOTE first")
        }
        try configure()
        var committed: String?
        if rebaseInProgress {
            // The leader finished a stopped sync: the files hold what they want kept.
            let stuck = try unmergedFiles()
            for file in stuck {
                let url = root.appendingPathComponent(file)
                if RecordFile.kind(ofPath: file) != nil, let data = FileManager.default.contents(atPath: url.path) {
                    do { _ = try RecordFile.decode(data, path: file) } catch {
                        return .stopped([Conflict(file: file, label: file, fields: [], unreadable: "\(error)")])
                    }
                }
                try git.must(["add", "--", file], "adding \(file)")
            }
            let cont = try git.run(["rebase", "--continue"])
            if !cont.ok {
                if rebaseInProgress { return .stopped(try describeConflicts()) }
                throw StoreError(.io, "git rebase --continue failed: \(cont.said)")
            }
            committed = "finished the stopped sync with " + (stuck.isEmpty ? "the files as they are" : stuck.joined(separator: ", ")) + " as you left them"
        } else {
            committed = try commitLocal(first: false)
        }
        guard try git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"]).ok else {
            throw StoreError(.notFound, "this repository has no remote branch to sync with: run tandem sync --init REMOTE")
        }
        let before = try head()
        for attempt in 0..<3 {
            let pull = try git.run(["pull", "--rebase", "--quiet"])
            if !pull.ok {
                if rebaseInProgress { return .stopped(try describeConflicts()) }
                throw StoreError(.io, "git pull --rebase failed: \(pull.said)")
            }
            let push = try git.run(["push", "--quiet"])
            if push.ok { break }
            // Someone pushed in between: pull again.
            if attempt == 2 { throw StoreError(.io, "git push failed: \(push.said)") }
        }
        let after = try head()
        var incoming: [String] = []
        if let before, let after, before != after {
            let diff = try git.must(["diff", "--name-only", before, after], "listing what came in").out
            incoming = diff.split(separator: "\n").map(String.init).filter { RecordFile.kind(ofPath: $0) != nil }
        }
        return .synced(Report(committed: committed, incoming: incoming, pushed: true))
    }

    var rebaseInProgress: Bool {
        let fm = FileManager.default
        let gitDir = root.appendingPathComponent(".git")
        return fm.fileExists(atPath: gitDir.appendingPathComponent("rebase-merge").path)
            || fm.fileExists(atPath: gitDir.appendingPathComponent("rebase-apply").path)
    }

    /// Whether the repository at the current folder is in the middle of a rebase (for the merge
    /// driver, which git runs at the top of the work tree).
    public static func rebaseInProgress(at root: URL) -> Bool {
        TeamSync(root: root, tandemPath: "").rebaseInProgress
    }

    private func head() throws -> String? {
        let r = try git.run(["rev-parse", "--verify", "--quiet", "HEAD"])
        return r.ok ? r.out.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    private func unmergedFiles() throws -> [String] {
        try git.must(["diff", "--name-only", "--diff-filter=U"], "listing conflicts").out
            .split(separator: "\n").map(String.init)
    }

    /// Each stopped file, with the fields changed both ways (the leader's side first).
    func describeConflicts() throws -> [Conflict] {
        let names = peopleNames()
        return try unmergedFiles().map { file in
            guard RecordFile.kind(ofPath: file) != nil else {
                return Conflict(file: file, label: file, fields: [], unreadable: "changed on both sides (not a record file: merge it by hand)")
            }
            func stage(_ n: Int) throws -> Record? {
                let r = try git.run(["show", ":\(n):\(file)"])
                guard r.ok else { return nil }
                return try RecordFile.decode(Data(r.out.utf8), path: file)
            }
            do {
                // In a rebase, stage 2 is the remote's and stage 3 the leader's own commit.
                let base = try stage(1), upstream = try stage(2), local = try stage(3)
                guard let local, let upstream else {
                    return Conflict(file: file, label: label(local ?? upstream, names), fields: [],
                                    unreadable: local == nil ? "deleted here, changed there" : "changed here, deleted there")
                }
                let merged = Record.merge(base: base, ours: local, theirs: upstream)
                return Conflict(file: file, label: label(local, names), fields: merged.conflicts, unreadable: nil)
            } catch {
                return Conflict(file: file, label: file, fields: [], unreadable: "\(error)")
            }
        }
    }

    // MARK: - Commit messages

    /// Commits every change in the folder (what `.gitignore` lets travel) with a message that
    /// says what changed; `nil` when there was nothing to commit.
    func commitLocal(first: Bool) throws -> String? {
        try git.must(["add", "-A", "."], "adding changes")
        let status = try git.must(["diff", "--cached", "--name-status", "--no-renames"], "listing changes").out
        let changes = status.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        guard !changes.isEmpty else { return nil }
        let hasHead = try head() != nil
        let names = peopleNames()
        var lines: [String] = []
        for (code, file) in changes where RecordFile.kind(ofPath: file) != nil {
            lines.append(describe(code: code, file: file, names: names, hasHead: hasHead))
        }
        let others = changes.filter { RecordFile.kind(ofPath: $0.1) == nil }.map(\.1)
        if !others.isEmpty { lines.append("updated " + others.joined(separator: ", ")) }
        let subject: String
        if first {
            subject = "Tandem: start team sync with \(changes.filter { RecordFile.kind(ofPath: $0.1) != nil }.count) record files"
        } else {
            let recordLines = lines.count - (others.isEmpty ? 0 : 1)
            subject = "Tandem: " + (lines.prefix(2).joined(separator: "; ")) + (recordLines > 2 ? " and \(recordLines - 2) more" : "")
        }
        let message = subject + "\n\n" + lines.map { "- " + $0 }.joined(separator: "\n") + "\n"
        let identity = try identityArgs()
        try git.must(identity + ["commit", "--quiet", "--no-verify", "-m", message], "committing")
        return message
    }

    /// `-c user.name=… -c user.email=…` when the repository (or the user's own config) names nobody.
    private func identityArgs() throws -> [String] {
        let name = try git.run(["config", "user.name"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = try git.run(["config", "user.email"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        var args: [String] = []
        let login = ProcessInfo.processInfo.environment["USER"] ?? "tandem"
        if name.isEmpty { args += ["-c", "user.name=\(login)"] }
        if email.isEmpty { args += ["-c", "user.email=\(login)@\(ProcessInfo.processInfo.hostName)"] }
        return args
    }

    private func describe(code: String, file: String, names: [UUID: String], hasHead: Bool) -> String {
        let new = FileManager.default.contents(atPath: root.appendingPathComponent(file).path)
            .flatMap { try? RecordFile.decode($0, path: file) }
        var old: Record?
        if hasHead, code != "A", let r = try? git.run(["show", "HEAD:\(file)"]), r.ok {
            old = try? RecordFile.decode(Data(r.out.utf8), path: file)
        }
        switch code {
        case "A": return "added \(kindWord(file)) \(label(new, names))"
        case "D": return "removed \(kindWord(file)) \(label(old, names))"
        default:
            guard let new, let old else { return "changed \(file)" }
            return "\(label(new, names)) (\(kindWord(file))): " + RecordChange.summary(old: old, new: new)
        }
    }

    private func kindWord(_ file: String) -> String {
        switch RecordFile.kind(ofPath: file) {
        case .person: "person"
        case .coaching: "coaching"
        case .mentoring: "mentoring"
        case .assessment: "assessment"
        case nil: "file"
        }
    }

    func label(_ record: Record?, _ names: [UUID: String]) -> String {
        func n(_ id: UUID) -> String { names[id] ?? id.uuidString.prefix(8).lowercased() }
        switch record {
        case .person(let p): return CSVImport.visible(p.name)
        case .coaching(let e): return CSVImport.visible("\(n(e.coacheeID)) — \(e.focus)")
        case .mentoring(let r): return CSVImport.visible("\(n(r.mentorID)) → \(n(r.menteeID))")
        case .assessment(let a): return CSVImport.visible("assessment of \(n(a.personID))")
        case nil: return "?"
        }
    }

    /// People's names by id, from the files in `people/` as they are now.
    func peopleNames() -> [UUID: String] {
        let folder = root.appendingPathComponent("people")
        var out: [UUID: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  case .person(let p)? = try? RecordFile.decode(data, path: "people/\(name)") else { continue }
            out[p.id] = p.name
        }
        return out
    }

    private func firstLine(_ s: String) -> String { s.split(separator: "\n").first.map(String.init) ?? s }

    private func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// What changed in one record, in words: "2 sessions logged; focus, deadline changed".
public enum RecordChange {
    public static func summary(old: Record, new: Record) -> String {
        var parts: [String] = []
        let (oldSessions, newSessions) = (sessions(old), sessions(new))
        let added = newSessions.subtracting(oldSessions).count, removed = oldSessions.subtracting(newSessions).count
        if added > 0 { parts.append("\(added) session\(added == 1 ? "" : "s") logged") }
        if removed > 0 { parts.append("\(removed) session\(removed == 1 ? "" : "s") removed") }
        let fields = changedFields(old, new).filter { $0 != "sessions" }
        if !fields.isEmpty { parts.append(fields.joined(separator: ", ") + " changed") }
        if parts.isEmpty && added == 0 && removed == 0 && old != new { parts.append("sessions edited") }
        return parts.isEmpty ? "rewritten, no change" : parts.joined(separator: "; ")
    }

    static func sessions(_ r: Record) -> Set<UUID> {
        switch r {
        case .coaching(let e): Set(e.sessions.map(\.id))
        case .mentoring(let m): Set(m.sessions.map(\.id))
        default: []
        }
    }

    static func changedFields(_ a: Record, _ b: Record) -> [String] {
        guard let da = try? RecordFile.encode(a, path: "x/x.json"), let db = try? RecordFile.encode(b, path: "x/x.json"),
              let ja = try? JSONSerialization.jsonObject(with: da) as? [String: Any],
              let jb = try? JSONSerialization.jsonObject(with: db) as? [String: Any] else { return [] }
        return Set(ja.keys).union(jb.keys).filter { k in
            !NSDictionary(dictionary: [k: ja[k] ?? NSNull()]).isEqual(to: [k: jb[k] ?? NSNull()])
        }.sorted()
    }
}
