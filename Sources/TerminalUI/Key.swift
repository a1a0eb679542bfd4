/// A key the user pressed, independent of any terminal library.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, lowercased: `.ctrl("s")`.
    case ctrl(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Alt/Meta plus a key: `.alt(.char("b"))`, `.alt(.left)`.
    indirect case alt(Key)
    /// Ctrl plus an arrow (word jumps in text fields).
    case ctrlLeft, ctrlRight
    case function(Int)
}

/// What the backend reports to the runtime.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Text the user pasted (a bracketed paste), raw: line breaks, tabs and any control
    /// characters as the terminal sent them. It is text, never keys — give it to an editor's
    /// `paste(_:)`, which cleans it (`LineField` keeps one line, `TextArea` keeps the lines).
    case paste(String)
    /// SIGTERM, SIGHUP or SIGINT arrived: save what must be saved, then quit.
    case terminate(signal: Int32)
    /// A click or a wheel turn (only while the mouse is on: `Backend.setMouse(true)`).
    case mouse(MouseEvent)
}
