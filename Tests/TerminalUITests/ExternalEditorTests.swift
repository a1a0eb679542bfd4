import Foundation
import Testing
@testable import TerminalUI

/// The external editor without a terminal: the process, the file and the errors.
@Suite struct ExternalEditorTests {
    /// A temporary folder (removed by the caller) with `script` as an executable `editor.sh`.
    static func folder(script: String) throws -> (root: URL, editor: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let editor = root.appendingPathComponent("editor.sh")
        try ("#!/bin/sh\n" + script).write(to: editor, atomically: true, encoding: .utf8)
        #expect(chmod(editor.path, 0o755) == 0)
        return (root, editor.path)
    }

    @Test func visualWinsOverEditorAndBlankOnesAreUnset() {
        #expect(ExternalEditor.command(environment: ["VISUAL": "nano", "EDITOR": "ed"]) == "nano")
        #expect(ExternalEditor.command(environment: ["VISUAL": " ", "EDITOR": "ed"]) == "ed")
        #expect(ExternalEditor.command(environment: ["EDITOR": ""]) == "vi")
        #expect(ExternalEditor.command(environment: [:]) == "vi")
    }

    @Test func theEditorsSavedTextComesBackAndTheFileIsPrivateAndGone() throws {
        let (root, editor) = try Self.folder(script: """
            stat -c '%a' "$1" > "$(dirname "$0")/mode"
            stat -c '%a' "$(dirname "$1")" > "$(dirname "$0")/folder-mode"
            printf 'second line\\n' >> "$1"
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let drafts = root.appendingPathComponent("drafts")
        let e = ExternalEditor(folder: drafts, environment: ["EDITOR": editor])
        #expect(e.edit("first line") == .success("first line\nsecond line"))
        #expect(try String(contentsOf: root.appendingPathComponent("mode"), encoding: .utf8) == "600\n")
        #expect(try String(contentsOf: root.appendingPathComponent("folder-mode"), encoding: .utf8) == "700\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts.path).isEmpty)
        // A text that ended with a line break keeps it.
        #expect(e.edit("a\n") == .success("a\nsecond line\n"))
    }

    @Test func anEditorCommandWithArgumentsRunsThroughTheShell() throws {
        let (root, editor) = try Self.folder(script: "printf '%s' \"$1\" > \"$2\"\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let e = ExternalEditor(folder: root.appendingPathComponent("drafts"), environment: ["VISUAL": "\(editor) replaced"])
        #expect(e.edit("old") == .success("replaced"))
    }

    @Test func failuresSayWhatAndKeepNothingBehind() throws {
        let (root, editor) = try Self.folder(script: "echo changed > \"$1\"; exit 4\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let drafts = root.appendingPathComponent("drafts")
        let failing = ExternalEditor(folder: drafts, environment: ["EDITOR": editor])
        #expect(failing.edit("text") == .failure(.editorFailed(command: editor, status: 4)))
        #expect("\(ExternalEditor.Failure.editorFailed(command: editor, status: 4))".contains("exited with status 4: your text is unchanged"))

        let missing = ExternalEditor(folder: drafts, environment: ["EDITOR": "no-such-editor-here"])
        #expect(missing.edit("text") == .failure(.editorNotFound(command: "no-such-editor-here")))

        let (removerRoot, remover) = try Self.folder(script: "rm \"$1\"\n")
        defer { try? FileManager.default.removeItem(at: removerRoot) }
        let removing = ExternalEditor(folder: drafts, environment: ["EDITOR": remover])
        guard case .failure(.cannotRead) = removing.edit("text") else {
            Issue.record("a removed file should be a read failure"); return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts.path).isEmpty)
    }

    @Test func aFolderWhoseParentIsMissingIsNotCreated() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-editor-\(UUID().uuidString)")
        let e = ExternalEditor(folder: root.appendingPathComponent("drafts"), environment: ["EDITOR": "true"])
        guard case .failure(.cannotWrite) = e.edit("text") else {
            Issue.record("expected a write failure"); return
        }
        #expect(!FileManager.default.fileExists(atPath: root.path))
    }

    @Test func theTerminalIsLentForTheEditAndRepaintedAfter() {
        let backend = TestBackend(width: 10, height: 2)
        let terminal = Terminal(backend: backend)
        terminal.draw(ScreenBuffer(width: 10, height: 2))
        #expect(terminal.lastFrame != nil)
        let wasReleased = terminal.releasing { backend.isReleased }
        #expect(wasReleased)
        #expect(!backend.isReleased)
        #expect(backend.releaseCount == 1)
        #expect(terminal.lastFrame == nil, "the next draw must repaint everything")
    }
}
