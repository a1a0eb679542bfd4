/// Rows of cells under a header row, one column per `TableColumn`, with a selected row.
///
/// Cells are styled lines (a gauge, "mentor → mentee"), cut with "…" and aligned in their
/// column, so wide characters never shift the columns. Rows are asked for only when on screen
/// (`cells(row, columnWidths)`), so a table of thousands of rows costs what the screen shows.
/// The selected row is kept in view: `offset` is where scrolling starts, moved as little as
/// needed to show the selection.
public struct Table {
    /// How the selected row treats the colors of its cells.
    ///
    /// Where a cell keeps its own color, it does so only while that color stays readable on
    /// the selection's background (a contrast ratio of at least `minimumContrast`); a color
    /// that would vanish (white or silver on a silver bar, green on yellow) gives way to the
    /// selection's foreground. Against the terminal's default background nothing can be
    /// measured, and the cell's color is kept.
    public enum SelectionColors: Sendable {
        /// The selection's style replaces the cells' (the default).
        case replace
        /// A cell keeps its own color where the selection style sets none (a monochrome
        /// reverse bar over a red "late"), and where it sets one, a semantic color — one that
        /// differs from `plain`, the table's ordinary text color — that contrasts enough.
        case keepWhereUnset
        /// A cell keeps its own color where it contrasts enough (an inactive selection that
        /// still shows what is late).
        case keep
    }

    /// The least contrast ratio (WCAG) at which a cell keeps its color under a selection:
    /// 3, the ratio for bold text and interface marks (the color themes' selections are bold).
    public static let minimumContrast = 3.0

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
    /// The foreground of ordinary text cells, which a focused selection's own foreground
    /// replaces even where it would be readable (only semantic colors are kept).
    public var plain: Color

    /// A table of rows built on demand.
    public init(columns: [TableColumn], count: Int, cells: @escaping (_ row: Int, _ widths: [Int]) -> [Line],
                selected: Int? = nil, offset: Int = 0, headerStyle: Style = Style(attrs: .bold),
                selectedStyle: Style = Style(attrs: .reverse), selectionColors: SelectionColors = .replace,
                empty: Line = [], style: Style = .plain, spacing: Int = 1, plain: Color = .default) {
        self.columns = columns; self.count = count; self.cells = cells; self.selected = selected; self.offset = offset
        self.headerStyle = headerStyle; self.selectedStyle = selectedStyle; self.selectionColors = selectionColors
        self.empty = empty; self.style = style; self.spacing = spacing; self.plain = plain
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
        // A row's style spans its columns; an underline stays under the columns, not the gaps.
        // A column without a title (a narrow mark column) has no underline in the header either.
        fillRow(y: area.y, rects: rects, style: headerStyle.over(style), into: &buffer, underlined: columns.map { !$0.title.isEmpty })
        for (c, rect) in rects.enumerated() where rect.width > 0 && !columns[c].title.isEmpty {
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
            if isSelected { fillRow(y: y, rects: rects, style: selectedStyle, into: &buffer) }
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

    /// Fills one row across the columns: the gaps between them get the style without its
    /// underline, so a header or a selection underlines each column, not the separators.
    private func fillRow(y: Int, rects: [Rect], style: Style, into buffer: inout ScreenBuffer, underlined: [Bool]? = nil) {
        guard let first = rects.first, let last = rects.last else { return }
        var gaps = style
        gaps.attrs.remove(.underline)
        buffer.fill(Rect(x: first.x, y: y, width: last.right - first.x, height: 1), style: gaps)
        if style.attrs.contains(.underline) {
            for (i, rect) in rects.enumerated() where rect.width > 0 && underlined?[i] != false {
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            }
        }
    }

    /// A cell's style on the selected row.
    func selectionStyle(over cell: Style) -> Style {
        Table.selectionStyle(selectedStyle, over: cell, colors: selectionColors, plain: plain)
    }

    /// A cell's style under a selection bar, by the rule of `colors` (see `SelectionColors`);
    /// for any view that draws a selected row of its own. `plain` is the ordinary text color,
    /// which a focused selection (`.keepWhereUnset`) does not keep.
    public static func selectionStyle(_ selected: Style, over cell: Style, colors: SelectionColors,
                                      plain: Color = .default) -> Style {
        var s = selected
        switch colors {
        case .replace: return s
        case .keepWhereUnset:
            if s.fg == .default { s.fg = cell.fg }
            else if cell.fg != plain, readable(cell.fg, on: s.bg) { s.fg = cell.fg }
        case .keep:
            if cell.fg != .default, readable(cell.fg, on: s.bg) { s.fg = cell.fg }
        }
        s.attrs.formUnion(cell.attrs.subtracting(.dim))
        return s
    }

    /// True when `fg` is a color of its own that shows on `bg` (or `bg` is unknown).
    static func readable(_ fg: Color, on bg: Color) -> Bool {
        guard fg != .default else { return false }
        return (fg.contrast(with: bg) ?? minimumContrast) >= minimumContrast
    }
}
