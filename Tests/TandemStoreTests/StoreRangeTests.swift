import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// SplitMix64, seeded: the same records on every run and platform.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.upperBound - r.lowerBound + 1)) }
    mutating func bool() -> Bool { next() & 1 == 1 }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    mutating func uuid() -> UUID {
        let a = next(), b = next()
        return UUID(uuid: (UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: a >> 8), UInt8(truncatingIfNeeded: a >> 16),
                           UInt8(truncatingIfNeeded: a >> 24), UInt8(truncatingIfNeeded: a >> 32), UInt8(truncatingIfNeeded: a >> 40),
                           0x40 | UInt8(truncatingIfNeeded: a >> 48) & 0x0F, UInt8(truncatingIfNeeded: a >> 56),
                           0x80 | UInt8(truncatingIfNeeded: b) & 0x3F, UInt8(truncatingIfNeeded: b >> 8), UInt8(truncatingIfNeeded: b >> 16),
                           UInt8(truncatingIfNeeded: b >> 24), UInt8(truncatingIfNeeded: b >> 32), UInt8(truncatingIfNeeded: b >> 40),
                           UInt8(truncatingIfNeeded: b >> 48), UInt8(truncatingIfNeeded: b >> 56)))
    }
    mutating func text() -> String { pick(["Pitch rehearsal", "Pricing — retainers", "Łódź trip, João's deck", "1:1 \"notes\"", "feedback\nand more"]) }
    /// A value in range with at most two decimals, as people type them.
    mutating func value() -> Double { Double(int(-100_000_000...100_000_000)) / 100 }
}

/// Random valid records, each within `Bounds` and passing `Validation`.
enum RandomRecords {
    static let today = day("2026-11-29")

    static func person(_ g: inout SeededRandom, id: UUID) -> Person {
        Person(id: id, name: g.pick(["Ana Lima", "Łukasz Wróbel", "王小明", "José Núñez"]), role: g.text(), team: g.pick(["Design", "Strategy", ""]),
               level: g.pick(Level.allCases), startDate: g.bool() ? day("2020-01-01").adding(days: g.int(0...2000)) : nil,
               expertise: g.bool() ? ["pitching"] : [], interests: [], mentoringCapacity: g.int(Bounds.mentoringCapacity))
    }

    static func sessions(_ g: inout SeededRandom, from start: Day) -> [Session] {
        var date = start
        return (0..<g.int(0...6)).map { _ in
            date = date.adding(days: g.int(0...20))
            let items = (0..<g.int(0...2)).map { _ in
                ActionItem(id: g.uuid(), text: g.text(), due: g.bool() ? date.adding(days: g.int(1...30)) : nil)
            }
            return Session(id: g.uuid(), date: min(date, today), minutes: g.int(Bounds.minutes), notes: g.text(),
                           topics: g.bool() ? ["pricing"] : [], actionItems: items,
                           pulse: g.bool() ? g.int(Bounds.pulse) : nil, visibility: g.bool() ? .shared : .private,
                           nextDate: g.bool() ? min(date, today).adding(days: g.int(1...60)) : nil)
        }
    }

    static func engagement(_ g: inout SeededRandom, coachee: UUID, coach: UUID) -> CoachingEngagement {
        let start = day("2024-01-01").adding(days: g.int(0...900))
        let sessions = sessions(&g, from: start)
        let metrics = (0..<g.int(0...3)).map { n -> Metric in
            let baseline = g.value()
            let target = baseline + (g.bool() ? 1 : -1) * Double(g.int(1...100_000)) / 10
            return Metric(id: g.uuid(), name: "metric \(n)", unit: g.pick(["%", "pts", ""]), baseline: baseline, target: target,
                          direction: target > baseline ? .higherIsBetter : .lowerIsBetter,
                          readings: sessions.filter { _ in g.bool() }.map { Reading(date: $0.date, value: g.value(), sessionID: $0.id) })
        }
        return CoachingEngagement(id: g.uuid(), coacheeID: coachee, coach: g.bool() ? .person(coach) : .external("Coach Ext"),
                                  focus: g.text(), objectives: [Objective(id: g.uuid(), text: g.text(), doneOn: g.bool() ? start : nil)],
                                  start: start, deadline: start.adding(days: g.int(0...400)),
                                  status: g.pick([.planned, .active, .onHold]),
                                  plannedSessions: g.bool() ? g.int(Bounds.plannedSessions) : nil,
                                  cadenceDays: g.bool() ? g.int(Bounds.cadenceDays) : nil, metrics: metrics, sessions: sessions)
    }

