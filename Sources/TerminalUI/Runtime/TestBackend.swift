/// A backend for tests: a fixed-size screen held in memory, events queued by hand.
public final class TestBackend: Backend {
    /// What the terminal shows: every `draw` is applied to it, `clear()` blanks it.
    public var screen: ScreenBuffer
    /// Events `nextEvent` hands out, first first; `nil` once empty.
    public var queuedEvents: [Event] = []
    /// Where the cursor was last put (`nil` = hidden).
    public private(set) var cursor: Position?
    /// How many times `flush()`, `clear()`, `suspend()` and `releaseTerminal(_:)` were called.
    public private(set) var flushCount = 0
    public private(set) var clearCount = 0
    public private(set) var suspendCount = 0
    public private(set) var releaseCount = 0
    /// True while `releaseTerminal(_:)` runs its body (the terminal is lent out).
    public private(set) var isReleased = false
    /// The cells each `draw` call received, oldest first.
    public private(set) var drawCalls: [[(x: Int, y: Int, cell: Cell)]] = []
    /// Whether the program asked for mouse reports (`setMouse(_:)`); off until asked.
    public private(set) var mouseEnabled = false

    public init(width: Int, height: Int) {
        screen = ScreenBuffer(width: width, height: height)
    }

    /// Changes the size as a terminal window would: the screen is blanked and a
    /// `.resize` event is queued.
    public func resize(width: Int, height: Int) {
        screen = ScreenBuffer(width: width, height: height)
        queuedEvents.append(.resize(width: screen.width, height: screen.height))
    }

    public func size() -> (width: Int, height: Int) { (screen.width, screen.height) }

    public func draw(_ changes: [(x: Int, y: Int, cell: Cell)]) {
        drawCalls.append(changes)
        for change in changes where screen.contains(x: change.x, y: change.y) {
            screen[change.x, change.y] = change.cell
        }
    }

    public func clear() {
        clearCount += 1
        screen = ScreenBuffer(width: screen.width, height: screen.height)
    }

    public func setCursor(_ position: Position?) {
        cursor = position
        screen.cursor = position
    }

    public func flush() { flushCount += 1 }

    public func nextEvent(timeoutMs: Int?) -> Event? {
        queuedEvents.isEmpty ? nil : queuedEvents.removeFirst()
    }

    public func suspend() { suspendCount += 1 }

    public func setMouse(_ on: Bool) { mouseEnabled = on }

    /// Queues a mouse event, as a terminal reporting the mouse would send it.
    public func queueMouse(_ kind: MouseEvent.Kind, x: Int, y: Int) {
        queuedEvents.append(.mouse(MouseEvent(kind, x: x, y: y)))
    }

    public func releaseTerminal<T>(_ body: () throws -> T) rethrows -> T {
        releaseCount += 1
        isReleased = true
        defer { isReleased = false }
        return try body()
    }
}
