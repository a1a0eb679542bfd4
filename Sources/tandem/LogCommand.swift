import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem log`: appends a session to one engagement or relationship.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a session on a coaching engagement or a mentoring relationship.",
        discussion: """
        REF is an id, an id prefix, or part of the coachee's or mentee's name (any case, accents \
        optional); put coaching: or mentoring: in front to choose the kind. An ambiguous REF lists \
        the candidates and changes nothing. Writes exactly one file.

        The session must have happened (not after today: a planned one is --next of the last \
        session), last 1–720 minutes, say something (--note, --topics, --metric or --action) and \
        have its --next after --date. Values may start with '-': --date -3d, --note "-- draft".
        """
    )

    @OptionGroup var data: DataDirOptions
    @Option(help: ArgumentHelp("The engagement or relationship.", valueName: "ref"),
            completion: .custom(References.complete)) var record: String
    // `.unconditional`: the word after the flag is its value even when it starts with '-'
    // (`--date -3d`, `--minutes -5` refused as out of range, a note that starts with a dash).
    @Option(parsing: .unconditional, help: "Length of the session in minutes, 1–720 (45, 1h, 1h30).") var minutes: String
    @Option(parsing: .unconditional, help: "What happened. Use \\n for a new line.") var note: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Day of the session, not after today: YYYY-MM-DD, today, yesterday, -3d, mon…sun.", valueName: "date")) var date: String = "today"
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("A new metric reading, NAME=VALUE (coaching; repeatable).", valueName: "name=value")) var metric: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("How useful it was, 1–5.", valueName: "1-5")) var pulse: Int?
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("An action item (repeatable). End with ' @DATE' for a due day.", valueName: "text")) var action: [String] = []
    @Option(parsing: .unconditional, help: ArgumentHelp("Comma-separated topics.", valueName: "list")) var topics: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Day of the next session, after --date.", valueName: "date")) var next: String?
    @Flag(help: "Share the notes with the person (private to you by default, sealed to your identity).") var shared = false
    @Flag(help: "Seal the notes to every leader listed in the store (tandem identity add-to-store).") var partners = false
    @Flag(help: "Print the new session as JSON.") var json = false

    func run() throws {
        if shared && partners { throw CLIFailure.input("--shared and --partners: choose one") }
        let today = try Clock.today()
        let day = try parse(DateInput.parse(date, today: today), "--date")
        let mins = try parse(DurationInput.parse(minutes), "--minutes")
        let nextDay = try next.map { try parse(DateInput.parse($0, today: today), "--next") }
        let actions = try action.map { try Self.actionInput($0, today: today) }

        let store = try Store.openSealing(data.resolved(), forEditing: true)
        defer { store.close() }
        if store.isReadOnly {
            throw CLIFailure.store("the store is read-only, nothing logged: \(store.readOnlyReason ?? "unknown reason")")
        }
        let loaded: Loaded
        do { loaded = try store.load(scope: .open) } catch { throw CLIFailure.store(error) }
        store.reportSealNotices()

        let target: SessionRecord
        switch RecordQuery.resolve(record, in: loaded.snapshot) {
        case .success(let r): target = r
        case .failure(let f): throw CLIFailure.input("--record: \(f)")
        }

        var readings: [(metric: String, value: Double)] = []
        for m in metric {
            guard let eq = m.firstIndex(of: "="), !m[..<eq].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CLIFailure.input("--metric \"\(m)\": expected NAME=VALUE, e.g. --metric \"win rate=35%\"")
            }
            let name = String(m[..<eq]).trimmingCharacters(in: .whitespaces)
            let unit: String
            if case .coaching(let e) = target, case .success(let i) = Logbook.metricIndex(name, in: e.metrics) {
                unit = e.metrics[i].unit
            } else {
                unit = ""
            }
            let value = try parse(NumberInput.parse(String(m[m.index(after: eq)...]), unit: unit), "--metric \(name)")
            readings.append((name, value))
        }

        let input = SessionInput(
            date: day, minutes: mins, notes: note.replacingOccurrences(of: "\\n", with: "\n"),
            topics: (topics ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            actions: actions, readings: readings, pulse: pulse,
            visibility: shared ? .shared : partners ? .partners : .private, nextDate: nextDay)
        if input.visibility.isSealed, let reason = store.sealer?.cannotSealReason {
            throw CLIFailure.input("not logged: \(reason) (--shared logs it in plain text)")
        }

        // Checked on what was loaded, for a clear message before anything is locked…
        if case .failure(let f) = Logbook.logging(input, on: target, today: today, makeID: { UUID() }) {
            throw CLIFailure.input(Self.message(for: f))
        }
        // …then done again under the store's lock on the file as it is now, so sessions others
        // saved since it was read are kept: a log never conflicts.
        let ref: RecordRef
        switch target {
        case .coaching(let e): ref = RecordRef(kind: .coaching, id: e.id)
        case .mentoring(let r): ref = RecordRef(kind: .mentoring, id: r.id)
        }
        let updated: SessionRecord
        let file: String
        var before = Set<UUID>()
        do {
            var logged: SessionRecord?
            file = try store.modify(ref) { current in
                let now: SessionRecord
                switch current {
                case .coaching(let e): now = .coaching(e)
                case .mentoring(let r): now = .mentoring(r)
                case .person, .assessment: throw CLIFailure.store("\(ref) is not an engagement or a relationship on disk")
                }
                before = Set(now.sessions.map(\.id))
                switch Logbook.logging(input, on: now, today: today, makeID: { UUID() }) {
                case .failure(let f): throw CLIFailure.input(Self.message(for: f))
                case .success(let record):
                    logged = record
                    switch record {
                    case .coaching(let e): return .coaching(e)
                    case .mentoring(let r): return .mentoring(r)
                    }
                }
            }.file
            updated = logged!
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure.store(error)
        }
        let names = PeopleIndex(loaded.snapshot.people)
        let who: String
        switch updated {
        case .coaching(let e): who = "\(names.name(e.coacheeID)) — \(e.focus)"
        case .mentoring(let r): who = "\(names.name(r.mentorID)) → \(names.name(r.menteeID))"
        }
        if json {
            let session = updated.sessions.first { !before.contains($0.id) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            emitJSON(String(decoding: try encoder.encode(session), as: UTF8.self))
        } else {
            emit("Logged \(mins) min on \(day.iso) for \(who) (\(file))")
        }
    }

    private func parse<T>(_ r: Result<T, InputError>, _ flag: String) throws -> T {
        switch r {
        case .success(let v): return v
        case .failure(let e): throw CLIFailure.input("\(flag): \(e.message)")
        }
    }

    /// The flag a session rule's field comes from ("nextDate" → "--next").
    /// Each problem on a line of its own, named by the flag that gave the value.
    static func message(for failure: Logbook.Failure) -> String {
        failure.problems.map { "\(flag(for: $0.field)): \($0.message)" }.joined(separator: "\n")
    }

    static func flag(for field: String) -> String {
        if field.hasPrefix("actionItems") { return "--action" }
        switch field {
        case "date": return "--date"
        case "minutes": return "--minutes"
        case "pulse": return "--pulse"
        case "nextDate": return "--next"
        case "notes": return "--note"
        case "metric": return "--metric"
        default: return field
        }
    }

    /// "Send the deck @fri" → text and due day.
    static func actionInput(_ s: String, today: Day) throws -> ActionInput {
        if let at = s.range(of: " @", options: .backwards) {
            let when = String(s[at.upperBound...])
            switch DateInput.parse(when, today: today) {
            case .success(let d): return ActionInput(text: String(s[..<at.lowerBound]), due: d)
            case .failure(let e): throw CLIFailure.input("--action \"\(s)\": \(e.message)")
            }
        }
        return ActionInput(text: s)
    }
}
