import TandemCore
import TerminalUI

/// Small words and marks the views share, so the same fact reads the same everywhere.
enum Format {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Sun 29 Nov 2026".
    static func longDate(_ d: Day) -> String {
        "\(weekdayNames[d.weekday - 1]) \(d.day) \(monthNames[d.month - 1]) \(d.year)"
    }

    /// "29 Nov" this year, "29 Nov 25" otherwise (in the config's `DateStyle`: "Nov 29", "2026-11-29").
    static func shortDate(_ d: Day, today: Day) -> String {
        switch DateStyle.current {
        case .dayMonth:
            d.year == today.year ? "\(d.day) \(monthNames[d.month - 1])" : "\(d.day) \(monthNames[d.month - 1]) \(d.year % 100)"
        case .monthDay:
            d.year == today.year ? "\(monthNames[d.month - 1]) \(d.day)" : "\(monthNames[d.month - 1]) \(d.day) \(d.year % 100)"
        case .iso:
            d.iso
        }
    }

    /// Days to a deadline: "today", "12d", "3d late".
    static func daysLeft(_ n: Int) -> String {
        n == 0 ? "today" : n > 0 ? "\(n)d" : "\(-n)d late"
    }

    /// The theme role for a deadline this many days away.
    static func deadlineRole(_ n: Int) -> Role { n < 0 ? .danger : n <= 7 ? .warn : .text }

    static func role(_ f: Forecast) -> Role {
        switch f {
        case .onTrack: .ok
        case .atRisk: .warn
        case .offTrack: .danger
        case .noData: .muted
        }
    }

    static func symbol(_ f: Forecast) -> String {
        switch f {
        case .onTrack: "✓"
        case .atRisk: "◔"
        case .offTrack: "✗"
        case .noData: "·"
        }
    }

    static func role(_ h: Health) -> Role {
        switch h {
        case .onTrack: .ok
        case .dueSoon: .warn
        case .overdue, .drifting, .fizzled: .danger
        case .paused, .closed: .muted
        }
    }

    /// Next due relative to today: "in 3d", "today", "5d late".
    static func due(_ next: Day?, today: Day) -> String {
        guard let next else { return "—" }
        let n = today.days(to: next)
        return n == 0 ? "today" : n > 0 ? "in \(n)d" : "\(-n)d late"
    }

    /// "14mo", "3y 2mo".
    static func since(months: Int) -> String {
        months < 12 ? "\(months)mo" : months % 12 == 0 ? "\(months / 12)y" : "\(months / 12)y\(months % 12)mo"
    }

    static func value(_ v: Double, _ unit: String) -> String { NumberInput.format(v, unit: unit) }

    /// The first line of a note, for one-line summaries.
    static func firstLine(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
    }
}
