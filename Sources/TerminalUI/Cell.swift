/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the
/// grapheme, the second is a `continuation` that backends skip.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var style: Style
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool

    public init(_ grapheme: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme; self.style = style; self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
