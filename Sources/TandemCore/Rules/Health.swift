/// How a mentoring relationship is keeping its cadence.
public enum Health: String, Codable, Sendable, CaseIterable {
    /// The next meeting is more than the "due soon" window away.
    case onTrack
    /// The next meeting is due within the "due soon" window.
    case dueSoon
    /// One due date has passed without a meeting.
    case overdue
    /// Two or more due dates have passed without a meeting.
    case drifting
    /// One session, then nothing for the fizzle window.
    case fizzled
    /// Paused by agreement.
    case paused
    /// Closed.
    case closed

    /// The health in words, lower case: "on track", "due soon", "overdue"…
    public var label: String {
        switch self {
        case .onTrack: "on track"
        case .dueSoon: "due soon"
        case .overdue: "overdue"
        case .drifting: "drifting"
        case .fizzled: "fizzled"
        case .paused: "paused"
        case .closed: "closed"
        }
    }

    /// A one-column mark that tells the states apart without color.
    public var symbol: String {
        switch self {
        case .onTrack: "✓"
        case .dueSoon: "◔"
        case .overdue: "!"
        case .drifting: "‼"
        case .fizzled: "✗"
        case .paused: "‖"
        case .closed: "·"
        }
    }

    /// How much it needs attention, for sorting: higher first. Fizzled is the most severe,
    /// then drifting, overdue, due soon, on track, paused, closed.
    public var severity: Int {
        switch self {
        case .closed: 0
        case .paused: 1
        case .onTrack: 2
        case .dueSoon: 3
        case .overdue: 4
        case .drifting: 5
        case .fizzled: 6
        }
    }
}
