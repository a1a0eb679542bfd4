import ArgumentParser
import TandemApp

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
                [b.group, b.keys.map(Keymap.name).joined(separator: " "), b.help]
            }
            emit(TextTable.render(header: ["WHERE", "KEYS", "ACTION"], rows: rows, rightAligned: [], empty: ""))
        }
    }
}
