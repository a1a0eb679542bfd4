import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// A filterable list over a form (Ctrl-T): pick a metric template into Metrics, a ranked mentor
/// into Mentor, a person into the other people fields. Typing filters (case and accents
/// ignored); Enter puts the choice into the field; Esc leaves the field as it was.
public struct PickerState: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        /// What the list shows.
        public var label: String
        /// A few words after it (score, unit, reasons).
        public var detail: String
        /// What goes into the field.
        public var value: String
        /// The person the item stands for, in a people field (the field keeps the id).
        public var personID: UUID?
        /// Every reason behind a ranked mentor, shown under the list for the selected one.
        public var reasons: [String]
        /// What the filter looks in (the label and detail unless set).
        public var match: String
        public init(label: String, detail: String, value: String, personID: UUID? = nil, reasons: [String] = [], match: String? = nil) {
            self.label = label; self.detail = detail; self.value = value
            self.personID = personID; self.reasons = reasons; self.match = match ?? (label + " " + detail)
        }
    }

    public var title: String
    /// The form field the choice goes into.
    public var fieldID: String
    /// Whether the choice is added as a new line (Metrics) rather than replacing the text.
    public var appendsLine: Bool
    public var items: [Item]
    public var filter = LineField(text: "")
    /// Index into `shown`.
    public var selected = 0
    /// Opened by typing in the field: Esc keeps what was typed in the field (marked if it names
    /// nobody) instead of dropping it.
    public var typed = false
    /// The coach field: "external: Name" is a choice of its own.
    public var allowsExternal = false
    /// What Enter says when nothing matches the filter, after “Nothing picked:”.
    public var nothingMatches = "nobody matches"

    public init(title: String, fieldID: String, appendsLine: Bool, items: [Item]) {
        self.title = title; self.fieldID = fieldID; self.appendsLine = appendsLine; self.items = items
    }

    /// The items the filter keeps, in their order (an "external: Name" typed in the coach
    /// field is the last one).
    public var shown: [Item] {
        let typed = filter.text.trimmingCharacters(in: .whitespaces)
        let f = typed.searchKey
        var out = f.isEmpty ? items : items.filter { $0.match.searchKey.contains(f) }
        if allowsExternal, let name = PickerState.externalName(typed), !name.isEmpty {
            out.append(Item(label: "external: \(name)", detail: "a coach from outside the agency", value: "external: \(name)"))
        }
        return out
    }

    /// The name after "external:" (any case), when the text starts with it.
    static func externalName(_ text: String) -> String? {
        guard text.lowercased().hasPrefix("external:") else { return nil }
        return text.dropFirst("external:".count).trimmingCharacters(in: .whitespaces)
    }
}

/// The people fields of the forms (each picks through the picker), and the metrics field.
let personFieldIDs: Set<String> = ["coachee", "coach", "mentor", "mentee", "manager"]

/// The focused field, when it is a one-line people field.
func focusedPersonField(_ form: Form) -> FormField? {
    guard let f = form.fields[safe: form.focus], personFieldIDs.contains(f.id), case .line = f.editor else { return nil }
    return f
}

/// A key that types a character (not a control key, not a new line).
func isTypedCharacter(_ key: Key) -> Character? {
    guard case .char(let c) = key, !c.isNewline, let v = c.unicodeScalars.first?.value, v >= 0x20, v != 0x7F else { return nil }
    return c
}

/// Whether Enter in a people field opens the picker: nobody picked, and the text names no one person.
func needsPicking(_ field: FormField, _ s: AppState) -> Bool {
    guard field.personID == nil else { return false }
    let t = field.text.trimmingCharacters(in: .whitespaces)
    if field.id == "coach", PickerState.externalName(t).map({ !$0.isEmpty }) == true { return false }
    if case .success = RecordForms.findPerson(t, in: s.data.people) { return false }
    return true
}

