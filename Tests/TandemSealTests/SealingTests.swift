import Foundation
import Testing
import TandemCore
import TandemSeal
import TandemStore

@Suite struct SealerTests {
    let ana = IdentitySealer(identity: Identity(name: "Ana"))
    let ben = IdentitySealer(identity: Identity(name: "Ben"))
    let content = SealedContent(notes: SealSample.secret, topics: ["t"], actionItems: [])

    @Test func aPrivateNoteOpensForItsAuthorOnly() throws {
        let note = try ana.seal(content, session: sid(1), tier: .private, leaders: [ben.identity!.leader])
        #expect(note.readers == ["Ana"])
        #expect(try ana.open(note, session: sid(1)).get() == content)
        #expect(ben.open(note, session: sid(1)) == .failure(.notForYou(readers: ["Ana"])))
        #expect(note.placeholder == "sealed (for Ana)")
    }

    @Test func aPartnersNoteOpensForEveryLeaderListed() throws {
        let note = try ana.seal(content, session: sid(1), tier: .partners, leaders: [ben.identity!.leader, ana.identity!.leader])
        #expect(note.readers == ["Ana", "Ben"])
        #expect(try ben.open(note, session: sid(1)).get() == content)
        #expect(try ana.open(note, session: sid(1)).get() == content)
    }

    @Test func aBoxMovedToAnotherSessionOrChangedDoesNotOpen() throws {
        var note = try ana.seal(content, session: sid(1), tier: .private, leaders: [])
        guard case .failure(.damaged) = ana.open(note, session: sid(2)) else { Issue.record("opened under another session id"); return }
        var raw = Data(base64Encoded: note.boxes[0].box)!
        raw[3] ^= 0x01
        note.boxes[0].box = raw.base64EncodedString()
        guard case .failure(.damaged) = ana.open(note, session: sid(1)) else { Issue.record("a changed box opened"); return }
        note.boxes[0].box = "not base64!"
        guard case .failure(.damaged) = ana.open(note, session: sid(1)) else { Issue.record("garbage opened"); return }
    }

    @Test func aNoteClaimingAnotherAuthorDoesNotOpen() throws {
        var note = try ana.seal(content, session: sid(1), tier: .partners, leaders: [ben.identity!.leader])
        note.from = ben.identity!.publicKey
        guard case .failure(.damaged) = ben.open(note, session: sid(1)) else { Issue.record("auth mode did not check the author"); return }
    }

    @Test func noIdentityCannotSealAndSaysWhy() {
        let none = IdentitySealer(missing: "no identity (x does not exist): run `tandem identity new`")
        #expect(none.cannotSealReason?.contains("tandem identity new") == true)
        #expect(throws: SealProblem.self) { _ = try none.seal(content, session: sid(1), tier: .private, leaders: []) }
    }
}

@Suite struct IdentityFileTests {
    @Test func aPassphraseProtectsThePrivateKey() throws {
        let me = Identity(name: "Ana")
        let file = try IdentityFile(me, passphrase: "correct horse")
        #expect(file.privateKey == nil)
        #expect(file.locked?.kdf == "scrypt")
        #expect(file.locked?.n == 1 << 15)
        #expect(try file.open(passphrase: "correct horse").publicKey == me.publicKey)
        #expect(throws: IdentityError.wrongPassphrase) { _ = try file.open(passphrase: "wrong") }
        #expect(throws: IdentityError.needsPassphrase) { _ = try file.open(passphrase: nil) }
    }

    @Test func theFileIs0600InA0700FolderAndIsNeverReplaced() throws {
        let temp = SealTemp()
        let url = temp.url.appendingPathComponent("cfg/tandem/identity")
        try IdentityStore.write(try IdentityFile(Identity(name: "Ana"), passphrase: nil), at: url)
        var st = stat()
        stat(url.path, &st); #expect(st.st_mode & 0o777 == 0o600)
        stat(url.deletingLastPathComponent().path, &st); #expect(st.st_mode & 0o777 == 0o700)
        let before = try Data(contentsOf: url)
        #expect(throws: IdentityError.self) { try IdentityStore.write(try IdentityFile(Identity(name: "Ben"), passphrase: nil), at: url) }
        #expect(try Data(contentsOf: url) == before)
        #expect(try IdentityStore.read(at: url).open(passphrase: nil).name == "Ana")
    }

    @Test func thePathFollowsXDGConfigHome() {
        #expect(IdentityStore.path(environment: ["XDG_CONFIG_HOME": "/x/cfg"]).path == "/x/cfg/tandem/identity")
    }
}
