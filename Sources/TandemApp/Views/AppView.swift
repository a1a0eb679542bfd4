import TandemCore
import TerminalUI

/// The whole screen as a pure function of the state and the theme.
public enum AppView {
    public static let minWidth = AppLayout.minWidth
    public static let minHeight = AppLayout.minHeight

    public static func render(_ s: AppState, theme: Theme) -> ScreenBuffer {
        render(s, layout: AppLayout(s), theme: theme)
    }

    /// Draws the frame into the layout's rectangles: the screen under the stack, then each
    /// overlay on the stack in order, so what has the keys is drawn last.
    public static func render(_ s: AppState, layout: AppLayout, theme: Theme) -> ScreenBuffer {
        var buf = ScreenBuffer(width: s.width, height: s.height)
        buf.fill(buf.area, style: theme.style(.background))
        guard !layout.tooSmall else {
            tooSmall(s, theme, &buf)
            return buf
        }
        Header.render(s, theme, into: &buf, area: layout.header)
        let screenIndex = s.stack.lastIndex(where: \.isScreen) ?? 0
        switch s.stack[screenIndex] {
        case .people: PeopleView.render(s, layout, theme, into: &buf)
        case .detail(let d): DetailView.render(s, d, layout, theme, into: &buf)
        case .insights(let st): InsightsView.render(s, st, layout, theme, into: &buf)
        case .records(let st): RecordsView.render(s, st, layout, theme, into: &buf)
        case .agenda(let st): AgendaView.render(s, st, layout, theme, into: &buf)
        default: DashboardView.render(s, layout, theme, into: &buf)
        }
        statusLine(s, theme, into: &buf, area: layout.status)
        KeyHintFooter(hints: s.keymap.hints(for: s.keyContext, readOnly: s.isReadOnly), keyStyle: theme.style(.key),
                      labelStyle: theme.style(.footer)).render(into: &buf, area: layout.footer)
        for context in s.stack.dropFirst(screenIndex + 1) {
            switch context {
            case .help(let h): HelpOverlay.render(s, h, layout, theme, into: &buf)
            case .form(let f): FormView.render(f, s, layout, theme, into: &buf)
            case .confirm(let c): ConfirmView.render(c, s.keymap, theme, into: &buf)
            case .prompt, .dashboard, .people, .detail, .insights, .agenda, .records: break // the prompt is the status line
            }
        }
        return buf
    }

    static func tooSmall(_ s: AppState, _ theme: Theme, _ buf: inout ScreenBuffer) {
        let lines = ["terminal too small", "(need \(minWidth)x\(minHeight), have \(s.width)x\(s.height))", "q quits"]
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < s.height {
            let cut = Text.truncate(line, to: s.width)
            buf.put(cut, x: max(0, (s.width - Text.width(cut)) / 2), y: top + i,
                    style: i == 0 ? theme.style(.warn).bold() : theme.style(.muted))
        }
    }

    static func statusLine(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        buf.fill(area, style: theme.style(.status))
        if let p = s.prompt {
            let prefix: String
            switch p.kind {
            case .filter(let pane): prefix = "/\(pane.rawValue) filter: "
            case .command: prefix = ":"
            }
            let x = buf.put(prefix, x: area.x, y: area.y, style: theme.style(.key), maxX: area.right)
            p.field.render(into: &buf, area: Rect(x: x, y: area.y, width: area.right - x, height: 1),
                           style: theme.style(.inputFocus), focused: true)
            return
        }
        var right = ""
        if s.screen == .dashboard {
            var parts: [String] = []
            if !s.dashboard.coaching.filter.isEmpty { parts.append("coaching /\(s.dashboard.coaching.filter)") }
            if !s.dashboard.mentoring.filter.isEmpty { parts.append("mentoring /\(s.dashboard.mentoring.filter)") }
            right = parts.joined(separator: "  ")
        }
        if let p = s.progress, s.status == nil {
            buf.put(" ⋯ " + Text.truncate(p, to: max(0, area.width - Text.width(right) - 5)), x: area.x, y: area.y,
                    style: theme.style(.muted).over(theme.style(.status)), maxX: area.right)
        }
        if let st = s.status {
            let role: Role = st.kind == .error ? .error : st.kind == .ok ? .ok : .status
            buf.put(" " + Text.truncate(st.text, to: max(0, area.width - Text.width(right) - 3)), x: area.x, y: area.y,
                    style: theme.style(role).over(theme.style(.status)), maxX: area.right)
        }
        if !right.isEmpty {
            buf.put(right + " ", x: area.right - Text.width(right) - 1, y: area.y, style: theme.style(.muted).over(theme.style(.status)), maxX: area.right)
        }
    }
}

/// The top line: agency, today, counts, read-only. On a narrow screen the agency name is cut
/// (and the date shortened) before any count is.
enum Header {
    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let base = theme.style(.header)
        buf.fill(area, style: base)
        let r = s.rows
        let counts: Line = [
            Span("\(r.activeCoaching) coaching", style: theme.style(.coaching).over(base)),
            Span(" · \(r.activeMentoring) mentoring", style: theme.style(.mentoring).over(base)),
            Span(" · \(r.overdue) overdue", style: theme.style(r.overdue > 0 ? .danger : .muted).over(base)),
            Span(" · \(r.dueThisWeek) due this week", style: theme.style(r.dueThisWeek > 0 ? .warn : .muted).over(base)),
        ]
        // Wide: " Tandem · Agency · Sun 29 Nov 2026   counts". Narrow: the brand goes, the date
        // shortens, and only then is the agency's name cut.
        let readOnly: Line = s.isReadOnly ? [Span(" [read-only]", style: theme.style(.danger).over(base).bold())] : []
        let longDate = Format.longDate(s.today)
        let full = 8 + Text.width(s.data.agency.name) + 3 + Text.width(longDate) + 3 + Text.width(counts) + Text.width(readOnly)
        var line: Line = []
        if full <= area.width {
            line = [Span(" Tandem ", style: theme.style(.title).over(base).bold())] + readOnly
                + [Span("· ", style: base), Span(s.data.agency.name, style: theme.style(.title).over(base)),
                   Span(" · ", style: base), Span(longDate, style: theme.style(.muted).over(base)), Span("   ", style: base)]
        } else {
            let date = Format.shortDate(s.today, today: s.today)
            let room = area.width - 1 - 3 - Text.width(date) - 2 - Text.width(counts) - Text.width(readOnly)
            line = readOnly + [Span(" ", style: base)]
            if room >= 4 {
                line += [Span(Text.truncate(s.data.agency.name, to: room), style: theme.style(.title).over(base)), Span(" · ", style: base)]
            }
            line += [Span(date, style: theme.style(.muted).over(base)), Span("  ", style: base)]
        }
        line += counts
        buf.put(line: Text.truncate(line, to: area.width), x: area.x, y: area.y, maxX: area.right)
    }
}
