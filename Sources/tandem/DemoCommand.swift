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

/// Writes a generated agency as a new store (`DemoStore`), its errors as the command line's.
enum DemoWriter {
    @discardableResult
    static func write(today: Day, options: DemoOptions, to dir: URL) throws -> DemoStore.Written {
        do { return try DemoStore.write(today: today, options: options, to: dir) } catch { throw CLIFailure.store(error) }
    }
}
