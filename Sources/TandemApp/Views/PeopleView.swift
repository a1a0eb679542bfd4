import Foundation
import TandemCore
import TerminalUI

/// The roster (`2`): each person with their current coaching and mentoring.
enum PeopleView {
    static func render(_ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.peoplePane
        let people = s.shownPeople
        var title = "People · \(s.sortedPeople.filter(\.isCurrent).count) current"
        if !s.roster.filter.isEmpty { title += " · \(people.count) shown /\(s.roster.filter)" }
        if s.rows.leaversWithOpenWork > 0 { title += " · ⚑ \(s.rows.leaversWithOpenWork) left with open work (c closes)" }
        let b = Block(title: title, titleStyle: theme.style(.focus),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard !inner.isEmpty else { return }
        let names = s.rows.people
        var coaching: [UUID: String] = [:]
        for e in s.data.engagements where e.isOpen { coaching[e.coacheeID] = e.focus }
        var mentorOf: [UUID: String] = [:]
        for r in s.data.relationships where r.status == .active { mentorOf[r.menteeID] = names.name(r.mentorID) }
        let wide = inner.width >= 110
        var cols: [(String, Constraint, Alignment)] = [("NAME", .fill(4), .left), ("ROLE", .fill(3), .left), ("TEAM", .fixed(11), .left)]
        if wide { cols.append(("LEVEL", .fixed(7), .left)) }
        cols += [("COACHING", .fill(3), .left), ("MENTORING", .fill(3), .left)]
        let row = { (i: Int, _: [Int]) -> [Line] in
            let p = people[i]
            let muted = theme.style(.muted)
            var name: Line = [Span(p.name, style: p.isCurrent ? theme.style(.text) : muted)]
            if !p.isCurrent {
                let open = PersonRules.openWork(of: p.id, in: s.data).count
                name.append(Span(open == 0 ? " (left)" : " ⚑ \(open) open", style: open == 0 ? muted : theme.style(.danger)))
            }
            var cells: [Line] = [name,
                                 [Span(p.role, style: muted)], [Span(p.team, style: muted)]]
            if wide { cells.append([Span(p.level.rawValue, style: muted)]) }
            cells.append([Span(coaching[p.id] ?? "—", style: coaching[p.id] == nil ? muted : theme.style(.coaching))])
            var m: [String] = []
            let load = PersonRules.mentoringLoad(of: p.id, in: s.data)
            if load.active > 0 { m.append("mentors \(load.text)") }
            if let mentor = mentorOf[p.id] { m.append("mentored by \(mentor)") }
            cells.append([Span(m.isEmpty ? "—" : m.joined(separator: " · "), style: m.isEmpty ? muted : theme.style(load.isOver ? .warn : .mentoring))])
            return cells
        }
        PaneTable.render(columns: cols, count: people.count, row: row, scroll: s.roster.scroll, focused: true,
                         empty: s.roster.filter.isEmpty ? "No people yet. Press n to add someone." : "Nobody matches /\(s.roster.filter) — Esc clears the filter.",
                         theme, into: &buf, area: inner)
    }
}

/// `?`: the keys of what is on top first, then every other context's, from the key table.
enum HelpOverlay {
    /// "↑↓": the help's first keys for up and down (the user's, when remapped).
    static func scrollHint(_ k: Keymap) -> String {
        [k.key(for: .up, in: .help), k.key(for: .down, in: .help)].compactMap { $0 }.map(Keymap.name).joined()
    }

    /// "Esc or ?": the help's first two keys that close it.
    static func closeHint(_ k: Keymap) -> String {
        (k.bindings.first { $0.context == .help && $0.action == .back }?.keys.prefix(2).map(Keymap.name) ?? ["Esc"]).joined(separator: " or ")
    }

    static func render(_ s: AppState, _ h: HelpState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let all = h.rows(s.keymap)
        let visible = layout.helpVisible
        let offset = min(h.scroll, layout.helpMaxScroll)
        var shown = all.dropFirst(offset).prefix(visible).map { line($0, theme) }
        shown.append([Span(all.count > visible ? "\(scrollHint(s.keymap)) scroll · \(closeHint(s.keymap)) closes" : "\(closeHint(s.keymap)) closes",
                           style: theme.style(.muted))])
        Modal(title: "Keys", lines: shown, width: layout.help.width, height: layout.help.height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }

    static func line(_ row: HelpContent.Row, _ theme: Theme) -> Line {
        switch row {
        case .blank: return []
        case .heading(let t): return [Span(t, style: theme.style(.title).bold())]
        case .binding(let keys, let help, let disabled):
            return [Span("  " + Text.pad(keys, to: 16), style: theme.style(disabled ? .muted : .key)),
                    Span(help, style: theme.style(disabled ? .muted : .text))]
        case .commands(let c):
            return [Span("Commands  ", style: theme.style(.title).bold()), Span(c, style: theme.style(.text))]
        }
    }
}

/// A question with a few one-key answers; the keys come from the table for its context.
enum ConfirmView {
    static func render(_ c: Confirm, _ keymap: Keymap, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = min(buf.width - 4, 64)
        let text = Paragraph(lines: c.message.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(String($0), style: theme.style(.text))] },
                             wrap: true).rows(width: width - 2)
        var lines = text
        lines.append([])
        var choices: Line = []
        for (action, label) in c.choices {
            guard let key = keymap.key(for: action, in: c.keyContext) else { continue }
            choices.append(Span(" \(Keymap.name(key)) ", style: theme.style(.key).reversed()))
            choices.append(Span(" \(label)   ", style: theme.style(.text)))
        }
        // Esc shows only where the table lets it act.
        if let esc = keymap.binding(for: .escape, in: c.keyContext), esc.disabled == nil, let label = esc.footer {
            choices.append(Span("Esc", style: theme.style(.key)))
            choices.append(Span(" \(label)", style: theme.style(.muted)))
        }
        lines.append(choices)
        Modal(title: c.title, lines: lines, width: width, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}