    static func relationship(_ g: inout SeededRandom, mentor: UUID, mentee: UUID) -> MentoringRelationship {
        let start = day("2023-01-01").adding(days: g.int(0...1200))
        var r = MentoringRelationship(id: g.uuid(), mentorID: mentor, menteeID: mentee, start: start,
                                      cadenceDays: g.int(Bounds.cadenceDays), focusAreas: ["craft"],
                                      goals: [Goal(id: g.uuid(), text: g.text(), targetDate: g.bool() ? start.adding(days: 90) : nil)],
                                      sessions: sessions(&g, from: start))
        if g.bool() { r = (try? Lifecycle.pause(r, on: max(start, r.sessions.last?.date ?? start), note: "leave", today: today).get()) ?? r }
        return r
    }
}

@Suite("Store: numbers out of range")
struct StoreRangeTests {
    @Test func anOutOfRangeNumberRefusesTheFileAtItsPlace() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        let rel = try #require(paths.first { $0.hasPrefix("mentoring/") })
        let text = tmp.text(rel)
        try #require(text.contains("\"cadenceDays\" : 14"))
        tmp.write(text.replacingOccurrences(of: "\"cadenceDays\" : 14", with: "\"cadenceDays\" : 9223372036854775807"), to: rel)
        let reader = try Store.open(at: tmp.store, forEditing: false)
        let error = try #require(storeError { _ = try reader.load(scope: .open) })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("\"cadenceDays\"") }) + 1
        #expect(error.file == rel && error.line == line && error.column == 19, "\(error)")
        #expect(error.message == "field \"cadenceDays\": cadence 9223372036854775807 days is outside 1–365 days")
        #expect(reader.check().map(\.description) == [error.description])
    }

    @Test func checkReportsEveryOutOfRangeValueOfAFile() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        let rel = try #require(paths.first { $0.hasPrefix("coaching/") && tmp.text($0).contains("\"minutes\" : 45") })
        let text = tmp.text(rel).replacingOccurrences(of: "\"minutes\" : 45", with: "\"minutes\" : 2000")
            .replacingOccurrences(of: "\"pulse\" : 4", with: "\"pulse\" : -3")
        tmp.write(text, to: rel)
        let problems = store.check()
        #expect(problems.map(\.message) == ["field \"sessions[0].minutes\": 2000 minutes is outside 1–720 minutes (at most a working day of 12 hours)",
                                           "field \"sessions[0].pulse\": pulse -3 is outside 1–5"], "\(problems)")
        #expect(problems.allSatisfy { $0.file == rel && $0.line != nil && $0.column != nil })
        let error = try #require(storeError { _ = try store.load(scope: .all) })
        #expect(error.message.hasSuffix("(and 1 more out-of-range value)"), "\(error)")
    }

    @Test func settingsOutOfRangeAreReported() throws {
        let tmp = TempFolder()
        _ = try Store.create(at: tmp.store, agency: Sample.agency)
        let text = tmp.text("tandem.json")
        try #require(text.contains("\"fizzleDays\" : 42"))
        tmp.write(text.replacingOccurrences(of: "\"fizzleDays\" : 42", with: "\"fizzleDays\" : -9223372036854775808"), to: "tandem.json")
        let error = try #require(storeError { _ = try Store.open(at: tmp.store, forEditing: false) })
        #expect(error.message == "field \"settings.fizzleDays\": fizzle window -9223372036854775808 days is outside 1–365 days")
        #expect(error.line != nil)
    }

    @Test func theStoreNeverWritesAValueItWouldRefuse() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        _ = try Sample.fill(store)
        let before = tmp.allFiles()
        var e = Sample.coaching
        e.cadenceDays = Int.max
        let error = try #require(storeError { _ = try store.save(e) })
        #expect(error.description == "\(try #require(error.file)): not saved: cadenceDays: cadence \(Int.max) days is outside 1–365 days")
        #expect(tmp.allFiles() == before)
    }

    /// Closing writes its fields under sorted keys; a file from before them keeps its bytes.
    @Test func closingFieldsAreStableSortedKeys() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        _ = try Sample.fill(store)
        let rel = try store.save(Sample.coaching)
        let before = tmp.text(rel)
        #expect(!before.contains("history") && !before.contains("closedOn"), "an open engagement writes no empty history")
        let closed = try Lifecycle.close(Sample.coaching, as: .completed, on: day("2026-04-20"), outcome: "Won the Q2 pitch",
                                         today: day("2026-05-02")).get()
        try store.save(closed)
        let text = tmp.text(rel)
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == keys.sorted(), "\(keys)")
        #expect(keys.contains("closedOn") && keys.contains("history") && keys.contains("outcome"))
        #expect(text.contains("""
          "history" : [
            {
              "date" : "2026-04-20",
              "from" : "active",
              "note" : "Won the Q2 pitch",
              "status" : "completed"
            }
          ],
        """), "\(text)")
        let loaded = try store.load(scope: .all).snapshot
        #expect(loaded.engagements.first { $0.id == closed.id } == closed)
        let reopened = try Lifecycle.setStatus(closed, to: .active, on: day("2026-05-01"), today: day("2026-05-02")).get()
        try store.save(reopened)
        #expect(try store.load(scope: .all).snapshot.engagements.first { $0.id == closed.id }?.history.first?.note == "Won the Q2 pitch")
    }

    /// Random valid records survive save and load unchanged, and saving them again writes the same bytes.
    @Test func randomValidRecordsRoundTrip() throws {
        var g = SeededRandom(state: 0x7A4D_E11A)
        for _ in 0..<8 {
            let tmp = TempFolder()
            let store = try Store.create(at: tmp.store, agency: Agency(name: "Round trip"))
            let people = (0..<4).map { _ in RandomRecords.person(&g, id: g.uuid()) }
            for p in people { try store.save(p) }
            var engagements: [CoachingEngagement] = [], relationships: [MentoringRelationship] = []
            for _ in 0..<5 {
                let e = RandomRecords.engagement(&g, coachee: people[0].id, coach: people[1].id)
                #expect(Validation.problems(in: e, today: RandomRecords.today).isEmpty, "\(Validation.problems(in: e))")
                try store.save(e)
                engagements.append(e)
                let r = RandomRecords.relationship(&g, mentor: people[2].id, mentee: people[3].id)
                #expect(Validation.problems(in: r, today: RandomRecords.today).isEmpty, "\(Validation.problems(in: r))")
                try store.save(r)
                relationships.append(r)
            }
            let files = tmp.allFiles()
            let loaded = try Store.open(at: tmp.store, forEditing: false).load(scope: .all).snapshot
            #expect(Set(loaded.people.map(\.id)) == Set(people.map(\.id)))
            for e in engagements { #expect(loaded.engagements.first { $0.id == e.id } == e) }
            for r in relationships { #expect(loaded.relationships.first { $0.id == r.id } == r) }
            for p in people { #expect(loaded.people.first { $0.id == p.id } == p) }
            #expect(store.check(today: RandomRecords.today).isEmpty)
            let reloaded = try store.load(scope: .all).snapshot
            for e in reloaded.engagements { try store.save(e) }
            for r in reloaded.relationships { try store.save(r) }
            // The load cache is derived (and rewritten by loads); the records are what must not change.
            #expect(tmp.allFiles().filter { !$0.key.hasPrefix(".cache/") } == files, "saving what was loaded changed bytes")
        }
    }

    /// Random out-of-range numbers and dates written into files are reported by `check` at
    /// their field, refuse the load, and trap nothing.
    @Test func randomOutOfRangeValuesAreReportedAndTrapNothing() throws {
        var g = SeededRandom(state: 0xBAD_5EED)
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        let originals = Dictionary(uniqueKeysWithValues: paths.map { ($0, tmp.read($0)) })
        for (rel, path, value) in OutOfRange.cases(&g, count: 120, paths: paths, read: { tmp.read($0) }) {
            tmp.write(String(decoding: try OutOfRange.write(value, at: path, in: originals[rel]!), as: UTF8.self), to: rel)
            let problems = store.check()
            let field = OutOfRange.fieldText(path)
            #expect(problems.contains { $0.file == rel && $0.message.contains("field \"\(field)\"") && $0.line != nil },
                    "\(rel) \(field) = \(value): \(problems.map(\.description))")
            #expect(storeError { _ = try Store.open(at: tmp.store, forEditing: false).load(scope: .all) } != nil,
                    "\(rel) \(field) = \(value) loaded")
            tmp.write(String(decoding: originals[rel]!, as: UTF8.self), to: rel)
        }
        #expect(store.check().isEmpty)
    }
}

/// Writes values outside `Bounds` into record files.
enum OutOfRange {
    enum Step { case key(String), index(Int) }

    /// The numeric and date fields of each kind of file, and values out of their range.
    static func candidates(_ object: [String: Any]) -> [([Step], [Any])] {
        let ints: [Any] = [Int.max, Int.min, -1, 100_000, 9_007_199_254_740_993]
        let days: [Any] = ["1899-12-31", "2200-01-01", "0001-01-01", "9999-12-31"]
        let doubles: [Any] = [1e300, -1e300, 1.5e9, -2e9]
        var out: [([Step], [Any])] = []
        if object["mentoringCapacity"] != nil { out.append(([.key("mentoringCapacity")], ints + [11])) }
        if object["cadenceDays"] != nil { out.append(([.key("cadenceDays")], ints + [0, 366])) }
        if object["start"] != nil { out.append(([.key("start")], days)) }
        if object["startDate"] != nil { out.append(([.key("startDate")], days)) }
        if let metrics = object["metrics"] as? [[String: Any]] {
            for (i, m) in metrics.enumerated() {
                out.append(([.key("metrics"), .index(i), .key("baseline")], doubles))
                out.append(([.key("metrics"), .index(i), .key("target")], doubles))
                if let readings = m["readings"] as? [Any], !readings.isEmpty {
                    out.append(([.key("metrics"), .index(i), .key("readings"), .index(0), .key("value")], doubles))
                }
            }
        }
        if let sessions = object["sessions"] as? [[String: Any]], !sessions.isEmpty {
            out.append(([.key("sessions"), .index(0), .key("minutes")], ints + [0, 721, 2000]))
            out.append(([.key("sessions"), .index(0), .key("pulse")], ints + [0, 6]))
            out.append(([.key("sessions"), .index(0), .key("date")], days))
        }
        if let answers = object["answers"] as? [Any], !answers.isEmpty {
            out.append(([.key("answers"), .index(0), .key("score")], ints + [0, 6]))
        }
        return out
    }

    static func cases(_ g: inout SeededRandom, count: Int, paths: [String], read: (String) -> Data) -> [(String, [Step], Any)] {
        var all: [(String, [Step], [Any])] = []
        for rel in paths {
            guard let object = try? JSONSerialization.jsonObject(with: read(rel)) as? [String: Any] else { continue }
            for (path, values) in candidates(object) { all.append((rel, path, values)) }
        }
        return (0..<count).map { _ in
            let (rel, path, values) = g.pick(all)
            return (rel, path, g.pick(values))
        }
    }

    static func write(_ value: Any, at path: [Step], in data: Data) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: data)
        set(&object, path[...], value)
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    private static func set(_ node: inout Any, _ path: ArraySlice<Step>, _ value: Any) {
        guard let step = path.first else { node = value; return }
        switch step {
        case .key(let k):
            var o = node as! [String: Any]
            var child: Any = o[k] ?? NSNull()
            set(&child, path.dropFirst(), value)
            o[k] = child
            node = o
        case .index(let i):
            var a = node as! [Any]
            set(&a[i], path.dropFirst(), value)
            node = a
        }
    }

    /// "sessions[0].minutes".
    static func fieldText(_ path: [Step]) -> String {
        var s = ""
        for step in path {
            switch step {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}
