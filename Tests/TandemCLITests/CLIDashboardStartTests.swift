import Foundation
import Testing

/// What the dashboard command decides before a screen opens: these run without a terminal.
@Suite("Dashboard start-up: errors before the screen opens")
struct CLIDashboardStartTests {
    @Test func aStoreThatFailsToLoadEndsWithStatus2AndTheFileLineColumn() throws {
        let folder = CLIFolder.demo()
        let people = try FileManager.default.contentsOfDirectory(atPath: folder.path("people")).sorted()
        let victim = "people/\(try #require(people.first))"
        try folder.write(Data("{\n  \"format\": 1,\n".utf8), to: victim)
        let before = folder.snapshot()
        let r = folder.run([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(victim):3:1"), "\(r.stderr)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func anUnknownThemeIsAnErrorListingTheAvailableOnes() {
        let folder = CLIFolder.demo()
        let r = folder.run(["--theme", "sparkly"])
        #expect(r.status == 1)
        for name in ["default", "light", "high-contrast", "mono"] {
            #expect(r.stderr.contains(name), "\(name) missing from: \(r.stderr)")
        }
        #expect(r.stderr.contains("sparkly"))
    }

    @Test func withoutATerminalTheDashboardSaysSoAfterTheStoreLoads() {
        let folder = CLIFolder.demo()
        let r = folder.run([])
        #expect(r.status == 1)
        #expect(r.stderr.contains("needs a terminal"))
    }

    @Test func aFirstRunOnAnEmptyFolderCreatesAnEmptyPrivateStore() throws {
        let folder = CLIFolder()
        let r = folder.run([])
        #expect(r.status == 1, "no terminal here, but the store is made first: \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("tandem.json")))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.data.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(folder.run(["check"]).status == 0)
    }
}
