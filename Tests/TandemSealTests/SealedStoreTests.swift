import Foundation
import Testing
import TandemCore
import TandemSeal
import TandemStore

@Suite struct SealedStoreTests {
    let ana = IdentitySealer(identity: Identity(name: "Ana"))
    let ben = IdentitySealer(identity: Identity(name: "Ben"))
    let none = IdentitySealer(missing: "no identity: run `tandem identity new`")

    @Test func noPrivateTextIsInAnyFileAndItOpensAgain() throws {
        let temp = SealTemp()
        let store = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        try store.saveDraft(Data("{\"notes\":\"\(SealSample.secret)\"}".utf8), for: nil, name: "log-x")
        for secret in [SealSample.secret, SealSample.secretTopic, SealSample.secretAction] {
            #expect(temp.filesHolding(secret) == [], "\(secret)")
        }
        let text = temp.text(SealSample.file)
        #expect(text.contains("\"format\" : 2"))
        #expect(text.contains("\"scheme\" : \"hpke-x25519-sha256-chachapoly-auth/1\""))
        let (again, e) = try reload(temp, sealer: ana)
        #expect(e.sessions[0].notes == SealSample.secret)
        #expect(e.sessions[0].topics == [SealSample.secretTopic])
        #expect(e.sessions[0].actionItems.map(\.text) == [SealSample.secretAction])
        #expect(again.loadDrafts().map { String(decoding: $0.data, as: UTF8.self) } == ["{\"notes\":\"\(SealSample.secret)\"}"])
    }

