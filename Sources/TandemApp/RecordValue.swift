import Foundation
import TandemCore
import TandemStore

/// One record of any kind the app edits, as a value: what a save writes and what undo restores.
public enum RecordValue: Equatable, Sendable {
    case person(Person)
    case coaching(CoachingEngagement)
    case mentoring(MentoringRelationship)

    public var ref: RecordRef {
        switch self {
        case .person(let p): RecordRef(kind: .person, id: p.id)
        case .coaching(let e): RecordRef(kind: .coaching, id: e.id)
        case .mentoring(let r): RecordRef(kind: .mentoring, id: r.id)
        }
    }
}

extension Snapshot {
    /// The current value of a record, if it is loaded.
    func value(of ref: RecordRef) -> RecordValue? {
        switch ref.kind {
        case .person: people.first { $0.id == ref.id }.map(RecordValue.person)
        case .coaching: engagements.first { $0.id == ref.id }.map(RecordValue.coaching)
        case .mentoring: relationships.first { $0.id == ref.id }.map(RecordValue.mentoring)
        case .assessment: nil
        }
    }

    /// Puts a record in (replacing the one with its id) or, with `nil`, takes `ref` out.
    mutating func put(_ value: RecordValue?, for ref: RecordRef) {
        func upsert<T: Identifiable>(_ list: inout [T], _ v: T?) where T.ID == UUID {
            if let v {
                if let i = list.firstIndex(where: { $0.id == v.id }) { list[i] = v } else { list.append(v) }
            } else {
                list.removeAll { $0.id == ref.id }
            }
        }
        switch ref.kind {
        case .person:
            if case .person(let p)? = value { upsert(&people, p) } else { upsert(&people, Person?.none) }
        case .coaching:
            if case .coaching(let e)? = value { upsert(&engagements, e) } else { upsert(&engagements, CoachingEngagement?.none) }
        case .mentoring:
            if case .mentoring(let r)? = value { upsert(&relationships, r) } else { upsert(&relationships, MentoringRelationship?.none) }
        case .assessment:
            break
        }
    }
}
