/// A bordered box centred over the screen: it blanks what is under it and shows lines.
public struct Modal: Sendable {
    public var title: String
    public var lines: [Line]
    /// Outer size including the border; `height` `nil` fits the lines.
    public var width: Int
    public var height: Int?
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style

    public init(title: String, lines: [Line], width: Int, height: Int? = nil, style: Style = .plain,
                borderStyle: Style = .plain, titleStyle: Style = Style(attrs: .bold)) {
        self.title = title; self.lines = lines; self.width = width; self.height = height
        self.style = style; self.borderStyle = borderStyle; self.titleStyle = titleStyle
    }

    /// Where the box goes in `screen`: centred, shrunk to fit.
    public func area(in screen: Rect) -> Rect {
        screen.centered(width: max(0, width), height: max(0, height ?? lines.count + 2))
    }

    /// Draws the box in `area(in: area)`: blanked with `style`, a focused border with the
    /// title, then the lines cut with "…" (those past the bottom are not shown).
    public func render(into buffer: inout ScreenBuffer, area screen: Rect) {
        let box = area(in: screen)
        guard !box.isEmpty else { return }
        buffer.fill(box, style: style)
        let block = Block(title: title, titleStyle: titleStyle, borderStyle: borderStyle, focused: true)
        block.render(into: &buffer, area: box)
        Paragraph(lines: lines, style: style).render(into: &buffer, area: block.inner(box))
    }
}
