import ArgumentParser
import Foundation

/// `tandem`: the dashboard when run bare, and subcommands for scripts, cron and the prompt.
@main
struct Tandem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Coaching engagements beside mentoring relationships, for agency leaders.",
        discussion: """
        Run bare to open the dashboard. Data lives in one folder of JSON files: \
        --data-dir, else $TANDEM_DATA_DIR, else $XDG_DATA_HOME/tandem, else ~/.local/share/tandem.
        """,
        subcommands: [DashboardCommand.self, DemoCommand.self, ListCommand.self, LogCommand.self, CheckCommand.self, KeysCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Runs the command and maps failures to exit statuses: 1 bad input, 2 a store problem.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("tandem: \(failure.message)\n".utf8))
            Foundation.exit(failure.status)
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
            FileHandle.standardError.write(Data("tandem: \(fullMessage(for: error))\n".utf8))
            Foundation.exit(1)
        }
    }
}
