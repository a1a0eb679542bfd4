import Foundation
import TandemCore
import TandemStore

/// The `:` command line: `:log <ref> <minutes> <note…>`, `:w`, `:q`, `:theme <name>`, `:sync`, `:help`.
enum Commands {
    static let summary = ":log <who> <minutes> <note…>   :w   :q   :theme <name>   :sync   :help"

    static func run(_ s: inout AppState, _ line: String) -> [Effect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let words = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first else { return [] }
        let rest = words.count > 1 ? words[1] : ""
        switch name {
        case "q", "quit", "q!":
            // Quits and drops what is kept unsaved, as `q`'s refusal said; nothing keeps it after.
            s.isQuitting = true
            s.unsaved.removeAll()
            return SaveFailure.dropKept(&s) + [.quit]
        case "wq", "x":
            // Saves what is kept unsaved once more; what still does not save is kept as a draft.
            let effects = s.unsaved.isEmpty ? [] : Sharing.retryUnsaved(&s)
            s.isQuitting = true
            return effects + [.quit]
        case "w", "write":
            if !s.unsaved.isEmpty { return Sharing.retryUnsaved(&s) }
            s.status = s.pending.isEmpty ? Status("All changes are on disk", .ok) : Status("Saving \(s.pending.count) change(s)…")
            return []
        case "help", "h":
            s.push(.help(HelpState(about: s.keyContext, keymap: s.keymap)))
            return []
        case "theme":
            guard !rest.isEmpty else { s.status = Status("Usage: :theme <name>, e.g. :theme light", .error); return [] }
            return [.setTheme(rest.trimmingCharacters(in: .whitespaces))]
        case "log":
            return log(&s, rest)
        case "sync":
            // Team sync through git, off the loop; the answer comes back as `.syncFinished`.
            if Editing.refuseIfReadOnly(&s) { return [] }
            s.status = Status("Syncing with git…")
            return [.sync]
        default:
            s.status = Status("Unknown command :\(name). Commands: \(summary)", .error)
            return []
        }
    }

    /// `:log ana 45 Talked through the pitch deck` logs a session dated today.
    static func log(_ s: inout AppState, _ args: String) -> [Effect] {
        if Editing.refuseIfReadOnly(&s) { return [] }
        let usage = "Usage: :log <who> <minutes> <note…>, e.g. :log ana 45 Went through the deck"
        let parts = args.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2 else { s.status = Status(usage, .error); return [] }
        let minutes: Int
        switch DurationInput.parse(parts[1]) {
        case .success(let m): minutes = m
        case .failure(let e): s.status = Status("\(e.message). \(usage)", .error); return []
        }
        let record: SessionRecord
        switch RecordQuery.resolve(parts[0], in: s.data) {
        case .success(let r): record = r
        case .failure(let f):
            s.status = Status(f.description.replacingOccurrences(of: "\n", with: " "), .error)
            return []
        }
        let input = SessionInput(date: s.today, minutes: minutes, notes: parts.count > 2 ? parts[2] : "")
        switch Logbook.logging(input, on: record, today: s.today, makeID: s.makeID) {
        case .failure(let f):
            s.status = Status("Not logged: \(f.description)", .error)
            return []
        case .success(let updated):
            let names = s.rows.people
            switch (record, updated) {
            case (.coaching(let before), .coaching(let after)):
                return apply(&s, Change(label: "Logged \(minutes) min session for \(names.name(after.coacheeID))",
                                        before: .coaching(before), after: .coaching(after)))
            case (.mentoring(let before), .mentoring(let after)):
                return apply(&s, Change(label: "Logged \(minutes) min session for \(names.name(after.mentorID)) → \(names.name(after.menteeID))",
                                        before: .mentoring(before), after: .mentoring(after)))
            default:
                return []
            }
        }
    }
}
