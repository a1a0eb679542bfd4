import Testing
import TandemApp
import TandemConfig
import TerminalUI

@Suite("key names in config.toml")
struct KeyNameTests {
    static let names: [(String, Key?)] = [
        ("j", .char("j")), ("G", .char("G")), ("?", .char("?")), ("é", .char("é")), ("Space", .char(" ")), (" ", .char(" ")),
        ("Enter", .enter), ("return", .enter), ("Tab", .tab), ("Shift-Tab", .backTab), ("Esc", .escape), ("escape", .escape),
        ("Backspace", .backspace), ("Del", .delete), ("Up", .up), ("↓", .down), ("left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PgUp", .pageUp), ("PageDown", .pageDown), ("F1", .function(1)), ("f24", .function(24)),
        ("Ctrl-S", .ctrl("s")), ("ctrl-x", .ctrl("x")), ("Ctrl-Left", .ctrlLeft), ("Alt-k", .alt(.char("k"))), ("Alt-Up", .alt(.up)),
        ("", nil), ("F0", nil), ("F25", nil), ("F01", nil), ("Ctl-x", nil), ("Ctrl-1", nil), ("Ctrl-", nil), ("Alt-Alt-k", nil),
        ("jj", nil), ("\u{7}", nil), ("Hyper-x", nil),
    ]

    @Test(arguments: names.indices)
    func parses(_ i: Int) {
        let (text, key) = Self.names[i]
        #expect(Keymap.parseKey(text) == key, "\(text.debugDescription)")
    }

    /// Every key the table binds reads back from the name a config writes for it, and from the help's name.
    @Test func everyBoundKeyRoundTrips() {
        for b in Keymap.standard.bindings {
            for k in b.keys {
                #expect(Keymap.parseKey(Keymap.configName(k)) == k, "\(Keymap.configName(k))")
                #expect(Keymap.parseKey(Keymap.name(k)) == k, "\(Keymap.name(k))")
            }
        }
    }

    @Test func wordsSplitLikeAShellWithoutOne() {
        let cases: [(String, [String])] = [
            ("notify-send", ["notify-send"]),
            ("  notify-send   -u critical ", ["notify-send", "-u", "critical"]),
            ("sh -c 'echo \"$1\" >> ~/log' x", ["sh", "-c", "echo \"$1\" >> ~/log", "x"]),
            ("a\\ b \"c \\\"d\\\"\"", ["a b", "c \"d\""]),
            ("'' x", ["", "x"]),
            ("", []),
        ]
        for (line, words) in cases {
            #expect((try? CommandWords.split(line).get()) == words, "\(line)")
        }
    }
}
