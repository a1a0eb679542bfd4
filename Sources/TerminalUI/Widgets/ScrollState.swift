/// Which row of a list is selected and which row is shown first: pure arithmetic, no drawing.
///
/// Every move takes the list's `count` and keeps `selected` inside it (`nil` when the list is
/// empty); moves stop at the ends, they do not wrap. Call `ensureVisible` before drawing.
public struct ScrollState: Hashable, Sendable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected; self.offset = offset
    }

    /// Moves the selection by `delta` rows. With nothing selected, down selects the first
    /// row and up the last.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { return clear() }
        let from = selected ?? (delta > 0 ? -1 : count)
        selected = min(max(0, from + delta), count - 1)
    }

    /// Selects row `index`, clamped into the list.
    public mutating func moveTo(_ index: Int, count: Int) {
        guard count > 0 else { return clear() }
        selected = min(max(0, index), count - 1)
    }

    /// Moves up by a page of `height` rows.
    public mutating func pageUp(height: Int, count: Int) {
        move(by: -max(1, height), count: count)
    }

    /// Moves down by a page of `height` rows.
    public mutating func pageDown(height: Int, count: Int) {
        move(by: max(1, height), count: count)
    }

    /// Selects the first row.
    public mutating func home(count: Int) { moveTo(0, count: count) }

    /// Selects the last row.
    public mutating func end(count: Int) { moveTo(count - 1, count: count) }

    /// Keeps the selection valid after the list changed (rows removed or added): clamps it,
    /// selects the first row when there was none, clears it when the list is empty.
    public mutating func clamp(count: Int) {
        moveTo(selected ?? 0, count: count)
    }

    /// Scrolls as little as possible so the selected row is among the `height` rows shown;
    /// given `count`, also scrolls back so no page ends past the last row.
    public mutating func ensureVisible(height: Int, count: Int? = nil) {
        if let count { offset = min(offset, max(0, count - max(1, height))) }
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + max(1, height) { offset = selected - max(1, height) + 1 }
        }
        offset = max(0, offset)
    }

    private mutating func clear() {
        selected = nil; offset = 0
    }
}
