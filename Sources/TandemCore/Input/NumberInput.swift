/// Reads and writes the numbers of metrics, pulses and counts typed by a person.
///
/// `parse` accepts `32`, `32.5`, `+5`, `-2`, `.5`, and the metric's unit after the number
/// with or without a space (`32%`, `32 %`, `42pts`, `42 pts`; a unit ending in "s" also
/// in the singular, `1 pt`). A comma is read as the decimal point only when there is no dot
/// and it is not followed by exactly three digits: `1,5` is 1.5, while `1,500` could be a
/// thousand and a half or one and a half and is refused with a hint.
public enum NumberInput {
    /// The number in `s`, which may end with `unit`; another unit is refused by name.
    public static func parse(_ s: String, unit: String) -> Result<Double, InputError> {
        let typed = InputText.trimmed(s)
        var body = typed.lowercased()
        let suffixes = unitSuffixes(InputText.trimmed(unit).lowercased())
        if let u = suffixes.first(where: { !$0.isEmpty && body.hasSuffix($0) }) {
            body = InputText.trimmed(body.dropLast(u.count))
        }
        guard !body.isEmpty else {
            return .failure(InputError("no number given: \(example(unit))"))
        }
        if let comma = body.firstIndex(of: ","), !body.contains("."),
           body.firstIndex(of: ",") == body.lastIndex(of: ",") {
            let after = body[body.index(after: comma)...]
            if after.count == 3, after.allSatisfy(InputText.isDigit) {
                var decimal = Substring(InputText.replacingComma(body, with: "."))
                while decimal.last == "0" { decimal = decimal.dropLast() }
                if decimal.last == "." { decimal = decimal.dropLast() }
                return .failure(InputError("\"\(typed)\" is ambiguous: write \(InputText.replacingComma(body, with: "")) or \(decimal)"))
            }
            body = InputText.replacingComma(body, with: ".")
        }
        if let v = decimal(body) { return .success(v) }
        let numberPart = String(body.prefix { InputText.isDigit($0) || "+-.,".contains($0) })
        if decimal(numberPart) != nil {
            let other = InputText.trimmed(body.dropFirst(numberPart.count))
            let expected = unit.isEmpty ? "no unit: type \(numberPart)" : "\(unit): type \(numberPart) or \(withUnit(numberPart, unit))"
            return .failure(InputError("\"\(typed)\" has the unit \"\(other)\": expected \(expected)"))
        }
        return .failure(InputError("\"\(typed)\" is not a number: \(example(unit))"))
    }

    /// A whole number within `range`; `field` names it in the message
    /// ("pulse must be a whole number from 1 to 5").
    public static func parseInt(_ s: String, range: ClosedRange<Int>, field: String) -> Result<Int, InputError> {
        var t = Substring(InputText.trimmed(s))
        let negative = t.first == "-"
        if negative || t.first == "+" { t = t.dropFirst() }
        guard (1...18).contains(t.count), t.allSatisfy(InputText.isDigit), let n = Int(t),
              range.contains(negative ? -n : n) else {
            return .failure(InputError("\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(negative ? -n : n)
    }

    /// The number for people: at most two decimals, no trailing ".0", then the unit
    /// (`32%`, `4.5 pts`, `3 rounds`; "%" is written against the number).
    public static func format(_ v: Double, unit: String) -> String {
        let r = (v * 100).rounded() / 100
        let number: String
        if r == 0 {
            number = "0"
        } else if abs(r) < 1e15, r == r.rounded() {
            number = String(Int(r))
        } else {
            number = "\(r)"
        }
        return unit.isEmpty ? number : withUnit(number, unit)
    }

    /// The unit and, for a plural like "pts", its singular "pt".
    static func unitSuffixes(_ unit: String) -> [String] {
        guard unit.count > 1, unit.hasSuffix("s") else { return [unit] }
        return [unit, String(unit.dropLast())]
    }

    static func example(_ unit: String) -> String {
        unit.isEmpty ? "type digits like 42 or 4.5" : "type digits like 42 or 4.5, optionally followed by \(unit)"
    }

    /// A typed number with the unit, spaced as `format` spaces it.
    static func withUnit(_ number: String, _ unit: String) -> String {
        unit == "%" ? number + unit : number + " " + unit
    }

    /// An optional sign, digits with at most one dot, at least one digit.
    static func decimal(_ t: String) -> Double? {
        var body = Substring(t)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard body.contains(where: InputText.isDigit),
              body.allSatisfy({ InputText.isDigit($0) || $0 == "." }),
              body.filter({ $0 == "." }).count <= 1 else { return nil }
        return Double(t.first == "+" ? String(t.dropFirst()) : t)
    }
}
