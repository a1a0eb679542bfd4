import Foundation

/// Finds the person a reference typed on the command line means: a full id, an id prefix
/// (4+ hex digits) or a part of the name, case and accents ignored ("jose" finds "José Núñez").
/// A whole-name match beats partial ones; several matches list the candidates.
public enum PersonQuery {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case noMatch(String)
        case ambiguous(String, [String])

        public var description: String {
            switch self {
            case .empty: "a person reference is empty: give an id, an id prefix or part of a name"
            case .noMatch(let ref): "no person matches \"\(ref)\""
            case .ambiguous(let ref, let candidates):
                "\"\(ref)\" matches \(candidates.count) people; use more of the name or an id prefix:\n"
                    + candidates.map { "  " + $0 }.joined(separator: "\n")
            }
        }
    }

    public static func resolve(_ reference: String, in people: [Person]) -> Result<Person, Failure> {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty else { return .failure(.empty) }
        let lowered = ref.lowercased()
        func line(_ p: Person) -> String { "\(String(p.id.uuidString.lowercased().prefix(8)))  \(p.name)\(p.isCurrent ? "" : " (left)")" }
        if lowered.count >= 4 && lowered.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
            let byID = people.filter { $0.id.uuidString.lowercased().hasPrefix(lowered) }
            if byID.count == 1 { return .success(byID[0]) }
            if byID.count > 1 { return .failure(.ambiguous(ref, byID.map(line))) }
        }
        let needle = ref.searchKey
        let byName = NameOrder.sorted(people.filter { $0.name.searchKey.contains(needle) }, by: \.name)
        if byName.count == 1 { return .success(byName[0]) }
        if byName.isEmpty { return .failure(.noMatch(ref)) }
        let exact = byName.filter { $0.name.trimmingCharacters(in: .whitespaces).searchKey == needle }
        if exact.count == 1 { return .success(exact[0]) }
        return .failure(.ambiguous(ref, byName.map(line)))
    }
}

/// A person's history as the needs assessment shows it beside the questions: their level, team,
/// time at the agency, and the coaching and mentoring they had and have.
public struct PersonHistory: Equatable, Sendable {
    public var person: Person
    /// Whole months from the start date to today; `nil` without a start date.
    public var monthsAtAgency: Int?
    /// Engagements as coachee, newest first.
    public var coaching: [CoachingEngagement]
    /// Relationships as mentee, newest first.
    public var mentoring: [MentoringRelationship]
    /// How many they mentor now (active).
    public var mentoringLoad: MentoringLoad
    /// Their earlier assessments, newest first.
    public var assessments: [Assessment]
    /// Whether the latest assessment's recommendation was started (`NeedsAssessment.isActedOn`).
    public var latestActedOn: Bool
    let names: PeopleIndex

    public static func == (a: PersonHistory, b: PersonHistory) -> Bool {
        a.person == b.person && a.monthsAtAgency == b.monthsAtAgency && a.coaching == b.coaching
            && a.mentoring == b.mentoring && a.mentoringLoad == b.mentoringLoad && a.assessments == b.assessments
            && a.latestActedOn == b.latestActedOn
    }

    public init(_ person: Person, in snapshot: Snapshot, today: Day) {
        self.person = person
        names = PeopleIndex(snapshot.people)
        monthsAtAgency = person.startDate.map { start in
            var m = (today.year - start.year) * 12 + (today.month - start.month)
            if today.day < start.day { m -= 1 }
            return max(0, m)
        }
        coaching = snapshot.engagements.filter { $0.coacheeID == person.id }.sorted { $0.start > $1.start }
        mentoring = snapshot.relationships.filter { $0.menteeID == person.id }.sorted { $0.start > $1.start }
        mentoringLoad = PersonRules.mentoringLoad(of: person.id, in: snapshot)
        assessments = snapshot.assessments.filter { $0.personID == person.id }.sorted { $0.date > $1.date }
        latestActedOn = assessments.first.map { NeedsAssessment.isActedOn($0, in: snapshot) } ?? false
    }

    /// "2 years 3 months", "5 months", "under a month", "start date not recorded".
    public var tenure: String {
        guard let m = monthsAtAgency else { return "start date not recorded" }
        if m == 0 { return "under a month" }
        let y = m / 12, r = m % 12
        let years = y == 0 ? "" : y == 1 ? "1 year" : "\(y) years"
        let months = r == 0 ? "" : r == 1 ? "1 month" : "\(r) months"
        return [years, months].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The history as short lines: who, then coaching, mentoring and past assessments.
    public var lines: [String] {
        var out: [String] = []
        let role = [person.role, person.team].filter { !$0.isEmpty }.joined(separator: ", ")
        out.append("\(person.level.rawValue)\(role.isEmpty ? "" : " · \(role)")")
        out.append("at the agency \(tenure)\(person.isCurrent ? "" : " (left \(person.leftOn!))")")
        if !person.interests.isEmpty { out.append("wants to grow in \(person.interests.joined(separator: ", "))") }
        out.append("")
        out.append("Coaching")
        if coaching.isEmpty { out.append("  none") }
        for e in coaching {
            out.append("  \(e.isOpen ? "now" : "past"): \(e.focus) (\(e.status.label), \(e.start)–\(e.deadline))")
        }
        out.append("Mentoring")
        if mentoring.isEmpty { out.append("  none") }
        for r in mentoring {
            out.append("  \(r.status == .closed ? "past" : "now"): with \(names.name(r.mentorID)) (\(r.status.rawValue), since \(r.start))")
        }
        if mentoringLoad.active > 0 || mentoringLoad.capacity > 0 {
            out.append("  mentors \(mentoringLoad.text)")
        }
        if let last = assessments.first {
            out.append("Last assessed \(last.date): \(last.recommendation.rawValue)\(latestActedOn ? "" : ", not acted on yet")")
        }
        return out
    }
}

extension String {
    /// The text with control characters (escape, bell, carriage return…) shown as "?", so text
    /// from a file can be printed to a terminal safely.
    public var printable: String {
        guard unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? "?" : $0 }))
    }
}
