import TandemApp

/// Where each key of a TOML document was written, read from the source text.
///
/// The TOML package reports the line and column of a syntax error, but not where a key of a
/// well-formed document stands; messages about values (an unknown setting, a number out of
/// range, a key that names no key) need that, so this reads the text again: table headers
/// (`[keys.list]`), `key = value` lines (dotted and quoted keys too), and the start of each
/// element of an array value. It only runs on text the TOML package already accepted.
struct TOMLLocator {
    /// The position of each key path's name (a table's: its header's first name).
    private(set) var keys: [[String]: SourcePosition] = [:]
    /// The positions of an array value's elements, by key path.
    private(set) var elements: [[String]: [SourcePosition]] = [:]

    init(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0) }
        var table: [String] = []
        var inMultiline: String?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            var p = 0
            if let fence = inMultiline {
                if String(line).contains(fence) { inMultiline = nil }
                i += 1
                continue
            }
            Self.skipSpace(line, &p)
            guard p < line.count, line[p] != "#" else { i += 1; continue }
            if line[p] == "[" {
                let array = p + 1 < line.count && line[p + 1] == "["
                p += array ? 2 : 1
                Self.skipSpace(line, &p)
                let start = p
                let path = Self.keyPath(line, &p)
                table = path
                let at = SourcePosition(line: i + 1, column: start + 1)
                for n in 1...max(1, path.count) where n <= path.count {
                    let prefix = Array(path.prefix(n))
                    if keys[prefix] == nil || n == path.count { keys[prefix] = at }
                }
                i += 1
                continue
            }
            let start = p
            let path = table + Self.keyPath(line, &p)
            Self.skipSpace(line, &p)
            guard p < line.count, line[p] == "=", path.count > table.count else { i += 1; continue }
            p += 1
            let at = SourcePosition(line: i + 1, column: start + 1)
            for n in (table.count + 1)...path.count where keys[Array(path.prefix(n))] == nil || n == path.count {
                keys[Array(path.prefix(n))] = at
            }
            Self.skipSpace(line, &p)
            let rest = String(line[min(p, line.count)...])
            if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                let fence = String(rest.prefix(3))
                if !String(rest.dropFirst(3)).contains(fence) { inMultiline = fence }
            }
            if p < line.count, line[p] == "[" {
                let (positions, lastLine) = Self.arrayElements(lines, line: i, column: p)
                elements[path] = positions
                i = lastLine + 1
                continue
            }
            i += 1
        }
    }

    /// Where a key path was written; the nearest written parent when the path itself was not
    /// (a table made implicitly); line 1 column 1 when nothing was.
    func position(_ path: [String]) -> SourcePosition {
        var p = path
        while !p.isEmpty {
            if let at = keys[p] { return at }
            p.removeLast()
        }
        return SourcePosition(line: 1, column: 1)
    }

    private static func skipSpace(_ line: [Character], _ p: inout Int) {
        while p < line.count, line[p] == " " || line[p] == "\t" || line[p] == "\r" { p += 1 }
    }

    /// Reads `a.b."c d"` from `p`, stopping before `=` or `]`.
    private static func keyPath(_ line: [Character], _ p: inout Int) -> [String] {
        var path: [String] = []
        while p < line.count {
            skipSpace(line, &p)
            guard p < line.count else { break }
            var part = ""
            if line[p] == "\"" || line[p] == "'" {
                let quote = line[p]
                p += 1
                while p < line.count, line[p] != quote {
                    if quote == "\"", line[p] == "\\", p + 1 < line.count { part.append(line[p + 1]); p += 2; continue }
                    part.append(line[p]); p += 1
                }
                p += 1
            } else {
                while p < line.count, line[p].isLetter || line[p].isNumber || line[p] == "_" || line[p] == "-" { part.append(line[p]); p += 1 }
            }
            path.append(part)
            skipSpace(line, &p)
            if p < line.count, line[p] == "." { p += 1; continue }
            break
        }
        return path
    }

    /// The start of each element of the array that opens at `line`/`column`, and the line it
    /// closes on. Strings, nested arrays and inline tables count as one element each; comments
    /// and line breaks are skipped.
    private static func arrayElements(_ lines: [[Character]], line: Int, column: Int) -> ([SourcePosition], Int) {
        var out: [SourcePosition] = []
        var depth = 0
        var expecting = false
        var l = line, c = column
        while l < lines.count {
            let chars = lines[l]
            while c < chars.count {
                let ch = chars[c]
                if ch == "#" { break }
                if ch == "\"" || ch == "'" {
                    if depth == 1, expecting { out.append(SourcePosition(line: l + 1, column: c + 1)); expecting = false }
                    let quote = ch
                    c += 1
                    while c < chars.count, chars[c] != quote {
                        if quote == "\"", chars[c] == "\\" { c += 1 }
                        c += 1
                    }
                    c += 1
                    continue
                }
                switch ch {
                case "[", "{":
                    if depth == 1, expecting { out.append(SourcePosition(line: l + 1, column: c + 1)); expecting = false }
                    depth += 1
                    if depth == 1 { expecting = true }
                case "]", "}":
                    depth -= 1
                    if depth == 0 { return (out, l) }
                case ",":
                    if depth == 1 { expecting = true }
                case " ", "\t", "\r":
                    break
                default:
                    if depth == 1, expecting { out.append(SourcePosition(line: l + 1, column: c + 1)); expecting = false }
                }
                c += 1
            }
            l += 1
            c = 0
        }
        return (out, lines.count - 1)
    }
}
