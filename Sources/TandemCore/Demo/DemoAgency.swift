/// A realistic sample agency, made from a seed: what `tandem demo` writes and `tandem --demo` opens.
///
/// The generator is pure: the same `options` and `today` always give the same snapshot (its own
/// SplitMix64 generator, ids from its bytes), and it reads no clock and touches no file.
///
/// What it guarantees:
/// - Exactly `options.people` people (at least 2), `options.engagements` engagements,
///   `options.relationships` relationships and `options.sessions` sessions in all (as long as
///   there is a record to hold them), shared out by the length of each record.
/// - Unique names from many cultures, accented and CJK among them; a pyramid of levels in five
///   teams, each team headed by a lead or partner; managers are leads or partners of the team.
/// - Every reference points at a person of the snapshot; a mentor is always more senior than the
///   mentee, never the same person, and rarely the mentee's manager.
/// - Sessions in date order, never after `today` nor before their record's start; metric readings
///   taken in sessions, in date order.
/// - With the default counts, engagements in every state the dashboard shows: overdue, deadline
///   within 7 days (two), a deadline within 14 days (on hold), active further out (one off track,
///   one at risk), completed with outcomes (two), planned, cancelled; and relationships of every
///   health: on track, due soon, overdue, drifting, fizzled, paused, paused then resumed, closed.
/// - With large counts, years of history: most records closed over the past four years, with
///   at most about a hundred open engagements and two hundred open relationships.
/// - Time grows with the counts, not their product: 50,000 sessions take a moment.
public enum DemoAgency {
    /// The sample agency for `options`, as it stands on `today`.
    public static func generate(today: Day, options: DemoOptions = DemoOptions()) -> Snapshot {
        var generator = DemoGenerator(today: today, options: options)
        return generator.run()
    }

    /// The same agency as `generate`, a piece at a time (see `DemoPiece`), for writing a large one
    /// without holding it: only the people are held.
    public static func generate(today: Day, options: DemoOptions = DemoOptions(), _ emit: (DemoPiece) throws -> Void) rethrows {
        var generator = DemoGenerator(today: today, options: options)
        try generator.run(emit)
    }
}

/// One piece of a demo agency, in the order `DemoAgency.generate(today:options:_:)` gives them.
public enum DemoPiece: Sendable {
    /// First.
    case agency(Agency)
    /// Everyone, before their start dates are settled: what names the records' files.
    case people([Person])
    /// Each engagement, then each relationship, as it is made.
    case engagement(CoachingEngagement)
    case relationship(MentoringRelationship)
    /// Everyone again, as they end up: a start date is moved back where someone took part in a
    /// record before they joined.
    case settledPeople([Person])
    /// Last.
    case assessment(Assessment)
}
