import Foundation
import TandemCore

/// How the dashboard writes a short date (the config's `date_style`).
public enum DateStyle: String, CaseIterable, Sendable {
    /// "29 Nov" (this year), "29 Nov 25" (another): the default.
    case dayMonth = "day-month"
    /// "Nov 29", "Nov 29 25".
    case monthDay = "month-day"
    /// "2026-11-29".
    case iso

    /// The style the views use: set once by the executable from the config, before the
    /// dashboard opens (tests that change it put it back).
    public static var current: DateStyle {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
    private nonisolated(unsafe) static var stored: DateStyle = .dayMonth
    private static let lock = NSLock()
}
