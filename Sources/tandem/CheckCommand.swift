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
        let report = store.checkReport()
        let problems = report.problems.map { (file: $0.file ?? "", line: $0.line, column: $0.column, message: $0.message) }
        let s = report.snapshot
        let counts = "\(s.people.count) people, \(s.engagements.count) coaching engagements, "
            + "\(s.relationships.count) mentoring relationships, \(s.assessments.count) assessments"
        if json {
            let rows: [[String: Any]] = problems.map { p in
                var o: [String: Any] = ["file": p.file, "message": p.message]
                if let l = p.line { o["line"] = l }
                if let c = p.column { o["column"] = c }
                return o
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            emit(String(decoding: data, as: UTF8.self))
        } else if problems.isEmpty {
            emit("ok: \(counts); no problems in \(store.root.path)")
        } else {
            let lines = problems.map { p -> String in
                var loc = p.file
                if let l = p.line { loc += ":\(l)" }
                if let c = p.column { loc += ":\(c)" }
                return loc.isEmpty ? p.message : "\(loc): \(p.message)"
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            emit("\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(store.root.path)")
        }
        if !problems.isEmpty { throw ExitCode(2) }
    }
}
