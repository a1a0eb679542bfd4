import Foundation

/// Whether the programme works, as pure functions of the records, a period and `today` (the
/// core reads no clock): coverage, coaching, mentoring, investment and feedback. Every figure
/// carries the records behind it. Private notes and action item texts are never part of it.
///
/// The rules, once:
/// - **Team**: people in the team; coaching by the coachee's team, mentoring by the mentee's,
///   a mentor's load by the mentor's. No team: everyone.
/// - **Coverage**: current people; in coaching = coachee of an engagement that started (not
///   planned) and ran during the period; in mentoring = mentee of a relationship active on some
///   day of the period. Of those in neither, "not acted on" = their latest assessment recommends
///   coaching, mentoring or both, and nothing of a recommended kind started on or after its date.
/// - **Coaching**: active engagements by forecast on `today`; engagements completed in the
///   period (by `closedOn`): those whose every metric reached its target (`ClosingSummary`, so
///   lower-is-better metrics count the right way), metrics reached, objectives done; open
///   engagements with the deadline in the next 14 days; active ones past `momentumDays`.
/// - **Mentoring**: per pair, the days of the period it was active (a paused stretch, from the
///   history or `pausedOn`, and days after closing do not count) give one session due per
///   cadence of active days; held = sessions in the period. A pair's adherence is
///   min(held, due) / due; overall is the sum of min(held, due) over the sum of due.
///   Drifting and fizzled by health on `today`; average whole months together (to the close or
///   today); goals achieved in the period against the goals of those pairs.
/// - **Investment**: session minutes in the period by coach and by mentor, per month (a period
///   of up to six months) or per quarter, each session in the bucket of its own date; mentoring
///   load (`PersonRules.mentoringLoad`) against capacity.
/// - **Feedback**: the average pulse per month of the period (a trend over all sessions, never
///   per person), and the open and overdue action items now.
public struct Insights: Equatable, Sendable {
    public var range: DayRange
    public var today: Day
    public var team: String?

    public var coverage: Coverage
    public var coaching: CoachingInsights
    public var mentoring: MentoringInsights
    public var investment: Investment
    public var feedback: Feedback

    /// Deadlines this many days ahead count as coming up.
    public static let deadlineWindow = 14

    public init(_ s: Snapshot, range: DayRange, today: Day, team: String? = nil) {
        self.range = range; self.today = today
        let t = team?.trimmingCharacters(in: .whitespaces)
        self.team = (t?.isEmpty ?? true) ? nil : t
        let ctx = Context(s, range: range, today: today, team: self.team)
        coverage = Coverage(ctx)
        coaching = CoachingInsights(ctx)
        mentoring = MentoringInsights(ctx)
        investment = Investment(ctx)
        feedback = Feedback(ctx)
    }

    /// The sections in the order the screen and the report show them.
    public var sections: [InsightSection] {
        [InsightSection(id: "coverage", title: "Coverage", figures: coverage.figures),
         InsightSection(id: "coaching", title: "Coaching", figures: coaching.figures),
         InsightSection(id: "mentoring", title: "Mentoring", figures: mentoring.figures),
         InsightSection(id: "investment", title: "Investment", figures: investment.figures),
         InsightSection(id: "feedback", title: "Feedback", figures: feedback.figures)]
    }

    /// Every figure, section by section.
    public var figures: [Figure] { sections.flatMap(\.figures) }

    /// "67%".
    public static func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }

    /// "12.5 h", "3 h".
    public static func hours(_ h: Double) -> String {
        let r = (h * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r)) h" : String(format: "%.1f h", r)
    }

    // MARK: What every section needs

    struct Context {
        let s: Snapshot
        let range: DayRange
        let today: Day
        let team: String?
        let names: PeopleIndex
        let engagements: [CoachingEngagement]
        let relationships: [MentoringRelationship]
        let people: [Person]

        init(_ s: Snapshot, range: DayRange, today: Day, team: String?) {
            self.s = s; self.range = range; self.today = today; self.team = team
            let names = PeopleIndex(s.people)
            self.names = names
            let key = team?.searchKey
            func inTeam(_ id: UUID) -> Bool {
                guard let key else { return true }
                return (names[id]?.team.trimmingCharacters(in: .whitespaces).searchKey ?? "") == key
            }
            // Every team: the snapshot's own lists, not copies of them (megabytes on a long history).
            engagements = key == nil ? s.engagements : s.engagements.filter { inTeam($0.coacheeID) }
            relationships = key == nil ? s.relationships : s.relationships.filter { inTeam($0.menteeID) }
            people = key == nil ? s.people : s.people.filter { inTeam($0.id) }
        }

        /// The first day the period counts: its start, or the earliest record when it has none.
        var from: Day {
            if let f = range.from { return f }
            let starts = engagements.map(\.start) + relationships.map(\.start)
            return min(starts.min() ?? range.to, range.to)
        }
    }
}

