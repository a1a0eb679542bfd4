/// Collects the text of a bracketed paste (`ESC[200~ … ESC[201~`) as a terminal delivers it,
/// one scalar at a time and in reads of any size, so a pasted Tab or line break arrives as
/// text in one `Event.paste` and never as keys.
///
/// The backend sees the start marker (`begin()`), then feeds every scalar it reads until
/// `feed(_:)` returns the paste: the end marker may be split across reads, and anything
/// else inside (an escape sequence copied from a terminal, a second start marker) is kept as
/// text for the editors to clean. A paste longer than `limit` scalars keeps its first `limit`
/// and says so in `truncated`, so a runaway paste cannot exhaust memory.
public struct BracketedPaste: Sendable {
    /// What turns bracketed paste on and off in the terminal (xterm's mode 2004).
    public static let enable = "\u{1b}[?2004h"
    public static let disable = "\u{1b}[?2004l"
    /// What the terminal sends around pasted text.
    public static let startMarker = "\u{1b}[200~"
    public static let endMarker = "\u{1b}[201~"

    /// The most scalars one paste keeps (4 Mi: a long document, not a runaway stream).
    public let limit: Int
    /// True between `begin()` and the end marker.
    public private(set) var isCollecting = false
    /// True when the paste being collected (or the last one) was longer than `limit`.
    public private(set) var truncated = false
    private var text = String.UnicodeScalarView()
    private var count = 0
    /// How many scalars of the end marker the last ones fed matched (held back from `text`).
    private var matched = 0
    private static let end = Array(endMarker.unicodeScalars)

    public init(limit: Int = 4 * 1024 * 1024) {
        self.limit = max(0, limit)
    }

    /// The start marker arrived: collect from here.
    public mutating func begin() {
        isCollecting = true
        truncated = false
        text = String.UnicodeScalarView()
        count = 0
        matched = 0
    }

    /// Feeds one scalar read while collecting. Returns the pasted text (without the markers)
    /// when this scalar completes the end marker, nil otherwise.
    public mutating func feed(_ scalar: Unicode.Scalar) -> String? {
        guard isCollecting else { return nil }
        if scalar == Self.end[matched] {
            matched += 1
            if matched == Self.end.count { return finish() }
            return nil
        }
        // A partial end marker that did not continue is text; it may start a new match.
        if matched > 0 {
            let held = Self.end[0..<matched]
            matched = 0
            for s in held { append(s) }
            if scalar == Self.end[0] { matched = 1; return nil }
        }
        append(scalar)
        return nil
    }

    /// Feeds several scalars (one read); returns the paste if they complete it. Scalars after
    /// the end marker are returned too, as input to decode as keys.
    public mutating func feed(_ scalars: some Sequence<Unicode.Scalar>) -> (paste: String?, rest: [Unicode.Scalar]) {
        var paste: String?
        var rest: [Unicode.Scalar] = []
        for s in scalars {
            if paste != nil { rest.append(s); continue }
            paste = feed(s)
        }
        return (paste, rest)
    }

    /// The end marker arrived some other way (the backend matched it as a key), or the
    /// terminal went quiet mid-paste: what was collected, a partial end marker included.
    public mutating func finish() -> String {
        if matched > 0, matched < Self.end.count {
            for s in Self.end[0..<matched] { append(s) }
        }
        let result = String(text)
        isCollecting = false
        text = String.UnicodeScalarView()
        count = 0
        matched = 0
        return result
    }

    private mutating func append(_ s: Unicode.Scalar) {
        guard count < limit else { truncated = true; return }
        text.append(s)
        count += 1
    }
}
