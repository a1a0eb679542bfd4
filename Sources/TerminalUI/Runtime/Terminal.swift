/// Owns a backend and the last frame it showed, and sends it only what changed.
public final class Terminal {
    /// The terminal drawn on.
    public let backend: Backend
    /// The frame on screen now (`nil` before the first draw or after `invalidate()`).
    public private(set) var lastFrame: ScreenBuffer?

    public init(backend: Backend) {
        self.backend = backend
    }

    /// The backend's size now.
    public func size() -> (width: Int, height: Int) { backend.size() }

    /// Shows `frame`: only the cells that differ from the last frame, or — after a size
    /// change or `invalidate()` — a cleared screen and every non-blank cell. Then places the
    /// cursor and flushes.
    public func draw(_ frame: ScreenBuffer) {
        let changes: [(x: Int, y: Int, cell: Cell)]
        if let last = lastFrame, last.width == frame.width, last.height == frame.height {
            changes = frame.diff(from: last)
        } else {
            backend.clear()
            changes = frame.diff(from: ScreenBuffer(width: frame.width, height: frame.height))
        }
        if !changes.isEmpty { backend.draw(changes) }
        backend.setCursor(frame.cursor)
        backend.flush()
        lastFrame = frame
    }

    /// Forgets the last frame, so the next draw repaints everything (after a resize, a
    /// suspend, or anything else that may have disturbed the screen).
    public func invalidate() {
        lastFrame = nil
    }

    /// Lends the terminal to another program for the time of `body` (see
    /// `Backend.releaseTerminal(_:)`), then forgets the last frame so the next draw repaints
    /// the whole screen.
    public func releasing<T>(_ body: () throws -> T) rethrows -> T {
        defer { invalidate() }
        return try backend.releaseTerminal(body)
    }
}
