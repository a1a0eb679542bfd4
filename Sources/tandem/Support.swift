import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// A failure the user can act on: one line (or a few) on stderr and an exit status.
struct CLIFailure: Error {
    var message: String
    /// 1 for bad input, 2 for a store problem.
    var status: Int32

    static func input(_ m: String) -> CLIFailure { CLIFailure(message: m, status: 1) }
    static func store(_ m: String) -> CLIFailure { CLIFailure(message: m, status: 2) }
    static func store(_ e: Error) -> CLIFailure { CLIFailure(message: "\(e)", status: 2) }
}

/// `--data-dir` and the environment's fallbacks, shared by every subcommand.
struct DataDirOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder.", valueName: "dir"))
    var dataDir: String?

    /// Which folder to use: the option, else $TANDEM_DATA_DIR, else $XDG_DATA_HOME/tandem,
    /// else ~/.local/share/tandem.
    func resolved(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let d = dataDir, !d.isEmpty { return URL(fileURLWithPath: (d as NSString).expandingTildeInPath) }
        if let d = env["TANDEM_DATA_DIR"], !d.isEmpty { return URL(fileURLWithPath: d) }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("tandem") }
        let home = env["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/tandem")
    }
}

enum Clock {
    /// Today in the local time zone, or $TANDEM_TODAY (YYYY-MM-DD) for reproducible runs.
    static func today(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> Day {
        if let s = env["TANDEM_TODAY"], !s.isEmpty {
            guard let d = Day(iso: s) else { throw CLIFailure.input("TANDEM_TODAY=\(s) is not a date: use YYYY-MM-DD") }
            return d
        }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

extension Store {
    /// Opens the store at `dir`, turning a store error into exit status 2.
    static func openForCLI(_ dir: URL, forEditing: Bool) throws -> Store {
        do { return try Store.open(at: dir, forEditing: forEditing) } catch { throw CLIFailure.store(error) }
    }
}

/// Writes text to stdout as one block.
/// Text from files is never written raw: control characters are shown escaped (`TerminalSafeText`).
func emit(_ text: String) {
    let safe = TerminalSafeText.clean(text)
    FileHandle.standardOutput.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// `emit` for a JSON document: unsafe characters become JSON escapes (`\u009B`), so the output
/// is still JSON for the script reading it (`emit` would write `\u{9B}`, which no parser takes).
func emitJSON(_ json: String) {
    let safe = TerminalSafeText.cleanJSON(json)
    FileHandle.standardOutput.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// `emit` for text made a piece at a time: the same bytes as `emit` of the pieces joined (control
/// characters escaped, a line end added when the text does not end with one), written a buffer
/// at a time so the whole text is never held.
/// With `json`, the pieces make one JSON document and are escaped as `emitJSON` does.
func emitPieces(json: Bool = false, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
    var buffer = Data()
    buffer.reserveCapacity(1 << 16)
    // A carriage return at the end of a piece is kept back: `TerminalSafeText` lets one through
    // only when a line end follows, which the next piece says.
    var heldCR = false
    var endsWithNewline = false
    func put(_ s: String) {
        guard !s.isEmpty else { return }
        buffer.append(contentsOf: (json ? TerminalSafeText.cleanJSON(s) : TerminalSafeText.clean(s)).utf8)
        endsWithNewline = s.hasSuffix("\n")
        if buffer.count >= 1 << 16 { FileHandle.standardOutput.write(buffer); buffer.removeAll(keepingCapacity: true) }
    }
    try body { piece in
        var text = heldCR ? "\r" + piece : piece
        heldCR = text.unicodeScalars.last == "\r"
        if heldCR { text.unicodeScalars.removeLast() }
        put(text)
    }
    if heldCR { put("\r") }
    if !endsWithNewline { buffer.append(contentsOf: "\n".utf8) }
    FileHandle.standardOutput.write(buffer)
}
