import Foundation

/// Names one record: its kind and its id.
public struct RecordRef: Hashable, Sendable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: UUID

    public init(kind: RecordKind, id: UUID) { self.kind = kind; self.id = id }

    /// The first 8 hex digits of the id, lowercased: the end of the record's file name.
    public var shortID: String { String(id.uuidString.prefix(8)).lowercased() }

    public var description: String { "\(kind.rawValue)/\(shortID)" }
}
