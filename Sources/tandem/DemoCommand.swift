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
        let snapshot = DemoAgency.generate(today: try Clock.today(), options: options)
        try DemoWriter.write(snapshot, to: dir)
        emit("Wrote \(snapshot.agency.name) to \(dir.path): \(snapshot.people.count) people, "
             + "\(snapshot.engagements.count) coaching engagements, \(snapshot.relationships.count) mentoring relationships, "
             + "\(snapshot.engagements.reduce(0) { $0 + $1.sessions.count } + snapshot.relationships.reduce(0) { $0 + $1.sessions.count }) sessions.")
    }
}

/// Writes a generated agency as a new store.
enum DemoWriter {
    static func write(_ snapshot: Snapshot, to dir: URL) throws {
        let store: Store
        do { store = try Store.create(at: dir, agency: snapshot.agency) } catch { throw CLIFailure.store(error) }
        defer { store.close() }
        do {
            for p in snapshot.people { _ = try store.save(p) }
            for e in snapshot.engagements { _ = try store.save(e) }
            for r in snapshot.relationships { _ = try store.save(r) }
            for a in snapshot.assessments { _ = try store.save(a) }
        } catch {
            throw CLIFailure.store(error)
        }
    }
}
