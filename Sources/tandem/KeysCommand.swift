import ArgumentParser
import TandemApp
import TerminalUI

/// `tandem keys`: the dashboard's keybindings, from the same table the dashboard dispatches on.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the dashboard's keybindings (the README's key list is this output with --markdown)."
    )

    @Flag(help: "Print a Markdown table.") var markdown = false

    func run() throws {
        if markdown {
            emit(Keymap.standard.markdown())
        } else {
            let rows = Keymap.standard.bindings.map { b in
                [b.group, b.keysText, b.disabled.map { "\(b.help) — does nothing here: \($0)" } ?? b.help]
            }
            // The action column is never cut: it is the help, and a disabled key's reason.
            let all = [["WHERE", "KEYS", "ACTION"]] + rows
            let w0 = all.map { DisplayWidth.of($0[0]) }.max() ?? 0, w1 = all.map { DisplayWidth.of($0[1]) }.max() ?? 0
            emit(all.map { Text.pad($0[0], to: w0) + "  " + Text.pad($0[1], to: w1) + "  " + $0[2] }.joined(separator: "\n"))
        }
    }
}
