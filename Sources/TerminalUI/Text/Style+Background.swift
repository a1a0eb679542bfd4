extension Style {
    /// This style drawn over `base`: a default background becomes `base`'s background, so
    /// plain spans inside a colored box keep the box's color.
    public func over(_ base: Style) -> Style {
        var s = self
        if s.bg == .default { s.bg = base.bg }
        return s
    }
}

extension Array where Element == Span {
    /// The line with every span drawn `over` a base style.
    func over(_ base: Style) -> Line {
        map { Span($0.text, style: $0.style.over(base)) }
    }
}
