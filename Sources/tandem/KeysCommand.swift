import ArgumentParser
import Foundation
import TandemApp
import TerminalUI

/// `tandem keys`: the dashboard's keybindings, from the same table the dashboard dispatches on.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the dashboard's keybindings (the README's key list is this output with --markdown)."
    )

    @Flag(help: "Print a Markdown table.") var markdown = false
    @Flag(help: "The standard keys, ignoring [keys.…] in the config (what the README lists).") var defaults = false

    func run() throws {
        // The user's keys (config.toml's [keys.<context>] over the table), never the defaults they replaced.
        var keymap = Keymap.standard
        if !defaults {
            let loaded = UserConfig.load()
            for p in loaded.problems { FileHandle.standardError.write(Data("tandem: \(p)\n".utf8)) }
            keymap = loaded.config.keymap
        }
        if markdown {
            emit(keymap.markdown())
        } else {
            let rows = keymap.bindings.indices.map { i -> [String] in
                let b = keymap.bindings[i]
                return [b.group, b.keysText, keymap.settingName(of: i) ?? "", b.disabled.map { "\(b.help) — does nothing here: \($0)" } ?? b.help]
            }
            // The action column is never cut: it is the help, and a disabled key's reason.
            // SETTING is what config.toml writes: [keys.list] down = ["j", "Down"] for list.down.
            let all = [["WHERE", "KEYS", "SETTING", "ACTION"]] + rows
            let w0 = all.map { DisplayWidth.of($0[0]) }.max() ?? 0, w1 = all.map { DisplayWidth.of($0[1]) }.max() ?? 0
            let w2 = all.map { DisplayWidth.of($0[2]) }.max() ?? 0
            emit(all.map { Text.pad($0[0], to: w0) + "  " + Text.pad($0[1], to: w1) + "  " + Text.pad($0[2], to: w2) + "  " + $0[3] }.joined(separator: "\n"))
        }
    }
}
