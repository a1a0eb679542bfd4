/// Rows of cells under a header row, one column per `TableColumn`, with a selected row.
///
/// Each row holds one span per column (missing cells are blank); cells are cut with "…"
/// and aligned in their column, so wide characters never shift the columns.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[Span]]
    /// The highlighted row, an index into `rows`.
    public var selected: Int?
    /// The first row shown (see `ScrollState`).
    public var offset: Int
    public var headerStyle: Style
    public var selectedStyle: Style
    /// The style of the whole table area before cells are drawn.
    public var style: Style
    /// Blank columns between columns.
    public var spacing: Int

    public init(columns: [TableColumn], rows: [[Span]], selected: Int? = nil, offset: Int = 0,
                headerStyle: Style = Style(attrs: .bold), selectedStyle: Style = Style(attrs: .reverse),
                style: Style = .plain, spacing: Int = 1) {
        self.columns = columns; self.rows = rows; self.selected = selected; self.offset = offset
        self.headerStyle = headerStyle; self.selectedStyle = selectedStyle
        self.style = style; self.spacing = spacing
    }

    /// How many rows fit under the header in an area this high.
    public static func visibleRows(height: Int) -> Int { max(0, height - 1) }

    /// Draws the header on the area's first row and rows from `offset` below it; the selected
    /// row is drawn in `selectedStyle` across the full width.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        buffer.fill(area, style: style)
        let cells = area.split(.horizontal, columns.map(\.width), spacing: spacing)
        drawRow(columns.map { Span($0.title) }, y: area.y, cells: cells, into: &buffer, rowStyle: headerStyle)
        let first = min(max(0, offset), rows.count)
        for (i, index) in (first..<rows.count).prefix(Table.visibleRows(height: area.height)).enumerated() {
            let y = area.y + 1 + i
            drawRow(rows[index], y: y, cells: cells, into: &buffer, rowStyle: index == selected ? selectedStyle : nil)
        }
    }

    /// Draws one row; a `rowStyle` replaces the cells' own styles.
    private func drawRow(_ row: [Span], y: Int, cells: [Rect], into buffer: inout ScreenBuffer, rowStyle: Style?) {
        if let rowStyle, let first = cells.first, let last = cells.last {
            buffer.fill(Rect(x: first.x, y: y, width: last.right - first.x, height: 1), style: rowStyle)
        }
        for (c, cell) in cells.enumerated() where cell.width > 0 {
            let span = c < row.count ? row[c] : Span("")
            let text = Text.pad(span.text, to: cell.width, align: columns[c].align)
            buffer.put(text, x: cell.x, y: y, style: rowStyle ?? span.style.over(style), maxX: cell.right)
        }
    }
}
