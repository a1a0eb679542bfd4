import Foundation

/// The order people read lists of names in: letters with accents or strokes sort with their
/// base letter (Ł with L, João with Joao, Ørsted with Orsted), case ignored, and the same
/// order whatever the process locale is.
///
/// The primary key folds case, width and diacritics, and maps the letters that have no
/// decomposition (Ł, Ø, Đ, Ħ, ı, ß, Æ, Œ, Þ) to their Latin base. Ties are broken by the name
/// with case folded only, then by the name itself, so the order is total and deterministic.
public enum NameOrder {
    /// The primary comparison key of `name`.
    public static func key(_ name: String) -> String {
        var folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.unicodeScalars.contains(where: { !$0.isASCII }) {
            var out = ""
            out.reserveCapacity(folded.utf8.count)
            for ch in folded { out += extra[ch] ?? String(ch) }
            folded = out
        }
        return folded.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `a` comes before `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka != kb { return ka < kb }
        let ca = a.lowercased(), cb = b.lowercased()
        if ca != cb { return ca < cb }
        return a < b
    }

    /// `items` sorted by the name at `name`.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.map { (key: key(name($0)), name: name($0), item: $0) }
            .sorted { x, y in
                if x.key != y.key { return x.key < y.key }
                return areInIncreasingOrder(x.name, y.name)
            }
            .map(\.item)
    }

    /// Letters `folding` leaves alone (no canonical decomposition), lower case after folding.
    private static let extra: [Character: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
        "ŧ": "t", "ŀ": "l", "ð": "d",
        "Ł": "l", "Ø": "o", "Đ": "d", "Ħ": "h", "Æ": "ae", "Œ": "oe", "Þ": "th", "Ŧ": "t", "Ð": "d",
    ]
}
