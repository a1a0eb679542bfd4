import ArgumentParser
import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// `tandem report`: the insights of the dashboard's screen 3 as text, Markdown, JSON or one
/// self-contained HTML file. Reads every record (closed ones too), takes no lock, and never
/// prints a note.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the programme's insights: coverage, coaching, mentoring, investment, feedback.",
        discussion: """
        The period is --since through --until, both included. --until defaults to today, --since \
        to the first day of the quarter --until is in, so a bare `tandem report` is this quarter \
        so far. Dates are YYYY-MM-DD (or today, -30d, …). --team keeps the people of one team \
        (coaching by the coachee's team, mentoring by the mentee's). --format html writes one \
        file with the charts as inline SVG: no scripts, fonts or images from anywhere. Session \
        notes and action item texts never appear. Takes no lock.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json, html }

    @OptionGroup var data: DataDirOptions
    @Option(help: ArgumentHelp("text, md, json or html.", valueName: "format")) var format: Format = .text
    @Option(help: ArgumentHelp("The first day of the period.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("The last day of the period (default today).", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("Only this team.", valueName: "team")) var team: String?
    @Option(help: ArgumentHelp("Write the report to this file (0600) instead of stdout.", valueName: "file")) var output: String?

    func run() throws {
        let today = try Clock.today()
        let range = try Self.range(since: since, until: until, today: today)
        let store = try Store.openForCLI(data.resolved(), forEditing: false)
        defer { store.close() }
        // Every record, closed ones too, with only what the insights read of it for the period
        // (no session texts; a closed record's sessions of the period only): a report counts,
        // dates and ranks, and never prints a note.
        var files: [RecordRef: String] = [:]
        let s: Snapshot
        do {
            s = try store.loadReduced(kinds: Set(RecordKind.allCases), files: &files) { record in
                switch record {
                case .coaching(let e): .coaching(Insights.reading(e, range: range))
                case .mentoring(let r): .mentoring(Insights.reading(r, range: range))
                case .person, .assessment: record
                }
            }
        } catch { throw CLIFailure.store(error) }
        var chosenTeam: String?
        if let team {
            let teams = PersonRules.teams(in: s.people)
            guard case .existing(let t) = PersonRules.matchTeam(team, among: teams) else {
                throw CLIFailure.input("--team \"\(ReportText.visible(team))\" is not a team here: "
                    + (teams.isEmpty ? "nobody has a team yet" : "use one of " + teams.map(ReportText.visible).joined(separator: ", ")))
            }
            chosenTeam = t
        }
        let insights = Insights(s, range: range, today: today, team: chosenTeam)
        let report = Report(insights: insights, snapshot: s, files: files)
        let render: ((String) throws -> Void) throws -> Void = { [format] put in
            switch format {
            case .text: try put(ReportText.text(report, glyphs: ChartGlyphs.forLocale(ProcessInfo.processInfo.environment)))
            case .md: try put(ReportText.markdown(report))
            case .json: try ReportJSON.render(report, put)
            case .html: try put(ReportHTML.render(report))
            }
        }
        if let output {
            try Self.write(to: output, render)
        } else {
            try emitPieces(json: format == .json, render)
        }
    }

    /// The period from the options: --until (default today), --since (default the start of
    /// --until's quarter); a start after the end is an error.
    static func range(since: String?, until: String?, today: Day) throws -> DayRange {
        func parse(_ s: String, _ option: String) throws -> Day {
            switch DateInput.parse(s, today: today) {
            case .success(let d): return d
            case .failure(let e): throw CLIFailure.input("--\(option): \(e.message)")
            }
        }
        let to = try until.map { try parse($0, "until") } ?? today
        let from = try since.map { try parse($0, "since") } ?? Day.quarterStart(of: to)
        guard from <= to else { throw CLIFailure.input("--since \(from.iso) is after --until \(to.iso)") }
        return DayRange(from: from, to: to)
    }

    /// Writes the whole report or nothing: a temporary file beside it, 0600, then a rename.
    static func write(_ text: String, to path: String) throws {
        try write(to: path) { put in try put(text) }
    }

    /// `write(_:to:)` of the text `body` gives a piece at a time, written as it comes.
    static func write(to path: String, _ body: ((String) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw CLIFailure.input("--output \(path): the folder \(dir.path) does not exist")
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temp.path, contents: Data(), attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temp.path) else {
            throw CLIFailure.input("--output \(path): cannot write in \(dir.path)")
        }
        do {
            var buffer = Data()
            try body { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 16 { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
            throw CLIFailure.input("--output \(path): cannot write in \(dir.path)")
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw CLIFailure.input("--output \(path): \(reason)")
        }
    }
}

/// The insights with what a report needs beside them: names and files of the records.
struct Report {
    var insights: Insights
    var snapshot: Snapshot
    var files: [RecordRef: String]
    var names: PeopleIndex
    var titles: InsightTitles

    init(insights: Insights, snapshot: Snapshot, files: [RecordRef: String]) {
        self.insights = insights; self.snapshot = snapshot; self.files = files
        names = PeopleIndex(snapshot.people)
        titles = InsightTitles(snapshot, names: names)
    }

    var title: String { "\(snapshot.agency.name) · \(insights.range.text)\(insights.team.map { " · team \($0)" } ?? "")" }

    func name(_ ref: InsightRef) -> String { titles.title(ref) }

    func file(_ ref: InsightRef) -> String? {
        let kind: RecordKind = switch ref.kind {
        case .person: .person
        case .coaching: .coaching
        case .mentoring: .mentoring
        case .assessment: .assessment
        }
        return files[RecordRef(kind: kind, id: ref.id)]
    }

    /// "Ada, Ben and 3 more": the records behind a figure, for text and Markdown.
    func names(_ refs: [InsightRef], limit: Int = 6) -> String {
        let shown = refs.prefix(limit).map(name)
        let more = refs.count - shown.count
        return shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
    }
}
