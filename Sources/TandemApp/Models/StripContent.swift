import TandemCore
import TandemStore
import TerminalUI

/// What the detail strip says of the selected record, without a theme: the layout sizes the
/// strip by it and `DetailStrip` colors it. The left half holds the record's measures (metrics
/// or goals, then open objectives); the right half what needs doing (a stalled engagement,
/// what is past its date, the latest session and its notes, the open action items, the next
/// session, earlier sessions). Lines are already wrapped to the half's width.
struct StripContent: Equatable {
    var title: String
    var titleRole: Role
    var left: [DocLine] = []
    var right: [DocLine] = []

    /// The most rows the strip's content takes (without its border).
    var height: Int { max(left.count, right.count) }

    /// The width of each half of a strip `width` columns wide (border and the gap between).
    static func halfWidth(_ width: Int) -> Int { max(1, (width - 2 - 2) / 2) }

    /// The strip for the selected record on the dashboard, or `nil` when nothing is selected;
    /// built once per record, data version, width and day (`StripContents`).
    static func of(_ s: AppState, width: Int) -> StripContent? {
        guard let ref = s.selectedRecord else { return nil }
        let key = StripContents.Key(ref: ref, dataVersion: s.dataVersion, width: width, today: s.today)
        return s.stripContents.content(key) { build(ref, s, width: width) }
    }

    static func build(_ ref: RecordRef, _ s: AppState, width: Int) -> StripContent? {
        guard let value = s.data.value(of: ref) else { return nil }
        let half = halfWidth(width)
        let names = s.rows.people
        let today = s.today
        let settings = s.data.agency.settings
        var c: StripContent
        let sessions: [Session]
        let actions: [ActionItem]
        switch value {
        case .coaching(let e):
            c = StripContent(title: "\(names.name(e.coacheeID)) · \(e.focus)", titleRole: .coaching)
            if e.status != .active { c.left.append(quietLine(e, today: today)) }
            c.left += MetricLines.of(e, today: today)
            if e.metrics.isEmpty { c.left.append([DocSpan("No metrics yet: e adds some", .muted)]) }
            let open = e.objectives.filter { $0.doneOn == nil }
            if !e.objectives.isEmpty {
                c.left.append([DocSpan("Objectives ", .muted), DocSpan("\(e.objectives.count - open.count) of \(e.objectives.count) done", .text)])
                for o in open { c.left += wrap([DocSpan("○ ", .muted), DocSpan(o.text)], width: half, indent: 2) }
            }
            // Momentum fades after the first sessions: say so before the deadline does.
            if e.hasMomentumAlert(today: today, momentumDays: settings.momentumDays) {
                c.right.append([DocSpan("⚠ no session for \(e.daysSinceActivity(today: today)) days", .warn, bold: true),
                                DocSpan(" — l logs one", .muted)])
            }
            sessions = e.sessions
            actions = e.openActionItems
            let late = e.overdueActionItems(today: today).count
            if late > 0 { c.right.append([DocSpan("⚑ \(late) action\(late == 1 ? "" : "s") past due", .danger, bold: true)]) }
            if let next = e.nextSessionDate(today: today) {
                c.right.append([DocSpan("Next session ", .muted), DocSpan(Format.shortDate(next, today: today))])
            }
        case .mentoring(let r):
            c = StripContent(title: "\(names.name(r.mentorID)) → \(names.name(r.menteeID)) · every \(r.cadenceDays) days", titleRole: .mentoring)
            if let since = r.pausedOn, r.status == .paused {
                c.left.append([DocSpan("‖ paused since \(Format.shortDate(since, today: today))", .muted, bold: true)])
            }
            let streak = r.streak(today: today, settings: settings)
            if !r.focusAreas.isEmpty || streak > 0 {
                c.left += wrap([DocSpan("focus ", .muted), DocSpan(r.focusAreas.joined(separator: ", ")),
                                DocSpan(streak > 0 ? "  streak \(streak)" : "", .ok)], width: half)
            }
            for g in r.goals {
                let late = g.isOverdue(today: today)
                c.left += wrap([DocSpan(g.achievedOn == nil ? "○ " : "● ", g.achievedOn == nil ? .muted : .ok), DocSpan(g.text),
                                DocSpan(g.targetDate.map { "  by \(Format.shortDate($0, today: today))" } ?? "", late ? .danger : .muted),
                                DocSpan(late ? " ⚑ past target" : "", .danger)], width: half, indent: 2)
            }
            if r.goals.isEmpty { c.left.append([DocSpan("No goals yet: e adds some", .muted)]) }
            sessions = r.sessions
            actions = r.openActionItems
            let late = r.overdueActionItems(today: today).count
            if late > 0 { c.right.append([DocSpan("⚑ \(late) action\(late == 1 ? "" : "s") past due", .danger, bold: true)]) }
        case .person, .assessment:
            return StripContent(title: "Selected", titleRole: .title)
        }
        if let last = sessions.last {
            c.right.append([DocSpan("Latest ", .muted),
                            DocSpan("\(Format.shortDate(last.date, today: today)) · \(last.minutes) min"),
                            DocSpan(last.pulse.map { " · pulse \($0)/5" } ?? "", .muted)])
            // The note's first lines, wrapped; the detail has the rest.
            // Only as much of a long note as three rows can show is wrapped.
            let text = leading(last.notes.split(separator: "\n").joined(separator: " "), columns: 6 * half)
            let note = wrap([DocSpan(text)], width: half)
            c.right += note.prefix(3)
        } else {
            c.right.append([DocSpan("No sessions yet: l logs the first", .muted)])
        }
        for a in actions {
            let late = a.isOverdue(today: today)
            c.right += wrap([DocSpan("• ", .muted), DocSpan(a.text),
                             DocSpan(a.due.map { "  due \(Format.shortDate($0, today: today))" } ?? "", late ? .danger : .muted)],
                            width: half, indent: 2)
        }
        // Earlier sessions, newest first, a line each: the room a tall strip has.
        let earlier = sessions.dropLast().suffix(6).reversed()
        if !earlier.isEmpty { c.right.append([DocSpan("Earlier sessions", .muted)]) }
        for e in earlier {
            // One line each, the note's start: the detail (Enter) has the whole story.
            let head = "  \(Format.shortDate(e.date, today: today)) · \(e.minutes) min  "
            c.right.append([DocSpan(head, .muted), DocSpan(Text.truncate(Format.firstLine(e.notes), to: max(1, half - Text.width(head))))])
        }
        // Nothing is cut: every line wraps to its half.
        c.left = c.left.flatMap { wrap($0, width: half, indent: 2) }
        c.right = c.right.flatMap { wrap($0, width: half, indent: 2) }
        return c
    }

