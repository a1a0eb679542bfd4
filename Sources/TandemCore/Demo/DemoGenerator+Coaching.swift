extension DemoGenerator {
    /// What an engagement will look like, before it knows its sessions.
    struct EngagementPlan {
        /// How the metric readings move.
        enum Trend { case onTrack, atRisk, offTrack, fallsShort }

        var status: EngagementStatus
        /// Active, on hold: the deadline from today. Planned: the start from today.
        /// Completed, cancelled: how many days ago it ended.
        var offset: Int
        /// Days from start to deadline, at least.
        var length: Int
        /// Days sessions could happen in, at the natural rhythm.
        var activeDays: Int
        var trend: Trend = .onTrack
        /// Active: days since the last session. On hold: days since it was put on hold.
        var quietDays: Int = 0
        var share: SessionShare
    }

    /// The required states first (overdue, due within a week, on hold with a deadline within two
    /// weeks, completed, planned, cancelled…), then mostly history with a few dozen open ones.
    mutating func planEngagements() -> [EngagementPlan] {
        let count = options.engagements
        let core: [EngagementPlan] = [
            active(deadline: -6, trend: .fallsShort, quiet: rng.int(3...6)),
            active(deadline: 3, trend: .onTrack, quiet: rng.int(2...6)),
            active(deadline: 6, trend: .atRisk, quiet: rng.int(4...8)),
            active(deadline: rng.int(45...60), trend: .offTrack, quiet: 24),
            active(deadline: rng.int(70...100), trend: .onTrack, quiet: rng.int(2...9)),
            closed(.completed, endedDaysAgo: rng.int(20...60)),
            closed(.completed, endedDaysAgo: rng.int(90...200)),
            onHold(deadline: rng.int(10...14), heldFor: rng.int(15...30)),
            planned(startsIn: rng.int(4...9)),
            closed(.cancelled, endedDaysAgo: rng.int(30...90)),
            active(deadline: rng.int(10...13), trend: .onTrack, quiet: rng.int(2...7)),
            active(deadline: rng.int(25...40), trend: .onTrack, quiet: rng.int(2...7)),
        ]
        var plans = Array(core.prefix(count))
        let extras = count - plans.count
        guard extras > 0 else { return plans }
        let openCore = plans.filter { [.active, .onHold, .planned].contains($0.status) }.count
        let openCap = min(count * 3 / 10, 75 + rng.int(0...30))
        let openExtras = min(extras, max(0, openCap - openCore))
        plans.reserveCapacity(count)
        for k in 0..<extras {
            if k < openExtras {
                plans.append(openEngagement())
            } else {
                plans.append(closed(rng.chance(0.82) ? .completed : .cancelled, endedDaysAgo: rng.int(1...1460)))
            }
        }
        return plans
    }

    mutating func openEngagement() -> EngagementPlan {
        switch rng.weighted([0.78, 0.08, 0.14]) {
        case 0:
            let deadline: Int
            switch rng.weighted([0.08, 0.2, 0.72]) {
            case 0: deadline = rng.int(-20 ... -1)
            case 1: deadline = rng.int(0...14)
            default: deadline = rng.int(15...120)
            }
            let trend: EngagementPlan.Trend = [.onTrack, .atRisk, .offTrack][rng.weighted([0.7, 0.18, 0.12])]
            return active(deadline: deadline, trend: trend, quiet: rng.chance(0.1) ? rng.int(22...40) : rng.int(1...14))
        case 1: return onHold(deadline: rng.int(5...90), heldFor: rng.int(7...45))
        default: return planned(startsIn: rng.int(1...30))
        }
    }

    mutating func active(deadline: Int, trend: EngagementPlan.Trend, quiet: Int) -> EngagementPlan {
        // A month of sessions and a third of the way in at least, so that the readings show a trend.
        let length = max(7 * rng.int(8...16), deadline + quiet + rng.int(28...42),
                         Int(Double(deadline + quiet) / 0.65) + rng.int(0...7))
        let activeDays = length - deadline - quiet
        return EngagementPlan(status: .active, offset: deadline, length: length, activeDays: activeDays,
                              trend: trend, quietDays: quiet,
                              share: SessionShare(weight: Double(activeDays) / 12, minimum: 1))
    }

    mutating func onHold(deadline: Int, heldFor: Int) -> EngagementPlan {
        var length = 7 * rng.int(8...16)
        if length - deadline - heldFor < 21 { length = deadline + heldFor + rng.int(21...35) }
        let activeDays = length - deadline - heldFor
        return EngagementPlan(status: .onHold, offset: deadline, length: length, activeDays: activeDays,
                              trend: .atRisk, quietDays: heldFor,
                              share: SessionShare(weight: Double(activeDays) / 12, minimum: 1))
    }

    mutating func planned(startsIn: Int) -> EngagementPlan {
        EngagementPlan(status: .planned, offset: startsIn, length: 7 * rng.int(8...14), activeDays: 0,
                       share: SessionShare(weight: 0, minimum: 0, maximum: 0))
    }

    mutating func closed(_ status: EngagementStatus, endedDaysAgo: Int) -> EngagementPlan {
        let length = 7 * rng.int(8...16)
        let activeDays = status == .completed ? length : rng.int(14...length / 2)
        let trend: EngagementPlan.Trend = status == .completed ? (rng.chance(0.8) ? .onTrack : .atRisk) : .fallsShort
        return EngagementPlan(status: status, offset: endedDaysAgo, length: length, activeDays: activeDays,
                              trend: trend, share: SessionShare(weight: Double(activeDays) / 12,
                                                                minimum: status == .completed ? 2 : 1))
    }

    // MARK: Building

    mutating func makeEngagement(_ plan: EngagementPlan, sessions n: Int) -> CoachingEngagement {
        // Dates first: the sessions' window, then start and deadline around it.
        var start: Day, deadline: Day, dates: [Day] = []
        switch plan.status {
        case .planned:
            start = today.adding(days: plan.offset)
            deadline = start.adding(days: plan.length)
        case .active, .onHold:
            deadline = today.adding(days: plan.offset)
            let last = today.adding(days: -plan.quietDays - (plan.status == .onHold ? rng.int(1...5) : 0))
            let first = firstSession(n, natural: last.adding(days: -plan.activeDays), last: last)
            start = min(deadline.adding(days: -plan.length), first.adding(days: -rng.int(1...4)))
            dates = spread(n, from: first, to: last)
        case .completed, .cancelled:
            let end = today.adding(days: -plan.offset)
            let first = firstSession(n, natural: end.adding(days: -plan.activeDays), last: end)
            start = first.adding(days: -rng.int(1...4))
            deadline = plan.status == .completed
                ? max(end.adding(days: rng.int(0...7)), start.adding(days: 28))
                : max(start.adding(days: plan.length), end.adding(days: 14))
            dates = spread(n, from: first, to: end)
        }
        let isOpen = plan.status == .active || plan.status == .onHold || plan.status == .planned

        let coachee = pickCoachee(startingOn: start, open: isOpen)
        involve(coachee, from: start)
        let focus = rng.pick(DemoVocabulary.focuses.filter { $0.from <= people[coachee].level })
        let coach: Coach, coachName: String
        if let index = pickCoach(for: coachee) {
            involve(index, from: start)
            coach = .person(people[index].id)
            coachName = shortNames[index]
        } else {
            let name = rng.pick(DemoVocabulary.externalCoaches)
            coach = .external(name)
            coachName = String(name.split(separator: " ")[0])
        }
        // Two Josés: notes use the coachee's full name.
        let coacheeName = shortNames[coachee] == coachName ? people[coachee].name : shortNames[coachee]

        let setting = SessionSetting(name: coacheeName, other: coachName, focuses: [focus.text],
                                     topics: focus.topics, asides: people[coachee].interests,
                                     openers: DemoVocabulary.coachingOpeners, settled: !isOpen)
        var sessions: [Session] = []
        sessions.reserveCapacity(dates.count)
        let cadence = rng.chance(0.6) ? rng.pick([7, 14, 14, 21]) : nil
        for (k, date) in dates.enumerated() {
            let isLast = k == dates.count - 1
            var next: Day? = nil
            if !isLast, dates[k + 1] > date, rng.chance(0.3) { next = dates[k + 1] }
            if isLast, plan.status == .active, let cadence, rng.chance(0.6) { next = date.adding(days: cadence) }
            sessions.append(makeSession(on: date, setting, nextDate: next))
        }

        let kinds = rng.sample(focus.metrics, count: rng.int(1...focus.metrics.count))
        let metrics = kinds.map { makeMetric($0, plan: plan, start: start, deadline: deadline, sessions: sessions) }
        let objectives = makeObjectives(focus, plan: plan, start: start, deadline: deadline)
        var engagement = CoachingEngagement(
            id: rng.uuid(), coacheeID: people[coachee].id, coach: coach, focus: focus.text,
            objectives: objectives, start: start, deadline: deadline, status: plan.status,
            plannedSessions: rng.chance(0.7) ? max(dates.count, rng.pick([6, 8, 10, 12])) : nil,
            cadenceDays: cadence, metrics: metrics, sessions: sessions,
            outcome: outcome(plan.status, name: shortNames[coachee], metrics: metrics))
        // The history the lifecycle would have written (no further random draws).
        switch plan.status {
        case .completed, .cancelled:
            let end = max(today.adding(days: -plan.offset), dates.last ?? start)
            engagement.closedOn = end
            engagement.history = [StatusChange(date: end, status: plan.status, from: .active, note: engagement.outcome)]
        case .onHold:
            let held = min(today, (dates.last ?? start).adding(days: 1))
            engagement.history = [StatusChange(date: held, status: .onHold, from: .active)]
        case .planned, .active:
            break
        }
        return engagement
    }

    /// A non-partner, preferably free of other open engagements and already at the agency.
    mutating func pickCoachee(startingOn start: Day, open: Bool) -> Int {
        var best = rng.pick(nonPartners)
        var bestScore = -1
        for _ in 0..<24 {
            let i = rng.pick(nonPartners)
            let free = !(open && openCoachee[i])
            let joined = people[i].startDate.map { $0 <= start.adding(days: -30) } ?? true
            let score = (free ? 2 : 0) + (joined ? 1 : 0)
            if score > bestScore { best = i; bestScore = score }
            if score == 3 { break }
        }
        if open { openCoachee[best] = true }
        return best
    }

    /// A senior person above the coachee, or `nil` for an external coach: now and then, and
    /// always when nobody is above the coachee.
    mutating func pickCoach(for coachee: Int) -> Int? {
        let rank = people[coachee].level.rank
        let ranks = (max(Level.senior.rank, rank + 1)...Level.partner.rank).filter { !byLevel[$0].isEmpty }
        if ranks.isEmpty || rng.chance(0.25) { return nil }
        return rng.pick(byLevel[rng.pick(ranks)])
    }

    /// Readings taken in most sessions, moving from the baseline along the plan's trend.
    mutating func makeMetric(_ kind: DemoVocabulary.MetricKind, plan: EngagementPlan, start: Day, deadline: Day,
                             sessions: [Session]) -> Metric {
        let baseline = round(rng.double(kind.baselines), kind.decimals)
        let target = round(rng.double(kind.targets), kind.decimals)
        let pace: Double
        switch plan.trend {
        case .onTrack: pace = rng.double(1.05...1.2)
        case .atRisk: pace = rng.double(0.45...0.6)
        case .fallsShort: pace = rng.double(0.7...0.85)
        case .offTrack: pace = rng.chance(0.5) ? 0 : -rng.double(0.1...0.25)
        }
        let span = Double(max(1, start.days(to: deadline)))
        var readings: [Reading] = []
        for (k, s) in sessions.enumerated() where k == 0 || k == sessions.count - 1 || rng.chance(0.6) {
            let elapsed = min(1.1, Double(start.days(to: s.date)) / span)
            let noise = rng.double(-0.02...0.02)
            let value = baseline + (target - baseline) * (elapsed * pace + noise)
            readings.append(Reading(date: s.date, value: round(value, kind.decimals), sessionID: s.id))
        }
        return Metric(id: rng.uuid(), name: kind.name, unit: kind.unit, baseline: baseline, target: target,
                      direction: kind.direction, readings: readings)
    }

    /// Two to four objectives; the done ones come first, done in order.
    mutating func makeObjectives(_ focus: DemoVocabulary.Focus, plan: EngagementPlan, start: Day,
                                 deadline: Day) -> [Objective] {
        let texts = rng.sample(focus.objectives, count: rng.int(2...4))
        let end = min(today, deadline)
        let doneCount: Int
        switch plan.status {
        case .planned: doneCount = 0
        case .completed: doneCount = texts.count - (rng.chance(0.3) ? 1 : 0)
        default:
            let elapsed = Double(start.days(to: end)) / Double(max(1, start.days(to: deadline)))
            doneCount = min(texts.count, Int(Double(texts.count) * elapsed * rng.double(0.3...0.9)))
        }
        var days: [Day] = []
        if start.adding(days: 7) < end {
            for _ in 0..<doneCount { days.append(start.adding(days: rng.int(7...start.days(to: end)))) }
            days.sort()
        }
        return texts.enumerated().map { k, text in
            Objective(id: rng.uuid(), text: text, doneOn: k < days.count ? days[k] : nil)
        }
    }

    /// What came of a closed engagement, in words.
    mutating func outcome(_ status: EngagementStatus, name: String, metrics: [Metric]) -> String? {
        switch status {
        case .cancelled: return rng.pick(DemoVocabulary.cancelReasons)
        case .completed:
            guard let m = metrics.first, let last = m.readings.last else {
                return "\(name) met the objectives; no numbers were kept."
            }
            let from = format(m.baseline, m.unit), to = format(last.value, m.unit)
            let reached = m.direction == .higherIsBetter ? last.value >= m.target : last.value <= m.target
            return reached
                ? "\(m.name) went from \(from) to \(to), past the target. \(name) now runs this without support."
                : "\(m.name) moved from \(from) to \(to), short of the \(format(m.target, m.unit)) target. \(name) keeps the habits; worth a follow-up in spring."
        default: return nil
        }
    }

    func format(_ value: Double, _ unit: String) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(round(value, 1))
        return unit == "%" ? text + "%" : text + " " + unit
    }

    func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = decimals == 0 ? 1.0 : 10.0
        return (value * scale).rounded() / scale
    }
}
