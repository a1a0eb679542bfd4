import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem match PERSON`: the possible mentors for a mentee, ranked, with the reasons.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank the possible mentors for a person, with the reasons.",
        discussion: """
        PERSON is an id, an id prefix or part of a name. Candidates are people still at the \
        agency above the person's level; each scores for seniority, expertise in the person's \
        interests, free capacity, not being their manager, another team and no earlier pairing. \
        Mentors at capacity come last, marked. Takes no lock.
        """
    )

    @OptionGroup var data: DataDirOptions
    @Argument(help: ArgumentHelp("The mentee.", valueName: "person")) var person: String
    @Flag(help: "Print a JSON array of {id, name, score, reasons, atCapacity}.") var json = false

    func run() throws {
        let store = try Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
        // People and every relationship (earlier pairings count), without sessions.
        var files: [RecordRef: String] = [:]
        let snapshot: Snapshot
        do { snapshot = try store.loadReduced(kinds: [.person, .mentoring], files: &files) { $0.withoutSessions } } catch { throw CLIFailure.store(error) }
        let mentee: Person
        switch PersonQuery.resolve(person, in: snapshot.people) {
        case .success(let p): mentee = p
        case .failure(let f): throw CLIFailure.input("PERSON: \(f)")
        }
        let list = MentorMatch.candidates(for: mentee.id, in: snapshot)
        if json {
            struct Row: Encodable {
                var id: String
                var name: String
                var score: Int
                var reasons: [String]
                var atCapacity: Bool
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let rows = list.map { Row(id: $0.person.id.uuidString.lowercased(), name: $0.person.name, score: $0.score,
                                      reasons: $0.reasons, atCapacity: $0.atCapacity) }
            emitJSON(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        guard !list.isEmpty else {
            emit("No possible mentors for \(mentee.name.printable): nobody at the agency is above \(mentee.level.rawValue).")
            return
        }
        var lines = ["Mentors for \(mentee.name.printable) (\(mentee.level.rawValue)\(mentee.team.isEmpty ? "" : ", \(mentee.team.printable)"))"]
        for (i, c) in list.enumerated() {
            lines.append("\(i + 1). \(c.person.name.printable)  score \(c.score)\(c.atCapacity ? "  [at capacity]" : "")")
            lines += c.reasons.map { "     " + $0.printable }
        }
        emit(lines.joined(separator: "\n"))
    }
}
