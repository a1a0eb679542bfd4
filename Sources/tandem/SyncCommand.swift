import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem sync`: team sync through git.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the store with your team through git: commit, pull with rebase, push.",
        discussion: """
        --init REMOTE makes the data folder a git repository (or clones REMOTE into an empty \
        data folder), writes .gitignore (the lock, drafts, temp files) and .gitattributes, and \
        pushes. After that, tandem sync commits the changed record files with a message saying \
        what changed, pulls with rebase and pushes. Record files merge with Tandem's record-level \
        merge (registered as git's merge driver in the repository's own config), so sessions \
        logged on one record by two leaders are both kept. When the same field was changed both \
        ways, sync stops, names the record and the field, and keeps your value in the file: run \
        tandem sync again to finish (after editing the file if you want theirs).
        """
    )

    @OptionGroup var data: DataDirOptions
    @Option(name: .customLong("init"), help: ArgumentHelp("Start syncing with this git remote (a URL or a path).", valueName: "remote"))
    var remote: String?

    func run() throws {
        // What git writes in the data folder is private, as the store's own files are.
        umask(0o077)
        let dir = data.resolved()
        let sync = TeamSync(root: dir, tandemPath: TeamSync.currentExecutable())
        if let remote {
            do { emit(try sync.initialize(remote: remote)) } catch { throw CLIFailure.store(error) }
            return
        }
        let outcome: TeamSync.Outcome
        do { outcome = try sync.sync() } catch { throw CLIFailure.store(error) }
        switch outcome {
        case .synced(let report):
            var lines: [String] = []
            if let c = report.committed {
                lines.append("committed: " + (c.split(separator: "\n").first.map(String.init) ?? c))
            } else {
                lines.append("nothing to commit here")
            }
            lines.append(report.incoming.isEmpty ? "nothing came in"
                         : "came in: \(report.incoming.count) record file\(report.incoming.count == 1 ? "" : "s") ("
                         + report.incoming.prefix(5).joined(separator: ", ") + (report.incoming.count > 5 ? ", …" : "") + ")")
            lines.append("pushed")
            emit(lines.joined(separator: "\n"))
        case .stopped(let conflicts):
            throw CLIFailure(message: Self.stoppedMessage(conflicts, dir: dir), status: 1)
        }
    }

    static func stoppedMessage(_ conflicts: [TeamSync.Conflict], dir: URL) -> String {
        var lines = ["sync stopped: the same field was changed here and by someone else; nothing was pushed"]
        for c in conflicts {
            if let why = c.unreadable {
                lines.append("  \(c.file) (\(c.label)): \(why)")
                continue
            }
            for f in c.fields {
                lines.append("  \(c.file) (\(c.label)): \(f.path): yours \(CSVImport.visible(f.ours ?? "absent")), "
                             + "theirs \(CSVImport.visible(f.theirs ?? "absent"))")
            }
        }
        lines.append("Your edit is kept in the file, with everything else merged. To finish: run tandem sync again "
                     + "(to take theirs, edit that field in the file first). To give up this sync: git -C \(dir.path) rebase --abort")
        return lines.joined(separator: "\n")
    }
}

/// `tandem merge-driver %O %A %B %P` (hidden): git's merge driver for record files.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "git's merge driver for record files (set up by tandem sync --init).",
        shouldDisplay: false
    )

    @Argument var base: String
    @Argument var current: String
    @Argument var other: String
    @Argument var path: String

    func run() throws {
        func read(_ p: String) throws -> Data {
            guard let d = FileManager.default.contents(atPath: p) else { throw CLIFailure.store("merge-driver: cannot read \(p)") }
            return d
        }
        // git runs the driver at the top of the work tree: the data folder.
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let local: MergeSide = TeamSync.rebaseInProgress(at: here) ? .theirs : .ours
        do {
            let outcome = try MergeDriver.merge(base: try read(base), current: try read(current), other: try read(other),
                                                path: path, localIs: local)
            try outcome.merged.write(to: URL(fileURLWithPath: current))
            if !outcome.conflicts.isEmpty {
                for c in outcome.conflicts { note("\(path): \(c.path) changed both ways; your value is kept") }
                throw ExitCode(1)
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            // A file that is not a record: leave it to git (it reports a conflict).
            note("merge-driver: \(path): \(error)")
            throw ExitCode(1)
        }
    }
}