// MARK: - Coverage

public struct Coverage: Equatable, Sendable {
    public var people: Figure
    public var inCoaching: Figure
    public var inMentoring: Figure
    public var inBoth: Figure
    public var inNeither: Figure
    /// Of those in neither: an assessment recommends something nothing has acted on.
    public var notActedOn: Figure

    init(_ c: Insights.Context) {
        let current = NameOrder.sorted(c.people.filter(\.isCurrent), by: \.name)
        let ids = Set(current.map(\.id))
        let to = min(c.range.to, c.today)
        // Sets of ids, not filtered copies of the records (thousands over all time).
        var coached = Set<UUID>()
        for e in c.engagements where e.status != .planned && ids.contains(e.coacheeID) && e.start <= to {
            let end = e.isOpen ? c.today : (e.closedOn ?? e.deadline)
            if c.range.from.map({ end >= $0 }) ?? true { coached.insert(e.coacheeID) }
        }
        var mentored = Set<UUID>()
        let from = c.from
        for r in c.relationships where ids.contains(r.menteeID) && MentoringInsights.activeDays(r, from: from, to: to) > 0 {
            mentored.insert(r.menteeID)
        }
        func refs(_ keep: (UUID) -> Bool) -> [InsightRef] { current.filter { keep($0.id) }.map { InsightRef(.person, $0.id) } }
        people = .count("coverage.people", "people", refs { _ in true })
        inCoaching = .count("coverage.coaching", "in coaching", refs { coached.contains($0) })
        inMentoring = .count("coverage.mentoring", "in mentoring", refs { mentored.contains($0) })
        inBoth = .count("coverage.both", "in both", refs { coached.contains($0) && mentored.contains($0) })
        let neither = current.filter { !coached.contains($0.id) && !mentored.contains($0.id) }
        inNeither = .count("coverage.neither", "in neither", neither.map { InsightRef(.person, $0.id) })
        var unacted: [InsightRef] = []
        var unactedPeople = 0
        for p in neither {
            guard let a = c.s.assessments.filter({ $0.personID == p.id }).max(by: { $0.date < $1.date }) else { continue }
            let wantsCoaching = a.recommendation != .mentoring, wantsMentoring = a.recommendation != .coaching
            let coachedSince = c.s.engagements.contains { $0.coacheeID == p.id && $0.start >= a.date }
            let mentoredSince = c.s.relationships.contains { $0.menteeID == p.id && $0.start >= a.date }
            if (wantsCoaching && coachedSince) || (wantsMentoring && mentoredSince) { continue }
            unacted += [InsightRef(.person, p.id), InsightRef(.assessment, a.id)]
            unactedPeople += 1
        }
        notActedOn = Figure(id: "coverage.unacted", label: "in neither, assessment not acted on",
                            value: Double(unactedPeople), text: "\(unactedPeople)", refs: unacted)
    }

    public var figures: [Figure] { [people, inCoaching, inMentoring, inBoth, inNeither, notActedOn] }
}

// MARK: - Coaching

public struct CoachingInsights: Equatable, Sendable {
    public var onTrack: Figure
    public var atRisk: Figure
    public var offTrack: Figure
    public var noData: Figure
    /// Completed in the period.
    public var completed: Figure
    /// Of the completed with metrics: every metric reached its target.
    public var reachedTargets: Figure
    /// Metrics of the completed engagements that reached their target.
    public var metricsReached: Figure
    /// Objectives of the completed engagements that were done.
    public var objectivesDone: Figure
    /// Open engagements with the deadline in the next `Insights.deadlineWindow` days.
    public var deadlinesSoon: Figure
    /// Active engagements with no session for more than `momentumDays`.
    public var lostMomentum: Figure

