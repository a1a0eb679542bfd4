import Foundation
import Testing
@testable import TandemCore

@Suite struct DemoAgencyTests {
    static let today = Day(iso: "2026-11-29")!
    static let standard = DemoAgency.generate(today: today, options: DemoOptions())
    static let largeOptions = DemoOptions(people: 300, engagements: 2000, relationships: 600, sessions: 50000)
    static let large = DemoAgency.generate(today: today, options: largeOptions)

    // MARK: The rules, as the brief defines them (the real ones land in parallel)

    enum Health { case onTrack, dueSoon, overdue, drifting, fizzled }

    static func nextDue(_ r: MentoringRelationship) -> Day {
        let lastMet = r.sessions.last?.date
        let resumedOn = r.history.last { $0.status == .active }?.date
        let anchor = max(lastMet ?? r.start, resumedOn ?? r.start)
        if let next = r.sessions.last?.nextDate, next > anchor { return next }
        return anchor.adding(days: r.cadenceDays)
    }

    static func health(_ r: MentoringRelationship, today: Day) -> Health {
        if r.sessions.count == 1, r.sessions[0].date.days(to: today) >= 42 { return .fizzled }
        let due = nextDue(r)
        let missed = today > due ? 1 + (due.days(to: today) - 1) / r.cadenceDays : 0
        if missed >= 2 { return .drifting }
        if missed == 1 { return .overdue }
        if (0...3).contains(today.days(to: due)) { return .dueSoon }
        return .onTrack
    }

    /// How far the latest reading went from baseline toward target (1 = reached).
    static func progress(_ m: Metric) -> Double? {
        guard let last = m.readings.last, m.target != m.baseline else { return nil }
        return (last.value - m.baseline) / (m.target - m.baseline)
    }

    static func sessionCount(_ s: Snapshot) -> Int {
        s.engagements.reduce(0) { $0 + $1.sessions.count } + s.relationships.reduce(0) { $0 + $1.sessions.count }
    }

