import Foundation

/// One possible mentor for a mentee, with the score and the reasons behind it.
public struct MentorCandidate: Equatable, Sendable {
    public var person: Person
    public var score: Int
    /// Each part of the score in words, in the order they are weighed: seniority, expertise,
    /// capacity, manager, team, past pairings.
    public var reasons: [String]
    /// The mentor's active mentees against their capacity.
    public var load: MentoringLoad
    /// No room for another mentee: listed last and marked.
    public var atCapacity: Bool { load.isFull }
    /// The mentee's interests this mentor has expertise in, in the mentee's spelling.
    public var sharedInterests: [String]

    public init(person: Person, score: Int, reasons: [String], load: MentoringLoad, sharedInterests: [String]) {
        self.person = person; self.score = score; self.reasons = reasons; self.load = load
        self.sharedInterests = sharedInterests
    }
}

/// Mentor matching: for a mentee, a ranked and explained list of people who could mentor them.
///
/// Candidates are the people still at the agency at a higher level than the mentee (the mentee
/// themselves and people who have left are never listed). Each scores:
/// - seniority: one level above +2, two +3, three or more +2 (far enough to be distant);
/// - expertise: +3 for each of the mentee's interests in the mentor's expertise (case and
///   accents ignored);
/// - capacity: +1 with room for another mentee; at capacity, no points and listed last;
/// - manager: −4 for the mentee's own manager (a mentor outside the reporting line talks freely);
/// - team: +1 for another team (knowledge travels between teams);
/// - pairing: +1 never paired before, −2 for a past (closed) pairing, −4 for an open one.
/// The order: those with room first, then by score (highest first), then by name, then by id.
public enum MentorMatch {
    public static func candidates(for menteeID: UUID, in snapshot: Snapshot) -> [MentorCandidate] {
        guard let mentee = snapshot.people.first(where: { $0.id == menteeID }) else { return [] }
        let first = firstName(mentee.name)
        var wanted: [(key: String, text: String)] = []
        for i in mentee.interests {
            let t = i.trimmingCharacters(in: .whitespaces)
            let k = t.searchKey
            if !t.isEmpty && !wanted.contains(where: { $0.key == k }) { wanted.append((k, t)) }
        }
        var out: [MentorCandidate] = []
        for p in snapshot.people where p.id != menteeID && p.isCurrent && p.level > mentee.level {
            var score = 0
            var reasons: [String] = []

            let gap = p.level.rank - mentee.level.rank
            let seniority = gap == 1 ? 2 : gap == 2 ? 3 : 2
            score += seniority
            reasons.append("\(p.level.rawValue), \(levels(gap)) above \(first) (+\(seniority))")

            let expertise = Set(p.expertise.map { $0.trimmingCharacters(in: .whitespaces).searchKey })
            let shared = wanted.filter { expertise.contains($0.key) }.map(\.text)
            if shared.isEmpty {
                reasons.append(wanted.isEmpty ? "\(first) has no growth interests recorded (+0)"
                                              : "no expertise in \(first)'s interests (+0)")
            } else {
                score += 3 * shared.count
                reasons.append("expertise in \(shared.joined(separator: ", ")) (+\(3 * shared.count))")
            }

            let load = PersonRules.mentoringLoad(of: p.id, in: snapshot)
            if load.isFull {
                reasons.append("at capacity: \(load.text) mentees (+0)")
            } else {
                score += 1
                reasons.append("room for a mentee: \(load.text) (+1)")
            }

            if mentee.managerID == p.id {
                score -= 4
                reasons.append("\(first)'s own manager (−4)")
            }

            let team = p.team.trimmingCharacters(in: .whitespaces), menteeTeam = mentee.team.trimmingCharacters(in: .whitespaces)
            if !team.isEmpty && !menteeTeam.isEmpty && team.searchKey != menteeTeam.searchKey {
                score += 1
                reasons.append("another team, \(team) (+1)")
            } else if !team.isEmpty && team.searchKey == menteeTeam.searchKey {
                reasons.append("same team, \(team) (+0)")
            }

            let pairs = snapshot.relationships.filter { $0.mentorID == p.id && $0.menteeID == menteeID }
            if pairs.contains(where: { $0.status != .closed }) {
                score -= 4
                reasons.append("already mentors \(first) (−4)")
            } else if let past = pairs.first {
                score -= 2
                reasons.append("mentored \(first) before\(past.closedOn.map { ", until \($0)" } ?? "") (−2)")
            } else {
                score += 1
                reasons.append("never paired with \(first) (+1)")
            }
            out.append(MentorCandidate(person: p, score: score, reasons: reasons, load: load, sharedInterests: shared))
        }
        return out.sorted { a, b in
            if a.atCapacity != b.atCapacity { return !a.atCapacity }
            if a.score != b.score { return a.score > b.score }
            let ka = NameOrder.key(a.person.name), kb = NameOrder.key(b.person.name)
            if ka != kb { return NameOrder.areInIncreasingOrder(a.person.name, b.person.name) }
            return a.person.id.uuidString < b.person.id.uuidString
        }
    }

    static func levels(_ n: Int) -> String {
        switch n {
        case 1: "one level"
        case 2: "two levels"
        case 3: "three levels"
        case 4: "four levels"
        default: "\(n) levels"
        }
    }

    static func firstName(_ name: String) -> String {
        let t = name.trimmingCharacters(in: .whitespaces)
        return t.split(separator: " ").first.map(String.init) ?? (t.isEmpty ? "the mentee" : t)
    }
}
