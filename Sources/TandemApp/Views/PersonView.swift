import Foundation
import TandemCore
import TerminalUI

/// One person (Enter on the people screen): role, team, level, time at the agency, manager,
/// expertise and interests, mentoring load and hours, then every record they are in.
enum PersonView {
    static func render(_ s: AppState, _ st: PersonState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.body
        guard let p = s.rows.people[st.id] else {
            buf.put("This person is no longer loaded. Esc goes back.", x: area.x + 1, y: area.y + 1, style: theme.style(.muted), maxX: area.right)
            return
        }
        let o = PersonOverview(p, in: s.data, today: s.today)
        var title = p.name
        if !p.role.isEmpty { title += " · \(p.role)" }
        Block(title: title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true).render(into: &buf, area: area)
        let profile = layout.personProfile
        for (i, line) in profileLines(o, s).prefix(profile.height).enumerated() {
            buf.put(line: Text.truncate(line.styled(theme), to: profile.width), x: profile.x, y: profile.y + i, maxX: profile.right)
        }
        table(o, st, s, theme, into: &buf, area: layout.personTable)
    }

    /// "3y 2mo" from a count of days.
    static func tenure(_ days: Int) -> String {
        let months = days * 12 / 365
        return months < 1 ? "\(days)d" : Format.since(months: months)
    }

    /// "3h20", "45m", "0h".
    static func hours(_ minutes: Int) -> String {
        minutes == 0 ? "0h" : minutes < 60 ? "\(minutes)m" : minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(String(format: "%02d", minutes % 60))"
    }

    /// The profile as lines in theme roles (shared by the view and its tests).
    static func profileLines(_ o: PersonOverview, _ s: AppState) -> [DocLine] {
        let p = o.person
        let names = s.rows.people
        var lines: [DocLine] = []
        var first: DocLine = [DocSpan("team ", .muted), DocSpan(p.team.isEmpty ? "—" : p.team), DocSpan(" · level ", .muted), DocSpan(p.level.rawValue)]
        if let start = p.startDate {
            first += [DocSpan(" · since ", .muted), DocSpan(start.iso), DocSpan(" (\(o.daysAtAgency.map(tenure) ?? "—")\(p.leftOn.map { ", until \($0.iso)" } ?? ""))", .muted)]
        }
        first += [DocSpan(" · manager ", .muted), DocSpan(p.managerID.map(names.name) ?? "—")]
        lines.append(first)
        lines.append([DocSpan("can mentor in ", .muted), DocSpan(p.expertise.isEmpty ? "—" : p.expertise.joined(separator: ", "))])
        lines.append([DocSpan("wants to grow in ", .muted), DocSpan(p.interests.isEmpty ? "—" : p.interests.joined(separator: ", "))])
        let load = o.load
        var loadLine: DocLine = [DocSpan("mentoring load ", .muted),
                                 DocSpan(load.text, load.isOver ? .danger : load.isFull && load.capacity > 0 ? .warn : .ok, bold: true),
                                 DocSpan(" (active mentees / capacity)", .muted)]
        if load.isOver { loadLine.append(DocSpan(" · over capacity", .danger)) } else if load.isFull, load.capacity > 0 { loadLine.append(DocSpan(" · full", .warn)) }
        lines.append(loadLine)
        lines.append([DocSpan("hours ", .muted),
                      DocSpan("coaching "), DocSpan(hours(o.coachingReceived), .coaching, bold: true), DocSpan(" received, ", .muted),
                      DocSpan(hours(o.coachingGiven), .coaching, bold: true), DocSpan(" given · ", .muted),
                      DocSpan("mentoring "), DocSpan(hours(o.mentoringReceived), .mentoring, bold: true), DocSpan(" received, ", .muted),
                      DocSpan(hours(o.mentoringGiven), .mentoring, bold: true), DocSpan(" given", .muted)])
        if let left = p.leftOn {
            if o.openWork.isEmpty {
                lines.append([DocSpan("left on \(left.iso)", .muted), DocSpan(" · nothing left open", .muted)])
            } else {
                let n = o.openWork.count
                lines.append([DocSpan("⚑ left on \(left.iso) with \(n) open record\(n == 1 ? "" : "s")", .danger, bold: true),
                              DocSpan(" · c closes them", .muted)])
            }
        }
        return lines
    }

    static func table(_ o: PersonOverview, _ st: PersonState, _ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let wide = area.width >= 100, medium = area.width >= 76
        var cols: [(String, Constraint, Alignment)] = [("RECORD", .fill(3), .left), ("AS", .fixed(7), .left), ("WITH", .fill(2), .left),
                                                       ("STATUS", .fixed(9), .left)]
        if medium { cols.append(("SINCE", .fixed(wide ? 10 : 9), .left)) }
        if wide { cols.append(("CLOSED", .fixed(10), .left)) }
        cols.append(("HOURS", .fixed(6), .right))
        let items = o.items
        let leftOpen = !o.person.isCurrent
        let row = { (i: Int, _: [Int]) -> [Line] in
            let it = items[i]
            let muted = theme.style(.muted)
            let kindRole: Role = it.kind == .coaching ? .coaching : .mentoring
            let text = it.isOpen ? theme.style(.text) : muted
            var cells: [Line] = [
                [Span(it.kind == .coaching ? "coaching " : "mentoring ", style: it.isOpen ? theme.style(kindRole) : muted),
                 Span(it.about.isEmpty ? "—" : it.about, style: text)],
                [Span(it.part.rawValue, style: muted)],
                [Span(it.other, style: text)],
                [Span((leftOpen && it.isOpen ? "⚑ " : "") + it.status, style: leftOpen && it.isOpen ? theme.style(.danger) : it.isOpen ? theme.style(.ok) : muted)],
            ]
            if medium { cells.append([Span(wide ? it.start.iso : Format.shortDate(it.start, today: s.today), style: muted)]) }
            if wide { cells.append([Span(it.closedOn?.iso ?? "", style: muted)]) }
            cells.append([Span(hours(it.minutes), style: muted)])
            return cells
        }
        PaneTable.render(columns: cols, count: items.count, row: row, scroll: st.list.scroll, focused: true,
                         empty: "No coaching or mentoring yet.", theme, into: &buf, area: area)
    }
}
