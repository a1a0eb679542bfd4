import Foundation
import Testing

@Suite("Command-line errors: status 1 for bad input, 2 for the store, a message on stderr")
struct CLIErrorTests {
    @Test(arguments: [
        ["bogus"],
        ["list", "coaching", "--bogus"],
        ["list", "nothing"],
        ["list"],
        ["log", "--minutes", "45", "--note", "hi"],
        ["demo", "--seed", "many"],
        ["check", "--verbose"],
    ])
    func badUsageExits1WithAMessage(_ args: [String]) {
        let folder = CLIFolder.demo()
        let before = folder.snapshot()
        let r = folder.run(args)
        #expect(r.status == 1, "\(args) exited \(r.status)")
        #expect(r.stderr.hasPrefix("tandem: "), "\(args): \(r.stderr)")
        #expect(r.stderr.contains("Usage: tandem"), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
        #expect(changedFiles(before, folder.snapshot()) == [])
    }

    @Test func theOffendingWordIsNamed() {
        #expect(CLI.run(["bogus"]).stderr.contains("bogus"))
        #expect(CLI.run(["list", "coaching", "--bogus"]).stderr.contains("--bogus"))
        #expect(CLI.run(["list", "nothing"]).stderr.contains("'coaching', 'mentoring' or 'people'"))
    }

    @Test(arguments: [[], ["demo"], ["list"], ["log"], ["check"], ["dashboard"]])
    func helpExits0OnStdout(_ sub: [String]) {
        for help in [["--help"], ["-h"]] {
            let r = CLI.run(sub + help)
            #expect(r.status == 0, "\(sub + help): \(r.stderr)")
            #expect(r.stdout.contains("USAGE: tandem \(sub.first ?? "")"), "\(r.stdout)")
            #expect(r.stderr.isEmpty)
        }
        if let name = sub.first {
            let r = CLI.run(["help", name])
            #expect(r.status == 0)
            #expect(r.stdout.contains("USAGE: tandem \(name)"))
        }
    }

    @Test(arguments: [
        ["list", "coaching"],
        ["list", "people", "--json"],
        ["check"],
        ["log", "--record", "ana", "--minutes", "45", "--note", "hi"],
    ])
    func aMissingDataFolderExits2NamingIt(_ args: [String]) {
        let folder = CLIFolder()
        let r = folder.run(args)
        #expect(r.status == 2, "\(args) exited \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(folder.data.path), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.data.path), "\(args) created the data folder")
    }

    @Test func aBadTodayIsBadInput() {
        let folder = CLIFolder.demo()
        let r = folder.run(["list", "coaching"], env: ["TANDEM_TODAY": "29/11/2026"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("YYYY-MM-DD"), "\(r.stderr)")
    }

    @Test func theDataFolderComesFromTheEnvironmentWithoutTheOption() {
        let folder = CLIFolder.demo()
        let r = CLI.run(["list", "people"], env: ["TANDEM_DATA_DIR": folder.data.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("NAME"))
        let xdg = CLI.run(["list", "people"], env: ["XDG_DATA_HOME": folder.url.path])
        #expect(xdg.status == 2, "XDG_DATA_HOME/tandem does not exist here")
        #expect(xdg.stderr.contains(folder.url.appendingPathComponent("tandem").path), "\(xdg.stderr)")
    }
}
