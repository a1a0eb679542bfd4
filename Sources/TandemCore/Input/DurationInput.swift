/// Reads a length of time in minutes, as people type it for a session.
///
/// Accepted, case-insensitive, spaces anywhere: `45`, `45m`, `45 min`, `90 minutes`,
/// `1h`, `2 hours`, `1.5h`, `1h30`, `1h 30m`, `1:30`. A bare number is minutes; minutes
/// after hours must be below 60 (`1h75` is refused, `1:75` too).
public enum DurationInput {
    static let forms = "use minutes (45, 45m), hours (1h, 1.5h) or both (1h30, 1:30)"

    /// The number of minutes `s` names, or an error that shows the accepted forms.
    public static func parse(_ s: String) -> Result<Int, InputError> {
        let typed = InputText.trimmed(s)
        let t = typed.lowercased().filter { !$0.isWhitespace }
        guard !t.isEmpty else { return .failure(InputError("no duration given: \(forms)")) }
        if let m = clock(t) ?? units(t) { return .success(m) }
        // "-5": a number, but not a length of time a session can have.
        if t.hasPrefix("-"), let m = clock(String(t.dropFirst())) ?? units(String(t.dropFirst())) {
            return .failure(InputError("\"\(typed)\" is negative: a session lasts \(Bounds.text(Bounds.minutes)) minutes, "
                + "not -\(m)"))
        }
        return .failure(InputError("\"\(typed)\" is not a duration: \(forms)"))
    }

    /// `1:30` → 90.
    static func clock(_ t: String) -> Int? {
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...4).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(InputText.isDigit) }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60 else { return nil }
        return h * 60 + m
    }

    /// `45`, `45min`, `1.5h`, `1h30`, `1h30m`.
    static func units(_ t: String) -> Int? {
        var rest = Substring(t)
        var hours: Double?
        var minutes: Int?
        while !rest.isEmpty {
            let number = rest.prefix { InputText.isDigit($0) || $0 == "." }
            rest = rest.dropFirst(number.count)
            let word = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(word.count)
            guard (1...5).contains(number.count), let value = Double(number) else { return nil }
            switch word {
            case "h", "hr", "hrs", "hour", "hours":
                guard hours == nil, minutes == nil else { return nil }
                hours = value
            case "", "m", "min", "mins", "minute", "minutes":
                guard minutes == nil, number.allSatisfy(InputText.isDigit), let m = Int(number) else { return nil }
                if hours != nil, m >= 60 { return nil }
                minutes = m
            default:
                return nil
            }
        }
        guard hours != nil || minutes != nil else { return nil }
        return Int(((hours ?? 0) * 60).rounded()) + (minutes ?? 0)
    }
}
