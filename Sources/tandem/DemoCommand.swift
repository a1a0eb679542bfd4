import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem demo`: writes a realistic sample agency into an empty folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a realistic sample agency into a new data folder.",
        discussion: "Deterministic for a seed. Refuses to write into a folder that already holds a store."
    )

    @OptionGroup var data: DataDirOptions
    @Option(help: "Seed for the generator: the same seed writes the same agency.") var seed: UInt64 = 42
    @Option(help: "How many people.") var people: Int = DemoOptions().people
    @Option(help: "How many coaching engagements.") var engagements: Int = DemoOptions().engagements
    @Option(help: "How many mentoring relationships.") var relationships: Int = DemoOptions().relationships
    @Option(help: "How many sessions in all.") var sessions: Int = DemoOptions().sessions

    func validate() throws {
        guard people >= 4 else { throw ValidationError("--people must be at least 4 (mentors, mentees and coaches), not \(people)") }
        guard engagements >= 0, relationships >= 0, sessions >= 0 else {
            throw ValidationError("--engagements, --relationships and --sessions must not be negative")
        }
    }

    func run() throws {
        let dir = data.resolved()
        let options = DemoOptions(seed: seed, people: people, engagements: engagements,
                                  relationships: relationships, sessions: sessions)
        let written = try DemoWriter.write(today: try Clock.today(), options: options, to: dir)
        emit("Wrote \(written.agency) to \(dir.path): \(written.people) people, "
             + "\(written.engagements) coaching engagements, \(written.relationships) mentoring relationships, "
             + "\(written.sessions) sessions.")
    }
}

/// Writes a generated agency as a new store.
enum DemoWriter {
    /// What was written.
    struct Written { var agency = ""; var people = 0; var engagements = 0; var relationships = 0; var sessions = 0 }

    /// Writes the demo agency for `options` as a new store, a record at a time as it is made:
    /// each is forgotten once written, so a history of any size takes little memory.
    @discardableResult
    static func write(today: Day, options: DemoOptions, to dir: URL) throws -> Written {
        var store: Store?
        defer { store?.close() }
        var written = Written()
        var people: [Person] = []
        do {
            try DemoAgency.generate(today: today, options: options) { piece in
                switch piece {
                case .agency(let agency):
                    store = try Store.create(at: dir, agency: agency)
                    written.agency = agency.name
                case .people(let everyone):
                    // First, so that the records' files are named after them.
                    for p in everyone { try store!.save(p) }
                    people = everyone
                case .engagement(let e):
                    try store!.save(e)
                    store!.forget(RecordRef(kind: .coaching, id: e.id))
                    written.engagements += 1
                    written.sessions += e.sessions.count
                case .relationship(let r):
                    try store!.save(r)
                    store!.forget(RecordRef(kind: .mentoring, id: r.id))
                    written.relationships += 1
                    written.sessions += r.sessions.count
                case .settledPeople(let settled):
                    for (before, after) in zip(people, settled) where before != after { try store!.save(after) }
                    written.people = settled.count
                case .assessment(let a):
                    try store!.save(a)
                }
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure.store(error)
        }
        return written
    }
}
