import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem import`: people, engagements or relationships from a CSV file; meetings from a calendar.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import people, coaching or mentoring from CSV, or meetings from an .ics calendar.",
        discussion: """
        CSV: columns are found by their header (any case and spacing: "Start Date" is start date). \
        people need name; coaching needs coachee, focus, start, deadline and coach or external \
        coach; mentoring needs mentor, mentee, start and cadence days. Other columns are those \
        tandem export writes. People are found by name, in the store or earlier in the file. \
        Every row is checked as the forms check it; unless every row is valid nothing is \
        written, and each problem is listed with its row number (the header is row 1). \
        --skip-invalid imports the valid rows and lists the others. A record already in the store \
        (the same id, or the same name; coachee, focus and start; mentor, mentee and start) is \
        left as it is, so importing a file twice adds nothing the second time.

        ICS: each meeting becomes a session (private) on the open engagement or relationship \
        whose coachee or mentee it names, as an attendee or in the summary; each match is shown \
        with its reason. A meeting on a day that record already has a session is not logged twice.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case people, coaching, mentoring }

    @OptionGroup var data: DataDirOptions
    @Argument(help: ArgumentHelp("A .csv or .ics file.", valueName: "file"), completion: .file(extensions: ["csv", "ics"])) var file: String
    @Option(help: "What the CSV rows are: people, coaching or mentoring.") var kind: Kind?
    @Flag(help: "Show what would change, and write nothing.") var dryRun = false
    @Flag(help: "Import the valid rows and list the rows left out.") var skipInvalid = false

    var isCalendar: Bool { file.lowercased().hasSuffix(".ics") }

    func validate() throws {
        if isCalendar && kind != nil { throw ValidationError("--kind is for CSV files: a calendar's meetings become sessions") }
        if !isCalendar && kind == nil { throw ValidationError("give --kind people, coaching or mentoring for a CSV file") }
    }

    func run() throws {
        let today = try Clock.today()
        let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw CLIFailure.input("\(file): cannot read it (no such file, or not readable)")
        }
        // Like the dashboard's first run: an empty (or missing) data folder becomes a new store.
        let dir = data.resolved()
        if !FileManager.default.fileExists(atPath: dir.appendingPathComponent("tandem.json").path),
           ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).isEmpty {
            if dryRun {
                let empty = Snapshot(agency: Agency(name: "My agency"))
                if isCalendar { try importCalendar(bytes, store: nil, snapshot: empty, today: today) }
                else { try importCSV(bytes, store: nil, snapshot: empty, today: today) }
                return
            }
            do { try Store.create(at: dir, agency: Agency(name: "My agency", settings: UserConfig.load().config.storeSettings)).close() } catch { throw CLIFailure.store(error) }
        }
        let store = try Store.openSealing(dir, forEditing: !dryRun)
        defer { store.close() }
        if !dryRun, store.isReadOnly {
            throw CLIFailure.store("the store is read-only, nothing imported: \(store.readOnlyReason ?? "unknown reason")")
        }
        if isCalendar {
            let loaded: Loaded
            do { loaded = try store.load(scope: .open) } catch { throw CLIFailure.store(error) }
            try importCalendar(bytes, store: store, snapshot: loaded.snapshot, today: today)
        } else {
            // The records already there only say which rows are duplicates: the whole history of
            // the kind, without sessions (the people's names are remembered for the
            // new files' names). A row found there is compared with its record read whole.
            let kinds: Set<RecordKind> = switch kind! {
            case .people: [.person]
            case .coaching: [.person, .coaching]
            case .mentoring: [.person, .mentoring]
            }
            var files: [RecordRef: String] = [:]
            let lean: Snapshot
            do { lean = try store.loadReduced(kinds: kinds, files: &files) { $0.withoutSessions } } catch { throw CLIFailure.store(error) }
            try importCSV(bytes, store: store, snapshot: lean, today: today) { plan in
                let recordKind: RecordKind = kind == .coaching ? .coaching : .mentoring
                guard kind != .people else { return nil }
                let refs = Set(plan.kept.compactMap { $0.existingID.map { RecordRef(kind: recordKind, id: $0) } }).filter { files[$0] != nil }
                guard !refs.isEmpty else { return nil }
                var whole = lean
                do {
                    for (i, e) in whole.engagements.enumerated() where refs.contains(RecordRef(kind: .coaching, id: e.id)) {
                        if case .coaching(let full) = try store.readRecord(RecordRef(kind: .coaching, id: e.id), file: files[RecordRef(kind: .coaching, id: e.id)]!) { whole.engagements[i] = full }
                    }
                    for (i, r) in whole.relationships.enumerated() where refs.contains(RecordRef(kind: .mentoring, id: r.id)) {
                        if case .mentoring(let full) = try store.readRecord(RecordRef(kind: .mentoring, id: r.id), file: files[RecordRef(kind: .mentoring, id: r.id)]!) { whole.relationships[i] = full }
                    }
                } catch { throw CLIFailure.store(error) }
                return whole
            }
        }
    }

    /// `wholer` gives, for a plan made on `snapshot`, the snapshot with the records the plan
    /// found read whole (nil: nothing to change): the plan is then made again on it, so that
    /// what a row differs in is said against the record as it is, sessions' texts included.
    private func importCSV(_ bytes: Data, store: Store?, snapshot: Snapshot, today: Day,
                           wholer: (ImportPlan) throws -> Snapshot? = { _ in nil }) throws {
        let rows: [[String]]
        do { rows = try CSVText.decode(bytes, file: file) } catch { throw CLIFailure.input("\(error)") }
        guard let header = rows.first else { throw CLIFailure.input("\(file): is empty: expected a header row") }
        let ik = InteropKind(rawValue: kind!.rawValue)!
        var plan = CSVImport.plan(kind: ik, header: header, rows: Array(rows.dropFirst()), into: snapshot, today: today,
                                  makeID: { UUID() })
        // Made again on the records read whole only when it goes on (with problems and without
        // --skip-invalid nothing is imported, and the message names the problems only).
        if plan.fileProblems.isEmpty, plan.problems.isEmpty || skipInvalid, let whole = try wholer(plan) {
            plan = CSVImport.plan(kind: ik, header: header, rows: Array(rows.dropFirst()), into: whole, today: today,
                                  makeID: { UUID() })
        }
        if !plan.fileProblems.isEmpty {
            throw CLIFailure.input(plan.fileProblems.map { "\(file): \($0)" }.joined(separator: "\n")
                                   + "\nnothing imported")
        }
        if !plan.ignoredColumns.isEmpty {
            note("\(file): ignored column\(plan.ignoredColumns.count == 1 ? "" : "s") "
                 + plan.ignoredColumns.map { "\"\(CSVImport.visible($0))\"" }.joined(separator: ", "))
        }
        let problemLines = plan.problems.map { "\(file): \($0)" }
        if !plan.problems.isEmpty && !skipInvalid {
            let rowsWithProblems = Set(plan.problems.map(\.row)).count
            throw CLIFailure.input(problemLines.joined(separator: "\n") + "\nnothing imported: \(rowsWithProblems) of "
                                   + "\(plan.rowCount) rows cannot be taken (--skip-invalid imports the others)")
        }
        var out: [String] = []
        let verb = dryRun ? "would add" : "added"
        for a in plan.additions { out.append("\(verb): row \(a.row) \(a.label)") }
        for k in plan.kept {
            out.append(k.differences.isEmpty
                ? "already there: row \(k.row) \(k.label)"
                : "already there, left as it is: row \(k.row) \(k.label) (the file differs in \(k.differences.joined(separator: ", ")))")
        }
        if !plan.problems.isEmpty {
            out.append("skipped \(Set(plan.problems.map(\.row)).count) row(s):")
            out += problemLines.map { "  " + $0 }
        }
        if !dryRun, let store, !plan.additions.isEmpty {
            let total = plan.additions.count
            let showProgress = total >= 200
            let tty = isatty(2) == 1
            var lastShown = 0
            do {
                try store.importRecords(plan.additions) { done, total in
                    guard showProgress else { return }
                    if tty {
                        if done == total || done - lastShown >= 50 {
                            FileHandle.standardError.write(Data("\rimporting \(done)/\(total)".utf8) + (done == total ? Data("\n".utf8) : Data()))
                            lastShown = done
                        }
                    } else if done == total || done * 4 / total != lastShown * 4 / total {
                        note("importing \(done)/\(total)")
                        lastShown = done
                    }
                }
            } catch { throw CLIFailure.store(error) }
        }
        let noun = kind!.rawValue
        out.append((dryRun ? "dry run: would add " : "imported ") + "\(plan.additions.count) \(noun) record(s); "
                   + "\(plan.kept.count) already there; \(Set(plan.problems.map(\.row)).count) skipped"
                   + (dryRun ? "; nothing written" : ""))
        emit(out.joined(separator: "\n"))
    }

    private func importCalendar(_ bytes: Data, store: Store?, snapshot: Snapshot, today: Day) throws {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIFailure.input("\(file): is not UTF-8 text")
        }
        let (meetings, problems) = ICalendar.meetings(in: text)
        if !problems.isEmpty && (meetings.isEmpty || !skipInvalid) {
            throw CLIFailure.input(problems.map { "\(file): \($0)" }.joined(separator: "\n")
                                   + "\nnothing imported" + (meetings.isEmpty ? "" : " (--skip-invalid imports the readable meetings)"))
        }
        let plan = MeetingMatch.plan(meetings, in: snapshot, today: today, makeID: { UUID() })
        let names = PeopleIndex(snapshot.people)
        var out: [String] = []
        for m in plan.matches {
            out.append("\(dryRun ? "would log" : "logged"): \(m.meeting.day.iso) \(CSVImport.visible(m.meeting.summary)) "
                       + "→ \(MeetingMatch.describe(m.record, names)), \(m.session.minutes) min (\(m.reason))")
        }
        for s in plan.skipped {
            out.append("skipped: line \(s.meeting.line) \(s.meeting.day.iso) \(CSVImport.visible(s.meeting.summary)): \(s.reason)")
        }
        for p in problems { out.append("skipped, unreadable: \(file): \(p)") }
        if !dryRun, let store, !plan.matches.isEmpty {
            do { try store.logMeetings(plan.matches) } catch { throw CLIFailure.store(error) }
        }
        out.append((dryRun ? "dry run: would log " : "logged ") + "\(plan.matches.count) meeting(s) as sessions; "
                   + "\(plan.skipped.count) skipped" + (dryRun ? "; nothing written" : ""))
        emit(out.joined(separator: "\n"))
    }
}
