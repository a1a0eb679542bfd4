import Crypto
import _CryptoExtras
import Foundation
import TandemCore

/// `$XDG_CONFIG_HOME/tandem/identity` (else `~/.config/tandem/identity`): one leader's key pair,
/// a JSON file (0600, in a 0700 folder) outside every data folder, so no sync or copy of a store
/// carries it.
///
/// ```json
/// { "format": 1, "name": "Ana", "publicKey": "…base64…",
///   "privateKey": "…base64…" }                                   // --no-passphrase
/// { "format": 1, "name": "Ana", "publicKey": "…",
///   "locked": { "kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": "…", "box": "…" } }
/// ```
/// With a passphrase, the private key is sealed with ChaCha20-Poly1305 under a key derived from
/// the passphrase by scrypt (memory-hard: N = 2^15, r = 8, p = 1 is 32 MiB per guess), the public
/// key authenticated beside it, so a wrong passphrase is told apart from a damaged file only as
/// "does not open".
public struct IdentityFile: Codable, Sendable {
    public var format: Int
    public var name: String
    public var publicKey: String
    public var privateKey: String?
    public var locked: Locked?

    public struct Locked: Codable, Sendable {
        public var kdf: String
        public var n: Int
        public var r: Int
        public var p: Int
        public var salt: String
        public var box: String
    }

    public static let scryptN = 1 << 15
    public static let scryptR = 8
    public static let scryptP = 1

    /// Whether opening needs a passphrase.
    public var needsPassphrase: Bool { privateKey == nil }

    /// The file of an identity, protected by `passphrase` unless it is `nil`.
    public init(_ identity: Identity, passphrase: String?) throws {
        format = 1
        name = identity.name
        publicKey = identity.publicKey
        let raw = identity.privateKey.rawRepresentation
        if let passphrase {
            var salt = Data(count: 16)
            for i in 0..<16 { salt[i] = UInt8.random(in: 0...255) }
            let key = try IdentityFile.derive(passphrase, salt: salt, n: IdentityFile.scryptN, r: IdentityFile.scryptR, p: IdentityFile.scryptP)
            let box = try ChaChaPoly.seal(raw, using: key, authenticating: Data(publicKey.utf8)).combined
            locked = Locked(kdf: "scrypt", n: IdentityFile.scryptN, r: IdentityFile.scryptR, p: IdentityFile.scryptP,
                            salt: salt.base64EncodedString(), box: box.base64EncodedString())
        } else {
            privateKey = raw.base64EncodedString()
        }
    }

    static func derive(_ passphrase: String, salt: Data, n: Int, r: Int, p: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: n, blockSize: r, parallelism: p)
    }

    /// The identity, opened with `passphrase` when the file is locked.
    public func open(passphrase: String?) throws(IdentityError) -> Identity {
        let raw: Data
        if let text = privateKey {
            guard let data = Data(base64Encoded: text) else { throw .damaged("privateKey is not base64") }
            raw = data
        } else if let locked {
            guard let passphrase else { throw .needsPassphrase }
            guard locked.kdf == "scrypt", (1...(1 << 22)).contains(locked.n), locked.n & (locked.n - 1) == 0,
                  (1...32).contains(locked.r), (1...16).contains(locked.p) else {
                throw .damaged("locked: unknown key derivation \(locked.kdf) n=\(locked.n) r=\(locked.r) p=\(locked.p)")
            }
            guard let salt = Data(base64Encoded: locked.salt), let boxData = Data(base64Encoded: locked.box) else {
                throw .damaged("locked: salt or box is not base64")
            }
            do {
                let key = try IdentityFile.derive(passphrase, salt: salt, n: locked.n, r: locked.r, p: locked.p)
                raw = try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: boxData), using: key, authenticating: Data(publicKey.utf8))
            } catch {
                throw .wrongPassphrase
            }
        } else {
            throw .damaged("neither privateKey nor locked")
        }
        guard let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
            throw .damaged("privateKey is not an X25519 key")
        }
        let identity = Identity(name: name, privateKey: key)
        guard identity.publicKey == publicKey else { throw .damaged("publicKey does not match privateKey") }
        return identity
    }
}

/// Why an identity cannot be used.
public enum IdentityError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case needsPassphrase
    case wrongPassphrase
    case damaged(String)
    case unreadable(path: String, why: String)

    public var description: String {
        switch self {
        case .missing(let path): "no identity (\(path) does not exist): run `tandem identity new`"
        case .needsPassphrase: "the identity is protected by a passphrase: give it at the terminal or in TANDEM_PASSPHRASE"
        case .wrongPassphrase: "the passphrase does not open the identity (wrong passphrase, or the file was changed)"
        case .damaged(let why): "the identity file is damaged: \(why)"
        case .unreadable(let path, let why): "cannot read the identity \(path): \(why)"
        }
    }
}

/// Where identities live and how they are read and written.
public enum IdentityStore {
    /// `$XDG_CONFIG_HOME/tandem/identity`, else `~/.config/tandem/identity`.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        }
        return base.appendingPathComponent("tandem").appendingPathComponent("identity")
    }

    public static func read(at url: URL) throws(IdentityError) -> IdentityFile {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missing(path: url.path) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, why: "\(error.localizedDescription)") }
        do { return try JSONDecoder().decode(IdentityFile.self, from: data) } catch {
            throw .damaged("\(url.path) is not an identity file")
        }
    }

    /// Writes the file (0600) in its folder (0700), atomically; refuses to replace one.
    public static func write(_ file: IdentityFile, at url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        try fm.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(dir.path, 0o700)
        guard !fm.fileExists(atPath: url.path) else {
            throw IdentityError.unreadable(path: url.path, why: "an identity is already there; it was left as it is")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(file)
        data.append(0x0A)
        let tmp = dir.appendingPathComponent(".identity-\(UUID().uuidString).tmp")
        guard fm.createFile(atPath: tmp.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw IdentityError.unreadable(path: tmp.path, why: "cannot be created")
        }
        do {
            let handle = try FileHandle(forWritingTo: tmp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard link(tmp.path, url.path) == 0 else {
                throw IdentityError.unreadable(path: url.path, why: String(cString: strerror(errno)))
            }
            unlink(tmp.path)
        } catch {
            unlink(tmp.path)
            throw error
        }
    }
}