    init(_ c: Insights.Context) {
        let active = c.engagements.filter { $0.status == .active }
            .sorted { ($0.deadline, $0.id.uuidString) < ($1.deadline, $1.id.uuidString) }
        func by(_ f: Forecast) -> [InsightRef] { active.filter { $0.forecast(today: c.today) == f }.map { InsightRef(.coaching, $0.id) } }
        onTrack = .count("coaching.onTrack", "active, on track", by(.onTrack))
        atRisk = .count("coaching.atRisk", "active, at risk", by(.atRisk))
        offTrack = .count("coaching.offTrack", "active, off track", by(.offTrack))
        noData = .count("coaching.noData", "active, no readings yet", by(.noData))

        // Of each engagement completed in the period only its closing counts, not a copy of it:
        // over all time of a long history those are thousands of engagements.
        struct Done {
            var key: (Day, String)
            var id: UUID
            var metrics: Int, reached: Int, objectives: Int, objectivesDone: Int
        }
        var done: [Done] = []
        for e in c.engagements where e.status == .completed {
            guard let day = e.closedOn ?? e.history.last(where: { $0.status == .completed })?.date, c.range.contains(day) else { continue }
            let summary = ClosingSummary(e)
            done.append(Done(key: (e.closedOn ?? e.deadline, e.id.uuidString), id: e.id, metrics: summary.metrics.count,
                             reached: summary.reachedCount, objectives: summary.openObjectives.count + summary.doneObjectives.count,
                             objectivesDone: summary.doneObjectives.count))
        }
        done.sort { $0.key < $1.key }
        completed = .count("coaching.completed", "completed in the period", done.map { InsightRef(.coaching, $0.id) })
        let measured = done.filter { $0.metrics > 0 }
        let reached = measured.filter { $0.reached == $0.metrics }
        reachedTargets = .share("coaching.reached", "completed, every metric target reached", reached.count, of: measured.count,
                                reached.map { InsightRef(.coaching, $0.id) })
        let metricCount = done.reduce(0) { $0 + $1.metrics }
        let metricReached = done.reduce(0) { $0 + $1.reached }
        metricsReached = .share("coaching.metrics", "metrics at target", metricReached, of: metricCount,
                                done.filter { $0.reached > 0 }.map { InsightRef(.coaching, $0.id) })
        let objectives = done.reduce(0) { $0 + $1.objectives }
        let objectivesDoneCount = done.reduce(0) { $0 + $1.objectivesDone }
        objectivesDone = .share("coaching.objectives", "objectives done", objectivesDoneCount, of: objectives,
                                done.filter { $0.objectivesDone > 0 }.map { InsightRef(.coaching, $0.id) })

        deadlinesSoon = .count("coaching.deadlines", "deadlines in the next \(Insights.deadlineWindow) days",
                               c.engagements.filter { $0.isOpen && (0...Insights.deadlineWindow).contains($0.daysToDeadline(today: c.today)) }
                                   .sorted { $0.deadline < $1.deadline }.map { InsightRef(.coaching, $0.id) })
        lostMomentum = .count("coaching.momentum", "lost momentum (no session in \(c.s.agency.settings.momentumDays) days)",
                              active.filter { $0.hasMomentumAlert(today: c.today, momentumDays: c.s.agency.settings.momentumDays) }
                                  .map { InsightRef(.coaching, $0.id) })
    }

    public var figures: [Figure] {
        [onTrack, atRisk, offTrack, noData, completed, reachedTargets, metricsReached, objectivesDone, deadlinesSoon, lostMomentum]
    }
}

// MARK: - Mentoring

/// One pair's cadence in the period.
public struct PairAdherence: Equatable, Sendable, Identifiable {
    public var id: UUID
    public var mentor: String
    public var mentee: String
    public var activeDays: Int
    public var due: Int
    public var held: Int
    /// min(held, due) / due; `nil` when nothing was due.
    public var share: Double? { due > 0 ? Double(min(held, due)) / Double(due) : nil }
}

public struct MentoringInsights: Equatable, Sendable {
    public var adherence: Figure
    /// Every pair active in the period, least kept first.
    public var pairs: [PairAdherence]
    public var drifting: Figure
    public var fizzled: Figure
    public var averageMonths: Figure
    public var goalsAchieved: Figure

