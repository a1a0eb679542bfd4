import Foundation
import Testing

/// Runs the built `tandem` binary the way a shell would, for end-to-end tests.
///
/// Every run gets `TANDEM_TODAY=2026-11-29` (so days left, health and forecasts are
/// reproducible), never inherits `TANDEM_DATA_DIR`, and points `XDG_DATA_HOME` at a folder that
/// does not exist, so no test can reach a real store; `XDG_CONFIG_HOME` is a folder of the run's
/// own holding `TestIdentity`. Output goes to temporary files, so a large
/// output cannot fill a pipe and deadlock the run.
enum CLI {
    /// The day every run sees as today.
    static let today = "2026-11-29"

    /// Runs `tandem args…` and waits for it; `env` adds to (or overrides) the controlled
    /// environment. A missing binary or a run longer than `timeout` records a test issue.
    static func run(_ args: [String], env: [String: String] = [:],
                    timeout: TimeInterval = 60) -> (status: Int32, stdout: String, stderr: String) {
        let binary: URL
        switch located {
        case .success(let url): binary = url
        case .failure(let missing):
            Issue.record(Comment(rawValue: missing.message))
            return (-1, "", missing.message)
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-cli-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)

        var environment = ProcessInfo.processInfo.environment
        environment["TANDEM_DATA_DIR"] = nil
        environment["XDG_DATA_HOME"] = scratch.appendingPathComponent("no-xdg-data").path
        environment["TANDEM_TODAY"] = today
        environment["TANDEM_PASSPHRASE"] = nil
        // Never the real ~/.config (no config.toml, no real identity): the fixed test identity
        // in this run's own folder; a test that wants a config.toml passes XDG_CONFIG_HOME.
        environment["XDG_CONFIG_HOME"] = TestIdentity.install(in: scratch.appendingPathComponent("config")).path
        for (k, v) in env { environment[k] = v }

        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        do {
            let out = try FileHandle(forWritingTo: outURL)
            let err = try FileHandle(forWritingTo: errURL)
            defer { try? out.close(); try? err.close() }
            process.standardOutput = out
            process.standardError = err
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            if finished.wait(timeout: .now() + timeout) == .timedOut {
                process.terminate()
                finished.wait()
                Issue.record("tandem \(args.joined(separator: " ")) did not finish within \(Int(timeout)) s")
            }
        } catch {
            Issue.record("cannot run \(binary.path): \(error)")
            return (-1, "", "\(error)")
        }
        let stdout = String(decoding: FileManager.default.contents(atPath: outURL.path) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }

    /// Why the binary was not found, with where it was looked for.
    struct Missing: Error {
        var message: String
    }

    /// The built `tandem`: `$TANDEM_CLI_BINARY`, else beside the test bundle, else in this
    /// package's `.build/debug`.
    static let located: Result<URL, Missing> = locate()

    private static func locate() -> Result<URL, Missing> {
        var candidates: [URL] = []
        if let given = ProcessInfo.processInfo.environment["TANDEM_CLI_BINARY"], !given.isEmpty {
            candidates.append(URL(fileURLWithPath: given))
        }
        // SwiftPM puts the test bundle (an .xctest folder or executable) beside the products.
        var bundleDirs = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let exe = Bundle.main.executableURL {
            bundleDirs += [exe.deletingLastPathComponent(), exe.deletingLastPathComponent().deletingLastPathComponent()]
        }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            bundleDirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates += bundleDirs.map { $0.appendingPathComponent("tandem") }
        // Tests/TandemCLITests/Support/CLI.swift → the package root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/tandem"))

        for url in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: url.path) {
                return .success(url.standardizedFileURL)
            }
        }
        let looked = candidates.map { "  " + $0.standardizedFileURL.path }.joined(separator: "\n")
        return .failure(Missing(message: """
            the tandem binary was not found; build it (swift build --product tandem) or set \
            TANDEM_CLI_BINARY. Looked in:
            \(looked)
            """))
    }
}
