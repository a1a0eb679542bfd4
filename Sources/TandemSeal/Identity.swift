import Crypto
import _CryptoExtras
import Foundation
import TandemCore

/// A leader's key pair: an X25519 private key and its name. Made by `tandem identity new`, kept in
/// `IdentityFile` (outside the data folder), used by `IdentitySealer`.
public struct Identity: Sendable {
    public var name: String
    /// The raw private key (a Crypto key is not `Sendable`; it is rebuilt where it is used).
    private let raw: Data
    var privateKey: Curve25519.KeyAgreement.PrivateKey {
        // Only ever made from a key's own raw representation: 32 bytes that always make a key.
        try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
    }

    /// A new key pair from the system's random source.
    public init(name: String) {
        self.init(name: name, privateKey: Curve25519.KeyAgreement.PrivateKey())
    }

    init(name: String, privateKey: Curve25519.KeyAgreement.PrivateKey) {
        self.name = name; self.raw = privateKey.rawRepresentation
    }

    /// The public key, base64: what `tandem.json` lists and `identity show` prints.
    public var publicKey: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }
    /// The short fingerprint of the public key (`KeyFingerprint`).
    public var fingerprint: String { KeyFingerprint.of(privateKey.publicKey.rawRepresentation) }
    /// The identity as a leader of the store.
    public var leader: Leader { Leader(name: name, publicKey: publicKey) }
}

/// The short fingerprint of a public key: the first 8 bytes of its SHA-256 in hex, in four groups
/// ("3f9a-12cd-88e0-41b2"), enough to tell two leaders' keys apart by eye.
public enum KeyFingerprint {
    public static func of<D: DataProtocol>(_ raw: D) -> String {
        let hex = SHA256.hash(data: raw).prefix(8).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: 16, by: 4).map { i in
            String(hex[hex.index(hex.startIndex, offsetBy: i)..<hex.index(hex.startIndex, offsetBy: i + 4)])
        }.joined(separator: "-")
    }

    /// The fingerprint of a base64 public key; `nil` when it is not 32 bytes of base64.
    public static func of(base64 key: String) -> String? {
        guard let raw = Data(base64Encoded: key), raw.count == 32 else { return nil }
        return of(raw)
    }
}
