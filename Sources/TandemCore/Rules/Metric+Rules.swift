/// Current value, progress and forecast of a metric, from its readings.
extension Metric {
    /// The value of the latest reading by date (the last one entered on a tie); `nil` with no readings.
    public var current: Double? {
        readings.enumerated()
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?
            .element.value
    }

    /// The share of the way from baseline to target that `value` stands at, unclamped.
    ///
    /// 0 is the baseline, 1 the target; below 0 is worse than the baseline, above 1 past the
    /// target. It needs no direction: a lower-is-better target sits below its baseline.
    /// When target equals baseline (a validation problem) the answer is 1 at or past the
    /// target in the metric's direction, else 0.
    public func progress(of value: Double) -> Double {
        guard target != baseline else {
            let reached = direction == .higherIsBetter ? value >= target : value <= target
            return reached ? 1 : 0
        }
        return (value - baseline) / (target - baseline)
    }

    /// Progress of the current value, clamped to 0…1; `nil` with no readings.
    public var progress: Double? {
        current.map { min(max(progress(of: $0), 0), 1) }
    }

    /// The value a least-squares line through the readings reaches on `deadline`.
    ///
    /// The points are every reading, plus the baseline on `start` when no reading was taken
    /// on or before the start. `nil` with fewer than two points or all of them on one day.
    public func projection(start: Day, deadline: Day) -> Double? {
        var points = readings.map { (x: Double(start.days(to: $0.date)), y: $0.value) }
        if !readings.contains(where: { $0.date <= start }) {
            points.append((x: 0, y: baseline))
        }
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / n
        let meanY = points.reduce(0) { $0 + $1.y } / n
        let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        guard sxx > 0 else { return nil }
        let sxy = points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        let slope = sxy / sxx
        return meanY + slope * (Double(start.days(to: deadline)) - meanX)
    }

    /// Whether the metric will reach its target by the deadline.
    ///
    /// `noData` without readings; `onTrack` once the current value has reached the target.
    /// From the deadline on, the current value decides; before it, the projected value at
    /// the deadline (or the current one when there is no trend yet). At least the whole way
    /// is on track, three quarters of it at risk, less off track.
    public func forecast(start: Day, deadline: Day, today: Day) -> Forecast {
        guard let current else { return .noData }
        let now = progress(of: current)
        if now >= 1 || today >= deadline { return Forecast.forProgress(now) }
        let projected = projection(start: start, deadline: deadline).map { progress(of: $0) } ?? now
        return Forecast.forProgress(projected)
    }
}
