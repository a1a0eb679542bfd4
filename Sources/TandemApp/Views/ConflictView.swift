import TandemCore
import TerminalUI

/// The conflict dialog: each field changed here and on disk, side by side (field, before,
/// mine, theirs), the chosen side marked, the selected field's two versions in full below, and
/// the dialog's keys from the table.
enum ConflictView {
    static func render(_ c: ConflictState, _ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = max(0, min(buf.width - 2, 120))
        let inner = max(1, width - 2)
        let text = theme.style(.text).over(theme.style(.overlay))
        let muted = theme.style(.muted).over(theme.style(.overlay))
        let what = s.describe(c.mine)
        let intro = c.deletedOnDisk
            ? "\(c.file) was deleted elsewhere while you changed \(what). Keep yours (written back) or let it go?"
            : "\(c.file) was changed elsewhere while you changed \(what). Everything else is merged; "
                + "these fields changed both ways — choose, field by field, which to keep:"
        var lines = Paragraph(lines: [[Span(intro, style: text)]], wrap: true).rows(width: inner)
        lines.append([])

        let labelWidth = min(24, max(8, inner / 4))
        let valueWidth = max(4, (inner - labelWidth - 2 - 3) / 3)
        func cell(_ s: String, _ w: Int) -> String { Text.pad(Text.truncate(s, to: w), to: w) }
        lines.append([Span("  " + cell("field", labelWidth) + " " + cell("before", valueWidth) + " "
                           + cell("mine (on screen)", valueWidth) + " " + cell("theirs (the file)", valueWidth), style: muted.bold())])
        for (i, f) in c.fields.enumerated() {
            let selected = i == c.selected
            let side = c.choice(i)
            let (mine, theirs) = values(c, f)
            let chosen = theme.style(.selection).bold()
            let marker = selected ? "▸ " : "  "
            lines.append([
                Span(marker + cell(c.label(f), labelWidth) + " ", style: selected ? text.bold() : text),
                Span(cell(c.deletedOnDisk ? "(as loaded)" : ConflictState.display(f.base), valueWidth), style: muted),
                Span(" ", style: text),
                Span(cell((side == .ours ? "● " : "  ") + mine, valueWidth), style: side == .ours ? chosen : text),
                Span(" ", style: text),
                Span(cell((side == .theirs ? "● " : "  ") + theirs, valueWidth), style: side == .theirs ? chosen : text),
            ])
        }
        // The selected field in full: long notes are read here, not guessed from a cut cell.
        if let f = c.fields[safe: c.selected], !c.deletedOnDisk {
            let (mine, theirs) = values(c, f)
            lines.append([])
            for (name, value) in [("mine", mine), ("theirs", theirs)] {
                let rows = Paragraph(lines: [[Span("\(name): ", style: muted.bold()), Span(value, style: text)]], wrap: true).rows(width: inner)
                lines += rows.prefix(3)
                if rows.count > 3 { lines.append([Span("  …", style: muted)]) }
            }
        }
        lines.append([])
        var keys: Line = []
        for (key, label) in s.keymap.hints(for: .conflict, readOnly: s.isReadOnly) {
            keys += [Span(" \(key) ", style: theme.style(.key).reversed()), Span(" \(label)  ", style: text)]
        }
        lines.append(keys)
        let height = min(buf.height, lines.count + 2)
        Modal(title: "Changed here and elsewhere", lines: lines, width: width, height: height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }

    /// Mine and theirs as a leader reads them.
    static func values(_ c: ConflictState, _ f: FieldConflict) -> (mine: String, theirs: String) {
        if c.deletedOnDisk { return ("keep it: write it back", "deleted: let it go") }
        switch f.kind {
        case .removedByOurs: return ("(removed here)", ConflictState.display(f.theirs))
        case .removedByTheirs: return (ConflictState.display(f.ours), "(removed there)")
        case .changedOnBothSides: return (ConflictState.display(f.ours), ConflictState.display(f.theirs))
        }
    }
}
