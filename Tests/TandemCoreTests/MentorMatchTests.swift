import Foundation
import Testing
@testable import TandemCore

@Suite struct MentorMatchTests {
    /// The mentee, Ana: junior in Design, wants to grow in "Brand strategy" and "pitching",
    /// managed by Mo.
    static let ana = Person(id: uuid(1), name: "Ana Lima", team: "Design", level: .junior,
                            interests: ["Brand strategy", "pitching"], managerID: uuid(5))
    static let people: [Person] = [
        ana,
        // Two levels up, another team, both interests (accents and case differ), room.
        Person(id: uuid(2), name: "Bea Stratégie", team: "Strategy", level: .senior,
               expertise: ["brand STRATEGY", "Pitching"], mentoringCapacity: 2),
        // One level up, same team, one interest, room.
        Person(id: uuid(3), name: "Cy Mid", team: "design", level: .mid, expertise: ["pitching"], mentoringCapacity: 1),
        // Lead, another team, one interest, but at capacity.
        Person(id: uuid(4), name: "Di Full", team: "Accounts", level: .lead, expertise: ["Pitching"], mentoringCapacity: 1),
        // Ana's manager: partner, other team, one interest.
        Person(id: uuid(5), name: "Mo Boss", team: "Studio", level: .partner, expertise: ["brand strategy"], mentoringCapacity: 3),
        // Left the agency: never listed.
        Person(id: uuid(6), name: "Ex Gone", team: "Strategy", level: .lead, expertise: ["brand strategy", "pitching"],
               mentoringCapacity: 3, leftOn: day("2026-01-01")),
        // Same level as Ana: not a mentor for her.
        Person(id: uuid(7), name: "Jo Peer", team: "Strategy", level: .junior, expertise: ["pitching"], mentoringCapacity: 2),
        // Mentored Ana before (closed): other team, no shared interest, room.
        Person(id: uuid(8), name: "Pa Past", team: "Tech", level: .senior, expertise: ["Swift"], mentoringCapacity: 1),
    ]
    static var snapshot: Snapshot {
        Snapshot(agency: Agency(name: "A"), people: people, relationships: [
            MentoringRelationship(id: uuid(40), mentorID: uuid(4), menteeID: uuid(7), start: day("2026-01-05"), cadenceDays: 14),
            MentoringRelationship(id: uuid(41), mentorID: uuid(8), menteeID: uuid(1), start: day("2025-01-05"), cadenceDays: 14,
                                  status: .closed, closedOn: day("2025-09-01")),
        ])
    }

    @Test func theRankingAndItsReasons() {
        let list = MentorMatch.candidates(for: uuid(1), in: Self.snapshot)
        let rows = list.map { ($0.person.name, $0.score, $0.atCapacity) }
        #expect(rows.map(\.0) == ["Bea Stratégie", "Cy Mid", "Mo Boss", "Pa Past", "Di Full"])
        #expect(rows.map(\.1) == [3 + 6 + 1 + 1 + 1, 2 + 3 + 1 + 1, 2 + 3 + 1 - 4 + 1 + 1, 3 + 1 + 1 - 2, 2 + 3 + 1 + 1])
        #expect(list.last!.atCapacity && !list.dropLast().contains(where: \.atCapacity))

        #expect(list[0].reasons == [
            "senior, two levels above Ana (+3)",
            "expertise in Brand strategy, pitching (+6)",
            "room for a mentee: 0/2 (+1)",
            "another team, Strategy (+1)",
            "never paired with Ana (+1)",
        ])
        #expect(list[0].sharedInterests == ["Brand strategy", "pitching"])
        #expect(list[1].reasons.contains("same team, design (+0)"))
        #expect(list[2].reasons.contains("Ana's own manager (−4)"))
        #expect(list[2].reasons[0] == "partner, four levels above Ana (+2)")
        #expect(list[3].reasons.contains("mentored Ana before, until 2025-09-01 (−2)"))
        #expect(list[3].reasons.contains("no expertise in Ana's interests (+0)"))
        #expect(list[4].reasons.contains("at capacity: 1/1 mentees (+0)"))
    }

    @Test func leaversPeersAndTheMenteeAreNeverListed() {
        let ids = Set(MentorMatch.candidates(for: uuid(1), in: Self.snapshot).map(\.person.id))
        #expect(!ids.contains(uuid(1)) && !ids.contains(uuid(6)) && !ids.contains(uuid(7)))
        #expect(MentorMatch.candidates(for: uuid(99), in: Self.snapshot).isEmpty)
        #expect(MentorMatch.candidates(for: uuid(5), in: Self.snapshot).isEmpty, "nobody is above a partner")
    }

    @Test func anOpenPairingCountsAgainstAndTiesGoByName() {
        var s = Self.snapshot
        s.relationships.append(MentoringRelationship(id: uuid(42), mentorID: uuid(2), menteeID: uuid(1), start: day("2026-02-01"), cadenceDays: 14))
        let bea = MentorMatch.candidates(for: uuid(1), in: s).first { $0.person.id == uuid(2) }!
        #expect(bea.reasons.contains("already mentors Ana (−4)"))
        #expect(bea.reasons.contains("room for a mentee: 1/2 (+1)"))
        #expect(bea.score == 3 + 6 + 1 + 1 - 4)

        // Two identical mentors: name order, whatever the order in the snapshot.
        let twin = { (id: Int, name: String) in Person(id: uuid(id), name: name, team: "X", level: .mid, mentoringCapacity: 1) }
        let t = Snapshot(agency: Agency(name: "A"), people: [twin(11, "Zoë"), twin(10, "Álvaro"), Person(id: uuid(1), name: "Ana", level: .junior)])
        #expect(MentorMatch.candidates(for: uuid(1), in: t).map(\.person.name) == ["Álvaro", "Zoë"])
    }
}

