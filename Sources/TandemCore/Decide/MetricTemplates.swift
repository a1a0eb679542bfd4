import Foundation

/// A metric a leader can pick instead of inventing one: a name, a unit and a direction. A
/// template is a suggestion: every field stays editable once picked.
public struct MetricTemplate: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// One of the agency templates every Tandem offers.
        case agency
        /// A metric this leader used before, in `count` engagements.
        case usedBefore(count: Int)
    }

    public var name: String
    public var unit: String
    public var direction: Direction
    /// What it measures, in a few words.
    public var note: String
    /// An engagement focus that goes with it: "Lift pitch win rate".
    public var focus: String
    public var source: Source
    /// Words in a role, team or interest that make this template the one to suggest.
    public var keywords: [String]

    public init(name: String, unit: String, direction: Direction, note: String, focus: String,
                source: Source = .agency, keywords: [String] = []) {
        self.name = name; self.unit = unit; self.direction = direction; self.note = note
        self.focus = focus; self.source = source; self.keywords = keywords
    }

    /// A new metric from the template, with the baseline and target still to fill in.
    public func metric(id: UUID, baseline: Double = 0, target: Double = 0) -> Metric {
        Metric(id: id, name: name, unit: unit, baseline: baseline, target: target, direction: direction)
    }
}

public enum MetricTemplates {
    /// The agency templates, in the order offered.
    public static let agency: [MetricTemplate] = [
        MetricTemplate(name: "Billable utilisation", unit: "%", direction: .higherIsBetter,
                       note: "billable hours over available hours", focus: "Raise billable utilisation",
                       keywords: ["billable", "utilisation", "utilization", "timesheet", "capacity"]),
        MetricTemplate(name: "Pitch win rate", unit: "%", direction: .higherIsBetter,
                       note: "pitches won over pitches made", focus: "Win more pitches",
                       keywords: ["pitch", "new business", "sales", "proposal", "business development"]),
        MetricTemplate(name: "Client NPS", unit: "pts", direction: .higherIsBetter,
                       note: "net promoter score from client surveys", focus: "Lift client satisfaction",
                       keywords: ["client", "account", "relationship", "service"]),
        MetricTemplate(name: "Revision rounds per deliverable", unit: "rounds", direction: .lowerIsBetter,
                       note: "rounds of changes before sign-off", focus: "Fewer revision rounds per deliverable",
                       keywords: ["design", "copy", "creative", "art", "brief", "feedback"]),
        MetricTemplate(name: "On-time delivery", unit: "%", direction: .higherIsBetter,
                       note: "deliverables shipped by the agreed date", focus: "Deliver on time",
                       keywords: ["producer", "project", "delivery", "planning", "operations", "deadline"]),
        MetricTemplate(name: "Estimate accuracy", unit: "%", direction: .higherIsBetter,
                       note: "jobs finished within their estimated hours", focus: "Estimate work accurately",
                       keywords: ["estimate", "scoping", "budget", "finance"]),
        MetricTemplate(name: "Hours over budget", unit: "%", direction: .lowerIsBetter,
                       note: "hours spent beyond the budget, per job", focus: "Keep jobs within budget",
                       keywords: ["overrun", "scope"]),
        MetricTemplate(name: "Client response time", unit: "hours", direction: .lowerIsBetter,
                       note: "hours to answer a client", focus: "Answer clients faster",
                       keywords: ["response", "communication", "support"]),
        MetricTemplate(name: "Client retention", unit: "%", direction: .higherIsBetter,
                       note: "clients kept over the year", focus: "Keep more clients",
                       keywords: ["retention", "renewal", "growth"]),
        MetricTemplate(name: "Bugs reopened", unit: "bugs", direction: .lowerIsBetter,
                       note: "defects reopened after release, per sprint", focus: "Ship with fewer defects",
                       keywords: ["developer", "engineer", "engineering", "code", "qa", "testing", "tech"]),
    ]

    /// The agency templates, then the metrics used in the leader's engagements before that are
    /// not one of them (most used first, then by name; case and accents ignored when comparing),
    /// each with the unit and direction it was last used with.
    public static func all(in snapshot: Snapshot) -> [MetricTemplate] {
        agency + usedBefore(in: snapshot)
    }

    /// The metrics used before that are not agency templates.
    public static func usedBefore(in snapshot: Snapshot) -> [MetricTemplate] {
        let known = Set(agency.map { $0.name.searchKey })
        var found: [String: (template: MetricTemplate, count: Int, last: Day)] = [:]
        for e in snapshot.engagements {
            for m in e.metrics {
                let name = m.name.trimmingCharacters(in: .whitespaces)
                let key = name.searchKey
                guard !name.isEmpty, !known.contains(key) else { continue }
                let t = MetricTemplate(name: name, unit: m.unit, direction: m.direction,
                                       note: "used before", focus: "Improve \(name.lowercased())")
                if let f = found[key] {
                    found[key] = (e.start >= f.last ? t : f.template, f.count + 1, max(e.start, f.last))
                } else {
                    found[key] = (t, 1, e.start)
                }
            }
        }
        return found.values
            .sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                return NameOrder.areInIncreasingOrder(a.template.name, b.template.name)
            }
            .map { var t = $0.template; t.source = .usedBefore(count: $0.count); return t }
    }

    /// The agency template that fits the person: the first whose keyword appears in their role,
    /// team or interests (case and accents ignored); else billable utilisation.
    public static func suggested(for person: Person) -> MetricTemplate {
        let haystack = ([person.role, person.team] + person.interests).map(\.searchKey).joined(separator: " | ")
        return agency.first { t in t.keywords.contains { haystack.contains($0.searchKey) } } ?? agency[0]
    }
}
