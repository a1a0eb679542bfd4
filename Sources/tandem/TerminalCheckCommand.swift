import ArgumentParser
import Foundation
import NcursesBackend
import TerminalUI

/// `tandem terminal-check` (hidden): the terminal layer on its own, for the end-to-end tests
/// and for a person checking a terminal. A one-line field and a notes area take typing and
/// pastes; F2 edits the notes in `$VISUAL`/`$EDITOR` (the file goes in the data folder's
/// `drafts/`); Esc ends and writes both texts as JSON to `--output` (or stdout). `TANDEM_TEST_CRASH_AFTER_MS` traps
/// here as in the dashboard.
struct TerminalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Check the terminal: typing, pastes, the external editor, restore on exit.",
        shouldDisplay: false
    )

    @OptionGroup var data: DataDirOptions
    @Option(help: ArgumentHelp("Where to write the result (JSON) when it ends; stdout if not given.", valueName: "file"))
    var output: String?

    func run() throws {
        let dir = data.resolved()
        guard FileManager.default.fileExists(atPath: dir.path) else {
            throw CLIFailure.input("--data-dir: \(dir.path) does not exist")
        }
        let backend: NcursesBackend
        do { backend = try NcursesBackend() } catch { throw CLIFailure.input("cannot start the terminal: \(error)") }
        CrashTrigger.armFromEnvironment()
        let terminal = Terminal(backend: backend)
        let editor = ExternalEditor(folder: dir.appendingPathComponent("drafts"))
        var line = LineField()
        var notes = TextArea()
        var focus = 0
        var status = "Tab switches field · F2 edits the notes in \(editor.command) · Esc ends"
        var pastes = 0

        func draw() {
            let (w, h) = terminal.size()
            var frame = ScreenBuffer(width: w, height: h)
            frame.put("terminal check · pastes: \(pastes)", x: 0, y: 0, style: .plain, maxX: w)
            frame.put("line:", x: 0, y: 2, style: .plain, maxX: w)
            line.render(into: &frame, area: Rect(x: 7, y: 2, width: max(0, w - 8), height: 1), style: .plain, focused: focus == 0)
            frame.put("notes:", x: 0, y: 4, style: .plain, maxX: w)
            notes.render(into: &frame, area: Rect(x: 7, y: 4, width: max(0, w - 8), height: max(0, h - 8)), style: .plain, focused: focus == 1)
            // The status wraps over the last three rows, so a long message is read whole.
            let chars = Array(status)
            for row in 0..<3 where row * max(1, w) < chars.count {
                let piece = chars[(row * w)..<min(chars.count, (row + 1) * w)]
                frame.put(String(piece), x: 0, y: h - 3 + row, style: .plain, maxX: w)
            }
            terminal.draw(frame)
        }

        draw()
        loop: while true {
            guard let event = backend.nextEvent(timeoutMs: nil) else { continue }
            switch event {
            case .terminate: break loop
            case .resize: terminal.invalidate()
            case .mouse: break
            case .paste(let text):
                pastes += 1
                if focus == 0 { line.paste(text) } else { notes.paste(text) }
            case .key(.escape): break loop
            case .key(.tab), .key(.backTab): focus = 1 - focus
            case .key(.function(2)):
                switch terminal.releasing({ editor.edit(notes.text) }) {
                case .success(let text): notes = TextArea(text: text); status = "Edited in \(editor.command)"
                case .failure(let failure): status = failure.description
                }
            case .key(let key):
                let width = max(1, terminal.size().width - 8)
                if focus == 0 { _ = line.handle(key) } else { _ = notes.handle(key, width: width) }
            }
            draw()
        }
        backend.shutdown()
        let result = ["line": line.text, "notes": notes.text, "status": status]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: json, attributes: [.posixPermissions: 0o600]) else {
                throw CLIFailure.input("--output: cannot write \(output)")
            }
        } else {
            emitJSON(String(decoding: json, as: UTF8.self))
        }
    }
}

/// `TANDEM_TEST_CRASH_AFTER_MS=n`: a deliberate trap `n` ms after the screen opens, for the
/// tests that check a crash leaves the terminal usable. Not a key, not in any help.
enum CrashTrigger {
    static func armFromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) {
        guard let text = env["TANDEM_TEST_CRASH_AFTER_MS"], let ms = Int(text), (0...600_000).contains(ms) else { return }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: Double(ms) / 1000)
            fatalError("TANDEM_TEST_CRASH_AFTER_MS=\(ms): a deliberate trap")
        }
    }
}
