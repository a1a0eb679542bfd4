import Testing
import TandemApp
import TandemConfig
import TandemCore
import TerminalUI

/// config.toml as text in, settings and problems out: every message, at its line and column.
@Suite("config.toml: settings and their problems")
struct ConfigParseTests {
    static func problems(_ text: String, themes: Set<String> = ["default", "light", "mono"]) -> [String] {
        ConfigFile.parse(text, themeExists: { themes.contains($0) }).1.map { "\($0.position): \($0.message)" }
    }

    /// Each bad file and the one problem it must give (position, then how the message starts).
    static let cases: [(String, String, String)] = [
        ("theme = 3\n", "1:1", "theme: expected a theme's name in quotes, such as \"light\"; found a whole number (3)"),
        ("theme = \"nope\"\n", "1:1", "theme: no theme called \"nope\""),
        ("theme = \"a\\u0007b\"\n", "1:1", "theme: \"a\\u{7}b\" is not a theme name"),
        ("date_style = \"weird\"\n", "1:1", "date_style: expected one of \"day-month\", \"month-day\", \"iso\"; found \"weird\""),
        ("date_style = true\n", "1:1", "date_style: expected one of \"day-month\", \"month-day\", \"iso\"; found true"),
        ("\n\ncolour = 1\n", "3:1", "unknown setting \"colour\"; the settings are theme, date_style, [store], [mouse], [notify] and [keys.<context>]"),
        ("store = 1\n", "1:1", "[store]: expected a table of settings; found a whole number (1)"),
        ("[store]\ndue_soon_days = 900\n", "2:1", "[store] due_soon_days: 900 is out of range; the due-soon window is 0 to 365 days"),
        ("[store]\n  momentum_days = \"x\"\n", "2:3", "[store] momentum_days: expected the momentum window as a whole number of days from 1 to 365; found a string (\"x\")"),
        ("[store]\nfizzle_days = 0\n", "2:1", "[store] fizzle_days: 0 is out of range; the fizzle window is 1 to 365 days"),
        ("[store]\nfizzle_days = 1.5\n", "2:1", "[store] fizzle_days: expected the fizzle window as a whole number of days from 1 to 365; found a decimal number"),
        ("[store]\ndeadline = 3\n", "2:1", "[store]: unknown setting \"deadline\"; the settings are due_soon_days, momentum_days, fizzle_days"),
        ("[mouse]\nenabled = \"yes\"\n", "2:1", "[mouse] enabled: expected true or false; found a string (\"yes\")"),
        ("[mouse]\nwheel = true\n", "2:1", "[mouse]: unknown setting \"wheel\"; the setting is enabled"),
        ("mouse = true\n", "1:1", "[mouse]: expected a table of settings; found true"),
        ("[notify]\ncommand = 5\n", "2:1", "[notify] command: expected a command line in quotes, such as \"notify-send\"; found a whole number (5)"),
        ("[notify]\ncommand = \"notify-send 'x\"\n", "2:1", "[notify] command: the quote ' is never closed"),
        ("[notify]\ncommand = \"a\\\\\"\n", "2:1", "[notify] command: a backslash at the end escapes nothing"),
        ("[notify]\ncommand = \"a\\nb\"\n", "2:1", "[notify] command: a command is one line"),
        ("[notify]\nsound = \"x\"\n", "2:1", "[notify]: unknown setting \"sound\"; the setting is command"),
        ("keys = 1\n", "1:1", "[keys]: expected tables such as [keys.list]; found a whole number (1)"),
        ("[keys]\nlist = 1\n", "2:1", "keys.list: expected a table [keys.list] of actions; found a whole number (1)"),
        ("[keys.nowhere]\ndown = [\"j\"]\n", "1:2", "[keys.nowhere]: no such key context; the contexts are always, global, list,"),
        ("[keys.detail]\nfly = [\"x\"]\n", "2:1", "[keys.detail] fly: no such action here; the actions of detail are down, up,"),
        ("[keys.list]\ntypeText = [\"x\"]\n", "2:1", "[keys.list] typeText: no such action here"),
        ("[keys.list]\ndown = \"j\"\n", "2:1", "[keys.list] down: expected a list of keys such as [\"j\", \"Down\"]; found a string (\"j\")"),
        ("[keys.list]\ndown = [\"j\", 4]\n", "2:14", "[keys.list] down: expected each key in quotes, such as \"j\"; found a whole number (4)"),
        ("[keys.list]\nup = []\n", "2:1", "[keys.list] up = []: an action left without a key; give it at least one (its default: [\"Up\", \"k\"])"),
        ("[keys.list]\ntop = [\"Home\", \"Ctl-x\"]\n", "2:16", "[keys.list] top: \"Ctl-x\" is not a key; write one character"),
        ("[keys.list]\ntop = [\"\"]\n", "2:8", "[keys.list] top: \"\" is not a key"),
        ("[keys.list]\nbottom = [\"G\",\n  \"G\"]\n", "3:3", "[keys.list] bottom: \"G\" is listed twice"),
        ("[keys.list]\ndown = [\"s\", \"Down\"]\n", "2:9", "[keys.list] down: \"s\" is also list.sort (cycle the sort order; its default); one key, one action"),
        ("[keys.global]\nquit = [\"P\"]\n", "2:9", "[keys.global] quit: \"P\" is also detail.openPartner"),
        ("[keys.list]\ndown = [\"q\"]\n", "2:9", "[keys.list] down: \"q\" is also global.quit"),
        ("[keys.list]\ndown = [\"z\"]\nup = [\"z\"]\n", "2:9", "[keys.list] down: \"z\" is also list.up (previous row; remapped here too)"),
        ("[keys.always]\nterminate = [\"q\"]\n", "2:14", "[keys.always] terminate: \"q\" is typed in every form and prompt; use a Ctrl-, Alt- or function key, or Enter, Esc, Tab"),
        ("[keys.form]\nsave = [\"s\"]\n", "2:9", "[keys.form] save: \"s\" is typed in form's text fields; use a Ctrl-, Alt- or function key"),
        ("theme = \"x\n", "1:11", "not valid TOML: "),
        ("[store]\n[store]\n", "2:1", "not valid TOML: "),
    ]

