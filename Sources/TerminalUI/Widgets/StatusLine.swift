/// A one-row strip in one style: a message on the left, optional text on the right.
public struct StatusLine: Sendable {
    public var text: String
    /// Shown flush right when it fits after `text` and a space.
    public var right: String
    public var style: Style

    public init(text: String, right: String = "", style: Style = .plain) {
        self.text = text; self.right = right; self.style = style
    }

    /// Fills the area's first row with the style and draws the texts, cut with "…".
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard let row = area.row(0) else { return }
        buffer.fill(row, style: style)
        let rightWidth = Text.width(right)
        let room = rightWidth > 0 && Text.width(text) + 1 + rightWidth <= row.width ? row.width - rightWidth - 1 : row.width
        buffer.put(Text.truncate(text, to: room), x: row.x, y: row.y, style: style, maxX: row.right)
        if room < row.width {
            buffer.put(right, x: row.right - rightWidth, y: row.y, style: style, maxX: row.right)
        }
    }
}
