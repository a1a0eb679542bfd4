/// Small text helpers the input parsers share (kept in a namespace so they cannot collide
/// with other extensions in the module).
enum InputText {
    /// `s` without leading and trailing whitespace (no Foundation needed).
    static func trimmed<S: StringProtocol>(_ s: S) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
              let last = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(s[first...last])
    }

    static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }

    /// `s` with every comma replaced by `r`.
    static func replacingComma(_ s: String, with r: String) -> String {
        var out = ""
        for c in s { if c == "," { out += r } else { out.append(c) } }
        return out
    }
}
