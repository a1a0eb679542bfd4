import Foundation
import TandemCore
import Testing

/// `tandem log` and `tandem check` apply the same rules, and no value in a file traps a command.
@Suite("tandem log and check agree")
struct CLIRulesTests {
    static let today = Day(iso: CLI.today)!

    /// An active mentoring relationship of the demo: its id prefix and file.
    static func mentoring(_ folder: CLIFolder) throws -> (ref: String, file: String) {
        let row = try #require(try folder.listJSON("mentoring", ["--status", "active"]).first)
        return (String((row["id"] as! String).prefix(8)), row["file"] as! String)
    }

    @Test func farFutureAndOverlongSessionsAreRefusedClearly() throws {
        let folder = CLIFolder.demo()
        let (ref, _) = try Self.mentoring(folder)
        let before = folder.snapshot()
        let r = folder.run(["log", "--record", ref, "--date", "+9999d", "--minutes", "2000", "--note", "x"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--minutes: 2000 minutes is outside 1–720 minutes"), "\(r.stderr)")
        #expect(r.stderr.contains("--date: session on \(Self.today.adding(days: 9999).iso) is in the future"), "\(r.stderr)")
        #expect(folder.snapshot() == before)
    }

    @Test func valuesStartingWithADashAreTakenAsValues() throws {
        let folder = CLIFolder.demo()
        let (ref, file) = try Self.mentoring(folder)
        let r = folder.run(["log", "--record", ref, "--date", "-3d", "--minutes", "30", "--note", "-- follow-up: pricing", "--shared",
                            "--topics", "-pricing", "--action", "-send the deck"])
        #expect(r.status == 0, "\(r.stderr)")
        let sessions = try #require(try folder.object(file)["sessions"] as? [[String: Any]])
        let logged = try #require(sessions.first { $0["notes"] as? String == "-- follow-up: pricing" }, "\(sessions.last ?? [:])")
        #expect(logged["date"] as? String == Self.today.adding(days: -3).iso)
        #expect(logged["topics"] as? [String] == ["-pricing"])
        #expect(((logged["actionItems"] as? [[String: Any]])?.first?["text"] as? String) == "-send the deck")
        // What log wrote, check accepts.
        let check = folder.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func negativeNumbersAreOutOfRangeNotMissing() throws {
        let folder = CLIFolder.demo()
        let (ref, _) = try Self.mentoring(folder)
        let minutes = folder.run(["log", "--record", ref, "--minutes", "-5", "--note", "x"])
        #expect(minutes.status == 1)
        #expect(minutes.stderr.contains("\"-5\" is negative: a session lasts 1–720 minutes"), "\(minutes.stderr)")
        #expect(!minutes.stderr.lowercased().contains("missing"), "\(minutes.stderr)")
        let pulse = folder.run(["log", "--record", ref, "--minutes", "30", "--note", "x", "--pulse", "-1"])
        #expect(pulse.status == 1)
        #expect(pulse.stderr.contains("--pulse: pulse -1 is outside 1–5"), "\(pulse.stderr)")
    }

    /// Each rule: `log` refuses the value with its flag, and the same value written into a file is
    /// reported by `check` at the session's field.
    struct Rule: CustomStringConvertible, Sendable {
        var name: String
        var args: [String]
        var flag: String
        var field: String
        var session: @Sendable (inout [String: Any]) -> Void
        var description: String { name }
    }

    static let rules: [Rule] = [
        Rule(name: "future", args: ["--date", "+1d"], flag: "--date", field: "date") {
            $0["date"] = Day(iso: CLI.today)!.adding(days: 1).iso
        },
        Rule(name: "over a working day", args: ["--minutes", "721"], flag: "--minutes", field: "minutes") { $0["minutes"] = 721 },
        Rule(name: "pulse", args: ["--pulse", "6"], flag: "--pulse", field: "pulse") { $0["pulse"] = 6 },
        Rule(name: "next not after", args: ["--next", "today"], flag: "--next", field: "nextDate") { $0["nextDate"] = CLI.today },
        Rule(name: "says nothing", args: ["--note", " "], flag: "--note", field: "notes") { $0["notes"] = " " },
    ]

    @Test(arguments: rules) func logAndCheckAgree(_ rule: Rule) throws {
        let folder = CLIFolder.demo()
        let (ref, file) = try Self.mentoring(folder)
        var args = ["log", "--record", ref, "--minutes", "30", "--note", "fine"]
        for pair in stride(from: 0, to: rule.args.count, by: 2) {
            if let i = args.firstIndex(of: rule.args[pair]) { args[i + 1] = rule.args[pair + 1] } else { args += rule.args[pair...pair + 1] }
        }
        let logged = folder.run(args)
        #expect(logged.status == 1, "log accepted \(rule.args): \(logged.stdout)")
        #expect(logged.stderr.contains("\(rule.flag): "), "\(logged.stderr)")

        var object = try folder.object(file)
        var sessions = object["sessions"] as? [[String: Any]] ?? []
        var session: [String: Any] = ["id": UUID().uuidString, "date": CLI.today, "minutes": 30, "notes": "fine",
                                      "topics": [String](), "actionItems": [Any](), "visibility": "private"]
        rule.session(&session)
        sessions.append(session)
        object["sessions"] = sessions
        try folder.write(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), to: file)
        let check = folder.run(["check"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("\(file):"), "\(check.stderr)")
        #expect(check.stderr.contains("field \"sessions[\(sessions.count - 1)].\(rule.field)\""), "\(check.stderr)")
    }

    @Test func cadenceOverflowIsReportedAndTrapsNothing() throws {
        let folder = CLIFolder.demo()
        let (_, file) = try Self.mentoring(folder)
        let text = folder.text(file)
        let cadence = try #require(text.range(of: #""cadenceDays" : [0-9]+"#, options: .regularExpression))
        try folder.write(text.replacingCharacters(in: cadence, with: "\"cadenceDays\" : 9223372036854775807"), to: file)
        for args in [["check"], ["list", "mentoring"], ["list", "coaching"], ["list", "mentoring", "--all", "--json"]] {
            let r = folder.run(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("\(file):"), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("field \"cadenceDays\": cadence 9223372036854775807 days is outside 1–365 days"), "\(r.stderr)")
        }
    }

    /// Random out-of-range values (seeded, so every run is the same) in the demo's files: `check`
    /// reports the field, and `check` and `list` end with a message, never a trap.
    @Test func randomOutOfRangeValuesTrapNoCommand() throws {
        var g = SeededRandom(state: 0x5EED_0007)
        let folder = CLIFolder.demo()
        let files = folder.snapshot().keys.filter { $0.hasSuffix(".json") && !$0.hasPrefix("drafts/") }.sorted()
        let ints: [Any] = [Int.max, Int.min, -1, 100_000]
        let doubles: [Any] = [1e300, -1e300, 5e9]
        let days: [Any] = ["1800-01-01", "2400-02-29", "0001-01-01"]
        for _ in 0..<10 {
            var rel = g.pick(files), object = try folder.object(rel)
            var candidates: [(field: String, change: (inout [String: Any]) -> Void)] = []
            while candidates.isEmpty {
                rel = g.pick(files)
                object = try folder.object(rel)
                for key in ["cadenceDays", "mentoringCapacity", "plannedSessions"] where object[key] is Int {
                    let v = g.pick(ints)
                    candidates.append((key, { $0[key] = v }))
                }
                if object["start"] is String {
                    let v = g.pick(days)
                    candidates.append(("start", { $0["start"] = v }))
                }
                if let sessions = object["sessions"] as? [[String: Any]], !sessions.isEmpty {
                    let key = g.pick(["minutes", "pulse", "date"])
                    let v = key == "date" ? g.pick(days) : g.pick(ints)
                    candidates.append(("sessions[0].\(key)", { o in
                        var ss = o["sessions"] as! [[String: Any]]
                        ss[0][key] = v
                        o["sessions"] = ss
                    }))
                }
                if let metrics = object["metrics"] as? [[String: Any]], !metrics.isEmpty {
                    let v = g.pick(doubles)
                    candidates.append(("metrics[0].target", { o in
                        var ms = o["metrics"] as! [[String: Any]]
                        ms[0]["target"] = v
                        o["metrics"] = ms
                    }))
                }
            }
            let (field, change) = g.pick(candidates)
            change(&object)
            let original = folder.read(rel)
            try folder.write(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), to: rel)
            let check = folder.run(["check"])
            #expect(check.status == 2, "\(rel) \(field): \(check.stderr)")
            #expect(check.stderr.contains("\(rel):") && check.stderr.contains("field \"\(field)\""), "\(rel) \(field): \(check.stderr)")
            for what in ["coaching", "mentoring", "people"] {
                let list = folder.run(["list", what, "--all"])
                #expect(list.status == 2 && list.stderr.contains(rel), "list \(what) with \(rel) \(field): \(list.status) \(list.stderr)")
            }
            try folder.write(original, to: rel)
        }
        #expect(folder.run(["check"]).status == 0)
    }
}

@Suite("tandem list --status")
struct CLIListStatusTests {
    @Test func statusKeepsTheStatesAskedFor() throws {
        let folder = CLIFolder.demo()
        let everything = try folder.listJSON("coaching", ["--all"])
        for (typed, raw) in [("on-hold", ["onHold"]), ("planned", ["planned"]), ("completed,cancelled", ["completed", "cancelled"]),
                             ("on hold", ["onHold"])] {
            let rows = try folder.listJSON("coaching", ["--status", typed])
            let expected = everything.filter { raw.contains($0["status"] as! String) }.map { $0["id"] as! String }
            try #require(!expected.isEmpty, "the demo has no \(raw) engagement")
            #expect(Set(rows.map { $0["id"] as! String }) == Set(expected), "\(typed)")
        }
        let two = try folder.listJSON("coaching", ["--status", "active", "on-hold"])
        #expect(Set(two.map { $0["status"] as! String }) == ["active", "onHold"])
        let paused = try folder.listJSON("mentoring", ["--status", "paused"])
        try #require(!paused.isEmpty, "the demo has no paused relationship")
        #expect(paused.allSatisfy { $0["status"] as? String == "paused" && $0["nextDue"] is NSNull })
        let closed = try folder.listJSON("mentoring", ["--status", "closed"])
        #expect(!closed.isEmpty && closed.allSatisfy { $0["status"] as? String == "closed" })
        // The default is the open states: the same rows as asking for them.
        let open = try folder.listJSON("mentoring", ["--status", "active", "paused"])
        #expect(try folder.listJSON("mentoring").map { $0["id"] as! String } == open.map { $0["id"] as! String })
    }

    @Test func badStatesAreRefusedAndHelpSaysTheDefault() {
        let folder = CLIFolder.demo()
        let bad = folder.run(["list", "coaching", "--status", "paused"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("\"paused\" is not a coaching state: use planned, active, on-hold, completed, cancelled"), "\(bad.stderr)")
        let people = folder.run(["list", "people", "--status", "active"])
        #expect(people.status != 0 && people.stderr.contains("--status applies to coaching and mentoring"))
        let help = CLI.run(["list", "--help"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("By default shows what still needs the leader: coaching engagements that are planned, active or on-hold, "
                              + "mentoring relationships that are active or paused, and people who have not left."), "\(help.stdout)")
        #expect(flat.contains("--status <state> ..."), "\(help.stdout)")
    }
}

/// SplitMix64, seeded: the same cases on every run.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
}
