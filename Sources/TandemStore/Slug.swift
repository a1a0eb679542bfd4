import Foundation

/// Turns a name into the readable start of a file name: "Zoë Ångström" → "zoe-angstrom".
enum Slug {
    static let maxLength = 40

    /// Lowercase ASCII letters and digits, accents folded, every other run of characters one '-',
    /// trimmed, at most 40 characters; `fallback` when nothing is left (a name in CJK only).
    static func make(_ text: String, fallback: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                  locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var pendingDash = false
        func add(_ s: String) {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += s
        }
        for scalar in folded.unicodeScalars {
            if let special = letters[scalar] {
                add(special)
            } else if scalar.isASCII, let ch = Optional(Character(scalar)), ch.isLetter || ch.isNumber {
                add(String(ch).lowercased())
            } else {
                pendingDash = true
            }
        }
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? fallback : out
    }

    /// Latin letters that do not decompose into a base letter and an accent.
    private static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]
}
