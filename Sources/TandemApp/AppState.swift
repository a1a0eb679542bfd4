import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The two panes of the dashboard.
public enum Pane: String, Sendable { case coaching, mentoring }

/// Sort orders `s` cycles through.
public enum CoachingSort: String, CaseIterable, Sendable { case deadline, name, progress }
public enum MentoringSort: String, CaseIterable, Sendable { case nextDue = "next due", health, name }

/// The screen under any overlays: the topmost dashboard, people or detail context on the stack.
public enum Screen: Equatable, Sendable {
    case dashboard
    case people
    case detail(RecordRef)
    case archive
    case person(UUID)
    case insights
    case agenda
    /// A figure's records.
    case records
}

/// A status line message; `at` is when it was shown (the clock's seconds), for fading.
public struct Status: Equatable, Sendable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) { self.text = text; self.kind = kind }

    /// Seconds a message stays before a tick clears it (errors stay longer, to be read).
    public static func fadeSeconds(_ kind: Kind) -> Double { kind == .error ? 15 : 6 }
}

/// A text prompt at the bottom: `/` filter or `:` command line.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case filter(Pane), command, archiveFilter
        /// `/` on the people screen.
        case filterPeople
        /// `a` on a person: the day they left.
        case leftOn(UUID)
    }
    public var kind: Kind
    public var field: LineField
    /// Why the text was not taken (shown beside it; the text stays).
    public var error: String?
}

/// A question over everything else, answered with keys from its key context.
public struct Confirm: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case discardForm
        case archive(RecordRef)
        /// Esc on a closing dialog with something typed.
        case discardClosing
        /// `n`: which kind of record to create.
        case newMenu
        /// A mentoring pair to save despite `PersonRules.pairingWarnings` (the form stays under it).
        case pairing(Change, draft: String)
        /// Close the open records of a person who left.
        case closeOpenWork(UUID)
        /// Mark a person who left as current again.
        case markCurrent(UUID)
        /// Ctrl-X on an item with history (a metric's readings, a done day): the form field and row.
        case removeItem(field: String, row: Int)
        /// `d` on a session in the detail.
        case deleteSession(RecordRef, UUID)
        /// Esc in a needs assessment with answers given and nothing saved yet.
        case discardAssessment
        /// An engagement just completed: continue the person's growth as mentoring?
        case continueAsMentoring(RecordRef)
    }
    public var purpose: Purpose
    public var title: String
    public var message: String
    /// The answers, in order, with the words shown beside their keys (the keys come from the
    /// key table for `keyContext`).
    public var choices: [(action: Action, label: String)]

    public init(purpose: Purpose, title: String, message: String, choices: [(action: Action, label: String)]) {
        self.purpose = purpose; self.title = title; self.message = message; self.choices = choices
    }

    /// Where this question's keys live in the key table.
    public var keyContext: KeyContext {
        switch purpose {
        case .discardForm, .archive, .discardClosing, .pairing, .closeOpenWork, .markCurrent, .removeItem, .deleteSession, .discardAssessment, .continueAsMentoring: .confirm
        case .newMenu: .newMenu
        }
    }

    public static func == (a: Confirm, b: Confirm) -> Bool {
        a.purpose == b.purpose && a.title == b.title && a.message == b.message
            && a.choices.map(\.action) == b.choices.map(\.action) && a.choices.map(\.label) == b.choices.map(\.label)
    }
}

/// The `?` overlay's own state.
public struct HelpState: Equatable, Sendable {
    public var scroll = 0
    /// The context whose keys are listed first (what was on top when `?` was pressed).
    public var about: KeyContext
    /// The overlay's lines, made when it opens (the key table does not change while it is up),
    /// so a frame or a scroll does not list the whole table again; `nil`: made when drawn.
    var rows: [HelpContent.Row]?
    public init(about: KeyContext) { self.about = about }
    init(about: KeyContext, keymap: Keymap) { self.about = about; rows = HelpContent.rows(keymap, about: about) }

