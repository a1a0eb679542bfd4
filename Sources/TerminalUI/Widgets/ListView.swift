/// A single column of lines with a selected row, scrolled by a `ScrollState`.
public struct ListView: Sendable {
    public var items: [Line]
    public var selected: Int?
    public var offset: Int
    public var selectedStyle: Style
    public var style: Style

    public init(items: [Line], selected: Int? = nil, offset: Int = 0,
                selectedStyle: Style = Style(attrs: .reverse), style: Style = .plain) {
        self.items = items; self.selected = selected; self.offset = offset
        self.selectedStyle = selectedStyle; self.style = style
    }

    /// Draws one item per row from `offset`, cut with "…"; the selected row is drawn in
    /// `selectedStyle` across the full width.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let first = min(max(0, offset), items.count)
        for (i, index) in (first..<items.count).prefix(area.height).enumerated() {
            let row = Rect(x: area.x, y: area.y + i, width: area.width, height: 1)
            var line = Text.truncate(items[index], to: area.width)
            if index == selected {
                buffer.fill(row, style: selectedStyle)
                line = line.map { Span($0.text, style: selectedStyle) }
            }
            buffer.put(line: line.over(style), x: row.x, y: row.y, maxX: row.right)
        }
    }
}