    @Test func aSharedNoteStaysPlainAndFormat1() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session(visibility: .shared)])
        #expect(temp.filesHolding(SealSample.secret) == [SealSample.file])
        #expect(temp.text(SealSample.file).contains("\"format\" : 1"))
    }

    @Test func withoutAnIdentityAPrivateNoteIsRefusedAndNothingIsWritten() throws {
        let temp = SealTemp()
        let store = try SealSample.store(at: temp, sealer: none, sessions: [SealSample.session(visibility: .shared)])
        let before = temp.allFiles()
        var e = SealSample.engagement([SealSample.session(visibility: .shared), SealSample.session(0x61)])
        e.focus = "Changed"
        let error = #expect(throws: StoreError.self) { _ = try store.save(.coaching(e)) }
        #expect(error?.file == SealSample.file)
        #expect(error?.message.contains("not saved: the private session of 2026-03-02") == true)
        #expect(error?.message.contains("tandem identity new") == true)
        #expect(temp.allFiles() == before)
    }

    @Test func anotherIdentitySeesSealedForTheAuthorAndWritesItBackByteForByte() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        let sealedBefore = try #require(sealedBytes(temp.text(SealSample.file)))
        for other in [ben, none] as [NoteSealing] {
            let (store, e) = try reload(temp, sealer: other)
            #expect(e.sessions[0].notes == "sealed (for Ana)")
            #expect(e.sessions[0].topics == [] && e.sessions[0].actionItems == [])
            #expect(store.sealNotices == [])
            var changed = e
            changed.focus = "Changed by \(other.identityName ?? "nobody")"
            _ = try store.save(.coaching(changed))
            #expect(sealedBytes(temp.text(SealSample.file)) == sealedBefore)
            #expect(temp.filesHolding("sealed (for") == [])
        }
        let (_, e) = try reload(temp, sealer: ana)
        #expect(e.sessions[0].notes == SealSample.secret)
        #expect(e.focus == "Changed by nobody")
    }

    @Test func aNoteThatIsNotOpenedCannotBeChangedInPlace() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        let (store, e) = try reload(temp, sealer: ben)
        let before = temp.allFiles()
        var changed = e
        changed.sessions[0].notes = "typed over the placeholder"
        let error = #expect(throws: StoreError.self) { _ = try store.save(.coaching(changed)) }
        #expect(error?.message.contains("cannot open was changed") == true)
        #expect(temp.allFiles() == before)
        // And a session edit is refused before it gets that far.
        let input = SessionInput(date: sday("2026-03-02"), minutes: 30, notes: "x")
        guard case .failure(let f) = Logbook.editing(sid(0x51), to: input, on: .coaching(e), today: sday("2026-04-01"), makeID: { UUID() }) else {
            Issue.record("editing a shut note was allowed"); return
        }
        #expect(f.description.contains("sealed (for Ana) and your identity cannot open it"))
    }

    @Test func anUnchangedNoteKeepsItsBytesThroughEditsAndUndo() throws {
        let temp = SealTemp()
        let store = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        let original = try #require(sealedBytes(temp.text(SealSample.file)))
        var e = try store.loadRecord(RecordRef(kind: .coaching, id: sid(0xC1)))
        guard case .coaching(let loaded) = e else { Issue.record("not coaching"); return }
        // Another field: the same sealed bytes.
        var edited = loaded
        edited.focus = "Other"
        _ = try store.save(.coaching(edited))
        #expect(sealedBytes(temp.text(SealSample.file)) == original)
        // The note itself: sealed again, and still not in the file.
        var noteEdited = edited
        noteEdited.sessions[0].notes = SealSample.secret + " (and a bonus)"
        _ = try store.save(.coaching(noteEdited))
        let resealed = try #require(sealedBytes(temp.text(SealSample.file)))
        #expect(resealed != original)
        #expect(temp.filesHolding("and a bonus") == [])
        // Undo: the value from before goes back, with its own sealed bytes.
        _ = try store.save(.coaching(loaded))
        #expect(sealedBytes(temp.text(SealSample.file)) == original)
        e = try store.loadRecord(RecordRef(kind: .coaching, id: sid(0xC1)))
        #expect(e == .coaching(loaded))
    }

    @Test func aMergeKeepsTheSealedValueIntact() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        let original = try #require(sealedBytes(temp.text(SealSample.file)))
        let (mine, m) = try reload(temp, sealer: ana)
        let (theirs, t) = try reload(temp, sealer: none)
        var tChanged = t
        tChanged.focus = "Theirs"
        _ = try theirs.save(.coaching(tChanged))
        var mChanged = m
        mChanged.deadline = sday("2026-06-01")
        let outcome = try mine.save(.coaching(mChanged))
        guard case .merged(let merged, _) = outcome, case .coaching(let me) = merged else {
            Issue.record("expected a merge, got \(outcome)"); return
        }
        #expect(me.focus == "Theirs" && me.deadline == sday("2026-06-01"))
        #expect(me.sessions[0].notes == SealSample.secret)
        #expect(sealedBytes(temp.text(SealSample.file)) == original)
        // The merge driver's way (git, no identity, files only): the same sealed bytes again.
        let base = temp.text(SealSample.file)
        let current = base.replacingOccurrences(of: "\"focus\" : \"Theirs\"", with: "\"focus\" : \"Current\"")
        let other = base.replacingOccurrences(of: "\"deadline\" : \"2026-06-01\"", with: "\"deadline\" : \"2026-07-01\"")
        #expect(current != base && other != base)
        let result = try MergeDriver.merge(base: Data(base.utf8), current: Data(current.utf8), other: Data(other.utf8),
                                           path: SealSample.file, localIs: .ours)
        let driven = String(decoding: result.merged, as: UTF8.self)
        #expect(result.conflicts.isEmpty)
        #expect(driven.contains("Current") && driven.contains("2026-07-01") && driven.contains("\"format\" : 2"))
        #expect(sealedBytes(driven) == original)
    }

    @Test func partnersNotesOpenForEachLeaderAndPrivateOnesOnlyForTheirAuthor() throws {
        let temp = SealTemp()
        let leaders = [ana.identity!.leader, ben.identity!.leader]
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [
            SealSample.session(0x51, visibility: .private, notes: "Ana alone"),
            SealSample.session(0x61, visibility: .partners, notes: "For the partners"),
        ], leaders: leaders)
        #expect(temp.filesHolding("Ana alone") == [] && temp.filesHolding("For the partners") == [])
        let (_, byBen) = try reload(temp, sealer: ben)
        #expect(byBen.sessions.map(\.notes) == ["sealed (for Ana)", "For the partners"])
        let (_, byAna) = try reload(temp, sealer: ana)
        #expect(byAna.sessions.map(\.notes) == ["Ana alone", "For the partners"])
        let (_, byNobody) = try reload(temp, sealer: none)
        #expect(byNobody.sessions.map(\.notes) == ["sealed (for Ana)", "sealed (for Ana, Ben)"])
    }

    @Test func aDamagedValueIsNamedAndLeftAsItIs() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        let text = temp.text(SealSample.file)
        let box = try #require(text.range(of: "\"box\" : \""))
        var damaged = text
        damaged.replaceSubrange(box.upperBound..<damaged.index(box.upperBound, offsetBy: 4), with: "AAAA")
        temp.write(damaged, to: SealSample.file)
        let (store, e) = try reload(temp, sealer: ana)
        #expect(e.sessions[0].notes == "sealed (for Ana)")
        #expect(store.sealNotices.map(\.description) == ["\(SealSample.file): the session of 2026-03-02: the sealed value is damaged (it does not open with your key); it was left as it is"])
        var changed = e
        changed.focus = "Still saves"
        _ = try store.save(.coaching(changed))
        #expect(sealedBytes(temp.text(SealSample.file)) == sealedBytes(damaged))
    }

    @Test func plainPrivateNotesFromBeforeLoadStayPlainUntilSealExisting() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: nil, sessions: [SealSample.session(), SealSample.session(0x61, visibility: .shared, notes: "shared")])
        #expect(temp.filesHolding(SealSample.secret) == [SealSample.file])
        let (store, e) = try reload(temp, sealer: none)
        #expect(e.sessions[0].notes == SealSample.secret)
        var changed = e
        changed.focus = "Saved without an identity"
        _ = try store.save(.coaching(changed))
        #expect(temp.text(SealSample.file).contains("Saved without an identity"))
        #expect(try store.sealPlainPrivateNotes(dryRun: true).map(\.sessions) == [1])
        #expect(throws: StoreError.self) { _ = try store.sealPlainPrivateNotes(dryRun: false) }
        let (mine, _) = try reload(temp, sealer: ana)
        let sealed = try mine.sealPlainPrivateNotes(dryRun: false)
        #expect(sealed.map(\.file) == [SealSample.file] && sealed.map(\.sessions) == [1])
        #expect(temp.filesHolding(SealSample.secret) == [])
        #expect(temp.filesHolding("shared") == [SealSample.file])
        #expect(try mine.sealPlainPrivateNotes(dryRun: true).isEmpty)
        let (_, after) = try reload(temp, sealer: ana)
        #expect(after.sessions.map(\.notes) == [SealSample.secret, "shared"])
    }

    @Test func aRecordFoundLeanAndReadWholeHasItsNotesOpenedAsLoadRecordDoes() throws {
        let temp = SealTemp()
        _ = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session(), SealSample.session(0x61, visibility: .shared, notes: "shared")])
        let store = try Store.open(at: temp.store, forEditing: false)
        store.sealer = ana
        var files: [RecordRef: String] = [:]
        let lean = try store.loadReduced(kinds: [.person, .coaching], files: &files) { $0.withoutSessions }
        let ref = RecordRef(kind: .coaching, id: lean.engagements[0].id)
        #expect(lean.engagements[0].sessions.isEmpty && files[ref] == SealSample.file)
        let whole = try store.readRecord(ref, file: SealSample.file)
        guard case .coaching(let e) = whole else { Issue.record("not an engagement"); return }
        #expect(e.sessions.map(\.notes) == [SealSample.secret, "shared"])
        let other = try Store.open(at: temp.store, forEditing: false)
        other.sealer = ana
        _ = try other.load(scope: .open)
        #expect(whole == (try other.loadRecord(ref)))
        // Without the identity it does not open, and says so as loadRecord does.
        let stranger = try Store.open(at: temp.store, forEditing: false)
        stranger.sealer = ben
        guard case .coaching(let shut) = try stranger.readRecord(ref, file: SealSample.file) else { return }
        #expect(shut.sessions[0].notes != SealSample.secret && shut.sessions[0].isSealedShut)
        #expect(shut.sessions[1].notes == "shared")
    }

    @Test func startUpOpensOnlyOpenRecords() throws {
        let temp = SealTemp()
        let store = try SealSample.store(at: temp, sealer: ana, sessions: [SealSample.session()])
        var closed = SealSample.engagement([SealSample.session(0x71)])
        closed.id = sid(0xC9); closed.status = .completed
        try store.save(closed)
        let counting = CountingSealer(inner: ana)
        let reopened = try Store.open(at: temp.store, forEditing: true)
        reopened.sealer = counting
        _ = try reopened.load(scope: .open)
        #expect(counting.opens == 1)
        _ = try reopened.loadRecord(RecordRef(kind: .coaching, id: sid(0xC9)))
        #expect(counting.opens == 2)
    }
}

/// Counts the notes opened, to see that start-up opens only open records'.
final class CountingSealer: NoteSealing, @unchecked Sendable {
    let inner: IdentitySealer
    private let lock = NSLock()
    private var count = 0
    init(inner: IdentitySealer) { self.inner = inner }
    var opens: Int { lock.lock(); defer { lock.unlock() }; return count }
    var identityName: String? { inner.identityName }
    var cannotSealReason: String? { inner.cannotSealReason }
    func open(_ sealed: SealedNote, session: UUID) -> Result<SealedContent, SealProblem> {
        lock.lock(); count += 1; lock.unlock()
        return inner.open(sealed, session: session)
    }
    func seal(_ content: SealedContent, session: UUID, tier: Visibility, leaders: [Leader]) throws -> SealedNote {
        try inner.seal(content, session: session, tier: tier, leaders: leaders)
    }
}
