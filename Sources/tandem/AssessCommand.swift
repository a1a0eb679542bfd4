import ArgumentParser
import Foundation
import TandemCore
import TandemStore

/// `tandem assess PERSON`: the needs assessment at the prompt, or from `--answer`s for scripts.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess whether a person needs coaching, mentoring or both.",
        discussion: """
        PERSON is an id, an id prefix or part of a name (any case, accents optional). At a \
        terminal the questions not given with --answer are asked one by one; otherwise every \
        answer must be given: --answer KEY=VALUE with the keys gap, measurable, urgent, new, \
        career, knowledge, transition, succession (yes or no) and horizon (months, 1–120). \
        Prints the recommendation, a coaching and a mentoring score (0–10) and the reasons; \
        --save stores it as an assessment record.
        """
    )

    @OptionGroup var data: DataDirOptions
    @Argument(help: ArgumentHelp("The person to assess.", valueName: "person")) var person: String
    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("An answer, KEY=VALUE: gap=yes, horizon=6 (repeatable).", valueName: "key=value"))
    var answer: [String] = []
    @Flag(help: "Print {recommendation, coachingScore, mentoringScore, rationale} as JSON.") var json = false
    @Flag(help: "Store the assessment as a record.") var save = false

    func run() throws {
        var answers = AssessmentAnswers()
        for a in answer {
            switch NeedsAssessment.parseAssignment(a) {
            case .success(let (q, v)):
                if let earlier = answers[q], earlier != v {
                    throw CLIFailure.input("--answer \(q.rawValue) is given twice (\(earlier.token) and \(v.token)): give it once")
                }
                answers[q] = v
            case .failure(let e): throw CLIFailure.input("--answer \(e.message)")
            }
        }
        let today = try Clock.today()
        let store = try Store.openForCLI(data.resolved(), forEditing: save)
        defer { store.close() }
        if save && store.isReadOnly {
            throw CLIFailure.store("the store is read-only, nothing saved: \(store.readOnlyReason ?? "unknown reason")")
        }
        // The whole history without sessions: the person's history names and dates records.
        // The people's names are remembered, so a saved assessment's file is named as after `load`.
        var files: [RecordRef: String] = [:]
        let snapshot: Snapshot
        do { snapshot = try store.loadReduced(kinds: Set(RecordKind.allCases), files: &files) { $0.withoutSessions } } catch { throw CLIFailure.store(error) }
        let who: Person
        switch PersonQuery.resolve(person, in: snapshot.people) {
        case .success(let p): who = p
        case .failure(let f): throw CLIFailure.input("PERSON: \(f)")
        }

        if !answers.isComplete {
            guard isatty(0) == 1 else {
                let missing = answers.missing.map(\.rawValue).joined(separator: ", ")
                throw CLIFailure.input("missing answers: \(missing); give each as --answer KEY=VALUE "
                    + "(e.g. --answer gap=yes --answer horizon=6), or run at a terminal to be asked")
            }
            try interview(&answers, person: who, snapshot: snapshot, today: today)
        }

        let result = NeedsAssessment.evaluate(answers, level: who.level, name: who.name)
        var file: String?
        if save {
            let record = NeedsAssessment.record(id: UUID(), person: who, date: today, answers: answers, result: result)
            let problems = Validation.problems(in: record)
            if !problems.isEmpty { throw CLIFailure.input(problems.map(\.description).joined(separator: "\n")) }
            do {
                switch try store.save(.assessment(record)) {
                case .saved(let f), .merged(_, let f): file = f
                case .conflict(let c): throw CLIFailure.store("\(c.file) changed on disk while saving; nothing saved")
                }
            } catch let f as CLIFailure { throw f } catch { throw CLIFailure.store(error) }
        }

        if json {
            struct Out: Encodable {
                var recommendation: String
                var coachingScore: Int
                var mentoringScore: Int
                var rationale: [String]
                var file: String?
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let out = Out(recommendation: result.recommendation.rawValue, coachingScore: result.coachingScore,
                          mentoringScore: result.mentoringScore, rationale: result.rationale, file: file)
            emitJSON(String(decoding: try encoder.encode(out), as: UTF8.self))
        } else {
            var lines = ["\(who.name.printable): \(result.recommendation.rawValue) "
                + "(coaching \(result.coachingScore)/\(NeedsAssessment.maxScore), mentoring \(result.mentoringScore)/\(NeedsAssessment.maxScore))"]
            lines += result.rationale.map { "  - " + $0.printable }
            if let file { lines.append("Saved \(file)") }
            emit(lines.joined(separator: "\n"))
        }
    }

    /// Asks each missing question on stderr and reads the answer from stdin, asking again
    /// after an answer it cannot read.
    private func interview(_ answers: inout AssessmentAnswers, person: Person, snapshot: Snapshot, today: Day) throws {
        func say(_ s: String) { FileHandle.standardError.write(Data(TerminalSafeText.clean(s).utf8)) }
        let history = PersonHistory(person, in: snapshot, today: today)
        say("Needs assessment: \(person.name.printable)\n" + history.lines.map { "  \($0.printable)\n" }.joined() + "\n")
        let missing = answers.missing
        for (i, q) in missing.enumerated() {
            while true {
                say("[\(i + 1)/\(missing.count)] \(q.text) (\(q.isMonths ? "months" : "y/n")) ")
                guard let line = readLine() else { throw CLIFailure.input("the answers ended before \(q.rawValue); nothing saved") }
                switch NeedsAssessment.parse(line, for: q) {
                case .success(let v): answers[q] = v
                case .failure(let e): say("  \(e.message)\n"); continue
                }
                break
            }
        }
        say("\n")
    }
}
