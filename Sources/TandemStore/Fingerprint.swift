import Foundation

/// The size and FNV-1a 64 hash of a file's bytes: enough to notice an edit made outside Tandem.
struct Fingerprint: Equatable, Sendable {
    var size: Int
    var hash: UInt64

    /// Eight bytes a step (every open file is fingerprinted at every start): the load cache's
    /// checksum, whose every step is a bijection, so a change to any one word changes it.
    init(_ data: Data) {
        hash = data.withUnsafeBytes { raw in LoadIndex.checksum(raw.bindMemory(to: UInt8.self)) }
        size = data.count
    }
}
