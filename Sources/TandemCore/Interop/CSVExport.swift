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

    /// The table of one kind; apply `ExportScope.filtered` first.
    public static func table(_ kind: InteropKind, of snapshot: Snapshot) -> CSVTable {
        let names = PeopleIndex(snapshot.people)
        switch kind {
        case .people:
            return CSVTable(header: peopleHeader, rows: snapshot.people.map { p in
                [p.id.uuidString, p.name, p.role, p.team, p.level.rawValue, p.startDate?.iso ?? "",
                 list(p.expertise), list(p.interests), String(p.mentoringCapacity),
                 p.managerID.map(names.name) ?? "", p.leftOn?.iso ?? ""]
            })
        case .coaching:
            return CSVTable(header: coachingHeader, rows: snapshot.engagements.map { e in
                var coach = "", external = ""
                switch e.coach {
                case .person(let id): coach = names.name(id)
                case .external(let name): external = name
                }
                return [e.id.uuidString, names.name(e.coacheeID), coach, external, e.focus, StatusNames.typed(e.status),
                        e.start.iso, e.deadline.iso, e.plannedSessions.map(String.init) ?? "",
                        e.cadenceDays.map(String.init) ?? "", e.outcome ?? "", e.closedOn?.iso ?? "",
                        nested(e.objectives), nested(e.metrics), nested(e.sessions), nested(e.history)]
            })
        case .mentoring:
            return CSVTable(header: mentoringHeader, rows: snapshot.relationships.map { r in
                [r.id.uuidString, names.name(r.mentorID), names.name(r.menteeID), r.start.iso, String(r.cadenceDays),
                 r.status.rawValue, list(r.focusAreas), nested(r.goals), r.outcome ?? "", r.closedOn?.iso ?? "",
                 r.pausedOn?.iso ?? "", nested(r.sessions), nested(r.history)]
            })
        case .sessions:
            var rows: [[String]] = []
            for e in snapshot.engagements {
                for s in e.sessions {
                    let readings = e.metrics.flatMap { m in
                        m.readings.filter { $0.sessionID == s.id }.map { "\(m.name)=\(number($0.value))" }
                    }
                    rows.append(sessionRow(s, kind: "coaching", id: e.id, who: names.name(e.coacheeID),
                                           focus: e.focus, readings: readings))
                }
            }
            for r in snapshot.relationships {
                for s in r.sessions {
                    rows.append(sessionRow(s, kind: "mentoring", id: r.id,
                                           who: "\(names.name(r.mentorID)) → \(names.name(r.menteeID))",
                                           focus: r.focusAreas.joined(separator: "; "), readings: []))
                }
            }
            return CSVTable(header: sessionsHeader, rows: rows)
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
