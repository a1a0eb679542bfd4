/// Text from files (names, notes, a link's target, a lock's host) made safe to print on a
/// terminal: every control character but a new line and a tab is shown escaped, so a crafted
/// file cannot drive the user's terminal (colours, titles, cursor moves, a fake prompt).
///
/// The one function every command-line output goes through (`emit`, errors, `check`): C0
/// controls (a carriage return only when it does not end a line), DEL and the C1 controls U+0080–U+009F (an 8-bit CSI is U+009B) become `\e`, `\r`
/// or `\u{1B}`-style escapes; the line separators U+2028/U+2029 and the bidirectional overrides
/// (U+202A–U+202E, U+2066–U+2069) too, as they can make printed text read differently from what
/// it is. Text without any of them is returned unchanged.
public enum TerminalSafeText {
    /// `text` with every unsafe character escaped; new lines and tabs are kept.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (k, scalar) in scalars.enumerated() {
            // A carriage return that ends a line (CRLF, as CSV and iCalendar write) is harmless.
            let lineEnd = scalar == "\r" && k + 1 < scalars.count && scalars[k + 1] == "\n"
            guard isUnsafe(scalar), !lineEnd else { out.unicodeScalars.append(scalar); continue }
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0D: out += "\\r"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `json` (a document JSONSerialization or JSONEncoder wrote) with every unsafe character
    /// written as a JSON escape (`\u009B`, `\u202E`) instead of `clean`'s `\u{9B}`, which is
    /// no JSON: the same document for a parser, and nothing raw for a terminal. Those encoders
    /// leave such characters raw only inside strings (they escape C0 controls themselves), and
    /// every one of them is in the Basic Multilingual Plane, so four hex digits always hold it.
    public static func cleanJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafe) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 8)
        for scalar in json.unicodeScalars {
            guard isUnsafe(scalar) else { out.unicodeScalars.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return out
    }

    /// Whether a scalar must not reach a terminal raw.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
