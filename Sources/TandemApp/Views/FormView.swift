import TandemCore
import TerminalUI

/// A form over the dashboard: labelled fields, the focused one's hint or error under it.
enum FormView {
    static func render(_ form: Form, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = layout.formBoxWidth
        let fieldWidth = layout.formFieldWidth
        let labelWidth = layout.formLabelColumns
        // Rows each field takes: its editor, then a hint or error line when focused or wrong.
        var blocks: [(field: Int, height: Int, note: Line?)] = []
        for (i, f) in form.fields.enumerated() {
            let rows: Int
            switch f.editor { case .area(_, let r): rows = r; default: rows = 1 }
            var note: Line?
            if let e = form.errors[f.id] { note = [Span("✗ " + e, style: theme.style(.error))] }
            else if i == form.focus, !f.hint.isEmpty { note = [Span(f.hint, style: theme.style(.muted))] }
            blocks.append((i, rows, note))
        }
        let contentHeight = blocks.reduce(0) { $0 + $1.height + ($1.note == nil ? 0 : 1) } + 1
        let height = min(s.height, contentHeight + 2)
        let box = buf.area.centered(width: width, height: height)
        buf.fill(box, style: theme.style(.overlay))
        Block(title: form.title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
            .render(into: &buf, area: box)
        let inner = box.inset(dx: 2, dy: 1)
        guard !inner.isEmpty else { return }
        let usable = inner.height - 1
        // Scroll so the focused field (and its note) is visible.
        var tops: [Int] = []
        var y = 0
        for b in blocks { tops.append(y); y += b.height + (b.note == nil ? 0 : 1) }
        let focusTop = tops[safe: form.focus] ?? 0
        let focusBottom = focusTop + (blocks[safe: form.focus].map { $0.height + ($0.note == nil ? 0 : 1) } ?? 1)
        let offset = max(0, min(focusTop, focusBottom - usable))
        for (i, b) in blocks.enumerated() {
            let top = tops[i] - offset
            guard top >= 0, top + b.height <= usable else { continue }
            let field = form.fields[b.field]
            let focused = b.field == form.focus
            let labelStyle = focused ? theme.style(.focus).bold() : theme.style(form.errors[field.id] == nil ? .text : .error)
            buf.put(Text.truncate(field.label, to: labelWidth - 2), x: inner.x, y: inner.y + top, style: labelStyle, maxX: inner.x + labelWidth)
            let editorArea = Rect(x: inner.x + labelWidth, y: inner.y + top, width: min(fieldWidth, inner.right - inner.x - labelWidth), height: b.height)
            // Only the field being edited gets a block of its own; the others read as plain text.
            let input = theme.style(.input)
            let style = focused ? theme.style(.inputFocus) : Style(fg: input.fg, bg: theme.style(.overlay).bg, attrs: input.attrs)
            buf.fill(editorArea, style: focused ? style : theme.style(.overlay))
            switch field.editor {
            case .line(let f): f.render(into: &buf, area: editorArea, style: style, focused: focused)
            case .area(let a, _): a.render(into: &buf, area: editorArea, style: style, focused: focused)
            case .choice(let c, let sel):
                var x = editorArea.x
                for (j, label) in c.enumerated() {
                    let st = j == sel ? style.reversed().bold() : theme.style(.muted).over(style)
                    x = buf.put(" \(label) ", x: x, y: editorArea.y, style: st, maxX: editorArea.right) + 1
                }
            }
            if let note = b.note, top + b.height < usable {
                buf.put(line: Text.truncate(note, to: editorArea.width), x: editorArea.x, y: inner.y + top + b.height, maxX: editorArea.right)
            }
        }
        // The form's own keys, from the table.
        var help: Line = []
        for (key, label) in s.keymap.hints(for: .form, readOnly: s.isReadOnly, hiding: s.hiddenHints) {
            help += [Span(key, style: theme.style(.key)), Span(" \(label)  ", style: theme.style(.muted))]
        }
        buf.put(line: Text.truncate(help, to: inner.width), x: inner.x, y: inner.bottom - 1, maxX: inner.right)
    }
}