    init(_ c: Insights.Context) {
        let to = min(c.range.to, c.today)
        let from = c.from
        var pairs: [PairAdherence] = []
        // Of each pair active in the period, what the figures below read (not a copy of it).
        var counted: [(id: UUID, months: Int)] = []
        var goals = 0
        var achieved: [UUID] = []
        for r in c.relationships {
            let days = Self.activeDays(r, from: from, to: to)
            guard days > 0 else { continue }
            let end = min(r.status == .closed ? (r.closedOn ?? c.today) : c.today, c.today)
            counted.append((r.id, r.monthsSince(today: end)))
            goals += r.goals.count
            for g in r.goals where g.achievedOn.map({ c.range.contains($0) }) ?? false { achieved.append(r.id) }
            let held = r.sessions.filter { c.range.contains($0.date) }.count
            pairs.append(PairAdherence(id: r.id, mentor: c.names.name(r.mentorID), mentee: c.names.name(r.menteeID),
                                       activeDays: days, due: days / max(1, r.cadenceDays), held: held))
        }
        pairs.sort { a, b in
            let x = a.share ?? 2, y = b.share ?? 2
            return x != y ? x < y : NameOrder.areInIncreasingOrder(a.mentee, b.mentee)
        }
        self.pairs = pairs
        let due = pairs.reduce(0) { $0 + $1.due }
        let kept = pairs.reduce(0) { $0 + min($1.held, $1.due) }
        adherence = .share("mentoring.adherence", "cadence kept (sessions held of due)", kept, of: due,
                           pairs.filter { $0.due > 0 }.map { InsightRef(.mentoring, $0.id) })
        let settings = c.s.agency.settings
        func health(_ h: Health) -> [InsightRef] {
            c.relationships.compactMap { $0.health(today: c.today, settings: settings) == h ? InsightRef(.mentoring, $0.id) : nil }
        }
        drifting = .count("mentoring.drifting", "drifting (two cadences missed)", health(.drifting))
        fizzled = .count("mentoring.fizzled", "fizzled (one session, then nothing)", health(.fizzled))
        let avg = counted.isEmpty ? nil : Double(counted.reduce(0) { $0 + $1.months }) / Double(counted.count)
        averageMonths = Figure(id: "mentoring.months", label: "average months together", value: avg,
                               text: avg.map { String(format: "%.1f", $0) } ?? "—", refs: counted.map { InsightRef(.mentoring, $0.id) })
        goalsAchieved = .share("mentoring.goals", "goals achieved in the period", achieved.count, of: goals,
                               achieved.map { InsightRef(.mentoring, $0) })
    }

    public var figures: [Figure] { [adherence, drifting, fizzled, averageMonths, goalsAchieved] }

    /// The stretches the relationship was active, as half-open day ranges [start, end): from the
    /// start, ended by a pause or a closing and begun again by a resumption (the history, with
    /// `pausedOn` and `closedOn` for files whose history lacks them); the last runs on.
    static func activeStretches(_ r: MentoringRelationship) -> [(Day, Day?)] {
        var out: [(Day, Day?)] = []
        var since: Day? = r.start
        for change in r.history.sorted(by: { $0.date < $1.date }) {
            switch change.status {
            case .active: if since == nil { since = max(change.date, r.start) }
            case .paused, .closed:
                if let s = since { out.append((s, change.date)); since = nil }
            }
        }
        if let s = since {
            switch r.status {
            case .active: out.append((s, nil))
            case .paused: out.append((s, max(s, r.pausedOn ?? s)))
            case .closed: out.append((s, max(s, r.closedOn ?? s)))
            }
        }
        return out
    }

    /// Days from `from` through `to` on which the relationship was active.
    static func activeDays(_ r: MentoringRelationship, from: Day, to: Day) -> Int {
        guard from <= to else { return 0 }
        let end = to.adding(days: 1)
        return activeStretches(r).reduce(0) { total, stretch in
            let a = max(stretch.0, from), b = min(stretch.1 ?? end, end)
            return total + max(0, a.days(to: b))
        }
    }
}

// MARK: - Investment

public struct Investment: Equatable, Sendable {
    public enum Granularity: String, Sendable { case month, quarter }

