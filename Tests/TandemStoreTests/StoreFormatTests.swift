import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store formats: migrations of older files, newer files read-only")
struct StoreFormatTests {
    /// A format-0 person: "fullName" where format 1 says "name".
    private let oldPerson = """
    {
      "format" : 0,
      "fullName" : "Ana Lima",
      "id" : "000000A1-0000-4000-8000-000000000000",
      "role" : "", "team" : "", "level" : "lead", "expertise" : [], "interests" : [], "mentoringCapacity" : 1
    }

    """

    private let renameFullName = Migration(from: 0) { object in
        var o = object
        o["name"] = o.removeValue(forKey: "fullName")
        return o
    }

    @Test func anOlderFileIsMigratedOnLoadAndWrittenInTheCurrentFormatOnSave() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        tmp.write(oldPerson, to: "people/ana-lima-000000a1.json")
        let store = try Store.open(at: tmp.store, forEditing: true, migrations: [renameFullName])
        let loaded = try store.load(scope: .open)
        #expect(!store.isReadOnly)
        let ana = try #require(loaded.snapshot.people.first)
        #expect(ana.name == "Ana Lima")
        #expect(ana.mentoringCapacity == 1)
        // Loading does not rewrite the file; saving does, in format 1, in the same file.
        #expect(tmp.text("people/ana-lima-000000a1.json") == oldPerson)
        #expect(try store.save(ana) == "people/ana-lima-000000a1.json")
        let text = tmp.text("people/ana-lima-000000a1.json")
        #expect(text.contains("\"format\" : 1"))
        #expect(text.contains("\"name\" : \"Ana Lima\""))
        #expect(!text.contains("fullName"))
    }

    @Test func anOlderFileWithoutAMigrationIsAnError() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        tmp.write(oldPerson, to: "people/ana-lima-000000a1.json")
        let store = try Store.open(at: tmp.store, forEditing: false)
        let error = storeError { _ = try store.load(scope: .all) }
        #expect(error?.kind == .format)
        #expect(error?.description == "people/ana-lima-000000a1.json: has format 0, which this Tandem cannot migrate (it reads 2)")
        #expect(tmp.text("people/ana-lima-000000a1.json") == oldPerson)
    }

    @Test func aFailedMigrationNamesTheFile() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        tmp.write(oldPerson, to: "people/ana-lima-000000a1.json")
        let dropsTheName = Migration(from: 0) { $0.filter { $0.key != "fullName" } }
        let store = try Store.open(at: tmp.store, forEditing: false, migrations: [dropsTheName])
        let error = storeError { _ = try store.load(scope: .all) }
        #expect(error?.description == "people/ana-lima-000000a1.json: field \"name\": missing (after migrating from format 0)")
    }

    @Test func aNewerRecordMakesTheStoreReadOnlyButStillLoads() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let rel = try store.save(Sample.ana)
        store.close()
        let newer = tmp.text(rel).replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 3,\n  \"pronouns\" : \"she\"")
        tmp.write(newer, to: rel)

        let reopened = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try reopened.load(scope: .open)
        #expect(loaded.snapshot.people == [Sample.ana])
        #expect(reopened.readOnlyReason == "\(rel) was written by a newer Tandem (format 3; this one reads 2)")
        #expect(storeError { try reopened.save(Sample.joao) }?.kind == .lock)
        #expect(tmp.text(rel) == newer)
        #expect(reopened.check().map(\.description) == ["\(rel): was written by a newer Tandem (format 3; this one reads 2)"])
    }

    @Test func aNewerAgencyFileMakesTheStoreReadOnlyAtOpen() throws {
        let tmp = TempFolder()
        try Store.create(at: tmp.store, agency: Sample.agency).close()
        tmp.write(tmp.text("tandem.json").replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 7"), to: "tandem.json")
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(store.readOnlyReason == "tandem.json was written by a newer Tandem (format 7; this one reads 2)")
    }

    @Test func aMissingOrNonNumericFormatIsAnError() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        tmp.write("{\n  \"id\" : \"\(Sample.ana.id.uuidString)\"\n}\n", to: "people/a-000000a1.json")
        #expect(storeError { _ = try store.load(scope: .open) }?.description
                == "people/a-000000a1.json:1:1: field \"format\": missing (expected \"format\": 1)")
        tmp.write("{\n  \"format\" : \"1\"\n}\n", to: "people/a-000000a1.json")
        #expect(storeError { _ = try store.load(scope: .open) }?.description
                == "people/a-000000a1.json:2:14: field \"format\": expected a whole number")
    }
}
