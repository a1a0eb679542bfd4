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

extension Record {
    /// `RecordMerge.merge` on two versions of one record and their common base (`nil`: none).
    /// Records of different kinds or ids cannot merge: that is one conflict on the whole record.
    public static func merge(base: Record?, ours: Record, theirs: Record,
                             choosing choices: [FieldPath: MergeSide] = [:]) -> MergeResult<Record> {
        switch (base, ours, theirs) {
        case (.person(let b)?, .person(let o), .person(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: b, ours: o, theirs: t, choosing: choices), Record.person)
        case (nil, .person(let o), .person(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: nil, ours: o, theirs: t, choosing: choices), Record.person)
        case (.coaching(let b)?, .coaching(let o), .coaching(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: b, ours: o, theirs: t, choosing: choices), Record.coaching)
        case (nil, .coaching(let o), .coaching(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: nil, ours: o, theirs: t, choosing: choices), Record.coaching)
        case (.mentoring(let b)?, .mentoring(let o), .mentoring(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: b, ours: o, theirs: t, choosing: choices), Record.mentoring)
        case (nil, .mentoring(let o), .mentoring(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: nil, ours: o, theirs: t, choosing: choices), Record.mentoring)
        case (.assessment(let b)?, .assessment(let o), .assessment(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: b, ours: o, theirs: t, choosing: choices), Record.assessment)
        case (nil, .assessment(let o), .assessment(let t)) where o.id == t.id:
            return lift(RecordMerge.merge(base: nil, ours: o, theirs: t, choosing: choices), Record.assessment)
        default:
            if ours == theirs { return .merged(ours) }
            let conflict = FieldConflict(path: .record, kind: .changedOnBothSides, base: nil,
                                         ours: "\(ours.ref)", theirs: "\(theirs.ref)")
            return .conflicted(partial: choices[.record] == .theirs ? theirs : ours, conflicts: [conflict])
        }
    }

    private static func lift<T>(_ r: MergeResult<T>, _ wrap: (T) -> Record) -> MergeResult<Record> {
        switch r {
        case .merged(let v): .merged(wrap(v))
        case .conflicted(let v, let c): .conflicted(partial: wrap(v), conflicts: c)
        }
    }
}
