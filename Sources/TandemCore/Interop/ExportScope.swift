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
        snapshot.engagements.reduce(0) { $0 + $1.sessions.filter { $0.visibility.isPrivate }.count }
            + snapshot.relationships.reduce(0) { $0 + $1.sessions.filter { $0.visibility.isPrivate }.count }
    }
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
