import ArgumentParser
import Foundation
import TandemCore

/// `tandem`: the dashboard when run bare, and subcommands for scripts, cron and the prompt.
@main
struct Tandem: ParsableCommand {
    /// What `tandem --version` prints.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Coaching engagements beside mentoring relationships, for agency leaders.",
        discussion: """
        Run bare to open the dashboard. Data lives in one folder of JSON files: \
        --data-dir, else $TANDEM_DATA_DIR, else $XDG_DATA_HOME/tandem, else ~/.local/share/tandem.
        """,
        version: Tandem.version,
        subcommands: [DashboardCommand.self, DemoCommand.self, ListCommand.self, LogCommand.self,
                      AssessCommand.self, MatchCommand.self, PrepCommand.self, CheckCommand.self,
                      StatusCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self, IdentityCommand.self,
                      KeysCommand.self, ConfigCommand.self, TerminalCheckCommand.self, MergeDriverCommand.self, ManCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Runs the command and maps failures to exit statuses: 1 bad input, 2 a store problem.
    static func main() {
        // A bare word that is no subcommand would otherwise be read as an argument of the
        // default (dashboard) command, with that command's usage: say what is wrong instead.
        let args = Array(CommandLine.arguments.dropFirst())
        if let first = args.first, !first.hasPrefix("-") {
            let known = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
            let listed = configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
            if !known.contains(first) {
                fail("""
                    unknown command '\(first)'
                    Usage: tandem [\(listed.joined(separator: " | "))] [options]
                      See 'tandem --help' for more information.
                    """, status: 1)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            fail(failure.message, status: failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            fail(message, status: 1)
        }
    }

    /// One message on stderr, then exit.
    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("tandem: \(TerminalSafeText.clean(message))\n".utf8))
        Foundation.exit(status)
    }
}
