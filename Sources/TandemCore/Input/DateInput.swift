/// Reads a calendar day typed in a form or on the command line.
///
/// Accepted forms, case-insensitive, surrounding spaces ignored:
/// - `2026-12-01` (ISO 8601, the day must exist);
/// - `today`, `yesterday`, `tomorrow`;
/// - an offset from today: `+14d`, `-3d`, `+2w`, `+1m` (months, clamped to the month's end);
///   the sign may be left out (`3d` is `+3d`);
/// - a weekday, `mon`…`sun`, the full name, or any prefix of at least three letters (`thurs`):
///   the NEXT such day after today, so naming today's weekday means a week from today.
///
/// An empty string is an error: a caller whose field is optional checks for it first.
public enum DateInput {
    static let forms = "use YYYY-MM-DD, today, yesterday, +14d, -3d or a weekday (mon…sun)"
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The day `s` names, counted from `today`, or an error that shows the accepted forms.
    public static func parse(_ s: String, today: Day) -> Result<Day, InputError> {
        let t = InputText.trimmed(s).lowercased()
        guard !t.isEmpty else { return .failure(InputError("no date given: \(forms)")) }
        if let day = Day(iso: t) ?? named(t, today: today) ?? offset(t, today: today) ?? weekday(t, today: today) {
            return .success(day)
        }
        return .failure(InputError("\"\(InputText.trimmed(s))\" is not a date: \(forms)"))
    }

    static func named(_ t: String, today: Day) -> Day? {
        switch t {
        case "today": today
        case "yesterday": today.adding(days: -1)
        case "tomorrow": today.adding(days: 1)
        default: nil
        }
    }

    /// `+14d`, `-3d`, `2w`, `+1m`: at most four digits, so a typo cannot leave the calendar.
    static func offset(_ t: String, today: Day) -> Day? {
        var body = Substring(t)
        var sign = 1
        if body.first == "+" { body = body.dropFirst() } else if body.first == "-" { sign = -1; body = body.dropFirst() }
        guard let unit = body.last else { return nil }
        let digits = body.dropLast()
        guard (1...4).contains(digits.count), digits.allSatisfy(InputText.isDigit), let n = Int(digits) else { return nil }
        switch unit {
        case "d": return today.adding(days: sign * n)
        case "w": return today.adding(days: sign * n * 7)
        case "m": return today.adding(months: sign * n)
        default: return nil
        }
    }

    /// The next day after `today` whose weekday's name starts with `t` (three letters or more).
    static func weekday(_ t: String, today: Day) -> Day? {
        guard t.count >= 3, let i = weekdays.firstIndex(where: { $0.hasPrefix(t) }) else { return nil }
        let ahead = (i + 1 - today.weekday + 7) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }
}
