import Foundation
import TandemCore
import TerminalUI

/// One item of a list editor: the id of what it edits (`nil` for an item added in this form),
/// the line the leader edits, and what the line does not show but the item keeps.
public struct ItemRow: Codable, Equatable, Sendable {
    public var id: UUID?
    /// The line as edited: "Lead one pitch alone", "Client NPS | pts | 20 -> 35", "Ship it @2026-12-04".
    public var text: String
    /// When it was done (objective, action) or achieved (goal); `nil` while open.
    public var done: Day?
    /// The line as the form opened (`nil` for a new item): an unchanged line keeps the
    /// record's values exactly, so saving without a change writes the same bytes.
    public var original: String?
    /// What goes with it if it is removed, as a phrase after its name ("has 5 readings",
    /// "was done on 12 Nov"); `nil` when nothing would be lost.
    public var history: String?

    public init(id: UUID? = nil, text: String, done: Day? = nil, original: String? = nil, history: String? = nil) {
        self.id = id; self.text = text; self.done = done; self.original = original; self.history = history
    }

    /// True when the line was not touched since the form opened.
    public var isUnchanged: Bool { original != nil && text == original }
}

/// A list of items inside a form (objectives, metrics, goals, action items): each row keeps the
/// id of what it edits, so wording, order and units can change without losing done dates or
/// readings. The selected row is edited in place with a `LineField`.
public struct ItemList: Equatable, Sendable {
    public var rows: [ItemRow]
    public var selected: Int = 0
    /// The selected row's text being edited.
    public private(set) var editor: LineField
    /// Rows shown at once; the list scrolls to keep the selected row in sight.
    public var height: Int
    public var scroll: Int = 0
    /// "objective", "metric", "goal", "action item": what the status line and questions call a row.
    public var noun: String
    /// Whether rows can be marked done (metrics cannot: their readings say how they go).
    public var canBeDone: Bool

    public init(rows: [ItemRow], height: Int, noun: String, canBeDone: Bool = true) {
        self.rows = rows; self.height = height; self.noun = noun; self.canBeDone = canBeDone
        editor = LineField(text: rows.first?.text ?? "")
    }

    public var current: ItemRow? { rows[safe: selected] }

    /// Selects row `i` (clamped) and edits it.
    public mutating func select(_ i: Int) {
        selected = max(0, min(i, rows.count - 1))
        editor = LineField(text: rows[safe: selected]?.text ?? "")
        keepInSight()
    }

    mutating func keepInSight() {
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - height)))
    }

    /// Adds an empty row below the selected one (or the first row) and selects it.
    public mutating func addBelow() {
        let at = rows.isEmpty ? 0 : selected + 1
        rows.insert(ItemRow(text: ""), at: at)
        select(at)
    }

    /// A paste: its first line goes into the selected row (or a first row), each further line
    /// becomes a new row below it; blank lines are dropped.
    public mutating func paste(_ text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        for (n, line) in lines.enumerated() {
            if rows.isEmpty || n > 0 { addBelow() }
            editor.paste(line)
            rows[selected].text = editor.text
        }
    }

    /// Replaces the lines (a prefill, a picker's choice): a row whose line is still there keeps
    /// its id, done day and history; every other line becomes a new row.
    public mutating func replaceLines(_ lines: [String]) {
        var old = rows
        rows = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            if let i = old.firstIndex(where: { $0.text == line }) { return old.remove(at: i) }
            return ItemRow(text: line)
        }
        select(rows.isEmpty ? 0 : rows.count - 1)
    }

    /// Takes the selected row out.
    public mutating func removeSelected() {
        guard rows.indices.contains(selected) else { return }
        rows.remove(at: selected)
        select(min(selected, rows.count - 1))
    }

    /// Moves the selected row up (-1) or down (+1); false at an end.
    public mutating func moveSelected(by n: Int) -> Bool {
        let to = selected + n
        guard rows.indices.contains(selected), rows.indices.contains(to) else { return false }
        rows.swapAt(selected, to)
        selected = to
        keepInSight()
        return true
    }

    /// Marks the selected row done on `today`, or open again.
    public mutating func toggleDone(today: Day) {
        guard rows.indices.contains(selected) else { return }
        rows[selected].done = rows[selected].done == nil ? today : nil
    }

    /// A key for the list: ↑↓ move between rows, Enter adds a row below a written one, Backspace
    /// on an empty new row takes it out, anything else edits the selected row. False when the
    /// list does not use the key (↑ on the first row, ↓ on the last, Enter on an empty last
    /// row): the form moves to another field.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up:
            guard selected > 0 else { return false }
            select(selected - 1)
            return true
        case .down:
            guard selected < rows.count - 1 else { return false }
            select(selected + 1)
            return true
        case .enter:
            guard let row = current else { return false }
            if row.text.trimmingCharacters(in: .whitespaces).isEmpty {
                // An empty new row at the end is dropped as the form moves on.
                if row.id == nil, selected == rows.count - 1 { removeSelected() }
                return false
            }
            addBelow()
            return true
        case .backspace where current.map { $0.id == nil && $0.text.isEmpty } == true:
            removeSelected()
            return true
        default:
            if rows.isEmpty {
                guard case .char(let c) = key, !c.isNewline, c.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value != 127 }) else { return false }
                addBelow()
            }
            guard editor.handle(key) else { return false }
            rows[selected].text = editor.text
            return true
        }
    }

    /// What the form compares to tell whether anything changed: ids, lines and done days in order.
    var fingerprint: String {
        rows.map { "\($0.id?.uuidString ?? "new")|\($0.done?.iso ?? "")|\($0.text)" }.joined(separator: "\n")
    }
}
