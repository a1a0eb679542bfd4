import Foundation
import TandemCore
import Testing

@Suite("tandem list")
struct CLIListTests {
    static let today = Day(iso: CLI.today)!

    @Test func coachingJSONHasEveryFieldAndFilesThatExist() throws {
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("coaching")
        try #require(!rows.isEmpty)
        let keys: Set = ["id", "file", "status", "coachee", "coach", "focus", "deadline", "daysLeft", "progress", "forecast"]
        for row in rows {
            #expect(keys.isSubset(of: row.keys), "missing \(keys.subtracting(row.keys)) in \(row)")
            let id = try #require(row["id"] as? String)
            #expect(UUID(uuidString: id) != nil)
            let file = try #require(row["file"] as? String)
            #expect(file.hasPrefix("coaching/") && file.hasSuffix("-\(id.prefix(8)).json"), "\(file)")
            #expect(FileManager.default.fileExists(atPath: folder.path(file)), "\(file) does not exist")
            #expect((try folder.object(file))["id"] as? String == id.uppercased())
            // By default: what still needs the leader (planned, active, on hold).
            #expect(["planned", "active", "onHold"].contains(row["status"] as? String ?? ""), "\(row)")
            for name in ["coachee", "coach", "focus", "forecast"] {
                #expect((row[name] as? String)?.isEmpty == false, "\(name) in \(row)")
            }
            let deadline = try #require(Day(iso: row["deadline"] as? String ?? ""), "deadline in \(row)")
            #expect(row["daysLeft"] as? Int == Self.today.days(to: deadline))
            if let p = row["progress"] as? Double {
                #expect((0...1).contains(p), "progress \(p)")
            } else {
                #expect(row["progress"] is NSNull, "progress is neither a number nor null: \(row)")
            }
        }
        #expect(rows.map { $0["deadline"] as! String } == rows.map { $0["deadline"] as! String }.sorted(),
                "rows are not by deadline")
    }

    @Test func mentoringJSONHasEveryField() throws {
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("mentoring", ["--status", "active"])
        try #require(!rows.isEmpty)
        let keys: Set = ["id", "file", "status", "mentor", "mentee", "cadenceDays", "lastMet", "nextDue", "health"]
        let healths: Set = ["onTrack", "dueSoon", "overdue", "drifting", "fizzled"]
        for row in rows {
            #expect(keys.isSubset(of: row.keys), "missing \(keys.subtracting(row.keys)) in \(row)")
            let file = try #require(row["file"] as? String)
            #expect(file.hasPrefix("mentoring/"))
            #expect(FileManager.default.fileExists(atPath: folder.path(file)), "\(file) does not exist")
            #expect(row["status"] as? String == "active")
            #expect((row["cadenceDays"] as? Int ?? 0) > 0)
            #expect(healths.contains(row["health"] as? String ?? ""), "\(row)")
            #expect(Day(iso: row["nextDue"] as? String ?? "") != nil, "an active relationship has a next due date")
            if let last = row["lastMet"] as? String {
                #expect(Day(iso: last).map { $0 <= Self.today } == true, "lastMet \(last)")
            } else {
                #expect(row["lastMet"] is NSNull)
            }
        }
    }

    @Test func peopleJSONNamesEveryPersonFile() throws {
        let folder = CLIFolder.demo()
        let rows = try folder.listJSON("people")
        let files = folder.snapshot().keys.filter { $0.hasPrefix("people/") }
        #expect(Set(rows.compactMap { $0["file"] as? String }) == Set(files))
        for row in rows {
            let file = try #require(row["file"] as? String)
            #expect((try folder.object(file))["name"] as? String == row["name"] as? String)
        }
        let names = rows.compactMap { $0["name"] as? String }
        #expect(names == NameOrder.sorted(names, by: \.self))
        // Ł sorts with L and João with Jo, whatever the locale.
        let l = try #require(names.firstIndex(of: "Łukasz Wróbel")), ly = try #require(names.firstIndex(of: "Layla Haddad"))
        let lu = try #require(names.firstIndex(of: "Lucía Ortega")), n = try #require(names.firstIndex(of: "Nguyễn Thu Hà"))
        #expect(ly < lu && lu < l && l < n, "\(names)")
        let joao = try #require(names.firstIndex(of: "João Conceição")), jonas = try #require(names.firstIndex(of: "Jonas Köhler"))
        #expect(joao < jonas, "\(names)")
    }

    @Test func dueKeepsCoachingDeadlinesWithinTheDaysOverdueIncluded() throws {
        let folder = CLIFolder.demo()
        let all = try folder.listJSON("coaching")
        let due = try folder.listJSON("coaching", ["--due", "7"])
        let expected = all.filter { ($0["daysLeft"] as! Int) <= 7 }.map { $0["id"] as! String }
        // The demo has rows on both sides, and an overdue one, so the filter is really tested.
        try #require(all.contains { ($0["daysLeft"] as! Int) < 0 })
        try #require(all.contains { ($0["daysLeft"] as! Int) > 7 })
        #expect(due.map { $0["id"] as! String } == expected)
    }

    @Test func dueKeepsMentoringNextDueWithinTheDaysOverdueIncluded() throws {
        let folder = CLIFolder.demo()
        let all = try folder.listJSON("mentoring", ["--status", "active"])
        let due = try folder.listJSON("mentoring", ["--due", "7"])
        func daysToNext(_ row: [String: Any]) -> Int { Self.today.days(to: Day(iso: row["nextDue"] as! String)!) }
        try #require(all.contains { daysToNext($0) < 0 })
        try #require(all.contains { daysToNext($0) > 7 })
        #expect(due.map { $0["id"] as! String } == all.filter { daysToNext($0) <= 7 }.map { $0["id"] as! String })

        let today = try folder.listJSON("mentoring", ["--status", "active", "--due", "0"])
        #expect(today.map { $0["id"] as! String } == all.filter { daysToNext($0) <= 0 }.map { $0["id"] as! String })
    }

    @Test func allAddsClosedRecords() throws {
        let folder = CLIFolder.demo()
        for (what, open) in [("coaching", "active"), ("mentoring", "active")] {
            let active = try folder.listJSON(what)
            let everything = try folder.listJSON(what, ["--all"])
            #expect(everything.count > active.count, "\(what)")
            #expect(Set(active.map { $0["id"] as! String }).isSubset(of: everything.map { $0["id"] as! String }))
            #expect(everything.contains { $0["status"] as? String != open }, "\(what) --all shows no other status")
            #expect(Set(everything.compactMap { $0["file"] as? String })
                    == Set(folder.snapshot().keys.filter { $0.hasPrefix(what + "/") }))
        }
        let closed = try folder.listJSON("coaching", ["--all"]).filter {
            ["completed", "cancelled"].contains($0["status"] as? String ?? "")
        }
        #expect(!closed.isEmpty, "--all shows no completed or cancelled engagement")
    }

    @Test func dueAndPeopleAreRefused() {
        let folder = CLIFolder.demo()
        let negative = folder.run(["list", "coaching", "--due", "-1"])
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("--due"), "\(negative.stderr)")
        let people = folder.run(["list", "people", "--due", "3"])
        #expect(people.status == 1)
        #expect(people.stderr.contains("people"), "\(people.stderr)")
    }

    @Test func peopleTableStaysAlignedWithWideNames() throws {
        let folder = CLIFolder.demo()
        let people = try folder.listJSON("people")
        let names = people.map { $0["name"] as! String }
        try #require(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0xAC00...0xD7A3).contains($0.value) } },
                     "the demo has no CJK name to align")
        let table = folder.run(["list", "people"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == names.count + 1, "\(table.stdout)")
        #expect(lines[0].hasPrefix("NAME"))
        // The ROLE column starts at the same terminal column on every row.
        let roleColumn = Self.width(String(lines[0].prefix { $0 != "R" }))
        for (line, name) in zip(lines.dropFirst(), names) {
            try #require(line.hasPrefix(name), "\(line)")
            let pad = line.dropFirst(name.count).prefix { $0 == " " }.count
            #expect(Self.width(name) + pad == roleColumn, "ROLE column moves on \(line)")
        }
        // So does the ID column, the last one.
        let idColumns = lines.map { line in Self.width(String(line[..<line.range(of: " ", options: .backwards)!.upperBound])) }
        #expect(Set(idColumns).count == 1, "ID column at \(idColumns)")
        for (line, row) in zip(lines.dropFirst(), people) {
            #expect(line.hasSuffix(String((row["id"] as! String).prefix(8))))
        }
    }

    /// Terminal columns: 2 for East Asian wide characters, 0 for combining marks, else 1.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            if (0x0300...0x036F).contains(v) { return n }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}
