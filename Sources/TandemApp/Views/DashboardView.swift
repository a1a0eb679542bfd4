import TandemCore
import TerminalUI

/// Coaching beside mentoring (stacked below `AppLayout.sideBySideWidth`), and a detail strip
/// for the selection. Each pane lists its active records, then a quieter group (planned and
/// on hold; paused), dimmed, with the state in words. Columns come and go by `PaneColumns`.
enum DashboardView {
    static func render(_ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        coachingPane(s, theme, into: &buf, area: layout.coachingPane)
        mentoringPane(s, theme, into: &buf, area: layout.mentoringPane)
        DetailStrip.render(s, theme, into: &buf, area: layout.strip)
    }

    /// A pane's title: "Coaching · 5 active · 2 planned or on hold · by deadline", or with a
    /// filter "Coaching · 3 of 7 · /ana · by deadline".
    static func title(_ name: String, active: Int, quiet: Int, quietWord: String, shown: Int, of total: Int,
                      filter: String, sort: String) -> String {
        var title = name
        if filter.isEmpty {
            title += " · \(active) active"
            if quiet > 0 { title += " · \(quiet) \(quietWord)" }
        } else {
            title += " · \(shown) of \(total) · /\(filter)"
        }
        return title + " · by \(sort)"
    }

    /// A pane's border and title; returns the inside.
    static func frame(_ title: String, focused: Bool, role: Role, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) -> Rect {
        let b = Block(title: title, titleStyle: theme.style(focused ? .focus : role),
                      borderStyle: theme.style(focused ? .focus : .border), focused: focused)
        b.render(into: &buf, area: area)
        return b.inner(area)
    }

    /// The columns a pane of this inside width shows, in row order (what tests check too).
    static func columns(_ pane: Pane, width: Int) -> [PaneColumn] { PaneColumns.shown(pane, width: width) }

    static func coachingPane(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let focused = s.dashboard.focus == .coaching
        let r = s.rows
        let pane = s.dashboard.coaching
        let quiet = r.coaching.suffix(r.quietCoaching)
        let waiting = [quiet.contains { $0.engagement.status == .planned } ? "planned" : nil,
                       quiet.contains { $0.engagement.status == .onHold } ? "on hold" : nil].compactMap { $0 }.joined(separator: " or ")
        let inner = frame(title("Coaching", active: r.coaching.count - r.quietCoaching, quiet: r.quietCoaching, quietWord: waiting,
                                shown: r.coaching.count, of: r.openCoaching, filter: pane.filter, sort: pane.sort.rawValue),
                          focused: focused, role: .coaching, theme, into: &buf, area: area)
        guard !inner.isEmpty else { return }
        let cols = columns(.coaching, width: inner.width)
        let settings = s.data.agency.settings
        let row = { (i: Int, widths: [Int]) -> [Line] in
            let c = r.coaching[i]
            let e = c.engagement
            let isQuiet = r.isQuiet(.coaching, i)
            func style(_ role: Role) -> Style { theme.style(isQuiet ? .muted : role) }
            return zip(cols, widths).map { col, width -> Line in
                switch col.id {
                case .coachee: return [Span(c.coachee, style: style(.text))]
                case .flags:
                    var marks: Line = []
                    // Judged with the summary, when the data or the day changed.
                    if c.momentumAlert { marks.append(Span("⚠", style: theme.style(.warn).bold())) }
                    if c.hasOverdueActionItems { marks.append(Span("⚑", style: theme.style(.danger).bold())) }
                    return marks
                case .focus: return [Span(e.focus, style: theme.style(.muted))]
                case .coach: return [Span(c.coach, style: theme.style(.muted))]
                case .due: return [Span(Format.daysLeft(c.daysLeft), style: style(Format.deadlineRole(c.daysLeft)))]
                case .sessions:
                    return [Span(e.plannedSessions.map { "\(e.sessions.count) of \($0)" } ?? "\(e.sessions.count)", style: theme.style(.muted))]
                case .progress:
                    return Gauge(ratio: c.progress, width: max(1, min(8, width - 5)), filledStyle: theme.style(isQuiet ? .gaugeEmpty : .gauge),
                                 emptyStyle: theme.style(.gaugeEmpty), labelStyle: theme.style(.muted)).line
                case .forecast:
                    if isQuiet { return [Span(e.status.label, style: theme.style(.muted).bold())] }
                    return [Span(Format.symbol(c.forecast) + " " + c.forecast.label, style: theme.style(Format.role(c.forecast)))]
                default: return []
                }
            }
        }
        PaneTable.render(columns: cols, widths: PaneColumns.widths(cols, width: inner.width), count: r.coaching.count, row: row,
                         scroll: pane.scroll, focused: focused,
                         empty: pane.filter.isEmpty ? "No coaching engagements. Press n to start one." : "Nothing matches /\(pane.filter) — Esc clears the filter.",
                         theme, into: &buf, area: inner)
    }