    /// One month or quarter.
    public struct Bucket: Equatable, Sendable {
        public var start: Day
        /// "Oct 2026", "2026 Q4".
        public var label: String
    }

    /// One coach's or mentor's hours, per bucket.
    public struct Row: Equatable, Sendable, Identifiable {
        /// The person's id as text, or "external:<name>" for an external coach.
        public var id: String
        public var name: String
        public var personID: UUID?
        public var hours: [Double]
        public var total: Double { hours.reduce(0, +) }
        /// The records whose sessions these are.
        public var refs: [InsightRef]
    }

    /// A mentor's active mentees against their capacity.
    public struct LoadRow: Equatable, Sendable, Identifiable {
        public var id: UUID
        public var name: String
        public var load: MentoringLoad
    }

    public var granularity: Granularity
    public var buckets: [Bucket]
    /// Coaches in name order.
    public var coaches: [Row]
    /// Mentors in name order.
    public var mentors: [Row]
    /// Per bucket, all coaches together and all mentors together.
    public var coachingHours: [Double]
    public var mentoringHours: [Double]
    public var load: [LoadRow]

    public var totalCoaching: Figure
    public var totalMentoring: Figure
    public var overCapacity: Figure
    public var atCapacity: Figure
    public var withRoom: Figure

    /// A period longer than this many days is shown per quarter.
    public static let monthlyUpTo = 186

    init(_ c: Insights.Context) {
        let from = c.from, to = min(c.range.to, c.today)
        granularity = from.days(to: to) > Self.monthlyUpTo ? .quarter : .month
        var buckets: [Bucket] = []
        var day = granularity == .month ? Day.monthStart(of: from) : Day.quarterStart(of: from)
        while day <= to && buckets.count < 1200 {
            buckets.append(Bucket(start: day, label: Self.label(day, granularity)))
            day = day.adding(months: granularity == .month ? 1 : 3)
        }
        if buckets.isEmpty { buckets = [Bucket(start: Day.monthStart(of: to), label: Self.label(Day.monthStart(of: to), granularity))] }
        self.buckets = buckets
        let starts = buckets.map(\.start)
        func index(_ d: Day) -> Int? {
            guard c.range.contains(d), d <= to, let first = starts.first, d >= first else { return nil }
            var lo = 0, hi = starts.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if starts[mid] <= d { lo = mid } else { hi = mid - 1 } }
            return lo
        }
        var rows: [String: Row] = [:]
        var coachingHours = Array(repeating: 0.0, count: buckets.count)
        for e in c.engagements {
            let (key, name, person): (String, String, UUID?) = switch e.coach {
            case .person(let id): (id.uuidString, c.names.name(id), id)
            case .external(let n): ("external:\(n)", n, nil)
            }
            for session in e.sessions {
                guard let i = index(session.date) else { continue }
                let h = Double(session.minutes) / 60
                rows[key, default: Row(id: key, name: name, personID: person, hours: Array(repeating: 0, count: buckets.count), refs: [])].hours[i] += h
                if rows[key]!.refs.last != InsightRef(.coaching, e.id) { rows[key]!.refs.append(InsightRef(.coaching, e.id)) }
                coachingHours[i] += h
            }
        }
        coaches = NameOrder.sorted(Array(rows.values), by: \.name)
        rows = [:]
        var mentoringHours = Array(repeating: 0.0, count: buckets.count)
        for r in c.relationships {
            let key = r.mentorID.uuidString
            for session in r.sessions {
                guard let i = index(session.date) else { continue }
                let h = Double(session.minutes) / 60
                rows[key, default: Row(id: key, name: c.names.name(r.mentorID), personID: r.mentorID, hours: Array(repeating: 0, count: buckets.count), refs: [])].hours[i] += h
                if rows[key]!.refs.last != InsightRef(.mentoring, r.id) { rows[key]!.refs.append(InsightRef(.mentoring, r.id)) }
                mentoringHours[i] += h
            }
        }
        mentors = NameOrder.sorted(Array(rows.values), by: \.name)
        self.coachingHours = coachingHours
        self.mentoringHours = mentoringHours
        totalCoaching = Figure(id: "investment.coaching", label: "hours of coaching", value: coachingHours.reduce(0, +),
                               text: Insights.hours(coachingHours.reduce(0, +)), refs: coaches.flatMap(\.refs))
        totalMentoring = Figure(id: "investment.mentoring", label: "hours of mentoring", value: mentoringHours.reduce(0, +),
                                text: Insights.hours(mentoringHours.reduce(0, +)), refs: mentors.flatMap(\.refs))

