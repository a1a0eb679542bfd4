import Synchronization

/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the
/// grapheme, the second is a `continuation` that backends skip.
///
/// The grapheme is held as its UTF-8 bytes inside the cell (up to 15 of them; a longer cluster,
/// a long emoji sequence, is written once in `LongGraphemes` and the cell holds its number), so a
/// cell is plain data: a frame of thousands of them is made, copied, compared and freed without
/// a reference count touched per cell.
public struct Cell: Hashable, Sendable {
    /// Bytes 0–7 of the grapheme's UTF-8 (or, for a long one, its number in `LongGraphemes`).
    private var low: UInt64
    /// Bytes 8–14 of the UTF-8, and in the top byte its length (`Cell.long` for a long one).
    private var high: UInt64
    public var style: Style
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool

    /// The top byte of `high` for a grapheme kept in `LongGraphemes`.
    private static let long: UInt64 = 0xff

    public init(_ grapheme: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        (low, high) = Self.encode(grapheme)
        self.style = style; self.isContinuation = isContinuation
    }

    /// A cell of one scalar (what `PlainScalars` draws), without a `String` made for it.
    @inline(__always)
    init(scalar v: UInt32, style: Style) {
        if v < 0x80 {
            low = UInt64(v); high = 1 << 56
        } else if v < 0x800 {
            low = UInt64(0xc0 | v >> 6) | UInt64(0x80 | v & 0x3f) << 8; high = 2 << 56
        } else if v < 0x10000 {
            low = UInt64(0xe0 | v >> 12) | UInt64(0x80 | (v >> 6) & 0x3f) << 8 | UInt64(0x80 | v & 0x3f) << 16; high = 3 << 56
        } else {
            low = UInt64(0xf0 | v >> 18) | UInt64(0x80 | (v >> 12) & 0x3f) << 8 | UInt64(0x80 | (v >> 6) & 0x3f) << 16
                | UInt64(0x80 | v & 0x3f) << 24
            high = 4 << 56
        }
        self.style = style; isContinuation = false
    }

    /// The grapheme cluster drawn in this cell ("" in a continuation).
    public var grapheme: String {
        get {
            let count = Int(high >> 56)
            if high >> 56 == Self.long { return LongGraphemes.string(Int(low)) }
            return withUnsafeBytes(of: (low, high)) { String(decoding: $0.prefix(count), as: UTF8.self) }
        }
        set { (low, high) = Self.encode(newValue) }
    }

    private static func encode(_ grapheme: String) -> (UInt64, UInt64) {
        var g = grapheme
        return g.withUTF8 { bytes in
            guard bytes.count <= 15 else { return (UInt64(LongGraphemes.number(of: grapheme)), long << 56) }
            var pair: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &pair) { raw in
                for (i, b) in bytes.enumerated() { raw[i] = b }
            }
            return (pair.0, pair.1 | UInt64(bytes.count) << 56)
        }
    }

    public static let blank = Cell()

    /// `a == b`, cheapest test first (the style, then the text).
    @inline(__always)
    static func same(_ a: Cell, _ b: Cell) -> Bool { a == b }
}

/// Grapheme clusters of more than 15 bytes of UTF-8 (long emoji sequences, a letter under many
/// marks), each written once and known by its number from then on: what lets a `Cell` stay plain
/// data. Equal clusters get the same number, so cells compare as their graphemes do. Only ever
/// added to; what a screen can show of such clusters is little.
enum LongGraphemes {
    private struct Table {
        var strings: [String] = []
        var numbers: [String: Int] = [:]
    }
    private static let table = Mutex(Table())

    static func number(of grapheme: String) -> Int {
        table.withLock { t in
            if let n = t.numbers[grapheme] { return n }
            t.strings.append(grapheme)
            t.numbers[grapheme] = t.strings.count - 1
            return t.strings.count - 1
        }
    }

    static func string(_ number: Int) -> String {
        table.withLock { $0.strings[number] }
    }
}
