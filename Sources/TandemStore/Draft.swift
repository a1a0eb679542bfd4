import Foundation
import TandemCore

/// An unsaved form kept in `drafts/<name>.json` until it is saved or thrown away.
public struct Draft: Equatable, Sendable {
    public var name: String
    /// The record the form edits; `nil` for a new record.
    public var ref: RecordRef?
    /// The bytes given to `saveDraft` (UTF-8 text, usually JSON).
    public var data: Data

    public init(name: String, ref: RecordRef?, data: Data) { self.name = name; self.ref = ref; self.data = data }
}

/// What a draft file holds: the form's text and the record it belongs to.
///
/// With an identity in hand the text is sealed to it (`sealed`, `text` empty): a draft may hold a
/// private note being typed, and a draft is on disk as long as a record is.
struct DraftFile: Codable {
    var id: UUID?
    var kind: String?
    var text: String
    var sealed: SealedNote?
    /// The id the sealed text is bound to.
    var sealedID: UUID?
}
