import Foundation
import Testing
import TerminalUI
@testable import TandemApp

@Suite("Keymap")
struct KeymapTests {
    let keymap = Keymap.standard

    @Test("every action has a binding in the standard keymap")
    func everyAction() {
        let bound = Set(keymap.bindings.map(\.action))
        let missing = Action.allCases.filter { !bound.contains($0) }
        #expect(missing.isEmpty, "no key for \(missing)")
    }

    @Test("no key is bound twice in one context, nor shadows a global key", arguments: KeyContext.allCases)
    func noDuplicates(_ context: KeyContext) {
        var seen: [Key: Action] = [:]
        for b in keymap.bindings where b.context == context {
            for k in b.keys {
                #expect(seen[k] == nil, "\(Keymap.name(k)) is bound to \(seen[k].map { "\($0)" } ?? "") and \(b.action) in \(context)")
                seen[k] = b.action
            }
        }
        // A context hides no key of the contexts it falls back on (global on a screen, always everywhere).
        for fallback in Keymap.chain(context).dropFirst() {
            let keys = Set(keymap.bindings.filter { $0.context == fallback }.flatMap(\.keys))
            #expect(keys.isDisjoint(with: seen.keys), "\(context) hides a \(fallback) key")
        }
    }

    @Test("dispatch finds a context's own keys first, then the global ones; forms get no global keys")
    func dispatch() {
        #expect(keymap.action(for: .char("j"), in: .list) == .down)
        #expect(keymap.action(for: .char("x"), in: .detail) == .toggleDone)
        #expect(keymap.action(for: .char("x"), in: .list) == nil)
        #expect(keymap.action(for: .char("q"), in: .detail) == .quit)
        #expect(keymap.action(for: .escape, in: .detail) == .back)
        #expect(keymap.action(for: .ctrl("s"), in: .form) == .save)
        #expect(keymap.action(for: .char("q"), in: .form) == nil)
        #expect(keymap.action(for: .char("u"), in: .form) == nil)
        #expect(keymap.action(for: .ctrl("c"), in: .form) == .terminate, "Ctrl-C works in every context")
        #expect(keymap.action(for: .ctrl("z"), in: .help) == .suspend)
        #expect(keymap.action(for: .char("q"), in: .help) == .back, "q closes the help")
        #expect(keymap.action(for: .char("q"), in: .confirm) == nil, "no global keys over a question")
    }

    /// Contexts that can be on top of the stack (`always` and `global` only add to others).
    static let topContexts = KeyContext.allCases.filter { $0 != .always && $0 != .global }

    @Test("every context that can be on top has footer hints, each with a key and a label", arguments: topContexts)
    func hints(_ context: KeyContext) {
        let hints = keymap.hints(for: context)
        #expect(!hints.isEmpty)
        #expect(hints.allSatisfy { !$0.key.isEmpty && !$0.label.isEmpty })
        switch context {
        case .form: #expect(hints.map(\.key) == ["Ctrl-S", "Tab", "Ctrl-T", "Esc", "Ctrl-E"])
        case .list, .people, .detail, .archive, .person, .insights, .records, .agenda:
            #expect(hints.map(\.key).suffix(3) == ["q", "?", "5"], "the global hints come last, the archive's last of all")
        case .closing: #expect(hints.map(\.key) == ["Ctrl-S", "Tab", "Esc"])
        case .confirm: #expect(hints.map(\.key) == ["y", "n", "Esc"])
        case .newMenu: #expect(hints.map(\.key) == ["p", "c", "m", "Esc"])
        case .conflict: #expect(hints.map(\.key) == ["m", "t", "Enter", "Esc"])
        case .prompt: #expect(hints.map(\.key) == ["Enter", "Esc"])
        case .help: #expect(hints.map(\.key) == ["Esc"])
        case .assessment: #expect(hints.map(\.key) == ["y", "n", "Enter", "↑", "Esc"])
        case .assessmentResult: #expect(hints.map(\.key) == ["c", "m", "b", "↓", "Esc"])
        case .brief: #expect(hints.map(\.key) == ["Esc"])
        case .picker: #expect(hints.map(\.key) == ["Enter", "Esc"])
        case .always, .global: break
        }
    }

    @Test("the footer hints of the list fit in 80 columns")
    func footerFits() {
        // Up to `? help`; `5 archive` comes last and shows where there is room (the people
        // screen, a detail, the archive, and the dashboard from 86 columns).
        let hints = keymap.hints(for: .list).filter { $0.key != "5" }
        let width = hints.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }.reduce(0, +) + 2 * (hints.count - 1)
        #expect(width <= 80)
    }

    @Test("key names read as a user would type them")
    func names() {
        #expect(Keymap.name(.ctrl("s")) == "Ctrl-S")
        #expect(Keymap.name(.backTab) == "Shift-Tab")
        #expect(Keymap.name(.char(" ")) == "Space")
        #expect(Keymap.name(.alt(.char("b"))) == "Alt-b")
        #expect(Keymap.name(.pageDown) == "PgDn")
    }

    @Test("the markdown table has a row per binding")
    func markdown() {
        let rows = keymap.markdown().split(separator: "\n")
        #expect(rows.count == keymap.bindings.count + 2)
        #expect(rows[0] == "| keys | action | where |")
        #expect(rows.contains("| `Ctrl-S` | save the form (from any field) | forms |"))
        #expect(rows.contains("| `↓` `j` | next row | lists |"))
    }

    /// The README's key list is generated: paste `Keymap.standard.markdown()` between the markers.
    @Test("the README's key list matches the keymap")
    func readme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- keys:begin"), "README.md has no <!-- keys:begin marker")
        let afterMarker = try #require(readme[begin.upperBound...].range(of: "-->\n"))
        let end = try #require(readme[afterMarker.upperBound...].range(of: "<!-- keys:end -->"), "README.md has no <!-- keys:end --> marker")
        let section = String(readme[afterMarker.upperBound..<end.lowerBound])
        #expect(section == keymap.markdown(), "README.md's key list is out of date; paste Keymap.standard.markdown() between the markers")
    }
}
