/// Which states are shown by default, and the names a person may type for a state: one
/// meaning for the dashboard and `tandem list --status`.
public enum StatusNames {
    /// The engagements shown when no status is asked for: what still needs the leader.
    public static let defaultEngagementStatuses: [EngagementStatus] = [.planned, .active, .onHold]
    /// The relationships shown when no status is asked for.
    public static let defaultRelationshipStatuses: [RelationshipStatus] = [.active, .paused]

    /// The spelling a state is typed as on the command line: "on-hold" for `onHold`, else the raw value.
    public static func typed(_ status: EngagementStatus) -> String { status == .onHold ? "on-hold" : status.rawValue }

    /// The engagement state `text` names: the raw value or label in any case, with or without
    /// a space, '-' or '_' ("on-hold", "on hold", "onhold", "onHold"), "hold", "canceled".
    public static func engagementStatus(_ text: String) -> EngagementStatus? {
        switch squeeze(text) {
        case "planned", "plan": .planned
        case "active": .active
        case "onhold", "hold", "held": .onHold
        case "completed", "complete", "done": .completed
        case "cancelled", "canceled", "cancel": .cancelled
        default: nil
        }
    }

    /// The relationship state `text` names, any case ("closed", "close", "ended" too).
    public static func relationshipStatus(_ text: String) -> RelationshipStatus? {
        switch squeeze(text) {
        case "active": .active
        case "paused", "pause", "onhold", "hold": .paused
        case "closed", "close", "ended": .closed
        default: nil
        }
    }

    /// Lower case, without spaces, '-' and '_'.
    static func squeeze(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
    }
}
