import TerminalUI

/// Everything a key can ask the app to do.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, dashboard, people, command, undo, redo
    /// Screens 3 and 4; the insights' period and team; the agenda's weeks.
    case insights, agenda, nextPeriod, nextTeam, prevWeek, nextWeek
    case up, down, pageUp, pageDown, top, bottom, nextPane, prevPane, open, back
    case log, new, edit, archive, filter, sort, toggleDone
    /// `5`: the archive screen. `R`: reopen a closed record (resume a paused pair).
    case showArchive, reopen
    case save, nextField, prevField
    /// Item lists in a form (objectives, metrics, goals, action items).
    case addItem, removeItem, toggleItemDone, moveItemUp, moveItemDown
    /// The detail: delete the selected session (asks first).
    case deleteSession
    /// Text fields and prompts: the key goes to the field (letters, cursor keys, Backspace…).
    case typeText
    /// A prompt: run the command or keep the filter.
    case submit
    /// A prompt: delete back, or close the prompt when it is empty.
    case deleteBack
    /// Answers to a question.
    case yes, no, newPerson, newEngagement, newRelationship
    /// The conflict dialog: mine or theirs for the field under the cursor, or for every field.
    case mine, theirs, allMine, allTheirs
    /// A form's note: edit it in `$VISUAL`/`$EDITOR`.
    case editExternally
    /// `A`: the needs assessment of the selected person.
    case assess
    /// `p`: the prep brief of the selected record.
    case prep
    /// An assessment's result: start the engagement and the relationship (hybrid).
    case startBoth
    /// Ctrl-T in a form: pick the focused field's value from a list.
    case pick
    /// `M` on a completed engagement: continue the growth as mentoring.
    case continueAsMentoring
    /// Ctrl-C: quit from anywhere (an open form is kept as a draft).
    case terminate
    case suspend
    /// Ctrl-L: draw the whole screen again (after another program wrote over it).
    case redraw
    /// A person: mark them as having left (asking the day), or as current again.
    case leave
    /// A person who left: close their open records (asking first).
    case closeOpenWork
    /// A record's detail: the coachee's or mentee's screen; the coach's or mentor's.
    case openPerson, openPartner
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
    /// One person's screen: their profile and records.
    case person
    /// A yes/no question (discard, archive).
    case confirm
    /// The insights screen (3), a figure's records, the agenda and timeline (4).
    case insights, records, agenda
    /// `n`'s menu: which kind of record.
    case newMenu
    /// A save found the same fields changed here and on disk: choose per field.
    case conflict
    /// The archive screen (`5`).
    case archive
    /// The closing dialog (`a` on an engagement or a relationship).
    case closing
    /// The needs-assessment interview's questions.
    case assessment
    /// The needs assessment's result.
    case assessmentResult
    /// The prep brief.
    case brief
    /// A form's picker (Ctrl-T).
    case picker

    /// A screen context: the global bindings apply under its own.
    public var isScreen: Bool { [.list, .people, .detail, .archive, .person, .insights, .records, .agenda].contains(self) }

    /// What the help overlay calls it.
    public var title: String {
        switch self {
        case .always: "everywhere, even in forms"
        case .global: "every screen"
        case .list: "dashboard lists"
        case .people: "people screen"
        case .detail: "record detail"
        case .person: "person screen"
        case .form: "forms"
        case .prompt: "prompts (/ and :)"
        case .help: "this help"
        case .confirm: "questions"
        case .newMenu: "the new menu (n)"
        case .conflict: "changed here and elsewhere"
        case .archive: "archive screen"
        case .closing: "closing dialog"
        case .assessment: "the needs assessment (A)"
        case .assessmentResult: "the assessment's result"
        case .brief: "the prep brief (b)"
        case .picker: "a form's picker (Ctrl-T)"
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
    /// Per context, the bindings that can be footer hints (a footer label, enabled, with a key),
    /// in table order: what every frame's footer picks from.
    private let hintable: [KeyContext: [Binding]]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        var l: [KeyContext: [Key: Int]] = [:]
        for (i, b) in bindings.enumerated() { for k in b.keys where l[b.context]?[k] == nil { l[b.context, default: [:]][k] = i } }
        lookup = l
        var h: [KeyContext: [Binding]] = [:]
        for b in bindings where b.footer != nil && b.disabled == nil && !b.keys.isEmpty { h[b.context, default: []].append(b) }
        hintable = h
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
    public func hints(for context: KeyContext, readOnly: Bool = false, hiding: Set<Action> = []) -> [(key: String, label: String)] {
        hintBindings(for: context, readOnly: readOnly, hiding: hiding).map { ($0.keyLabel ?? Keymap.name($0.keys[0]), $0.footer!) }
    }

    /// The bindings behind `hints(for:readOnly:hiding:)`, in the same order.
    public func hintBindings(for context: KeyContext, readOnly: Bool = false, hiding: Set<Action> = []) -> [Binding] {
        let contexts = context.isScreen ? [context, .global] : [context]
        return contexts.flatMap { c in
            (hintable[c] ?? []).filter { !(readOnly && $0.writes) && (hiding.isEmpty || !hiding.contains($0.action)) }
        }
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
        Binding([.ctrl("l")], .redraw, "draw the whole screen again", group: "everywhere", context: .always),
        // Every screen
        Binding([.char("q")], .quit, "quit", group: "screens", context: .global, footer: "quit"),
        Binding([.char("?")], .help, "show this help", group: "screens", context: .global, footer: "help"),
        Binding([.char("5")], .showArchive, "archive screen: completed, cancelled and closed records", group: "screens", context: .global, footer: "archive"),
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
        Binding([.char("a")], .archive, "close the selected record: complete, cancel or put on hold an engagement; pause or close a relationship", group: "lists", context: .list, writes: true),
        Binding([.char("/")], .filter, "filter the focused pane", group: "lists", context: .list, footer: "filter"),
        Binding([.char("s")], .sort, "cycle the sort order", group: "lists", context: .list, footer: "sort"),
        Binding([.char("b")], .prep, "the prep brief of the selected record: last notes, open actions, metric changes, untouched goals", group: "lists", context: .list),
        Binding([.escape], .back, "clear the filter", group: "lists", context: .list),
        // People
        Binding([.down, .char("j")], .down, "next person", group: "people", context: .people),
        Binding([.up, .char("k")], .up, "previous person", group: "people", context: .people),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "people", context: .people),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "people", context: .people),
        Binding([.char("g"), .home], .top, "first person", group: "people", context: .people),
        Binding([.char("G"), .end], .bottom, "last person", group: "people", context: .people),
        Binding([.enter], .open, "open the person's screen: their records, hours and load", group: "people", context: .people, footer: "open"),
        Binding([.char("/")], .filter, "filter by name, role, team or expertise", group: "people", context: .people, footer: "filter"),
        Binding([.char("n")], .new, "new person, engagement or relationship", group: "people", context: .people, footer: "new", writes: true),
        Binding([.char("e")], .edit, "edit the selected person", group: "people", context: .people, footer: "edit", writes: true),
        Binding([.char("a")], .leave, "mark the selected person as having left (asks the day), or as current again", group: "people", context: .people, footer: "left", writes: true),
        Binding([.char("c")], .closeOpenWork, "close the open records of someone who left (lists them and asks first)", group: "people", context: .people, footer: "close", writes: true),
        Binding([.char("A")], .assess, "needs assessment of the selected person: coaching, mentoring or both", group: "people", context: .people, footer: "assess", writes: true),
        Binding([.char("l")], .log, "log a session", group: "people", context: .people,
                disabled: "sessions are logged on engagements and relationships: 1 for the dashboard"),
        Binding([.char("s")], .sort, "sort", group: "people", context: .people, disabled: "the roster has one order: current people first, by name"),
        Binding([.tab, .backTab], .nextPane, "next pane", group: "people", context: .people, disabled: "the people screen has one list"),
        Binding([.escape], .back, "clear the filter", group: "people", context: .people),
        // Person
        Binding([.down, .char("j")], .down, "next record", group: "person", context: .person),
        Binding([.up, .char("k")], .up, "previous record", group: "person", context: .person),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "person", context: .person),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "person", context: .person),
        Binding([.char("g"), .home], .top, "first record", group: "person", context: .person),
        Binding([.char("G"), .end], .bottom, "last record", group: "person", context: .person),
        Binding([.enter], .open, "open the selected record's detail", group: "person", context: .person, footer: "open"),
        Binding([.char("e")], .edit, "edit the person", group: "person", context: .person, footer: "edit", writes: true),
        Binding([.char("a")], .leave, "mark the person as having left (asks the day), or as current again", group: "person", context: .person, footer: "left", writes: true),
        Binding([.char("c")], .closeOpenWork, "close the open records of someone who left (lists them and asks first)", group: "person", context: .person, footer: "close", writes: true),
        Binding([.char("A")], .assess, "needs assessment of the person: coaching, mentoring or both", group: "person", context: .person, footer: "assess", writes: true),
        Binding([.char("l")], .log, "log a session", group: "person", context: .person,
                disabled: "sessions are logged on a record: Enter opens the selected one, then l"),
        Binding([.escape], .back, "back", group: "person", context: .person, footer: "back"),
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
        Binding([.enter], .open, "edit the selected session", group: "detail", context: .detail, footer: "session", writes: true),
        Binding([.char("d")], .deleteSession, "delete the selected session (asks first, says what goes)", group: "detail", context: .detail, footer: "delete", writes: true),
        Binding([.char("a")], .archive, "close the record: complete, cancel or put on hold; pause or close a pair (paused or on hold: resume or close)", group: "detail", context: .detail, writes: true),
        Binding([.char("R")], .reopen, "reopen a closed record, today (a paused pair or an engagement on hold resumes); its history keeps the closing", group: "detail", context: .detail, writes: true),
        Binding([.char("p")], .openPerson, "the coachee's or mentee's person screen", group: "detail", context: .detail),
        Binding([.char("P")], .openPartner, "the coach's or mentor's person screen", group: "detail", context: .detail),
        Binding([.char("b")], .prep, "the prep brief: last notes, open actions, metric changes, untouched goals", group: "detail", context: .detail, footer: "brief"),
        Binding([.char("M")], .continueAsMentoring, "on a completed engagement: continue as mentoring with the top suggested mentor (linked; the form opens to adjust)",
                group: "detail", context: .detail, writes: true),
        Binding([.escape], .back, "back to the dashboard", group: "detail", context: .detail, footer: "back"),
        // Archive
        Binding([.down, .char("j")], .down, "next record", group: "archive", context: .archive),
        Binding([.up, .char("k")], .up, "previous record", group: "archive", context: .archive),
        Binding([.pageDown, .ctrl("d")], .pageDown, "page down", group: "archive", context: .archive),
        Binding([.pageUp, .ctrl("u")], .pageUp, "page up", group: "archive", context: .archive),
        Binding([.char("g"), .home], .top, "newest", group: "archive", context: .archive),
        Binding([.char("G"), .end], .bottom, "oldest", group: "archive", context: .archive),
        Binding([.enter], .open, "open the record's detail", group: "archive", context: .archive, footer: "open"),
        Binding([.char("R")], .reopen, "reopen the selected record today (an engagement active again, a relationship resumed); its history keeps the closing",
                group: "archive", context: .archive, footer: "reopen", writes: true),
        Binding([.char("/")], .filter, "filter the archive", group: "archive", context: .archive, footer: "filter"),
        Binding([.escape], .back, "clear the filter", group: "archive", context: .archive),
        Binding([.char("e")], .edit, "edit the selected record", group: "archive", context: .archive, writes: true),
        Binding([.char("l"), .char("a"), .char("x")], .log, "log, close or mark done: says when the record closed (R reopens it first)",
                group: "archive", context: .archive),
        Binding([.char("s")], .sort, "sort", group: "archive", context: .archive, disabled: "the archive has one order: newest closing first"),
        Binding([.tab, .backTab], .nextPane, "next pane", group: "archive", context: .archive, disabled: "the archive has one list"),
        Binding([.char("n")], .new, "new record", group: "archive", context: .archive,
                disabled: "new records start on the dashboard (1) or the people screen (2)"),
        // Closing dialog
        Binding([.ctrl("s")], .save, "save the closing (from any field)", group: "closing", context: .closing, footer: "save"),
        Binding([.tab], .nextField, "next field", group: "closing", context: .closing, footer: "next field"),
        Binding([.backTab], .prevField, "previous field", group: "closing", context: .closing),
        Binding([.enter, .down], .nextField, "next field (in the outcome: a new line, the next line)", group: "closing", context: .closing, afterText: true),
        Binding([.up], .prevField, "previous field (in the outcome: the line above)", group: "closing", context: .closing, afterText: true),
        Binding([.escape], .back, "cancel (asks first if anything was typed)", group: "closing", context: .closing, footer: "cancel"),
        Binding([], .typeText, "edit the field: type, ←→ Home End, Backspace Del Ctrl-W Ctrl-K; Space ←→ change the choice",
                group: "closing", context: .closing, keyLabel: "text keys"),
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
        Binding([.right, .char("]")], .nextWeek, "a week later", group: "agenda", context: .agenda, footer: "next week"),
        Binding([.left, .char("[")], .prevWeek, "a week earlier", group: "agenda", context: .agenda, footer: "last week"),
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
        Binding([.ctrl("t")], .pick, "pick from a list: a metric template in Metrics, a mentor ranked for the mentee in Mentor, a person in the other people fields", group: "forms", context: .form, footer: "pick"),
        Binding([.backTab], .prevField, "previous field", group: "forms", context: .form),
        Binding([.enter, .down], .nextField, "next field (in a note: a new line, the next line; in a list: a new item, the next item; Enter in a people field with nobody picked opens the list of people)", group: "forms", context: .form, afterText: true),
        Binding([.up], .prevField, "previous field (in a note: the line above; in a list: the item above)", group: "forms", context: .form, afterText: true),
        Binding([.ctrl("n")], .addItem, "in a list: a new item below the selected one", group: "forms", context: .form),
        Binding([.ctrl("x")], .removeItem, "in a list: remove the item (asks first if it has readings or a done day)", group: "forms", context: .form),
        Binding([.ctrl("d")], .toggleItemDone, "in a list: mark the item done today, or open again", group: "forms", context: .form),
        Binding([.alt(.char("k")), .alt(.up)], .moveItemUp, "in a list: move the item up", group: "forms", context: .form, keyLabel: "Alt-k Alt-↑"),
        Binding([.alt(.char("j")), .alt(.down)], .moveItemDown, "in a list: move the item down", group: "forms", context: .form, keyLabel: "Alt-j Alt-↓"),
        Binding([.escape], .back, "cancel (asks first if anything was typed)", group: "forms", context: .form, footer: "cancel"),
        Binding([.ctrl("e")], .editExternally, "in a note: edit it in $VISUAL or $EDITOR (in a one-line field Ctrl-E goes to the end)",
                group: "forms", context: .form, footer: "editor", afterText: true),
        Binding([], .typeText, "edit the field: type or paste, ←→ Home End (Ctrl-A Ctrl-E), Alt-B Alt-F words, Backspace Del Ctrl-W Ctrl-K Ctrl-U; Space ←→ change a choice; in a people field typing opens the list, filtered by what you type",
                group: "forms", context: .form, keyLabel: "text keys"),
        Binding([.ctrl("u")], .typeText, "delete from the start of the line to the cursor", group: "forms", context: .form, afterText: true),
        // Prompts
        Binding([.enter], .submit, "run the command; keep the filter", group: "prompts", context: .prompt, footer: "done"),
        Binding([.escape], .back, "cancel (a filter is cleared)", group: "prompts", context: .prompt, footer: "cancel"),
        Binding([.backspace], .deleteBack, "delete back; on an empty prompt, close it", group: "prompts", context: .prompt),
        Binding([], .typeText, "edit the text: type or paste, ←→ Home End, Alt-B Alt-F, Del Ctrl-W Ctrl-K Ctrl-U", group: "prompts", context: .prompt, keyLabel: "text keys"),
        Binding([.ctrl("u")], .typeText, "delete from the start to the cursor", group: "prompts", context: .prompt, afterText: true),
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
        Binding([.down, .char("j")], .down, "next field", group: "changed here and elsewhere", context: .conflict),
        Binding([.up, .char("k")], .up, "previous field", group: "changed here and elsewhere", context: .conflict),
        Binding([.char("m"), .left], .mine, "keep mine (the on-screen version) for this field", group: "changed here and elsewhere", context: .conflict, footer: "mine"),
        Binding([.char("t"), .right], .theirs, "take theirs (the file's) for this field", group: "changed here and elsewhere", context: .conflict, footer: "theirs"),
        Binding([.char("M")], .allMine, "keep mine for every field", group: "changed here and elsewhere", context: .conflict),
        Binding([.char("T")], .allTheirs, "take theirs for every field", group: "changed here and elsewhere", context: .conflict),
        Binding([.enter, .ctrl("s")], .save, "save with these choices (everything else is merged)", group: "changed here and elsewhere",
                context: .conflict, footer: "save", writes: true),
        Binding([.escape], .back, "close without saving: your version stays on screen, unsaved (:w tries again)",
                group: "changed here and elsewhere", context: .conflict, footer: "keep unsaved"),
        // The needs assessment
        Binding([.char("y"), .char("Y")], .yes, "answer yes", group: "assessment", context: .assessment, footer: "yes"),
        Binding([.char("n"), .char("N")], .no, "answer no", group: "assessment", context: .assessment, footer: "no"),
        Binding([.enter], .submit, "take the months typed, or keep the answer given, and go on", group: "assessment", context: .assessment, footer: "next"),
        Binding([.up, .backTab], .prevField, "back to the previous question", group: "assessment", context: .assessment, footer: "back"),
        Binding([.down, .tab], .nextField, "the next question, keeping the answer given", group: "assessment", context: .assessment),
        Binding([.escape], .back, "stop the interview (asks first when answers would be lost)", group: "assessment", context: .assessment, footer: "stop"),
        Binding([], .typeText, "type the horizon in months: digits, Backspace, ←→", group: "assessment", context: .assessment, keyLabel: "text keys"),
        Binding([.char("c"), .char("m"), .char("b")], .startBoth, "start an engagement or a relationship", group: "assessment", context: .assessment,
                disabled: "the recommendation comes after the last question"),
        Binding([.char("c"), .char("C")], .newEngagement, "start the coaching engagement: the new-engagement form, with the focus and a suggested metric",
                group: "assessment result", context: .assessmentResult, footer: "coaching", writes: true),
        Binding([.char("m"), .char("M")], .newRelationship, "start the mentoring relationship: the new-relationship form, with the chosen mentor",
                group: "assessment result", context: .assessmentResult, footer: "mentoring", writes: true),
        Binding([.char("b"), .char("B")], .startBoth, "start both (hybrid): the engagement form, then the relationship form",
                group: "assessment result", context: .assessmentResult, footer: "both", writes: true),
        Binding([.down, .char("j")], .down, "choose the next mentor suggestion", group: "assessment result", context: .assessmentResult, footer: "mentor"),
        Binding([.up, .char("k")], .up, "choose the previous mentor suggestion", group: "assessment result", context: .assessmentResult),
        Binding([.escape], .back, "close (the assessment is saved; u undoes it)", group: "assessment result", context: .assessmentResult, footer: "close"),
        Binding([.char("y"), .char("n")], .yes, "answer", group: "assessment result", context: .assessmentResult,
                disabled: "the interview is over: Esc closes, A on the person asks again"),
        // The prep brief
        Binding([.down, .char("j")], .down, "scroll down", group: "prep brief", context: .brief),
        Binding([.up, .char("k")], .up, "scroll up", group: "prep brief", context: .brief),
        Binding([.pageDown, .char(" ")], .pageDown, "page down", group: "prep brief", context: .brief),
        Binding([.pageUp], .pageUp, "page up", group: "prep brief", context: .brief),
        Binding([.char("g"), .home], .top, "top", group: "prep brief", context: .brief),
        Binding([.char("G"), .end], .bottom, "bottom", group: "prep brief", context: .brief),
        Binding([.escape, .char("b"), .char("q")], .back, "close the brief", group: "prep brief", context: .brief, footer: "close"),
        // A form's picker
        Binding([.down], .down, "next choice", group: "picker", context: .picker),
        Binding([.up], .up, "previous choice", group: "picker", context: .picker),
        Binding([.enter], .submit, "put the choice into the field (a person: and go on to the next field)", group: "picker", context: .picker, footer: "pick"),
        Binding([.tab], .nextField, "put the choice into the field and go on to the next field", group: "picker", context: .picker),
        Binding([.escape], .back, "close, leaving the field as it was (what you typed to open it stays in the field, marked if it names nobody)", group: "picker", context: .picker, footer: "cancel"),
        Binding([], .typeText, "filter the list: type, Backspace, ←→", group: "picker", context: .picker, keyLabel: "text keys"),
    ])
}
