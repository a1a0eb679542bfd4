import Foundation

/// An engagement or a relationship: the two kinds of record a session is logged on.
public enum SessionRecord: Equatable, Sendable {
    case coaching(CoachingEngagement)
    case mentoring(MentoringRelationship)

    public var id: UUID {
        switch self {
        case .coaching(let e): e.id
        case .mentoring(let r): r.id
        }
    }

    public var sessions: [Session] {
        switch self {
        case .coaching(let e): e.sessions
        case .mentoring(let r): r.sessions
        }
    }
}

/// Finds the record a person means by a reference typed on the command line or at `:log`.
///
/// A reference is a full id, an id prefix (4+ hex digits), or a part of the coachee's or
/// mentee's name (also the mentor's), ignoring case and accents ("jose" finds "José Núñez").
/// `coaching:` or `mentoring:` in front narrows the kind.
public enum RecordQuery {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case noMatch(String)
        /// Several records match: each candidate as a short line ("coaching 1a2b3c4d  Ana Lima — Pitching").
        case ambiguous(String, [String])

        public var description: String {
            switch self {
            case .empty:
                return "a record reference is empty: give an id, an id prefix or part of a name"
            case .noMatch(let ref):
                return "no open engagement or relationship matches \"\(ref)\""
            case .ambiguous(let ref, let candidates):
                return "\"\(ref)\" matches \(candidates.count) records; use an id prefix:\n"
                    + candidates.map { "  " + $0 }.joined(separator: "\n")
            }
        }
    }

    public static func resolve(_ reference: String, in snapshot: Snapshot) -> Result<SessionRecord, Failure> {
        var ref = reference.trimmingCharacters(in: .whitespaces)
        var kinds: Set<String> = ["coaching", "mentoring"]
        for k in ["coaching:", "mentoring:"] where ref.lowercased().hasPrefix(k) {
            kinds = [String(k.dropLast())]
            ref = String(ref.dropFirst(k.count)).trimmingCharacters(in: .whitespaces)
        }
        guard !ref.isEmpty else { return .failure(.empty) }
        let people = PeopleIndex(snapshot.people)
        let needle = ref.searchKey
        let lowered = ref.lowercased()
        let isHex = lowered.count >= 4 && lowered.allSatisfy { $0.isHexDigit || $0 == "-" }

        var all: [(SessionRecord, String)] = []
        if kinds.contains("coaching") {
            for e in snapshot.engagements {
                all.append((.coaching(e), "coaching  \(short(e.id))  \(people.name(e.coacheeID)) — \(e.focus)"))
            }
        }
        if kinds.contains("mentoring") {
            for r in snapshot.relationships {
                all.append((.mentoring(r), "mentoring \(short(r.id))  \(people.name(r.mentorID)) → \(people.name(r.menteeID))"))
            }
        }

        if isHex {
            let byID = all.filter { $0.0.id.uuidString.lowercased().hasPrefix(lowered) }
            if byID.count == 1 { return .success(byID[0].0) }
            if byID.count > 1 { return .failure(.ambiguous(ref, byID.map(\.1))) }
        }
        let byName = all.filter { record, _ in
            switch record {
            case .coaching(let e):
                return people.name(e.coacheeID).searchKey.contains(needle)
            case .mentoring(let r):
                return people.name(r.menteeID).searchKey.contains(needle) || people.name(r.mentorID).searchKey.contains(needle)
            }
        }
        switch byName.count {
        case 0: return .failure(.noMatch(ref))
        case 1: return .success(byName[0].0)
        default:
            // A whole-name match beats partial ones ("Ana" vs "Anand").
            let exact = byName.filter { record, _ in
                switch record {
                case .coaching(let e): people.name(e.coacheeID).searchKey == needle
                case .mentoring(let r): people.name(r.menteeID).searchKey == needle
                }
            }
            if exact.count == 1 { return .success(exact[0].0) }
            return .failure(.ambiguous(ref, byName.map(\.1)))
        }
    }

    static func short(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }
}

extension String {
    /// The text as searches compare it: case and accents ignored ("José" and "jose" match).
    public var searchKey: String { folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}
