import Foundation
import TandemCore
import TandemStore

extension Snapshot {
    /// The current value of a record, if it is loaded.
    func value(of ref: RecordRef) -> Record? {
        switch ref.kind {
        case .person: people.first { $0.id == ref.id }.map(Record.person)
        case .coaching: engagements.first { $0.id == ref.id }.map(Record.coaching)
        case .mentoring: relationships.first { $0.id == ref.id }.map(Record.mentoring)
        case .assessment: assessments.first { $0.id == ref.id }.map(Record.assessment)
        }
    }

    /// Puts a record in (replacing the one with its id) or, with `nil`, takes `ref` out.
    mutating func put(_ value: Record?, for ref: RecordRef) {
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
            if case .assessment(let a)? = value { upsert(&assessments, a) } else { upsert(&assessments, Assessment?.none) }
        }
    }
}

extension Record {
    /// The record as something a session can be logged on (engagements and relationships).
    var sessionRecord: SessionRecord? {
        switch self {
        case .coaching(let e): .coaching(e)
        case .mentoring(let r): .mentoring(r)
        case .person, .assessment: nil
        }
    }
}
