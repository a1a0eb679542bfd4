/// A box-drawn border with an optional title in its top edge; content goes in `inner(_:)`.
public struct Block: Sendable {
    /// The corner shapes of the border.
    public enum Corners: Sendable { case rounded, square }

    public var title: String?
    public var titleStyle: Style
    public var borderStyle: Style
    /// A focused block draws its border and title in bold, so focus shows even without color.
    public var focused: Bool
    public var corners: Corners

    public init(title: String? = nil, titleStyle: Style = .plain, borderStyle: Style = .plain,
                focused: Bool = false, corners: Corners = .rounded) {
        self.title = title; self.titleStyle = titleStyle; self.borderStyle = borderStyle
        self.focused = focused; self.corners = corners
    }

    /// The rect inside the border (empty when the area is too small for one).
    public func inner(_ area: Rect) -> Rect {
        area.inset(1)
    }

    /// Draws the border (nothing when the area is under 2×2) and the title, which is cut
    /// with "…" to leave the corners and one line each side.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let border = focused ? borderStyle.bold() : borderStyle
        let (tl, tr, bl, br) = corners == .rounded ? ("╭", "╮", "╰", "╯") : ("┌", "┐", "└", "┘")
        // Each edge is one fill of its line character: what writing it cell by cell would leave.
        let sides = area.height - 2
        buffer.put(tl, x: area.x, y: area.y, style: border, maxX: area.right)
        buffer.fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), style: border, grapheme: "─")
        buffer.put(tr, x: area.right - 1, y: area.y, style: border, maxX: area.right)
        buffer.put(bl, x: area.x, y: area.bottom - 1, style: border, maxX: area.right)
        buffer.fill(Rect(x: area.x + 1, y: area.bottom - 1, width: area.width - 2, height: 1), style: border, grapheme: "─")
        buffer.put(br, x: area.right - 1, y: area.bottom - 1, style: border, maxX: area.right)
        if sides > 0 {
            buffer.fill(Rect(x: area.x, y: area.y + 1, width: 1, height: sides), style: border, grapheme: "│")
            buffer.fill(Rect(x: area.right - 1, y: area.y + 1, width: 1, height: sides), style: border, grapheme: "│")
        }
        if let title, !title.isEmpty, area.width >= 7 {
            let text = Text.truncate(title, to: area.width - 6)
            buffer.put(" " + text + " ", x: area.x + 2, y: area.y,
                       style: focused ? titleStyle.bold() : titleStyle, maxX: area.right - 2)
        }
    }
}
