import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem export`: the store as CSV, iCalendar, JSON or Markdown.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store as CSV, iCalendar, JSON or Markdown.",
        discussion: """
        csv: one table per file (RFC 4180, UTF-8, a header row), so --kind is needed: people, \
        coaching (engagements with objectives, metrics and sessions), mentoring, or sessions (one \
        row per session, for reading). ics: an all-day event for each engagement deadline, each \
        active relationship's next meeting and each logged session, with stable UIDs (importing \
        it into a calendar again updates the events). json: the whole store as one document. md: \
        a readable account of the agency, or of one record with --record. Sessions marked private \
        are left out of every export unless --include-private is given. Writes to stdout, or to \
        the file named by --output (and nowhere else). Takes no lock.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, ics, json, md }
    enum Kind: String, ExpressibleByArgument, CaseIterable { case coaching, mentoring, people, sessions }

    @OptionGroup var data: DataDirOptions
    @Option(help: "csv, ics, json or md.") var format: Format
    @Option(help: "Only this kind: coaching, mentoring, people or sessions (csv needs one).") var kind: Kind?
    @Option(help: ArgumentHelp("Write to this file instead of stdout (0600).", valueName: "file"),
            completion: .file()) var output: String?
    @Option(help: ArgumentHelp("One engagement or relationship (md): an id, an id prefix or part of a name.", valueName: "ref"),
            completion: .custom(References.complete)) var record: String?
    @Flag(help: "Include sessions marked private.") var includePrivate = false

    func validate() throws {
        if let refusal = ExportStream.refusal(format: ExportFormat(rawValue: format.rawValue)!,
                                              kind: kind.map { InteropKind(rawValue: $0.rawValue)! }) {
            throw ValidationError(refusal)
        }
        if record != nil && format != .md {
            throw ValidationError("--record applies to --format md")
        }
    }

    func run() throws {
        let today = try Clock.today()
        // Sealed notes are opened (and a passphrase asked for) only when they are to be exported.
        let store = try includePrivate ? Store.openSealing(data.resolved(), forEditing: false)
            : Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
        let request = ExportStream.Request(format: ExportFormat(rawValue: format.rawValue)!,
                                           kind: kind.map { InteropKind(rawValue: $0.rawValue)! },
                                           includePrivate: includePrivate, record: record, today: today)
        // A record at a time (ExportStream): a survey reads and checks every file before the first
        // byte is written, then the records are streamed; a file is written whole or not at all.
        var export: ExportStream
        do { export = try ExportStream(request, of: store) } catch let e as ExportStream.RecordNotFound {
            throw CLIFailure.input("--record: \(e)")
        } catch { throw CLIFailure.store(error) }
        try Output.stream(to: output) { emit in
            do { try export.write(to: emit) } catch let failure as CLIFailure { throw failure } catch let e as ExportStream.RecordNotFound {
                throw CLIFailure.input("--record: \(e)")
            } catch let e as StoreError {
                throw CLIFailure.store(e)
            } catch {
                throw CLIFailure.store("cannot write \(format == .csv ? "CSV" : format.rawValue): \(error)")
            }
        }
        store.reportSealNotices()
        if export.leftOut > 0 {
            note("left out \(export.leftOut) private session\(export.leftOut == 1 ? "" : "s") (--include-private includes them)")
        }
    }
}

/// Where an export goes: stdout, or the one file the user named.
enum Output {
    /// Writes `text` to stdout (escaped on a terminal) or to the file, whole or not at all.
    static func write(_ text: String, to path: String?) throws {
        try stream(to: path) { emit in try emit(text) }
    }

    /// The text given in pieces by `body`: stdout gets them as they come (a buffer at a time; text
    /// from files is never written raw to a terminal); a file is whole or not at all (a temporary
    /// file beside it, 0600, flushed, then renamed over it).
    static func stream(to path: String?, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        guard let path else {
            let safe = isatty(1) == 1
            var buffer = Data()
            buffer.reserveCapacity(1 << 16)
            try body { piece in
                buffer.append(contentsOf: (safe ? Self.terminalSafe(piece) : piece).utf8)
                if buffer.count >= 1 << 16 { FileHandle.standardOutput.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            if !buffer.isEmpty { FileHandle.standardOutput.write(buffer) }
            return
        }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CLIFailure.input("--output \(path): cannot write there: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var buffer = Data()
        do {
            try body { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 16 { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
            }
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
            try handle.close()
        } catch let failure as CLIFailure {
            unlink(temp.path)
            throw failure
        } catch {
            unlink(temp.path)
            throw CLIFailure.input("--output \(path): cannot write: \(error.localizedDescription)")
        }
        guard rename(temp.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp.path)
            throw CLIFailure.input("--output \(path): cannot write: \(why)")
        }
    }

    /// Control characters other than line ends and tabs shown escaped (`TerminalSafeText`).
    static func terminalSafe(_ s: String) -> String { TerminalSafeText.clean(s) }
}

/// Text to stdout exactly as given.
func emitRaw(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// A line on stderr that is not an error.
func note(_ text: String) {
    FileHandle.standardError.write(Data("tandem: \(TerminalSafeText.clean(text))\n".utf8))
}
