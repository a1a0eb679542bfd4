import Foundation
import TandemCore

/// What `tandem status` needs of the store, fast enough for every shell prompt.
///
/// A derived cache, `.cache/status.tsv` in the data folder, keeps for each coaching and
/// mentoring file its `stat` (size, times, inode) and the little the status line reads: an open
/// engagement's status and deadline, an active or paused relationship's start, cadence, last
/// resumption and latest session (its date and agreed next date). A file whose `stat` still
/// matches, and whose times are more than a second older than the cache file, is not read; any
/// other is read and decoded
/// (a closed one only scanned), and the cache is rewritten. The cache is never trusted for writes
/// and is rebuilt when missing or unreadable; `check` and every other command ignore it.
public enum StatusIndex {
    static let folder = ".cache"
    static let file = ".cache/status.tsv"
    /// Bumped when what an entry holds changes: an older cache is rebuilt.
    static let version = 1

    /// One line of the cache: a record file's `stat` and what the status line reads of it
    /// (tab-separated; an empty field is "none").
    struct Entry: Equatable {
        var stat: FileStat
        /// "c" an open engagement, "m" an active or paused relationship, "-" neither.
        var kind: String = "-"
        var status = ""
        var deadline: Day?
        var start: Day?
        var cadence = 0
        var resumed: Day?
        var lastMet: Day?
        var agreedNext: Day?

        var line: String {
            [String(stat.size), String(stat.modified), String(stat.changed), String(stat.inode), String(stat.device),
             kind, status, deadline?.iso ?? "", start?.iso ?? "", String(cadence), resumed?.iso ?? "",
             lastMet?.iso ?? "", agreedNext?.iso ?? ""].joined(separator: "\t")
        }

        init(stat: FileStat) { self.stat = stat }

        init?(_ fields: [Substring]) {
            guard fields.count == 13, let size = Int64(fields[0]), let m = Int64(fields[1]), let c = Int64(fields[2]),
                  let ino = UInt64(fields[3]), let dev = UInt64(fields[4]), let cadence = Int(fields[9]) else { return nil }
            stat = FileStat(size: size, modified: m, changed: c, inode: ino, device: dev)
            kind = String(fields[5]); status = String(fields[6])
            func day(_ i: Int) -> Day? { fields[i].isEmpty ? nil : Day(iso: String(fields[i])) }
            deadline = day(7); start = day(8); self.cadence = cadence; resumed = day(10); lastMet = day(11); agreedNext = day(12)
        }

        /// The record as the rules see it for the status line.
        var record: (CoachingEngagement?, MentoringRelationship?) {
            switch kind {
            case "c":
                guard let deadline, let s = EngagementStatus(rawValue: status) else { return (nil, nil) }
                return (CoachingEngagement(id: UUID(), coacheeID: UUID(), coach: .external("-"), focus: "-",
                                           start: start ?? deadline, deadline: deadline, status: s), nil)
            case "m":
                guard let start, let s = RelationshipStatus(rawValue: status), cadence > 0 else { return (nil, nil) }
                let sessions = lastMet.map { [Session(id: UUID(), date: $0, minutes: 1, nextDate: agreedNext)] } ?? []
                let history = resumed.map { [StatusChange(date: $0, status: RelationshipStatus.active)] } ?? []
                return (nil, MentoringRelationship(id: UUID(), mentorID: UUID(), menteeID: UUID(), start: start,
                                                   cadenceDays: cadence, status: s, history: history, sessions: sessions))
            default:
                return (nil, nil)
            }
        }
    }

    static let header = "tandem status cache \(version)"

    /// The open engagements and the active and paused relationships, reduced to what
    /// `AgencyStatus` reads, and whether the cache was used as it was.
    public static func snapshot(of store: Store) throws -> (snapshot: Snapshot, fresh: Bool) {
        let folder = store.folder
        var old: [String: Entry] = [:]
        // The cache's own modification time: an entry for a file changed within a second of it
        // is not trusted (git's racy rule, as `LoadIndex` has it).
        let written = folder.fileStat(file)?.modified ?? .min
        if let data = try? folder.read(file) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            if lines.first.map(String.init) == header {
                for line in lines.dropFirst() {
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard fields.count == 14, let e = Entry(Array(fields.dropFirst())) else { old = [:]; break }
                    old[String(fields[0])] = e
                }
            }
        }
        var entries: [String: Entry] = [:]
        var dirty = false
        for kind in [RecordKind.coaching, .mentoring] {
            // Every `*.json` name, regular or not: a FIFO, a device or a dangling link is
            // reported as loading reports it, never skipped (its record would vanish from the counts).
            for (rel, stat) in try folder.listJSONFiles(in: kind.rawValue) {
                guard let st = stat else {
                    if let problem = folder.notARegularFile(rel) { throw problem }
                    continue   // gone since the listing
                }
                if let e = old[rel], e.stat == st, max(st.modified, st.changed) < written &- LoadIndex.racyWindow {
                    entries[rel] = e
                    continue
                }
                dirty = true
                guard let data = try folder.read(rel) else { continue }
                let scanned = try ScannedFile(path: rel, data: data)
                var entry = Entry(stat: st)
                if !(Store.isClosed(kind, status: scanned.top.status) && scanned.top.fieldProblem == nil) {
                    switch try Store.decode(scanned, as: kind, migrations: Migration.all, decoder: JSONDecoder()) {
                    case .coaching(let e) where e.isOpen:
                        entry.kind = "c"; entry.status = e.status.rawValue; entry.deadline = e.deadline; entry.start = e.start
                    case .mentoring(let r) where r.status != .closed:
                        // The latest session as the rules pick it (the last of a day's): next due reads it.
                        let latest = r.sessions.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
                        entry.kind = "m"; entry.status = r.status.rawValue; entry.start = r.start; entry.cadence = r.cadenceDays
                        entry.resumed = r.resumedOn; entry.lastMet = latest?.date; entry.agreedNext = latest?.nextDate
                    default: break
                    }
                }
                entries[rel] = entry
            }
        }
        if entries.count != old.count { dirty = true }
        if dirty {
            // Best effort: a folder that cannot be written just goes without the cache.
            let text = ([header] + entries.keys.sorted().map { "\($0)\t\(entries[$0]!.line)" }).joined(separator: "\n") + "\n"
            try? folder.makeFolder(StatusIndex.folder)
            try? folder.writeAtomically(Data(text.utf8), to: file)
        }
        var snapshot = Snapshot(agency: Agency(name: ""))
        for e in entries.values {
            let (c, m) = e.record
            if let c { snapshot.engagements.append(c) }
            if let m { snapshot.relationships.append(m) }
        }
        return (snapshot, !dirty)
    }
}
