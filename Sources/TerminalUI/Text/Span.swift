/// A run of text in one style: the unit views compose lines from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text; self.style = style
    }

    public init(text: String, style: Style = .plain) {
        self.init(text, style: style)
    }
}

/// One row of styled text.
public typealias Line = [Span]
