import Foundation

/// The days an insight looks at: `from` through `to`, both included; `from == nil` is "since the
/// first record".
public struct DayRange: Equatable, Sendable {
    public var from: Day?
    public var to: Day

    public init(from: Day?, to: Day) { self.from = from; self.to = to }

    public func contains(_ day: Day) -> Bool { (from.map { day >= $0 } ?? true) && day <= to }

    /// "2026-10-01 – 2026-12-01", or "up to 2026-12-01" without a start.
    public var text: String { from.map { "\($0.iso) – \(to.iso)" } ?? "up to \(to.iso)" }
}

/// The period selector of the insights screen: what a leader asks for most.
public enum InsightPeriod: String, CaseIterable, Sendable {
    case thisQuarter = "this quarter"
    case lastQuarter = "last quarter"
    case thisYear = "this year"
    case allTime = "all time"

    /// The days the period covers on `today`. A period still running ends today (nothing is due
    /// or held in the future); last quarter ends on its last day.
    public func range(today: Day) -> DayRange {
        let start = Day.quarterStart(of: today)
        switch self {
        case .thisQuarter: return DayRange(from: start, to: today)
        case .lastQuarter:
            let previous = start.adding(months: -3)
            return DayRange(from: previous, to: start.adding(days: -1))
        case .thisYear: return DayRange(from: Day(year: today.year, month: 1, day: 1), to: today)
        case .allTime: return DayRange(from: nil, to: today)
        }
    }

    /// The next period in the selector, round.
    public var next: InsightPeriod {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension Day {
    /// The first day of the calendar quarter `day` is in (1 Jan, 1 Apr, 1 Jul, 1 Oct).
    public static func quarterStart(of day: Day) -> Day {
        Day(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
    }

    /// The first day of `day`'s month.
    public static func monthStart(of day: Day) -> Day { Day(year: day.year, month: day.month, day: 1)! }
}
