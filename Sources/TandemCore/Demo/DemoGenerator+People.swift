import Foundation

extension DemoGenerator {
    /// Makes the people: a pyramid of levels, every team headed by a lead or partner,
    /// managers in the same team, unique names from many cultures.
    mutating func makePeople() {
        let count = options.people
        let names = makeNames(count)
        let levels = pyramid(count)
        let teamCount = DemoVocabulary.teams.count
        // Heads (partners, then leads) go round the teams first; a small agency has only the
        // teams it has heads for, so everyone's manager is in their team.
        let heads = levels.filter { $0 >= .lead }.count
        let weights = DemoVocabulary.teamWeights.enumerated().map { $0.offset < heads ? $0.element : 0 }
        var teams: [Int] = []
        for (i, level) in levels.enumerated() {
            teams.append(level >= .lead ? i % teamCount : rng.weighted(weights))
        }
        var headsByTeam = Array(repeating: [Int](), count: teamCount)
        var partnersByTeam = Array(repeating: [Int](), count: teamCount)
        var partners: [Int] = []
        for i in 0..<count where levels[i] >= .lead {
            headsByTeam[teams[i]].append(i)
            if levels[i] == .partner { partnersByTeam[teams[i]].append(i); partners.append(i) }
        }
        var ids: [UUID] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append(rng.uuid()) }

        people.reserveCapacity(count)
        for i in 0..<count {
            let level = levels[i], team = teams[i]
            var manager: Int?
            switch level {
            case .partner: manager = nil
            case .lead:
                manager = partnersByTeam[team].isEmpty ? partners.first : rng.pick(partnersByTeam[team])
            default:
                manager = rng.pick(headsByTeam[team])
            }
            let (expertise, interests) = skills(team: team, level: level)
            let person = Person(
                id: ids[i], name: names[i].full,
                role: rng.pick(DemoVocabulary.roles[team][level.rank]),
                team: DemoVocabulary.teams[team], level: level,
                startDate: today.adding(days: -rng.int(tenure(level))),
                expertise: expertise, interests: interests,
                mentoringCapacity: level >= .senior ? rng.int(1...3) : 0,
                managerID: manager.map { ids[$0] })
            people.append(person)
            shortNames.append(names[i].short)
            byLevel[level.rank].append(i)
        }
        nonPartners = (0..<Level.partner.rank).flatMap { byLevel[$0] }
        mentorLoad = Array(repeating: 0, count: count)
        openCoachee = Array(repeating: false, count: count)
        openMentee = Array(repeating: false, count: count)
        firstInvolvement = Array(repeating: Int.max, count: count)
    }

    /// Levels for `count` people, partners first: about 8% partners, 13% leads, 25% seniors,
    /// 25% juniors and the rest mid; at least one partner, so everyone else has a senior.
    func pyramid(_ count: Int) -> [Level] {
        var left = count
        var levels: [Level] = []
        for (level, share) in [(Level.partner, 0.08), (.lead, 0.13), (.senior, 0.25), (.junior, 0.25)] {
            let n = min(left, max(level == .partner ? 1 : 0, Int((Double(count) * share).rounded())))
            levels += Array(repeating: level, count: n)
            left -= n
        }
        return levels + Array(repeating: .mid, count: left)
    }

    func tenure(_ level: Level) -> ClosedRange<Int> {
        switch level {
        case .junior: 30...700
        case .mid: 300...1800
        case .senior: 700...3000
        case .lead: 1100...4000
        case .partner: 1800...6000
        }
    }

    /// What someone can mentor in (more with seniority) and what they want to grow in.
    mutating func skills(team: Int, level: Level) -> (expertise: [String], interests: [String]) {
        let own = DemoVocabulary.teamSkills[team]
        let n: Int
        switch level {
        case .junior: n = rng.int(0...1)
        case .mid: n = rng.int(1...2)
        case .senior: n = rng.int(2...3)
        case .lead: n = rng.int(3...4)
        case .partner: n = rng.int(3...5)
        }
        var expertise = rng.sample(own, count: min(n, own.count))
        if level >= .lead && !expertise.contains("team leadership") { expertise.append("team leadership") }
        if level == .partner, !expertise.contains("pitching") { expertise.append("pitching") }
        let pool = (own + DemoVocabulary.generalSkills).filter { !expertise.contains($0) }
        var interests: [String] = []
        for skill in rng.sample(pool, count: rng.int(1...3)) where !interests.contains(skill) {
            interests.append(skill)
        }
        return (expertise, interests)
    }

    /// `count` distinct names: the featured ones first (always one with accents and one in CJK
    /// script among them), then combinations of given and family names of one culture.
    mutating func makeNames(_ count: Int) -> [(full: String, short: String)] {
        let cultures = DemoVocabulary.cultures
        var featured = DemoVocabulary.featured
        rng.shuffle(&featured)
        // Keep a CJK name and an accented Latin name at the front, whatever the shuffle.
        if let cjk = featured.firstIndex(where: { [3, 4, 5].contains($0.culture) }) { featured.swapAt(0, cjk) }
        if let accented = featured.dropFirst().firstIndex(where: { [0, 1, 2].contains($0.culture) }) { featured.swapAt(1, accented) }

        var names: [(full: String, short: String)] = []
        var seen = Set<String>()
        names.reserveCapacity(count)
        for f in featured.prefix(count) {
            let c = cultures[f.culture]
            let full = c.fullName(given: f.given, family: f.family)
            names.append((full, c.shortName(given: f.given, family: f.family)))
            seen.insert(full)
        }
        while names.count < count {
            let c = rng.pick(cultures)
            var given = rng.pick(c.given), family = rng.pick(c.family)
            var full = c.fullName(given: given, family: family)
            var short = c.shortName(given: given, family: family)
            var tries = 0
            while seen.contains(full) {
                tries += 1
                if tries < 30 {
                    given = rng.pick(c.given); family = rng.pick(c.family)
                    full = c.fullName(given: given, family: family)
                    short = c.shortName(given: given, family: family)
                } else {
                    // The combinations are running out: a middle initial, then a number.
                    let initial = Character(UnicodeScalar(UInt8(65 + tries % 26)))
                    let suffix = tries < 56 ? "" : " \(tries / 26)"
                    full = "\(given) \(initial). \(family)\(suffix)"
                    short = given
                }
            }
            seen.insert(full)
            names.append((full, short))
        }
        // The featured names should not all land on the partners.
        rng.shuffle(&names)
        return names
    }
}
