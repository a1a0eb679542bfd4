import Foundation

/// The sane range of every number a record holds: one table, used by the forms, `tandem log`,
/// drafts, loading and `tandem check`, so nothing one of them accepts is refused by another.
///
/// A value outside its range is refused when a form or `tandem log` takes it, makes its file
/// refuse to load (with file:line:column, the field and the range), and is reported by `check`.
/// Every range is small enough that the rules' arithmetic (day counts, cadence multiples,
/// forecasts over readings) cannot overflow or turn into NaN.
public enum Bounds {
    /// Minutes a session lasts: 1 to 720, a long working day of 12 hours.
    public static let minutes: ClosedRange<Int> = 1...720
    /// Days between meetings (mentoring) or sessions (coaching): 1 to 365.
    public static let cadenceDays: ClosedRange<Int> = 1...365
    /// Sessions planned for an engagement: 1 to 200.
    public static let plannedSessions: ClosedRange<Int> = 1...200
    /// Mentees a person can take at once: 0 (none) to 10.
    public static let mentoringCapacity: ClosedRange<Int> = 0...10
    /// "How useful was it": 1 to 5.
    public static let pulse: ClosedRange<Int> = 1...5
    /// An assessment answer's score: 1 to 5.
    public static let score: ClosedRange<Int> = 1...5
    /// An assessment's horizon: 1 to 120 months (ten years).
    public static let horizonMonths: ClosedRange<Int> = 1...120
    /// An assessment's coaching or mentoring score: 0 to 10.
    public static let assessmentScore: ClosedRange<Int> = 0...10
    /// The settings' day counts (momentum, fizzle): 1 to 365.
    public static let settingDays: ClosedRange<Int> = 1...365
    /// The "due soon" window: 0 to 365 days.
    public static let dueSoonDays: ClosedRange<Int> = 0...365
    /// Metric baselines, targets and readings: finite, at most a billion either way.
    public static let metricValue: ClosedRange<Double> = -1e9...1e9
    /// The years a date may fall in: 1900 to 2199.
    public static let years: ClosedRange<Int> = 1900...2199

    /// "1–720", as messages show a range.
    public static func text<T: Comparable>(_ range: ClosedRange<T>) -> String {
        "\(show(range.lowerBound))–\(show(range.upperBound))"
    }

    private static func show<T>(_ v: T) -> String {
        if let d = v as? Double {
            if abs(d) >= 1e6, d == d.rounded() {
                let exponent = Int(log10(abs(d)).rounded())
                if d.magnitude == pow(10, Double(exponent)) { return "\(d < 0 ? "-" : "")1e\(exponent)" }
            }
            return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        }
        return "\(v)"
    }
}
