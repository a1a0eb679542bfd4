/// The kinds of record the store keeps; the raw value is the folder they live in.
public enum RecordKind: String, CaseIterable, Sendable {
    case person = "people"
    case coaching
    case mentoring
    case assessment = "assessments"

    /// The word used when a file name has no usable name to slug ("person", "coaching", …).
    var fallbackSlug: String {
        switch self {
        case .person: "person"
        case .coaching: "coaching"
        case .mentoring: "mentoring"
        case .assessment: "assessment"
        }
    }
}
