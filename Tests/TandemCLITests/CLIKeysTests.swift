import Foundation
import Testing

@Suite("tandem keys: the key table, as the dashboard dispatches it")
struct CLIKeysTests {
    @Test func listsEveryContextsKeysWithReasons() {
        let r = CLI.run(["keys"])
        #expect(r.status == 0, Comment(rawValue: r.stderr))
        // Keys that used to live outside the table, and a disabled one with its reason.
        #expect(r.stdout.contains("Ctrl-C") && r.stdout.contains("quit from anywhere"))
        #expect(r.stdout.contains("close the help"))
        #expect(r.stdout.contains("text keys"))
        #expect(r.stdout.contains("does nothing here: sessions are logged on engagements and relationships"))
        #expect(r.stdout.contains("keep mine (the on-screen version) for this field"))
        let md = CLI.run(["keys", "--markdown"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("| keys | action | where |"))
    }
}
