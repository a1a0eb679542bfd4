/// Turns a file of format `from` into format `from + 1`.
///
/// The store applies migrations in a chain on load, on the file's JSON object (record fields and
/// `"format"`); the file on disk is rewritten in the current format only when the record is next saved.
public struct Migration: Sendable {
    public var from: Int
    public var migrate: @Sendable ([String: Any]) throws -> [String: Any]

    public init(from: Int, migrate: @escaping @Sendable ([String: Any]) throws -> [String: Any]) {
        self.from = from; self.migrate = migrate
    }

    /// The migrations of this build: none yet, format 1 is the first.
    public static let all: [Migration] = []
}
