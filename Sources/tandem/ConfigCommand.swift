import ArgumentParser
import Foundation
import TandemApp
import TandemConfig
import TerminalUI

/// The user's config as every command reads it: `config.toml` at its place, themes checked
/// against the theme folders.
enum UserConfig {
    static func load(environment env: [String: String] = ProcessInfo.processInfo.environment, file: URL? = nil) -> ConfigFile.Loaded {
        let catalog = ThemeCatalog(searchPaths: ThemePaths.searchPaths(environment: env))
        return ConfigFile.load(file ?? ConfigFile.path(environment: env), themeExists: { (try? catalog.load($0)) != nil })
    }

    /// One status line for the dashboard: the first problem and how many more.
    static func statusLine(_ problems: [String]) -> String? {
        guard let first = problems.first else { return nil }
        let more = problems.count > 1 ? " (\(problems.count - 1) more: tandem config --check)" : ""
        return "Config: \(first)\(more)"
    }
}

/// `tandem config`: the defaults as a commented file, or a check of one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config.toml, or check one.",
        discussion: """
        The config is $XDG_CONFIG_HOME/tandem/config.toml (else ~/.config/tandem/config.toml). \
        Every setting is optional: theme, date_style, [store] (the thresholds a new store starts \
        with), [mouse] enabled, [notify] command, and [keys.<context>] <action> = ["key", …] \
        (the names `tandem keys` lists). A problem is reported as file:line:column and the \
        dashboard starts on the defaults for it.
        """
    )

    @Flag(help: "Write a config file of every default, commented, to standard output.") var printDefaults = false
    @Flag(help: "Check the config file (the one given, else the usual one): exit 0 when clean, 1 with each problem as file:line:column.") var check = false
    @Argument(help: ArgumentHelp("The file to check (with --check).", valueName: "file")) var file: String?

    func validate() throws {
        if printDefaults == check { throw ValidationError("give one of --print-defaults or --check") }
        if printDefaults, file != nil { throw ValidationError("--print-defaults takes no file") }
    }

    func run() throws {
        if printDefaults {
            FileHandle.standardOutput.write(Data(ConfigFile.defaultsText().utf8))
            return
        }
        let env = ProcessInfo.processInfo.environment
        let url = file.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) } ?? ConfigFile.path(environment: env)
        let loaded = UserConfig.load(environment: env, file: url)
        guard loaded.exists else {
            if file != nil { throw CLIFailure.input("\(url.path): no such file") }
            emit("\(url.path): no config file; every setting is its default (tandem config --print-defaults writes one)")
            return
        }
        guard loaded.problems.isEmpty else {
            FileHandle.standardError.write(Data((loaded.problems.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
        emit("\(url.path): ok")
    }
}
