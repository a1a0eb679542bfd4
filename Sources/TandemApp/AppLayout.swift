import TandemCore
import TerminalUI

/// Where everything goes on one frame, computed once from the state and the size. The views
/// draw into its rectangles; `update` pages and scrolls by the same numbers; mouse hits will
/// be looked up with `hit(x:y:)`. Nothing here draws.
public struct AppLayout: Equatable, Sendable {
    public static let minWidth = 60
    public static let minHeight = 16
    /// Panes sit side by side from this width.
    public static let sideBySideWidth = 100
    /// Columns a form's labels take.
    public static let formLabelWidth = 17

    public let width: Int
    public let height: Int
    /// Under `minWidth`×`minHeight`: only the "too small" notice is drawn.
    public let tooSmall: Bool
    public let header: Rect
    public let body: Rect
    public let status: Rect
    public let footer: Rect

    // The dashboard
    public let sideBySide: Bool
    public let coachingPane: Rect
    public let mentoringPane: Rect
    /// The strip under the panes for the selected record.
    public let strip: Rect

    // The people screen: its one pane is the body.
    public var peoplePane: Rect { body }

    // A detail
    /// The document's text area (inside the border, a column in from each side).
    public let detailText: Rect

    // The help overlay (when open)
    public let help: Rect
    /// Binding lines the help shows at once (the last row is its own hint).
    public let helpVisible: Int
    public let helpLineCount: Int

    // A form (when open)
    public let formBoxWidth: Int
    /// Columns a form's editor gets (text areas wrap at this width).
    public let formFieldWidth: Int

    public init(_ s: AppState) {
        self.init(width: s.width, height: s.height, helpLines: s.help.map { HelpContent.rows(s.keymap, about: $0.about).count } ?? 0)
    }

    public init(width: Int, height: Int, helpLines: Int = 0) {
        self.width = width; self.height = height
        tooSmall = width < Self.minWidth || height < Self.minHeight
        let screen = Rect(x: 0, y: 0, width: max(0, width), height: max(0, height))
        let rows = screen.split(.vertical, [.fixed(1), .fill(1), .fixed(1), .fixed(1)])
        header = rows[0]; body = rows[1]; status = rows[2]; footer = rows[3]

        sideBySide = width >= Self.sideBySideWidth
        let parts = body.split(.vertical, [.fill(1), .fixed(Self.stripHeight(body: body.height))])
        let panes = parts[0].split(sideBySide ? .horizontal : .vertical, [.fill(1), .fill(1)])
        coachingPane = panes[0]; mentoringPane = panes[1]; strip = parts[1]

        detailText = body.inset(1).inset(dx: 1, dy: 0)

        helpLineCount = helpLines
        let helpHeight = max(0, min(height - 2, helpLines + 3))
        help = screen.centered(width: max(0, min(width - 4, 78)), height: helpHeight)
        helpVisible = max(1, helpHeight - 3)

        formBoxWidth = max(0, min(width - 2, 100))
        formFieldWidth = max(8, formBoxWidth - 4 - Self.formLabelWidth)
    }

    /// The detail strip's height for a body of this height.
    static func stripHeight(body: Int) -> Int { min(12, max(5, body / 3)) }

    /// A list's table area: inside the pane's border (its first row is the column header).
    public func table(_ list: ListID) -> Rect {
        switch list {
        case .coaching: coachingPane.inset(1)
        case .mentoring: mentoringPane.inset(1)
        case .people: peoplePane.inset(1)
        case .records: body.inset(1)
        }
    }

    /// Rows of records a list shows at once: what page keys move by.
    public func visibleRows(_ list: ListID) -> Int { max(1, Table.visibleRows(height: table(list).height)) }

    /// Document lines a detail shows at once: what page keys move by.
    public var detailPage: Int { max(1, detailText.height) }

    /// The width detail documents are laid out at.
    public var detailWidth: Int { max(10, body.width - 4) }

    /// The furthest the help can scroll.
    public var helpMaxScroll: Int { max(0, helpLineCount - helpVisible) }

    /// What is under a point, for mouse hits: the region and, in a list, the visible row
    /// (0 = the first row shown; add the list's scroll offset for the record's index).
    public enum Region: Equatable, Sendable {
        case header, status, footer, strip
        case list(ListID, visibleRow: Int?)
        case detail(line: Int)
        case outside
    }

    /// The region at a point of the screen showing `screen`.
    public func hit(x: Int, y: Int, on screen: Screen) -> Region {
        func inside(_ r: Rect) -> Bool { x >= r.x && x < r.right && y >= r.y && y < r.bottom }
        if tooSmall { return .outside }
        if inside(header) { return .header }
        if inside(status) { return .status }
        if inside(footer) { return .footer }
        func row(_ list: ListID) -> Region {
            let t = table(list)
            let r = y - t.y - 1
            return .list(list, visibleRow: inside(t) && r >= 0 ? r : nil)
        }
        switch screen {
        case .dashboard:
            if inside(coachingPane) { return row(.coaching) }
            if inside(mentoringPane) { return row(.mentoring) }
            if inside(strip) { return .strip }
        case .people:
            if inside(peoplePane) { return row(.people) }
        case .records:
            if inside(body) { return row(.records) }
        case .insights:
            if inside(detailText) { return .detail(line: y - detailText.y) }
        case .agenda:
            break
        case .detail:
            if inside(detailText) { return .detail(line: y - detailText.y) }
        }
        return .outside
    }
}

/// The lists the layout knows.
public enum ListID: String, CaseIterable, Sendable { case coaching, mentoring, people, records }

// The insights (3) and the agenda (4).
extension AppLayout {
    /// The insights' text area (inside the border), and the width its document is laid out at.
    public var insightsText: Rect { detailText }
    public var insightsWidth: Int { max(10, insightsText.width) }
    /// Lines the insights show at once: what page keys move by.
    public var insightsPage: Int { max(1, insightsText.height) }
    /// The agenda's week box (top) and the timeline box (below).
    public var agendaWeek: Rect { body.split(.vertical, [.fixed(max(5, body.height * 2 / 5)), .fill(1)])[0] }
    public var agendaTimeline: Rect { body.split(.vertical, [.fixed(max(5, body.height * 2 / 5)), .fill(1)])[1] }
    /// Timeline rows shown at once (inside the border, under the weeks' header).
    public var timelineRows: Int { max(1, agendaTimeline.height - 3) }
}
