import Foundation
import Testing
import TandemCore
@testable import TandemStore

@Suite("Store files: layout, round trip, stable bytes, permissions, atomic writes")
struct StoreFilesTests {
    @Test func everyKindRoundTrips() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try Sample.fill(store)
        store.close()

        let loaded = try Store.open(at: tmp.store, forEditing: false).load(scope: .all)
        let s = loaded.snapshot
        #expect(s.agency == Sample.agency)
        #expect(Set(s.people.map(\.id)) == [Sample.ana.id, Sample.joao.id])
        #expect(s.people.first { $0.id == Sample.joao.id } == Sample.joao)
        #expect(s.engagements.first { $0.id == Sample.coaching.id } == Sample.coaching)
        #expect(s.engagements.first { $0.id == Sample.finished.id } == Sample.finished)
        #expect(s.relationships.first { $0.id == Sample.mentoring.id } == Sample.mentoring)
        #expect(s.relationships.first { $0.id == Sample.ended.id } == Sample.ended)
        #expect(s.assessments == [Sample.assessment])
        #expect(loaded.files.count == 7)
        #expect(loaded.closedCount.coaching == 0 && loaded.closedCount.mentoring == 0)
    }

    @Test func bytesAreStableSortedAndEndWithANewline() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try store.save(Sample.joao)
        let rel = try store.save(Sample.coaching)
        let first = tmp.read(rel)
        // A second store writing the same value gives the same bytes.
        let other = TempFolder()
        let store2 = try Store.create(at: other.store, agency: Sample.agency)
        try store2.save(Sample.joao)
        #expect(try store2.save(Sample.coaching) == rel)
        #expect(other.read(rel) == first)

        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(!text.hasSuffix("\n\n"))
        #expect(text.contains("\"deadline\" : \"2026-05-01\""))
        #expect(text.contains("\"format\" : 1"))
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }.map(String.init)
        #expect(topKeys == topKeys.sorted())
        #expect(topKeys.contains("format") && topKeys.contains("sessions"))
    }

    @Test func fileNamesAreSlugsAndShortIDs() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        #expect(paths[0] == "people/ana-lima-000000a1.json")
        #expect(paths[1] == "people/joao-silva-000000b2.json")
        #expect(paths[2] == "coaching/joao-silva-000000c1.json")
        #expect(paths[4] == "mentoring/ana-lima-to-joao-silva-000000d1.json")
        #expect(paths[6] == "assessments/joao-silva-000000e1.json")
        var cjk = Sample.ana
        cjk.id = uuid(0xF1); cjk.name = "王小明"
        #expect(try store.save(cjk) == "people/person-000000f1.json")
        // A coachee the store does not know: the kind names the file.
        var stranger = Sample.coaching
        stranger.id = uuid(0xF2); stranger.coacheeID = uuid(0xF3)
        #expect(try store.save(stranger) == "coaching/coaching-000000f2.json")
    }

    @Test func renamingAPersonKeepsTheFile() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let rel = try store.save(Sample.ana)
        var renamed = Sample.ana
        renamed.name = "Ana Souza"
        #expect(try store.save(renamed) == rel)
        let reopened = try Store.open(at: tmp.store, forEditing: false)
        let loaded = try reopened.load(scope: .all)
        #expect(loaded.files[RecordRef(kind: .person, id: Sample.ana.id)] == rel)
        #expect(loaded.snapshot.people == [renamed])
        #expect(tmp.allFiles().keys.filter { $0.hasPrefix("people/") }.count == 1)
    }

    @Test func filesAre0600AndFolders0700() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        try store.saveDraft(Data("{}".utf8), for: nil, name: "new-person")
        #expect(tmp.mode(nil) == 0o700)
        for kind in RecordKind.allCases { #expect(tmp.mode(kind.rawValue) == 0o700) }
        #expect(tmp.mode("drafts") == 0o700)
        for rel in paths + ["tandem.json", ".gitignore", "drafts/new-person.json"] {
            #expect(tmp.mode(rel) == 0o600, "\(rel)")
        }
    }

    @Test func aSaveTouchesOnlyItsFile() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        let paths = try Sample.fill(store)
        let before = tmp.allFiles()
        let times = tmp.mtimes()
        Thread.sleep(forTimeInterval: 0.02)
        var changed = Sample.mentoring
        changed.cadenceDays = 21
        try store.save(changed)
        let after = tmp.allFiles()
        let afterTimes = tmp.mtimes()
        #expect(Set(after.keys) == Set(before.keys))
        for (rel, bytes) in before where rel != paths[4] {
            #expect(after[rel] == bytes, "\(rel)")
            #expect(afterTimes[rel] == times[rel], "\(rel)")
        }
        #expect(after[paths[4]] != before[paths[4]])
        #expect(tmp.text(paths[4]).contains("\"cadenceDays\" : 21"))
    }

    @Test func savesLeaveNoTempFiles() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try Sample.fill(store)
        for n in 0..<5 {
            var p = Sample.ana
            p.mentoringCapacity = n
            try store.save(p)
        }
        let names = tmp.allFiles().keys.map { ($0 as NSString).lastPathComponent }
        #expect(names.filter { $0.hasPrefix(".") } == [".gitignore"])
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aFailedEncodingWritesNothing() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try store.save(Sample.joao)
        let rel = try store.save(Sample.coaching)
        let before = tmp.allFiles()
        var broken = Sample.coaching
        broken.metrics[0].baseline = .nan
        let error = storeError { try store.save(broken) }
        #expect(error?.kind == .format)
        #expect(error?.file == rel)
        #expect(error?.message.contains("metrics[0].baseline") == true)
        #expect(tmp.allFiles() == before)
    }

    @Test func aFailedRenameLeavesNoTempFileAndOtherFilesIntact() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try store.save(Sample.ana)
        // A non-empty folder where the file should go: the rename over it fails, even for root.
        tmp.write("x", to: "people/blocked.json/x")
        let before = tmp.allFiles()
        let error = storeError { try DataFolder(root: tmp.store).writeAtomically(Data("{}\n".utf8), to: "people/blocked.json") }
        #expect(error?.kind == .io)
        #expect(error?.file == "people/blocked.json")
        // Refused before a temp file is made: a folder is never replaced (FileType.swift).
        #expect(error?.message == "not saved: it is a folder, expected a regular file; move it out of the data folder")
        #expect(tmp.allFiles() == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.store.appendingPathComponent("people").path)
        #expect(names.sorted() == ["ana-lima-000000a1.json", "blocked.json"])
    }

    @Test func createRefusesAnExistingStore() throws {
        let tmp = TempFolder()
        _ = try Store.create(at: tmp.store, agency: Sample.agency)
        #expect(storeError { _ = try Store.create(at: tmp.store, agency: Sample.agency) }?.kind == .exists)

        let other = TempFolder()
        other.write("{}", to: "coaching/stray.json")
        let error = storeError { _ = try Store.create(at: other.store, agency: Sample.agency) }
        #expect(error?.kind == .exists)
        #expect(error?.message.contains("coaching") == true)
        #expect(!FileManager.default.fileExists(atPath: other.store.appendingPathComponent("tandem.json").path))
    }

    @Test func openingAFolderWithoutAStoreSaysSo() throws {
        let tmp = TempFolder()
        let error = storeError { _ = try Store.open(at: tmp.store, forEditing: true) }
        #expect(error?.kind == .notFound)
        #expect(error?.message.contains(tmp.store.path) == true)
        #expect(error?.message.contains("tandem.json") == true)
        #expect(!FileManager.default.fileExists(atPath: tmp.store.path))
    }

    @Test func loadIgnoresDotfilesTempFilesDraftsAndOtherFiles() throws {
        let tmp = TempFolder()
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        try store.save(Sample.ana)
        tmp.write("garbage", to: "people/.ana-lima-000000a1.json.123.456.tmp")
        tmp.write("garbage", to: "people/notes.txt")
        tmp.write("garbage", to: "drafts/x.json")
        let loaded = try store.load(scope: .all)
        #expect(loaded.snapshot.people == [Sample.ana])
        #expect(store.check().isEmpty)
    }
}
