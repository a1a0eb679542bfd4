import TandemCore
import TandemStore
import TerminalUI

/// The strip under the panes: the selected record's measures (metrics with sparklines, or
/// goals) on the left, and what needs doing (a stalled engagement, what is past its date, the
/// latest session, open action items) on the right — as much of `StripContent` as fits.
enum DetailStrip {
    static func render(_ s: AppState, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        guard let content = StripContent.of(s, width: area.width) else {
            let b = Block(title: "Selected", titleStyle: theme.style(.title), borderStyle: theme.style(.border))
            b.render(into: &buf, area: area)
            let inner = b.inner(area)
            if !inner.isEmpty { buf.put("Nothing selected", x: inner.x, y: inner.y, style: theme.style(.muted), maxX: inner.right) }
            return
        }
        let block = Block(title: content.title, titleStyle: theme.style(content.titleRole), borderStyle: theme.style(.border))
        block.render(into: &buf, area: area)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let halves = inner.split(.horizontal, [.fill(1), .fill(1)], spacing: 2)
        Paragraph(lines: fitted(content.left, height: halves[0].height).map { $0.styled(theme) }).render(into: &buf, area: halves[0])
        Paragraph(lines: fitted(content.right, height: halves[1].height).map { $0.styled(theme) }).render(into: &buf, area: halves[1])
    }

    /// The lines that fit in `height` rows; when some do not, the last row says how many more
    /// the detail (Enter) has.
    static func fitted(_ lines: [DocLine], height: Int) -> [DocLine] {
        guard lines.count > height, height > 0 else { return lines }
        return Array(lines.prefix(height - 1)) + [[DocSpan("  +\(lines.count - height + 1) more lines (Enter)", .muted)]]
    }
}