    @Test(arguments: cases.indices)
    func eachProblemAtItsPlace(_ i: Int) {
        let (text, at, message) = Self.cases[i]
        let found = Self.problems(text)
        #expect(found.count == 1, "\(text.debugDescription): \(found)")
        #expect(found.first?.hasPrefix("\(at): \(message)") == true, "\(text.debugDescription) gave \(found)")
    }

    @Test func keyProblemsKeepTheWholeStandardTable() {
        let (config, problems) = ConfigFile.parse("[keys.list]\ndown = [\"v\"]\nup = [\"Ctl-x\"]\n")
        #expect(problems.count == 1)
        #expect(problems[0].message.hasSuffix("; the keys stay the defaults"))
        #expect(config.keymap.action(for: .char("j"), in: .list) == .down)
        #expect(config.keymap.action(for: .char("v"), in: .list) == nil)
    }

    @Test func aBadValueKeepsOnlyThatDefault() {
        let (config, problems) = ConfigFile.parse("[store]\ndue_soon_days = 900\nmomentum_days = 10\n[mouse]\nenabled = true\n")
        #expect(problems.count == 1)
        #expect(config.storeSettings.dueSoonDays == Settings().dueSoonDays)
        #expect(config.storeSettings.momentumDays == 10)
        #expect(config.mouse)
    }

    @Test func everySettingRead() {
        let text = """
        theme = "light"
        date_style = "iso"
        [store]
        due_soon_days = 5
        momentum_days = 14
        fizzle_days = 30
        [mouse]
        enabled = true
        [notify]
        command = "sh -c 'cat >> \\"$HOME/log\\"' tandem"
        [keys.list]
        down = ["n", "Down"]
        new = ["N"]
        """
        let (c, problems) = ConfigFile.parse(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(c.theme == "light")
        #expect(c.dateStyle == .iso)
        #expect(c.storeSettings == Settings(momentumDays: 14, dueSoonDays: 5, fizzleDays: 30))
        #expect(c.mouse)
        #expect(c.notifyCommand == ["sh", "-c", "cat >> \"$HOME/log\"", "tandem"])
        #expect(c.keymap.action(for: .char("n"), in: .list) == .down)
        #expect(c.keymap.action(for: .char("N"), in: .list) == .new)
        #expect(c.keymap.action(for: .char("j"), in: .list) == nil)
    }

    @Test func nothingWrittenIsAllDefaults() {
        let (c, problems) = ConfigFile.parse("# nothing\n")
        #expect(problems.isEmpty)
        #expect(c.theme == nil && c.dateStyle == .dayMonth && !c.mouse && c.notifyCommand.isEmpty)
        #expect(c.storeSettings == Settings())
        #expect(c.keymap.markdown() == Keymap.standard.markdown())
    }

    /// `tandem config --print-defaults` passes the check and changes nothing.
    @Test func theDefaultsFileIsCleanAndIsTheDefaults() {
        let (c, problems) = ConfigFile.parse(ConfigFile.defaultsText())
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(c.keymap.markdown() == Keymap.standard.markdown())
        #expect(c.storeSettings == Settings())
        #expect(!c.mouse && c.notifyCommand.isEmpty)
        // Every rebindable action of every context is in it.
        let count = KeyContext.allCases.reduce(0) { $0 + Keymap.standard.remappableActions(in: $1).count }
        #expect(c.keyRemaps.count == count)
    }

    @Test func dottedAndQuotedKeysArePlaced() {
        let found = Self.problems("keys.list.down = [\"s\"]\n[\"mouse\"]\n\"enabled\" = 1\n")
        #expect(found.count == 2, "\(found)")
        #expect(found[0].hasPrefix("1:1: [keys.list] down: \"s\" is also list.sort") || found[0].hasPrefix("1:19:"), "\(found)")
        #expect(found[1].hasPrefix("3:1: [mouse] enabled: expected true or false"), "\(found)")
    }
}
