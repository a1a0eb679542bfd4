import TandemApp
import TandemCore

extension ConfigFile {
    /// `tandem config --print-defaults`: a config file of every default, commented, that
    /// `tandem config --check` passes. Copy it to the config path and change what you like;
    /// lines you delete keep their default.
    public static func defaultsText(keymap: Keymap = .standard) -> String {
        let s = Settings()
        var out = """
        # Tandem's settings: $XDG_CONFIG_HOME/tandem/config.toml (else ~/.config/tandem/config.toml).
        # Every setting is optional: delete a line and it keeps the default shown here.
        # Check a file with `tandem config --check [FILE]`.

        # The theme the dashboard opens with: default, light, high-contrast, mono, or the name of
        # a .theme file in the themes folder beside this file. --theme, NO_COLOR and
        # TANDEM_THEME still win.
        theme = "default"

        # How short dates are written: "day-month" (29 Nov), "month-day" (Nov 29) or "iso" (2026-11-29).
        date_style = "\(DateStyle.dayMonth.rawValue)"

        # The thresholds a NEW store starts with (an existing store keeps its tandem.json).
        [store]
        # A mentoring session or a coaching deadline this many days away is "due soon".
        due_soon_days = \(s.dueSoonDays)
        # An active engagement with no session for more than this many days has lost momentum.
        momentum_days = \(s.momentumDays)
        # A relationship with one session and nothing for this many days has fizzled.
        fizzle_days = \(s.fizzleDays)

        # Clicks and the wheel. Off by default, so the terminal's own text selection works.
        # On: the wheel scrolls the pane under the pointer, a click selects a row or a field or
        # runs a footer hint, a double click opens a record.
        [mouse]
        enabled = false

        # A command run when something crosses a threshold (a deadline within due_soon_days,
        # a mentoring pair overdue or drifting, an engagement losing momentum), while the
        # dashboard is open or when `tandem status --notify` runs (from cron, say). Each event
        # once per record and day. The command gets two arguments (a summary and a message,
        # as notify-send wants them) and the event as JSON on its standard input. Its words
        # are split like a shell's but no shell runs: write sh -c '…' for one. "" = off.
        [notify]
        command = ""

        # Keys: [keys.<context>] <action> = ["key", …] replaces that action's keys in that
        # context (the names as `tandem keys` lists them, e.g. list.down). A key is one
        # character ("j", "G", "?") or Space, Enter, Tab, Shift-Tab, Esc, Backspace, Del, Up,
        # Down, Left, Right, Home, End, PgUp, PgDn, F1-F24, Ctrl-Left, Ctrl-Right, Ctrl-<letter>,
        # Alt-<key>. One key, one action: two actions of a context (or of a screen and
        # [keys.global]) cannot share a key, and every action keeps at least one.

        """
        for context in KeyContext.allCases {
            let actions = keymap.remappableActions(in: context)
            guard !actions.isEmpty else { continue }
            out += "\n# \(context.title)\n[keys.\(context.rawValue)]\n"
            for action in actions {
                guard let i = keymap.remappableRow(context, action) else { continue }
                let b = keymap.bindings[i]
                let keys = b.keys.map { "\"\(tomlEscape(Keymap.configName($0)))\"" }.joined(separator: ", ")
                out += "\(action.rawValue) = [\(keys)]  # \(b.help)\n"
            }
        }
        return out
    }

    static func tomlEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
