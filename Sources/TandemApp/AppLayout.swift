import TandemCore
import TerminalUI

/// Where everything goes on one frame, computed once from the state and the size. The views
/// draw into its rectangles; `update` pages and scrolls by the same numbers; mouse hits will
/// be looked up with `hit(x:y:)`. Nothing here draws.
public struct AppLayout: Equatable, Sendable {
    public static let minWidth = 60
    public static let minHeight = 16
    /// Panes sit side by side from this width: where each half holds every column of both
    /// panes, so a wider terminal never shows fewer columns than a narrower one (below it the
    /// panes are stacked, full width).
    public static let sideBySideWidth = 2 * (max(PaneColumns.fullWidth(.coaching), PaneColumns.fullWidth(.mentoring)) + 2)
    /// The least columns a form's labels take.
    public static let formLabelWidth = 17
    /// Rows the status line may grow to, for a message longer than the width.
    public static let maxStatusRows = 3

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

    // The archive screen: the list, and under it the selected record's whole outcome.
    public var archivePane: Rect { body.split(.vertical, [.fill(1), .fixed(Self.archiveStripHeight(body: body.height))])[0] }
    public var archiveStrip: Rect { body.split(.vertical, [.fill(1), .fixed(Self.archiveStripHeight(body: body.height))])[1] }

    /// The archive's outcome strip: four rows (two of text) when the body has room, else none.
    static func archiveStripHeight(body: Int) -> Int { body >= 14 ? (body >= 30 ? 6 : 4) : 0 }

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
    /// Columns the open form's labels take: its longest label and a gap, at least
    /// `formLabelWidth`, at most a third of the box.
    public let formLabelColumns: Int

    /// The footer's hints as drawn: each one that fits, its columns on the footer row and the
    /// key it stands for (a click on it presses that key).
    public struct FooterHint: Equatable, Sendable {
        public var key: Key
        public var keyText: String
        public var label: String
        public var columns: Range<Int>
    }
    public private(set) var footerHints: [FooterHint] = []

    public init(_ s: AppState) {
        let body = max(0, s.height - 3)
        let strip = s.screen == .dashboard ? StripContent.of(s, width: s.width).map(\.height) : nil
        var statusRows = 1
        if s.prompt == nil, let st = s.status {
            statusRows = min(Self.maxStatusRows, max(1, Paragraph(lines: [[Span(st.text)]], wrap: true).rows(width: max(1, s.width - 2)).count))
        }
        self.init(width: s.width, height: s.height, helpLines: s.help.map { $0.rows(s.keymap).count } ?? 0,
                  coachingRows: s.screen == .dashboard ? s.rows.coaching.count : nil,
                  mentoringRows: s.screen == .dashboard ? s.rows.mentoring.count : nil,
                  stripRows: s.screen == .dashboard ? min(strip ?? 1, body) : nil,
                  statusRows: statusRows, formLabels: s.form?.fields.map(\.label) ?? [])
        let bindings = s.keymap.hintBindings(for: s.keyContext, readOnly: s.isReadOnly, hiding: s.hiddenHints)
        let texts = bindings.map { (key: $0.keyLabel ?? Keymap.name($0.keys[0]), label: $0.footer!) }
        let fits = KeyHintFooter.fit(texts, width: footer.width)
        footerHints = zip(bindings, zip(texts, fits)).map { b, t in
            FooterHint(key: b.keys[0], keyText: t.0.key, label: t.0.label, columns: (footer.x + t.1.lowerBound)..<(footer.x + t.1.upperBound))
        }
    }

    /// The footer hint at a column of the footer row, if any.
    public func footerHint(atX x: Int) -> FooterHint? { footerHints.first { $0.columns.contains(x) } }

    /// Under the least size: only the notice is drawn, and only quitting acts.
    public static func isTooSmall(width: Int, height: Int) -> Bool { width < minWidth || height < minHeight }