    /// The overlay's lines for this key table.
    func rows(_ keymap: Keymap) -> [HelpContent.Row] { rows ?? HelpContent.rows(keymap, about: about) }
}

/// One entry of the context stack: what has the keys is the top. Each case carries its own
/// state; the dashboard's and the roster's panes live in `AppState.dashboard` and
/// `AppState.roster` because they outlive the context (number keys switch screens and back).
///
/// A new screen is one case here, its state, its update in `Update.swift` (`dispatch`), a view
/// drawn by `AppView`, and rows in `Keymap.standard` under its `KeyContext` (see ARCHITECTURE.md).
public enum Context: Equatable, Sendable {
    case dashboard
    case people
    case detail(DetailState)
    case form(Form)
    case confirm(Confirm)
    case prompt(Prompt)
    case help(HelpState)
    /// `5`: completed, cancelled and closed records.
    case archive
    /// `a`: how an engagement or a relationship ends (or pauses, or resumes).
    case closing(ClosingState)
    /// A save found fields changed here and on disk: choose per field.
    case conflict(ConflictState)
    /// A person's own screen (Enter on the people screen).
    case person(PersonState)
    /// `A` on a person: the needs-assessment interview, then its result.
    case assessment(AssessmentState)
    /// `p` on a record: the prep brief.
    case brief(BriefState)
    /// Ctrl-T in a form: a filterable list for the focused field.
    case picker(PickerState)
    case insights(InsightsState)
    case agenda(AgendaState)
    /// A figure of the insights opened to its records.
    case records(RecordsState)

    /// Where this context's keys live in the key table.
    public var keyContext: KeyContext {
        switch self {
        case .dashboard: .list
        case .people: .people
        case .detail: .detail
        case .form: .form
        case .confirm(let c): c.keyContext
        case .prompt: .prompt
        case .help: .help
        case .archive: .archive
        case .closing: .closing
        case .conflict: .conflict
        case .person: .person
        case .assessment(let a): a.result == nil ? .assessment : .assessmentResult
        case .brief: .brief
        case .picker: .picker
        case .insights: .insights
        case .agenda: .agenda
        case .records: .records
        }
    }

    /// A full screen (drawn under overlays; number keys and the global keys work on it).
    public var isScreen: Bool {
        switch self {
        case .dashboard, .people, .detail, .archive, .person, .insights, .agenda, .records: true
        case .form, .confirm, .prompt, .help, .closing, .conflict, .assessment, .brief, .picker: false
        }
    }
}

/// Selection, scroll, filter and sort of one list. The selection is kept by record id, so it
/// stays on the same record after a re-sort, a filter, a save or a reload; `scroll` is the
/// index view of it, put back in step by `reselect`.
public struct PaneState<Sort: CaseIterable & Equatable & Sendable & RawRepresentable>: Equatable, Sendable
    where Sort.RawValue == String, Sort.AllCases.Index == Int {
    public var scroll = ScrollState()
    public var selectedID: UUID?
    public var filter = ""
    public var sort: Sort

    public init(sort: Sort) { self.sort = sort }

    /// The selected row's index.
    public var selected: Int? { scroll.selected }

    /// Finds the selected record again in `ids` (the rows as now shown): the same record when
    /// it is still there, else the row at the old position (clamped), else nothing.
    public mutating func reselect(_ ids: [UUID]) {
        if let id = selectedID, let i = ids.firstIndex(of: id) {
            scroll.moveTo(i, count: ids.count)
        } else {
            scroll.clamp(count: ids.count)
        }
        selectedID = scroll.selected.map { ids[$0] }
    }

    /// Applies a move to the index view and takes the record under it as the selection.
    public mutating func move(_ ids: [UUID], visible: Int, _ change: (inout ScrollState) -> Void) {
        change(&scroll)
        scroll.ensureVisible(height: visible, count: ids.count)
        selectedID = scroll.selected.map { ids[$0] }
    }

    /// The next sort order, round.
    public mutating func cycleSort() {
        let all = Array(Sort.allCases)
        sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
    }
}

