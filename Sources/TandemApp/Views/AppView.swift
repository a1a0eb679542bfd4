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
        case .archive: ArchiveView.render(s, layout, theme, into: &buf)
        case .detail(let d): DetailView.render(s, d, layout, theme, into: &buf)
        case .person(let p): PersonView.render(s, p, layout, theme, into: &buf)
        case .insights(let st): InsightsView.render(s, st, layout, theme, into: &buf)
        case .records(let st): RecordsView.render(s, st, layout, theme, into: &buf)
        case .agenda(let st): AgendaView.render(s, st, layout, theme, into: &buf)
        default: DashboardView.render(s, layout, theme, into: &buf)
        }
        statusLine(s, theme, into: &buf, area: layout.status)
        KeyHintFooter(hints: layout.footerHints.map { ($0.keyText, $0.label) }, keyStyle: theme.style(.key),
                      labelStyle: theme.style(.footer)).render(into: &buf, area: layout.footer)
        for context in s.stack.dropFirst(screenIndex + 1) {
            switch context {
            case .help(let h): HelpOverlay.render(s, h, layout, theme, into: &buf)
            case .form(let f): FormView.render(f, s, layout, theme, into: &buf)
            case .confirm(let c): ConfirmView.render(c, s.keymap, theme, into: &buf)
            case .assessment(let a): AssessmentView.render(a, s, layout, theme, into: &buf)
            case .brief(let b): BriefView.render(b, s, layout, theme, into: &buf)
            case .picker(let p): PickerView.render(p, s, layout, theme, into: &buf)
            case .closing(let c): ClosingView.render(c, s, layout, theme, into: &buf)
            case .conflict(let c): ConflictView.render(c, s, theme, into: &buf)
            case .prompt, .dashboard, .people, .detail, .archive, .person, .insights, .agenda, .records: break // the prompt is the status line
            }
        }
        return buf
    }

    /// The notice drawn instead of the screen while it is under the least size: what it needs,
    /// what it has and the key that quits, in the longest wording that fits, down to a lone "…"
    /// when not even the needed size fits. Centred, never past an edge.
    static func tooSmall(_ s: AppState, _ theme: Theme, _ buf: inout ScreenBuffer) {
        let lines = tooSmallLines(width: s.width, height: s.height, quitKey: tooSmallQuitKey(s))
        let top = max(0, (s.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            buf.put(line, x: max(0, (s.width - Text.width(line)) / 2), y: top + i,
                    style: i == 0 && lines.count > 1 ? theme.style(.warn).bold() : theme.style(.muted), maxX: s.width)
        }
    }

    /// The key that quits from what is on top while the screen is too small: the quit key on a
    /// screen, Ctrl-C over a form or a dialog (where the quit key is a letter to type).
    static func tooSmallQuitKey(_ s: AppState) -> String {
        let quit = s.keyContext.isScreen ? s.keymap.key(for: .quit, in: .global) : nil
        return Keymap.name(quit ?? s.keymap.key(for: .terminate, in: .always) ?? .ctrl("c"))
    }

    /// The notice's lines for a screen of `width`×`height`: the first wording (most said first)
    /// whose every line fits, or "…" when none does.
    static func tooSmallLines(width: Int, height: Int, quitKey: String) -> [String] {
        let need = "\(minWidth)x\(minHeight)", have = "\(max(0, width))x\(max(0, height))", quits = "\(quitKey) quits"
        let wordings: [[String]] = [
            ["terminal too small", "need \(need), have \(have)", quits],
            ["too small", "need \(need), have \(have)", quits],
            ["too small", "need \(need)", "have \(have)", quits],
            ["too small", "need \(need)", quits],
            ["too small: need \(need), have \(have)", quits],
            ["too small: need \(need)", quits],
            ["too small", "need \(need)"],
            ["need", need, "have", have, quits],
            ["need", need, quits],
            ["need", need],
            ["too small: need \(need), have \(have) · \(quits)"],
            ["too small: need \(need), have \(have)"],
            ["too small: need \(need)"],
            ["need \(need)"],
            [need],
        ]
        let fits = wordings.first { $0.count <= height && $0.allSatisfy { Text.width($0) <= width } }
        return fits ?? (width >= 1 && height >= 1 ? ["…"] : [])
    }

    static func statusLine(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        buf.fill(area, style: theme.style(.status))
        if let p = s.prompt {
            let prefix: String
            switch p.kind {
            case .filter(let pane): prefix = "/\(pane.rawValue) filter: "
            case .command: prefix = ":"
            case .archiveFilter: prefix = "/archive filter: "
            case .filterPeople: prefix = "/people filter: "
            case .leftOn(let id): prefix = "\(s.rows.people.name(id)) left on: "
            }
            let x = buf.put(prefix, x: area.x, y: area.y, style: theme.style(.key), maxX: area.right)
            // An error takes what the text does not need (the text keeps 12 columns).
            let error = p.error.map { " ✗ " + Text.truncate($0, to: max(0, area.right - x - 16)) + " " } ?? ""
            let errorX = area.right - Text.width(error)
            p.field.render(into: &buf, area: Rect(x: x, y: area.y, width: max(0, errorX - x), height: 1),
                           style: theme.style(.inputFocus), focused: true)
            if !error.isEmpty { buf.put(error, x: errorX, y: area.y, style: theme.style(.error), maxX: area.right) }
            return
        }
        var right = ""
        if s.screen == .dashboard {
            var parts: [String] = []
            if !s.dashboard.coaching.filter.isEmpty { parts.append("coaching /\(s.dashboard.coaching.filter)") }
            if !s.dashboard.mentoring.filter.isEmpty { parts.append("mentoring /\(s.dashboard.mentoring.filter)") }
            right = parts.joined(separator: "  ")
        }
        if s.screen == .archive, !s.archive.filter.isEmpty { right = "archive /\(s.archive.filter)" }
        if s.screen == .people, !s.roster.filter.isEmpty { right = "people /\(s.roster.filter)" }
        if let p = s.progress, s.status == nil {
            buf.put(" ⋯ " + Text.truncate(p, to: max(0, area.width - Text.width(right) - 5)), x: area.x, y: area.y,
                    style: theme.style(.muted).over(theme.style(.status)), maxX: area.right)
        }
        if let st = s.status {
            let role: Role = st.kind == .error ? .error : st.kind == .ok ? .ok : .status
            let style = theme.style(role).over(theme.style(.status))
            if area.height > 1 {
                // A long message wraps onto the rows the layout gave it, rather than being cut.
                let rows = Paragraph(lines: [[Span(st.text, style: style)]], wrap: true).rows(width: max(1, area.width - 2))
                for (i, row) in rows.prefix(area.height).enumerated() {
                    buf.put(line: row, x: area.x + 1, y: area.y + i, maxX: area.right - 1)
                }
            } else {
                buf.put(" " + Text.truncate(st.text, to: max(0, area.width - Text.width(right) - 3)), x: area.x, y: area.y,
                        style: style, maxX: area.right)
            }
        }
        if !right.isEmpty {
            buf.put(right + " ", x: area.right - Text.width(right) - 1, y: area.bottom - 1, style: theme.style(.muted).over(theme.style(.status)), maxX: area.right)
        }
    }
}

