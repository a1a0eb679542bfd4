import Foundation

/// Something that crossed a threshold and is worth telling the leader outside the dashboard:
/// what the notification hook (`[notify] command` in the config) is given, as arguments and as
/// JSON on its standard input.
public struct NotifyEvent: Codable, Equatable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// An active engagement's deadline is within the due-soon days (today included).
        case deadlineSoon = "deadline-soon"
        /// An active mentoring pair missed its cadence once.
        case pairOverdue = "pair-overdue"
        /// An active mentoring pair missed two cadences or more.
        case pairDrifting = "pair-drifting"
        /// An active engagement had no session for more than the momentum days.
        case momentumLost = "momentum-lost"
    }

    public var kind: Kind
    /// `coaching` or `mentoring`.
    public var record: String
    public var id: UUID
    /// Who it is about: "Ana Ruiz: client pitching", "Sam Lee → Kim Park".
    public var title: String
    /// One sentence: "deadline in 2 days (3 Dec)".
    public var message: String
    /// The day it was found on (events are announced once per record, kind and day).
    public var day: String
    /// The date that matters: the deadline, the next due date, the last session.
    public var date: String?

    public init(kind: Kind, record: String, id: UUID, title: String, message: String, day: Day, date: Day?) {
        self.kind = kind; self.record = record; self.id = id; self.title = title; self.message = message
        self.day = day.iso; self.date = date?.iso
    }

    /// What remembers it was announced: kind, record and day.
    public var key: String { "\(kind.rawValue) \(id.uuidString.lowercased()) \(day)" }

    /// The first argument the command gets (a notification's summary): "Tandem: deadline soon — Ana Ruiz: client pitching".
    public var summary: String {
        let what: String
        switch kind {
        case .deadlineSoon: what = "deadline soon"
        case .pairOverdue: what = "mentoring overdue"
        case .pairDrifting: what = "mentoring drifting"
        case .momentumLost: what = "momentum lost"
        }
        return "Tandem: \(what) — \(title)"
    }

    /// The event as one line of JSON (sorted keys), as the command reads it on stdin.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Which events the store's records raise today: the dashboard's thresholds (the store's
/// due-soon, momentum and fizzle days), evaluated as the panes evaluate them. Pure: `today`
/// is given, nothing is read.
public enum NotifyRules {
    public static func events(in snapshot: Snapshot, today: Day) -> [NotifyEvent] {
        let settings = snapshot.agency.settings
        let people = PeopleIndex(snapshot.people)
        var out: [NotifyEvent] = []
        for e in snapshot.engagements where e.status == .active {
            let title = "\(people.name(e.coacheeID)): \(e.focus)"
            let left = e.daysToDeadline(today: today)
            if left >= 0, left <= settings.dueSoonDays {
                let when = left == 0 ? "today" : left == 1 ? "tomorrow" : "in \(left) days"
                out.append(NotifyEvent(kind: .deadlineSoon, record: "coaching", id: e.id, title: title,
                                       message: "coaching deadline \(when) (\(e.deadline.iso))", day: today, date: e.deadline))
            }
            if e.hasMomentumAlert(today: today, momentumDays: settings.momentumDays) {
                let since = e.daysSinceActivity(today: today)
                out.append(NotifyEvent(kind: .momentumLost, record: "coaching", id: e.id, title: title,
                                       message: "no coaching session for \(since) days (momentum window \(settings.momentumDays))",
                                       day: today, date: e.lastSessionDate ?? e.start))
            }
        }
        for r in snapshot.relationships where r.status == .active {
            let title = "\(people.name(r.mentorID)) → \(people.name(r.menteeID))"
            let due = r.nextDue(today: today)
            switch r.health(today: today, settings: settings) {
            case .overdue:
                let late = due.map { $0.days(to: today) } ?? 0
                out.append(NotifyEvent(kind: .pairOverdue, record: "mentoring", id: r.id, title: title,
                                       message: "mentoring session overdue by \(late) day\(late == 1 ? "" : "s") (every \(r.cadenceDays) days)",
                                       day: today, date: due))
            case .drifting:
                out.append(NotifyEvent(kind: .pairDrifting, record: "mentoring", id: r.id, title: title,
                                       message: "mentoring drifting: two or more sessions missed (every \(r.cadenceDays) days, last met \(r.lastMet?.iso ?? "never"))",
                                       day: today, date: r.lastMet ?? r.start))
            default:
                break
            }
        }
        return out.sorted { ($0.kind.rawValue, $0.title, $0.id.uuidString) < ($1.kind.rawValue, $1.title, $1.id.uuidString) }
    }

    /// The events not announced yet (`announced` holds their keys).
    public static func unannounced(_ events: [NotifyEvent], announced: Set<String>) -> [NotifyEvent] {
        events.filter { !announced.contains($0.key) }
    }
}
