import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The session log form (`l`): date, minutes, notes (focused), topics, actions, one field per
/// metric, pulse, visibility, next date.
enum LogForm {
    /// The log form for a new session, or (with `session`) the form that edits a past one.
    static func make(for record: SessionRecord, session: Session? = nil, names: PeopleIndex, today: Day) -> Form {
        let lastMinutes = record.sessions.last?.minutes ?? 45
        var fields = [
            FormField("date", "Date", hint: "YYYY-MM-DD, today, yesterday, -3d, mon…sun", line: session?.date.iso ?? "today").date(),
            FormField("minutes", "Minutes", hint: "45, 1h, 1h30", line: String(session?.minutes ?? lastMinutes)),
            FormField("notes", "Notes", area: session?.notes ?? "", rows: 6),
            FormField("topics", "Topics", hint: "comma-separated", line: (session?.topics ?? []).joined(separator: ", ")),
            FormField("actions", "Actions", hint: "end with @date for a due day; " + RecordForms.itemHint,
                      items: actionItems(session?.actionItems ?? [], today: today)),
        ]
        let kind: RecordKind
        let title: String
        switch record {
        case .coaching(let e):
            kind = .coaching
            title = "Log session — \(names.name(e.coacheeID)): \(e.focus)"
            for m in e.metrics {
                let now = m.current.map { NumberInput.format($0, unit: m.unit) } ?? "no reading yet"
                let taken = session.flatMap { s in m.readings.last { $0.sessionID == s.id } }
                fields.append(FormField("metric:\(m.id.uuidString)", m.name,
                                        hint: "now \(now), target \(NumberInput.format(m.target, unit: m.unit)); blank = no reading",
                                        line: taken.map { NumberInput.format($0.value, unit: "") } ?? ""))
            }
        case .mentoring(let r):
            kind = .mentoring
            title = "Log session — \(names.name(r.mentorID)) → \(names.name(r.menteeID))"
        }
        fields += [
            FormField("pulse", "Pulse", hint: "how useful, 1–5; blank = not rated", line: session?.pulse.map(String.init) ?? ""),
            FormField("visibility", "Visibility", hint: "Space to change: private and partners are sealed", choices: ["private", "shared", "partners"],
                      selected: [Visibility.private, .shared, .partners].firstIndex(of: session?.visibility ?? .private) ?? 0),
            FormField("next", "Next session", hint: "a date, or blank", line: session?.nextDate?.iso ?? "").date(),
        ]
        let ref = RecordRefCodable(kind: kind.rawValue, id: record.id)
        guard let session else { return Form(kind: .log(ref), title: title, fields: fields, focus: "notes") }
        let editTitle = title.replacingOccurrences(of: "Log session — ", with: "Edit session of \(Format.shortDate(session.date, today: today)) — ")
        return Form(kind: .editSession(ref, session.id), title: editTitle, fields: fields, focus: "notes")
    }

    static func actionLine(_ a: ActionItem) -> String { a.text + (a.due.map { " @\($0.iso)" } ?? "") }

    static func actionItems(_ items: [ActionItem], today: Day) -> ItemList {
        ItemList(rows: items.map { a in
            ItemRow(id: a.id, text: actionLine(a), done: a.doneOn, original: actionLine(a),
                    history: a.doneOn.map { "was done on \(Format.shortDate($0, today: today))" })
        }, height: 3, noun: "action item")
    }

    /// The metrics whose reading field is untouched in an edit: their readings stay as they are.
    static func untouchedMetrics(_ form: Form, record: SessionRecord) -> Set<UUID> {
        guard case .coaching(let e) = record else { return [] }
        return Set(e.metrics.filter { form.isUnchanged("metric:\($0.id.uuidString)") }.map(\.id))
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

        // The session being edited, if this form edits one: untouched lines keep its values exactly.
        var editing: Session?
        if case .editSession(_, let sid) = form.kind { editing = record.sessions.first { $0.id == sid } }
        var actions: [ActionInput] = []
        for (n, row) in (form.items("actions")?.rows ?? []).enumerated() {
            let existing = row.id.flatMap { id in editing?.actionItems.first { $0.id == id } }
            if let a = existing, row.isUnchanged {
                actions.append(ActionInput(text: a.text, due: a.due, id: a.id, doneOn: row.done)); continue
            }
            let s = row.text.trimmingCharacters(in: .whitespaces)
            if s.isEmpty {
                if existing != nil { errors["actions"] = "action item \(n + 1) is empty: write it, or Ctrl-X removes it" }
                continue
            }
            let parts = RecordForms.splitDate(s, today: today)
            if let message = parts.error { errors["actions"] = "action item \(n + 1): \(message)"; continue }
            actions.append(ActionInput(text: parts.text, due: parts.day, id: existing?.id, doneOn: row.done))
        }

        var readings: [(metric: String, value: Double)] = []
        if case .coaching(let e) = record {
            for m in e.metrics {
                let id = "metric:\(m.id.uuidString)"
                let t = form.text(id).trimmingCharacters(in: .whitespaces)
                // An untouched reading field of an edited session keeps its readings as they are
                // (`untouchedMetrics`, given to `Logbook.editing`).
                if editing != nil, form.isUnchanged(id) { continue }
                guard !t.isEmpty else { continue }
                if let v = check(id, NumberInput.parse(t, unit: m.unit)) { readings.append((m.name, v)) }
            }
        }
        guard errors.isEmpty, let date, let minutes else { return .failure(FieldErrors(errors)) }
        let notes = editing.map { form.isUnchanged("notes") ? $0.notes : form.text("notes") } ?? form.text("notes")
        let topics = editing.flatMap { form.isUnchanged("topics") ? $0.topics : nil }
            ?? form.text("topics").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return .success(SessionInput(date: date, minutes: minutes, notes: notes, topics: topics, actions: actions,
                                     readings: readings, pulse: pulse,
                                     visibility: Visibility(rawValue: form.text("visibility")) ?? .private,
                                     nextDate: next))
    }
}
