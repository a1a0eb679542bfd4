/// Builds one demo agency: the people, then a plan for every record, then the sessions shared
/// out among the plans in proportion to their length, then the records themselves.
struct DemoGenerator {
    var rng: DemoRandom
    let today: Day
    let options: DemoOptions
    var people: [Person] = []
    /// How notes call each person, by index in `people`.
    var shortNames: [String] = []
    /// People's indices by level rank (junior … partner).
    var byLevel: [[Int]] = Array(repeating: [], count: Level.allCases.count)
    /// Everyone below partner: the people who are coached and mentored.
    var nonPartners: [Int] = []
    /// How many open relationships each person mentors.
    var mentorLoad: [Int] = []
    /// Mentor and mentee pairs so far, as `mentor * people.count + mentee`.
    var pairs = Set<Int>()
    /// Whether each person is in an open engagement or an open relationship as mentee.
    var openCoachee: [Bool] = []
    var openMentee: [Bool] = []
    /// The earliest day each person takes part in a record, as a day number.
    var firstInvolvement: [Int] = []

    init(today: Day, options: DemoOptions) {
        self.today = today
        self.options = DemoOptions(seed: options.seed, people: max(2, options.people),
                                   engagements: max(0, options.engagements), relationships: max(0, options.relationships),
                                   sessions: max(0, options.sessions))
        rng = DemoRandom(seed: options.seed)
    }

    /// The whole agency at once (`DemoAgency.generate`).
    mutating func run() -> Snapshot {
        var snapshot = Snapshot(agency: Agency(name: ""))
        run { piece in
            switch piece {
            case .agency(let a): snapshot.agency = a
            case .people: break
            case .engagement(let e): snapshot.engagements.append(e)
            case .relationship(let r): snapshot.relationships.append(r)
            case .settledPeople(let people): snapshot.people = people
            case .assessment(let a): snapshot.assessments.append(a)
            }
        }
        return snapshot
    }

    /// The agency a piece at a time, in the order of `DemoPiece`: only the people and the plans
    /// are held, never the records made, so a history of any size takes little memory.
    mutating func run(_ emit: (DemoPiece) throws -> Void) rethrows {
        try emit(.agency(Agency(name: rng.pick(DemoVocabulary.agencyNames))))
        makePeople()
        let engagementPlans = planEngagements()
        let relationshipPlans = planRelationships()
        let counts = DemoGenerator.share(options.sessions,
                                         among: engagementPlans.map(\.share) + relationshipPlans.map(\.share))
        try emit(.people(people))
        // What the assessments are made from: the latest-starting open engagement of someone
        // above junior and the latest-starting active relationship (the first of equals).
        var latestEngagement: CoachingEngagement?
        var latestRelationship: MentoringRelationship?
        let index = Dictionary(people.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (i, plan) in engagementPlans.enumerated() {
            let e = makeEngagement(plan, sessions: counts[i])
            if e.isOpen && e.status != .planned && (index[e.coacheeID].map { people[$0].level > .junior } ?? false),
               latestEngagement.map({ ($0.start, $0.id.uuidString) < (e.start, e.id.uuidString) }) ?? true {
                latestEngagement = e
            }
            try emit(.engagement(e))
        }
        for (i, plan) in relationshipPlans.enumerated() {
            let r = makeRelationship(plan, sessions: counts[engagementPlans.count + i])
            if r.status == .active, latestRelationship.map({ ($0.start, $0.id.uuidString) < (r.start, r.id.uuidString) }) ?? true {
                latestRelationship = r
            }
            try emit(.relationship(r))
        }
        settleStartDates()
        try emit(.settledPeople(people))
        for a in makeAssessments(latestEngagement: latestEngagement, latestRelationship: latestRelationship) {
            try emit(.assessment(a))
        }
    }

    /// Notes that person `index` takes part in a record from `day` on.
    mutating func involve(_ index: Int, from day: Day) {
        firstInvolvement[index] = min(firstInvolvement[index], day.dayNumber)
    }

    /// Moves start dates back where a person took part in a record before they joined.
    mutating func settleStartDates() {
        for i in people.indices where firstInvolvement[i] != Int.max {
            let earliest = Day(dayNumber: firstInvolvement[i])
            if let start = people[i].startDate, start <= earliest.adding(days: -14) { continue }
            people[i].startDate = earliest.adding(days: -rng.int(14...120))
        }
    }

    // MARK: Sharing out the sessions

    /// How many sessions a record would like, and how many it must or may have.
    struct SessionShare {
        /// Sessions the record would have at its natural rhythm.
        var weight: Double
        var minimum: Int
        /// `nil` when the record takes any number.
        var maximum: Int?
    }

    /// Splits `total` sessions among the records: minimums first, in order, while sessions
    /// last; the rest in proportion to the weights (largest remainders first). Every session is
    /// placed as long as one record takes any number.
    static func share(_ total: Int, among shares: [SessionShare]) -> [Int] {
        var counts = Array(repeating: 0, count: shares.count)
        var left = total
        for (i, s) in shares.enumerated() where left > 0 {
            let n = min(left, s.maximum.map { min($0, s.minimum) } ?? s.minimum)
            counts[i] = n
            left -= n
        }
        let open = shares.indices.filter { shares[$0].maximum == nil }
        guard left > 0, !open.isEmpty else { return counts }
        let weights = open.map { max(0, shares[$0].weight) }
        let sum = weights.reduce(0, +)
        let fair = sum > 0 ? weights.map { $0 / sum } : weights.map { _ in 1 / Double(open.count) }
        var remainders: [(index: Int, fraction: Double)] = []
        remainders.reserveCapacity(open.count)
        var given = 0
        for (k, i) in open.enumerated() {
            let exact = Double(left) * fair[k]
            let whole = Int(exact)
            counts[i] += whole
            given += whole
            remainders.append((i, exact - Double(whole)))
        }
        remainders.sort { $0.fraction != $1.fraction ? $0.fraction > $1.fraction : $0.index < $1.index }
        for k in 0..<(left - given) { counts[remainders[k % remainders.count].index] += 1 }
        return counts
    }

    // MARK: Dates

    /// `n` days from `first` to `last`, evenly spread with some jitter, in order.
    mutating func spread(_ n: Int, from first: Day, to last: Day) -> [Day] {
        guard n > 0 else { return [] }
        guard n > 1, first < last else { return Array(repeating: last, count: n) }
        let step = Double(first.days(to: last)) / Double(n - 1)
        let jitter = Int(step * 0.3)
        var days: [Day] = []
        days.reserveCapacity(n)
        var previous = first.dayNumber
        for k in 0..<n {
            var d = first.dayNumber + Int((Double(k) * step).rounded())
            if k > 0 && k < n - 1 && jitter > 0 { d += rng.int(-jitter...jitter) }
            d = min(max(d, previous), last.dayNumber)
            days.append(Day(dayNumber: d))
            previous = d
        }
        return days
    }

    /// The first session day for `n` sessions ending on `last`: `natural`, or earlier when the
    /// sessions would otherwise come closer than five days apart.
    func firstSession(_ n: Int, natural: Day, last: Day) -> Day {
        guard n > 1, natural.days(to: last) < (n - 1) * 5 else { return min(natural, last) }
        return last.adding(days: -(n - 1) * 7)
    }
}