/// The roster has one order: current people first, by name.
public enum PeopleSort: String, CaseIterable, Sendable { case roster = "current first, by name" }

/// The dashboard screen's state: the focused pane and both panes.
public struct DashboardState: Equatable, Sendable {
    public var focus: Pane = .coaching
    public var coaching = PaneState<CoachingSort>(sort: .deadline)
    public var mentoring = PaneState<MentoringSort>(sort: .nextDue)

    /// The focused pane's filter.
    public var filter: String {
        get { focus == .coaching ? coaching.filter : mentoring.filter }
        set { if focus == .coaching { coaching.filter = newValue } else { mentoring.filter = newValue } }
    }

    public func filter(_ pane: Pane) -> String { pane == .coaching ? coaching.filter : mentoring.filter }
}

/// One undoable change: the record before and after (nil = did not exist).
public struct Change: Equatable, Sendable {
    public var label: String
    public var before: Record?
    public var after: Record?
    public var ref: RecordRef { (after ?? before)!.ref }
}

/// Everything the dashboard shows, derived from the data, the filters and the sorts, and
/// recomputed only when one of those changes: never per keystroke of plain navigation.
public struct DashboardRows: Equatable, Sendable {
    public var coaching: [CoachingSummary] = []
    public var mentoring: [MentoringSummary] = []
    public var activeCoaching = 0
    public var activeMentoring = 0
    public var overdue = 0
    public var dueThisWeek = 0
    /// Active engagements with no session for the momentum days (`Settings.momentumDays`).
    public var stalled = 0
    /// Rows of the quieter group (planned and on hold; paused) at the end of each list, after
    /// the active rows: shown dimmed, with their state.
    public var quietCoaching = 0
    public var quietMentoring = 0
    /// Every row each pane can show (active and quiet) before its filter.
    public var openCoaching = 0
    public var openMentoring = 0
    public var people = PeopleIndex([])
    /// People who have left and still have open records (`PersonRules.leaversWithOpenWork`).
    public var leaversWithOpenWork = 0

    /// Whether the row at `index` of a pane's list is in the quieter group.
    public func isQuiet(_ pane: Pane, _ index: Int) -> Bool {
        pane == .coaching ? index >= coaching.count - quietCoaching : index >= mentoring.count - quietMentoring
    }

    public static func == (a: DashboardRows, b: DashboardRows) -> Bool {
        a.coaching == b.coaching && a.mentoring == b.mentoring && a.activeCoaching == b.activeCoaching
            && a.activeMentoring == b.activeMentoring && a.overdue == b.overdue && a.dueThisWeek == b.dueThisWeek
            && a.stalled == b.stalled && a.quietCoaching == b.quietCoaching && a.quietMentoring == b.quietMentoring
            && a.openCoaching == b.openCoaching && a.openMentoring == b.openMentoring
            && a.leaversWithOpenWork == b.leaversWithOpenWork
    }
}

/// The whole state of the dashboard. Changed only by `update`.
public struct AppState: Sendable {
    public var today: Day
    /// The clock's seconds at the last tick (the runtime's clock; tests set it): what status
    /// messages fade by. `TandemApp` reads no clock itself.
    public var now: Double = 0
    public var data: Snapshot
    /// Record files relative to the data folder.
    public var files: [RecordRef: String]
    /// Why edits are refused (lock held elsewhere, newer format); `nil` when editable.
    public var readOnlyReason: String?
    /// Why a private or partners note cannot be sealed here (no identity, a locked one); `nil`
    /// when it can, or when the store seals nothing (no sealer attached). Set by the executable.
    public var cannotSeal: String?

