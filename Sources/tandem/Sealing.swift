import Foundation
import TandemCore
import TandemSeal
import TandemStore

/// The identity of this process, found and unlocked only when a note is first opened or sealed
/// (so `tandem status` in a prompt never asks for a passphrase), or up front for the dashboard
/// (`resolveNow`), before the terminal is taken over.
///
/// A locked identity takes `TANDEM_PASSPHRASE`, else asks at the terminal without echo (three
/// tries); with neither, or a damaged identity file, it works as no identity: what is sealed
/// shows as "sealed (for …)" and a private note is not written. The reason is said on stderr once.
final class CLISealer: NoteSealing, @unchecked Sendable {
    static let shared = CLISealer()

    private let lock = NSLock()
    private var resolved: IdentitySealer?
    private var quiet = false

    /// Resolves the identity now (asking for a passphrase if it is locked).
    func resolveNow() { _ = sealer() }

    /// The current identity's sealer, resolved on first use.
    func sealer() -> IdentitySealer {
        lock.lock()
        defer { lock.unlock() }
        if let resolved { return resolved }
        let env = ProcessInfo.processInfo.environment
        var tries = 0
        var result: IdentitySealer
        while true {
            do {
                result = try IdentitySealer.load(environment: env) {
                    tries += 1
                    return Passphrase.ask("Passphrase for your Tandem identity: ")
                }
                break
            } catch .wrongPassphrase where tries > 0 && tries < 3 {
                FileHandle.standardError.write(Data("tandem: that passphrase does not open your identity; try again\n".utf8))
                continue
            } catch {
                result = IdentitySealer(missing: error.description)
                FileHandle.standardError.write(Data("tandem: \(error.description); private notes stay sealed and none can be written\n".utf8))
                break
            }
        }
        resolved = result
        return result
    }

    var identityName: String? { sealer().identityName }
    var cannotSealReason: String? { sealer().cannotSealReason }
    func open(_ sealed: SealedNote, session: UUID) -> Result<SealedContent, SealProblem> { sealer().open(sealed, session: session) }
    func seal(_ content: SealedContent, session: UUID, tier: Visibility, leaders: [Leader]) throws -> SealedNote {
        try sealer().seal(content, session: session, tier: tier, leaders: leaders)
    }
}

/// A passphrase typed at the terminal, not echoed.
enum Passphrase {
    /// Reads a line from /dev/tty with echo off; `nil` when there is no terminal.
    static func ask(_ prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard isatty(fd) == 1 else { return nil }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var old = termios()
        tcgetattr(fd, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(fd, TCSAFLUSH, &old)
            _ = "\n".withCString { write(fd, $0, 1) }
        }
        var bytes: [UInt8] = []
        var c: UInt8 = 0
        while read(fd, &c, 1) == 1, c != 0x0A, c != 0x0D { bytes.append(c) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Store {
    /// Says on stderr which sealed notes did not open because they are damaged (file and session).
    func reportSealNotices() {
        for notice in sealNotices {
            FileHandle.standardError.write(Data("tandem: \(notice)\n".utf8))
        }
    }

    /// Opens the store with the process's identity attached: what it can open is opened, and
    /// private notes written are sealed (or refused without an identity).
    static func openSealing(_ dir: URL, forEditing: Bool) throws -> Store {
        let store = try openForCLI(dir, forEditing: forEditing)
        store.sealer = CLISealer.shared
        return store
    }
}
