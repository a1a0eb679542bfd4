import Foundation
import Testing

@Suite("tandem demo and check")
struct CLIDemoTests {
    @Test func demoWritesAStoreThatChecksClean() throws {
        let folder = CLIFolder()
        let demo = folder.run(["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains(folder.data.path))
        let files = folder.snapshot().keys
        #expect(files.contains("tandem.json"))
        for kind in ["people", "coaching", "mentoring"] {
            #expect(files.contains { $0.hasPrefix(kind + "/") && $0.hasSuffix(".json") }, "no \(kind) files")
        }
        #expect(!files.contains(".lock"), "demo left its lock behind")

        let check = folder.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
        #expect(check.stdout.hasPrefix("ok: "), "\(check.stdout)")
        let json = folder.run(["check", "--json"])
        #expect(json.status == 0)
        let problems = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any]
        #expect(problems?.isEmpty == true, "\(json.stdout)")
    }

    @Test func demoRefusesAFolderThatHoldsAStoreAndChangesNothing() throws {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        try #require(!before.isEmpty)
        let again = folder.run(["demo", "--seed", "7"])
        #expect(again.status == 2)
        #expect(again.stderr.contains(folder.data.path), "\(again.stderr)")
        #expect(again.stdout.isEmpty)
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func sameSeedWritesIdenticalFilesAndAnotherSeedDiffers() throws {
        let a = CLIFolder.demo(seed: 7), b = CLIFolder.demo(seed: 7), c = CLIFolder.demo(seed: 8)
        let sa = a.snapshot(), sb = b.snapshot(), sc = c.snapshot()
        try #require(sa.count > 10)
        #expect(sa.keys.sorted() == sb.keys.sorted())
        #expect(changedFiles(sa, sb) == [], "same seed, different bytes")
        #expect(sa != sc, "seeds 7 and 8 wrote the same store")
        // Not only the agency name: the records themselves differ.
        #expect(Set(sa.keys.filter { $0.hasPrefix("people/") }) != Set(sc.keys.filter { $0.hasPrefix("people/") }))
    }

    @Test func filesArePrivateToTheOwner() throws {
        let folder = CLIFolder.demo()
        #expect(folder.mode(nil) == 0o700)
        let entries = folder.entries()
        try #require(entries.values.contains(true) && entries.values.contains(false))
        for (rel, isFolder) in entries.sorted(by: { $0.key < $1.key }) {
            #expect(folder.mode(rel) == (isFolder ? 0o700 : 0o600), "\(rel) has mode \(String(folder.mode(rel), radix: 8))")
        }
    }

    @Test func demoValidatesItsCounts() {
        let folder = CLIFolder()
        let r = folder.run(["demo", "--people", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--people"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.data.path), "a refused demo created the folder")
    }
}
