import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem check`: every problem in the store at once; non-zero when there is any.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every problem in the store: unreadable files, broken references, invalid records.",
        discussion: "Takes no lock and changes nothing. Exits 0 when the store is clean, 2 otherwise."
    )

    @OptionGroup var data: DataDirOptions
    @Flag(help: "Print the problems as a JSON array.") var json = false

    func run() throws {
        let store = try Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
        // One pass: every file read, scanned and decoded once; the core's field rules included.
        // Today (or $TANDEM_TODAY) so a session logged after it is reported, as `log` refuses it.
        let report = store.checkReport(today: try Clock.today())
        let problems = report.problems
        let s = report.counts
        let counts = "\(s.people) people, \(s.engagements) coaching engagements, "
            + "\(s.relationships) mentoring relationships, \(s.assessments) assessments"
        if json {
            let rows: [[String: Any]] = problems.map { p in
                var o: [String: Any] = ["file": p.file ?? "", "message": p.message]
                if let l = p.line { o["line"] = l }
                if let c = p.column { o["column"] = c }
                return o
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            emitJSON(String(decoding: data, as: UTF8.self))
        } else if problems.isEmpty {
            emit("ok: \(counts); no problems in \(store.root.path)")
        } else {
            // StoreError reads like a compiler message: file:line:column: what.
            FileHandle.standardError.write(Data((TerminalSafeText.clean(problems.map(\.description).joined(separator: "\n")) + "\n").utf8))
            emit("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(store.root.path)")
        }
        if !problems.isEmpty { throw ExitCode(2) }
    }
}
