import Foundation

/// Names one record: its kind and its id.
public struct RecordRef: Hashable, Sendable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: UUID

    public init(kind: RecordKind, id: UUID) { self.kind = kind; self.id = id }

    /// The first 8 hex digits of the id, lowercased: the end of the record's file name.
    public var shortID: String { String(id.uuidString.prefix(8)).lowercased() }

    public var description: String { "\(kind.rawValue)/\(shortID)" }

    // By the id's two words and the kind's case, not by the kind's raw value (a `String`): a
    // load files every record of the history under its ref.
    public static func == (a: RecordRef, b: RecordRef) -> Bool { a.id == b.id && a.kind.code == b.kind.code }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: id.uuid) { raw in
            hasher.combine(raw.loadUnaligned(as: UInt64.self))
            hasher.combine(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        hasher.combine(kind.code)
    }
}

extension RecordKind {
    /// The case as a small number, for comparing and hashing.
    var code: UInt8 {
        switch self {
        case .person: 0
        case .coaching: 1
        case .mentoring: 2
        case .assessment: 3
        }
    }
}
