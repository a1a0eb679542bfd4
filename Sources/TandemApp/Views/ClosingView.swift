import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The closing dialog over the screen: how it ends, on which day, the outcome; and under the
/// fields what the record achieved, so the outcome written is a fair one.
enum ClosingView {
    static func render(_ c: ClosingState, _ s: AppState, _ layout: AppLayout, _ theme: Theme, into buf: inout ScreenBuffer) {
        let room = Rect(x: 0, y: 0, width: buf.width, height: max(0, buf.height - 2))
        let width = layout.formBoxWidth
        let labelWidth = AppLayout.formLabelWidth
        let fieldWidth = layout.formFieldWidth
        // The fields' rows: the editor, then a hint or an error line when focused or wrong.
        var fieldRows: [(field: Int, height: Int, note: Line?)] = []
        for (i, f) in c.fields.enumerated() {
            var rows = 1
            if case .area(_, let r) = f.editor { rows = r }
            let hint = f.id == "outcome" ? c.outcomeHint : f.hint
            var note: Line?
            if let e = c.errors[f.id] { note = [Span("✗ " + e, style: theme.style(.error))] }
            else if i == c.focus, !hint.isEmpty { note = [Span(hint, style: theme.style(.muted))] }
            fieldRows.append((i, rows, note))
        }
        let fieldsHeight = fieldRows.reduce(0) { $0 + $1.height + ($1.note == nil ? 0 : 1) }
        let facts = ClosingFacts.lines(c.ref, s, width: max(10, width - 4)).map { $0.styled(theme) }
        // Border, fields, a blank, the facts, a blank, the keys.
        let wanted = 2 + fieldsHeight + 1 + facts.count + 2
        let box = room.centered(width: width, height: min(room.height, wanted))
        buf.fill(box, style: theme.style(.overlay))
        Block(title: c.title, titleStyle: theme.style(.title), borderStyle: theme.style(.focus), focused: true)
            .render(into: &buf, area: box)
        let inner = box.inset(dx: 2, dy: 1)
        guard !inner.isEmpty else { return }
        var y = inner.y
        for b in fieldRows where y + b.height <= inner.bottom - 1 {
            let field = c.fields[b.field]
            let focused = b.field == c.focus
            let label = field.id == "outcome" ? c.outcomeLabel : field.label
            let labelStyle = focused ? theme.style(.focus).bold() : theme.style(c.errors[field.id] == nil ? .text : .error)
            buf.put(Text.truncate(label, to: labelWidth - 2), x: inner.x, y: y, style: labelStyle, maxX: inner.x + labelWidth)
            let editorArea = Rect(x: inner.x + labelWidth, y: y, width: min(fieldWidth, inner.right - inner.x - labelWidth), height: b.height)
            let input = theme.style(.input)
            let style = focused ? theme.style(.inputFocus) : Style(fg: input.fg, bg: theme.style(.overlay).bg, attrs: input.attrs)
            buf.fill(editorArea, style: focused ? style : theme.style(.overlay))
            switch field.editor {
            case .line(let f): f.render(into: &buf, area: editorArea, style: style, focused: focused)
            case .area(let a, _): a.render(into: &buf, area: editorArea, style: style, focused: focused)
            case .items: break // the closing dialog has no item lists
            case .choice(let choices, let sel):
                var x = editorArea.x
                for (j, word) in choices.enumerated() {
                    let st = j == sel ? style.reversed().bold() : theme.style(.muted).over(style)
                    x = buf.put(" \(word) ", x: x, y: editorArea.y, style: st, maxX: editorArea.right) + 1
                }
            }
            y += b.height
            if let note = b.note, y < inner.bottom - 1 {
                buf.put(line: Text.truncate(note, to: editorArea.width), x: editorArea.x, y: y, maxX: editorArea.right)
                y += 1
            }
        }
        // What it achieved, as much as fits; the detail (Enter, after Esc) has the rest.
        y += 1
        let factRows = max(0, inner.bottom - 2 - y)
        var shown = Array(facts.prefix(factRows))
        if facts.count > factRows, factRows > 0 {
            shown[factRows - 1] = [Span("… \(facts.count - factRows + 1) more lines: the record's detail has them all", style: theme.style(.muted))]
        }
        for line in shown {
            buf.put(line: Text.truncate(line, to: inner.width), x: inner.x, y: y, maxX: inner.right)
            y += 1
        }
        var help: Line = []
        for (key, label) in s.keymap.hints(for: .closing) {
            help += [Span(key, style: theme.style(.key)), Span(" \(label)  ", style: theme.style(.muted))]
        }
        buf.put(line: Text.truncate(help, to: inner.width), x: inner.x, y: inner.bottom - 1, maxX: inner.right)
    }
}

