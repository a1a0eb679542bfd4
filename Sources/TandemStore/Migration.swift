/// Turns a file of format `from` into format `from + 1`.
///
/// The store applies migrations in a chain on load, on the file's JSON object (record fields and
/// `"format"`); the file on disk is rewritten in the current format only when the record is next saved.
public struct Migration: Sendable {
    public var from: Int
    /// Whether it changes the JSON; a step that does not (1 → 2) lets an older file decode as it is.
    public var reshapes: Bool
    public var migrate: @Sendable ([String: Any]) throws -> [String: Any]

    public init(from: Int, reshapes: Bool = true, migrate: @escaping @Sendable ([String: Any]) throws -> [String: Any]) {
        self.from = from; self.reshapes = reshapes; self.migrate = migrate
    }

    /// The migrations of this build. Format 2 adds sealed notes (`Session.sealed`, the
    /// `partners` visibility, `leaders` in `tandem.json`), all optional: a format 1 file is a
    /// format 2 file as it is, and stays format 1 until a sealed note is written into it.
    public static let all: [Migration] = [Migration(from: 1, reshapes: false) { $0 }]
}