@Suite struct MetricTemplateTests {
    @Test func theAgencyTemplatesHaveUnitsAndDirections() {
        let byName = Dictionary(uniqueKeysWithValues: MetricTemplates.agency.map { ($0.name, $0) })
        #expect(byName["Billable utilisation"]?.unit == "%")
        #expect(byName["Pitch win rate"]?.direction == .higherIsBetter)
        #expect(byName["Client NPS"]?.unit == "pts")
        #expect(byName["Revision rounds per deliverable"]?.direction == .lowerIsBetter)
        #expect(byName["On-time delivery"]?.unit == "%")
        #expect(MetricTemplates.agency.count >= 8)
        #expect(MetricTemplates.agency.allSatisfy { !$0.unit.isEmpty && !$0.focus.isEmpty && $0.source == .agency })
    }

    @Test func metricsUsedBeforeFollowMostUsedFirstWithoutRepeatingTemplates() {
        func e(_ id: Int, _ start: String, _ metrics: [Metric]) -> CoachingEngagement {
            CoachingEngagement(id: uuid(id), coacheeID: uuid(1), coach: .external("C"), focus: "f", start: day(start),
                               deadline: day("2026-12-01"), metrics: metrics)
        }
        func m(_ name: String, _ unit: String, _ d: Direction = .higherIsBetter) -> Metric {
            Metric(id: uuid(99), name: name, unit: unit, baseline: 0, target: 1, direction: d)
        }
        let s = Snapshot(agency: Agency(name: "A"), engagements: [
            e(1, "2026-01-01", [m("Workshop score", "pts"), m("pitch WIN rate", "%")]),
            e(2, "2026-02-01", [m("Late timesheets", "sheets", .lowerIsBetter), m("workshop score", "points")]),
        ])
        let used = MetricTemplates.usedBefore(in: s)
        #expect(used.map(\.name) == ["workshop score", "Late timesheets"])
        #expect(used[0].unit == "points" && used[0].source == .usedBefore(count: 2))
        #expect(used[1].direction == .lowerIsBetter)
        #expect(MetricTemplates.all(in: s).count == MetricTemplates.agency.count + 2)
    }

    @Test(arguments: [("Designer", "Revision rounds per deliverable"), ("New business lead", "Pitch win rate"),
                      ("Account manager", "Client NPS"), ("Producer", "On-time delivery"), ("Office dog", "Billable utilisation")])
    func theSuggestionFollowsTheRole(_ role: String, _ name: String) {
        #expect(MetricTemplates.suggested(for: Person(id: uuid(1), name: "X", role: role)).name == name)
    }
}
