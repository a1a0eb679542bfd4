import Foundation

/// The size and FNV-1a 64 hash of a file's bytes: enough to notice an edit made outside Tandem.
struct Fingerprint: Equatable, Sendable {
    var size: Int
    var hash: UInt64

    init(_ data: Data) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        size = data.count
        hash = h
    }
}
