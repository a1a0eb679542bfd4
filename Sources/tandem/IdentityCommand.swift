import ArgumentParser
import Foundation
import TandemCore
import TandemSeal
import TandemStore

/// `tandem identity`: the leader's key pair that private notes are sealed to.
struct IdentityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Your identity: the key pair your private notes are sealed to.",
        discussion: """
        Private notes (and a private session's topics and action items) are stored sealed to \
        your public key (HPKE: X25519, HKDF-SHA256, ChaCha20-Poly1305), so a synced folder, a \
        backup or a git remote never holds them in plain text. The key pair lives in \
        $XDG_CONFIG_HOME/tandem/identity (else ~/.config/tandem/identity), outside every data \
        folder, protected by a passphrase (scrypt) unless --no-passphrase. Partners-tier notes \
        are sealed to every leader listed in the store's tandem.json (add-to-store).
        """,
        subcommands: [New.self, Show.self, AddToStore.self, SealExisting.self]
    )

    static func path() -> URL { IdentityStore.path() }

    /// The identity, opened (asking for the passphrase when it is locked).
    static func current() throws -> Identity {
        let sealer = CLISealer.shared.sealer()
        guard let identity = sealer.identity else {
            throw CLIFailure.input(sealer.missingReason ?? "no identity: run `tandem identity new`")
        }
        return identity
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new key pair (asks for a passphrase, or reads TANDEM_PASSPHRASE).")
        @Option(help: ArgumentHelp("Your name as the other leaders know you.", valueName: "name")) var name: String?
        @Flag(help: "Keep the private key without a passphrase (the file is still 0600).") var noPassphrase = false

        func run() throws {
            let url = IdentityCommand.path()
            if FileManager.default.fileExists(atPath: url.path) {
                throw CLIFailure.input("\(url.path) already holds an identity; it was left as it is (remove it yourself to make a new one, and keep a copy: notes sealed to it open only with it)")
            }
            let env = ProcessInfo.processInfo.environment
            let given = (name ?? env["USER"] ?? "me").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !given.isEmpty, given.count <= 80, !given.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
                throw CLIFailure.input("--name: a name of 1–80 characters without control characters")
            }
            var passphrase: String?
            if !noPassphrase {
                if let p = env["TANDEM_PASSPHRASE"] {
                    passphrase = p
                } else {
                    guard let first = Passphrase.ask("New passphrase: ") else {
                        throw CLIFailure.input("no terminal to ask a passphrase at: set TANDEM_PASSPHRASE, or use --no-passphrase")
                    }
                    guard Passphrase.ask("The same again: ") == first else {
                        throw CLIFailure.input("the two passphrases differ; nothing was made")
                    }
                    passphrase = first
                }
                guard let p = passphrase, !p.isEmpty else {
                    throw CLIFailure.input("an empty passphrase protects nothing: type one, or use --no-passphrase")
                }
            }
            let identity = Identity(name: given)
            do {
                try IdentityStore.write(try IdentityFile(identity, passphrase: passphrase), at: url)
            } catch {
                throw CLIFailure.store("cannot write \(url.path): \(error)")
            }
            emit("""
                Made an identity for \(identity.name) in \(url.path)\(passphrase == nil ? " (no passphrase)" : "")
                public key  \(identity.publicKey)
                fingerprint \(identity.fingerprint)
                Keep a copy of that file somewhere safe: notes sealed to it open only with it.
                `tandem identity add-to-store` lists you in a store for partners-tier notes.
                """)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print your public key and its short fingerprint.")
        @Flag(help: "As JSON.") var json = false

        func run() throws {
            let url = IdentityCommand.path()
            let file: IdentityFile
            do { file = try IdentityStore.read(at: url) } catch { throw CLIFailure.input(error.description) }
            guard let print = KeyFingerprint.of(base64: file.publicKey) else {
                throw CLIFailure.input("the identity file is damaged: publicKey is not an X25519 key")
            }
            if json {
                let fields = ["name": file.name, "publicKey": file.publicKey, "fingerprint": print,
                              "passphrase": file.needsPassphrase ? "yes" : "no", "file": url.path]
                let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
                emitJSON(String(decoding: data, as: UTF8.self))
            } else {
                emit("""
                    name        \(Output.terminalSafe(file.name))
                    public key  \(file.publicKey)
                    fingerprint \(print)
                    passphrase  \(file.needsPassphrase ? "yes" : "no")
                    file        \(url.path)
                    """)
            }
        }
    }

    struct AddToStore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-to-store",
            abstract: "List your public key in the store's tandem.json, for partners-tier notes.")
        @OptionGroup var data: DataDirOptions

        func run() throws {
            let url = IdentityCommand.path()
            let file: IdentityFile
            do { file = try IdentityStore.read(at: url) } catch { throw CLIFailure.input(error.description) }
            guard KeyFingerprint.of(base64: file.publicKey) != nil else {
                throw CLIFailure.input("the identity file is damaged: publicKey is not an X25519 key")
            }
            let store = try Store.openForCLI(data.resolved(), forEditing: true)
            if let reason = store.readOnlyReason { throw CLIFailure.store("the store is read-only: \(reason)") }
            var agency: Agency
            do { agency = try store.load(scope: .open).snapshot.agency } catch { throw CLIFailure.store(error) }
            var leaders = agency.leaders ?? []
            if leaders.contains(where: { $0.publicKey == file.publicKey && $0.name == file.name }) {
                emit("\(file.name) is already listed in \(store.root.path)/tandem.json")
                return
            }
            if let other = leaders.first(where: { $0.name == file.name && $0.publicKey != file.publicKey }) {
                throw CLIFailure.input("tandem.json already lists \(other.name) with another key (\(KeyFingerprint.of(base64: other.publicKey) ?? "?")); nothing was changed")
            }
            leaders.removeAll { $0.publicKey == file.publicKey }
            leaders.append(Leader(name: file.name, publicKey: file.publicKey))
            agency.leaders = leaders
            do { try store.saveAgency(agency) } catch { throw CLIFailure.store(error) }
            emit("Listed \(file.name) (\(KeyFingerprint.of(base64: file.publicKey) ?? "")) in \(store.root.path)/tandem.json; \(leaders.count) leader\(leaders.count == 1 ? "" : "s") now read partners-tier notes written from here on")
        }
    }

    struct SealExisting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal-existing",
            abstract: "Seal the private notes still in plain text (--dry-run counts them).")
        @OptionGroup var data: DataDirOptions
        @Flag(help: "Count them; change nothing.") var dryRun = false

        func run() throws {
            let store = try Store.openForCLI(data.resolved(), forEditing: !dryRun)
            if !dryRun {
                if let reason = store.readOnlyReason { throw CLIFailure.store("the store is read-only: \(reason)") }
                _ = try IdentityCommand.current()
            }
            if !dryRun { store.sealer = CLISealer.shared }
            let found: [(file: String, sessions: Int)]
            do { found = try store.sealPlainPrivateNotes(dryRun: dryRun) } catch { throw CLIFailure.store(error) }
            let notes = found.reduce(0) { $0 + $1.sessions }
            let what = "\(notes) private note\(notes == 1 ? "" : "s") in plain text in \(found.count) file\(found.count == 1 ? "" : "s")"
            var lines: [String] = []
            if dryRun {
                lines.append("\(what) would be sealed (nothing was changed)")
                for f in found { lines.append("  \(f.file): \(f.sessions)") }
            } else {
                lines.append(notes == 0 ? "No private notes in plain text: nothing to seal" : "Sealed \(what)")
            }
            if notes > 0 {
                lines.append("""
                    Git history (and any backup or copy made before) still holds the old text. To rewrite \
                    it, after `tandem sync`: git -C \(store.root.path) filter-repo --replace-text FILE (or \
                    BFG Repo-Cleaner), then force-push and have every clone made again.
                    """)
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