    static func mentoringPane(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let focused = s.dashboard.focus == .mentoring
        let r = s.rows
        let pane = s.dashboard.mentoring
        let inner = frame(title("Mentoring", active: r.mentoring.count - r.quietMentoring, quiet: r.quietMentoring, quietWord: "paused",
                                shown: r.mentoring.count, of: r.openMentoring, filter: pane.filter, sort: pane.sort.rawValue),
                          focused: focused, role: .mentoring, theme, into: &buf, area: area)
        guard !inner.isEmpty else { return }
        let cols = columns(.mentoring, width: inner.width)
        let row = { (i: Int, widths: [Int]) -> [Line] in
            let m = r.mentoring[i]
            let rel = m.relationship
            let isQuiet = r.isQuiet(.mentoring, i)
            func style(_ role: Role) -> Style { theme.style(isQuiet ? .muted : role) }
            return zip(cols, widths).map { col, width -> Line in
                switch col.id {
                case .pair:
                    // Cut each name, not the pair, so both people stay on screen.
                    let half = max(3, (width - 3) / 2)
                    let fits = Text.width(m.mentor) + 3 + Text.width(m.mentee) <= width
                    return [Span(fits ? m.mentor : Text.truncate(m.mentor, to: half), style: style(.text)), Span(" → ", style: theme.style(.muted)),
                            Span(fits ? m.mentee : Text.truncate(m.mentee, to: width - 3 - min(half, Text.width(m.mentor))), style: style(.text))]
                case .flags:
                    return m.isLate ? [Span("⚑", style: theme.style(.danger).bold())] : []
                case .since: return [Span(Format.since(months: m.monthsSince), style: theme.style(.muted))]
                case .every: return [Span("\(rel.cadenceDays)d", style: theme.style(.muted))]
                case .lastMet: return [Span(m.lastMet.map { Format.shortDate($0, today: s.today) } ?? "never", style: theme.style(.muted))]
                case .nextDue:
                    let dueDays = m.daysToNext(today: s.today) ?? 0
                    return [Span(Format.due(m.nextDue, today: s.today),
                                 style: style(dueDays < 0 ? .danger : dueDays <= s.data.agency.settings.dueSoonDays ? .warn : .text))]
                case .health:
                    if isQuiet {
                        let since = rel.pausedOn.map { Format.shortDate($0, today: s.today) }
                        let long = "\(m.health.symbol) \(m.health.label)" + (since.map { " since \($0)" } ?? "")
                        let text = Text.width(long) <= width ? long : m.health.label + (since.map { " \($0)" } ?? "")
                        return [Span(text, style: theme.style(.muted).bold())]
                    }
                    return [Span("\(m.health.symbol) \(m.health.label)", style: theme.style(Format.role(m.health)))]
                default: return []
                }
            }
        }
        PaneTable.render(columns: cols, widths: PaneColumns.widths(cols, width: inner.width), count: r.mentoring.count, row: row,
                         scroll: pane.scroll, focused: focused,
                         empty: pane.filter.isEmpty ? "No mentoring relationships. Press n to pair people up." : "Nothing matches /\(pane.filter) — Esc clears the filter.",
                         theme, into: &buf, area: inner)
    }
}

/// The panes' tables: the kit's `Table` in the theme's colors, with a "3–10/42" mark in the
/// pane's bottom border when rows are hidden.
enum PaneTable {
    static func render(columns: [PaneColumn], widths: [Int], count: Int, row: @escaping (Int, [Int]) -> [Line],
                       scroll: ScrollState, focused: Bool, empty: String, _ theme: Theme,
                       into buf: inout ScreenBuffer, area: Rect) {
        render(columns: zip(columns, widths).map { ($0.title, Constraint.fixed($1), $0.align) }, count: count, row: row,
               scroll: scroll, focused: focused, empty: empty, theme, into: &buf, area: area)
    }

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
