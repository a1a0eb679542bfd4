import TandemCore
import TerminalUI

/// A form over the dashboard: labelled fields, the focused one's hint or error under it.
enum FormView {
    static func render(_ form: Form, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let fieldWidth = layout.formFieldWidth
        let labelWidth = layout.formLabelColumns
        // Where the box and each field go: the layout's, which the mouse uses too.
        let geometry = layout.form(form)
        var notes: [Int: Line] = [:]
        for (i, f) in form.fields.enumerated() {
            if let e = form.errors[f.id] { notes[i] = [Span("✗ " + e, style: theme.style(.error))] }
            else if i == form.focus, !f.hint.isEmpty { notes[i] = [Span(f.hint, style: theme.style(.muted))] }
        }
        let box = geometry.box
        buf.fill(box, style: theme.style(.overlay))
        Block(title: form.title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
            .render(into: &buf, area: box)
        let inner = geometry.inner
        guard !inner.isEmpty else { return }
        let usable = geometry.usable
        for b in geometry.blocks {
            guard b.shown else { continue }
            let top = b.y - inner.y
            let note = notes[b.field]
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
            case .items(let list):
                renderItems(list, focused: focused, area: editorArea, style: style, s, theme, into: &buf)
            }
            if let note, top + b.height < usable {
                buf.put(line: Text.truncate(note, to: editorArea.width), x: editorArea.x, y: inner.y + top + b.height, maxX: editorArea.right)
            }
        }
        // The form's own keys, from the table.
        drawFooter(s, theme, inner, into: &buf)
    }

    /// An item list: one row per item, the selected one (in a focused list) marked › and edited
    /// in place; done items show ✓ and the day, a metric its readings; ↑N ↓N say what is scrolled off.
    static func renderItems(_ list: ItemList, focused: Bool, area: Rect, style: Style, _ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer) {
        let plain = theme.style(.overlay)
        if list.rows.isEmpty {
            buf.put(focused ? "› none yet: type to add one" : "none yet", x: area.x, y: area.y,
                    style: theme.style(.muted).over(focused ? style : plain), maxX: area.right)
            return
        }
        let marks = list.rows.map { r -> String in
            guard list.canBeDone else { return "" }
            return r.done.map { "✓ \(Format.shortDate($0, today: s.today)) " } ?? "○ "
        }
        let markWidth = marks.map(Text.width).max() ?? 0
        for row in 0..<area.height {
            let i = list.scroll + row
            guard list.rows.indices.contains(i) else { break }
            let r = list.rows[i]
            let y = area.y + row
            let isCurrent = focused && i == list.selected
            let rowStyle = isCurrent ? style : plain
            buf.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            var x = buf.put(isCurrent ? "› " : "  ", x: area.x, y: y, style: theme.style(.focus).bold().over(rowStyle), maxX: area.right)
            if markWidth > 0 {
                let mark = Text.pad(marks[i], to: markWidth)
                x = buf.put(mark, x: x, y: y, style: theme.style(r.done == nil ? .muted : .ok).over(rowStyle), maxX: area.right)
            }
            var extra = ""
            if list.noun == "metric", let h = r.history { extra = " · " + h.replacingOccurrences(of: "has ", with: "") }
            if r.id == nil { extra = " · new" }
            if i == list.scroll, list.scroll > 0 { extra += " ↑\(list.scroll)" }
            if row == area.height - 1, i < list.rows.count - 1 { extra += " ↓\(list.rows.count - 1 - i)" }
            let extraWidth = min(Text.width(extra), max(0, area.right - x - 8))
            let textArea = Rect(x: x, y: y, width: max(0, area.right - x - extraWidth), height: 1)
            if isCurrent {
                list.editor.render(into: &buf, area: textArea, style: style, focused: true)
            } else {
                buf.put(Text.truncate(r.text, to: textArea.width), x: x, y: y, style: Style(fg: style.fg, bg: rowStyle.bg, attrs: style.attrs), maxX: textArea.right)
            }
            if extraWidth > 0 {
                buf.put(Text.truncate(extra, to: extraWidth), x: textArea.right, y: y, style: theme.style(.muted).over(rowStyle), maxX: area.right)
            }
        }
    }

    static func drawFooter(_ s: AppState, _ theme: Theme, _ inner: Rect, into buf: inout ScreenBuffer) {
        var help: Line = []
        for (key, label) in s.keymap.hints(for: .form, readOnly: s.isReadOnly, hiding: s.hiddenHints) {
            help += [Span(key, style: theme.style(.key)), Span(" \(label)  ", style: theme.style(.muted))]
        }
        buf.put(line: Text.truncate(help, to: inner.width), x: inner.x, y: inner.bottom - 1, maxX: inner.right)
    }
}