        let mentorIDs = Set(c.s.relationships.filter { $0.status == .active }.map(\.mentorID))
        let teamIDs = Set(c.people.map(\.id))
        load = NameOrder.sorted(c.s.people.filter { p in
            teamIDs.contains(p.id) && (mentorIDs.contains(p.id) || (p.isCurrent && p.mentoringCapacity > 0))
        }, by: \.name).map { LoadRow(id: $0.id, name: $0.name, load: PersonRules.mentoringLoad(of: $0.id, in: c.s)) }
        overCapacity = .count("investment.over", "mentors over capacity", load.filter(\.load.isOver).map { InsightRef(.person, $0.id) })
        atCapacity = .count("investment.full", "mentors at capacity", load.filter { $0.load.isFull && !$0.load.isOver }.map { InsightRef(.person, $0.id) })
        withRoom = .count("investment.room", "mentors with room", load.filter { !$0.load.isFull }.map { InsightRef(.person, $0.id) })
    }

    public var figures: [Figure] {
        [totalCoaching, totalMentoring]
            + coaches.map { Figure(id: "investment.coach.\($0.id)", label: "coach \($0.name)", value: $0.total, text: Insights.hours($0.total), refs: $0.refs) }
            + mentors.map { Figure(id: "investment.mentor.\($0.id)", label: "mentor \($0.name)", value: $0.total, text: Insights.hours($0.total), refs: $0.refs) }
            + [overCapacity, atCapacity, withRoom]
    }

    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func label(_ d: Day, _ g: Granularity) -> String {
        g == .month ? "\(monthNames[d.month - 1]) \(d.year)" : "\(d.year) Q\((d.month - 1) / 3 + 1)"
    }
}

// MARK: - Feedback

public struct Feedback: Equatable, Sendable {
    /// One month's pulse: the average of every session's pulse that month.
    public struct PulseMonth: Equatable, Sendable {
        public var start: Day
        public var label: String
        /// `nil` in a month without a pulse.
        public var average: Double?
        public var count: Int
    }

    public var pulse: [PulseMonth]
    public var pulseAverage: Figure
    public var openItems: Figure
    public var overdueItems: Figure

    init(_ c: Insights.Context) {
        let from = c.from, to = min(c.range.to, c.today)
        var months: [Day] = []
        var d = Day.monthStart(of: from)
        while d <= to && months.count < 1200 { months.append(d); d = d.adding(months: 1) }
        var sums = [Day: (Int, Int)]()
        // The records behind the average, in the order of the first month each has a pulse in
        // (then in the order read): one entry per record, not one per record and month, which
        // over all time of a long history is a hundred thousand.
        var firstMonth: [InsightRef: (month: Day, order: Int)] = [:]
        func add(_ sessions: [Session], _ ref: InsightRef, _ order: Int) {
            for s in sessions {
                guard let p = s.pulse, c.range.contains(s.date), s.date <= to else { continue }
                let m = Day.monthStart(of: s.date)
                var v = sums[m] ?? (0, 0)
                v.0 += p; v.1 += 1
                sums[m] = v
                if let f = firstMonth[ref], f.month <= m { continue }
                firstMonth[ref] = (m, order)
            }
        }
        for (k, e) in c.engagements.enumerated() { add(e.sessions, InsightRef(.coaching, e.id), k) }
        for (k, r) in c.relationships.enumerated() { add(r.sessions, InsightRef(.mentoring, r.id), c.engagements.count + k) }
        pulse = months.map { m in
            let v = sums[m]
            return PulseMonth(start: m, label: Investment.label(m, .month), average: v.map { Double($0.0) / Double($0.1) },
                              count: v?.1 ?? 0)
        }
        let total = sums.values.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        let avg = total.1 > 0 ? Double(total.0) / Double(total.1) : nil
        let refs = firstMonth.sorted { ($0.value.month, $0.value.order) < ($1.value.month, $1.value.order) }.map(\.key)
        pulseAverage = Figure(id: "feedback.pulse", label: "average pulse (1–5) of \(total.1) sessions", value: avg,
                              text: avg.map { String(format: "%.1f", $0) } ?? "—", refs: refs)
        var open: [InsightRef] = [], overdue: [InsightRef] = []
        var openCount = 0, overdueCount = 0
        func items(_ sessions: [Session], _ ref: InsightRef) {
            for item in sessions.flatMap(\.actionItems) where item.doneOn == nil {
                openCount += 1; open.append(ref)
                if let due = item.due, due < c.today { overdueCount += 1; overdue.append(ref) }
            }
        }
        for e in c.engagements where e.isOpen { items(e.sessions, InsightRef(.coaching, e.id)) }
        for r in c.relationships where r.status != .closed { items(r.sessions, InsightRef(.mentoring, r.id)) }
        openItems = Figure(id: "feedback.open", label: "open action items", value: Double(openCount), text: "\(openCount)", refs: open)
        overdueItems = Figure(id: "feedback.overdue", label: "overdue action items", value: Double(overdueCount), text: "\(overdueCount)", refs: overdue)
    }

