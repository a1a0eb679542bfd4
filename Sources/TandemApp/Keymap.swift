import TerminalUI

/// Everything a key can ask the app to do.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, dashboard, people, command, undo, redo
    case up, down, pageUp, pageDown, top, bottom, nextPane, prevPane, open, back
    case log, new, edit, archive, filter, sort, toggleDone
    case save, nextField, prevField
    case suspend
}

/// Where a binding applies. The dispatcher looks in the current context, then in `.global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, detail, form
}

/// One keybinding: keys, action and help travel together so help can't drift from behaviour.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    public var group: String
    public var context: KeyContext
    /// Short label for the footer; `nil` keeps it out of the footer.
    public var footer: String?

    public init(_ keys: [Key], _ action: Action, _ help: String, group: String, context: KeyContext, footer: String? = nil) {
        self.keys = keys; self.action = action; self.help = help; self.group = group
        self.context = context; self.footer = footer
    }
}

/// The one table of keybindings. Dispatch, the footer, the `?` overlay and the README's key
/// list all read it.
public struct Keymap: Sendable {
    public let bindings: [Binding]
    private let lookup: [KeyContext: [Key: Action]]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var l: [KeyContext: [Key: Action]] = [:]
        for b in bindings { for k in b.keys where l[b.context]?[k] == nil { l[b.context, default: [:]][k] = b.action } }
        lookup = l
    }

    /// The action for a key in a context, falling back to the global bindings.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        lookup[context]?[key] ?? (context == .form ? nil : lookup[.global]?[key])
    }

    /// Footer hints for a context: its own first, then the global ones.
    public func hints(for context: KeyContext, except excluded: Set<Action> = []) -> [(key: String, label: String)] {
        let own = bindings.filter { $0.context == context && $0.footer != nil && !excluded.contains($0.action) }
        let global = context == .form || context == .global ? [] : bindings.filter { $0.context == .global && $0.footer != nil }
        return (own + global).map { (Keymap.name($0.keys[0]), $0.footer!) }
    }

    /// A human name for a key: "Ctrl-S", "Shift-Tab", "↑", "PgDn".
    public static func name(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .alt(let k): return "Alt-\(name(k))"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .function(let n): return "F\(n)"
        }
    }

    /// The bindings as a Markdown table, for the README.
    public func markdown() -> String {
        var out = "| keys | action | where |\n| --- | --- | --- |\n"
        for b in bindings {
            let keys = b.keys.map { "`\(Keymap.name($0))`" }.joined(separator: " ")
            out += "| \(keys) | \(b.help) | \(b.group) |\n"
        }
        return out
    }

    public static let standard = Keymap([
        // Global
        Binding([.char("q")], .quit, "quit", group: "everywhere", context: .global, footer: "quit"),
        Binding([.char("?")], .help, "show this help", group: "everywhere", context: .global, footer: "help"),
        Binding([.char("1")], .dashboard, "dashboard screen", group: "everywhere", context: .global),
        Binding([.char("2")], .people, "people screen", group: "everywhere", context: .global),
        Binding([.char(":")], .command, "command line (:log, :w, :q, :theme, :help)", group: "everywhere", context: .global),
        Binding([.char("u")], .undo, "undo the last change", group: "everywhere", context: .global),
        Binding([.ctrl("r")], .redo, "redo", group: "everywhere", context: .global),
        Binding([.ctrl("z")], .suspend, "suspend to the shell (fg to return)", group: "everywhere", context: .global),
        // Lists
        Binding([.down, .char("j")], .down, "next row", group: "lists", context: .list),
        Binding([.up, .char("k")], .up, "previous row", group: "lists", context: .list),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "lists", context: .list),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "lists", context: .list),
        Binding([.char("g"), .home], .top, "first row", group: "lists", context: .list),
        Binding([.char("G"), .end], .bottom, "last row", group: "lists", context: .list),
        Binding([.tab, .right], .nextPane, "next pane", group: "lists", context: .list, footer: "pane"),
        Binding([.backTab, .left], .prevPane, "previous pane", group: "lists", context: .list),
        Binding([.enter], .open, "open the record's detail", group: "lists", context: .list, footer: "open"),
        Binding([.char("l")], .log, "log a session on the selected record", group: "lists", context: .list, footer: "log"),
        Binding([.char("n")], .new, "new person, engagement or relationship", group: "lists", context: .list, footer: "new"),
        Binding([.char("e")], .edit, "edit the selected record", group: "lists", context: .list, footer: "edit"),
        Binding([.char("a")], .archive, "archive: complete or close the selected record", group: "lists", context: .list),
        Binding([.char("/")], .filter, "filter the focused pane", group: "lists", context: .list, footer: "filter"),
        Binding([.char("s")], .sort, "cycle the sort order", group: "lists", context: .list, footer: "sort"),
        Binding([.escape], .back, "clear the filter", group: "lists", context: .list),
        // Detail
        Binding([.down, .char("j")], .down, "next item", group: "detail", context: .detail),
        Binding([.up, .char("k")], .up, "previous item", group: "detail", context: .detail),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "detail", context: .detail),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "detail", context: .detail),
        Binding([.char("g"), .home], .top, "top", group: "detail", context: .detail),
        Binding([.char("G"), .end], .bottom, "bottom", group: "detail", context: .detail),
        Binding([.char("x")], .toggleDone, "mark the selected objective, goal or action item done (or not)", group: "detail", context: .detail, footer: "done"),
        Binding([.char("l")], .log, "log a session", group: "detail", context: .detail, footer: "log"),
        Binding([.char("e")], .edit, "edit the record", group: "detail", context: .detail, footer: "edit"),
        Binding([.char("a")], .archive, "archive the record", group: "detail", context: .detail),
        Binding([.escape], .back, "back to the dashboard", group: "detail", context: .detail, footer: "back"),
        // Forms
        Binding([.ctrl("s")], .save, "save the form (from any field)", group: "forms", context: .form, footer: "save"),
        Binding([.tab], .nextField, "next field", group: "forms", context: .form, footer: "next field"),
        Binding([.backTab], .prevField, "previous field", group: "forms", context: .form),
        Binding([.escape], .back, "cancel (asks first if anything was typed)", group: "forms", context: .form, footer: "cancel"),
    ])
}
