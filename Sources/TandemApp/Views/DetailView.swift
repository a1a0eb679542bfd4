import TandemCore
import TandemStore
import TerminalUI

/// A record's whole story (the `DetailDocument`), scrolled; `x` marks the selected objective,
/// goal or action item done.
enum DetailView {
    static func render(_ s: AppState, _ d: DetailState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let area = layout.body
        guard let doc = DetailDocument.of(d.ref, s, width: layout.detailWidth) else {
            buf.put("This record is no longer loaded. Esc goes back.", x: area.x + 1, y: area.y + 1, style: theme.style(.muted), maxX: area.right)
            return
        }
        let b = Block(title: doc.title, titleStyle: theme.style(d.ref.kind == .coaching ? .coaching : .mentoring),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = layout.detailText
        guard !inner.isEmpty else { return }
        let offset = doc.offset(d, height: inner.height)
        for (i, index) in (offset..<doc.lines.count).prefix(inner.height).enumerated() {
            let selected = doc.itemLines[safe: d.selected] == index
            var line = Text.truncate(doc.lines[index].styled(theme), to: inner.width)
            if selected {
                buf.fill(Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), style: theme.style(.selection))
                line = line.map { Span($0.text, style: Table.selectionStyle(theme.style(.selection), over: $0.style, colors: .keepWhereUnset)) }
            }
            buf.put(line: line, x: inner.x, y: inner.y + i, maxX: inner.right)
        }
        if doc.lines.count > inner.height {
            let more = " \(offset + 1)–\(min(doc.lines.count, offset + inner.height))/\(doc.lines.count) "
            buf.put(more, x: area.right - Text.width(more) - 2, y: area.bottom - 1, style: theme.style(.muted), maxX: area.right - 1)
        }
    }
}
