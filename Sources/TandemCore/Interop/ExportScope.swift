import Foundation

/// What an export may carry: private and partners sessions (sealed notes) stay out of every
/// export unless the leader asks for them with `--include-private`.
public enum ExportScope {
    /// `snapshot` as an export shows it: without sessions whose visibility is private (and
    /// without the back-references of metric readings to those sessions) unless `includePrivate`.
    public static func filtered(_ snapshot: Snapshot, includePrivate: Bool) -> Snapshot {
        guard !includePrivate else { return snapshot }
        var s = snapshot
        s.engagements = s.engagements.map(withoutPrivate)
        s.relationships = s.relationships.map(withoutPrivate)
        return s
    }

    /// One engagement as `filtered` leaves it: without private sessions and the readings'
    /// references to them. An engagement with none is returned as it is (sharing its storage).
    public static func withoutPrivate(_ engagement: CoachingEngagement) -> CoachingEngagement {
        let hidden = Set(engagement.sessions.filter { $0.visibility.isPrivate }.map(\.id))
        guard !hidden.isEmpty else { return engagement }
        var e = engagement
        e.sessions.removeAll { hidden.contains($0.id) }
        e.metrics = e.metrics.map { m in
            var m = m
            m.readings = m.readings.map { r in
                var r = r
                if let id = r.sessionID, hidden.contains(id) { r.sessionID = nil }
                return r
            }
            return m
        }
        return e
    }

    /// One relationship as `filtered` leaves it: without private sessions.
    public static func withoutPrivate(_ relationship: MentoringRelationship) -> MentoringRelationship {
        // Untouched records keep sharing their storage (no copy of a store).
        guard relationship.sessions.contains(where: { $0.visibility.isPrivate }) else { return relationship }
        var r = relationship
        r.sessions.removeAll { $0.visibility.isPrivate }
        return r
    }

    /// `snapshot` without the sealed values (ciphertext): an export carries what this identity
    /// opened, and `sealed (for …)` for what it could not.
    public static func withoutSealedValues(_ snapshot: Snapshot) -> Snapshot {
        var s = snapshot
        s.engagements = s.engagements.map(withoutSealedValues)
        s.relationships = s.relationships.map(withoutSealedValues)
        return s
    }

    /// One engagement as `withoutSealedValues` leaves it; one without sealed values is returned
    /// as it is (sharing its storage).
    public static func withoutSealedValues(_ engagement: CoachingEngagement) -> CoachingEngagement {
        guard engagement.sessions.contains(where: { $0.sealed != nil }) else { return engagement }
        var e = engagement; for i in e.sessions.indices { e.sessions[i].sealed = nil }; return e
    }

    /// One relationship as `withoutSealedValues` leaves it.
    public static func withoutSealedValues(_ relationship: MentoringRelationship) -> MentoringRelationship {
        guard relationship.sessions.contains(where: { $0.sealed != nil }) else { return relationship }
        var r = relationship; for i in r.sessions.indices { r.sessions[i].sealed = nil }; return r
    }

    /// How many sessions `filtered` leaves out.
    public static func privateSessionCount(in snapshot: Snapshot) -> Int {
        snapshot.engagements.reduce(0) { $0 + privateSessionCount(in: $1.sessions) }
            + snapshot.relationships.reduce(0) { $0 + privateSessionCount(in: $1.sessions) }
    }

    /// How many of a record's sessions `filtered` leaves out.
    public static func privateSessionCount(in sessions: [Session]) -> Int {
        sessions.reduce(0) { $0 + ($1.visibility.isPrivate ? 1 : 0) }
    }

    /// One engagement as csv, ics and md exports show it (and json, a record at a time): without
    /// private sessions unless `includePrivate`, and without sealed values.
    public static func shown(_ e: CoachingEngagement, includePrivate: Bool) -> CoachingEngagement {
        withoutSealedValues(includePrivate ? e : withoutPrivate(e))
    }

    /// One relationship as an export shows it (see the engagement's).
    public static func shown(_ r: MentoringRelationship, includePrivate: Bool) -> MentoringRelationship {
        withoutSealedValues(includePrivate ? r : withoutPrivate(r))
    }

    /// Which records an export of `format` and `kind` carries. json: the one kind asked for, or
    /// everything. md: the people always (they are named), and the engagements or relationships
    /// asked for (both without a kind; neither for people); never assessments. csv: the people
    /// (named in every table) and the kind whose rows it is (both for sessions). ics: the people
    /// and the kind asked for (both without a kind or for sessions); `ICalendar.carries` then
    /// picks the events.
    public static func content(_ format: ExportFormat, kind: InteropKind?) -> ExportKinds {
        switch format {
        case .json:
            switch kind {
            case .people: ExportKinds(people: true, coaching: false, mentoring: false, assessments: false)
            case .coaching: ExportKinds(people: false, coaching: true, mentoring: false, assessments: false)
            case .mentoring: ExportKinds(people: false, coaching: false, mentoring: true, assessments: false)
            case .sessions, nil: ExportKinds(people: true, coaching: true, mentoring: true, assessments: true)
            }
        case .md:
            ExportKinds(people: true, coaching: kind == nil || kind == .coaching || kind == .sessions,
                          mentoring: kind == nil || kind == .mentoring || kind == .sessions, assessments: false)
        case .csv:
            ExportKinds(people: true, coaching: kind == .coaching || kind == .sessions,
                          mentoring: kind == .mentoring || kind == .sessions, assessments: false)
        case .ics:
            ExportKinds(people: true, coaching: kind != .mentoring && kind != .people,
                          mentoring: kind != .coaching && kind != .people, assessments: false)
        }
    }

    /// `snapshot` with only what `content` carries (the rest emptied).
    public static func narrowed(_ snapshot: Snapshot, to content: ExportKinds) -> Snapshot {
        var s = snapshot
        if !content.people { s.people = [] }
        if !content.coaching { s.engagements = [] }
        if !content.mentoring { s.relationships = [] }
        if !content.assessments { s.assessments = [] }
        return s
    }
}

/// The formats of `tandem export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, ics, json, md
}

/// Which kinds of record: what an export carries (`ExportScope.content`), or what one pass of
/// `ExportStream` reads.
public struct ExportKinds: Equatable, Sendable {
    public var people: Bool
    public var coaching: Bool
    public var mentoring: Bool
    public var assessments: Bool
    public init(people: Bool, coaching: Bool, mentoring: Bool, assessments: Bool) {
        self.people = people; self.coaching = coaching; self.mentoring = mentoring; self.assessments = assessments
    }

    public static let none = ExportKinds(people: false, coaching: false, mentoring: false, assessments: false)
    public var isEmpty: Bool { self == .none }
}

/// The kinds of record an export or an import speaks of.
public enum InteropKind: String, CaseIterable, Sendable {
    case people, coaching, mentoring, sessions
}

/// A table for a CSV file: a header row and rows of the same width.
public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    public var rows: [[String]]
    public init(header: [String], rows: [[String]]) { self.header = header; self.rows = rows }
}

/// Compact, sorted JSON for values nested in a CSV cell, and the whole-store document.
enum InteropJSON {
    static func compact<T: Encodable>(_ value: T) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? enc.encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
