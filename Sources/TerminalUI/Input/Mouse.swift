/// What the mouse did, in screen cells (0-based column `x`, row `y`), independent of any
/// terminal library. Only reported when the program asked for the mouse
/// (`Backend.setMouse(true)`); otherwise the terminal keeps its own text selection.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The left button pressed and released in place.
        case click
        /// Two clicks in quick succession (the terminal library's interval).
        case doubleClick
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind; self.x = x; self.y = y
    }
}
