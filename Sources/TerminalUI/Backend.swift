/// The few things a terminal must do for the kit: everything else is drawn into a
/// `ScreenBuffer` first, and the runtime hands the backend only the changed cells.
public protocol Backend: AnyObject {
    /// Columns and rows of the terminal now.
    func size() -> (width: Int, height: Int)
    /// Writes cells at their positions (already diffed against the previous frame).
    func draw(_ changes: [(x: Int, y: Int, cell: Cell)])
    /// Wipes the screen before the next draw (after a resize or a suspend).
    func clear()
    /// Moves or hides the hardware cursor.
    func setCursor(_ position: Position?)
    /// Sends everything drawn so far to the terminal.
    func flush()
    /// Waits for the next event, at most `timeoutMs` milliseconds (`nil` = forever).
    func nextEvent(timeoutMs: Int?) -> Event?
    /// Ctrl-Z: restores the terminal, stops the process, and takes the screen back on `fg`.
    func suspend()
    /// Lends the terminal to another program (an external editor): leaves the full-screen
    /// mode (the terminal's own modes, the main screen, the cursor shown, bracketed paste off),
    /// runs `body`, then takes the screen back. The caller repaints everything afterwards
    /// (`Terminal.releasing(_:)` does both).
    func releaseTerminal<T>(_ body: () throws -> T) rethrows -> T
    /// Asks the terminal to report clicks and the wheel (`true`), or leaves the mouse to the
    /// terminal's own text selection (`false`, the default: nothing is asked for).
    func setMouse(_ on: Bool)
}

extension Backend {
    /// A backend without a mouse ignores the request.
    public func setMouse(_ on: Bool) {}
}
