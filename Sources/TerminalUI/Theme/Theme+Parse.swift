extension Theme {
    /// Reads a theme file in btop's syntax on top of `base` (see `themes/default.theme`).
    ///
    /// One setting a line: `theme[role]="#RRGGBB"` (text color), `theme[role_bg]="#RRGGBB"`
    /// (background), `theme[role_attr]="bold underline"` (bold, dim, italic, underline,
    /// reverse; "" for none). An empty color means the terminal's default. Quotes are optional;
    /// `#` starts a comment line; blank lines are skipped. What the file does not set comes
    /// from `base`. Problems do not stop the reading: each gives a warning naming its line.
    public static func parse(_ text: String, name: String, base: Theme = .builtinDefault)
        -> (theme: Theme, warnings: [String]) {
        var theme = Theme(name: name, styles: base.styles)
        var warnings: [String] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            number += 1
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.hasPrefix("theme["), let close = line.firstIndex(of: "]"),
                  line[line.index(after: close)...].trimmingSpaces().hasPrefix("=")
            else {
                warnings.append("line \(number): expected theme[role]=\"value\", found \"\(line)\"")
                continue
            }
            let key = String(line[line.index(line.startIndex, offsetBy: 6)..<close])
            var value = line[line.index(after: close)...].trimmingSpaces().dropFirst().trimmingSpaces()
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            if let problem = theme.apply(key: key, value: String(value)) {
                warnings.append("line \(number): \(problem)")
            }
        }
        return (theme, warnings)
    }

    /// Sets one key of a theme file; returns what was wrong, if anything.
    private mutating func apply(key: String, value: String) -> String? {
        var roleName = key, part = "fg"
        for suffix in ["_bg", "_attr"] where key.hasSuffix(suffix) && Role(rawValue: key) == nil {
            roleName = String(key.dropLast(suffix.count)); part = String(suffix.dropFirst())
        }
        guard let role = Role(rawValue: roleName) else { return "unknown role \"\(key)\"" }
        var style = styles[role] ?? .plain
        if part == "attr" {
            var attrs: Attributes = []
            for word in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let a = Theme.attributeNames[String(word)] else {
                    return "unknown attribute \"\(word)\" for \(key) (expected bold, dim, italic, underline or reverse)"
                }
                attrs.insert(a)
            }
            style.attrs = attrs
        } else {
            guard let color = value.isEmpty ? Color.default : Color(hex: value) else {
                return "bad color \"\(value)\" for \(key) (expected \"#RRGGBB\", or \"\" for the terminal's default)"
            }
            if part == "bg" { style.bg = color } else { style.fg = color }
        }
        styles[role] = style
        return nil
    }

    private static let attributeNames: [String: Attributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "reverse": .reverse, "none": [],
    ]
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
