import Foundation

/// SplitMix64: a small, fast generator whose sequence depends on the seed alone, so the demo
/// agency is the same on every platform and Swift version (the standard library's
/// `random(in:using:)` and `shuffle(using:)` promise no stable algorithm).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (the modulo bias is far below what a demo could show).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A number in `range`.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// The index of a weight, chosen in proportion to the weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var r = unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(0...i))
        }
    }

    /// Up to `count` distinct items, in random order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var copy = items
        shuffle(&copy)
        return Array(copy.prefix(count))
    }

    /// A random (version 4, RFC 4122 variant) UUID built from the generator's bytes.
    mutating func uuid() -> UUID {
        let a = next(), b = next()
        func byte(_ v: UInt64, _ i: Int) -> UInt8 { UInt8(truncatingIfNeeded: v >> (8 * i)) }
        return UUID(uuid: (byte(a, 0), byte(a, 1), byte(a, 2), byte(a, 3), byte(a, 4), byte(a, 5),
                           byte(a, 6) & 0x0F | 0x40, byte(a, 7),
                           byte(b, 0) & 0x3F | 0x80, byte(b, 1), byte(b, 2), byte(b, 3),
                           byte(b, 4), byte(b, 5), byte(b, 6), byte(b, 7)))
    }
}
