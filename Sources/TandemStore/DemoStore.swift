import Foundation
import TandemCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a generated agency (`DemoAgency`) as a new store, whole or not at all: `tandem demo`
/// and `tandem --demo`.
///
/// A marker file (`unfinishedMarker`) is written before anything else and removed after the
/// last record, so a demo stopped half way (killed, the power gone) is named by `check`; when a
/// write fails (a full disk), what the demo wrote is removed again and the error says so.
/// Nothing is written or removed outside the chosen folder.
public enum DemoStore {
    /// What was written.
    public struct Written: Sendable { public var agency = ""; public var people = 0; public var engagements = 0; public var relationships = 0; public var sessions = 0 }

    /// In the data folder while a demo is being written.
    public static let unfinishedMarker = ".demo-unfinished"

    /// What `check` says of a store that still holds the marker.
    static let unfinishedMessage = "tandem demo stopped before it had written every record, so this store is incomplete; "
        + "remove the folder and run tandem demo again"

    /// Writes the demo agency for `options` as a new store in `dir`, a record at a time as it is
    /// made: each is forgotten once written, so a history of any size takes little memory.
    /// - Parameter failAfterWrites: for tests, every record write after this many fails as on a
    ///   full disk.
    @discardableResult
    public static func write(today: Day, options: DemoOptions, to dir: URL, failAfterWrites: Int? = nil) throws -> Written {
        let folder = DataFolder(root: dir)
        // What was there before (nil: nothing, not even the folder), so a failure removes only what the demo wrote.
        let before = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)).map(Set.init)
        var store: Store?
        var written = Written()
        var people: [Person] = []
        var writes = 0
        func wrote() {
            writes += 1
            if let n = failAfterWrites, writes >= n { store?.simulatedWriteError = ENOSPC }
        }
        do {
            try DemoAgency.generate(today: today, options: options) { piece in
                switch piece {
                case .agency(let agency):
                    // The refusals of `create` (a store already there) come before anything is written.
                    try Store.refuseExisting(at: dir)
                    try folder.makeFolder(nil)
                    try folder.writeAtomically(Data("written by tandem demo; removed when it has written every record\n".utf8), to: unfinishedMarker)
                    store = try Store.create(at: dir, agency: agency)
                    written.agency = agency.name
                    if failAfterWrites == 0 { store?.simulatedWriteError = ENOSPC }
                case .people(let everyone):
                    // First, so that the records' files are named after them.
                    for p in everyone { try store!.save(p); wrote() }
                    people = everyone
                case .engagement(let e):
                    try store!.save(e)
                    wrote()
                    store!.forget(RecordRef(kind: .coaching, id: e.id))
                    written.engagements += 1
                    written.sessions += e.sessions.count
                case .relationship(let r):
                    try store!.save(r)
                    wrote()
                    store!.forget(RecordRef(kind: .mentoring, id: r.id))
                    written.relationships += 1
                    written.sessions += r.sessions.count
                case .settledPeople(let settled):
                    for (before, after) in zip(people, settled) where before != after { try store!.save(after); wrote() }
                    written.people = settled.count
                case .assessment(let a):
                    try store!.save(a)
                    wrote()
                }
            }
            try folder.remove(unfinishedMarker)
            store?.close()
            return written
        } catch let error as StoreError where error.kind == .exists {
            store?.close()
            throw error
        } catch {
            store?.close()
            let cause = error as? StoreError ?? StoreError(.io, "\(error)")
            let left = removeWritten(in: dir, before: before)
            let outcome = left.isEmpty
                ? "nothing of the demo is left in \(dir.path)"
                : "could not remove all it had written (\(left.joined(separator: "; "))): remove the folder by hand"
            throw StoreError(cause.kind, file: cause.file, line: cause.line, column: cause.column, "\(cause.message); \(outcome)")
        }
    }

    /// Removes what a demo wrote in `dir`: everything not in `before` (the folder's entries when
    /// it began; `nil` when there was no folder, which then goes too), and the contents of the
    /// record folders, which `Store.create` only takes empty. Returns what could not be removed.
    static func removeWritten(in dir: URL, before: Set<String>?) -> [String] {
        let fm = FileManager.default
        var left: [String] = []
        func remove(_ url: URL) {
            do { try fm.removeItem(at: url) } catch { left.append("\(url.path): \(error.localizedDescription)") }
        }
        guard let before else {
            if fm.fileExists(atPath: dir.path) { remove(dir) }
            return left
        }
        let now = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
        for name in now where !before.contains(name) { remove(dir.appendingPathComponent(name)) }
        for kind in RecordKind.allCases where before.contains(kind.rawValue) {
            let sub = dir.appendingPathComponent(kind.rawValue)
            for name in (try? fm.contentsOfDirectory(atPath: sub.path)) ?? [] { remove(sub.appendingPathComponent(name)) }
        }
        return left
    }
}
