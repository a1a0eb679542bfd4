import TerminalUI

/// Everything a key can ask the app to do.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, dashboard, people, command, undo, redo
    /// Screens 3 and 4; the insights' period and team; the agenda's weeks.
    case insights, agenda, nextPeriod, nextTeam, prevWeek, nextWeek
    case up, down, pageUp, pageDown, top, bottom, nextPane, prevPane, open, back
    case log, new, edit, archive, filter, sort, toggleDone
    case save, nextField, prevField
    /// Text fields and prompts: the key goes to the field (letters, cursor keys, Backspace…).
    case typeText
    /// A prompt: run the command or keep the filter.
    case submit
    /// A prompt: delete back, or close the prompt when it is empty.
    case deleteBack
    /// Answers to a question.
    case yes, no, reloadFromDisk, keepMine, newPerson, newEngagement, newRelationship
    /// Ctrl-C: quit from anywhere (an open form is kept as a draft).
    case terminate
    case suspend
}

/// Where a binding applies. The dispatcher looks in the top context's own bindings, then (on a
/// screen) in `.global`, then in `.always`.
public enum KeyContext: String, CaseIterable, Sendable {
    /// Every context, whatever is on top: Ctrl-C, Ctrl-Z.
    case always
    /// Every screen (dashboard, people, detail), not overlays.
    case global
    /// The dashboard's two lists.
    case list
    case people, detail, form, prompt, help
    /// A yes/no question (discard, archive).
    case confirm
    /// The insights screen (3), a figure's records, the agenda and timeline (4).
    case insights, records, agenda
    /// `n`'s menu: which kind of record.
    case newMenu
    /// A save found the file changed on disk.
    case conflict

    /// A screen context: the global bindings apply under its own.
    public var isScreen: Bool { [.list, .people, .detail, .insights, .records, .agenda].contains(self) }

    /// What the help overlay calls it.
    public var title: String {
        switch self {
        case .always: "everywhere, even in forms"
        case .global: "every screen"
        case .list: "dashboard lists"
        case .people: "people screen"
        case .detail: "record detail"
        case .form: "forms"
        case .prompt: "prompts (/ and :)"
        case .help: "this help"
        case .confirm: "questions"
        case .newMenu: "the new menu (n)"
        case .conflict: "changed on disk"
        case .insights: "insights screen"
        case .records: "a figure's records"
        case .agenda: "agenda and timeline"
        }
    }
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
    /// Written instead of the keys' names, for bindings that stand for many keys.
    public var keyLabel: String?
    /// The focused text field gets the key first; the binding acts only when the field does not use it.
    public var afterText: Bool
    /// Why the key does nothing here; shown in the status line when pressed (lazygit's disabled reason).
    public var disabled: String?
    /// Changes records: refused (with the reason) and left out of the footer when the store is read-only.
    public var writes: Bool

    public init(_ keys: [Key], _ action: Action, _ help: String, group: String, context: KeyContext, footer: String? = nil,
                keyLabel: String? = nil, afterText: Bool = false, disabled: String? = nil, writes: Bool = false) {
        self.keys = keys; self.action = action; self.help = help; self.group = group
        self.context = context; self.footer = footer; self.keyLabel = keyLabel; self.afterText = afterText
        self.disabled = disabled; self.writes = writes
    }

    /// The keys as the help and the README write them.
    public var keysText: String { keyLabel ?? keys.map(Keymap.name).joined(separator: " ") }
}

