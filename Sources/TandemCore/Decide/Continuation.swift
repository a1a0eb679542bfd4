import Foundation

/// Carrying a completed engagement's growth on as mentoring: the relationship that continues
/// it, with the engagement's focus as a goal and as a focus area, its open objectives as goals,
/// the top mentor suggestion with room, and a link back (`continuesEngagementID`).
public enum Continuation {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notCompleted
        case alreadyContinued(relationshipID: UUID)
        case noMentor

        public var description: String {
            switch self {
            case .notCompleted: "only a completed engagement is continued as mentoring"
            case .alreadyContinued: "this engagement is already continued as mentoring"
            case .noMentor: "nobody with room to mentor is above the coachee's level"
            }
        }
    }

    /// The relationship continuing `engagement`, starting `today` with a 14-day cadence.
    public static func relationship(continuing engagement: CoachingEngagement, in snapshot: Snapshot, today: Day,
                                    makeID: () -> UUID) -> Result<MentoringRelationship, Failure> {
        guard engagement.status == .completed else { return .failure(.notCompleted) }
        if let r = relationship(continuing: engagement.id, in: snapshot) { return .failure(.alreadyContinued(relationshipID: r.id)) }
        guard let mentor = MentorMatch.candidates(for: engagement.coacheeID, in: snapshot).first(where: { !$0.atCapacity }) else {
            return .failure(.noMentor)
        }
        let focus = engagement.focus.trimmingCharacters(in: .whitespaces)
        var texts = focus.isEmpty ? [] : [focus]
        for o in engagement.objectives where o.doneOn == nil && !texts.contains(o.text) { texts.append(o.text) }
        let id = makeID()
        let goals = texts.map { Goal(id: makeID(), text: $0) }
        return .success(MentoringRelationship(id: id, mentorID: mentor.person.id, menteeID: engagement.coacheeID, start: today,
                                              cadenceDays: 14, focusAreas: focus.isEmpty ? [] : [focus], goals: goals,
                                              continuesEngagementID: engagement.id))
    }

    /// The relationship that continues the engagement `id`, if one does.
    public static func relationship(continuing id: UUID, in snapshot: Snapshot) -> MentoringRelationship? {
        snapshot.relationships.first { $0.continuesEngagementID == id }
    }
}
