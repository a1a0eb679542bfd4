import TerminalUI

/// Where an open form's box and fields go: computed once here, drawn by `FormView`, and
/// looked up by the mouse (`AppLayout.formField(x:y:)`), so a click lands on the field the
/// leader sees.
public struct FormGeometry: Equatable, Sendable {
    /// The form's box (border included) and inside it the fields' area.
    public let box: Rect
    public let inner: Rect
    /// Rows of `inner` the fields may use (the last row is the form's own keys).
    public let usable: Int
    /// Each field shown: its index, its first row on screen, the rows its editor takes, and
    /// whether a note (its error, or the focused field's hint) follows it.
    public struct Block: Equatable, Sendable {
        public var field: Int
        public var y: Int
        public var height: Int
        public var hasNote: Bool
        /// Whether the whole editor fits on screen (fields scrolled off are not drawn).
        public var shown: Bool
    }
    public let blocks: [Block]

    public init(_ form: Form, screenWidth: Int, screenHeight: Int, boxWidth: Int) {
        var raw: [(field: Int, height: Int, note: Bool)] = []
        for (i, f) in form.fields.enumerated() {
            let rows: Int
            switch f.editor { case .area(_, let r): rows = r; case .items(let l): rows = l.height; default: rows = 1 }
            let note = form.errors[f.id] != nil || (i == form.focus && !f.hint.isEmpty)
            raw.append((i, rows, note))
        }
        let contentHeight = raw.reduce(0) { $0 + $1.height + ($1.note ? 1 : 0) } + 1
        let height = min(screenHeight, contentHeight + 2)
        box = Rect(x: 0, y: 0, width: max(0, screenWidth), height: max(0, screenHeight)).centered(width: boxWidth, height: height)
        inner = box.inset(dx: 2, dy: 1)
        usable = inner.height - 1
        // Scroll so the focused field (and its note) is visible.
        var tops: [Int] = []
        var y = 0
        for b in raw { tops.append(y); y += b.height + (b.note ? 1 : 0) }
        let focusTop = tops[safe: form.focus] ?? 0
        let focusBottom = focusTop + (raw[safe: form.focus].map { $0.height + ($0.note ? 1 : 0) } ?? 1)
        let offset = max(0, min(focusTop, focusBottom - usable))
        let usable = self.usable, inner = self.inner
        blocks = raw.enumerated().map { i, b in
            let top = tops[i] - offset
            return Block(field: b.field, y: inner.y + top, height: b.height, hasNote: b.note, shown: top >= 0 && top + b.height <= usable)
        }
    }

    /// The field whose label or editor is at a point.
    public func field(x: Int, y: Int) -> Int? {
        guard x >= inner.x, x < inner.right else { return nil }
        return blocks.first { $0.shown && y >= $0.y && y < $0.y + $0.height }?.field
    }
}

extension AppLayout {
    /// The open form's geometry at this size.
    public func form(_ form: Form) -> FormGeometry {
        FormGeometry(form, screenWidth: width, screenHeight: height, boxWidth: formBoxWidth)
    }
}
