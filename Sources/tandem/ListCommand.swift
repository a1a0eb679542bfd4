import ArgumentParser
import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// `tandem list`: engagements, relationships or people, as a table or as JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List coaching engagements, mentoring relationships or people.",
        discussion: """
        By default shows what still needs the leader: coaching engagements that are planned, \
        active or on-hold, mentoring relationships that are active or paused, and people who have \
        not left. --status STATE… shows those states only (coaching: planned, active, on-hold, \
        completed, cancelled; mentoring: active, paused, closed); --all shows every state and \
        people who left. --due DAYS keeps coaching deadlines and mentoring next-due dates within \
        DAYS, overdue included. Names sort with accents ignored (Ł with L). Takes no lock.
        """
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case coaching, mentoring, people
    }

    @OptionGroup var data: DataDirOptions
    @Argument(help: "What to list: coaching, mentoring or people.") var what: What
    @Option(help: ArgumentHelp("Only records due within this many days (overdue included).", valueName: "days")) var due: Int?
    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Only these states (coaching: planned active on-hold completed cancelled; mentoring: active paused closed).",
        valueName: "state")) var status: [String] = []
    @Flag(help: "Include completed, cancelled and closed records, and people who left.") var all = false
    @Flag(help: "Print a JSON array for scripts.") var json = false

    func validate() throws {
        if let d = due, d < 0 { throw ValidationError("--due must be zero or more days, not \(d)") }
        if due != nil && what == .people { throw ValidationError("--due applies to coaching and mentoring, not people") }
        if !status.isEmpty && what == .people { throw ValidationError("--status applies to coaching and mentoring, not people") }
        if !status.isEmpty && all { throw ValidationError("--status and --all ask for different things: give one") }
        _ = try engagementStatuses()
        _ = try relationshipStatuses()
    }

    /// The coaching states to show: --status, else every one with --all, else the open ones.
    func engagementStatuses() throws -> Set<EngagementStatus> {
        if all { return Set(EngagementStatus.allCases) }
        guard what == .coaching, !status.isEmpty else { return Set(StatusNames.defaultEngagementStatuses) }
        return Set(try status.flatMap(Self.words).map { word in
            guard let s = StatusNames.engagementStatus(word) else {
                throw ValidationError("--status \"\(word)\" is not a coaching state: use "
                    + EngagementStatus.allCases.map(StatusNames.typed).joined(separator: ", "))
            }
            return s
        })
    }

    /// The mentoring states to show: --status, else every one with --all, else active and paused.
    func relationshipStatuses() throws -> Set<RelationshipStatus> {
        if all { return Set(RelationshipStatus.allCases) }
        guard what == .mentoring, !status.isEmpty else { return Set(StatusNames.defaultRelationshipStatuses) }
        return Set(try status.flatMap(Self.words).map { word in
            guard let s = StatusNames.relationshipStatus(word) else {
                throw ValidationError("--status \"\(word)\" is not a mentoring state: use "
                    + RelationshipStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return s
        })
    }

    /// "active,paused" and "active paused" alike.
    static func words(_ s: String) -> [String] {
        s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let today = try Clock.today()
        let store = try Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
        let engagementStates = try engagementStatuses(), relationshipStates = try relationshipStatuses()
        // Closed records are only decoded when a closed state is asked for.
        let needsClosed = all || engagementStates.contains(.completed) || engagementStates.contains(.cancelled)
            || relationshipStates.contains(.closed)
        // Only the kinds this listing prints, with the people whose names it shows.
        let kinds: Set<RecordKind> = switch what {
        case .coaching: [.person, .coaching]
        case .mentoring: [.person, .mentoring]
        case .people: [.person]
        }
        // Each engagement or relationship is summarised as it is read and its sessions let go
        // (`Listed`): a list of the whole history holds no sessions. People come first.
        var people: [Person] = []
        var names = PeopleIndex([])
        var namesFresh = true
        var coaching: [Listed<CoachingSummary>] = []
        var mentoring: [Listed<MentoringSummary>] = []
        var files: [RecordRef: String] = [:]
        var settings = Settings()
        func take(_ record: Record) {
            switch record {
            case .person(let p):
                people.append(p)
                namesFresh = false
            case .coaching(let e):
                guard engagementStates.contains(e.status) else { return }
                if !namesFresh { names = PeopleIndex(people); namesFresh = true }
                coaching.append(CoachingSummary(e, names: names, today: today, settings: settings).listed)
            case .mentoring(let r):
                guard relationshipStates.contains(r.status) else { return }
                if !namesFresh { names = PeopleIndex(people); namesFresh = true }
                mentoring.append(MentoringSummary(r, names: names, today: today, settings: settings).listed)
            case .assessment: break
            }
        }
        do {
            if needsClosed {
                settings = try store.agency().settings
                try store.forEachRecord(of: kinds, openingSealed: false, batch: Store.leanBatch) { record, rel in
                    files[record.ref] = rel
                    take(record)
                }
            } else {
                let loaded = try store.load(scope: .open, kinds: kinds)
                settings = loaded.snapshot.agency.settings
                files = loaded.files
                loaded.snapshot.people.forEach { take(.person($0)) }
                loaded.snapshot.engagements.forEach { take(.coaching($0)) }
                loaded.snapshot.relationships.forEach { take(.mentoring($0)) }
            }
        } catch { throw CLIFailure.store(error) }
        store.reportSealNotices()
        if !namesFresh { names = PeopleIndex(people) }

        switch what {
        case .coaching:
            var rows = coaching
            if let d = due { rows = rows.filter { $0.summary.isDue(within: d) } }
            rows.sort { a, b in
                a.summary.engagement.deadline != b.summary.engagement.deadline ? a.summary.engagement.deadline < b.summary.engagement.deadline
                    : NameOrder.areInIncreasingOrder(a.summary.coachee, b.summary.coachee)
            }
            if json {
                try printJSON(rows.map { listed -> [String: Any?] in
                    let r = listed.summary, e = r.engagement
                    return ["id": e.id.uuidString.lowercased(), "file": files[RecordRef(kind: .coaching, id: e.id)],
                            "status": e.status.rawValue, "coachee": r.coachee, "coach": r.coach, "focus": e.focus,
                            "start": e.start.iso, "deadline": e.deadline.iso, "daysLeft": r.daysLeft,
                            "progress": r.progress, "forecast": r.forecast.rawValue,
                            "sessions": listed.sessionCount, "lastSession": r.lastSession?.iso,
                            "momentumAlert": r.momentumAlert]
                })
            } else {
                emit(TextTable.render(
                    header: ["COACHEE", "FOCUS", "COACH", "DEADLINE", "DAYS", "PROGRESS", "FORECAST", "STATUS", "ID"],
                    rows: rows.map(\.summary).map { r in
                        [r.coachee, r.engagement.focus, r.coach, r.engagement.deadline.iso, String(r.daysLeft),
                         r.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "—", r.forecast.label,
                         r.engagement.status.label, String(r.engagement.id.uuidString.lowercased().prefix(8))]
                    },
                    rightAligned: [4, 5], empty: "No \(all ? "" : shownStates(engagementStates.map(StatusNames.typed)))coaching engagements\(due.map { " due within \($0) days" } ?? "")."))
            }
        case .mentoring:
            var rows = mentoring
            if let d = due { rows = rows.filter { $0.summary.isDue(within: d, today: today) } }
            rows.sort { x, y in
                let a = x.summary, b = y.summary
                let da = a.nextDue?.dayNumber ?? Int.max, db = b.nextDue?.dayNumber ?? Int.max
                return da != db ? da < db : NameOrder.areInIncreasingOrder(a.mentee, b.mentee)
            }
            if json {
                try printJSON(rows.map { listed -> [String: Any?] in
                    let r = listed.summary, m = r.relationship
                    return ["id": m.id.uuidString.lowercased(), "file": files[RecordRef(kind: .mentoring, id: m.id)],
                            "status": m.status.rawValue, "mentor": r.mentor, "mentee": r.mentee,
                            "start": m.start.iso, "cadenceDays": m.cadenceDays, "lastMet": r.lastMet?.iso,
                            "nextDue": r.nextDue?.iso, "health": r.health.rawValue, "streak": r.streak,
                            "sessions": listed.sessionCount]
                })
            } else {
                emit(TextTable.render(
                    header: ["MENTOR", "MENTEE", "SINCE", "CADENCE", "LAST MET", "NEXT DUE", "HEALTH", "ID"],
                    rows: rows.map(\.summary).map { r in
                        [r.mentor, r.mentee, r.relationship.start.iso, "\(r.relationship.cadenceDays)d",
                         r.lastMet?.iso ?? "never", r.nextDue?.iso ?? "—", "\(r.health.symbol) \(r.health.label)",
                         String(r.relationship.id.uuidString.lowercased().prefix(8))]
                    },
                    rightAligned: [3], empty: "No \(all ? "" : shownStates(relationshipStates.map(\.rawValue)))mentoring relationships\(due.map { " due within \($0) days" } ?? "")."))
            }
        case .people:
            let shown = NameOrder.sorted(people.filter { all || $0.isCurrent }, by: \.name)
            if json {
                try printJSON(shown.map { p -> [String: Any?] in
                    ["id": p.id.uuidString.lowercased(), "file": files[RecordRef(kind: .person, id: p.id)],
                     "status": p.isCurrent ? "current" : "left", "name": p.name, "role": p.role, "team": p.team,
                     "level": p.level.rawValue, "manager": p.managerID.map { names.name($0) },
                     "mentoringCapacity": p.mentoringCapacity]
                })
            } else {
                emit(TextTable.render(
                    header: ["NAME", "ROLE", "TEAM", "LEVEL", "MANAGER", "ID"],
                    rows: shown.map { p in
                        [p.name, p.role, p.team, p.level.rawValue, p.managerID.map { names.name($0) } ?? "—",
                         String(p.id.uuidString.lowercased().prefix(8))]
                    },
                    rightAligned: [], empty: "No people."))
            }
        }
    }

    /// "planned, active or on-hold " for the empty message.
    private func shownStates(_ names: [String]) -> String {
        let sorted = names.sorted()
        guard sorted.count > 1 else { return sorted.map { "\($0) " }.joined() }
        return sorted.dropLast().joined(separator: ", ") + " or \(sorted.last!) "
    }

    /// The rows as one pretty-printed JSON array, written a row at a time (each serialized on its
    /// own and indented as the whole array would have it), so a list of the whole history is
    /// never held as one document: the same bytes as serializing the array at once.
    private func printJSON(_ rows: [[String: Any?]]) throws {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !rows.isEmpty else {
            emitJSON(String(decoding: try JSONSerialization.data(withJSONObject: [Any](), options: options), as: UTF8.self))
            return
        }
        try emitPieces(json: true) { put in
            var piece = "["
            for (n, row) in rows.enumerated() {
                let object: [String: Any] = row.mapValues { $0 ?? NSNull() }
                let text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: options), as: UTF8.self)
                piece += n == 0 ? "\n" : ",\n"
                for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if k > 0 { piece += "\n" }
                    if !line.isEmpty { piece += "  "; piece += line }
                }
                if piece.utf8.count >= 1 << 16 { try put(piece); piece = "" }
            }
            try put(piece + "\n]")
        }
    }
}

/// A plain text table aligned by terminal columns (CJK names included).
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int>, empty: String) -> String {
        guard !rows.isEmpty else { return empty }
        let maxWidth = 40
        let cells = ([header] + rows).map { $0.map { Text.truncate(TerminalSafeText.clean($0), to: maxWidth) } }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        return cells.map { row in
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : Text.pad(c, to: widths[i], align: rightAligned.contains(i) ? .right : .left)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