    /// What has the keys is the last entry; the first is always a screen (dashboard or people).
    public private(set) var stack: [Context] = [.dashboard]
    public var dashboard = DashboardState()
    public var roster = PaneState<PeopleSort>(sort: .roster)
    /// The archive's list (`5`): kept while other screens are shown.
    public var archive = PaneState<ArchiveSort>(sort: .newest)
    /// Whether the closed records left undecoded at start-up were asked for, and whether they came.
    public var closedRecords: ClosedRecordsLoad = .notAsked
    /// Whether `data` may hold records read without their sessions' texts (`closedLoaded`): then
    /// input goes through `WholeRecords.gate`.
    public internal(set) var holdsLeanRecords = false
    /// The open records the first frame holds with their older sessions lean (`Loaded.lean`),
    /// read whole as soon as that frame is drawn (`.firstFrameDrawn`).
    public internal(set) var leanAtStart: [RecordRef] = []
    /// Whether the first look for outside changes comes as soon as the first frame is drawn
    /// (the load left closed files un-`stat`ed: `Loaded.unstated`).
    public internal(set) var lookAtStart = false
    /// Input held while records are read whole for it (`WholeRecords`), replayed when they come.
    var wholeRead: WholeRead?

    public var status: Status? { didSet { statusShownAt = now } }
    /// When the status line's message appeared (`now` then), for fading on a tick.
    public internal(set) var statusShownAt: Double = 0
    /// When the last outside-change check was asked for.
    public internal(set) var lastOutsideCheck: Double = 0
    /// Long work under way (effects running in the background), shown as a progress line.
    public var progress: String?

    public var width: Int
    public var height: Int
    public var themeName: String

    public var undoStack: [Change] = []
    public var redoStack: [Change] = []
    /// Changes sent to disk and not yet confirmed, by record.
    public var pending: [RecordRef: Change] = [:]
    /// Drafts found at start-up, offered back one by one.
    public var drafts: [FormDraft] = []
    /// Closing dialogs left unsaved by an earlier run, offered back when their record's `a` is pressed.
    public var closingDrafts: [ClosingDraft] = []
    /// Records whose on-screen version could not be saved because the file changed elsewhere
    /// too (the conflict dialog was left with Esc): kept in memory, unsaved; `:w` tries again.
    public var unsaved: Set<RecordRef> = []
    /// Unsaved versions taken back from an earlier run (`Store.unsavedVersions`): their drafts go
    /// once they are saved, or when `:q` drops them.
    public var keptUnsaved: Set<RecordRef> = []
    /// Records changed by others that are not taken in yet (a form is open on them, a save of
    /// ours is on the way, or an unsaved version is kept), already announced once.
    public var heldOutside: Set<RecordRef> = []

    public private(set) var rows = DashboardRows()
    public var keymap: Keymap = .standard
    /// Clicks and the wheel are taken (the config's `[mouse] enabled`); off, the backend never asks for them.
    public var mouseEnabled = false
    /// The notification hook's command (`[notify] command`); empty = no hook.
    public var notifyCommand: [String] = []
    /// Events this dashboard already handed to the hook (`NotifyEvent.key`), so each is asked once.
    public var notifyAsked: Set<String> = []
    /// When the events were last looked for (`Msg.tick` seconds).
    public var lastNotifyCheck: Double = -1_000_000
    /// Set once `.quit` has been returned.
    public var isQuitting = false
    /// Makes ids for new records and sessions (injected so tests are deterministic).
    public var makeID: @Sendable () -> UUID = { UUID() }

    public init(today: Day, data: Snapshot, files: [RecordRef: String] = [:], readOnlyReason: String? = nil,
                width: Int = 80, height: Int = 24, themeName: String = "default") {
        self.today = today; self.data = data; self.files = files; self.readOnlyReason = readOnlyReason
        self.width = width; self.height = height; self.themeName = themeName
        recompute()
    }

    public var isReadOnly: Bool { readOnlyReason != nil }

