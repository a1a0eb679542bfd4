import Foundation

/// Runs `git` in one folder and collects what it says. Never touches git's global or system
/// configuration: settings go in the repository's own `.git/config` or on the command line.
public struct Git: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
        public var ok: Bool { status == 0 }
        /// The last lines git printed, for an error message.
        public var said: String {
            let text = (err.isEmpty ? out : err).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.split(separator: "\n").suffix(6).joined(separator: "\n")
        }
    }

    public var folder: URL
    /// Extra environment for every run (tests pass a `HOME` of their own).
    public var environment: [String: String]

    public init(folder: URL, environment: [String: String] = [:]) {
        self.folder = folder; self.environment = environment
    }

    /// `git -C folder args…`; never asks on the terminal.
    @discardableResult
    public func run(_ args: [String], input: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", folder.path] + args
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = "true"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["LC_ALL"] = "C"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        p.standardInput = inPipe
        do { try p.run() } catch {
            throw StoreError(.io, "cannot run git: \(error.localizedDescription) (is git installed?)")
        }
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes while git runs, so a long output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs git and throws its message when it fails.
    @discardableResult
    public func must(_ args: [String], _ what: String) throws -> Result {
        let r = try run(args)
        guard r.ok else { throw StoreError(.io, "\(what) failed: git \(args.joined(separator: " ")): \(r.said)") }
        return r
    }
}
