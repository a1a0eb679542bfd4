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
        public init(label: String, detail: String, value: String) { self.label = label; self.detail = detail; self.value = value }
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

    public init(title: String, fieldID: String, appendsLine: Bool, items: [Item]) {
        self.title = title; self.fieldID = fieldID; self.appendsLine = appendsLine; self.items = items
    }

    /// The items the filter keeps, in their order.
    public var shown: [Item] {
        let f = filter.text.trimmingCharacters(in: .whitespaces).searchKey
        return f.isEmpty ? items : items.filter { ($0.label + " " + $0.detail).searchKey.contains(f) }
    }
}

/// The people fields of the forms, and the metrics field.
let personFieldIDs: Set<String> = ["coachee", "coach", "mentor", "mentee", "manager"]

/// Ctrl-T in a form: the picker for the focused field.
func openPicker(_ s: inout AppState, _ form: Form) -> [Effect] {
    guard form.fields.indices.contains(form.focus) else { return [] }
    let field = form.fields[form.focus]
    let people = NameOrder.sorted(s.data.people.filter(\.isCurrent), by: \.name)
    switch field.id {
    case "metrics":
        let items = MetricTemplates.all(in: s.data).map { t in
            PickerState.Item(label: t.name, detail: "\(t.unit) · \(t.direction == .higherIsBetter ? "higher is better" : "lower is better")"
                + (t.source == .agency ? "" : " · used before"),
                value: RecordForms.metricLine(t.metric(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))))
        }
        s.push(.picker(PickerState(title: "Metric templates", fieldID: "metrics", appendsLine: true, items: items)))
    case "mentor":
        // Ranked for the mentee typed, when there is one; else everyone, by name.
        let mentee = form.text("mentee").trimmingCharacters(in: .whitespaces)
        if !mentee.isEmpty, case .success(let m) = PersonQuery.resolve(mentee, in: s.data.people) {
            let items = MentorMatch.candidates(for: m.id, in: s.data).map { c in
                PickerState.Item(label: c.person.name, detail: "\(c.score)\(c.atCapacity ? " · at capacity" : "") · " + c.reasons.prefix(2).joined(separator: " · "),
                                 value: c.person.name)
            }
            s.push(.picker(PickerState(title: "Mentors for \(m.name)", fieldID: "mentor", appendsLine: false, items: items)))
        } else {
            s.push(.picker(peoplePicker(people, field: field)))
        }
    case let id where personFieldIDs.contains(id):
        s.push(.picker(peoplePicker(people, field: field)))
    default:
        s.status = Status("Ctrl-T picks from a list in Metrics and in the people fields (Coachee, Coach, Mentor, Mentee, Manager)")
    }
    return []
}

private func peoplePicker(_ people: [Person], field: FormField) -> PickerState {
    PickerState(title: field.label, fieldID: field.id, appendsLine: false, items: people.map { p in
        PickerState.Item(label: p.name, detail: [p.level.rawValue, p.team].filter { !$0.isEmpty }.joined(separator: " · "), value: p.name)
    })
}

func updatePicker(_ s: inout AppState, _ p: inout PickerState, _ action: Action) {
    let count = p.shown.count
    switch action {
    case .down: p.selected = min(max(0, count - 1), p.selected + 1)
    case .up: p.selected = max(0, p.selected - 1)
    case .back: s.pop()
    case .submit:
        guard let item = p.shown[safe: p.selected] else {
            s.status = Status("Nothing matches “\(p.filter.text)”: Backspace widens the list, Esc closes it")
            return
        }
        s.pop()
        guard var form = s.form, let i = form.fields.firstIndex(where: { $0.id == p.fieldID }) else { return }
        let old = form.fields[i].text
        let text = p.appendsLine
            ? (old.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? item.value : old.replacingOccurrences(of: "\\n+$", with: "", options: .regularExpression) + "\n" + item.value)
            : item.value
        form.fields[i].setText(text)
        form.errors[p.fieldID] = nil
        s.form = form
        s.status = Status(p.appendsLine ? "Added \(item.label): set its baseline and target" : "\(form.fields[i].label): \(item.label)")
    default: break
    }
}

/// The picker over the form, centred.
enum PickerView {
    static func render(_ p: PickerState, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let width = max(0, min(s.width - 4, 76))
        let height = max(0, min(s.height - 2, 18))
        let visible = max(1, height - 5)
        let shown = p.shown
        var lines: [Line] = [[Span("Filter: ", style: theme.style(.muted)), Span(p.filter.text, style: theme.style(.inputFocus))], []]
        let offset = max(0, min(p.selected - visible + 1, shown.count - visible))
        for (k, item) in shown.enumerated().dropFirst(max(0, offset)).prefix(visible) {
            let selected = k == p.selected
            lines.append([Span(selected ? "▸ " : "  ", style: theme.style(.focus)),
                          Span(item.label.printable, style: theme.style(selected ? .focus : .text).bold()),
                          Span("  " + item.detail.printable, style: theme.style(.muted))])
        }
        if shown.isEmpty { lines.append([Span("  nothing matches", style: theme.style(.muted))]) }
        while lines.count < visible + 2 { lines.append([]) }
        lines.append([Span("type to filter · ↑↓ choose · Enter picks · Esc closes", style: theme.style(.muted))])
        Modal(title: p.title, lines: lines, width: width, height: height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}
