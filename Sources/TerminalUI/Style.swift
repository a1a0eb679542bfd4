/// A terminal color: the terminal's own default, one of the 256 palette entries, or RGB
/// (reduced to 256 or 8 colors by the backend when the terminal has fewer).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let italic = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
    public static let reverse = Attributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attrs: Attributes

    public init(fg: Color = .default, bg: Color = .default, attrs: Attributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs
    }

    public static let plain = Style()

    public func bold() -> Style { var s = self; s.attrs.insert(.bold); return s }
    public func reversed() -> Style { var s = self; s.attrs.insert(.reverse); return s }
}
