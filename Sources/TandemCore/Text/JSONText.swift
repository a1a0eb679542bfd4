/// A string as a JSON string literal, written exactly as Foundation's `JSONSerialization` writes
/// it with `.withoutEscapingSlashes`: `"` and `\` escaped, the control characters below U+0020
/// as `\b \t \n \f \r` or `\u00XX`, everything else as it is (UTF-8). For writers that put out a
/// large document a value at a time and must give the bytes the serializer would
/// (`tandem report --format json`).
public enum JSONText {
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        var plain = s.unicodeScalars.startIndex
        var i = plain
        let scalars = s.unicodeScalars
        func escape(_ e: String) {
            out.unicodeScalars.append(contentsOf: scalars[plain..<i])
            out += e
            plain = scalars.index(after: i)
        }
        while i < scalars.endIndex {
            let v = scalars[i].value
            switch v {
            case 0x22: escape("\\\"")
            case 0x5C: escape("\\\\")
            case 0x08: escape("\\b")
            case 0x09: escape("\\t")
            case 0x0A: escape("\\n")
            case 0x0C: escape("\\f")
            case 0x0D: escape("\\r")
            case 0..<0x20:
                let hex = String(v, radix: 16)
                escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: break
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plain..<scalars.endIndex])
        return out + "\""
    }
}
