import Foundation

/// The notes, topics and action items of a private or partners session, sealed to its readers.
///
/// Each reader has a box: the same plaintext (`SealedContent` as compact JSON) sealed with HPKE
/// (X25519, HKDF-SHA256, ChaCha20-Poly1305, in auth mode with the author's key) to that reader's
/// public key, bound to the session's id. The values are base64 text, so a sealed note that was
/// not opened is written back byte for byte. The crypto itself lives outside the core (TandemSeal);
/// this is only the value and the rules of when it is kept, opened or sealed again (`Sealing`).
///
/// JSON keys: `scheme`, `author` (a name), `from` (the author's public key), `tier` (`private`
/// or `partners`), `boxes`. `opened` is never written: it is what this identity opened it to.
public struct SealedNote: Codable, Equatable, Sendable {
    public static let currentScheme = "hpke-x25519-sha256-chachapoly-auth/1"

    public var scheme: String
    public var author: String
    public var from: String
    public var tier: Visibility
    public var boxes: [SealedBox]
    /// What this identity opened it to; `nil` when not opened (not for this identity, no
    /// identity, damaged). Never written.
    public var opened: SealedContent?
    /// Why it was not opened, when it was tried.
    public var problem: SealProblem?

    private enum CodingKeys: String, CodingKey { case scheme, author, from, tier, boxes }

    public init(scheme: String = SealedNote.currentScheme, author: String, from: String, tier: Visibility,
                boxes: [SealedBox], opened: SealedContent? = nil) {
        self.scheme = scheme; self.author = author; self.from = from; self.tier = tier; self.boxes = boxes
        self.opened = opened
    }

    /// The written value only: two sealed notes are the same when their bytes would be.
    public static func == (a: SealedNote, b: SealedNote) -> Bool {
        a.scheme == b.scheme && a.author == b.author && a.from == b.from && a.tier == b.tier && a.boxes == b.boxes
    }

    /// The readers' names, in the order sealed.
    public var readers: [String] { boxes.map(\.reader) }

    /// What is shown for a note this identity cannot open: "sealed (for Ana)", or with the reason
    /// when the value is damaged.
    public var placeholder: String {
        let names = readers.isEmpty ? author : readers.joined(separator: ", ")
        return "sealed (for \(names))"
    }
}

/// One reader's box of a sealed note.
public struct SealedBox: Codable, Equatable, Sendable {
    /// The reader's name as `tandem.json` (or the author's identity) gives it.
    public var reader: String
    /// The short fingerprint of the reader's public key (`KeyFingerprint`), to find one's own box.
    public var key: String
    /// HPKE's encapsulated key, base64.
    public var enc: String
    /// The sealed `SealedContent`, base64.
    public var box: String
    public init(reader: String, key: String, enc: String, box: String) {
        self.reader = reader; self.key = key; self.enc = enc; self.box = box
    }
}

/// What a sealed note holds.
public struct SealedContent: Codable, Equatable, Sendable {
    public var notes: String
    public var topics: [String]
    public var actionItems: [ActionItem]
    public init(notes: String, topics: [String], actionItems: [ActionItem]) {
        self.notes = notes; self.topics = topics; self.actionItems = actionItems
    }
    public init(of session: Session) {
        self.init(notes: session.notes, topics: session.topics, actionItems: session.actionItems)
    }
}

/// Why a sealed note was not opened or could not be sealed.
public enum SealProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no identity (`tandem identity new`), or it is locked (no passphrase given).
    case noIdentity(String)
    /// The note has no box for this identity.
    case notForYou(readers: [String])
    /// The value does not open: changed by hand, cut short, or sealed by an unknown scheme.
    case damaged(String)
    /// A note that was not opened was changed: it cannot be sealed again without opening it.
    case changedWhileShut

    public var description: String {
        switch self {
        case .noIdentity(let why): why
        case .notForYou(let readers): "sealed for \(readers.joined(separator: ", ")), not for your identity"
        case .damaged(let why): "the sealed value is damaged (\(why)); it was left as it is"
        case .changedWhileShut: "a sealed note that this identity cannot open was changed; nothing was saved"
        }
    }
}

/// Opens and seals notes: the crypto, injected (TandemSeal's `IdentitySealer`), so the core
/// and the store stay free of it.
public protocol NoteSealing: Sendable {
    /// The identity's name, when there is one that can seal (unlocked).
    var identityName: String? { get }
    /// Why this identity cannot seal, when it cannot: "no identity: run `tandem identity new`".
    var cannotSealReason: String? { get }
    /// Opens a note sealed for `session`.
    func open(_ sealed: SealedNote, session: UUID) -> Result<SealedContent, SealProblem>
    /// Seals `content` of `session` for the tier: the author alone (`private`) or every leader
    /// (`partners`; the author is always one of the readers).
    func seal(_ content: SealedContent, session: UUID, tier: Visibility, leaders: [Leader]) throws -> SealedNote
}
