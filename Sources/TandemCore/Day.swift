/// A calendar day (no time, no time zone), stored as "YYYY-MM-DD".
///
/// The core never reads the clock: `today` is always passed in as a `Day`.
/// Arithmetic uses the proleptic Gregorian calendar through a day number, so
/// leap days and month ends need no `Calendar`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// A day from its parts; `nil` when the parts do not name a real day (2026-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.dayNumber = Day.daysFromCivil(year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso: String) {
        let u = Array(iso.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = u[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var parts: (year: Int, month: Int, day: Int) { Day.civilFromDays(dayNumber) }
    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    /// 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday.
    public var weekday: Int { ((dayNumber % 7 + 7 + 3) % 7) + 1 }

    public var iso: String {
        let p = parts
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(p.year, 4))-\(pad(p.month, 2))-\(pad(p.day, 2))"
    }

    public var description: String { iso }

    /// The day `days` later (earlier when negative). Saturates at ±`Day.limit` day numbers
    /// (millions of years away) instead of overflowing, so no count of days can trap.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return Day(dayNumber: days > 0 ? Day.limit : -Day.limit) }
        return Day(dayNumber: Swift.min(Swift.max(sum, -Day.limit), Day.limit))
    }

    /// Whole days from `self` to `other` (positive when `other` is later); saturates instead of
    /// overflowing for day numbers far outside the calendar.
    public func days(to other: Day) -> Int {
        let (d, overflow) = other.dayNumber.subtractingReportingOverflow(dayNumber)
        return overflow ? (other.dayNumber > dayNumber ? Int.max : Int.min) : d
    }

    /// How far `adding(days:)` goes: about 2.7 million years either side of 1970.
    public static let limit = 1_000_000_000

    /// The same day of month `n` months later, clamped to the month's end (Jan 31 + 1 = Feb 28/29).
    public func adding(months n: Int) -> Day {
        let p = parts
        // Clamped so the month count cannot overflow; still far beyond any calendar in use.
        let total = p.year * 12 + (p.month - 1) + Swift.min(Swift.max(n, -Day.limit / 31), Day.limit / 31)
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(p.day, Day.daysIn(month: m, year: y))
        return Day(year: y, month: m, day: d)!
    }

    public static func < (a: Day, b: Day) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = Swift.min(Swift.max(z0, -limit), limit) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a date YYYY-MM-DD, found \"\(s)\"")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
