/// A run of text in one style: the unit views compose lines from.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    /// A span of `text` drawn in `style`.
    public init(_ text: String, style: Style = .plain) {
        self.text = text; self.style = style
    }

    /// The same, with the text labelled: `Span(text: "Ann", style: bold)`.
    public init(text: String, style: Style = .plain) {
        self.init(text, style: style)
    }
}

/// One row of styled text.
public typealias Line = [Span]