    /// "planned · starts 3 Dec", "on hold since 31 Oct": the state of a quiet engagement.
    static func quietLine(_ e: CoachingEngagement, today: Day) -> DocLine {
        switch e.status {
        case .planned:
            return [DocSpan("planned", .muted, bold: true),
                    DocSpan(e.start > today ? " · starts \(Format.shortDate(e.start, today: today))" : " · not started", .muted)]
        case .onHold:
            let since = e.history.last { $0.status == .onHold }?.date
            return [DocSpan("on hold", .muted, bold: true), DocSpan(since.map { " since \(Format.shortDate($0, today: today))" } ?? "", .muted)]
        default:
            return [DocSpan(e.status.label, .muted, bold: true)]
        }
    }

    /// The start of `text` holding `columns` columns of non-space text (and what comes up to
    /// there): enough for the first rows of `wrap` at a width of a sixth of it or less to come
    /// out as they would from the whole text, without wrapping a long note grapheme by grapheme.
    static func leading(_ text: String, columns: Int) -> String {
        var used = 0
        var end = text.startIndex
        while end < text.endIndex, used <= columns {
            let g = text[end]
            if g != " " { used += Text.width(String(g)) }
            end = text.index(after: end)
        }
        return end == text.endIndex ? text : String(text[..<end])
    }

    /// A line wrapped at spaces to `width` (mid-word only for a word longer than a row),
    /// later rows indented by `indent`; each piece keeps its role.
    static func wrap(_ line: DocLine, width: Int, indent: Int = 0) -> [DocLine] {
        typealias Piece = (text: String, role: Role, bold: Bool)
        // Words (runs without spaces) with the spaces before them, each grapheme with its span's role.
        var tokens: [(spaces: [Piece], word: [Piece])] = [([], [])]
        // A colored mark ("✗ off track", "due 6 Dec" when late) stays whole on its row.
        let whole: Set<Role> = [.ok, .warn, .danger, .info]
        for span in line {
            for ch in span.text {
                let piece: Piece = (String(ch), span.role, span.bold)
                if ch == " ", !(whole.contains(span.role) && !tokens[tokens.count - 1].word.isEmpty && span.text.last != " ") {
                    if tokens[tokens.count - 1].word.isEmpty { tokens[tokens.count - 1].spaces.append(piece) }
                    else { tokens.append(([piece], [])) }
                } else {
                    tokens[tokens.count - 1].word.append(piece)
                }
            }
        }
        var rows: [DocLine] = [[]]
        var col = 0
        func put(_ p: Piece) {
            if let last = rows[rows.count - 1].last, last.role == p.role, last.bold == p.bold {
                rows[rows.count - 1][rows[rows.count - 1].count - 1].text += p.text
            } else {
                rows[rows.count - 1].append(DocSpan(p.text, p.role, bold: p.bold))
            }
            col += Text.width(p.text)
        }
        func newRow() {
            rows.append(indent > 0 ? [DocSpan(String(repeating: " ", count: indent))] : [])
            col = indent
        }
        let limit = max(indent + 4, width)
        for (n, token) in tokens.enumerated() {
            let wordWidth = token.word.reduce(0) { $0 + Text.width($1.text) }
            let spaceWidth = token.spaces.count
            let atStart = col == (rows.count == 1 ? 0 : indent)
            if n == 0 || atStart || col + spaceWidth + wordWidth <= limit {
                if !(atStart && rows.count > 1) { token.spaces.forEach(put) }
            } else {
                newRow()
            }
            for p in token.word {
                if col + Text.width(p.text) > limit, col > indent { newRow() }
                put(p)
            }
        }
        return rows.filter { !$0.isEmpty || rows.count == 1 }
    }
}