/// The one table of keybindings. Dispatch, the footer, the `?` overlay and the README's key
/// list all read it.
public struct Keymap: Sendable {
    public let bindings: [Binding]
    private let lookup: [KeyContext: [Key: Int]]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var l: [KeyContext: [Key: Int]] = [:]
        for (i, b) in bindings.enumerated() { for k in b.keys where l[b.context]?[k] == nil { l[b.context, default: [:]][k] = i } }
        lookup = l
    }

    /// The contexts a key is looked up in, in order, when `context` is on top.
    public static func chain(_ context: KeyContext) -> [KeyContext] {
        if context == .always { return [.always] }
        if context == .global { return [.global, .always] }
        return context.isScreen ? [context, .global, .always] : [context, .always]
    }

    /// The binding a key dispatches to in a context (its own, then global on a screen, then always).
    public func binding(for key: Key, in context: KeyContext) -> Binding? {
        for c in Self.chain(context) { if let i = lookup[c]?[key] { return bindings[i] } }
        return nil
    }

    /// The action for a key in a context, as `binding(for:in:)` finds it.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        binding(for: key, in: context)?.action
    }

    /// The binding that stands for typing in a context (a form's fields, a prompt), if any.
    public func textBinding(in context: KeyContext) -> Binding? {
        bindings.first { $0.context == context && $0.action == .typeText }
    }

    /// The first key bound to an action in a context (for dialogs that show their answers).
    public func key(for action: Action, in context: KeyContext) -> Key? {
        bindings.first { $0.context == context && $0.action == action }?.keys.first
    }

    /// Footer hints for a context: its own first, then the global ones on a screen; disabled
    /// bindings and, on a read-only store, write keys are left out.
    public func hints(for context: KeyContext, readOnly: Bool = false) -> [(key: String, label: String)] {
        let contexts = context.isScreen ? [context, .global] : [context]
        return contexts.flatMap { c in
            bindings.filter { $0.context == c && $0.footer != nil && $0.disabled == nil && !(readOnly && $0.writes) }
        }.map { ($0.keyLabel ?? Keymap.name($0.keys[0]), $0.footer!) }
    }

    /// Bindings grouped for the `?` overlay: `first`'s chain first, then every other context.
    public func sections(first: KeyContext) -> [(context: KeyContext, bindings: [Binding])] {
        let order = Self.chain(first) + KeyContext.allCases.filter { !Self.chain(first).contains($0) }
        return order.compactMap { c in
            let own = bindings.filter { $0.context == c }
            return own.isEmpty ? nil : (c, own)
        }
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
            let keys = b.keyLabel ?? b.keys.map { "`\(Keymap.name($0))`" }.joined(separator: " ")
            let help = b.disabled.map { "\(b.help) — does nothing here: \($0)" } ?? b.help
            out += "| \(keys) | \(help) | \(b.group) |\n"
        }
        return out
    }


    public static let standard = Keymap([
        // Always
        Binding([.ctrl("c")], .terminate, "quit from anywhere (an open form is kept as a draft)", group: "everywhere", context: .always),
        Binding([.ctrl("z")], .suspend, "suspend to the shell (fg to return)", group: "everywhere", context: .always),
        // Every screen
        Binding([.char("q")], .quit, "quit", group: "screens", context: .global, footer: "quit"),
        Binding([.char("?")], .help, "show this help", group: "screens", context: .global, footer: "help"),
        Binding([.char("1")], .dashboard, "dashboard screen", group: "screens", context: .global),
        Binding([.char("2")], .people, "people screen", group: "screens", context: .global),
        Binding([.char("3")], .insights, "insights screen: coverage, attainment, adherence, investment, pulse", group: "screens", context: .global),
        Binding([.char("4")], .agenda, "agenda and timeline screen", group: "screens", context: .global),
        Binding([.char(":")], .command, "command line (:log, :w, :q, :theme, :help)", group: "screens", context: .global),
        Binding([.char("u")], .undo, "undo the last change", group: "screens", context: .global, writes: true),
        Binding([.ctrl("r")], .redo, "redo", group: "screens", context: .global, writes: true),
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
        Binding([.char("l")], .log, "log a session on the selected record", group: "lists", context: .list, footer: "log", writes: true),
        Binding([.char("n")], .new, "new person, engagement or relationship", group: "lists", context: .list, footer: "new", writes: true),
        Binding([.char("e")], .edit, "edit the selected record", group: "lists", context: .list, footer: "edit", writes: true),
        Binding([.char("a")], .archive, "archive: complete or close the selected record", group: "lists", context: .list, writes: true),
        Binding([.char("/")], .filter, "filter the focused pane", group: "lists", context: .list, footer: "filter"),
        Binding([.char("s")], .sort, "cycle the sort order", group: "lists", context: .list, footer: "sort"),
        Binding([.escape], .back, "clear the filter", group: "lists", context: .list),
        // People
        Binding([.down, .char("j")], .down, "next person", group: "people", context: .people),
        Binding([.up, .char("k")], .up, "previous person", group: "people", context: .people),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "people", context: .people),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "people", context: .people),
        Binding([.char("g"), .home], .top, "first person", group: "people", context: .people),
        Binding([.char("G"), .end], .bottom, "last person", group: "people", context: .people),
        Binding([.char("n")], .new, "new person, engagement or relationship", group: "people", context: .people, footer: "new", writes: true),
        Binding([.char("e")], .edit, "edit the selected person", group: "people", context: .people, footer: "edit", writes: true),
        Binding([.char("a")], .archive, "mark the selected person as having left", group: "people", context: .people, footer: "left", writes: true),
        Binding([.char("l")], .log, "log a session", group: "people", context: .people,
                disabled: "sessions are logged on engagements and relationships: 1 for the dashboard"),
        Binding([.char("/")], .filter, "filter", group: "people", context: .people, disabled: "filters work on the dashboard's panes (1)"),
        Binding([.char("s")], .sort, "sort", group: "people", context: .people, disabled: "the roster has one order: current people first, by name"),
        Binding([.enter], .open, "open a detail", group: "people", context: .people,
                disabled: "a person has no detail screen yet: e edits them; their coaching and mentoring open from the dashboard (1)"),
        Binding([.tab, .backTab], .nextPane, "next pane", group: "people", context: .people, disabled: "the people screen has one list"),
        Binding([.escape], .back, "back", group: "people", context: .people, disabled: "this is a top screen: 1 goes to the dashboard"),
        // Detail
        Binding([.down, .char("j")], .down, "next item", group: "detail", context: .detail),
        Binding([.up, .char("k")], .up, "previous item", group: "detail", context: .detail),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "detail", context: .detail),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "detail", context: .detail),
        Binding([.char("g"), .home], .top, "top", group: "detail", context: .detail),
        Binding([.char("G"), .end], .bottom, "bottom", group: "detail", context: .detail),
        Binding([.char("x")], .toggleDone, "mark the selected objective, goal or action item done (or not)", group: "detail", context: .detail, footer: "done", writes: true),
        Binding([.char("l")], .log, "log a session", group: "detail", context: .detail, footer: "log", writes: true),
        Binding([.char("e")], .edit, "edit the record", group: "detail", context: .detail, footer: "edit", writes: true),
        Binding([.char("a")], .archive, "archive the record", group: "detail", context: .detail, writes: true),
        Binding([.escape], .back, "back to the dashboard", group: "detail", context: .detail, footer: "back"),
        // Insights
        Binding([.down, .char("j")], .down, "next figure", group: "insights", context: .insights),
        Binding([.up, .char("k")], .up, "previous figure", group: "insights", context: .insights),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "insights", context: .insights),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "insights", context: .insights),
        Binding([.char("g"), .home], .top, "first figure", group: "insights", context: .insights),
        Binding([.char("G"), .end], .bottom, "last figure", group: "insights", context: .insights),
        Binding([.enter], .open, "open the figure's records", group: "insights", context: .insights, footer: "records"),
        Binding([.char("p")], .nextPeriod, "next period: this quarter, last quarter, this year, all time", group: "insights", context: .insights, footer: "period"),
        Binding([.char("t")], .nextTeam, "next team (all teams first)", group: "insights", context: .insights, footer: "team"),
        Binding([.char("l")], .log, "log a session", group: "insights", context: .insights,
                disabled: "open a figure's records (Enter), then a record, to log on it"),
        Binding([.char("/")], .filter, "filter", group: "insights", context: .insights, disabled: "t picks a team, p a period"),
        Binding([.escape], .back, "back", group: "insights", context: .insights, disabled: "this is a top screen: 1 goes to the dashboard"),
        // A figure's records
        Binding([.down, .char("j")], .down, "next record", group: "records", context: .records),
        Binding([.up, .char("k")], .up, "previous record", group: "records", context: .records),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "records", context: .records),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "records", context: .records),
        Binding([.char("g"), .home], .top, "first record", group: "records", context: .records),
        Binding([.char("G"), .end], .bottom, "last record", group: "records", context: .records),
        Binding([.enter], .open, "open the record's detail", group: "records", context: .records, footer: "open"),
        Binding([.escape], .back, "back to the insights", group: "records", context: .records, footer: "back"),
        // Agenda and timeline
        Binding([.right, .char("]")], .nextWeek, "a week later", group: "agenda", context: .agenda, footer: "week →"),
        Binding([.left, .char("[")], .prevWeek, "a week earlier", group: "agenda", context: .agenda, footer: "week ←"),
        Binding([.char("g"), .home], .top, "back to this week", group: "agenda", context: .agenda, footer: "this week"),
        Binding([.down, .char("j")], .down, "scroll the timeline down", group: "agenda", context: .agenda),
        Binding([.up, .char("k")], .up, "scroll the timeline up", group: "agenda", context: .agenda),
        Binding([.pageDown, .ctrl("d")], .pageDown, "timeline page down", group: "agenda", context: .agenda),
        Binding([.pageUp, .ctrl("u")], .pageUp, "timeline page up", group: "agenda", context: .agenda),
        Binding([.enter], .open, "open a record", group: "agenda", context: .agenda,
                disabled: "the agenda has no selection: open records from the dashboard (1) or the insights (3)"),
        Binding([.escape], .back, "back", group: "agenda", context: .agenda, disabled: "this is a top screen: 1 goes to the dashboard"),
        // Forms
        Binding([.ctrl("s")], .save, "save the form (from any field)", group: "forms", context: .form, footer: "save"),
        Binding([.tab], .nextField, "next field", group: "forms", context: .form, footer: "next field"),
        Binding([.backTab], .prevField, "previous field", group: "forms", context: .form),
        Binding([.enter, .down], .nextField, "next field (in a note: a new line, the next line)", group: "forms", context: .form, afterText: true),
        Binding([.up], .prevField, "previous field (in a note: the line above)", group: "forms", context: .form, afterText: true),
        Binding([.escape], .back, "cancel (asks first if anything was typed)", group: "forms", context: .form, footer: "cancel"),
        Binding([], .typeText, "edit the field: type, ←→ Home End (Ctrl-A Ctrl-E), Alt-B Alt-F words, Backspace Del Ctrl-W Ctrl-K; Space ←→ change a choice",
                group: "forms", context: .form, keyLabel: "text keys"),
        // Prompts
        Binding([.enter], .submit, "run the command; keep the filter", group: "prompts", context: .prompt, footer: "done"),
        Binding([.escape], .back, "cancel (a filter is cleared)", group: "prompts", context: .prompt, footer: "cancel"),
        Binding([.backspace], .deleteBack, "delete back; on an empty prompt, close it", group: "prompts", context: .prompt),
        Binding([], .typeText, "edit the text: type, ←→ Home End, Alt-B Alt-F, Del Ctrl-W Ctrl-K", group: "prompts", context: .prompt, keyLabel: "text keys"),
        // Help
        Binding([.down, .char("j")], .down, "scroll down", group: "help", context: .help),
        Binding([.up, .char("k")], .up, "scroll up", group: "help", context: .help),
        Binding([.pageDown, .char(" ")], .pageDown, "page down", group: "help", context: .help),
        Binding([.pageUp], .pageUp, "page up", group: "help", context: .help),
        Binding([.char("g"), .home], .top, "top", group: "help", context: .help),
        Binding([.char("G"), .end], .bottom, "bottom", group: "help", context: .help),
        Binding([.escape, .char("?"), .char("q")], .back, "close the help", group: "help", context: .help, footer: "close"),
        // Questions
        Binding([.char("y"), .char("Y")], .yes, "yes", group: "questions", context: .confirm, footer: "yes"),
        Binding([.char("n"), .char("N")], .no, "no", group: "questions", context: .confirm, footer: "no"),
        Binding([.escape], .back, "cancel (the same as no)", group: "questions", context: .confirm, footer: "cancel"),
        Binding([.char("p"), .char("P")], .newPerson, "a new person", group: "new menu", context: .newMenu, footer: "person"),
        Binding([.char("c"), .char("C")], .newEngagement, "a new coaching engagement", group: "new menu", context: .newMenu, footer: "coaching"),
        Binding([.char("m"), .char("M")], .newRelationship, "a new mentoring relationship", group: "new menu", context: .newMenu, footer: "mentoring"),
        Binding([.escape], .back, "cancel", group: "new menu", context: .newMenu, footer: "cancel"),
        Binding([.char("r"), .char("R")], .reloadFromDisk, "reload the file from disk (your change is dropped)", group: "changed on disk", context: .conflict, footer: "reload"),
        Binding([.char("k"), .char("K")], .keepMine, "keep the on-screen version (the file is overwritten)", group: "changed on disk", context: .conflict, footer: "keep mine"),
        Binding([.escape], .back, "cancel", group: "changed on disk", context: .conflict,
                disabled: "memory and disk differ until you choose: r takes the file, k keeps yours"),
    ])
}
