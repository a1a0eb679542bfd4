import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The two panes of the dashboard.
public enum Pane: String, Sendable { case coaching, mentoring }

/// Sort orders `s` cycles through.
public enum CoachingSort: String, CaseIterable, Sendable { case deadline, name, progress }
public enum MentoringSort: String, CaseIterable, Sendable { case nextDue = "next due", health, name }

/// A full screen (number keys switch; Enter opens a detail on top of the dashboard).
public enum Screen: Equatable, Sendable {
    case dashboard
    case people
    case detail(RecordRef)
}

/// A status line message.
public struct Status: Equatable, Sendable {
    public enum Kind: Sendable { case info, ok, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) { self.text = text; self.kind = kind }
}

/// A text prompt at the bottom: `/` filter or `:` command line.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case filter(Pane), command }
    public var kind: Kind
    public var field: LineField
}

/// A yes/no question over everything else.
public struct Confirm: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case discardForm
        case archive(RecordRef)
        /// The file changed on disk: reload it, or keep the on-screen version.
        case conflict(Record)
        /// `n`: which kind of record to create.
        case newMenu
    }
    public var purpose: Purpose
    public var title: String
    public var message: String
    /// (key, label) pairs shown as choices.
    public var choices: [(key: Character, label: String)]

    var isConflict: Bool { if case .conflict = purpose { true } else { false } }

    public static func == (a: Confirm, b: Confirm) -> Bool {
        a.purpose == b.purpose && a.title == b.title && a.message == b.message
            && a.choices.map(\.key) == b.choices.map(\.key)
    }
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
    public var people = PeopleIndex([])

    public static func == (a: DashboardRows, b: DashboardRows) -> Bool {
        a.coaching == b.coaching && a.mentoring == b.mentoring && a.activeCoaching == b.activeCoaching
            && a.activeMentoring == b.activeMentoring && a.overdue == b.overdue && a.dueThisWeek == b.dueThisWeek
    }
}

/// The whole state of the dashboard. Changed only by `update`.
public struct AppState: Sendable {
    public var today: Day
    public var data: Snapshot
    /// Record files relative to the data folder.
    public var files: [RecordRef: String]
    /// Why edits are refused (lock held elsewhere, newer format); `nil` when editable.
    public var readOnlyReason: String?

    public var screen: Screen = .dashboard
    /// The screen to go back to from a detail.
    public var previousScreen: Screen = .dashboard
    public var focus: Pane = .coaching
    public var coachingScroll = ScrollState()
    public var mentoringScroll = ScrollState()
    public var peopleScroll = ScrollState()
    public var detail = DetailState()
    public var coachingFilter = ""
    public var mentoringFilter = ""
    public var coachingSort: CoachingSort = .deadline
    public var mentoringSort: MentoringSort = .nextDue

    public var showHelp = false
    public var helpScroll = 0
    public var prompt: Prompt?
    public var form: Form?
    public var confirm: Confirm?
    public var status: Status?

    public var width: Int
    public var height: Int
    public var themeName: String

    public var undoStack: [Change] = []
    public var redoStack: [Change] = []
    /// Changes sent to disk and not yet confirmed, by record.
    public var pending: [RecordRef: Change] = [:]
    /// Drafts found at start-up, offered back one by one.
    public var drafts: [FormDraft] = []

    public private(set) var rows = DashboardRows()
    public var keymap: Keymap = .standard
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

    /// Every active record's summary, with its text folded for filtering: recomputed only when
    /// the data or `today` change.
    private var summaries = Summaries()

    struct Summaries: Sendable {
        var coaching: [(summary: CoachingSummary, search: String)] = []
        var mentoring: [(summary: MentoringSummary, search: String)] = []
    }

    /// Counts changes of the data: what caches of derived views are keyed by.
    public private(set) var dataVersion = 0
    /// Detail documents built for this data version (shared by copies of the state; a cache only).
    let detailDocuments = DetailDocuments()

