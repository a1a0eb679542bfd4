import Foundation

/// A record an insight points at. TandemCore knows no files, so this is the kind and the id;
/// the app and the command line turn it into their own reference.
public struct InsightRef: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable, CaseIterable { case person, coaching, mentoring, assessment }
    public var kind: Kind
    public var id: UUID

    public init(_ kind: Kind, _ id: UUID) { self.kind = kind; self.id = id }

    public static func < (a: InsightRef, b: InsightRef) -> Bool {
        (a.kind.rawValue, a.id.uuidString) < (b.kind.rawValue, b.id.uuidString)
    }
}

/// One number of the insights with the records behind it: what the screen shows and what Enter
/// opens. `value` is the number itself (a count, a share 0…1, hours); `text` is how it reads.
public struct Figure: Equatable, Sendable, Identifiable {
    /// Stable within a section ("coverage.neither"), for tests, JSON and the screen's selection.
    public var id: String
    public var label: String
    /// `nil` when there is nothing to measure (a share of no engagements).
    public var value: Double?
    public var text: String
    /// The records behind the figure, without duplicates, in a stable order.
    public var refs: [InsightRef]

    public init(id: String, label: String, value: Double?, text: String, refs: [InsightRef]) {
        self.id = id; self.label = label; self.value = value; self.text = text
        var seen = Set<InsightRef>()
        self.refs = refs.filter { seen.insert($0).inserted }
    }

    /// A count of records: the value is the number of refs.
    static func count(_ id: String, _ label: String, _ refs: [InsightRef]) -> Figure {
        var seen = Set<InsightRef>()
        let unique = refs.filter { seen.insert($0).inserted }
        return Figure(id: id, label: label, value: Double(unique.count), text: "\(unique.count)", refs: unique)
    }

    /// A share `part` of `whole`, "67% (2 of 3)"; no value when `whole` is 0.
    static func share(_ id: String, _ label: String, _ part: Int, of whole: Int, _ refs: [InsightRef]) -> Figure {
        guard whole > 0 else { return Figure(id: id, label: label, value: nil, text: "—", refs: refs) }
        let v = Double(part) / Double(whole)
        return Figure(id: id, label: label, value: v, text: "\(Insights.percent(v)) (\(part) of \(whole))", refs: refs)
    }
}

/// A titled group of figures, in the order the screen and the report show them.
public struct InsightSection: Equatable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var figures: [Figure]
}

extension InsightRef {
    /// The record in a few words: a person's name, "coachee · focus", "mentor → mentee",
    /// "assessment of name, date". Never a note. (For many refs, use `InsightTitles`.)
    public func title(in s: Snapshot, names: PeopleIndex) -> String { InsightTitles(s, names: names).title(self) }
}

/// Titles of records by id, built once for a snapshot, so naming thousands of refs stays linear.
public struct InsightTitles: Sendable {
    let names: PeopleIndex
    let engagements: [UUID: CoachingEngagement]
    let relationships: [UUID: MentoringRelationship]
    let assessments: [UUID: Assessment]

    public init(_ s: Snapshot, names: PeopleIndex? = nil) {
        self.names = names ?? PeopleIndex(s.people)
        engagements = Dictionary(s.engagements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        relationships = Dictionary(s.relationships.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        assessments = Dictionary(s.assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func title(_ ref: InsightRef) -> String {
        let short = ref.id.uuidString.prefix(8).lowercased()
        switch ref.kind {
        case .person: return names.name(ref.id)
        case .coaching:
            guard let e = engagements[ref.id] else { return "coaching ?\(short)" }
            return "\(names.name(e.coacheeID)) · \(e.focus)"
        case .mentoring:
            guard let r = relationships[ref.id] else { return "mentoring ?\(short)" }
            return "\(names.name(r.mentorID)) → \(names.name(r.menteeID))"
        case .assessment:
            guard let a = assessments[ref.id] else { return "assessment ?\(short)" }
            return "assessment of \(names.name(a.personID)), \(a.date.iso): \(a.recommendation.rawValue)"
        }
    }
}
