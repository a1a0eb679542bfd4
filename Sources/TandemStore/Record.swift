import TandemCore

/// One record of any kind, as `loadRecord` and `reload` return it.
public enum Record: Equatable, Sendable {
    case person(Person)
    case coaching(CoachingEngagement)
    case mentoring(MentoringRelationship)
    case assessment(Assessment)

    public var ref: RecordRef {
        switch self {
        case .person(let p): RecordRef(kind: .person, id: p.id)
        case .coaching(let e): RecordRef(kind: .coaching, id: e.id)
        case .mentoring(let r): RecordRef(kind: .mentoring, id: r.id)
        case .assessment(let a): RecordRef(kind: .assessment, id: a.id)
        }
    }
}