    static func isCJK(_ name: String) -> Bool {
        name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3040...0x30FF).contains($0.value)
            || (0xAC00...0xD7AF).contains($0.value) }
    }

    static func isAccentedLatin(_ name: String) -> Bool {
        name.unicodeScalars.contains { (0x00C0...0x024F).contains($0.value) || (0x1E00...0x1EFF).contains($0.value) }
    }

    // MARK: Determinism and counts

    @Test func sameSeedGivesTheSameAgency() {
        let again = DemoAgency.generate(today: Self.today, options: DemoOptions())
        #expect(again == Self.standard)
    }

    /// `tandem demo` writes the agency a piece at a time: the pieces come in their order and make
    /// up exactly what `generate` returns, and the people given first name the same people.
    @Test func piecesComeInOrderAndMakeUpTheAgency() {
        let options = DemoOptions(seed: 9, people: 40, engagements: 60, relationships: 30, sessions: 900)
        var order: [Int] = []
        var first: [Person] = []
        var rebuilt = Snapshot(agency: Agency(name: ""))
        DemoAgency.generate(today: Self.today, options: options) { piece in
            switch piece {
            case .agency(let a): order.append(0); rebuilt.agency = a
            case .people(let p): order.append(1); first = p
            case .engagement(let e): order.append(2); rebuilt.engagements.append(e)
            case .relationship(let r): order.append(3); rebuilt.relationships.append(r)
            case .settledPeople(let p): order.append(4); rebuilt.people = p
            case .assessment(let a): order.append(5); rebuilt.assessments.append(a)
            }
        }
        #expect(order == order.sorted())
        #expect(order.filter { $0 == 0 || $0 == 1 || $0 == 4 }.count == 3)
        #expect(rebuilt == DemoAgency.generate(today: Self.today, options: options))
        #expect(rebuilt.assessments.count == 3)
        #expect(first.map(\.id) == rebuilt.people.map(\.id) && first.map(\.name) == rebuilt.people.map(\.name))
        // Settling only moves start dates back, and it moved some.
        let moved = zip(first, rebuilt.people).filter { $0 != $1 }
        #expect(!moved.isEmpty)
        #expect(moved.allSatisfy { before, after in
            var b = before; b.startDate = after.startDate
            return b == after && (before.startDate.map { s in after.startDate.map { $0 < s } ?? false } ?? true)
        })
    }

    @Test func otherSeedOrDayGivesAnotherAgency() {
        let other = DemoAgency.generate(today: Self.today, options: DemoOptions(seed: 43))
        #expect(other != Self.standard)
        #expect(other.people.map(\.id) != Self.standard.people.map(\.id))
        let later = DemoAgency.generate(today: Self.today.adding(days: 1), options: DemoOptions())
        #expect(later != Self.standard)
    }

    @Test(arguments: [
        DemoOptions(),
        DemoOptions(seed: 7, people: 3, engagements: 15, relationships: 12, sessions: 40),
        DemoOptions(seed: 1, people: 2, engagements: 1, relationships: 1, sessions: 5),
        DemoOptions(seed: 9, people: 40, engagements: 60, relationships: 30, sessions: 900),
        DemoOptions(seed: 3, people: 12, engagements: 4, relationships: 0, sessions: 0),
        DemoOptions(seed: 5, people: 10, engagements: 0, relationships: 20, sessions: 3),
    ])
    func countsMatchTheOptions(_ options: DemoOptions) throws {
        let s = DemoAgency.generate(today: Self.today, options: options)
        #expect(s.people.count == options.people)
        #expect(s.engagements.count == options.engagements)
        #expect(s.relationships.count == options.relationships)
        #expect(Self.sessionCount(s) == options.sessions)
        try checkInvariants(s)
    }

    @Test func fewerThanTwoPeopleBecomesTwo() throws {
        let s = DemoAgency.generate(today: Self.today, options: DemoOptions(people: 0, engagements: 3, relationships: 2, sessions: 10))
        #expect(s.people.count == 2)
        #expect(Self.sessionCount(s) == 10)
        try checkInvariants(s)
    }

    @Test func sharingMeetsMinimumsInOrderThenFollowsWeights() {
        let shares = [
            DemoGenerator.SessionShare(weight: 1, minimum: 2),
            DemoGenerator.SessionShare(weight: 0, minimum: 1, maximum: 1),
            DemoGenerator.SessionShare(weight: 0, minimum: 0, maximum: 0),
            DemoGenerator.SessionShare(weight: 3, minimum: 2),
        ]
        #expect(DemoGenerator.share(3, among: shares) == [2, 1, 0, 0])
        #expect(DemoGenerator.share(0, among: shares) == [0, 0, 0, 0])
        #expect(DemoGenerator.share(13, among: shares) == [4, 1, 0, 8])
        // No weight at all: the rest is shared evenly among the records that take any number.
        let flat = [DemoGenerator.SessionShare(weight: 0, minimum: 0), DemoGenerator.SessionShare(weight: 0, minimum: 0)]
        #expect(DemoGenerator.share(5, among: flat).reduce(0, +) == 5)
    }

    // MARK: Invariants

    @Test func standardAgencyHoldsTogether() throws { try checkInvariants(Self.standard) }

    @Test func largeAgencyHoldsTogether() throws {
        let s = Self.large
        #expect(s.people.count == 300)
        #expect(s.engagements.count == 2000)
        #expect(s.relationships.count == 600)
        #expect(Self.sessionCount(s) == 50000)
        try checkInvariants(s)
    }

    func checkInvariants(_ s: Snapshot) throws {
        let today = Self.today
        let people = Dictionary(uniqueKeysWithValues: s.people.map { ($0.id, $0) })
        #expect(people.count == s.people.count, "person ids are unique")
        #expect(Set(s.people.map(\.name)).count == s.people.count, "names are unique")
        #expect(!s.agency.name.isEmpty)

        var ids = Set(s.people.map(\.id))
        func unique(_ id: UUID) { #expect(ids.insert(id).inserted, "id \(id) is used twice") }

        for p in s.people {
            if let m = p.managerID {
                let manager = try #require(people[m])
                #expect(manager.level >= .lead && manager.team == p.team || p.level == .lead && manager.level == .partner)
                #expect(manager.level > p.level)
            } else {
                #expect(p.level == .partner)
            }
            #expect(p.startDate.map { $0 <= today } ?? false)
            #expect(p.level >= .senior ? (1...3).contains(p.mentoringCapacity) : p.mentoringCapacity == 0)
        }

        for e in s.engagements {
            unique(e.id)
            let coachee = try #require(people[e.coacheeID])
            #expect(coachee.startDate.map { $0 <= e.start } ?? false)
            if case .person(let id) = e.coach {
                let coach = try #require(people[id])
                #expect(id != e.coacheeID && coach.level > coachee.level)
            }
            #expect(e.start < e.deadline)
            #expect((2...4).contains(e.objectives.count))
            for o in e.objectives { unique(o.id); #expect(o.doneOn.map { $0 >= e.start && $0 <= today } ?? true) }
            try checkSessions(e.sessions, start: e.start, unique: unique)
            if e.status == .planned { #expect(e.sessions.isEmpty && e.start > today) }
            #expect((e.outcome != nil) == (e.status == .completed || e.status == .cancelled))
            let sessionDates = Dictionary(uniqueKeysWithValues: e.sessions.map { ($0.id, $0.date) })
            #expect(!e.metrics.isEmpty)
            for m in e.metrics {
                unique(m.id)
                #expect(m.readings.map(\.date) == m.readings.map(\.date).sorted())
                for r in m.readings {
                    let id = try #require(r.sessionID)
                    #expect(sessionDates[id] == r.date, "a reading is taken in a session of its engagement")
                }
            }
        }

        for r in s.relationships {
            unique(r.id)
            let mentor = try #require(people[r.mentorID]), mentee = try #require(people[r.menteeID])
            #expect(r.mentorID != r.menteeID)
            #expect(mentor.level > mentee.level)
            #expect(mentee.startDate.map { $0 <= r.start } ?? false)
            #expect([14, 21, 28, 30].contains(r.cadenceDays))
            #expect(r.history.map(\.date) == r.history.map(\.date).sorted())
            #expect(r.history.allSatisfy { $0.date >= r.start && $0.date <= today })
            #expect(r.history.last?.status ?? .active == r.status)
            for g in r.goals { unique(g.id); #expect(g.achievedOn.map { $0 > r.start && $0 <= today } ?? true) }
            try checkSessions(r.sessions, start: r.start, unique: unique)
            if let last = r.sessions.last, let change = r.history.last, r.status != .active {
                #expect(last.date <= change.date, "no session after a pause or a close")
            }
        }
    }

    func checkSessions(_ sessions: [Session], start: Day, unique: (UUID) -> Void) throws {
        #expect(sessions.map(\.date) == sessions.map(\.date).sorted())
        for x in sessions {
            unique(x.id)
            #expect(x.date >= start && x.date <= Self.today)
            #expect((30...90).contains(x.minutes))
            #expect(x.pulse.map { (1...5).contains($0) } ?? true)
            #expect(!x.notes.isEmpty && !x.topics.isEmpty)
            #expect(x.nextDate.map { $0 > x.date } ?? true)
            for a in x.actionItems {
                unique(a.id)
                #expect(a.due.map { $0 > x.date } ?? true)
                #expect(a.doneOn.map { $0 >= x.date && $0 <= Self.today } ?? true)
            }
        }
    }

    // MARK: What the default agency shows

    @Test func namesComeFromManyCultures() {
        let names = Self.standard.people.map(\.name)
        #expect(names.contains(where: Self.isCJK))
        #expect(names.contains(where: Self.isAccentedLatin))
        #expect(names.contains { !Self.isCJK($0) && !Self.isAccentedLatin($0) })
        #expect(Set(Self.large.people.map(\.name)).count == 300)
        for seed in UInt64(0)..<20 {
            let small = DemoAgency.generate(today: Self.today, options: DemoOptions(seed: seed, people: 2, engagements: 0, relationships: 0, sessions: 0))
            #expect(small.people.contains { Self.isCJK($0.name) } && small.people.contains { Self.isAccentedLatin($0.name) })
        }
    }

    @Test func peopleFormAPyramidInFiveTeams() {
        let people = Self.standard.people
        func count(_ l: Level) -> Int { people.filter { $0.level == l }.count }
        #expect(count(.partner) >= 1 && count(.partner) < count(.lead) + count(.senior))
        #expect(count(.junior) + count(.mid) > count(.lead) + count(.partner))
        #expect(Set(people.map(\.team)) == ["strategy", "creative", "accounts", "media", "development"])
        #expect(people.contains { !$0.expertise.isEmpty } && people.allSatisfy { !$0.interests.isEmpty })
    }

    static let seeds: [UInt64] = [42, 1, 2, 3, 2026, .max]

    @Test(arguments: seeds) func engagementsCoverEveryState(seed: UInt64) {
        let today = Self.today
        let e = DemoAgency.generate(today: today, options: DemoOptions(seed: seed)).engagements
        let active = e.filter { $0.status == .active }
        func days(_ x: CoachingEngagement) -> Int { today.days(to: x.deadline) }
        #expect(active.contains { days($0) < 0 }, "an active engagement past its deadline")
        #expect(active.filter { (0...7).contains(days($0)) }.count >= 2, "two due within a week")
        #expect(e.contains { [.active, .onHold].contains($0.status) && (8...14).contains(days($0)) }, "one due within two weeks")
        #expect(active.filter { days($0) > 14 }.count >= 2, "several further out")
        #expect(e.filter { $0.status == .completed && !($0.outcome ?? "").isEmpty }.count >= 2)
        #expect(e.filter { $0.status == .onHold }.count == 1)
        #expect(e.filter { $0.status == .cancelled }.count == 1)
        let planned = e.filter { $0.status == .planned }
        #expect(planned.count == 1 && planned.allSatisfy { today.days(to: $0.start) <= 14 })
        #expect(e.flatMap(\.objectives).contains { $0.doneOn != nil })
        #expect(e.flatMap(\.objectives).contains { $0.doneOn == nil })
    }

    @Test(arguments: seeds) func metricsTrendTowardTargetsWithOneOffTrackAndOneAtRisk(seed: UInt64) throws {
        let today = Self.today
        var onTrack = 0, atRisk = 0, offTrack = 0
        for e in DemoAgency.generate(today: today, options: DemoOptions(seed: seed)).engagements where e.status == .active {
            let metric = try #require(e.metrics.first)
            let p = try #require(Self.progress(metric))
            let taken = try #require(metric.readings.last).date
            let elapsed = Double(e.start.days(to: min(taken, e.deadline))) / Double(e.start.days(to: e.deadline))
            if p <= 0.1 && elapsed >= 0.2 { offTrack += 1 }
            else if p < 0.75 * elapsed { atRisk += 1 }
            else { onTrack += 1 }
        }
        #expect(offTrack >= 1)
        #expect(atRisk >= 1)
        #expect(onTrack >= 2)
    }

    @Test func mostMetricsMoveTheRightWay() {
        let moved = Self.large.engagements.filter { $0.status != .planned }.flatMap(\.metrics).compactMap(Self.progress)
        #expect(moved.filter { $0 > 0.2 }.count * 3 > moved.count * 2)
        #expect(moved.contains { $0 < 0 }, "some went the wrong way")
    }

    @Test func coachesAreSeniorPeopleOrExternal() {
        let coaches = Self.large.engagements.map(\.coach)
        #expect(coaches.contains { if case .external = $0 { true } else { false } })
        #expect(coaches.contains { if case .person = $0 { true } else { false } })
    }

    @Test(arguments: seeds) func relationshipsCoverEveryHealth(seed: UInt64) {
        let today = Self.today
        let r = DemoAgency.generate(today: today, options: DemoOptions(seed: seed)).relationships
        let active = r.filter { $0.status == .active }
        let healths = active.map { Self.health($0, today: today) }
        for h in [Health.onTrack, .dueSoon, .overdue, .drifting, .fizzled] {
            #expect(healths.contains(h), "a relationship that is \(h)")
        }
        #expect(active.contains { Self.health($0, today: today) == .fizzled && $0.sessions.count == 1 })
        #expect(r.contains { $0.status == .paused && $0.history.last?.status == .paused })
        #expect(active.contains { $0.history.map(\.status) == [.paused, .active] })
        #expect(r.contains { $0.status == .closed })
        #expect(r.flatMap(\.goals).contains { $0.achievedOn != nil })
        #expect(r.flatMap(\.goals).allSatisfy { $0.targetDate != nil })
    }

    @Test func mentorsAreRarelyTheMenteesManager() {
        let managers = Dictionary(uniqueKeysWithValues: Self.large.people.map { ($0.id, $0.managerID) })
        let managed = Self.large.relationships.filter { managers[$0.menteeID] == $0.mentorID }.count
        #expect(managed * 20 < Self.large.relationships.count)
        let small = Dictionary(uniqueKeysWithValues: Self.standard.people.map { ($0.id, $0.managerID) })
        #expect(!Self.standard.relationships.contains { small[$0.menteeID] == $0.mentorID })
    }

    @Test func sessionsLookLikeALog() {
        let sessions = Self.large.engagements.flatMap(\.sessions) + Self.large.relationships.flatMap(\.sessions)
        let notes = Set(sessions.map(\.notes))
        #expect(notes.count > 1000, "notes vary")
        #expect(sessions.contains { $0.notes.contains("\n") })
        #expect(sessions.contains { Self.isCJK($0.notes) })
        #expect(sessions.filter { [45, 60].contains($0.minutes) }.count * 2 > sessions.count)
        #expect(sessions.filter { ($0.pulse ?? 0) >= 3 }.count * 10 > sessions.count * 8)
        #expect(Set(sessions.map(\.visibility)).count == 2)
        #expect(sessions.contains { $0.nextDate != nil })
        let items = sessions.flatMap(\.actionItems)
        #expect(items.contains { $0.doneOn == nil && ($0.due ?? Self.today) < Self.today }, "some overdue")
        #expect(items.contains { $0.doneOn == nil && ($0.due ?? Self.today) >= Self.today }, "some open")
        #expect(items.filter { $0.doneOn != nil }.count * 2 > items.count)
    }

    // MARK: A large agency keeps years of history

    @Test func largeAgencyIsMostlyHistory() {
        let today = Self.today
        let e = Self.large.engagements
        let open = e.filter { [.active, .onHold, .planned].contains($0.status) }
        #expect(open.count >= 50 && open.count <= 130)
        #expect(e.filter { [.completed, .cancelled].contains($0.status) }.count * 2 > e.count)
        #expect(e.contains { $0.deadline < today.adding(days: -3 * 365) }, "history reaches back years")
        let r = Self.large.relationships
        let openRelationships = r.filter { $0.status != .closed }.count
        #expect((100...200).contains(openRelationships))
        #expect(r.filter { $0.status == .closed }.count * 2 > r.count)
        let longest = r.map { $0.sessions.count }.max() ?? 0
        #expect(longest > 30, "a long relationship has many sessions")
    }
}
