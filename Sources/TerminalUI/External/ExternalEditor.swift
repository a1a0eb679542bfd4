import Foundation

/// Edits a text in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`), the way git
/// and crontab do: the text goes into a new file (0600) in a folder the caller names, the
/// editor runs on it with the terminal lent to it, and what it saved comes back.
///
/// The caller gives the folder (the data folder's `drafts/`); nothing is written anywhere
/// else, and the file is removed afterwards whatever happened. An editor that exits non-zero,
/// cannot be found, or leaves no file gives a `Failure` whose text says so — the caller keeps
/// the original text.
///
/// ```swift
/// let editor = ExternalEditor(folder: dataFolder.appendingPathComponent("drafts"))
/// let result = terminal.releasing { editor.edit(notes) }   // Result<String, ExternalEditor.Failure>
/// ```
public struct ExternalEditor: Sendable {
    /// Why an edit gave no text back.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The folder for the file could not be made or written (path, reason).
        case cannotWrite(path: String, reason: String)
        /// The shell could not find or run the editor (exit 126 or 127).
        case editorNotFound(command: String)
        /// The editor exited with a status other than 0.
        case editorFailed(command: String, status: Int32)
        /// The editor was killed by a signal.
        case editorKilled(command: String, signal: Int32)
        /// The file was gone, unreadable or too large afterwards.
        case cannotRead(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotWrite(let path, let reason):
                "Cannot write \(path) for the editor: \(reason). Your text is unchanged."
            case .editorNotFound(let command):
                "The editor '\(command)' was not found: set VISUAL or EDITOR to an editor on your PATH. Your text is unchanged."
            case .editorFailed(let command, let status):
                "The editor '\(command)' exited with status \(status): your text is unchanged."
            case .editorKilled(let command, let signal):
                "The editor '\(command)' was stopped by signal \(signal): your text is unchanged."
            case .cannotRead(let path, let reason):
                "Cannot read \(path) back from the editor: \(reason). Your text is unchanged."
            }
        }
    }

    /// The largest file read back (1 MiB): a note, not a document dump.
    public static let maxBytes = 1 << 20

    /// The editor command, as the shell will run it (it may carry arguments: "code --wait").
    public let command: String
    /// The folder the temporary file is made in (created 0700 if missing; its parent must exist).
    public let folder: URL
    /// What the file's name ends with, for the editor's syntax choice.
    public let fileExtension: String

    /// - Parameters:
    ///   - folder: where the temporary file goes (the data folder's `drafts/`).
    ///   - environment: where `VISUAL` and `EDITOR` are read.
    public init(folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                fileExtension: String = "md") {
        self.folder = folder
        self.command = Self.command(environment: environment)
        self.fileExtension = fileExtension
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi` (an empty or blank variable counts as unset).
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `text` and returns what it saved. Call it with the terminal lent
    /// out (`Terminal.releasing(_:)`); it blocks until the editor exits.
    ///
    /// A single line break that ends the file (editors add one) is dropped when `text` had
    /// none; line endings "\r\n" are read as "\n".
    public func edit(_ text: String) -> Result<String, Failure> {
        let path: String
        switch makeFile(containing: text) {
        case .success(let p): path = p
        case .failure(let f): return .failure(f)
        }
        defer { unlink(path) }

        switch run(path: path) {
        case .success: break
        case .failure(let f): return .failure(f)
        }
        return readBack(path: path, original: text)
    }

    // MARK: - Steps

    private func makeFile(containing text: String) -> Result<String, Failure> {
        let dir = folder.path
        if mkdir(dir, 0o700) != 0, errno != EEXIST {
            return .failure(.cannotWrite(path: dir, reason: String(cString: strerror(errno))))
        }
        var contents = Array(text.utf8)
        if !contents.isEmpty, contents.last != 0x0A { contents.append(0x0A) }
        for _ in 0..<8 {
            let name = String(format: "edit-%08x.%@", UInt32.random(in: 0...UInt32.max), fileExtension)
            let path = (dir as NSString).appendingPathComponent(name)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                return .failure(.cannotWrite(path: path, reason: String(cString: strerror(errno))))
            }
            defer { close(fd) }
            var written = 0
            while written < contents.count {
                let n = contents[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    let reason = String(cString: strerror(errno))
                    unlink(path)
                    return .failure(.cannotWrite(path: path, reason: reason))
                }
                written += n
            }
            _ = fsync(fd)
            return .success(path)
        }
        return .failure(.cannotWrite(path: dir, reason: "no free file name"))
    }

    /// `sh -c '<command> "$@"' <command> <path>`, as git runs its editor, with SIGINT and
    /// SIGQUIT ignored here while it runs (as system(3) does) and at their defaults in the editor.
    private func run(path: String) -> Result<Void, Failure> {
        let argv = ["/bin/sh", "-c", command + " \"$@\"", command, path]
        var ignore = sigaction(), oldInt = sigaction(), oldQuit = sigaction()
        sigemptyset(&ignore.sa_mask)
        #if os(Linux)
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
        ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigaction(SIGINT, &ignore, &oldInt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), defaults = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&defaults)
        for s in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], nil, &attributes, cArguments, environ)
        guard spawned == 0 else { return .failure(.editorNotFound(command: command)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(.editorFailed(command: command, status: -1)) }
        }
        let signal = status & 0x7f
        if signal != 0 { return .failure(.editorKilled(command: command, signal: signal)) }
        let code = (status >> 8) & 0xff
        switch code {
        case 0: return .success(())
        case 126, 127: return .failure(.editorNotFound(command: command))
        default: return .failure(.editorFailed(command: command, status: code))
        }
    }

    private func readBack(path: String, original: String) -> Result<String, Failure> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(.cannotRead(path: path, reason: "the editor left no file"))
        }
        if let size = attributes[.size] as? Int, size > Self.maxBytes {
            return .failure(.cannotRead(path: path, reason: "it is larger than \(Self.maxBytes / 1024) KiB"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.cannotRead(path: path, reason: "it could not be opened"))
        }
        var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n"), !original.hasSuffix("\n") { text.removeLast() }
        return .success(text)
    }
}
