import Foundation
import TandemCore
import TerminalUI

/// The archive (`5`): completed, cancelled and closed records, newest closing first, and the
/// selected one's whole outcome under the list.
enum ArchiveView {
    static func render(_ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.archivePane
        let rows = s.archiveRows
        let filter = s.archive.filter.isEmpty ? "" : " · /\(s.archive.filter) \(rows.count) shown"
        let reading = s.closedRecords == .reading ? " · reading closed records…" : ""
        let b = Block(title: "Archive · \(s.allArchiveCount) closed · newest first\(filter)\(reading)", titleStyle: theme.style(.focus),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 110
        var cols: [(String, Constraint, Alignment)] = [("WHO", .fill(3), .left), ("WHAT", .fill(wide ? 3 : 2), .left),
                                                       ("CLOSED", .fixed(wide ? 15 : 9), .left), ("AS", .fixed(9), .left)]
        cols.append(("OUTCOME", .fill(wide ? 5 : 4), .left))
        let row = { (i: Int, _: [Int]) -> [Line] in
            let r = rows[i]
            let muted = theme.style(.muted)
            let kind = theme.style(r.ref.kind == .coaching ? .coaching : .mentoring)
            let date = r.closedOn.map { wide ? Format.longDate($0) : Format.shortDate($0, today: s.today) } ?? "—"
            return [[Span(r.who, style: kind)], [Span(r.what.isEmpty ? "—" : r.what, style: muted)],
                    [Span(date, style: theme.style(.text))], [Span(r.status, style: muted)],
                    [Span(r.outcome.isEmpty ? "— no outcome recorded" : Format.firstLine(r.outcome), style: r.outcome.isEmpty ? muted : theme.style(.text))]]
        }
        let empty = s.closedRecords == .reading ? "Reading the closed records…"
            : s.archive.filter.isEmpty
            ? "Nothing closed yet. a on the dashboard (1) closes an engagement or a relationship."
            : "Nothing closed matches /\(s.archive.filter). Esc clears the filter."
        PaneTable.render(columns: cols, count: rows.count, row: row, scroll: s.archive.scroll, focused: true,
                         empty: empty, theme, into: &buf, area: inner)
        strip(s, layout, theme, into: &buf)
    }

    /// The selected record's outcome, wrapped, with when and how it closed.
    static func strip(_ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.archiveStrip
        guard !area.isEmpty else { return }
        let selected = s.archive.selectedID.flatMap { id in s.archiveRows.first { $0.id == id } }
        let title = selected.map { r in
            "\(r.who) · \(r.status)\(r.closedOn.map { " on " + Format.longDate($0) } ?? "")"
        } ?? "Outcome"
        let b = Block(title: title, titleStyle: theme.style(.title), borderStyle: theme.style(.border))
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        var lines: [Line]
        if let r = selected {
            lines = r.outcome.isEmpty ? [[Span("No outcome was recorded (closed before outcomes were kept).", style: theme.style(.muted))]]
                : Paragraph(lines: [[Span(r.outcome, style: theme.style(.text))]], wrap: true).rows(width: inner.width)
            if lines.count > inner.height {
                lines = Array(lines.prefix(inner.height))
                lines[inner.height - 1] = Text.truncate(lines[inner.height - 1], to: max(0, inner.width - 2))
                    + [Span(" …", style: theme.style(.muted))]
            }
            if lines.count < inner.height {
                lines.append([Span("Enter opens it · R reopens it (the history keeps this closing)", style: theme.style(.muted))])
            }
        } else {
            lines = [[Span("Nothing selected", style: theme.style(.muted))]]
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buf.put(line: Text.truncate(line, to: inner.width), x: inner.x, y: inner.y + i, maxX: inner.right)
        }
    }
}