/// Ctrl-T in a form (or typing, or Enter, in a people field): the picker for the focused field.
/// `filter` starts the filter (what was typed); `typed` says it was opened by typing.
func openPicker(_ s: inout AppState, _ form: Form, filter: String = "", typed: Bool = false) -> [Effect] {
    guard form.fields.indices.contains(form.focus) else { return [] }
    let field = form.fields[form.focus]
    let people = NameOrder.sorted(s.data.people.filter(\.isCurrent), by: \.name)
    var picker: PickerState
    switch field.id {
    case "metrics":
        let items = MetricTemplates.all(in: s.data).map { t in
            PickerState.Item(label: t.name, detail: "\(t.unit) · \(t.direction == .higherIsBetter ? "higher is better" : "lower is better")"
                + (t.source == .agency ? "" : " · used before"),
                value: RecordForms.metricLine(t.metric(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))))
        }
        picker = PickerState(title: "Metric templates", fieldID: "metrics", appendsLine: true, items: items)
        picker.nothingMatches = "no template matches"
    case "mentor":
        // Ranked for the mentee chosen, when there is one; else everyone, by name.
        if let mentee = chosenPerson(form, "mentee", s) {
            picker = PickerState(title: "Mentors for \(mentee.name), best first", fieldID: "mentor", appendsLine: false,
                                 items: MentorMatch.candidates(for: mentee.id, in: s.data).map(mentorItem))
            picker.nothingMatches = "no mentor ranked for \(mentee.name) matches"
        } else {
            picker = peoplePicker(people, field: field)
            picker.title = "Mentor · pick the mentee first to rank them"
        }
    case let id where personFieldIDs.contains(id):
        picker = peoplePicker(people, field: field)
        if id == "coach" {
            picker.allowsExternal = true
            picker.title = "Coach · or type external: Name"
        }
    default:
        s.status = Status("Ctrl-T picks from a list in Metrics and in the people fields (Coachee, Coach, Mentor, Mentee, Manager)")
        return []
    }
    picker.typed = typed
    picker.filter = LineField(text: filter)
    // The person the field holds is selected, when the list opens unfiltered.
    if filter.isEmpty, let id = field.personID, let i = picker.shown.firstIndex(where: { $0.personID == id }) { picker.selected = i }
    s.push(.picker(picker))
    return []
}

/// The person a people field of the form stands for: the one picked, else the one its text names.
private func chosenPerson(_ form: Form, _ id: String, _ s: AppState) -> Person? {
    guard let field = form.fields.first(where: { $0.id == id }) else { return nil }
    if let picked = field.personID, let p = s.data.people.first(where: { $0.id == picked }) { return p }
    let t = field.text.trimmingCharacters(in: .whitespaces)
    guard !t.isEmpty, case .success(let pid) = RecordForms.findPerson(t, in: s.data.people) else { return nil }
    return s.data.people.first { $0.id == pid }
}

/// A ranked mentor as a picker row: the score, marked at capacity, the reasons beneath.
private func mentorItem(_ c: MentorCandidate) -> PickerState.Item {
    let lead = c.atCapacity ? "AT CAPACITY \(c.load.text) · score \(c.score)" : "score \(c.score)"
    // The seniority reason comes first and says least: the gist is expertise and room.
    let gist = c.reasons.dropFirst().filter { !$0.hasPrefix("at capacity") }.prefix(2).joined(separator: " · ")
    return PickerState.Item(label: c.person.name, detail: "\(lead) · \(gist)", value: c.person.name,
                            personID: c.person.id, reasons: c.reasons,
                            match: ([c.person.name] + c.person.expertise).joined(separator: " "))
}

private func peoplePicker(_ people: [Person], field: FormField) -> PickerState {
    var p = PickerState(title: field.label, fieldID: field.id, appendsLine: false, items: people.map { p in
        PickerState.Item(label: p.name, detail: [p.level.rawValue, p.team, p.role].filter { !$0.isEmpty }.joined(separator: " · "), value: p.name,
                         personID: p.id, match: p.name)
    })
    p.nothingMatches = "nobody at the agency matches"
    return p
}

