import TandemCore
import TandemStore
import TerminalUI

/// The strip under the panes: the selected record's metrics with sparklines, its latest
/// session and its open action items.
enum DetailStrip {
    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let b = Block(title: "Selected", titleStyle: theme.style(.title), borderStyle: theme.style(.border))
        guard let ref = s.selectedRecord, let value = s.data.value(of: ref) else {
            b.render(into: &buf, area: area)
            let inner = b.inner(area)
            if !inner.isEmpty { buf.put("Nothing selected", x: inner.x, y: inner.y, style: theme.style(.muted), maxX: inner.right) }
            return
        }
        let names = s.rows.people
        var left: [Line] = []
        var right: [Line] = []
        let title: String
        let sessions: [Session]
        let actions: [ActionItem]
        switch value {
        case .coaching(let e):
            title = "\(names.name(e.coacheeID)) · \(e.focus)"
            left = MetricLines.of(e, today: s.today).map { $0.styled(theme) }
            if left.isEmpty { left = [[Span("No metrics yet: e adds some", style: theme.style(.muted))]] }
            sessions = e.sessions
            actions = e.openActionItems
            // Momentum fades after the first sessions: say so before the deadline does.
            let quiet = e.daysSinceActivity(today: s.today)
            if e.hasMomentumAlert(today: s.today, momentumDays: s.data.agency.settings.momentumDays) {
                right.append([Span("⚠ no session for \(quiet) days", style: theme.style(.warn).bold()),
                              Span(" — l logs one", style: theme.style(.muted))])
            }
        case .mentoring(let r):
            title = "\(names.name(r.mentorID)) → \(names.name(r.menteeID)) · every \(r.cadenceDays) days"
            let goals = r.goals
            left = goals.prefix(6).map { g in
                [Span(g.achievedOn == nil ? "○ " : "● ", style: theme.style(g.achievedOn == nil ? .muted : .ok)),
                 Span(g.text, style: theme.style(.text)),
                 Span(g.targetDate.map { "  by \(Format.shortDate($0, today: s.today))" } ?? "", style: theme.style(.muted))]
            }
            if left.isEmpty { left = [[Span("No goals yet: e adds some", style: theme.style(.muted))]] }
            let streak = MentoringSummary(r, names: names, today: s.today, settings: s.data.agency.settings).streak
            if !r.focusAreas.isEmpty || streak > 0 {
                left.insert([Span("focus ", style: theme.style(.muted)), Span(r.focusAreas.joined(separator: ", "), style: theme.style(.text)),
                             Span(streak > 0 ? "  streak \(streak)" : "", style: theme.style(.ok))], at: 0)
            }
            sessions = r.sessions
            actions = r.openActionItems
        case .person, .assessment:
            b.render(into: &buf, area: area)
            return
        }
        if let last = sessions.last {
            right.append([Span("Last session ", style: theme.style(.muted)),
                          Span("\(Format.shortDate(last.date, today: s.today)) · \(last.minutes) min", style: theme.style(.text)),
                          Span(last.pulse.map { " · pulse \($0)/5" } ?? "", style: theme.style(.muted))])
            right.append([Span(Format.firstLine(last.notes), style: theme.style(.text))])
        } else {
            right.append([Span("No sessions yet: l logs the first", style: theme.style(.muted))])
        }
        for a in actions.prefix(4) {
            let late = a.due.map { $0 < s.today } ?? false
            right.append([Span("• ", style: theme.style(.muted)), Span(a.text, style: theme.style(.text)),
                          Span(a.due.map { "  due \(Format.shortDate($0, today: s.today))" } ?? "", style: theme.style(late ? .danger : .muted))])
        }
        if actions.count > 4 { right.append([Span("  +\(actions.count - 4) more open actions (Enter)", style: theme.style(.muted))]) }

        let block = Block(title: title, titleStyle: theme.style(ref.kind == .coaching ? .coaching : .mentoring), borderStyle: theme.style(.border))
        block.render(into: &buf, area: area)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let halves = inner.split(.horizontal, [.fill(1), .fill(1)], spacing: 2)
        Paragraph(lines: left).render(into: &buf, area: halves[0])
        Paragraph(lines: right).render(into: &buf, area: halves[1])
    }
}
