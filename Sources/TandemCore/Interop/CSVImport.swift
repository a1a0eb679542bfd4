import Foundation

/// A record an import brings in.
public enum ImportedRecord: Equatable, Sendable {
    case person(Person)
    case coaching(CoachingEngagement)
    case mentoring(MentoringRelationship)

    public var id: UUID {
        switch self {
        case .person(let p): p.id
        case .coaching(let e): e.id
        case .mentoring(let r): r.id
        }
    }
}

/// One row an import cannot take: its number (the header is row 1, as a spreadsheet counts),
/// the column when one is to blame, and why.
public struct RowProblem: Equatable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: String?
    public var message: String
    public init(row: Int, column: String? = nil, _ message: String) { self.row = row; self.column = column; self.message = message }
    public var description: String {
        "row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": \(message)"
    }
}

/// What importing a file would do; nothing is written to make it.
public struct ImportPlan: Equatable, Sendable {
    public struct Addition: Equatable, Sendable {
        public var row: Int
        public var label: String
        public var record: ImportedRecord
    }
    public struct Kept: Equatable, Sendable {
        public var row: Int
        public var label: String
        /// Empty: the store already holds exactly this; else the fields that differ (the store's
        /// version is kept: an import adds records, it never overwrites one).
        public var differences: [String]
        /// The id of the record the row is: one in the store, or one an earlier row adds.
        public var existingID: UUID?
    }

    public var additions: [Addition] = []
    public var kept: [Kept] = []
    /// Rows that cannot be taken. With any, nothing is written unless the leader skips them.
    public var problems: [RowProblem] = []
    /// Problems with the file as a whole (a missing column): nothing can be imported.
    public var fileProblems: [String] = []
    /// Header cells no field reads.
    public var ignoredColumns: [String] = []
    public var rowCount = 0

    public var isValid: Bool { problems.isEmpty && fileProblems.isEmpty }
}

/// CSV rows into records: columns found by header name (case, spaces, `_` and `-` ignored),
/// every row checked by the same rules as the forms (`Validation`), people found by name (in the
/// store or earlier in the same file), and records already in the store recognised — by id when
/// the file has one, else by name (people), coachee, focus and start (coaching) or mentor, mentee
/// and start (mentoring) — so importing a file twice adds nothing the second time.
public enum CSVImport {
    /// Which kinds can be imported from CSV.
    public static let kinds: [InteropKind] = [.people, .coaching, .mentoring]

    /// The columns a kind needs, and the other columns it reads.
    public static func columns(for kind: InteropKind) -> (required: [String], optional: [String]) {
        switch kind {
        case .people: (["name"], CSVExport.peopleHeader.filter { $0 != "name" })
        case .coaching: (["coachee", "focus", "start", "deadline"],
                         CSVExport.coachingHeader.filter { !["coachee", "focus", "start", "deadline"].contains($0) })
        case .mentoring: (["mentor", "mentee", "start", "cadence days"],
                          CSVExport.mentoringHeader.filter { !["mentor", "mentee", "start", "cadence days"].contains($0) })
        case .sessions: ([], [])
        }
    }

