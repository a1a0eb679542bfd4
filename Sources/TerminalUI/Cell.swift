import Synchronization

/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the
/// grapheme, the second is a `continuation` that backends skip.
///
/// A cell is plain data, so a frame of thousands of them is made, copied, compared (the diff)
/// and freed without a reference count touched per cell: the grapheme is held as its UTF-8
/// bytes (up to 15 of them; a longer cluster, a long emoji sequence, is written once in
/// `LongGraphemes` and the cell holds its number), and the style packed in one word.
public struct Cell: Hashable, Sendable {
    /// Bytes 0–7 of the grapheme's UTF-8 (or, for a long one, its number in `LongGraphemes`).
    private var low: UInt64
    /// Bytes 8–14 of the UTF-8, and in the top byte its length (`Cell.long` for a long one).
    private var high: UInt64
    /// The style, packed (`Cell.pack`).
    var look: UInt64
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool

    /// The top byte of `high` for a grapheme kept in `LongGraphemes`.
    private static let long: UInt64 = 0xff

    public init(_ grapheme: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        (low, high) = Self.encode(grapheme)
        look = Self.pack(style); self.isContinuation = isContinuation
    }

    /// A cell of one scalar (what `PlainScalars` draws) in a packed style, without a `String`.
    @inline(__always)
    init(scalar v: UInt32, look: UInt64) {
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
        self.look = look; isContinuation = false
    }

    /// The right half of a wide grapheme, in a packed style.
    @inline(__always)
    init(continuationIn look: UInt64) {
        low = 0; high = 0; self.look = look; isContinuation = true
    }

    public var style: Style {
        get { Self.unpack(look) }
        set { look = Self.pack(newValue) }
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

    /// A style in one word: the foreground in bits 0–25, the background in 26–51 (each a kind
    /// in two bits and 24 bits of palette index or RGB), the attributes in 52–59.
    @inline(__always)
    static func pack(_ s: Style) -> UInt64 {
        pack(s.fg) | pack(s.bg) << 26 | UInt64(s.attrs.rawValue) << 52
    }

    @inline(__always)
    private static func pack(_ c: Color) -> UInt64 {
        switch c {
        case .default: 0
        case .indexed(let i): 1 << 24 | UInt64(i)
        case .rgb(let r, let g, let b): 2 << 24 | UInt64(r) << 16 | UInt64(g) << 8 | UInt64(b)
        }
    }

    static func unpack(_ look: UInt64) -> Style {
        Style(fg: unpackColor(look & 0x3ff_ffff), bg: unpackColor(look >> 26 & 0x3ff_ffff),
              attrs: Attributes(rawValue: UInt8(truncatingIfNeeded: look >> 52)))
    }

    private static func unpackColor(_ v: UInt64) -> Color {
        switch v >> 24 {
        case 0: .default
        case 1: .indexed(UInt8(truncatingIfNeeded: v))
        default: .rgb(UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v))
        }
    }

    public static let blank = Cell()
}

/// Grapheme clusters of more than 15 bytes of UTF-8 (long emoji sequences, a letter under many
/// marks), each written once and known by its number from then on: what lets a `Cell` stay plain
/// data. Equal clusters get the same number, so cells compare as their graphemes do. Only ever
/// added to; what a screen can show of such clusters is little.
enum LongGraphemes {
    private struct Table {
        var strings: [String] = []
        /// By the UTF-8 bytes, not by `String`'s canonical equality: what is drawn is what was given.
        var numbers: [[UInt8]: Int] = [:]
    }
    private static let table = Mutex(Table())

    static func number(of grapheme: String) -> Int {
        let bytes = Array(grapheme.utf8)
        return table.withLock { t in
            if let n = t.numbers[bytes] { return n }
            t.strings.append(grapheme)
            t.numbers[bytes] = t.strings.count - 1
            return t.strings.count - 1
        }
    }

    static func string(_ number: Int) -> String {
        table.withLock { $0.strings[number] }
    }
}
