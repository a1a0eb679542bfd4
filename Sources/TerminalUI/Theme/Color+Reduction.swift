extension Color {
    /// The color a terminal of `n` colors can show: RGB becomes the nearest xterm-256 entry
    /// when `n` ≥ 256, the nearest of the 8 basic colors when `n` < 256; a palette entry the
    /// terminal lacks is mapped the same way; below 8 colors everything is the default.
    public func reduced(toColors n: Int) -> Color {
        switch self {
        case .default:
            return self
        case _ where n < 8:
            return .default
        case .rgb(let r, let g, let b):
            return n >= 256 ? .indexed(Color.nearest256(r: r, g: g, b: b)) : .indexed(Color.nearest8(r: r, g: g, b: b))
        case .indexed(let i):
            if Int(i) < n || n >= 256 { return self }
            if i < 16 { return .indexed(i % 8) }
            let (r, g, b) = Color.rgb(ofIndex: i)
            return .indexed(Color.nearest8(r: r, g: g, b: b))
        }
    }

    /// The xterm-256 palette entry closest to an RGB color: the 6×6×6 cube (16–231) or the
    /// gray ramp (232–255), whichever is nearer.
    public static func nearest256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            // Cube levels are 0, 95, 135, 175, 215, 255.
            let v = Int(v)
            return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grayStep = average > 238 ? 23 : Swift.max(0, (average - 3) / 10)
        let gray = 232 + grayStep
        let cubeDistance = distance(rgb(ofIndex: UInt8(cube)), (r, g, b))
        let grayDistance = distance(rgb(ofIndex: UInt8(gray)), (r, g, b))
        return UInt8(grayDistance < cubeDistance ? gray : cube)
    }

    /// The basic color (0 black … 7 white) an RGB color reads as. By hue, not by distance:
    /// a theme's soft pink must stay red on an 8-color terminal, where the nearest color by
    /// distance would be white for every pastel. Grays go to black or white by brightness.
    static func nearest8(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        let (rf, gf, bf) = (Double(r) / 255, Double(g) / 255, Double(b) / 255)
        let hi = Swift.max(rf, gf, bf), lo = Swift.min(rf, gf, bf)
        if hi < 0.2 { return 0 }
        let saturation = (hi - lo) / hi
        if saturation < 0.25 { return hi < 0.5 ? 0 : 7 }
        var hue: Double
        if hi == rf { hue = 60 * ((gf - bf) / (hi - lo)) }
        else if hi == gf { hue = 60 * ((bf - rf) / (hi - lo) + 2) }
        else { hue = 60 * ((rf - gf) / (hi - lo) + 4) }
        if hue < 0 { hue += 360 }
        switch hue {
        case 30..<90: return 3     // yellow
        case 90..<150: return 2    // green
        case 150..<200: return 6   // cyan
        case 200..<260: return 4   // blue
        case 260..<330: return 5   // magenta
        default: return 1          // red
        }
    }

    /// The RGB value xterm shows for a palette entry.
    static func rgb(ofIndex i: UInt8) -> (UInt8, UInt8, UInt8) {
        switch i {
        case 0..<8: return basic[Int(i)]
        case 8..<16: return bright[Int(i) - 8]
        case 16..<232:
            let n = Int(i) - 16
            func v(_ l: Int) -> UInt8 { l == 0 ? 0 : UInt8(55 + 40 * l) }
            return (v(n / 36), v(n / 6 % 6), v(n % 6))
        default:
            let v = UInt8(8 + 10 * (Int(i) - 232))
            return (v, v, v)
        }
    }

    /// A color from "#RRGGBB" (`nil` for any other form).
    init?(hex: String) {
        let digits = hex.utf8.dropFirst()
        guard hex.first == "#", digits.count == 6, let v = UInt32(String(hex.dropFirst()), radix: 16),
              digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) })
        else { return nil }
        self = .rgb(UInt8(v >> 16), UInt8(v >> 8 & 0xff), UInt8(v & 0xff))
    }

    private static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]
    private static let bright: [(UInt8, UInt8, UInt8)] = [
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }
}