func updatePicker(_ s: inout AppState, _ p: inout PickerState, _ action: Action) {
    let count = p.shown.count
    switch action {
    case .down: p.selected = min(max(0, count - 1), p.selected + 1)
    case .up: p.selected = max(0, p.selected - 1)
    case .back:
        s.pop()
        keepTyping(&s, p)
    case .submit, .nextField:
        guard let item = p.shown[safe: p.selected] else {
            // What was typed stays in the filter, to correct.
            s.status = Status("Nothing picked: \(p.nothingMatches) “\(p.filter.text)” · Esc keeps it", .error)
            return
        }
        s.pop()
        guard var form = s.form, let i = form.fields.firstIndex(where: { $0.id == p.fieldID }) else { return }
        let old = form.fields[i].text
        let text = p.appendsLine
            ? (old.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? item.value : old.replacingOccurrences(of: "\\n+$", with: "", options: .regularExpression) + "\n" + item.value)
            : item.value
        form.fields[i].setText(text)
        form.fields[i] = form.fields[i].picking(item.personID)
        form.errors[p.fieldID] = nil
        // A person picked: on to the next field, as Enter does in a form.
        if (!p.appendsLine || action == .nextField), form.focus == i { form.moveFocus(by: 1) }
        s.form = form
        s.status = Status(p.appendsLine ? "Added \(item.label): set its baseline and target" : "\(form.fields[i].label): \(item.value)")
    default: break
    }
}

/// Esc on a picker opened by typing: the text typed goes into the field, marked when it names
/// nobody, so nothing typed is lost and nothing unknown is saved.
private func keepTyping(_ s: inout AppState, _ p: PickerState) {
    let typed = p.filter.text
    guard p.typed, !typed.trimmingCharacters(in: .whitespaces).isEmpty,
          var form = s.form, let i = form.fields.firstIndex(where: { $0.id == p.fieldID }) else { return }
    form.fields[i].setText(typed)
    form.fields[i].picked = nil
    if p.allowsExternal, PickerState.externalName(typed).map({ !$0.isEmpty }) == true {
        form.errors[p.fieldID] = nil
    } else if case .failure(let e) = RecordForms.findPerson(typed.trimmingCharacters(in: .whitespaces), in: s.data.people) {
        form.errors[p.fieldID] = e.message
        s.status = Status("\(form.fields[i].label) keeps “\(typed)”: \(e.message)", .error)
    }
    s.form = form
}

/// The picker over the form, centred: the filter, the list, and for a ranked mentor the
/// reasons of the one selected.
enum PickerView {
    static func render(_ p: PickerState, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = max(0, min(s.width - 4, 76))
        let height = max(0, min(s.height - 2, 18))
        let shown = p.shown
        let reasons = shown[safe: p.selected]?.reasons ?? []
        let hasReasons = p.items.contains { !$0.reasons.isEmpty }
        // The reasons take up to seven rows under the list (a blank row, then one a line), if the box has room.
        let reasonRows = hasReasons ? min(7, max(0, height - 5 - 3)) : 0
        let visible = max(1, height - 5 - reasonRows)
        var lines: [Line] = [[Span("Filter: ", style: theme.style(.muted)), Span(p.filter.text.printable, style: theme.style(.inputFocus))], []]
        let offset = max(0, min(p.selected - visible + 1, shown.count - visible))
        for (k, item) in shown.enumerated().dropFirst(max(0, offset)).prefix(visible) {
            let selected = k == p.selected
            lines.append([Span(selected ? "▸ " : "  ", style: theme.style(.focus)),
                          Span(item.label.printable, style: theme.style(selected ? .focus : .text).bold()),
                          Span("  " + item.detail.printable, style: theme.style(item.detail.hasPrefix("AT CAPACITY") ? .warn : .muted))])
        }
        if shown.isEmpty { lines.append([Span("  nothing matches “\(p.filter.text.printable)”", style: theme.style(.warn))]) }
        while lines.count < visible + 2 { lines.append([]) }
        if reasonRows > 0 {
            let name = shown[safe: p.selected]?.label ?? ""
            lines.append([Span(reasons.isEmpty ? "" : "Why \(name.printable):", style: theme.style(.muted))])
            for r in reasons.prefix(reasonRows - 1) { lines.append([Span("  " + r.printable, style: theme.style(.text))]) }
            while lines.count < visible + 2 + reasonRows { lines.append([]) }
        }
        lines.append([Span("type to filter · ↑↓ choose · Enter picks · Esc closes", style: theme.style(.muted))])
        Modal(title: p.title, lines: lines, width: width, height: height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}
