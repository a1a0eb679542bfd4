import Foundation

/// A mentor's load: active relationships as mentor against their capacity.
public struct MentoringLoad: Equatable, Sendable {
    /// Active relationships in which the person is the mentor (paused and closed ones do not count).
    public var active: Int
    /// `Person.mentoringCapacity`.
    public var capacity: Int

    public init(active: Int, capacity: Int) { self.active = active; self.capacity = capacity }

    /// No room for another mentee: the active count has reached the capacity.
    public var isFull: Bool { active >= capacity }
    /// More mentees than the capacity.
    public var isOver: Bool { active > capacity }
    /// "2/1": active over capacity, as the people screen shows it.
    public var text: String { "\(active)/\(capacity)" }
}

/// Something to ask about before saving a mentoring pair; saving is still allowed.
public enum PairingWarning: Equatable, Sendable {
    /// The mentor's active mentees already fill their capacity (`load` counts without this pair).
    case mentorAtCapacity(mentorID: UUID, load: MentoringLoad)
    /// The mentee already has an active mentor in another relationship.
    case menteeHasActiveMentor(menteeID: UUID, mentorID: UUID, relationshipID: UUID)
    /// The mentor or the mentee has left the agency.
    case personHasLeft(personID: UUID, leftOn: Day)

    /// The warning in words, with names from `names`.
    public func message(_ names: PeopleIndex) -> String {
        switch self {
        case let .mentorAtCapacity(mentor, load):
            "\(names.name(mentor)) already mentors \(load.active) with a capacity of \(load.capacity); "
                + "this pair makes \(load.active + 1)/\(load.capacity)"
        case let .menteeHasActiveMentor(mentee, mentor, _):
            "\(names.name(mentee)) already has an active mentor, \(names.name(mentor))"
        case let .personHasLeft(person, day):
            "\(names.name(person)) left on \(day)"
        }
    }
}

/// The open records of a person: what is still running with them in it.
public struct OpenWork: Equatable, Sendable {
    /// Planned, active or on-hold engagements where they are coachee or coach.
    public var engagements: [CoachingEngagement]
    /// Active or paused relationships where they are mentor or mentee.
    public var relationships: [MentoringRelationship]

    public var isEmpty: Bool { engagements.isEmpty && relationships.isEmpty }
    public var count: Int { engagements.count + relationships.count }
}

/// What typed team text means among the teams that exist.
public enum TeamMatch: Equatable, Sendable {
    /// Nothing typed.
    case none
    /// An existing team, in its existing spelling (case and accents ignored when matching).
    case existing(String)
    /// A team not seen before, as typed (trimmed).
    case new(String)

    /// The team to store: the existing spelling, the new text, or "".
    public var team: String {
        switch self {
        case .none: ""
        case .existing(let t), .new(let t): t
        }
    }
}

/// The rules about people: mentoring load, pairing warnings, leavers' open records, teams.
public enum PersonRules {
    /// The person's active relationships as mentor against their capacity. A relationship with
    /// id `excluding` is left out (the one being edited).
    public static func mentoringLoad(of personID: UUID, in snapshot: Snapshot, excluding: UUID? = nil) -> MentoringLoad {
        let active = snapshot.relationships.filter {
            $0.mentorID == personID && $0.status == .active && $0.id != excluding
        }.count
        let capacity = snapshot.people.first { $0.id == personID }?.mentoringCapacity ?? 0
        return MentoringLoad(active: active, capacity: capacity)
    }

    /// What to ask before saving `relationship` (new or edited) into `snapshot`: the mentor at
    /// capacity, the mentee with another active mentor, either person gone. Only an active
    /// relationship is warned about; the relationship's own id is left out of the counts.
    public static func pairingWarnings(_ relationship: MentoringRelationship, in snapshot: Snapshot) -> [PairingWarning] {
        guard relationship.status == .active else { return [] }
        var warnings: [PairingWarning] = []
        let load = mentoringLoad(of: relationship.mentorID, in: snapshot, excluding: relationship.id)
        if load.isFull { warnings.append(.mentorAtCapacity(mentorID: relationship.mentorID, load: load)) }
        if let other = snapshot.relationships.first(where: {
            $0.menteeID == relationship.menteeID && $0.status == .active && $0.id != relationship.id
        }) {
            warnings.append(.menteeHasActiveMentor(menteeID: relationship.menteeID, mentorID: other.mentorID, relationshipID: other.id))
        }
        for id in [relationship.mentorID, relationship.menteeID] {
            if let left = snapshot.people.first(where: { $0.id == id })?.leftOn {
                warnings.append(.personHasLeft(personID: id, leftOn: left))
            }
        }
        return warnings
    }

    /// The person's open records: open engagements as coachee or coach, active or paused
    /// relationships as mentor or mentee, each in snapshot order.
    public static func openWork(of personID: UUID, in snapshot: Snapshot) -> OpenWork {
        OpenWork(
            engagements: snapshot.engagements.filter { e in
                guard e.isOpen else { return false }
                if e.coacheeID == personID { return true }
                if case .person(let coach) = e.coach { return coach == personID }
                return false
            },
            relationships: snapshot.relationships.filter {
                $0.status != .closed && ($0.mentorID == personID || $0.menteeID == personID)
            })
    }

    /// People who have left (`leftOn` set) and still have open records, in name order: what to
    /// flag and offer to close.
    public static func leaversWithOpenWork(in snapshot: Snapshot) -> [(person: Person, work: OpenWork)] {
        NameOrder.sorted(snapshot.people.filter { !$0.isCurrent }, by: \.name).compactMap { p in
            let work = openWork(of: p.id, in: snapshot)
            return work.isEmpty ? nil : (p, work)
        }
    }

    /// The teams people are in, one spelling each (the first met), in name order.
    public static func teams(in people: [Person]) -> [String] {
        var seen: [String: String] = [:]
        for p in people {
            let t = p.team.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { continue }
            let key = t.searchKey
            if seen[key] == nil { seen[key] = t }
        }
        return NameOrder.sorted(Array(seen.values), by: \.self)
    }

    /// The existing team `typed` names (case, accents and surrounding spaces ignored), else new.
    public static func matchTeam(_ typed: String, among teams: [String]) -> TeamMatch {
        let t = typed.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return .none }
        let key = t.searchKey
        if let existing = teams.first(where: { $0.trimmingCharacters(in: .whitespaces).searchKey == key }) {
            return .existing(existing.trimmingCharacters(in: .whitespaces))
        }
        return .new(t)
    }
}
