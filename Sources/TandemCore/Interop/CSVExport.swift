import Foundation

/// Records as CSV tables (RFC 4180 text is made by the store's CSV writer): one row per person,
/// engagement, relationship or session, under a header row.
///
/// Plain values are plain cells (dates `YYYY-MM-DD`, lists joined with "; ", people by name);
/// what nests — objectives, goals, metrics with their readings, sessions, history — is compact
/// JSON in its own cell, so `CSVImport` gives back the same records. `sessions` is the readable
/// view of every session, one per row.
public enum CSVExport {
    public static let peopleHeader = ["id", "name", "role", "team", "level", "start date", "expertise",
                                      "interests", "mentoring capacity", "manager", "left on"]
    public static let coachingHeader = ["id", "coachee", "coach", "external coach", "focus", "status", "start",
                                        "deadline", "planned sessions", "cadence days", "outcome", "closed on",
                                        "objectives", "metrics", "sessions", "history"]
    public static let mentoringHeader = ["id", "mentor", "mentee", "start", "cadence days", "status", "focus areas",
                                         "goals", "outcome", "closed on", "paused on", "sessions", "history"]
    public static let sessionsHeader = ["kind", "record id", "who", "focus", "session id", "date", "minutes", "pulse",
                                        "visibility", "topics", "notes", "action items", "readings", "next date"]

    /// The header row of a table of `kind`.
    public static func header(_ kind: InteropKind) -> [String] {
        switch kind {
        case .people: peopleHeader
        case .coaching: coachingHeader
        case .mentoring: mentoringHeader
        case .sessions: sessionsHeader
        }
    }

    /// The table of one kind; apply `ExportScope.filtered` first. Each record's rows are
    /// `rows(_:of:names:)`, in the snapshot's order (people, engagements, relationships), so a
    /// store streamed a record at a time gives the same table.
    public static func table(_ kind: InteropKind, of snapshot: Snapshot) -> CSVTable {
        let names = PeopleIndex(snapshot.people)
        var rows: [[String]] = []
        for p in snapshot.people { rows += self.rows(kind, of: p, names: names) }
        for e in snapshot.engagements { rows += self.rows(kind, of: e, names: names) }
        for r in snapshot.relationships { rows += self.rows(kind, of: r, names: names) }
        return CSVTable(header: header(kind), rows: rows)
    }

    /// A person's rows in a table of `kind`: its own in the people table, none in the others.
    public static func rows(_ kind: InteropKind, of p: Person, names: PeopleIndex) -> [[String]] {
        guard kind == .people else { return [] }
        return [[p.id.uuidString, p.name, p.role, p.team, p.level.rawValue, p.startDate?.iso ?? "",
                 list(p.expertise), list(p.interests), String(p.mentoringCapacity),
                 p.managerID.map(names.name) ?? "", p.leftOn?.iso ?? ""]]
    }

    /// An engagement's rows in a table of `kind`: itself in the coaching table, one per session
    /// in the sessions table, none in the others.
    public static func rows(_ kind: InteropKind, of e: CoachingEngagement, names: PeopleIndex) -> [[String]] {
        switch kind {
        case .coaching:
            var coach = "", external = ""
            switch e.coach {
            case .person(let id): coach = names.name(id)
            case .external(let name): external = name
            }
            return [[e.id.uuidString, names.name(e.coacheeID), coach, external, e.focus, StatusNames.typed(e.status),
                     e.start.iso, e.deadline.iso, e.plannedSessions.map(String.init) ?? "",
                     e.cadenceDays.map(String.init) ?? "", e.outcome ?? "", e.closedOn?.iso ?? "",
                     nested(e.objectives), nested(e.metrics), nested(e.sessions), nested(e.history)]]
        case .sessions:
            return e.sessions.map { s in
                let readings = e.metrics.flatMap { m in
                    m.readings.filter { $0.sessionID == s.id }.map { "\(m.name)=\(number($0.value))" }
                }
                return sessionRow(s, kind: "coaching", id: e.id, who: names.name(e.coacheeID),
                                  focus: e.focus, readings: readings)
            }
        case .people, .mentoring:
            return []
        }
    }

    /// A relationship's rows in a table of `kind`: itself in the mentoring table, one per
    /// session in the sessions table, none in the others.
    public static func rows(_ kind: InteropKind, of r: MentoringRelationship, names: PeopleIndex) -> [[String]] {
        switch kind {
        case .mentoring:
            return [[r.id.uuidString, names.name(r.mentorID), names.name(r.menteeID), r.start.iso, String(r.cadenceDays),
                     r.status.rawValue, list(r.focusAreas), nested(r.goals), r.outcome ?? "", r.closedOn?.iso ?? "",
                     r.pausedOn?.iso ?? "", nested(r.sessions), nested(r.history)]]
        case .sessions:
            return r.sessions.map { s in
                sessionRow(s, kind: "mentoring", id: r.id, who: "\(names.name(r.mentorID)) → \(names.name(r.menteeID))",
                           focus: r.focusAreas.joined(separator: "; "), readings: [])
            }
        case .people, .coaching:
            return []
        }
    }

    static func sessionRow(_ s: Session, kind: String, id: UUID, who: String, focus: String, readings: [String]) -> [String] {
        let actions = s.actionItems.map { a in
            var line = a.text
            if let due = a.due { line += " @\(due.iso)" }
            if let done = a.doneOn { line += " (done \(done.iso))" }
            return line
        }.joined(separator: "\n")
        return [kind, id.uuidString, who, focus, s.id.uuidString, s.date.iso, String(s.minutes),
                s.pulse.map(String.init) ?? "", s.visibility.rawValue, list(s.topics), s.notes, actions,
                readings.joined(separator: "; "), s.nextDate?.iso ?? ""]
    }

    /// "a; b; c".
    static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    /// Empty for an empty list, else compact sorted JSON.
    static func nested<T: Encodable>(_ items: [T]) -> String { items.isEmpty ? "" : InteropJSON.compact(items) }

    /// 35, 2.5, -1: no trailing ".0".
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
