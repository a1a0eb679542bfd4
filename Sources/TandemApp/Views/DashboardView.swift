import TandemCore
import TerminalUI

/// Coaching beside mentoring (stacked below 100 columns), and a detail strip for the selection.
enum DashboardView {
    static func render(_ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        coachingPane(s, theme, into: &buf, area: layout.coachingPane)
        mentoringPane(s, theme, into: &buf, area: layout.mentoringPane)
        DetailStrip.render(s, theme, into: &buf, area: layout.strip)
    }

    /// A pane's border and title ("Coaching · 3 of 12 · /ana · by deadline"); returns the inside.
    static func frame(_ name: String, shown: Int, of total: Int, filter: String, sort: String, focused: Bool,
                      role: Role, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) -> Rect {
        var title = "\(name) · \(shown)"
        if !filter.isEmpty { title += " of \(total) · /\(filter)" }
        title += " · by \(sort)"
        let b = Block(title: title, titleStyle: theme.style(focused ? .focus : role),
                      borderStyle: theme.style(focused ? .focus : .border), focused: focused)
        b.render(into: &buf, area: area)
        return b.inner(area)
    }

    static func coachingPane(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let focused = s.dashboard.focus == .coaching
        let r = s.rows
        let inner = frame("Coaching", shown: r.coaching.count, of: r.activeCoaching, filter: s.dashboard.coaching.filter,
                          sort: s.dashboard.coaching.sort.rawValue, focused: focused, role: .coaching, theme, into: &buf, area: area)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 70
        var cols: [(String, Constraint, Alignment)] = [("COACHEE", .fill(wide ? 3 : 1), .left), ("FOCUS", .fill(wide ? 4 : 1), .left)]
        if wide { cols.append(("COACH", .fill(2), .left)) }
        cols += [("DUE", .fixed(8), .right), ("PROGRESS", .fixed(wide ? 13 : 9), .left), ("FORECAST", .fixed(wide ? 11 : 2), .left)]
        if !wide { cols[cols.count - 1].0 = "" }
        let row = { (i: Int, _: [Int]) -> [Line] in
            let c = r.coaching[i]
            var cells: [Line] = [[Span(c.coachee, style: theme.style(.text))],
                                 [Span(c.engagement.focus, style: theme.style(.muted))]]
            if wide { cells.append([Span(c.coach, style: theme.style(.muted))]) }
            cells.append([Span(Format.daysLeft(c.daysLeft), style: theme.style(Format.deadlineRole(c.daysLeft)))])
            cells.append(Gauge(ratio: c.progress, width: wide ? 8 : 4, filledStyle: theme.style(.gauge),
                               emptyStyle: theme.style(.gaugeEmpty), labelStyle: theme.style(.muted)).line)
            let mark = Format.symbol(c.forecast) + (wide ? " " + c.forecast.label : "")
            cells.append([Span(mark, style: theme.style(Format.role(c.forecast)))])
            return cells
        }
        PaneTable.render(columns: cols, count: r.coaching.count, row: row, scroll: s.dashboard.coaching.scroll, focused: focused,
                 empty: s.dashboard.coaching.filter.isEmpty ? "No active coaching engagements. Press n to start one." : "Nothing matches /\(s.dashboard.coaching.filter) — Esc clears the filter.",
                         theme, into: &buf, area: inner)
    }

    static func mentoringPane(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let focused = s.dashboard.focus == .mentoring
        let r = s.rows
        let inner = frame("Mentoring", shown: r.mentoring.count, of: r.activeMentoring, filter: s.dashboard.mentoring.filter,
                          sort: s.dashboard.mentoring.sort.rawValue, focused: focused, role: .mentoring, theme, into: &buf, area: area)
        guard !inner.isEmpty else { return }
        // Narrow panes keep the names readable: "since" and "last met" go first (the detail has them).
        let wide = inner.width >= 70, medium = inner.width >= 56
        var cols: [(String, Constraint, Alignment)] = [("MENTOR → MENTEE", .fill(1), .left)]
        if medium { cols.append(("SINCE", .fixed(6), .right)) }
        cols.append(("EVERY", .fixed(5), .right))
        if wide { cols.append(("LAST MET", .fixed(9), .right)) }
        cols += [("NEXT DUE", .fixed(9), .right), ("HEALTH", .fixed(wide ? 11 : 10), .left)]
        let row = { (i: Int, widths: [Int]) -> [Line] in
            let m = r.mentoring[i]
            // Cut each name, not the pair, so both people stay on screen.
            let half = max(3, (widths[0] - 3) / 2)
            let fits = Text.width(m.mentor) + 3 + Text.width(m.mentee) <= widths[0]
            var cells: [Line] = [
                [Span(fits ? m.mentor : Text.truncate(m.mentor, to: half), style: theme.style(.text)), Span(" → ", style: theme.style(.muted)),
                 Span(fits ? m.mentee : Text.truncate(m.mentee, to: widths[0] - 3 - min(half, Text.width(m.mentor))), style: theme.style(.text))],
            ]
            if medium { cells.append([Span(Format.since(months: m.monthsSince), style: theme.style(.muted))]) }
            cells.append([Span("\(m.relationship.cadenceDays)d", style: theme.style(.muted))])
            if wide { cells.append([Span(m.lastMet.map { Format.shortDate($0, today: s.today) } ?? "never", style: theme.style(.muted))]) }
            let dueDays = m.daysToNext(today: s.today) ?? 0
            cells.append([Span(Format.due(m.nextDue, today: s.today), style: theme.style(dueDays < 0 ? .danger : dueDays <= s.data.agency.settings.dueSoonDays ? .warn : .text))])
            cells.append([Span("\(m.health.symbol) \(m.health.label)", style: theme.style(Format.role(m.health)))])
            return cells
        }
        PaneTable.render(columns: cols, count: r.mentoring.count, row: row, scroll: s.dashboard.mentoring.scroll, focused: focused,
                 empty: s.dashboard.mentoring.filter.isEmpty ? "No active mentoring relationships. Press n to pair people up." : "Nothing matches /\(s.dashboard.mentoring.filter) — Esc clears the filter.",
                         theme, into: &buf, area: inner)
    }
}

/// The panes' tables: the kit's `Table` in the theme's colors, with a "3–10/42" mark in the
/// pane's bottom border when rows are hidden.
enum PaneTable {
    static func render(columns: [(String, Constraint, Alignment)], count: Int, row: @escaping (Int, [Int]) -> [Line],
                       scroll: ScrollState, focused: Bool, empty: String, _ theme: Theme,
                       into buf: inout ScreenBuffer, area: Rect) {
        let table = Table(columns: columns.map { TableColumn(title: $0.0, width: $0.1, align: $0.2) },
                          count: count, cells: row, selected: scroll.selected, offset: scroll.offset,
                          headerStyle: theme.style(.header), selectedStyle: theme.style(focused ? .selection : .selectionInactive),
                          selectionColors: focused ? .keepWhereUnset : .keep,
                          empty: [Span(empty, style: theme.style(.muted))], style: theme.style(.background))
        table.render(into: &buf, area: area)
        let shown = table.shownRows(height: area.height)
        if shown.count < count {
            let mark = "\(shown.lowerBound + 1)–\(shown.upperBound)/\(count)"
            buf.put(mark, x: area.right - Text.width(mark), y: area.bottom, style: theme.style(.muted), maxX: area.right)
        }
    }
}