    /// The layout of a screen this size. With row counts, the panes and the strip size to
    /// their content (`coachingRows`, `mentoringRows`: the lists' lengths; `stripRows`: the
    /// strip's lines); without, the panes share the room evenly.
    public init(width: Int, height: Int, helpLines: Int = 0, coachingRows: Int? = nil, mentoringRows: Int? = nil,
                stripRows: Int? = nil, statusRows: Int = 1, formLabels: [String] = []) {
        self.width = width; self.height = height
        tooSmall = Self.isTooSmall(width: width, height: height)
        let screen = Rect(x: 0, y: 0, width: max(0, width), height: max(0, height))
        let rows = screen.split(.vertical, [.fixed(1), .fill(1), .fixed(max(1, min(statusRows, Self.maxStatusRows))), .fixed(1)])
        header = rows[0]; body = rows[1]; status = rows[2]; footer = rows[3]

        sideBySide = width >= Self.sideBySideWidth
        let (paneHeights, stripHeight) = Self.heights(body: body.height, sideBySide: sideBySide,
                                                      coaching: coachingRows, mentoring: mentoringRows, strip: stripRows)
        let parts = body.split(.vertical, [.fill(1), .fixed(stripHeight)])
        let panes = sideBySide ? parts[0].split(.horizontal, [.fill(1), .fill(1)])
                               : parts[0].split(.vertical, paneHeights.map { .fixed($0) })
        coachingPane = panes[0]; mentoringPane = panes[1]; strip = parts[1]

        detailText = body.inset(1).inset(dx: 1, dy: 0)

        helpLineCount = helpLines
        let helpHeight = max(0, min(height - 2, helpLines + 3))
        help = screen.centered(width: max(0, min(width - 4, 78)), height: helpHeight)
        helpVisible = max(1, helpHeight - 3)

        formBoxWidth = max(0, min(width - 2, 100))
        let longest = formLabels.map { Text.width($0) }.max() ?? 0
        formLabelColumns = max(Self.formLabelWidth, min(longest + 2, formBoxWidth / 3))
        formFieldWidth = max(8, formBoxWidth - 4 - formLabelColumns)
    }

    /// The detail strip's height for a body of this height, when the panes need all the room.
    static func stripHeight(body: Int) -> Int { min(12, max(5, body / 3)) }

    /// The panes' heights (stacked: coaching, mentoring) and the strip's. Each pane wants its
    /// rows, a header and a border; the strip its lines and a border. When everything fits,
    /// each gets what it wants and the room left goes to the panes (room for what comes); when not, the strip keeps at least
    /// `stripHeight(body:)` (less if its content is shorter) and the panes share what is left,
    /// neither taking more than half unless the other needs less.
    static func heights(body: Int, sideBySide: Bool, coaching: Int?, mentoring: Int?, strip: Int?) -> ([Int], Int) {
        let share = stripHeight(body: body)
        guard let coaching, let mentoring else {
            let panes = max(0, body - share)
            return ([panes - panes / 2, panes / 2], share)
        }
        let wantC = max(4, coaching + 3), wantM = max(4, mentoring + 3)
        let stripWant = max(5, (strip ?? 3) + 2)
        // The lists come first: whole when the strip can keep five rows, else the strip keeps its share.
        let stripLeast = (sideBySide ? max(wantC, wantM) : wantC + wantM) + 5 <= body ? min(5, stripWant) : min(share, stripWant)
        let panesWant = sideBySide ? max(wantC, wantM) : wantC + wantM
        let panes = max(0, min(panesWant, body - stripLeast))
        // The strip takes what its content needs; room beyond both goes to the panes.
        let stripHeight = min(body - panes, max(stripLeast, stripWant))
        let extra = body - panes - stripHeight
        guard !sideBySide else { return ([panes + extra, panes + extra], stripHeight) }
        if panes >= wantC + wantM { return ([wantC + extra - extra / 2, wantM + extra / 2], stripHeight) }
        let half = panes / 2
        let c = wantC <= half ? wantC : wantM <= panes - half ? panes - wantM : panes - half
        return ([c, panes - c], stripHeight)
    }

    /// A list's table area: inside the pane's border (its first row is the column header).
    public func table(_ list: ListID) -> Rect {
        switch list {
        case .coaching: coachingPane.inset(1)
        case .mentoring: mentoringPane.inset(1)
        case .people: peoplePane.inset(1)
        case .archive: archivePane.inset(1)
        case .person: personTable
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
        case .archive:
            if inside(archivePane) { return row(.archive) }
            if inside(archiveStrip) { return .strip }
        case .records:
            if inside(body) { return row(.records) }
        case .insights:
            if inside(detailText) { return .detail(line: y - detailText.y) }
        case .agenda:
            break
        case .detail:
            if inside(detailText) { return .detail(line: y - detailText.y) }
        case .person:
            if inside(personTable) { return row(.person) }
        }
        return .outside
    }
}

/// The lists the layout knows.
public enum ListID: String, CaseIterable, Sendable { case coaching, mentoring, people, archive, person, records }

extension AppLayout {
    /// Rows a person screen's profile (role, team, dates, expertise, load, hours, flags) takes.
    public static let personProfileRows = 7

    /// The person screen's profile: inside the border, above their records.
    public var personProfile: Rect {
        let inner = body.inset(1)
        return Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: min(Self.personProfileRows, inner.height / 2))
    }

    /// The person screen's records table (its first row is the column header).
    public var personTable: Rect {
        let inner = body.inset(1)
        let top = personProfile.height
        return Rect(x: inner.x, y: inner.y + top, width: inner.width, height: max(0, inner.height - top))
    }
}

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
