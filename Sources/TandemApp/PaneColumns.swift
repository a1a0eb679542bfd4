import TerminalUI

/// A dashboard pane's columns as the width allows.
///
/// Each column has its place in the row (the order of `coaching` and `mentoring`) and a
/// priority (the order of `coachingPriority` and `mentoringPriority`). Columns join by
/// priority while their least widths fit, and stop at the first that does not, so a wider pane
/// never shows fewer columns than a narrower one. Room left over grows the columns that have a
/// `most` up to it, then the filling ones by weight. The layout puts the panes side by side only
/// where each half holds every column (`AppLayout.sideBySideWidth`), so widening the terminal
/// never takes a column away either.
public struct PaneColumn: Equatable, Sendable {
    public enum ID: String, Sendable, CaseIterable {
        case coachee, flags, focus, coach, due, sessions, progress, forecast
        case pair, since, every, lastMet, nextDue, health
    }

    public var id: ID
    public var title: String
    /// The least width it is shown at.
    public var least: Int
    /// How far it grows before the filling columns get the rest (`nil`: it fills by `weight`).
    public var most: Int?
    /// Its share of the room left once every column has its least (and growing ones their most).
    public var weight: Int
    /// A filling column's width that reads well: filling columns get up to it before growing
    /// columns grow.
    public var comfortable: Int
    public var align: Alignment

    init(_ id: ID, _ title: String, least: Int, most: Int? = nil, weight: Int = 0, comfortable: Int? = nil, align: Alignment = .left) {
        self.id = id; self.title = title; self.least = least; self.most = most; self.weight = weight
        self.comfortable = comfortable ?? least; self.align = align
    }
}

public enum PaneColumns {
    /// Blank columns between two columns (the table's spacing).
    public static let spacing = 1

    /// The coaching pane's columns in row order.
    public static let coaching: [PaneColumn] = [
        PaneColumn(.flags, "", least: 2),
        PaneColumn(.coachee, "COACHEE", least: 10, weight: 3, comfortable: 13),
        PaneColumn(.focus, "FOCUS", least: 10, weight: 4, comfortable: 16),
        PaneColumn(.coach, "COACH", least: 8, weight: 2, comfortable: 10),
        PaneColumn(.due, "DUE", least: 8, align: .right),
        PaneColumn(.sessions, "SESSIONS", least: 8, align: .right),
        PaneColumn(.progress, "PROGRESS", least: 9, most: 13),
        PaneColumn(.forecast, "FORECAST", least: 11),
    ]
    /// Which coaching columns go first when room is short.
    public static let coachingPriority: [PaneColumn.ID] = [.coachee, .due, .forecast, .focus, .flags, .progress, .coach, .sessions]

    /// The mentoring pane's columns in row order.
    public static let mentoring: [PaneColumn] = [
        PaneColumn(.flags, "", least: 1),
        PaneColumn(.pair, "MENTOR → MENTEE", least: 20, weight: 1, comfortable: 32),
        PaneColumn(.since, "SINCE", least: 5, align: .right),
        PaneColumn(.every, "EVERY", least: 5, align: .right),
        PaneColumn(.lastMet, "LAST MET", least: 9, align: .right),
        PaneColumn(.nextDue, "NEXT DUE", least: 8, align: .right),
        PaneColumn(.health, "HEALTH", least: 12, most: 20),
    ]
    public static let mentoringPriority: [PaneColumn.ID] = [.pair, .nextDue, .health, .flags, .every, .lastMet, .since]

    static func all(_ pane: Pane) -> (columns: [PaneColumn], priority: [PaneColumn.ID]) {
        pane == .coaching ? (coaching, coachingPriority) : (mentoring, mentoringPriority)
    }

    /// The columns shown in a pane `width` columns wide (inside its border), in row order.
    public static func shown(_ pane: Pane, width: Int) -> [PaneColumn] {
        let (columns, priority) = all(pane)
        var taken: Set<PaneColumn.ID> = []
        var used = -spacing
        for id in priority {
            guard let c = columns.first(where: { $0.id == id }) else { continue }
            // A filling column counts at its comfortable width: names stay readable before
            // another column joins.
            let cost = max(c.least, c.comfortable)
            guard used + spacing + cost <= width else { break }
            used += spacing + cost
            taken.insert(id)
        }
        return columns.filter { taken.contains($0.id) }
    }

    /// The width at which the pane shows every column.
    public static func fullWidth(_ pane: Pane) -> Int {
        let columns = all(pane).columns
        return columns.reduce(0) { $0 + max($1.least, $1.comfortable) } + spacing * (columns.count - 1)
    }

    /// Widths for `columns` in `width`: each its least, then the filling ones up to their
    /// comfortable width (a column at a time, round), then the growing ones up to their most,
    /// then the rest to the filling ones by weight (to the last column if none fills).
    public static func widths(_ columns: [PaneColumn], width: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map(\.least)
        var room = width - widths.reduce(0, +) - spacing * (columns.count - 1)
        guard room > 0 else { return widths }
        var growing = true
        while room > 0, growing {
            growing = false
            for (i, c) in columns.enumerated() where room > 0 && widths[i] < c.comfortable {
                widths[i] += 1; room -= 1; growing = true
            }
        }
        for (i, c) in columns.enumerated() {
            if let most = c.most, room > 0 {
                let grow = min(room, max(0, most - c.least))
                widths[i] += grow; room -= grow
            }
        }
        let total = columns.reduce(0) { $0 + $1.weight }
        guard total > 0 else { widths[widths.count - 1] += room; return widths }
        var before = 0, given = 0
        for (i, c) in columns.enumerated() where c.weight > 0 {
            before += c.weight
            let upTo = room * before / total
            widths[i] += upTo - given
            given = upTo
        }
        return widths
    }
}
