/// Rows of cells under a header row, one column per `TableColumn`, with a selected row.
///
/// Cells are styled lines (a gauge, "mentor → mentee"), cut with "…" and aligned in their
/// column, so wide characters never shift the columns. Rows are asked for only when on screen
/// (`cells(row, columnWidths)`), so a table of thousands of rows costs what the screen shows.
/// The selected row is kept in view: `offset` is where scrolling starts, moved as little as
/// needed to show the selection.
public struct Table {
    /// How the selected row treats the colors of its cells.
    public enum SelectionColors: Sendable {
        /// The selection's style replaces the cells' (the default).
        case replace
        /// A cell keeps its own color where the selection style sets none (a monochrome
        /// reverse bar over a red "late").
        case keepWhereUnset
        /// A cell keeps its own color (an inactive selection that still shows what is late).
        case keep
    }

    public var columns: [TableColumn]
    public var count: Int
    /// The cells of a row for columns this wide (one line per column; missing ones are blank).
    public var cells: (_ row: Int, _ widths: [Int]) -> [Line]
    /// The highlighted row, an index into the rows.
    public var selected: Int?
    /// The first row shown when the selection allows it (see `ScrollState`).
    public var offset: Int
    public var headerStyle: Style
    public var selectedStyle: Style
    public var selectionColors: SelectionColors
    /// What an empty table says under its header.
    public var empty: Line
    /// The style of the whole table area before cells are drawn.
    public var style: Style
    /// Blank columns between columns.
    public var spacing: Int

    /// A table of rows built on demand.
    public init(columns: [TableColumn], count: Int, cells: @escaping (_ row: Int, _ widths: [Int]) -> [Line],
                selected: Int? = nil, offset: Int = 0, headerStyle: Style = Style(attrs: .bold),
                selectedStyle: Style = Style(attrs: .reverse), selectionColors: SelectionColors = .replace,
                empty: Line = [], style: Style = .plain, spacing: Int = 1) {
        self.columns = columns; self.count = count; self.cells = cells; self.selected = selected; self.offset = offset
        self.headerStyle = headerStyle; self.selectedStyle = selectedStyle; self.selectionColors = selectionColors
        self.empty = empty; self.style = style; self.spacing = spacing
    }

    /// A table of fixed rows, one span per column.
    public init(columns: [TableColumn], rows: [[Span]], selected: Int? = nil, offset: Int = 0,
                headerStyle: Style = Style(attrs: .bold), selectedStyle: Style = Style(attrs: .reverse),
                style: Style = .plain, spacing: Int = 1) {
        self.init(columns: columns, count: rows.count, cells: { i, _ in rows[i].map { [$0] } }, selected: selected,
                  offset: offset, headerStyle: headerStyle, selectedStyle: selectedStyle, style: style, spacing: spacing)
    }

    /// How many rows fit under the header in an area this high.
    public static func visibleRows(height: Int) -> Int { max(0, height - 1) }

    /// The rows shown in an area this high: from `offset`, moved to keep the selection in view.
    public func shownRows(height: Int) -> Range<Int> {
        let visible = Table.visibleRows(height: height)
        var first = offset
        if let sel = selected {
            if sel < first { first = sel }
            if sel >= first + visible { first = sel - visible + 1 }
        }
        first = max(0, min(first, max(0, count - visible)))
        return first..<min(count, first + visible)
    }

    /// Draws the header on the area's first row and the shown rows below it.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        buffer.fill(area, style: style)
        let rects = area.split(.horizontal, columns.map(\.width), spacing: spacing)
        if let first = rects.first, let last = rects.last {
            buffer.fill(Rect(x: first.x, y: area.y, width: last.right - first.x, height: 1), style: headerStyle.over(style))
        }
        for (c, rect) in rects.enumerated() where rect.width > 0 {
            let title = Text.pad(Text.truncate(columns[c].title, to: rect.width), to: rect.width, align: columns[c].align)
            buffer.put(title, x: rect.x, y: area.y, style: headerStyle.over(style), maxX: rect.right)
        }
        if count == 0 {
            if area.height > 1 { buffer.put(line: Text.truncate(empty, to: area.width), x: area.x, y: area.y + 1, maxX: area.right) }
            return
        }
        let widths = rects.map(\.width)
        for (i, index) in shownRows(height: area.height).enumerated() {
            let y = area.y + 1 + i
            let isSelected = index == selected
            if isSelected, let first = rects.first, let last = rects.last {
                buffer.fill(Rect(x: first.x, y: y, width: last.right - first.x, height: 1), style: selectedStyle)
            }
            let row = cells(index, widths)
            for (c, rect) in rects.enumerated() where rect.width > 0 && c < row.count {
                var line = Text.truncate(row[c], to: rect.width)
                line = line.map { Span($0.text, style: isSelected ? selectionStyle(over: $0.style) : $0.style.over(style)) }
                let w = Text.width(line)
                let x = columns[c].align == .right ? rect.right - w : columns[c].align == .center ? rect.x + (rect.width - w) / 2 : rect.x
                buffer.put(line: line, x: x, y: y, maxX: rect.right)
            }
        }
    }

    /// A cell's style on the selected row.
    func selectionStyle(over cell: Style) -> Style {
        Table.selectionStyle(selectedStyle, over: cell, colors: selectionColors)
    }

    /// A cell's style under a selection bar, by the rule of `colors`; for any view that draws a
    /// selected row of its own.
    public static func selectionStyle(_ selected: Style, over cell: Style, colors: SelectionColors) -> Style {
        var s = selected
        switch colors {
        case .replace: return s
        case .keepWhereUnset: if s.fg == .default { s.fg = cell.fg }
        case .keep: if cell.fg != .default { s.fg = cell.fg }
        }
        s.attrs.formUnion(cell.attrs.subtracting(.dim))
        return s
    }
}
