import Foundation
@testable import TandemCore

/// A day from "YYYY-MM-DD"; test data is always well formed.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// A fixed UUID numbered `n`, so failures are reproducible.
func uuid(_ n: Int) -> UUID {
    let digits = String(n)
    return UUID(uuidString: "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - digits.count) + digits)!
}

/// A higher-is-better metric, 0 → 100 %, with readings given as (date, value).
func percentMetric(_ readings: [(String, Double)], baseline: Double = 0, target: Double = 100) -> Metric {
    Metric(id: uuid(900), name: "win rate", unit: "%", baseline: baseline, target: target,
           direction: .higherIsBetter, readings: readings.map { Reading(date: day($0.0), value: $0.1) })
}

/// A session on `date` of an hour.
func session(_ n: Int, _ date: String, nextDate: String? = nil, items: [ActionItem] = []) -> Session {
    Session(id: uuid(500 + n), date: day(date), minutes: 60, notes: "went through the week", actionItems: items,
            nextDate: nextDate.map(day))
}
