import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary folder for one test, removed when the value goes away; `data` is the data
/// folder the CLI is pointed at.
final class CLIFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-cli-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The data folder (created by `demo`).
    var data: URL { url.appendingPathComponent("data") }

    /// `--data-dir <data>`, to append to a command.
    var dataDir: [String] { ["--data-dir", data.path] }

    /// A folder with a demo store written by `tandem demo`; records an issue if that fails.
    static func demo(seed: UInt64 = 42) -> CLIFolder {
        let folder = CLIFolder()
        let r = CLI.run(["demo", "--seed", String(seed)] + folder.dataDir)
        #expect(r.status == 0, "tandem demo failed: \(r.stderr)")
        return folder
    }

    /// Runs `tandem args… --data-dir <data>`.
    func run(_ args: [String], env: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
        CLI.run(args + dataDir, env: env)
    }

    // MARK: - Files

    func path(_ rel: String) -> String { data.appendingPathComponent(rel).path }

    func read(_ rel: String) -> Data { FileManager.default.contents(atPath: path(rel)) ?? Data() }

    func text(_ rel: String) -> String { String(decoding: read(rel), as: UTF8.self) }

    /// Replaces a file's bytes in place (keeping its mode).
    func write(_ data: Data, to rel: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path(rel)))
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
    }

    func write(_ text: String, to rel: String) throws { try write(Data(text.utf8), to: rel) }

    /// Every file under the data folder, hidden ones included: relative path → bytes.
    /// Every file's bytes, except the derived caches in `.cache/` (any read may rebuild them).
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        for (rel, isFolder) in entries() where !isFolder && !rel.hasPrefix(".cache/") { out[rel] = read(rel) }
        return out
    }

    /// Every entry under the data folder (relative path → is a folder), hidden ones included.
    func entries() -> [String: Bool] {
        var out: [String: Bool] = [:]
        guard let e = FileManager.default.enumerator(atPath: data.path) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path(rel), isDirectory: &isDir) { out[rel] = isDir.boolValue }
        }
        return out
    }

    /// The permission bits of an entry (`nil`: the data folder itself).
    func mode(_ rel: String?) -> Int {
        var st = stat()
        guard stat(rel.map(path) ?? data.path, &st) == 0 else { return -1 }
        return Int(st.st_mode & 0o777)
    }

    // MARK: - JSON from `tandem list … --json`

    /// `tandem list <what> --json [extra…]` as objects; records an issue when it fails.
    func listJSON(_ what: String, _ extra: [String] = []) throws -> [[String: Any]] {
        let r = run(["list", what, "--json"] + extra)
        try #require(r.status == 0, "tandem list \(what) --json \(extra) failed: \(r.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(parsed as? [[String: Any]], "not a JSON array of objects: \(r.stdout)")
    }

    /// The row whose `id` is `id` in `tandem list <what> --json --all`.
    func row(_ what: String, id: String) throws -> [String: Any] {
        try #require(try listJSON(what, ["--all"]).first { $0["id"] as? String == id }, "no \(what) row \(id)")
    }

    /// A record file as a JSON object.
    func object(_ rel: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: read(rel)) as? [String: Any], "\(rel) is not an object")
    }

    /// The record in `rel` as the run's identity opens it (private notes sealed in the file are
    /// read through `export --format json --include-private`).
    func opened(_ rel: String, env: [String: String] = [:]) throws -> [String: Any] {
        let id = try #require(try object(rel)["id"] as? String)
        let r = run(["export", "--format", "json", "--include-private"], env: env)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "export: \(r.stderr)")
        let records = (doc["coaching"] as? [[String: Any]] ?? []) + (doc["mentoring"] as? [[String: Any]] ?? [])
        return try #require(records.first { $0["id"] as? String == id }, "\(rel) is not in the export")
    }

    /// Every record as the run's identity opens it, as one text (`export --format json --include-private`).
    func openedText() -> String { run(["export", "--format", "json", "--include-private"]).stdout }
}

/// The host name the store writes in its lock file.
func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Which files differ between two snapshots (added, removed or changed), sorted; the derived
/// caches in `.cache/` (rebuilt by any read, never used for writes) are left out.
func changedFiles(_ before: [String: Data], _ after: [String: Data]) -> [String] {
    Set(before.keys).union(after.keys).filter { before[$0] != after[$0] && !$0.hasPrefix(".cache/") }.sorted()
}

/// Lower case without accents, as `tandem log --record` compares names.
func folded(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
}
