import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Shared data for the app tests: a fixed day, the demo agency, deterministic ids.
enum Fixture {
    static let today = Day(iso: "2026-11-29")!

    /// The demo agency as it stands on `today` (the same every run).
    static let demo = DemoAgency.generate(today: today, options: DemoOptions())

    /// Ids 00000000-0000-0000-0000-000000000001, …02, … in call order.
    static func counterIDs() -> @Sendable () -> UUID {
        let counter = Counter()
        return { counter.next() }
    }

    /// A dashboard over `data` (the demo by default) with deterministic ids.
    static func state(_ data: Snapshot = demo, width: Int = 80, height: Int = 24, readOnly: String? = nil) -> AppState {
        var s = AppState(today: today, data: data, readOnlyReason: readOnly, width: width, height: height)
        s.makeID = counterIDs()
        return s
    }

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }

    // MARK: A tiny hand-made agency

    static let ana = Person(id: id(101), name: "Ana Lima", role: "Designer", team: "creative", level: .mid)
    static let ben = Person(id: id(102), name: "Ben Okafor", role: "Creative Director", team: "creative", level: .lead)
    static let chloe = Person(id: id(103), name: "Chloé Dubois", role: "Strategist", team: "strategy", level: .junior)

    static let pitching = CoachingEngagement(
        id: id(201), coacheeID: ana.id, coach: .person(ben.id), focus: "Pitching to clients",
        objectives: [Objective(id: id(211), text: "Lead one pitch alone"), Objective(id: id(212), text: "Cut the deck to 10 slides")],
        start: today.adding(days: -30), deadline: today.adding(days: 12), cadenceDays: 14,
        metrics: [Metric(id: id(221), name: "Win rate", unit: "%", baseline: 20, target: 40, direction: .higherIsBetter,
                         readings: [Reading(date: today.adding(days: -10), value: 30, sessionID: id(231))])],
        sessions: [Session(id: id(231), date: today.adding(days: -10), minutes: 50, notes: "Reviewed the Acme deck")])

    static let mentoring = MentoringRelationship(
        id: id(301), mentorID: ben.id, menteeID: chloe.id, start: today.adding(days: -100), cadenceDays: 14,
        focusAreas: ["client work"], goals: [Goal(id: id(311), text: "Run a workshop")],
        sessions: [Session(id: id(321), date: today.adding(days: -7), minutes: 30, notes: "Talked about workshops")])

    static let tiny = Snapshot(agency: Agency(name: "Small Studio"), people: [ana, ben, chloe],
                               engagements: [pitching], relationships: [mentoring])

    static let pitchingRef = RecordRef(kind: .coaching, id: pitching.id)
    static let mentoringRef = RecordRef(kind: .mentoring, id: mentoring.id)
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> UUID {
        lock.lock(); defer { lock.unlock() }
        n += 1
        return Fixture.id(n)
    }
}

/// Sends keys one by one; returns every effect in order.
@discardableResult
func press(_ s: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { update(&s, .keyPressed($0)) }
}

/// Sends a list of keys one by one; returns every effect in order.
@discardableResult
func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] {
    keys.flatMap { update(&s, .keyPressed($0)) }
}

/// Types text as character keys; returns every effect in order.
@discardableResult
func type(_ s: inout AppState, _ text: String) -> [Effect] {
    text.flatMap { update(&s, .keyPressed(.char($0))) }
}

/// The records of `.save` effects.
func saved(_ effects: [Effect]) -> [(record: Record, force: Bool)] {
    effects.compactMap { if case .save(let r, let f) = $0 { (r, f) } else { nil } }
}

func sessions(of record: Record) -> [Session] {
    switch record {
    case .coaching(let e): e.sessions
    case .mentoring(let r): r.sessions
    default: []
    }
}

/// The screen with trailing spaces trimmed, row by row.
func rows(_ buf: ScreenBuffer) -> [String] {
    buf.lines.map { l in
        var t = Substring(l)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