/// What a leader needs in front of them to write a fair outcome, without a theme (tests read
/// it as text): for coaching, the dates, sessions and time, each metric's baseline → final
/// against its target, and the objectives still open and done; for mentoring, how long and how
/// often they met, and the goals.
enum ClosingFacts {
    static func lines(_ ref: RecordRef, _ s: AppState, width: Int) -> [DocLine] {
        let names = s.rows.people
        var out: [DocLine] = []
        func hours(_ minutes: Int) -> String { "\(minutes / 60)h\(String(format: "%02d", minutes % 60))m" }
        func sessions(_ n: Int) -> String { n == 1 ? "1 session" : "\(n) sessions" }
        /// The latest session in a line: what was last said, to write the outcome from.
        func latest(_ list: [Session]) -> DocLine? {
            guard let last = list.max(by: { $0.date < $1.date }) else { return nil }
            let pulse = last.pulse.map { " · pulse \($0)/5" } ?? ""
            return [DocSpan("last session \(Format.shortDate(last.date, today: s.today))\(pulse): ", .muted),
                    DocSpan(Format.firstLine(last.notes).isEmpty ? "no notes" : Format.firstLine(last.notes), Format.firstLine(last.notes).isEmpty ? .muted : .text)]
        }
        switch s.data.value(of: ref) {
        case .coaching(let e)?:
            let days = e.daysToDeadline(today: s.today)
            let planned = e.plannedSessions.map { " of \($0) planned" } ?? ""
            out.append([DocSpan("\(e.start.iso) → \(e.deadline.iso) ", .muted),
                        DocSpan(days >= 0 ? "(\(Format.daysLeft(days)) before the deadline)" : "(\(Format.daysLeft(days)))", Format.deadlineRole(days)),
                        DocSpan(" · \(sessions(e.sessions.count))\(planned) · \(hours(e.minutesInvested))", .muted)])
            if let l = latest(e.sessions) { out.append(l) }
            let summary = ClosingSummary(e)
            out.append([])
            out.append([DocSpan("Metrics", .title, bold: true),
                        DocSpan(e.metrics.isEmpty ? "  none were set" : "  \(summary.reachedCount) of \(summary.metrics.count) reached the target", .muted)])
            let nameWidth = min(18, max(8, summary.metrics.map { Text.width($0.name) }.max() ?? 8))
            for m in summary.metrics {
                let final = m.final.map { Format.value($0, m.unit) } ?? "no reading"
                let way = m.progress.map { " (\(Int(($0 * 100).rounded()))% of the way)" } ?? ""
                out.append([DocSpan("  " + Text.pad(Text.truncate(m.name, to: nameWidth), to: nameWidth) + " "),
                            DocSpan(Format.value(m.baseline, m.unit) + " → ", .muted),
                            DocSpan(final, m.final == nil ? .muted : .text, bold: true),
                            DocSpan("  target " + Format.value(m.target, m.unit) + "  ", .muted),
                            m.reached ? DocSpan("✓ reached", .ok) : DocSpan("✗ not reached" + way, m.final == nil ? .muted : .warn)])
            }
            out.append([])
            out.append([DocSpan("Objectives", .title, bold: true),
                        DocSpan(e.objectives.isEmpty ? "  none were set"
                                : "  \(summary.doneObjectives.count) of \(e.objectives.count) done"
                                  + (summary.openObjectives.isEmpty ? "" : ", \(summary.openObjectives.count) still open"), .muted)])
            for o in summary.openObjectives { out.append([DocSpan("  [ ] ", .warn), DocSpan(o.text)]) }
            for o in summary.doneObjectives {
                out.append([DocSpan("  [x] ", .ok), DocSpan(o.text, .muted), DocSpan(o.doneOn.map { "  done \($0.iso)" } ?? "", .muted)])
            }
        case .mentoring(let r)?:
            let summary = MentoringSummary(r, names: names, today: s.today, settings: s.data.agency.settings)
            let last = r.lastMet == nil ? "never met · " : ""
            out.append([DocSpan("since \(r.start.iso) · every \(r.cadenceDays) days · \(sessions(r.sessions.count)) · \(hours(r.minutesInvested)) · \(last)", .muted),
                        DocSpan("\(summary.health.symbol) \(summary.health.label)", Format.role(summary.health))])
            if let p = r.pausedOn { out.append([DocSpan("paused on \(p.iso)", .muted)]) }
            if let l = latest(r.sessions) { out.append(l) }
            let achieved = r.goals.filter { $0.achievedOn != nil }
            out.append([])
            out.append([DocSpan("Goals", .title, bold: true),
                        DocSpan(r.goals.isEmpty ? "  none were set" : "  \(achieved.count) of \(r.goals.count) achieved", .muted)])
            for g in r.goals where g.achievedOn == nil {
                let passed = g.targetDate.map { $0 < s.today } ?? false
                out.append([DocSpan("  [ ] ", .warn), DocSpan(g.text),
                            DocSpan(g.targetDate.map { "  by \($0.iso)" + (passed ? " (passed)" : "") } ?? "", passed ? .danger : .muted)])
            }
            for g in achieved {
                out.append([DocSpan("  [x] ", .ok), DocSpan(g.text, .muted), DocSpan(g.achievedOn.map { "  achieved \($0.iso)" } ?? "", .muted)])
            }
            let open = r.openActionItems.count
            if open > 0 { out.append([DocSpan("\(open) action item\(open == 1 ? "" : "s") still open", .muted)]) }
        default:
            break
        }
        return out
    }
}
