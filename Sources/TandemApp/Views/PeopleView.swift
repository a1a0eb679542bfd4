import Foundation
import TandemCore
import TerminalUI

/// The roster (`2`): each person with their current coaching and mentoring.
enum PeopleView {
    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        let people = s.sortedPeople
        let b = Block(title: "People · \(people.filter(\.isCurrent).count) current", titleStyle: theme.style(.focus),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard !inner.isEmpty else { return }
        let names = s.rows.people
        var coaching: [UUID: String] = [:]
        for e in s.data.engagements where e.isOpen { coaching[e.coacheeID] = e.focus }
        var mentors: [UUID: Int] = [:], mentorOf: [UUID: String] = [:]
        for r in s.data.relationships where r.status == .active {
            mentors[r.mentorID, default: 0] += 1
            mentorOf[r.menteeID] = names.name(r.mentorID)
        }
        let wide = inner.width >= 110
        var cols: [(String, Constraint, Alignment)] = [("NAME", .fill(3), .left), ("ROLE", .fill(3), .left), ("TEAM", .fixed(11), .left)]
        if wide { cols.append(("LEVEL", .fixed(7), .left)) }
        cols += [("COACHING", .fill(3), .left), ("MENTORING", .fill(3), .left)]
        let row = { (i: Int, _: [Int]) -> [Line] in
            let p = people[i]
            let muted = theme.style(.muted)
            var cells: [Line] = [[Span(p.name + (p.isCurrent ? "" : " (left)"), style: p.isCurrent ? theme.style(.text) : muted)],
                                 [Span(p.role, style: muted)], [Span(p.team, style: muted)]]
            if wide { cells.append([Span(p.level.rawValue, style: muted)]) }
            cells.append([Span(coaching[p.id] ?? "—", style: coaching[p.id] == nil ? muted : theme.style(.coaching))])
            var m: [String] = []
            if let n = mentors[p.id] { m.append("mentors \(n)/\(max(n, p.mentoringCapacity))") }
            if let mentor = mentorOf[p.id] { m.append("mentored by \(mentor)") }
            cells.append([Span(m.isEmpty ? "—" : m.joined(separator: " · "), style: m.isEmpty ? muted : theme.style(.mentoring))])
            return cells
        }
        PaneTable.render(columns: cols, count: people.count, row: row, scroll: s.peopleScroll, focused: true,
                         empty: "No people yet. Press n to add someone.", theme, into: &buf, area: inner)
    }
}

/// `?`: every binding from the keymap, grouped.
enum HelpOverlay {
    static func lines(_ keymap: Keymap, _ theme: Theme) -> [Line] {
        var out: [Line] = []
        var group = ""
        for b in keymap.bindings {
            if b.group != group {
                if !out.isEmpty { out.append([]) }
                out.append([Span(b.group.capitalized, style: theme.style(.title).bold())])
                group = b.group
            }
            let keys = b.keys.map(Keymap.name).joined(separator: " ")
            out.append([Span("  " + Text.pad(keys, to: 16), style: theme.style(.key)), Span(b.help, style: theme.style(.text))])
        }
        out.append([])
        out.append([Span("Commands  ", style: theme.style(.title).bold()), Span(Commands.summary, style: theme.style(.text))])
        return out
    }

    /// The overlay's height on this screen and how many binding lines it shows.
    static func geometry(_ s: AppState) -> (height: Int, visible: Int, count: Int) {
        let count = lines(s.keymap, .monochrome).count
        let height = min(s.height - 2, count + 3)
        return (height, max(1, height - 3), count)
    }

    /// The furthest the help can scroll.
    static func maxScroll(_ s: AppState) -> Int {
        let g = geometry(s)
        return max(0, g.count - g.visible)
    }

    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer) {
        let all = lines(s.keymap, theme)
        let (height, visible, _) = geometry(s)
        let offset = min(s.helpScroll, max(0, all.count - visible))
        var shown = Array(all.dropFirst(offset).prefix(visible))
        shown.append([Span(all.count > visible ? "↑↓ scroll · Esc or ? closes" : "Esc or ? closes", style: theme.style(.muted))])
        Modal(title: "Keys", lines: shown, width: min(s.width - 4, 78), height: height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}

/// A question with a few one-key answers.
enum ConfirmView {
    static func render(_ c: Confirm, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = min(buf.width - 4, 64)
        let text = Paragraph(lines: [[Span(c.message, style: theme.style(.text))]], wrap: true).rows(width: width - 2)
        var lines = text
        lines.append([])
        var choices: Line = []
        for (key, label) in c.choices {
            choices.append(Span(" \(key) ", style: theme.style(.key).reversed()))
            choices.append(Span(" \(label)   ", style: theme.style(.text)))
        }
        choices.append(Span("Esc", style: theme.style(.key)))
        choices.append(Span(" cancel", style: theme.style(.muted)))
        lines.append(choices)
        Modal(title: c.title, lines: lines, width: width, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}
