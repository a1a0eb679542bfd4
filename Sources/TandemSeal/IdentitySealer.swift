import Crypto
import Foundation
import TandemCore

/// Opens and seals notes with one identity (or none): HPKE (RFC 9180) in auth mode,
/// X25519 / HKDF-SHA256 / ChaCha20-Poly1305, one box per reader, the session's id as the
/// authenticated data so a box cannot be moved to another session.
public struct IdentitySealer: NoteSealing {
    public let identity: Identity?
    /// Why there is no identity in hand ("no identity…", "the identity is protected…").
    public let missingReason: String?

    static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    static let info = Data("tandem sealed note v1".utf8)

    /// The identity's fingerprint, once (a box is found by it at every open).
    private let fingerprint: String?

    public init(identity: Identity) { self.identity = identity; self.missingReason = nil; self.fingerprint = identity.fingerprint }
    public init(missing reason: String) { self.identity = nil; self.missingReason = reason; self.fingerprint = nil }

    public var identityName: String? { identity?.name }
    public var cannotSealReason: String? {
        identity == nil ? "private notes are sealed to your identity, and \(missingReason ?? "there is none"); "
            + "or make the note shared" : nil
    }

    public func open(_ sealed: SealedNote, session: UUID) -> Result<SealedContent, SealProblem> {
        guard let identity else { return .failure(.noIdentity(missingReason ?? "no identity")) }
        guard sealed.scheme == SealedNote.currentScheme else { return .failure(.damaged("unknown scheme \(sealed.scheme)")) }
        guard let box = sealed.boxes.first(where: { $0.key == fingerprint }) else {
            return .failure(.notForYou(readers: sealed.readers))
        }
        guard let fromRaw = Data(base64Encoded: sealed.from),
              let author = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: fromRaw) else {
            return .failure(.damaged("the author's key is not an X25519 key"))
        }
        guard let enc = Data(base64Encoded: box.enc), let ciphertext = Data(base64Encoded: box.box) else {
            return .failure(.damaged("a box is not base64"))
        }
        do {
            var recipient = try HPKE.Recipient(privateKey: identity.privateKey, ciphersuite: Self.suite, info: Self.info,
                                               encapsulatedKey: enc, authenticatedBy: author)
            let plain = try recipient.open(ciphertext, authenticating: Data(session.uuidString.utf8))
            return .success(try JSONDecoder().decode(SealedContent.self, from: plain))
        } catch {
            return .failure(.damaged("it does not open with your key"))
        }
    }

    public func seal(_ content: SealedContent, session: UUID, tier: Visibility, leaders: [Leader]) throws -> SealedNote {
        guard let identity else { throw SealProblem.noIdentity(cannotSealReason ?? "no identity") }
        var readers: [Leader] = [identity.leader]
        if tier == .partners {
            for leader in leaders where !readers.contains(where: { $0.publicKey == leader.publicKey }) {
                readers.append(leader)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let plain = try encoder.encode(content)
        let aad = Data(session.uuidString.utf8)
        var boxes: [SealedBox] = []
        for reader in readers {
            guard let raw = Data(base64Encoded: reader.publicKey),
                  let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw) else {
                throw SealProblem.damaged("the public key of \(reader.name) in tandem.json is not an X25519 key")
            }
            var sender = try HPKE.Sender(recipientKey: key, ciphersuite: Self.suite, info: Self.info, authenticatedBy: identity.privateKey)
            let box = try sender.seal(plain, authenticating: aad)
            boxes.append(SealedBox(reader: reader.name, key: KeyFingerprint.of(raw),
                                   enc: sender.encapsulatedKey.base64EncodedString(), box: box.base64EncodedString()))
        }
        return SealedNote(author: identity.name, from: identity.publicKey, tier: tier, boxes: boxes, opened: content)
    }
}

extension IdentitySealer {
    /// The sealer for this environment: the identity at `IdentityStore.path`, opened with
    /// `passphrase` (asked for by the caller when `needsPassphrase`), or a sealer without one
    /// that says why. A damaged file or a wrong passphrase is thrown: the caller says so.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            passphrase: () -> String?) throws(IdentityError) -> IdentitySealer {
        let url = IdentityStore.path(environment: environment)
        let file: IdentityFile
        do { file = try IdentityStore.read(at: url) } catch {
            if case .missing = error { return IdentitySealer(missing: error.description) }
            throw error
        }
        if file.needsPassphrase {
            guard let given = environment["TANDEM_PASSPHRASE"] ?? passphrase() else {
                return IdentitySealer(missing: "the identity is locked (no passphrase given)")
            }
            return IdentitySealer(identity: try file.open(passphrase: given))
        }
        return IdentitySealer(identity: try file.open(passphrase: nil))
    }
}
