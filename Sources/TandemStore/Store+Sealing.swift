import Foundation
import TandemCore

// Sealed private notes at the store's edge: every record read is opened with the store's
// `sealer` (what this identity can open; the rest shows "sealed (for …)"), and every record
// written is sealed by `Sealing.forWriting` (a sealed value not opened or not changed goes back
// byte for byte). Without a sealer the store reads and writes notes as it did before sealing.

extension Record {
    /// The record's sessions (none for people and assessments).
    var sessionList: [Session] {
        switch self {
        case .coaching(let e): e.sessions
        case .mentoring(let r): r.sessions
        case .person, .assessment: []
        }
    }

    /// The record with each session changed by `change`.
    func mappingSessions(_ change: (Session) throws -> Session) rethrows -> Record {
        switch self {
        case .coaching(var e):
            e.sessions = try e.sessions.map(change)
            return .coaching(e)
        case .mentoring(var r):
            r.sessions = try r.sessions.map(change)
            return .mentoring(r)
        case .person, .assessment:
            return self
        }
    }
}

/// A sealed note that does not open, as `Store.sealNotices` lists it.
public struct SealNotice: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var session: Day
    public var problem: SealProblem
    public var description: String { "\(file): the session of \(session.description): \(problem)" }
}

extension Store {
    /// The record with what `sealer` can open opened; a damaged note is noted in `sealNotices`.
    func openSealed(_ record: Record, file rel: String) -> Record {
        let sessions = record.sessionList
        guard sessions.contains(where: { $0.sealed != nil }) else { return record }
        let sealer = self.sealer
        let opened = record.mappingSessions { Sealing.opened($0, by: sealer) }
        let damaged = Sealing.damaged(opened.sessionList)
        if !damaged.isEmpty {
            noteSealProblems(damaged.map { SealNotice(file: rel, session: $0.session.date, problem: $0.problem) })
        }
        return opened
    }

    /// `openSealed` of many records, spread over the cores (each note is an HPKE key agreement),
    /// in the order given.
    func openSealed(_ records: [Record], files: [RecordRef: String]) -> [Record] {
        let sealed = records.indices.filter { records[$0].sessionList.contains { $0.sealed != nil } }
        guard !sealed.isEmpty, sealer != nil else {
            return sealed.isEmpty ? records : records.map { openSealed($0, file: files[$0.ref] ?? "") }
        }
        let results = OpenedRecords(count: sealed.count)
        DispatchQueue.concurrentPerform(iterations: sealed.count) { k in
            let record = records[sealed[k]]
            results.set(k, openSealed(record, file: files[record.ref] ?? ""))
        }
        var out = records
        for (k, i) in sealed.enumerated() { out[i] = results.get(k) ?? records[i] }
        return out
    }

    /// What goes in the file (sealed, without plaintext) and what the store remembers of it
    /// (the plaintext beside the sealed values, so the next save keeps them).
    func sealedForWriting(_ record: Record, base: Record?, disk: Data?, rel: String,
                          sealingPlain: Bool = false) throws -> (write: Record, remember: Record) {
        let sessions = record.sessionList
        guard sessions.contains(where: { $0.visibility.isSealed || $0.sealed != nil }) else { return (record, record) }
        let sealer = self.sealer
        let baseSessions = Dictionary((base?.sessionList ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var diskSessions: [UUID: Session]?
        func onDisk() -> [UUID: Session] {
            if let diskSessions { return diskSessions }
            var found: [UUID: Session] = [:]
            if let disk, let file = try? ScannedFile(path: rel, data: disk),
               let theirs = try? decode(file, as: record.ref.kind) {
                for s in theirs.sessionList { found[s.id] = s }
            }
            diskSessions = found
            return found
        }
        func knownPlain(_ s: Session) -> Bool {
            if sealingPlain { return false }
            if let b = baseSessions[s.id], b.sealed == nil, b == s { return true }
            if let d = onDisk()[s.id], d.sealed == nil, d == s { return true }
            return false
        }
        var leaders: [Leader]?
        var remembered: [UUID: Session] = [:]
        let write = try record.mappingSessions { session in
            var s = session
            // A note this store sealed (or opened) before, unchanged: the same sealed value again.
            if s.visibility.isSealed, s.sealed?.opened != SealedContent(of: s) || s.sealed == nil,
               let b = baseSessions[s.id]?.sealed, b.opened == SealedContent(of: s), b.tier == s.visibility {
                s.sealed = b
            }
            if s.visibility == .partners, leaders == nil { leaders = currentLeaders() }
            let written: Session
            do {
                written = try Sealing.forWriting(s, knownPlain: knownPlain, sealer: sealer, leaders: leaders ?? [])
            } catch let problem as SealProblem {
                throw StoreError(.format, file: rel, "not saved: the \(s.visibility.rawValue) session of \(s.date.description): \(problem)")
            }
            var kept = s
            if var note = written.sealed {
                if s.isSealedShut { note = s.sealed ?? note } else { note.opened = SealedContent(of: s); note.problem = nil }
                kept.sealed = note
            } else {
                kept.sealed = nil
            }
            remembered[s.id] = kept
            return written
        }
        let remember = record.mappingSessions { remembered[$0.id] ?? $0 }
        return (write, remember)
    }

    /// The leaders in `tandem.json` as it is on disk now (read without touching what the store
    /// knows of the file).
    func currentLeaders() -> [Leader] {
        guard let data = try? folder.read(Store.agencyFile), let agency = try? JSONDecoder().decode(Agency.self, from: data) else { return [] }
        return agency.leaders ?? []
    }

    /// The format a record's file is written in: the sealed format only when it holds a sealed note.
    static func format(of record: Record) -> Int {
        Sealing.needsSealedFormat(record.sessionList) ? sealedFormat : 1
    }
}

/// Results of a parallel open, each slot written once.
private final class OpenedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Record?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Record) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> Record? { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
