import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The needs assessment over the screen's body: the question (or the result) on the left, the
/// person's history (or the mentor suggestions) on the right.
enum AssessmentView {
    static func render(_ a: AssessmentState, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        guard let person = s.data.people.first(where: { $0.id == a.personID }) else { return }
        buf.fill(layout.body, style: theme.style(.background))
        if let result = a.result {
            renderResult(result, a, person, s, layout, theme, into: &buf)
        } else {
            renderQuestion(a, person, s, layout, theme, into: &buf)
        }
    }

    // MARK: A question

    static func renderQuestion(_ a: AssessmentState, _ person: Person, _ s: AppState, _ layout: AppLayout, _ theme: Theme,
                               into buf: inout ScreenBuffer) {
        let count = AssessmentQuestion.allCases.count
        let main = layout.assessmentMain
        let b = Block(title: "Needs assessment · \(person.name.printable) · \(a.step + 1)/\(count)", titleStyle: theme.style(.title),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: main)
        let inner = b.inner(main).inset(dx: 1, dy: 0)
        var lines: [Line] = [[]]
        let q = a.question
        lines += Paragraph(lines: [[Span(q.text, style: theme.style(.text).bold())]], wrap: true).rows(width: inner.width)
        lines.append([])
        var answerRow: Int?
        if q.isMonths {
            answerRow = lines.count
            lines.append([Span("Months: ", style: theme.style(.muted))])
            lines.append([Span("1–120; 12 or fewer is coaching’s months", style: theme.style(.muted))])
        } else {
            let given = a.answers[q]
            lines.append([Span(" y ", style: theme.style(.key).reversed()), Span(given == .yes ? " yes ✓   " : " yes     ", style: theme.style(given == .yes ? .ok : .text)),
                          Span(" n ", style: theme.style(.key).reversed()), Span(given == .no ? " no ✓" : " no", style: theme.style(given == .no ? .ok : .text))])
        }
        if let note = a.note {
            lines.append([])
            lines += Paragraph(lines: [[Span(note, style: theme.style(.warn))]], wrap: true).rows(width: inner.width)
        }
        lines.append([])
        lines.append([Span("Answers", style: theme.style(.title))])
        for (i, question) in AssessmentQuestion.allCases.enumerated() {
            let mark = i == a.step ? "▸ " : "  "
            let value = a.answers[question]?.description ?? "—"
            let style = theme.style(i == a.step ? .focus : a.answers[question] == nil ? .muted : .text)
            lines.append([Span(mark + Text.pad(question.label, to: 26), style: style), Span(value, style: style)])
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buf.put(line: Text.truncate(line, to: inner.width), x: inner.x, y: inner.y + i, maxX: inner.right)
        }
        if let row = answerRow, row < inner.height {
            let x = inner.x + Text.width("Months: ")
            a.months.render(into: &buf, area: Rect(x: x, y: inner.y + row, width: max(0, min(8, inner.right - x)), height: 1),
                            style: theme.style(.inputFocus), focused: true)
        }
        renderHistory(person, s, layout, theme, into: &buf)
    }

    static func renderHistory(_ person: Person, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let side = layout.assessmentSide
        let b = Block(title: "History", titleStyle: theme.style(.title), borderStyle: theme.style(.border), focused: false)
        b.render(into: &buf, area: side)
        let inner = b.inner(side).inset(dx: 1, dy: 0)
        let history = PersonHistory(person, in: s.data, today: s.today)
        var rows: [Line] = []
        for l in history.lines {
            let role: Role = l == "Coaching" ? .coaching : l == "Mentoring" ? .mentoring : l.hasPrefix("  ") ? .text : .muted
            rows += Paragraph(lines: [[Span(l.printable, style: theme.style(role))]], wrap: true).rows(width: inner.width)
        }
        for (i, line) in rows.prefix(inner.height).enumerated() {
            buf.put(line: line, x: inner.x, y: inner.y + i, maxX: inner.right)
        }
    }

    // MARK: The result

    static func renderResult(_ r: AssessmentResult, _ a: AssessmentState, _ person: Person, _ s: AppState, _ layout: AppLayout,
                             _ theme: Theme, into buf: inout ScreenBuffer) {
        let main = layout.assessmentMain
        let b = Block(title: "Assessment · \(person.name.printable)", titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: main)
        let inner = b.inner(main).inset(dx: 1, dy: 0)
        let role: Role = r.recommendation == .coaching ? .coaching : r.recommendation == .mentoring ? .mentoring : .title
        var lines: [Line] = [[Span("Recommendation: ", style: theme.style(.muted)), Span(r.recommendation.rawValue.uppercased(), style: theme.style(role).bold())]]
        func bar(_ label: String, _ n: Int, _ role: Role) -> Line {
            let full = NeedsAssessment.maxScore
            return [Span(Text.pad(label, to: 11), style: theme.style(.muted)),
                    Span(String(repeating: "█", count: n), style: theme.style(role)),
                    Span(String(repeating: "░", count: full - n), style: theme.style(.gaugeEmpty)),
                    Span(" \(n)/\(full)", style: theme.style(.text))]
        }
        lines.append(bar("coaching", r.coachingScore, .coaching))
        lines.append(bar("mentoring", r.mentoringScore, .mentoring))
        lines.append([])
        for sentence in r.rationale {
            lines += Paragraph(lines: [[Span("• " + sentence, style: theme.style(.text))]], wrap: true).rows(width: inner.width)
        }
        lines.append([])
        let saved = a.savedID.flatMap { id in s.files[RecordRef(kind: .assessment, id: id)] }
        lines.append([Span(saved.map { "Saved as \($0)" } ?? "Saved as an assessment record", style: theme.style(.ok))])
        // Past the bottom the rationale is cut; the last row says so.
        let room = inner.height
        let shown = lines.count > room ? Array(lines.prefix(max(0, room - 1))) + [[Span("…", style: theme.style(.muted))]] : lines
        for (i, line) in shown.enumerated() {
            buf.put(line: Text.truncate(line, to: inner.width), x: inner.x, y: inner.y + i, maxX: inner.right)
        }
        renderMentors(a, person, s, layout, theme, into: &buf)
    }

