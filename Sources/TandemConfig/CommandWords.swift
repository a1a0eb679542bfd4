/// A command line split into words the way a shell splits them, without running a shell:
/// spaces separate, 'single quotes' keep everything, "double quotes" keep spaces (a backslash
/// escapes `"` and `\` inside them), a backslash outside quotes keeps the next character.
/// Nothing is expanded (`$HOME`, `~`, `*` stay as written); write `sh -c '…'` for a shell.
public enum CommandWords {
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
    }

    public static func split(_ line: String) -> Result<[String], Failure> {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
            if escaped { word.append(ch); escaped = false; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil; continue }
                if q == "\"", ch == "\\" { escaped = true; continue }
                word.append(ch)
                continue
            }
            switch ch {
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            case "\n", "\r":
                return .failure(Failure(message: "a command is one line; write sh -c '…' for several commands"))
            case "'", "\"":
                quote = ch; inWord = true
            case "\\":
                escaped = true
            default:
                word.append(ch); inWord = true
            }
        }
        if let q = quote { return .failure(Failure(message: "the quote \(q) is never closed")) }
        if escaped { return .failure(Failure(message: "a backslash at the end escapes nothing")) }
        if inWord { words.append(word) }
        return .success(words)
    }
}
