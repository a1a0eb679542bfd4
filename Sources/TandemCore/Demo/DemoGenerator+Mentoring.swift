extension DemoGenerator {
    /// What a relationship will look like, before it knows its sessions.
    struct RelationshipPlan {
        /// The health it is built to show today (paused, resumed and closed are statuses).
        enum Shape { case onTrack, dueSoon, overdue, drifting, fizzled, paused, resumed, closed }

        var shape: Shape
        var cadence: Int
        /// Paused: days since the pause. Closed: days since closing.
        var offset: Int = 0
        var share: SessionShare
    }

    /// One relationship of every health first, then mostly closed history with a steady
    /// hundred or two open ones.
    mutating func planRelationships() -> [RelationshipPlan] {
        let count = options.relationships
        let core: [RelationshipPlan.Shape] = [.onTrack, .dueSoon, .overdue, .drifting, .fizzled, .paused, .resumed, .closed]
        var plans: [RelationshipPlan] = []
        plans.reserveCapacity(count)
        for shape in core.prefix(count) {
            plans.append(relationship(shape, closedDaysAgo: rng.int(20...120)))
        }
        let extras = count - plans.count
        guard extras > 0 else { return plans }
        let openCap = min(count * 3 / 10, 100 + rng.int(0...80))
        let openExtras = min(extras, max(0, openCap - (plans.count - 1)))
        let shapes: [RelationshipPlan.Shape] = [.onTrack, .dueSoon, .overdue, .drifting, .fizzled, .paused, .resumed]
        for k in 0..<extras {
            if k < openExtras {
                plans.append(relationship(shapes[rng.weighted([0.5, 0.14, 0.14, 0.09, 0.04, 0.05, 0.04])], closedDaysAgo: 0))
            } else {
                plans.append(relationship(.closed, closedDaysAgo: rng.int(1...1460)))
            }
        }
        return plans
    }

    mutating func relationship(_ shape: RelationshipPlan.Shape, closedDaysAgo: Int) -> RelationshipPlan {
        let cadence = [14, 21, 28, 30][rng.weighted([3, 3, 2, 2])]
        let span = shape == .closed ? rng.int(60...800) : rng.int(90...1100)
        let weight = Double(span) / Double(cadence) * 0.85
        switch shape {
        case .fizzled:
            return RelationshipPlan(shape: shape, cadence: cadence, share: SessionShare(weight: 1, minimum: 1, maximum: 1))
        case .closed:
            return RelationshipPlan(shape: shape, cadence: cadence, offset: closedDaysAgo,
                                    share: SessionShare(weight: weight, minimum: 1))
        case .paused:
            return RelationshipPlan(shape: shape, cadence: cadence, offset: rng.int(14...60),
                                    share: SessionShare(weight: weight, minimum: 2))
        default:
            return RelationshipPlan(shape: shape, cadence: cadence, share: SessionShare(weight: weight, minimum: 2))
        }
    }

    // MARK: Building

    mutating func makeRelationship(_ plan: RelationshipPlan, sessions n: Int) -> MentoringRelationship {
        let c = plan.cadence
        // The last session and what it agreed, so that today shows the planned health:
        // next due = the last session's next date, else the last session (or start) + cadence.
        var nextDue = today
        var history: [StatusChange<RelationshipStatus>] = []
        var status = RelationshipStatus.active
        var lastNext: Day? = nil
        let last: Day
        switch plan.shape {
        case .onTrack, .dueSoon, .overdue, .drifting:
            switch plan.shape {
            case .onTrack: nextDue = today.adding(days: rng.int(4...max(4, c - 2)))
            case .dueSoon: nextDue = today.adding(days: rng.int(0...3))
            case .overdue: nextDue = today.adding(days: -rng.int(1...min(c, 10)))
            default: nextDue = today.adding(days: -rng.int(c + 2...2 * c))
            }
            if rng.chance(0.4) {
                last = min(today, nextDue.adding(days: -c + rng.int(-2...2)))
                lastNext = nextDue
            } else {
                last = nextDue.adding(days: -c)
            }
        case .fizzled:
            last = today.adding(days: -rng.int(45...80))
        case .paused:
            let paused = today.adding(days: -plan.offset)
            history = [StatusChange(date: paused, status: .paused, from: .active)]
            status = .paused
            last = paused.adding(days: -rng.int(0...c / 2))
        case .resumed:
            let resumed = today.adding(days: -rng.int(2...5))
            let paused = resumed.adding(days: -rng.int(30...90))
            history = [StatusChange(date: paused, status: .paused, from: .active),
                       StatusChange(date: resumed, status: .active, from: .paused)]
            last = paused.adding(days: -rng.int(0...c / 2))
        case .closed:
            let closed = today.adding(days: -plan.offset)
            status = .closed
            if rng.chance(0.2) {
                let paused = closed.adding(days: -rng.int(20...60))
                history = [StatusChange(date: paused, status: .paused, from: .active),
                           StatusChange(date: closed, status: .closed, from: .paused)]
                last = paused.adding(days: -rng.int(0...c / 2))
            } else {
                history = [StatusChange(date: closed, status: .closed, from: .active)]
                last = closed.adding(days: -rng.int(0...c))
            }
        }

        // Earlier sessions step back from the last at about the cadence, with a missed one now and then.
        var dates = Array(repeating: last, count: n)
        for k in stride(from: n - 2, through: 0, by: -1) {
            var gap = Int((Double(c) * rng.double(0.8...1.25)).rounded())
            if rng.chance(0.07) { gap += c }
            dates[k] = dates[k + 1].adding(days: -gap)
        }
        let start = n > 0 ? dates[0].adding(days: -rng.int(0...10)) : last.adding(days: -c)
        let isOpen = status != .closed

        let (mentor, mentee) = pickPair(startingOn: start, open: isOpen)
        involve(mentor, from: start)
        involve(mentee, from: start)
        let focusAreas = mentoringFocus(mentor: mentor, mentee: mentee)
        let (menteeName, mentorName) = shortNames[mentee] == shortNames[mentor]
            ? (people[mentee].name, people[mentor].name) : (shortNames[mentee], shortNames[mentor])
        let setting = SessionSetting(name: menteeName, other: mentorName, focuses: focusAreas,
                                     topics: DemoVocabulary.mentoringTopics, asides: focusAreas,
                                     openers: DemoVocabulary.mentoringOpeners, settled: !isOpen)
        var sessions: [Session] = []
        sessions.reserveCapacity(n)
        for (k, date) in dates.enumerated() {
            let next = k == n - 1 ? lastNext : (dates[k + 1] > date && rng.chance(0.3) ? dates[k + 1] : nil)
            sessions.append(makeSession(on: date, setting, nextDate: next))
        }
        let end = isOpen ? today : (history.last?.date ?? today)
        var relationship = MentoringRelationship(
            id: rng.uuid(), mentorID: people[mentor].id, menteeID: people[mentee].id, start: start,
            cadenceDays: c, status: status, history: history, focusAreas: focusAreas,
            goals: makeGoals(focusAreas, start: start, end: end), sessions: sessions)
        // What closing and pausing record (no further random draws).
        switch status {
        case .paused:
            relationship.pausedOn = history.last?.date
        case .closed:
            let outcome = DemoVocabulary.mentoringOutcomes[mentee % DemoVocabulary.mentoringOutcomes.count]
            relationship.closedOn = history.last?.date
            relationship.outcome = outcome
            if !relationship.history.isEmpty { relationship.history[relationship.history.count - 1].note = outcome }
        case .active:
            break
        }
        return relationship
    }

    /// A mentee below partner (mostly junior or mid) and a mentor above them. Looks for a new
    /// pair, a mentor who is not the mentee's manager and has room, both already at the agency;
    /// settles for the best pair found rather than fail.
    mutating func pickPair(startingOn start: Day, open: Bool) -> (mentor: Int, mentee: Int) {
        var best = (mentor: byLevel[Level.partner.rank][0], mentee: nonPartners[0])
        var bestScore = -1
        for _ in 0..<40 {
            let mentee = rng.pick(nonPartners)
            let level = people[mentee].level
            if level >= .senior && rng.chance(0.6) { continue }
            let ranks = (level.rank + 1...Level.partner.rank).filter { !byLevel[$0].isEmpty }
            // Mostly one or two levels up.
            let mentor = rng.pick(byLevel[ranks[min(ranks.count - 1, rng.weighted([0.55, 0.3, 0.1, 0.05]))]])
            let managed = people[mentee].managerID == people[mentor].id
            let full = open && (mentorLoad[mentor] >= people[mentor].mentoringCapacity || openMentee[mentee])
            let joined = [mentor, mentee].allSatisfy { people[$0].startDate.map { $0 <= start.adding(days: -30) } ?? true }
            let repeated = pairs.contains(mentor * people.count + mentee)
            let score = (repeated ? 0 : 8) + (managed ? 0 : 4) + (full ? 0 : 2) + (joined ? 1 : 0)
            if score > bestScore { best = (mentor, mentee); bestScore = score }
            if score == 15 { break }
        }
        pairs.insert(best.mentor * people.count + best.mentee)
        if open { mentorLoad[best.mentor] += 1; openMentee[best.mentee] = true }
        return best
    }

    /// What the mentor knows that the mentee wants, else what the mentee wants.
    mutating func mentoringFocus(mentor: Int, mentee: Int) -> [String] {
        let wanted = people[mentee].interests
        let shared = wanted.filter { people[mentor].expertise.contains($0) }
        let areas = shared.isEmpty ? Array(wanted.prefix(1)) + Array(people[mentor].expertise.prefix(1)) : shared
        let unique = areas.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return unique.isEmpty ? ["career growth"] : Array(unique.prefix(3))
    }

    /// One to three goals with target dates; the older ones mostly achieved by `end`.
    mutating func makeGoals(_ areas: [String], start: Day, end: Day) -> [Goal] {
        let templates = rng.sample(DemoVocabulary.goalTemplates, count: rng.int(1...3))
        return templates.map { template in
            let target = start.adding(days: rng.int(60...365))
            let earliest = start.adding(days: 20)
            var achieved: Day? = nil
            if earliest < end && rng.chance(target < end ? 0.65 : 0.2) {
                achieved = earliest.adding(days: rng.int(0...earliest.days(to: min(end, target.adding(days: 30)))))
            }
            return Goal(id: rng.uuid(), text: template(rng.pick(areas)), targetDate: target, achievedOn: achieved)
        }
    }
}