    static func renderMentors(_ a: AssessmentState, _ person: Person, _ s: AppState, _ layout: AppLayout, _ theme: Theme,
                              into buf: inout ScreenBuffer) {
        let side = layout.assessmentSide
        let b = Block(title: "Suggested mentors", titleStyle: theme.style(.mentoring), borderStyle: theme.style(.border), focused: false)
        b.render(into: &buf, area: side)
        let inner = b.inner(side).inset(dx: 1, dy: 0)
        let mentors = MentorMatch.candidates(for: person.id, in: s.data)
        var rows: [(line: Line, selected: Bool)] = []
        if mentors.isEmpty {
            rows.append(([Span("Nobody above \(person.level.rawValue) at the agency.", style: theme.style(.muted))], false))
        }
        for (i, c) in mentors.enumerated() {
            let selected = i == a.mentor
            let name = Text.truncate(c.person.name.printable, to: max(1, inner.width - 10))
            rows.append(([Span(selected ? "▸ " : "  ", style: theme.style(.focus)), Span(name, style: theme.style(c.atCapacity ? .muted : .text).bold()),
                          Span("  \(c.score)", style: theme.style(.muted)), Span(c.atCapacity ? " full" : "", style: theme.style(.warn))], selected))
            // The chosen one's reasons in full, wrapped; the others by name and score.
            if selected {
                for reason in c.reasons {
                    for (k, r) in Paragraph(lines: [[Span(reason.printable)]], wrap: true).rows(width: max(1, inner.width - 4)).enumerated() {
                        rows.append(([Span((k == 0 ? "  · " : "    ") + r.map(\.text).joined(), style: theme.style(.muted))], true))
                    }
                }
            }
        }
        // Keep the chosen mentor in sight.
        let first = rows.firstIndex { $0.selected } ?? 0
        let last = rows.lastIndex { $0.selected } ?? 0
        let offset = last < inner.height ? 0 : min(first, max(0, rows.count - inner.height))
        for (i, row) in rows.dropFirst(offset).prefix(inner.height).enumerated() {
            buf.put(line: Text.truncate(row.line, to: inner.width), x: inner.x, y: inner.y + i, maxX: inner.right)
        }
    }
}

/// The prep brief (`p` on a record), a box over the screen.
enum BriefView {
    static func lines(_ b: BriefState, _ s: AppState, width: Int) -> [String] {
        guard let record = s.data.value(of: b.ref)?.sessionRecord else { return ["This record is no longer loaded."] }
        let brief = PrepBrief(record, people: s.rows.people, today: s.today)
        return brief.lines(.text).flatMap { l -> [String] in
            guard width > 0, Text.width(l) > width else { return [l] }
            return Paragraph(lines: [[Span(l)]], wrap: true).rows(width: width).map { $0.map(\.text).joined() }
        }
    }

    static func render(_ b: BriefState, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let box = layout.briefBox
        guard !box.isEmpty else { return }
        let text = layout.briefText
        let all = lines(b, s, width: text.width)
        let offset = min(b.scroll, max(0, all.count - text.height))
        var shown: [Line] = [[]]
        shown += all.dropFirst(offset).prefix(text.height).map { l in
            let heading = !l.isEmpty && l == l.uppercased() && l.contains(where: \.isLetter) && !l.hasPrefix(" ")
            return [Span(l, style: theme.style(heading ? .title : .text))]
        }
        while shown.count < text.height + 1 { shown.append([]) }
        // The closing keys as the key table has them (a remap shows here too).
        let close = s.keymap.bindings.first { $0.context == .brief && $0.action == .back }?.keys.map(Keymap.name).joined(separator: " or ") ?? "Esc"
        let hint = "\(close) closes · tandem prep --format md prints it"
        shown.append([Span(all.count > text.height ? "↑↓ scroll · " + hint : hint, style: theme.style(.muted))])
        Modal(title: "Prep brief", lines: Array(shown.dropFirst()), width: box.width, height: box.height, style: theme.style(.overlay),
              borderStyle: theme.style(.focus), titleStyle: theme.style(.title)).render(into: &buf, area: buf.area)
    }
}
