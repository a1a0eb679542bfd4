import Foundation

extension Color {
    /// Relative luminance (WCAG 2), 0 for black to 1 for white; nil for `.default`, whose
    /// color only the terminal knows.
    public var luminance: Double? {
        let rgb: (UInt8, UInt8, UInt8)
        switch self {
        case .default: return nil
        case .rgb(let r, let g, let b): rgb = (r, g, b)
        case .indexed(let i): rgb = Color.rgb(ofIndex: i)
        }
        func channel(_ v: UInt8) -> Double {
            let c = Double(v) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
    }

    /// The WCAG contrast ratio of two colors, 1 (none) to 21 (black on white); nil when
    /// either is the terminal's default.
    public func contrast(with other: Color) -> Double? {
        guard let a = luminance, let b = other.luminance else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
