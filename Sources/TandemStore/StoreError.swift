/// A problem with the store, located in a file (relative to the data folder), line and column when known.
///
/// `description` reads like a compiler message:
/// `coaching/ana-lima-1a2b3c4d.json:14:9: expected ',' or '}' after a value`.
public struct StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for callers that react differently (a conflict asks the user; a parse error stops).
    public enum Kind: Sendable, Equatable {
        /// The file is not valid JSON.
        case parse
        /// Valid JSON of the wrong shape: a wrong type, a missing field, a broken reference, a format.
        case format
        /// The file changed (or vanished) on disk since it was loaded.
        case conflict
        /// The store is read-only: it is on a read-only file system, or a file is from a newer Tandem.
        case lock
        /// Another writer held the store's short save lock for longer than a writer waits.
        case busy
        /// The operating system refused a read or a write.
        case io
        /// There is no store, or no such record.
        case notFound
        /// `create` found a store already there.
        case exists
    }

    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var kind: Kind

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind; self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        guard let file else { return message }
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}
