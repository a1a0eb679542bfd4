import Foundation
import TandemCore
@testable import TandemStore

/// A temporary folder removed when the value goes away.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tandem-store-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The data folder inside (not created yet).
    var store: URL { url.appendingPathComponent("data") }

    func read(_ rel: String) -> Data { FileManager.default.contents(atPath: store.appendingPathComponent(rel).path) ?? Data() }

    func text(_ rel: String) -> String { String(decoding: read(rel), as: UTF8.self) }

    func write(_ text: String, to rel: String) {
        let url = store.appendingPathComponent(rel)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }

    /// Every file under the data folder (relative path → bytes), hidden ones included.
    func allFiles() -> [String: Data] {
        var out: [String: Data] = [:]
        let root = store.path
        guard let e = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = read(rel)
            }
        }
        return out
    }

    /// Modification times, by relative path.
    func mtimes() -> [String: Date] {
        var out: [String: Date] = [:]
        for rel in allFiles().keys {
            let attributes = try? FileManager.default.attributesOfItem(atPath: store.appendingPathComponent(rel).path)
            out[rel] = attributes?[.modificationDate] as? Date
        }
        return out
    }

    func mode(_ rel: String?) -> Int {
        let path = rel.map { store.appendingPathComponent($0).path } ?? store.path
        var st = stat()
        stat(path, &st)
        return Int(st.st_mode & 0o777)
    }
}

func uuid(_ n: Int) -> UUID {
    let hex = String(n, radix: 16)
    let padded = String(repeating: "0", count: 8 - hex.count) + hex
    return UUID(uuidString: "\(padded)-0000-4000-8000-000000000000")!
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

enum Sample {
    static let ana = Person(id: uuid(0xA1), name: "Ana Lima", role: "Art director", team: "Design", level: .lead,
                            startDate: day("2019-03-04"), expertise: ["branding"], interests: ["leadership"],
                            mentoringCapacity: 2)
    static let joao = Person(id: uuid(0xB2), name: "João Silva", role: "Designer", team: "Design", level: .junior,
                             startDate: day("2025-01-06"), interests: ["branding"], managerID: uuid(0xA1))
    static let session = Session(id: uuid(0x51), date: day("2026-03-02"), minutes: 45, notes: "Pitch rehearsal",
                                 topics: ["pitching"], actionItems: [ActionItem(id: uuid(0x52), text: "Redo deck", due: day("2026-03-09"))],
                                 pulse: 4, visibility: .shared, nextDate: day("2026-03-16"))
    static let coaching = CoachingEngagement(
        id: uuid(0xC1), coacheeID: uuid(0xB2), coach: .person(uuid(0xA1)), focus: "Client pitches",
        objectives: [Objective(id: uuid(0xC2), text: "Lead a pitch")], start: day("2026-02-01"),
        deadline: day("2026-05-01"), status: .active, plannedSessions: 6,
        metrics: [Metric(id: uuid(0xC3), name: "Win rate", unit: "%", baseline: 20, target: 40, direction: .higherIsBetter,
                         readings: [Reading(date: day("2026-03-02"), value: 25.5, sessionID: uuid(0x51))])],
        sessions: [session])
    static let finished = CoachingEngagement(
        id: uuid(0xC9), coacheeID: uuid(0xA1), coach: .external("Dana Coach"), focus: "Delegation",
        start: day("2025-01-01"), deadline: day("2025-04-01"), status: .completed, outcome: "Delegates weekly")
    static let mentoring = MentoringRelationship(
        id: uuid(0xD1), mentorID: uuid(0xA1), menteeID: uuid(0xB2), start: day("2026-01-05"), cadenceDays: 14,
        history: [StatusChange(date: day("2026-02-01"), status: .paused), StatusChange(date: day("2026-02-15"), status: .active)],
        focusAreas: ["craft"], goals: [Goal(id: uuid(0xD2), text: "Own a brand", targetDate: day("2026-12-01"))],
        sessions: [session])
    static let ended = MentoringRelationship(id: uuid(0xD9), mentorID: uuid(0xB2), menteeID: uuid(0xA1),
                                             start: day("2024-01-01"), cadenceDays: 30, status: .closed)
    static let assessment = Assessment(id: uuid(0xE1), personID: uuid(0xB2), date: day("2026-01-02"),
                                       answers: [Answer(question: "gap", score: 4)], recommendation: .hybrid,
                                       rationale: "A skill gap now, a career later")
    static let agency = Agency(name: "Studio Norte")

    /// A store with every kind of record, open ones and closed ones.
    @discardableResult
    static func fill(_ store: Store) throws -> [String] {
        [try store.save(ana), try store.save(joao), try store.save(coaching), try store.save(finished),
         try store.save(mentoring), try store.save(ended), try store.save(assessment)]
    }
}

/// Runs `body` and returns the `StoreError` it throws, or nil.
func storeError(_ body: () throws -> Void) -> StoreError? {
    do { try body() } catch let e as StoreError { return e } catch { return StoreError(.io, "unexpected \(error)") }
    return nil
}
