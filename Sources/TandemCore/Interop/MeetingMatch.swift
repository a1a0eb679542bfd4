import Foundation

/// Meetings from a calendar matched to the engagements and relationships they were about.
///
/// A meeting belongs to an open record when the record's coachee (or mentee) is named — as an
/// attendee, or in the summary — and, among several such records, the one whose coach (or
/// mentor) is named too (and, between a pair's coaching and mentoring, the one the summary
/// says: "coaching", "mentoring"). A meeting already logged (a session on that record that day) is not
/// logged twice, and a meeting that has not happened yet is left for later.
public enum MeetingMatch {
    public struct Match: Equatable, Sendable {
        public var meeting: ICalendar.Meeting
        public var record: SessionRecord
        /// In words: "Ana Lima is an attendee; Bo Chen is an attendee".
        public var reason: String
        public var session: Session
    }

    public struct Skip: Equatable, Sendable {
        public var meeting: ICalendar.Meeting
        public var reason: String
    }

    public struct Plan: Equatable, Sendable {
        public var matches: [Match] = []
        public var skipped: [Skip] = []
    }

    /// Longest meeting taken as a session: a working day.
    static let defaultMinutes = 60

    public static func plan(_ meetings: [ICalendar.Meeting], in snapshot: Snapshot, today: Day,
                            makeID: () -> UUID) -> Plan {
        let names = PeopleIndex(snapshot.people)
        var plan = Plan()
        var logged: [UUID: Set<Day>] = [:]
        var records: [(SessionRecord, subject: UUID, partner: UUID?)] = []
        for e in snapshot.engagements where e.isOpen {
            var partner: UUID?
            if case .person(let id) = e.coach { partner = id }
            records.append((.coaching(e), e.coacheeID, partner))
            logged[e.id] = Set(e.sessions.map(\.date))
        }
        for r in snapshot.relationships where r.status != .closed {
            records.append((.mentoring(r), r.menteeID, r.mentorID))
            logged[r.id] = Set(r.sessions.map(\.date))
        }

        for m in meetings {
            if m.uid.hasSuffix("@tandem") {
                plan.skipped.append(Skip(meeting: m, reason: "written by Tandem's own export"))
                continue
            }
            func how(_ id: UUID) -> String? {
                let name = names.name(id)
                let key = name.searchKey
                guard !key.isEmpty else { return nil }
                if m.attendees.contains(where: { $0.searchKey == key }) { return "\(name) is an attendee" }
                if contains(m.summary.searchKey, word: key) { return "the summary names \(name)" }
                return nil
            }
            var candidates: [(SessionRecord, [String])] = []
            for (record, subject, partner) in records {
                guard let first = how(subject) else { continue }
                var reasons = [first]
                if let partner, let second = how(partner) { reasons.append(second) }
                // "coaching", "coach" or "mentoring", "mentor" in the summary tells a pair's two records apart.
                let summary = m.summary.searchKey
                switch record {
                case .coaching where summary.contains("coach"): reasons.append("the summary says coaching")
                case .mentoring where summary.contains("mentor"): reasons.append("the summary says mentoring")
                default: break
                }
                candidates.append((record, reasons))
            }
            let best = candidates.map(\.1.count).max() ?? 0
            let top = candidates.filter { $0.1.count == best }
            guard !top.isEmpty else {
                plan.skipped.append(Skip(meeting: m, reason: "names nobody with an open engagement or relationship"))
                continue
            }
            guard top.count == 1, let (record, reasons) = top.first else {
                plan.skipped.append(Skip(meeting: m, reason: "could be \(top.count) records ("
                    + top.map { describe($0.0, names) }.joined(separator: "; ") + "): log it with tandem log"))
                continue
            }
            if m.day > today {
                plan.skipped.append(Skip(meeting: m, reason: "on \(m.day.iso), after today: it has not happened yet"))
                continue
            }
            if logged[record.id]?.contains(m.day) == true {
                plan.skipped.append(Skip(meeting: m, reason: "already logged: \(describe(record, names)) has a session on \(m.day.iso)"))
                continue
            }
            let minutes = m.minutes ?? defaultMinutes
            guard Bounds.minutes.contains(minutes) else {
                plan.skipped.append(Skip(meeting: m, reason: "lasts \(minutes) minutes: a session is 1–720"))
                continue
            }
            var notes = m.summary.trimmingCharacters(in: .whitespacesAndNewlines)
            let desc = m.description.trimmingCharacters(in: .whitespacesAndNewlines)
            if !desc.isEmpty { notes += (notes.isEmpty ? "" : "\n") + desc }
            if notes.isEmpty { notes = "Meeting from the calendar" }
            let session = Session(id: makeID(), date: m.day, minutes: minutes, notes: notes, visibility: .private)
            let problems = SessionRules.problems(in: session, readings: 0, start: record.start, today: today)
            if let p = problems.first {
                plan.skipped.append(Skip(meeting: m, reason: "\(describe(record, names)): \(p.message)"))
                continue
            }
            logged[record.id, default: []].insert(m.day)
            plan.matches.append(Match(meeting: m, record: record, reason: reasons.joined(separator: "; "), session: session))
        }
        return plan
    }

    /// Whether `name` appears in `text` as whole words.
    static func contains(_ text: String, word name: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: name, range: search) {
            let before = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
            let after = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
            if before && after { return true }
            search = text.index(after: r.lowerBound)..<text.endIndex
        }
        return false
    }

    public static func describe(_ r: SessionRecord, _ names: PeopleIndex) -> String {
        switch r {
        case .coaching(let e): "coaching \(names.name(e.coacheeID)) — \(e.focus)"
        case .mentoring(let m): "mentoring \(names.name(m.mentorID)) → \(names.name(m.menteeID))"
        }
    }
}
