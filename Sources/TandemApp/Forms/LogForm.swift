import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The session log form (`l`): date, minutes, notes (focused), topics, actions, one field per
/// metric, pulse, visibility, next date.
enum LogForm {
    static func make(for record: SessionRecord, names: PeopleIndex, today: Day) -> Form {
        let lastMinutes = record.sessions.last?.minutes ?? 45
        var fields = [
            FormField("date", "Date", hint: "YYYY-MM-DD, today, yesterday, -3d, mon…sun", line: "today"),
            FormField("minutes", "Minutes", hint: "45, 1h, 1h30", line: String(lastMinutes)),
            FormField("notes", "Notes", area: "", rows: 6),
            FormField("topics", "Topics", hint: "comma-separated", line: ""),
            FormField("actions", "Actions", hint: "one per line; end with @date for a due day", area: "", rows: 3),
        ]
        let kind: RecordKind
        let title: String
        switch record {
        case .coaching(let e):
            kind = .coaching
            title = "Log session — \(names.name(e.coacheeID)): \(e.focus)"
            for m in e.metrics {
                let now = m.current.map { NumberInput.format($0, unit: m.unit) } ?? "no reading yet"
                fields.append(FormField("metric:\(m.id.uuidString)", m.name,
                                        hint: "now \(now), target \(NumberInput.format(m.target, unit: m.unit)); blank = no reading",
                                        line: ""))
            }
        case .mentoring(let r):
            kind = .mentoring
            title = "Log session — \(names.name(r.mentorID)) → \(names.name(r.menteeID))"
        }
        fields += [
            FormField("pulse", "Pulse", hint: "how useful, 1–5; blank = not rated", line: ""),
            FormField("visibility", "Visibility", hint: "Space to change", choices: ["private", "shared"], selected: 0),
            FormField("next", "Next session", hint: "a date, or blank", line: ""),
        ]
        return Form(kind: .log(RecordRefCodable(kind: kind.rawValue, id: record.id)), title: title, fields: fields, focus: "notes")
    }

    /// The session input the form describes, or the errors to show at the fields.
    static func input(from form: Form, record: SessionRecord, today: Day) -> Result<SessionInput, FieldErrors> {
        var errors: [String: String] = [:]
        func check<T>(_ id: String, _ r: Result<T, InputError>) -> T? {
            switch r {
            case .success(let v): return v
            case .failure(let e): errors[id] = e.message; return nil
            }
        }
        let date = check("date", DateInput.parse(form.text("date"), today: today))
        let minutes = check("minutes", DurationInput.parse(form.text("minutes")))
        var pulse: Int?
        let pulseText = form.text("pulse").trimmingCharacters(in: .whitespaces)
        if !pulseText.isEmpty { pulse = check("pulse", NumberInput.parseInt(pulseText, range: Bounds.pulse, field: "pulse")) }
        var next: Day?
        let nextText = form.text("next").trimmingCharacters(in: .whitespaces)
        if !nextText.isEmpty { next = check("next", DateInput.parse(nextText, today: today)) }

        var actions: [ActionInput] = []
        for line in form.text("actions").split(separator: "\n", omittingEmptySubsequences: true) {
            let s = line.trimmingCharacters(in: .whitespaces)
            guard !s.isEmpty else { continue }
            if let at = s.range(of: " @", options: .backwards) {
                if let d = check("actions", DateInput.parse(String(s[at.upperBound...]), today: today)) {
                    actions.append(ActionInput(text: String(s[..<at.lowerBound]), due: d))
                }
            } else {
                actions.append(ActionInput(text: s))
            }
        }

        var readings: [(metric: String, value: Double)] = []
        if case .coaching(let e) = record {
            for m in e.metrics {
                let id = "metric:\(m.id.uuidString)"
                let t = form.text(id).trimmingCharacters(in: .whitespaces)
                guard !t.isEmpty else { continue }
                if let v = check(id, NumberInput.parse(t, unit: m.unit)) { readings.append((m.name, v)) }
            }
        }
        guard errors.isEmpty, let date, let minutes else { return .failure(FieldErrors(errors)) }
        let notes = form.text("notes")
        let topics = form.text("topics").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return .success(SessionInput(date: date, minutes: minutes, notes: notes, topics: topics, actions: actions,
                                     readings: readings, pulse: pulse,
                                     visibility: form.text("visibility") == "shared" ? .shared : .private,
                                     nextDate: next))
    }
}