/// The top line: agency, today, counts of active work, read-only. On a narrow screen the
/// agency name is cut (and the date shortened) before any count is; the counts' words shorten
/// before they are cut. The underline of the mono and high-contrast themes is under the
/// words only, never under the gaps between them.
enum Header {
    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let base = theme.style(.header)
        buf.fill(area, style: gap(base))
        let r = s.rows
        // Active work only: the quieter rows (planned, on hold, paused) wait.
        // Shorter forms, tried in turn: "due 7d" for "due this week", then two spaces for " · ".
        func counts(_ level: Int) -> Line {
            let dot = level >= 2 ? "  " : " · "
            return [Span("\(r.activeCoaching) coaching", style: theme.style(.coaching).over(base)),
                    Span("\(dot)\(r.activeMentoring) mentoring", style: theme.style(.mentoring).over(base)),
                    Span("\(dot)\(r.overdue) overdue", style: theme.style(r.overdue > 0 ? .danger : .muted).over(base)),
                    Span(level >= 1 ? "\(dot)\(r.dueThisWeek) due 7d" : "\(dot)\(r.dueThisWeek) due this week",
                         style: theme.style(r.dueThisWeek > 0 ? .warn : .muted).over(base)),
                    Span("\(dot)\(r.stalled) stalled", style: theme.style(r.stalled > 0 ? .warn : .muted).over(base))]
                + (r.leaversWithOpenWork == 0 ? [] : [
                    Span("\(dot)⚑ \(r.leaversWithOpenWork) leaver\(r.leaversWithOpenWork == 1 ? "" : "s")", style: theme.style(.danger).over(base)),
                ])
        }
        // Wide: " Tandem · Agency · Sun 29 Nov 2026   counts". Narrow: the brand goes, the date
        // shortens, and only then is the agency's name cut.
        let readOnly: Line = s.isReadOnly ? [Span(" [read-only]", style: theme.style(.danger).over(base).bold())] : []
        let longDate = Format.longDate(s.today)
        let date = Format.shortDate(s.today, today: s.today)
        let full = 8 + 2 + Text.width(s.data.agency.name) + 3 + Text.width(longDate) + 3 + Text.width(counts(0)) + Text.width(readOnly)
        var line: Line = []
        if full <= area.width {
            line = [Span(" Tandem ", style: theme.style(.title).over(base).bold())] + readOnly
                + [Span("· ", style: base), Span(s.data.agency.name, style: theme.style(.title).over(base)),
                   Span(" · ", style: base), Span(longDate, style: theme.style(.muted).over(base)), Span("   ", style: base)]
            line += counts(0)
        } else {
            // The least shortening that leaves the agency's name whole.
            let fixed = 1 + 3 + Text.width(date) + 2 + Text.width(readOnly) + Text.width(s.data.agency.name)
            let shown = (0...2).lazy.map(counts).first { fixed + Text.width($0) <= area.width } ?? counts(2)
            let room = area.width - 1 - 3 - Text.width(date) - 2 - Text.width(shown) - Text.width(readOnly)
            line = readOnly + [Span(" ", style: base)]
            if room >= 4 {
                line += [Span(Text.truncate(s.data.agency.name, to: room), style: theme.style(.title).over(base)), Span(" · ", style: base)]
            }
            line += [Span(date, style: theme.style(.muted).over(base)), Span("  ", style: base)]
            line += shown
        }
        // The header's underline (mono, high contrast) is the words', not the bar's.
        if base.attrs.contains(.underline) {
            line = line.map { var st = $0.style; st.attrs.insert(.underline); return Span($0.text, style: st) }
        }
        buf.put(line: underlineWordsOnly(Text.truncate(line, to: area.width)), x: area.x, y: area.y, maxX: area.right)
    }

    /// The style without its underline: what the gaps between words get.
    static func gap(_ style: Style) -> Style {
        var g = style
        g.attrs.remove(.underline)
        return g
    }

    /// Splits each span's leading and trailing spaces and "·" separators off into spans
    /// without underline, so an underlined header underlines its words only.
    static func underlineWordsOnly(_ line: Line) -> Line {
        func isGap(_ c: Character) -> Bool { c == " " || c == "·" }
        var out: Line = []
        for span in line {
            guard span.style.attrs.contains(.underline) else { out.append(span); continue }
            let chars = Array(span.text)
            let lead = chars.prefix(while: isGap).count
            let trail = lead == chars.count ? 0 : chars.reversed().prefix(while: isGap).count
            if lead > 0 { out.append(Span(String(chars[..<lead]), style: gap(span.style))) }
            if lead < chars.count - trail { out.append(Span(String(chars[lead..<(chars.count - trail)]), style: span.style)) }
            if trail > 0 { out.append(Span(String(chars[(chars.count - trail)...]), style: gap(span.style))) }
        }
        return out
    }
}
