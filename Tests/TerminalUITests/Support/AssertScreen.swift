import Testing
@testable import TerminalUI

/// Trailing spaces do not matter when comparing rows.
private func trimmed(_ s: String) -> String {
    var t = Substring(s)
    while t.last == " " { t = t.dropLast() }
    return String(t)
}

/// Expects the buffer's rows to read `expected` (trailing spaces ignored); on failure,
/// prints both screens side by side with the differing rows marked.
func assertScreen(_ buffer: ScreenBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.lines.map(trimmed)
    let want = expected.map(trimmed)
    guard actual != want else { return }
    var report = "screen differs (row: |expected| |actual|):\n"
    for i in 0..<max(actual.count, want.count) {
        let e = i < want.count ? want[i] : "<no row>"
        let a = i < actual.count ? actual[i] : "<no row>"
        report += "\(e == a ? " " : "≠") \(i): |\(e)| |\(a)|\n"
    }
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}

/// Expects every cell of `rect` to have `style`; names the first cell that does not.
func assertStyle(_ buffer: ScreenBuffer, _ rect: Rect, _ style: Style, sourceLocation: SourceLocation = #_sourceLocation) {
    for y in rect.y..<rect.bottom {
        for x in rect.x..<rect.right where buffer[x, y].style != style {
            Issue.record("cell (\(x), \(y)) \"\(buffer[x, y].grapheme)\" has \(buffer[x, y].style), expected \(style)",
                         sourceLocation: sourceLocation)
            return
        }
    }
}

/// Expects every row to take exactly the buffer's width on a terminal.
func assertRowsFill(_ buffer: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    for (y, line) in buffer.lines.enumerated() where DisplayWidth.of(line) != buffer.width {
        Issue.record("row \(y) |\(line)| is \(DisplayWidth.of(line)) columns, expected \(buffer.width)",
                     sourceLocation: sourceLocation)
    }
}

let red = Style(fg: .indexed(1))
let green = Style(fg: .indexed(2))
let bold = Style(attrs: .bold)
let reverse = Style(attrs: .reverse)