    /// What a `load(…, forFirstFrame: true)` left for after the first frame: `data` holds the
    /// open records `lean` with their older sessions lean (input goes through `WholeRecords.gate`
    /// until they are read whole), and, when `unstated` closed files were not `stat`ed, the look
    /// for outside changes is to come at once rather than a tick later. The first frame being
    /// drawn (`.firstFrameDrawn`) asks for both.
    public mutating func holdFirstFrameLoad(lean refs: [RecordRef], unstated: Int) {
        leanAtStart = refs
        if !refs.isEmpty { holdsLeanRecords = true }
        lookAtStart = unstated > 0
    }

    /// The first tick: messages shown before it count from it.
    mutating func rebaseStatusClock(_ seconds: Double) { statusShownAt = seconds; lastOutsideCheck = seconds }

    // MARK: The stack

    /// What has the keys.
    public var top: Context { stack[stack.count - 1] }

    /// Puts a context on top: it gets the keys until it is popped.
    public mutating func push(_ context: Context) { stack.append(context) }

    /// Replaces what is on top (its state changed), keeping the base screen a screen.
    public mutating func replaceTop(_ context: Context) {
        if stack.count > 1 || context.isScreen { stack[stack.count - 1] = context }
    }

    /// Writes a context's new state back while that context is still on top (an update that
    /// pushed or popped leaves the stack as it made it).
    public mutating func replaceTop(_ context: Context, ifTop match: (Context) -> Bool) {
        if match(top) { stack[stack.count - 1] = context }
    }

    /// Takes the top context off (the base screen stays).
    public mutating func pop() { if stack.count > 1 { stack.removeLast() } }

    /// Pops down to the first context for which `keep` holds (the base screen stays).
    public mutating func pop(until keep: (Context) -> Bool) {
        while stack.count > 1, !keep(top) { stack.removeLast() }
    }

    /// Makes `screen` the only context: what number keys do.
    public mutating func switchTo(_ screen: Context) { stack = [screen] }

    /// The screen drawn under any overlays.
    public var screen: Screen {
        for c in stack.reversed() {
            switch c {
            case .detail(let d): return .detail(d.ref)
            case .people: return .people
            case .person(let p): return .person(p.id)
            case .dashboard: return .dashboard
            case .archive: return .archive
            case .insights: return .insights
            case .agenda: return .agenda
            case .records: return .records
            default: continue
            }
        }
        return .dashboard
    }

    /// The open detail (the topmost on the stack).
    public var detail: DetailState? {
        get { for c in stack.reversed() { if case .detail(let d) = c { return d } }; return nil }
        set { replaceLast(where: { if case .detail = $0 { true } else { false } }, with: newValue.map(Context.detail)) }
    }

    /// The open form (the topmost; it stays drawn under a confirmation).
    public var form: Form? {
        get { for c in stack.reversed() { if case .form(let f) = c { return f } }; return nil }
        set { replaceLast(where: { if case .form = $0 { true } else { false } }, with: newValue.map(Context.form)) }
    }

    /// The open person screen (the topmost on the stack).
    public var personScreen: PersonState? {
        get { for c in stack.reversed() { if case .person(let p) = c { return p } }; return nil }
        set { replaceLast(where: { if case .person = $0 { true } else { false } }, with: newValue.map(Context.person)) }
    }

    /// The question on top, if one is.
    public var confirm: Confirm? { if case .confirm(let c) = top { c } else { nil } }

    /// The prompt on top, if one is.
    public var prompt: Prompt? {
        get { if case .prompt(let p) = top { p } else { nil } }
        set { if case .prompt = top, let p = newValue { stack[stack.count - 1] = .prompt(p) } }
    }

    /// The help overlay's state when it is on top.
    public var help: HelpState? {
        get { if case .help(let h) = top { h } else { nil } }
        set { if case .help = top, let h = newValue { stack[stack.count - 1] = .help(h) } }
    }