    /// Recomputes everything derived. Call after the data or `today` changed.
    public mutating func recompute() {
        dataVersion += 1
        let names = PeopleIndex(data.people)
        let settings = data.agency.settings
        summaries.coaching = data.engagements.filter { $0.status == .active }.map { e in
            let c = CoachingSummary(e, names: names, today: today, settings: settings)
            return (c, [c.coachee, c.coach, e.focus, c.forecast.label].joined(separator: "\u{1F}").searchKey)
        }
        summaries.mentoring = data.relationships.filter { $0.status == .active }.map { r in
            let m = MentoringSummary(r, names: names, today: today, settings: settings)
            return (m, ([m.mentor, m.mentee, m.health.label] + r.focusAreas).joined(separator: "\u{1F}").searchKey)
        }
        var r = DashboardRows()
        r.people = names
        let coaching = summaries.coaching.map(\.summary)
        let mentoring = summaries.mentoring.map(\.summary)
        r.activeCoaching = coaching.count
        r.activeMentoring = mentoring.count
        r.overdue = coaching.filter { $0.daysLeft < 0 }.count
            + mentoring.filter { [.overdue, .drifting, .fizzled].contains($0.health) }.count
        r.dueThisWeek = coaching.filter { (0...7).contains($0.daysLeft) }.count
            + mentoring.filter { (0...7).contains($0.daysToNext(today: today) ?? -1) }.count
        rows = r
        refilter()
    }

    /// Re-applies the filters and sorts to the summaries. Call after a filter or a sort changed.
    public mutating func refilter() {
        let cf = coachingFilter.searchKey, mf = mentoringFilter.searchKey
        rows.coaching = Self.sorted(summaries.coaching.filter { cf.isEmpty || $0.search.contains(cf) }.map(\.summary), by: coachingSort)
        rows.mentoring = Self.sorted(summaries.mentoring.filter { mf.isEmpty || $0.search.contains(mf) }.map(\.summary),
                                     by: mentoringSort, today: today)
        coachingScroll.clamp(count: rows.coaching.count)
        mentoringScroll.clamp(count: rows.mentoring.count)
        peopleScroll.clamp(count: data.people.count)
    }


    static func sorted(_ rows: [CoachingSummary], by sort: CoachingSort) -> [CoachingSummary] {
        switch sort {
        case .deadline: rows.sorted { ($0.engagement.deadline, $0.coachee) < ($1.engagement.deadline, $1.coachee) }
        case .name: rows.sorted { $0.coachee.localizedStandardCompare($1.coachee) == .orderedAscending }
        case .progress: rows.sorted { ($0.progress ?? -1, $0.coachee) < ($1.progress ?? -1, $1.coachee) }
        }
    }

    static func sorted(_ rows: [MentoringSummary], by sort: MentoringSort, today: Day) -> [MentoringSummary] {
        switch sort {
        case .nextDue:
            rows.sorted { ($0.nextDue?.dayNumber ?? .max, $0.mentee) < ($1.nextDue?.dayNumber ?? .max, $1.mentee) }
        case .health:
            rows.sorted { (-$0.health.severity, $0.nextDue?.dayNumber ?? .max) < (-$1.health.severity, $1.nextDue?.dayNumber ?? .max) }
        case .name:
            rows.sorted { $0.mentee.localizedStandardCompare($1.mentee) == .orderedAscending }
        }
    }

    /// The record under the selection in the focused pane.
    public var selectedRecord: RecordRef? {
        switch screen {
        case .detail(let ref): return ref
        case .people:
            let people = sortedPeople
            guard let i = peopleScroll.selected, i < people.count else { return nil }
            return RecordRef(kind: .person, id: people[i].id)
        case .dashboard:
            switch focus {
            case .coaching:
                guard let i = coachingScroll.selected, i < rows.coaching.count else { return nil }
                return RecordRef(kind: .coaching, id: rows.coaching[i].id)
            case .mentoring:
                guard let i = mentoringScroll.selected, i < rows.mentoring.count else { return nil }
                return RecordRef(kind: .mentoring, id: rows.mentoring[i].id)
            }
        }
    }

    /// People in roster order: current first, by name.
    public var sortedPeople: [Person] {
        data.people.sorted { ($0.isCurrent ? 0 : 1, $0.name) < ($1.isCurrent ? 0 : 1, $1.name) }
    }

    /// The key context for dispatch and the footer.
    public var keyContext: KeyContext {
        if form != nil { return .form }
        if case .detail = screen { return .detail }
        return .list
    }
}

/// The detail screen: a scrollable document with selectable items (objectives, goals, actions).
public struct DetailState: Equatable, Sendable {
    public var scroll = 0
    /// Index into the record's toggleable items.
    public var selected = 0
    /// Whether the view scrolls to keep the selection in sight (j/k) or stays where page keys put it.
    public var followsSelection = true
}
