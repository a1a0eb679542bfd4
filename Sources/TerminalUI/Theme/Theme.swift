/// Styles for every `Role`: the only place colors are chosen.
///
/// A role whose background is the terminal default takes the `background` role's
/// background, so a theme that colors the screen colors every role drawn on it.
public struct Theme: Equatable, Sendable {
    /// The theme's name (its file name without `.theme`, or "default").
    public var name: String
    /// The style of each role as written; `style(_:)` resolves backgrounds.
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name; self.styles = styles
    }

    /// The style to draw `role` with.
    public func style(_ role: Role) -> Style {
        var s = styles[role] ?? .plain
        if s.bg == .default, role != .background { s.bg = styles[.background]?.bg ?? .default }
        return s
    }

    /// The same theme with every color reduced to what a terminal of `n` colors shows
    /// (below 8 colors only attributes remain: prefer `.monochrome` there).
    ///
    /// With 8 or 16 colors a text color on a colored background is chosen again for contrast
    /// (black on yellow, green, cyan or white; white on the others): two reduced colors can
    /// otherwise land on black on blue.
    public func reduced(toColors n: Int) -> Theme {
        Theme(name: name, styles: styles.mapValues {
            var style = Style(fg: $0.fg.reduced(toColors: n), bg: $0.bg.reduced(toColors: n), attrs: $0.attrs)
            if n < 256, style.fg != .default, case .indexed(let bg) = style.bg, bg < 8 {
                style.fg = .indexed([2, 3, 6, 7].contains(bg) ? 0 : 7)
            }
            return style
        })
    }
}