    public var showHelp: Bool { help != nil }

    /// The closing dialog when it is on top.
    public var closing: ClosingState? {
        get { if case .closing(let c) = top { c } else { nil } }
        set { if case .closing = top, let c = newValue { stack[stack.count - 1] = .closing(c) } }
    }

    /// Replaces the topmost context matching `match` (or removes it with `nil`).
    private mutating func replaceLast(where match: (Context) -> Bool, with value: Context?) {
        guard let i = stack.lastIndex(where: match) else { return }
        if let value { stack[i] = value } else if i > 0 { stack.remove(at: i) }
    }

    /// The key context for dispatch and the footer: the top's.
    public var keyContext: KeyContext { top.keyContext }

    // MARK: Derived rows

    /// Every record a pane shows (active, then planned and on hold, or paused: the states
    /// `StatusNames` shows by default), with its text folded for filtering: recomputed only
    /// when the data or `today` change.
    private var summaries = Summaries()

    struct Summaries: Sendable {
        var coaching: [(summary: CoachingSummary, search: String)] = []
        var mentoring: [(summary: MentoringSummary, search: String)] = []
        /// Each row's place in the name order (the coachee's, the mentee's name by
        /// `localizedStandardCompare`), found once per data change: sorting by name (`s`) then
        /// compares numbers instead of asking the locale about every pair of names.
        var coacheeOrder: [UUID: Int] = [:]
        var menteeOrder: [UUID: Int] = [:]
    }

    /// The place of each id in the order of its name, ties in the given order.
    static func nameOrder(_ ids: [UUID], _ names: [String]) -> [UUID: Int] {
        let order = names.indices.sorted { names[$0].localizedStandardCompare(names[$1]) == .orderedAscending }
        var place: [UUID: Int] = [:]
        place.reserveCapacity(order.count)
        for (n, i) in order.enumerated() { place[ids[i]] = n }
        return place
    }

    /// Counts changes of the data: what caches of derived views are keyed by.
    public private(set) var dataVersion = 0
    /// Detail documents built for this data version (shared by copies of the state; a cache only).
    let detailDocuments = DetailDocuments()
    /// Insights documents built for this data version (a cache only).
    let insightsCache = InsightsCache()
    /// Detail strips built for this data version (shared by copies of the state; a cache only).
    let stripContents = StripContents()

    /// Recomputes everything derived. Call after the data or `today` changed.
    public mutating func recompute() {
        dataVersion += 1
        let names = PeopleIndex(data.people)
        let settings = data.agency.settings
        summaries.coaching = data.engagements.filter { StatusNames.defaultEngagementStatuses.contains($0.status) }.map { e in
            let c = CoachingSummary(e, names: names, today: today, settings: settings)
            return (c, [c.coachee, c.coach, e.focus, c.forecast.label, e.status.label].joined(separator: "\u{1F}").searchKey)
        }
        summaries.mentoring = data.relationships.filter { StatusNames.defaultRelationshipStatuses.contains($0.status) }.map { r in
            let m = MentoringSummary(r, names: names, today: today, settings: settings)
            return (m, ([m.mentor, m.mentee, m.health.label] + r.focusAreas).joined(separator: "\u{1F}").searchKey)
        }
        summaries.coacheeOrder = Self.nameOrder(summaries.coaching.map(\.summary.id), summaries.coaching.map(\.summary.coachee))
        summaries.menteeOrder = Self.nameOrder(summaries.mentoring.map(\.summary.id), summaries.mentoring.map(\.summary.mentee))
        var r = DashboardRows()
        r.people = names
        r.openCoaching = summaries.coaching.count
        r.openMentoring = summaries.mentoring.count
        // The header's counts are about active work; the quieter rows only wait.
        let coaching = summaries.coaching.map(\.summary).filter { $0.engagement.status == .active }
        let mentoring = summaries.mentoring.map(\.summary).filter { $0.relationship.status == .active }
        r.activeCoaching = coaching.count
        r.activeMentoring = mentoring.count
        r.stalled = coaching.filter(\.momentumAlert).count
        r.overdue = coaching.filter { $0.daysLeft < 0 }.count
            + mentoring.filter { [.overdue, .drifting, .fizzled].contains($0.health) }.count
        r.dueThisWeek = coaching.filter { (0...7).contains($0.daysLeft) }.count
            + mentoring.filter { (0...7).contains($0.daysToNext(today: today) ?? -1) }.count
        r.leaversWithOpenWork = PersonRules.leaversWithOpenWork(in: data).count
        rows = r
        sortedPeople = NameOrder.sorted(data.people.filter(\.isCurrent), by: \.name)
            + NameOrder.sorted(data.people.filter { !$0.isCurrent }, by: \.name)
        peopleSearch = sortedPeople.map { p in ([p.name, p.role, p.team] + p.expertise).joined(separator: "\u{1F}").searchKey }
        // The old rows go before the new ones are made: on a long history they are thousands.
        allArchiveRows = []
        archiveRows = []
        archiveSearch = nil
        allArchiveRows = ArchiveRows.all(data, names: names)
        refilter()
    }

