import ArgumentParser
import Foundation

/// `tandem help-man` (hidden): the man page, tandem(1), in roff, generated from the same help
/// the commands print, so the page cannot drift from `--help`.
///
/// swift-argument-parser's generate-manual plugin needs a package command run by a developer;
/// this writes the page from the installed binary: `tandem help-man > tandem.1`.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-man",
        abstract: "Write the man page tandem(1) in roff.",
        shouldDisplay: false
    )

    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var output: String?

    func run() throws {
        try Output.write(Self.page(), to: output)
    }

    /// The whole page.
    static func page() -> String {
        let root = Tandem.configuration
        var out = [".TH TANDEM 1 \"\" \"tandem \(Tandem.version)\" \"User Commands\"",
                   ".SH NAME", "tandem \\- " + roff(root.abstract),
                   ".SH SYNOPSIS", ".B tandem", "[\\fIcommand\\fR] [\\fIoptions\\fR]",
                   ".SH DESCRIPTION", roff(root.discussion)]
        out += [".SH COMMANDS"]
        for sub in root.subcommands where sub.configuration.shouldDisplay {
            let name = sub.configuration.commandName ?? "\(sub)"
            out += [".SS tandem \(name)"]
            out += section(Tandem.helpMessage(for: sub, columns: 10_000))
        }
        out += [".SH SHELL COMPLETION",
                roff("tandem --generate-completion-script bash (or zsh, fish) prints a completion script; record references after --record complete from the store."),
                ".SH EXIT STATUS", roff("0 success; 1 bad input (nothing changed); 2 a problem with the store."),
                ".SH ENVIRONMENT", ".TP", "\\fBTANDEM_DATA_DIR\\fR", roff("The data folder when --data-dir is not given."),
                ".TP", "\\fBTANDEM_THEME\\fR", roff("The dashboard's theme."),
                ".TP", "\\fBNO_COLOR\\fR", roff("Non-empty: a monochrome dashboard.")]
        return out.joined(separator: "\n") + "\n"
    }

    /// One command's help as roff: overview and discussion as paragraphs, usage, then each
    /// argument and option as a tagged paragraph.
    static func section(_ help: String) -> [String] {
        var out: [String] = []
        var entries: [(String, String)] = []
        var mode = "text"
        for raw in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw
            if line.hasPrefix("OVERVIEW: ") { out += [".PP", roff(String(line.dropFirst(10)))]; continue }
            if line.hasPrefix("USAGE: ") {
                out += [".PP", "\\fBUsage:\\fR " + roff(String(line.dropFirst(7)))]
                continue
            }
            if line == "ARGUMENTS:" || line == "OPTIONS:" || line == "SUBCOMMANDS:" { mode = "list"; continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if mode == "list" {
                let body = line.drop { $0 == " " }
                let indent = line.count - body.count
                if indent <= 2, let gap = body.range(of: "  ") {
                    entries.append((String(body[..<gap.lowerBound]), body[gap.upperBound...].trimmingCharacters(in: .whitespaces)))
                } else if indent <= 2 {
                    entries.append((String(body), ""))
                } else if !entries.isEmpty {
                    entries[entries.count - 1].1 += (entries[entries.count - 1].1.isEmpty ? "" : " ") + body
                }
            } else {
                out += [".PP", roff(line.trimmingCharacters(in: .whitespaces))]
            }
        }
        for (name, text) in entries {
            out += [".TP", "\\fB" + roff(name) + "\\fR", roff(text)]
        }
        return out
    }

    /// Text safe in roff: backslashes escaped, hyphens as minus signs, no line starting with a
    /// control character.
    static func roff(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t
    }
}