    /// "Start Date", "start_date" and "startdate" are one column.
    public static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "_" && $0 != "-" && $0 != "\u{FEFF}"
        }.map(Character.init))
    }

    /// Plans the import of `rows` (after the header) as records of `kind` into a store holding `snapshot`.
    public static func plan(kind: InteropKind, header: [String], rows: [[String]], into snapshot: Snapshot,
                            today: Day, makeID: () -> UUID) -> ImportPlan {
        var plan = ImportPlan()
        plan.rowCount = rows.count
        guard kinds.contains(kind) else {
            plan.fileProblems.append("\(kind.rawValue) cannot be imported from CSV: use people, coaching or mentoring")
            return plan
        }
        let (required, optional) = columns(for: kind)
        var index: [String: Int] = [:]
        for (i, h) in header.enumerated() {
            let k = key(h)
            if k.isEmpty { continue }
            if index[k] != nil {
                plan.fileProblems.append("row 1: column \"\(h)\" appears twice")
                continue
            }
            index[k] = i
        }
        let known = Set((required + optional).map(key))
        plan.ignoredColumns = header.filter { !key($0).isEmpty && !known.contains(key($0)) }
        let missing = required.filter { index[key($0)] == nil }
        if !missing.isEmpty {
            plan.fileProblems.append("row 1: missing column" + (missing.count > 1 ? "s " : " ")
                + missing.map { "\"\($0)\"" }.joined(separator: ", ") + " (the header has: "
                + header.map { "\"\($0)\"" }.joined(separator: ", ") + ")")
        }
        guard plan.fileProblems.isEmpty else { return plan }

        var people = snapshot.people
        var engagements = snapshot.engagements
        var relationships = snapshot.relationships
        var firstRowOf: [String: Int] = [:]
        // People: every row's id and name first, so a manager may be named on a later row.
        var idForRow: [Int: UUID] = [:]
        var managers = people
        if kind == .people {
            for (n, cells) in rows.enumerated() {
                let row = Row(number: n + 2, cells: cells, index: index)
                let name = row.text("name")
                let existing = UUID(uuidString: row.text("id")).flatMap { id in people.first { $0.id == id } }
                    ?? people.first { !name.isEmpty && $0.name.searchKey == name.searchKey }
                let id = existing?.id ?? UUID(uuidString: row.text("id")) ?? makeID()
                idForRow[n + 2] = id
                if existing == nil, !name.isEmpty, !managers.contains(where: { $0.name.searchKey == name.searchKey }) {
                    managers.append(Person(id: id, name: name))
                }
            }
        }

        for (n, cells) in rows.enumerated() {
            let rowNumber = n + 2
            var row = Row(number: rowNumber, cells: cells, index: index)
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let result: ImportedRecord?
            switch kind {
            case .people: result = person(&row, id: idForRow[rowNumber] ?? makeID(), managers: managers)
            case .coaching: result = engagement(&row, people: people, today: today, makeID: makeID)
            case .mentoring: result = relationship(&row, people: people, today: today, makeID: makeID)
            case .sessions: result = nil
            }
            guard let record = result, row.problems.isEmpty else {
                plan.problems += row.problems
                continue
            }
            let label = describe(record, people: people)
            let identity = naturalKey(record)
            if let first = firstRowOf[identity] {
                plan.problems.append(RowProblem(row: rowNumber, "repeats row \(first) (\(label))"))
                continue
            }
            firstRowOf[identity] = rowNumber
            // Already in the store?
            switch record {
            case .person(let p):
                if let existing = people.first(where: { $0.id == p.id }) ?? people.first(where: { $0.name.searchKey == p.name.searchKey }) {
                    plan.kept.append(.init(row: rowNumber, label: label, differences: differences(existing, p), existingID: existing.id))
                } else {
                    people.append(p)
                    plan.additions.append(.init(row: rowNumber, label: label, record: record))
                }
            case .coaching(let e):
                if let existing = engagements.first(where: { $0.id == e.id }) ?? engagements.first(where: {
                    $0.coacheeID == e.coacheeID && $0.focus.searchKey == e.focus.searchKey && $0.start == e.start }) {
                    plan.kept.append(.init(row: rowNumber, label: label, differences: differences(existing, e), existingID: existing.id))
                } else {
                    engagements.append(e)
                    plan.additions.append(.init(row: rowNumber, label: label, record: record))
                }
            case .mentoring(let r):
                if let existing = relationships.first(where: { $0.id == r.id }) ?? relationships.first(where: {
                    $0.mentorID == r.mentorID && $0.menteeID == r.menteeID && $0.start == r.start }) {
                    plan.kept.append(.init(row: rowNumber, label: label, differences: differences(existing, r), existingID: existing.id))
                } else {
                    relationships.append(r)
                    plan.additions.append(.init(row: rowNumber, label: label, record: record))
                }
            }
        }
        plan.problems.sort { ($0.row, $0.column ?? "") < ($1.row, $1.column ?? "") }
        return plan
    }

    // MARK: - Rows

    struct Row {
        var number: Int
        var cells: [String]
        var index: [String: Int]
        var problems: [RowProblem] = []

        /// The trimmed cell of a column; "" when absent or empty.
        func text(_ column: String) -> String {
            guard let i = index[CSVImport.key(column)], i < cells.count else { return "" }
            return cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The cell as written (notes keep their spacing).
        func raw(_ column: String) -> String {
            guard let i = index[CSVImport.key(column)], i < cells.count else { return "" }
            return cells[i]
        }

        mutating func fail(_ column: String?, _ message: String) {
            problems.append(RowProblem(row: number, column: column, message))
        }

        mutating func day(_ column: String, required: Bool = false) -> Day? {
            let t = text(column)
            if t.isEmpty {
                if required { fail(column, "is empty: give a date YYYY-MM-DD") }
                return nil
            }
            guard let d = Day(iso: t) else {
                fail(column, "\"\(CSVImport.visible(t))\" is not a date: use YYYY-MM-DD")
                return nil
            }
            return d
        }

        mutating func whole(_ column: String, range: ClosedRange<Int>) -> Int? {
            let t = text(column)
            if t.isEmpty { return nil }
            guard let v = Int(t), range.contains(v) else {
                fail(column, "\"\(CSVImport.visible(t))\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return v
        }

        mutating func id(makeID: () -> UUID) -> UUID {
            let t = text("id")
            if t.isEmpty { return makeID() }
            guard let u = UUID(uuidString: t) else {
                fail("id", "\"\(CSVImport.visible(t))\" is not an id (a UUID); leave it empty for a new record")
                return makeID()
            }
            return u
        }

        mutating func nested<T: Decodable>(_ column: String, as type: [T].Type) -> [T] {
            let t = text(column)
            if t.isEmpty { return [] }
            guard let v = InteropJSON.decode(type, t) else {
                fail(column, "is not the JSON list Tandem's export writes here")
                return []
            }
            return v
        }

        mutating func person(_ column: String, in people: [Person], required: Bool = true) -> UUID? {
            let t = text(column)
            if t.isEmpty {
                if required { fail(column, "is empty: name a person") }
                return nil
            }
            let matches = people.filter { $0.name.searchKey == t.searchKey }
            if matches.count == 1 { return matches[0].id }
            if matches.isEmpty {
                fail(column, "unknown person \"\(CSVImport.visible(t))\": import them with --kind people first")
            } else {
                fail(column, "\"\(CSVImport.visible(t))\" names \(matches.count) people: keep names unique")
            }
            return nil
        }
    }

    /// "a; b" → ["a", "b"].
    static func list(_ s: String) -> [String] {
        s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Lines of text, or the JSON list the export writes.
    static func objectives(_ row: inout Row, makeID: () -> UUID) -> [Objective] {
        let t = row.text("objectives")
        if t.hasPrefix("[{") { return row.nested("objectives", as: [Objective].self) }
        return t.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { Objective(id: makeID(), text: $0) }
    }

    static func goals(_ row: inout Row, makeID: () -> UUID) -> [Goal] {
        let t = row.text("goals")
        if t.hasPrefix("[{") { return row.nested("goals", as: [Goal].self) }
        return t.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { Goal(id: makeID(), text: $0) }
    }

    static func person(_ row: inout Row, id: UUID, managers: [Person]) -> ImportedRecord? {
        _ = row.id(makeID: { id })
        let name = row.text("name")
        var level = Level.mid
        let lv = row.text("level").lowercased()
        if !lv.isEmpty {
            if let l = Level(rawValue: lv) { level = l } else {
                row.fail("level", "\"\(visible(lv))\" is not a level: use " + Level.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var p = Person(id: id, name: name, role: row.text("role"), team: row.text("team"), level: level,
                       startDate: row.day("start date"), expertise: list(row.text("expertise")),
                       interests: list(row.text("interests")),
                       mentoringCapacity: row.whole("mentoring capacity", range: Bounds.mentoringCapacity) ?? 0,
                       leftOn: row.day("left on"))
        if !row.text("manager").isEmpty, let m = row.person("manager", in: managers) { p.managerID = m }
        for problem in Validation.problems(in: p) { row.fail(column(for: problem.field), problem.message) }
        return .person(p)
    }

    static func engagement(_ row: inout Row, people: [Person], today: Day, makeID: () -> UUID) -> ImportedRecord? {
        let id = row.id(makeID: makeID)
        let coachee = row.person("coachee", in: people)
        var coach: Coach?
        let external = row.text("external coach")
        if !row.text("coach").isEmpty {
            coach = row.person("coach", in: people).map(Coach.person)
        } else if !external.isEmpty {
            coach = .external(external)
        } else {
            row.fail("coach", "is empty: name a person in \"coach\" or an outside coach in \"external coach\"")
        }
        let start = row.day("start", required: true)
        let deadline = row.day("deadline", required: true)
        var status = EngagementStatus.active
        let st = row.text("status")
        if !st.isEmpty {
            if let s = StatusNames.engagementStatus(st) { status = s } else {
                row.fail("status", "\"\(visible(st))\" is not a coaching state: use "
                         + EngagementStatus.allCases.map(StatusNames.typed).joined(separator: ", "))
            }
        }
        let planned = row.whole("planned sessions", range: Bounds.plannedSessions)
        let cadence = row.whole("cadence days", range: Bounds.cadenceDays)
        let objectives = objectives(&row, makeID: makeID)
        let metrics = row.nested("metrics", as: [Metric].self)
        let sessions = row.nested("sessions", as: [Session].self)
        let history = row.nested("history", as: [StatusChange<EngagementStatus>].self)
        let outcome = row.raw("outcome").isEmpty ? nil : row.raw("outcome")
        let closedOn = row.day("closed on")
        guard let start, let deadline else { return nil }
        // A missing person or coach is already reported: check the rest with stand-ins.
        let e = CoachingEngagement(id: id, coacheeID: coachee ?? UUID(), coach: coach ?? .external("?"), focus: row.text("focus"),
                                   objectives: objectives, start: start, deadline: deadline, status: status,
                                   plannedSessions: planned, cadenceDays: cadence, metrics: metrics,
                                   sessions: sessions.sorted { $0.date < $1.date }, outcome: outcome,
                                   closedOn: closedOn, history: history)
        for problem in Validation.problems(in: e, today: today) where coach != nil || problem.field != "coach" {
            row.fail(column(for: problem.field), problem.message)
        }
        guard coachee != nil, coach != nil else { return nil }
        return .coaching(e)
    }

    static func relationship(_ row: inout Row, people: [Person], today: Day, makeID: () -> UUID) -> ImportedRecord? {
        let id = row.id(makeID: makeID)
        let mentor = row.person("mentor", in: people)
        let mentee = row.person("mentee", in: people)
        let start = row.day("start", required: true)
        let cadenceText = row.text("cadence days")
        let cadence = row.whole("cadence days", range: Bounds.cadenceDays)
        if cadenceText.isEmpty { row.fail("cadence days", "is empty: give the days between meetings") }
        var status = RelationshipStatus.active
        let st = row.text("status")
        if !st.isEmpty {
            if let s = StatusNames.relationshipStatus(st) { status = s } else {
                row.fail("status", "\"\(visible(st))\" is not a mentoring state: use "
                         + RelationshipStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let goals = goals(&row, makeID: makeID)
        let sessions = row.nested("sessions", as: [Session].self)
        let history = row.nested("history", as: [StatusChange<RelationshipStatus>].self)
        let outcome = row.raw("outcome").isEmpty ? nil : row.raw("outcome")
        let closedOn = row.day("closed on"), pausedOn = row.day("paused on")
        guard let start, let cadence else { return nil }
        let r = MentoringRelationship(id: id, mentorID: mentor ?? UUID(), menteeID: mentee ?? UUID(), start: start, cadenceDays: cadence,
                                      status: status, history: history, focusAreas: list(row.text("focus areas")),
                                      goals: goals, sessions: sessions.sorted { $0.date < $1.date }, outcome: outcome,
                                      closedOn: closedOn, pausedOn: pausedOn)
        for problem in Validation.problems(in: r, today: today) { row.fail(column(for: problem.field), problem.message) }
        guard mentor != nil, mentee != nil else { return nil }
        return .mentoring(r)
    }

    /// The CSV column a record field's problem belongs to ("startDate" → "start date").
    static func column(for field: String) -> String {
        let head = field.split(separator: "[").first.map(String.init) ?? field
        let top = head.split(separator: ".").first.map(String.init) ?? head
        switch top {
        case "startDate": return "start date"
        case "leftOn": return "left on"
        case "mentoringCapacity": return "mentoring capacity"
        case "managerID": return "manager"
        case "coacheeID": return "coachee"
        case "mentorID": return "mentor"
        case "menteeID": return "mentee"
        case "plannedSessions": return "planned sessions"
        case "cadenceDays": return "cadence days"
        case "closedOn": return "closed on"
        case "pausedOn": return "paused on"
        case "focusAreas": return "focus areas"
        default: return field.hasPrefix(top + "[") || field.hasPrefix(top + ".") ? "\(top) (\(field))" : top
        }
    }

    static func naturalKey(_ r: ImportedRecord) -> String {
        switch r {
        case .person(let p): "p:" + p.name.searchKey
        case .coaching(let e): "c:\(e.coacheeID):\(e.focus.searchKey):\(e.start.iso)"
        case .mentoring(let m): "m:\(m.mentorID):\(m.menteeID):\(m.start.iso)"
        }
    }

    static func describe(_ r: ImportedRecord, people: [Person]) -> String {
        let names = PeopleIndex(people)
        switch r {
        case .person(let p): return visible(p.name)
        case .coaching(let e): return visible("\(names.name(e.coacheeID)) — \(e.focus)")
        case .mentoring(let m): return visible("\(names.name(m.mentorID)) → \(names.name(m.menteeID))")
        }
    }

    /// The top-level fields whose values differ between what the store holds and a row.
    static func differences<T: Encodable>(_ a: T, _ b: T) -> [String] {
        guard let ja = try? JSONSerialization.jsonObject(with: Data(InteropJSON.compact(a).utf8)) as? [String: Any],
              let jb = try? JSONSerialization.jsonObject(with: Data(InteropJSON.compact(b).utf8)) as? [String: Any]
        else { return [] }
        return Set(ja.keys).union(jb.keys).filter { k in
            guard k != "id" else { return false }
            return !NSDictionary(dictionary: [k: ja[k] ?? NSNull()]).isEqual(to: [k: jb[k] ?? NSNull()])
        }.sorted()
    }

    /// Text from a file as it may be printed: control characters shown as `\u{…}`.
    public static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += scalar == "\n" ? " " : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