    /// Re-applies the filters and sorts to the summaries, and finds each pane's selected record
    /// again. Call after a filter or a sort changed.
    public mutating func refilter() {
        let cf = dashboard.coaching.filter.searchKey, mf = dashboard.mentoring.filter.searchKey
        // Active rows first, then the quieter group, each in the pane's sort.
        let coaching = summaries.coaching.filter { cf.isEmpty || $0.search.contains(cf) }.map(\.summary)
        let (activeC, quietC) = (coaching.filter { $0.engagement.status == .active }, coaching.filter { $0.engagement.status != .active })
        let (cn, mn) = (summaries.coacheeOrder, summaries.menteeOrder)
        rows.coaching = Self.sorted(activeC, by: dashboard.coaching.sort, names: cn) + Self.sorted(quietC, by: dashboard.coaching.sort, names: cn)
        rows.quietCoaching = quietC.count
        let mentoring = summaries.mentoring.filter { mf.isEmpty || $0.search.contains(mf) }.map(\.summary)
        let (activeM, quietM) = (mentoring.filter { $0.relationship.status == .active }, mentoring.filter { $0.relationship.status != .active })
        rows.mentoring = Self.sorted(activeM, by: dashboard.mentoring.sort, today: today, names: mn)
            + Self.sorted(quietM, by: dashboard.mentoring.sort, today: today, names: mn)
        rows.quietMentoring = quietM.count
        dashboard.coaching.reselect(rows.coaching.map(\.id))
        dashboard.mentoring.reselect(rows.mentoring.map(\.id))
        let pf = roster.filter.searchKey
        shownPeople = pf.isEmpty ? sortedPeople : sortedPeople.indices.filter { peopleSearch[$0].contains(pf) }.map { sortedPeople[$0] }
        roster.reselect(shownPeople.map(\.id))
        for i in stack.indices { if case .person(var p) = stack[i] { p.reselect(in: self); stack[i] = .person(p) } }
        archiveRows = ArchiveRows.filtered(allArchiveRows, by: archive.filter, keys: &archiveSearch)
        archive.reselect(archiveRows.map(\.id))
    }

