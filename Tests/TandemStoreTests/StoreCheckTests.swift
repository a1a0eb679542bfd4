import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store check: every problem at once")
struct StoreCheckTests {
    @Test func aCleanStoreHasNoProblems() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try Sample.fill(store)
        #expect(store.check().isEmpty)
    }

    @Test func findsDuplicatesBrokenReferencesAndParseErrorsTogether() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        // Joāo leaves the store: five references to him break.
        try FileManager.default.removeItem(at: tmp.store.appendingPathComponent(paths[1]))
        // A copy of Ana under another name.
        tmp.write(tmp.text(paths[0]), to: "people/ana-copy-000000a1.json")
        // A file whose name does not match its id.
        var carla = Sample.ana
        carla.id = uuid(0xCA); carla.name = "Carla"
        tmp.write(String(decoding: try RecordCodec.encode(carla, file: ""), as: UTF8.self), to: "people/carla-12345678.json")
        // A file that does not parse.
        tmp.write("{\n  \"format\" : 1,\n  \"id\" : \n}\n", to: "assessments/broken-000000e2.json")
        let before = tmp.allFiles()

        let problems = store.check().map(\.description)
        let coachee = try location(of: "\"coacheeID\" : ", in: tmp.text(paths[2]))
        let mentee = try location(of: "\"menteeID\" : ", in: tmp.text(paths[4]))
        let mentor = try location(of: "\"mentorID\" : ", in: tmp.text(paths[5]))
        let person = try location(of: "\"personID\" : ", in: tmp.text(paths[6]))
        let joao = Sample.joao.id.uuidString
        let expected = [
            "assessments/broken-000000e2.json:4:1: expected a value (text in quotes, a number, true, false, null, a list or an object)",
            "people/ana-lima-000000a1.json:6:10: id \(Sample.ana.id.uuidString) is also the id of people/ana-copy-000000a1.json",
            "people/carla-12345678.json:6:10: the file name does not end in \"000000ca\", the start of its id",
            "\(paths[2]):\(coachee): field \"coacheeID\": no person with id \(joao)",
            "\(paths[4]):\(mentee): field \"menteeID\": no person with id \(joao)",
            "\(paths[5]):\(mentor): field \"mentorID\": no person with id \(joao)",
            "\(paths[6]):\(person): field \"personID\": no person with id \(joao)",
        ]
        #expect(problems.sorted() == expected.sorted())
        #expect(tmp.allFiles() == before)
    }

    @Test func findsAMissingManagerAndCoach() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        var joao = Sample.joao
        joao.managerID = uuid(0x77)
        try store.save(joao)
        var e = Sample.coaching
        e.coach = .person(uuid(0x78))
        let rel = try store.save(e)
        let problems = store.check()
        #expect(problems.count == 2)
        #expect(problems.contains { $0.message == "field \"managerID\": no person with id \(uuid(0x77).uuidString)" && $0.line != nil })
        let coach = try #require(problems.first { $0.file == rel })
        #expect(coach.message == "field \"coach.personID\": no person with id \(uuid(0x78).uuidString)")
        let place = try location(of: "\"personID\" : ", in: tmp.text(rel))
        #expect("\(coach.line ?? 0):\(coach.column ?? 0)" == place)
    }

}

@Suite("Store check: the core's rules and unreadable people")
struct StoreCheckRulesTests {
    @Test func aRuleBrokenInsideASessionIsPlacedAtItsField() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        let e = Sample.coaching
        try #require(!e.sessions.isEmpty)
        let rel = try store.save(e)
        #expect(paths.contains(rel))
        // The store refuses to write a pulse of 7, so write it by hand.
        let text = tmp.text(rel)
        try #require(text.contains("\"pulse\" : 4"), "\(text)")
        tmp.write(text.replacingOccurrences(of: "\"pulse\" : 4", with: "\"pulse\" : 7"), to: rel)
        let pulse = try location(of: "\"pulse\" : ", in: tmp.text(rel))
        let problems = store.check().map(\.description)
        #expect(problems == ["\(rel):\(pulse): field \"sessions[0].pulse\": pulse 7 is outside 1–5"], "\(problems)")
    }

    @Test func aPersonWhoseFileDoesNotDecodeIsNotAlsoReportedMissing() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        // João's file still names his id, but one field has the wrong type.
        tmp.write(tmp.text(paths[1]).replacingOccurrences(of: "\"mentoringCapacity\" : ", with: "\"mentoringCapacity\" : \"two\", \"x\" : "),
                  to: paths[1])
        let problems = store.check()
        #expect(problems.count == 1, "\(problems.map(\.description))")
        #expect(problems.first?.file == paths[1])
    }

    @Test(arguments: [
        ("date", [JSONScanner.Step.key("date")]),
        ("sessions[3].pulse", [.key("sessions"), .index(3), .key("pulse")]),
        ("metrics[0].readings[12].date", [.key("metrics"), .index(0), .key("readings"), .index(12), .key("date")]),
    ])
    func fieldNamesBecomePaths(_ field: String, _ steps: [JSONScanner.Step]) {
        #expect(Store.steps(field) == steps)
    }
}

/// "line:column" just after `prefix` in `text`.
private func location(of prefix: String, in text: String) throws -> String {
    let range = try #require(text.range(of: prefix))
    let before = text[..<range.upperBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
    return "\(line):\(column)"
}
