import Foundation

extension RecordQuery {
    /// An engagement with only what `resolve` reads of it (its id, coachee and focus), the rest
    /// emptied: what a command keeps of every record to find one by reference, streaming the
    /// store, before it reads that one whole.
    public static func lookupOnly(_ e: CoachingEngagement) -> CoachingEngagement {
        var e = e
        e.objectives = []; e.metrics = []; e.sessions = []; e.history = []; e.outcome = nil
        return e
    }

    /// A relationship with only what `resolve` reads of it (its id, mentor and mentee).
    public static func lookupOnly(_ r: MentoringRelationship) -> MentoringRelationship {
        var r = r
        r.goals = []; r.sessions = []; r.history = []; r.focusAreas = []; r.outcome = nil
        return r
    }
}
