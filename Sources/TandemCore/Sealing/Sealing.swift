import Foundation

/// When a session's notes are opened, kept sealed as they are, or sealed again: the rule once,
/// for the store's reads and writes, the merge driver and `seal-existing`.
///
/// - Opening fills `notes`, `topics` and `actionItems` with what the note holds and keeps the
///   sealed value beside it (`sealed.opened`); a note this identity cannot open shows
///   `placeholder` as its notes, with no topics or action items.
/// - Writing keeps a sealed value byte for byte while what it holds is unchanged (and always
///   when it was not opened), seals again what was edited, and seals a new private or partners
///   session. A private session from before sealing (plain in its file) stays as it is until it is
///   changed or `seal-existing` seals it.
public enum Sealing {
    /// `session` with its sealed note opened, when it has one and `sealer` can open it.
    public static func opened(_ session: Session, by sealer: NoteSealing?) -> Session {
        guard var sealed = session.sealed, sealed.opened == nil else { return session }
        var s = session
        let result: Result<SealedContent, SealProblem> = sealer.map { $0.open(sealed, session: session.id) }
            ?? .failure(.noIdentity("no identity"))
        switch result {
        case .success(let content):
            sealed.opened = content
            sealed.problem = nil
            s.notes = content.notes; s.topics = content.topics; s.actionItems = content.actionItems
        case .failure(let problem):
            sealed.problem = problem
            s.notes = sealed.placeholder; s.topics = []; s.actionItems = []
        }
        s.sealed = sealed
        return s
    }

    /// Sessions whose sealed note is damaged (not merely for someone else), after `opened`.
    public static func damaged(_ sessions: [Session]) -> [(session: Session, problem: SealProblem)] {
        sessions.compactMap { s in
            guard let p = s.sealed?.problem, case .damaged = p else { return nil }
            return (s, p)
        }
    }

    /// What the file holds for `session`: its sealed note without the plaintext, or the plain
    /// session. `knownPlain` says whether this exact plain session is already in the file (or was
    /// when loaded), so a private session from before sealing is left as it is.
    public static func forWriting(_ session: Session, knownPlain: (Session) -> Bool, sealer: NoteSealing?,
                                  leaders: [Leader]) throws -> Session {
        guard session.visibility.isSealed else {
            var s = session
            s.sealed = nil
            return s
        }
        var current = session
        if var sealed = current.sealed, sealed.opened == nil, sealed.problem == nil {
            // What it opened to was lost on the way (a merge works on JSON): open it again to
            // compare, keeping the text in hand (it may be an edit).
            switch sealer.map({ $0.open(sealed, session: current.id) }) ?? .failure(.noIdentity("no identity")) {
            case .success(let content): sealed.opened = content
            case .failure(let problem): sealed.problem = problem
            }
            current.sealed = sealed
        }
        if let sealed = current.sealed {
            if sealed.opened == nil {
                // Not opened: it goes back as it came, and nothing may have been put in its place.
                guard current.notes == sealed.placeholder || current.notes.isEmpty,
                      current.topics.isEmpty, current.actionItems.isEmpty, sealed.tier == current.visibility else {
                    throw SealProblem.changedWhileShut
                }
                return stripped(current, keeping: sealed)
            }
            if sealed.opened == SealedContent(of: current), sealed.tier == current.visibility {
                return stripped(current, keeping: sealed)
            }
        } else if knownPlain(current) {
            return current
        }
        guard let sealer else { return unsealedLegacy(current) }
        if let reason = sealer.cannotSealReason { throw SealProblem.noIdentity(reason) }
        let note = try sealer.seal(SealedContent(of: current), session: current.id, tier: current.visibility, leaders: leaders)
        return stripped(current, keeping: note)
    }

    /// Without a sealer (a library user that attached none) a session is written as before sealing.
    private static func unsealedLegacy(_ session: Session) -> Session {
        var s = session
        s.sealed = nil
        return s
    }

    private static func stripped(_ session: Session, keeping sealed: SealedNote) -> Session {
        var s = session
        var note = sealed
        note.opened = nil; note.problem = nil
        s.sealed = note
        s.notes = ""; s.topics = []; s.actionItems = []
        return s
    }

    /// Whether the record's file needs the sealed format.
    public static func needsSealedFormat(_ sessions: [Session]) -> Bool {
        sessions.contains { $0.sealed != nil }
    }

    /// Private and partners sessions still in plain text.
    public static func plainPrivate(_ sessions: [Session]) -> [Session] {
        sessions.filter { $0.visibility.isSealed && $0.sealed == nil }
    }
}
