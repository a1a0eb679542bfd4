import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The archive has one order: newest closing first.
public enum ArchiveSort: String, CaseIterable, Sendable { case newest = "newest closing first" }

/// One closed record as the archive lists it.
public struct ArchiveRow: Equatable, Sendable {
    public var ref: RecordRef
    /// "Ana Lima" (the coachee) or "Ben Okafor → Chloé Dubois".
    public var who: String
    /// The engagement's focus, or the relationship's focus areas.
    public var what: String
    /// completed, cancelled or closed.
    public var status: String
    /// The day it closed (`nil` only in files that never recorded it: listed last).
    public var closedOn: Day?
    public var outcome: String
    /// What `/` matches, before folding.
    var searchText: String { [who, what, status, outcome, extra, closedOn?.iso ?? ""].joined(separator: "\u{1F}") }
    /// The coach's name or "mentoring", matched by `/` too.
    var extra: String

    public var id: UUID { ref.id }
}

/// The archive's rows: completed and cancelled engagements and closed relationships, newest
/// closing first (then by who), filtered like the dashboard's panes (`String.searchKey`).
enum ArchiveRows {
    static func all(_ data: Snapshot, names: PeopleIndex) -> [ArchiveRow] {
        // Thousands on a long history: room for every record at once (not an array doubled past
        // them), sorted where it stands (not into a second array).
        var rows: [ArchiveRow] = []
        rows.reserveCapacity(data.engagements.count + data.relationships.count)
        for e in data.engagements where !e.isOpen {
            let value = Record.coaching(e)
            rows.append(row(value.ref, who: names.name(e.coacheeID), what: e.focus, status: e.status.label,
                            closedOn: value.closingDay, outcome: e.outcome ?? "", extra: coachName(e.coach, names)))
        }
        for r in data.relationships where r.status == .closed {
            let value = Record.mentoring(r)
            rows.append(row(value.ref, who: "\(names.name(r.mentorID)) → \(names.name(r.menteeID))",
                            what: r.focusAreas.joined(separator: ", "), status: "closed",
                            closedOn: value.closingDay, outcome: r.outcome ?? "", extra: "mentoring"))
        }
        rows.sort { a, b in
            let da = a.closedOn?.dayNumber ?? .min, db = b.closedOn?.dayNumber ?? .min
            if da != db { return da > db }
            return a.who.localizedStandardCompare(b.who) == .orderedAscending
        }
        return rows
    }

    /// The rows `filter` matches; `keys` are the rows' folded texts, made the first time a
    /// filter is typed (a long history's archive does not hold them until then).
    static func filtered(_ rows: [ArchiveRow], by filter: String, keys: inout [String]?) -> [ArchiveRow] {
        let key = filter.searchKey
        guard !key.isEmpty else { return rows }
        if keys?.count != rows.count { keys = rows.map(\.searchText.searchKey) }
        return zip(rows, keys!).filter { $0.1.contains(key) }.map(\.0)
    }

    private static func row(_ ref: RecordRef, who: String, what: String, status: String, closedOn: Day?,
                            outcome: String, extra: String) -> ArchiveRow {
        ArchiveRow(ref: ref, who: who, what: what, status: status, closedOn: closedOn, outcome: outcome, extra: extra)
    }

    private static func coachName(_ coach: Coach, _ names: PeopleIndex) -> String {
        switch coach {
        case .person(let id): names.name(id)
        case .external(let n): n
        }
    }
}

// MARK: - Update

/// The archive screen's keys.
func updateArchive(_ s: inout AppState, _ action: Action) -> [Effect] {
    let rows = s.archiveRows
    switch action {
    case .up, .down, .pageUp, .pageDown, .top, .bottom:
        let page = AppLayout(s).visibleRows(.archive)
        let ids = rows.map(\.id)
        s.archive.move(ids, visible: page) { scroll in
            switch action {
            case .up: scroll.move(by: -1, count: ids.count)
            case .down: scroll.move(by: 1, count: ids.count)
            case .pageUp: scroll.pageUp(height: page, count: ids.count)
            case .pageDown: scroll.pageDown(height: page, count: ids.count)
            case .top: scroll.home(count: ids.count)
            case .bottom: scroll.end(count: ids.count)
            default: break
            }
        }
    case .open:
        if let ref = s.selectedRecord { s.push(.detail(DetailState(ref: ref))) }
    case .filter:
        s.push(.prompt(Prompt(kind: .archiveFilter, field: LineField(text: s.archive.filter))))
    case .back:
        if !s.archive.filter.isEmpty { s.archive.filter = ""; s.refilter() }
    case .reopen:
        return Closing.reopen(&s, s.selectedRecord)
    case .edit:
        return Editing.openEditForm(&s)
    case .log, .archive, .toggleDone:
        // Keys that act on open records: say why they do not here.
        guard let ref = s.selectedRecord else { s.status = Status("The archive is empty"); return [] }
        s.status = Status(Closing.closedReason(ref, s) ?? "reopened already")
    default: break
    }
    return []
}

// MARK: - Closed records, read when the archive first opens

/// The start-up load decodes only open records (`LoadScope.open`); the archive reads the rest
/// the first time it opens, off the loop.
public enum ClosedRecordsLoad: Equatable, Sendable { case notAsked, reading, read }

/// The closed records the data does not hold yet: every coaching and mentoring file without a
/// decoded record, in file order.
func undecodedClosedRecords(_ s: AppState) -> [RecordRef] {
    s.files.filter { ($0.key.kind == .coaching || $0.key.kind == .mentoring) && s.data.value(of: $0.key) == nil }
        .sorted { $0.value < $1.value }.map(\.key)
}

/// Asks once for the closed records the archive needs.
func loadClosedRecords(_ s: inout AppState) -> [Effect] {
    guard s.closedRecords == .notAsked else { return [] }
    let refs = undecodedClosedRecords(s)
    guard !refs.isEmpty else { s.closedRecords = .read; return [] }
    s.closedRecords = .reading
    return [.loadClosed(refs)]
}

/// The closed records came, without their sessions' texts (`Store.readWithoutTexts`): take
/// those still missing (a record changed meanwhile keeps the version in memory), and say what
/// could not be read. From now on input goes through `WholeRecords.gate`, which reads a lean
/// record whole before anything shows its texts or writes it.
func closedLoaded(_ s: inout AppState, _ records: [Record], _ failures: [String]) -> [Effect] {
    // Thousands on a long history: looked up once each, not by a walk of the lists per record.
    var held = Set(s.data.engagements.map { RecordRef(kind: .coaching, id: $0.id) })
    held.formUnion(s.data.relationships.map { RecordRef(kind: .mentoring, id: $0.id) })
    s.data.engagements.reserveCapacity(s.data.engagements.count + records.count(where: { if case .coaching = $0 { true } else { false } }))
    s.data.relationships.reserveCapacity(s.data.relationships.count + records.count(where: { if case .mentoring = $0 { true } else { false } }))
    for r in records where !held.contains(r.ref) {
        switch r {
        case .coaching(let e): s.data.engagements.append(e)
        case .mentoring(let m): s.data.relationships.append(m)
        case .person, .assessment: s.data.put(r, for: r.ref)
        }
        held.insert(r.ref)
        if r.hasTextsLeftOut { s.holdsLeanRecords = true }
    }
    s.closedRecords = .read
    s.recompute()
    if let first = failures.first {
        s.status = Status("Could not read \(failures.count) closed record\(failures.count == 1 ? "" : "s"): \(first)", .error)
    }
    return []
}