    // The sorts order the rows' positions, then take the rows in that order: the same order
    // (the same comparisons, made by the same algorithm) without moving the summaries, which
    // hold whole records, about at every step. By name, a row found in `names` (its place in the
    // name order of all the rows it came from) is compared by that place: the same order, as the
    // rows keep the order they had among all of them, which is what breaks ties.
    static func sorted(_ rows: [CoachingSummary], by sort: CoachingSort, names: [UUID: Int] = [:]) -> [CoachingSummary] {
        let order: [Int]
        switch sort {
        case .deadline:
            order = rows.indices.sorted { (rows[$0].engagement.deadline, rows[$0].coachee) < (rows[$1].engagement.deadline, rows[$1].coachee) }
        case .name where rows.allSatisfy({ names[$0.id] != nil }):
            order = rows.indices.sorted { names[rows[$0].id]! < names[rows[$1].id]! }
        case .name:
            order = rows.indices.sorted { rows[$0].coachee.localizedStandardCompare(rows[$1].coachee) == .orderedAscending }
        case .progress:
            order = rows.indices.sorted { (rows[$0].progress ?? -1, rows[$0].coachee) < (rows[$1].progress ?? -1, rows[$1].coachee) }
        }
        return order.map { rows[$0] }
    }

    static func sorted(_ rows: [MentoringSummary], by sort: MentoringSort, today: Day, names: [UUID: Int] = [:]) -> [MentoringSummary] {
        let order: [Int]
        switch sort {
        case .nextDue:
            order = rows.indices.sorted {
                (rows[$0].nextDue?.dayNumber ?? .max, rows[$0].mentee) < (rows[$1].nextDue?.dayNumber ?? .max, rows[$1].mentee)
            }
        case .health:
            order = rows.indices.sorted {
                (-rows[$0].health.severity, rows[$0].nextDue?.dayNumber ?? .max) < (-rows[$1].health.severity, rows[$1].nextDue?.dayNumber ?? .max)
            }
        case .name where rows.allSatisfy({ names[$0.id] != nil }):
            order = rows.indices.sorted { names[rows[$0].id]! < names[rows[$1].id]! }
        case .name:
            order = rows.indices.sorted { rows[$0].mentee.localizedStandardCompare(rows[$1].mentee) == .orderedAscending }
        }
        return order.map { rows[$0] }
    }

    /// The record under the selection of the screen on top.
    public var selectedRecord: RecordRef? {
        switch screen {
        case .detail(let ref): return ref
        case .people: return roster.selectedID.map { RecordRef(kind: .person, id: $0) }
        case .archive: return archive.selectedID.flatMap { id in archiveRows.first { $0.id == id }?.ref }
        case .person(let id): return RecordRef(kind: .person, id: id)
        case .insights, .agenda: return nil
        case .records:
            for c in stack.reversed() { if case .records(let r) = c { return r.scroll.selected.flatMap { r.refs[safe: $0] } } }
            return nil
        case .dashboard:
            switch dashboard.focus {
            case .coaching: return dashboard.coaching.selectedID.map { RecordRef(kind: .coaching, id: $0) }
            case .mentoring: return dashboard.mentoring.selectedID.map { RecordRef(kind: .mentoring, id: $0) }
            }
        }
    }

    /// People in roster order: current first, by name (recomputed with the data).
    public private(set) var sortedPeople: [Person] = []

    /// The archive's rows as shown (filtered), and all of them (recomputed with the data).
    public private(set) var archiveRows: [ArchiveRow] = []
    private var allArchiveRows: [ArchiveRow] = []
    /// Each of `allArchiveRows`' folded text, once an archive filter is typed.
    private var archiveSearch: [String]?
    /// How many records are closed, whatever the filter.
    public var allArchiveCount: Int { allArchiveRows.count }
    /// The roster's rows: `sortedPeople` through the `/` filter (name, role, team, expertise).
    public private(set) var shownPeople: [Person] = []
    /// Each of `sortedPeople`'s text as the filter compares it.
    private var peopleSearch: [String] = []
}

/// The detail screen: a scrollable document with selectable items (objectives, goals, actions).
public struct DetailState: Equatable, Sendable {
    public var ref: RecordRef
    public var scroll = 0
    /// Index into the record's toggleable items.
    public var selected = 0
    /// Whether the view scrolls to keep the selection in sight (j/k) or stays where page keys put it.
    public var followsSelection = true

    public init(ref: RecordRef) { self.ref = ref }
}