    public var figures: [Figure] { [pulseAverage, openItems, overdueItems] }
}

// MARK: - What the insights read of a record

extension Insights {
    /// The engagement with only what `Insights` reads of it for `range`, for a command that goes
    /// through the whole history (`tandem report`): sessions without their texts
    /// (`Session.withoutTexts`), and, once it is completed or cancelled, only its sessions in
    /// the range and without action items, and each metric's latest reading — a closed engagement
    /// counts only its sessions of the period (hours, pulse) and its closing summary; forecasts,
    /// momentum and open action items are those of open ones.
    /// `Insights` of records reduced so is `Insights` of the records themselves.
    public static func reading(_ e: CoachingEngagement, range: DayRange) -> CoachingEngagement {
        guard e.isOpen else {
            var e = e
            e.sessions = e.sessions.filter { range.contains($0.date) }
            return closedReading(e)
        }
        var e = e
        e.sessions = e.sessions.map(\.withoutTexts)
        return e
    }

    /// `reading(_:range:)` of a relationship: once closed, only its sessions in the range, without
    /// action items (held and hours count those; its health is "closed" whatever its sessions).
    public static func reading(_ r: MentoringRelationship, range: DayRange) -> MentoringRelationship {
        guard r.status != .closed else {
            var r = r
            r.sessions = r.sessions.filter { range.contains($0.date) }
            return closedReading(r)
        }
        var r = r
        r.sessions = r.sessions.map(\.withoutTexts)
        return r
    }

    /// What `Insights` of any period reads of a completed or cancelled engagement (and the
    /// archive of it): its sessions without their texts (`Session.withoutTexts`) nor action items,
    /// each metric's latest reading (its closing summary), its objectives without their text and
    /// its history without notes (days and states count). What the dashboard holds of a closed
    /// record once the archive or the insights read the history. Never saved: the sessions are
    /// marked `textsLeftOut`; without a session (nothing would carry the mark) the rest is kept whole.
    public static func closedReading(_ e: CoachingEngagement) -> CoachingEngagement {
        var e = e
        e.sessions = e.sessions.map(leanClosed)
        guard !e.sessions.isEmpty else { return e }
        e.objectives = e.objectives.map { o in var o = o; o.text = ""; return o }
        e.history = e.history.map { h in var h = h; h.note = nil; return h }
        // Its closing summary reads each metric's latest reading (`Metric.current`) only.
        e.metrics = e.metrics.map { m in
            var m = m
            m.readings = m.readings.enumerated().max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                .map { [$0.element] } ?? []
            return m
        }
        return e
    }

    /// `closedReading` of a closed relationship: its sessions without texts nor action items, its
    /// goals without their text and its history without notes (all kept whole without a session).
    public static func closedReading(_ r: MentoringRelationship) -> MentoringRelationship {
        var r = r
        r.sessions = r.sessions.map(leanClosed)
        guard !r.sessions.isEmpty else { return r }
        r.goals = r.goals.map { g in var g = g; g.text = ""; return g }
        r.history = r.history.map { h in var h = h; h.note = nil; return h }
        return r
    }

    private static func leanClosed(_ s: Session) -> Session { s.withoutTextsNorItems }
}
