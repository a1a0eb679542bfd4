import TandemCore
import TandemStore
import TerminalUI

/// A record's whole story: objectives or goals, every metric, the session history. Scrolls;
/// `x` marks the selected objective, goal or action item done.
enum DetailView {
    static func render(_ s: AppState, _ ref: RecordRef, _ theme: Theme, into buf: inout ScreenBuffer, area: Rect) {
        guard let value = s.data.value(of: ref) else {
            buf.put("This record is no longer loaded. Esc goes back.", x: area.x + 1, y: area.y + 1, style: theme.style(.muted), maxX: area.right)
            return
        }
        let doc = cachedDocument(ref, value, s, theme, width: max(10, area.width - 4))
        let b = Block(title: doc.title, titleStyle: theme.style(ref.kind == .coaching ? .coaching : .mentoring),
                      borderStyle: theme.style(.focus), focused: true)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        let offset = offset(doc, s.detail, height: inner.height)
        for (i, index) in (offset..<doc.lines.count).prefix(inner.height).enumerated() {
            let selected = doc.itemLines[safe: s.detail.selected] == index
            var line = Text.truncate(doc.lines[index], to: inner.width)
            if selected {
                buf.fill(Rect(x: inner.x, y: inner.y + i, width: inner.width, height: 1), style: theme.style(.selection))
                line = line.map { Span($0.text, style: Table.selectionStyle(theme.style(.selection), over: $0.style, colors: .keepWhereUnset)) }
            }
            buf.put(line: line, x: inner.x, y: inner.y + i, maxX: inner.right)
        }
        if doc.lines.count > inner.height {
            let more = " \(offset + 1)–\(min(doc.lines.count, offset + inner.height))/\(doc.lines.count) "
            buf.put(more, x: area.right - Text.width(more) - 2, y: area.bottom - 1, style: theme.style(.muted), maxX: area.right - 1)
        }
    }

    /// Rows of the document a detail screen shows at this terminal height.
    static func pageHeight(screenHeight: Int) -> Int { max(1, screenHeight - 5) }

    /// The first document line shown: where page keys put it, moved (after j/k) to keep the
    /// selected item in sight.
    static func offset(_ doc: Document, _ d: DetailState, height: Int) -> Int {
        var offset = min(d.scroll, max(0, doc.lines.count - height))
        if d.followsSelection, let line = doc.itemLines[safe: d.selected] {
            if line < offset { offset = line }
            if line >= offset + height { offset = line - height + 1 }
        }
        return max(0, offset)
    }

    /// The first line shown for the record on screen now.
    static func offset(_ ref: RecordRef, _ s: AppState) -> Int {
        guard let value = s.data.value(of: ref) else { return 0 }
        let doc = cachedDocument(ref, value, s, .monochrome, width: max(10, s.width - 4))
        return offset(doc, s.detail, height: pageHeight(screenHeight: s.height))
    }

    /// Line count of a record's document and the line of each selectable item, for page keys.
    static func itemLines(_ ref: RecordRef, _ s: AppState) -> (total: Int, items: [Int]) {
        guard let value = s.data.value(of: ref) else { return (0, []) }
        let doc = cachedDocument(ref, value, s, .monochrome, width: max(10, s.width - 4))
        return (doc.lines.count, doc.itemLines)
    }

    /// The document, built once per data version, width, day and theme.
    static func cachedDocument(_ ref: RecordRef, _ value: Record, _ s: AppState, _ theme: Theme, width: Int) -> Document {
        let key = DetailDocuments.Key(ref: ref, dataVersion: s.dataVersion, width: width, today: s.today)
        return s.detailDocuments.document(key, theme: theme) { document(value, s, theme, width: width) }
    }

    struct Document {
        var title: String
        var lines: [Line] = []
        /// For each toggleable item (in `DetailItems.of` order), the line it is on.
        var itemLines: [Int] = []
    }

    static func document(_ value: Record, _ s: AppState, _ theme: Theme, width: Int) -> Document {
        let names = s.rows.people
        let t = { (r: Role) in theme.style(r) }
        func check(_ done: Day?) -> Span { Span(done == nil ? "[ ] " : "[x] ", style: t(done == nil ? .muted : .ok)) }
        switch value {
        case .coaching(let e):
            var d = Document(title: "Coaching · \(names.name(e.coacheeID)) · \(e.focus)")
            let coach: String
            switch e.coach { case .person(let id): coach = names.name(id); case .external(let n): coach = "\(n) (external)" }
            let days = e.daysToDeadline(today: s.today)
            d.lines.append([Span("coach ", style: t(.muted)), Span(coach, style: t(.text)),
                            Span("   \(e.start.iso) → \(e.deadline.iso)  ", style: t(.muted)),
                            Span(Format.daysLeft(days), style: t(Format.deadlineRole(days))),
                            Span("   \(e.status.label) · \(e.sessions.count) sessions · \(e.minutesInvested / 60)h\(e.minutesInvested % 60)m invested", style: t(.muted))])
            if let o = e.outcome { d.lines.append([Span("outcome ", style: t(.muted)), Span(o, style: t(.text))]) }
            d.lines.append([])
            d.lines.append([Span("Objectives", style: t(.title).bold())])
            if e.objectives.isEmpty { d.lines.append([Span("  none yet (e to add)", style: t(.muted))]) }
            for o in e.objectives {
                d.itemLines.append(d.lines.count)
                d.lines.append([Span("  "), check(o.doneOn), Span(o.text, style: t(.text)),
                                Span(o.doneOn.map { "  done \($0.iso)" } ?? "", style: t(.muted))])
            }
            d.lines.append([])
            d.lines.append([Span("Metrics", style: t(.title).bold())])
            if e.metrics.isEmpty { d.lines.append([Span("  none yet (e to add)", style: t(.muted))]) }
            for line in DetailStrip.metricLines(e, s.today, theme, width: width) { d.lines.append([Span("  ")] + line) }
            appendSessions(&d, e.sessions, s, theme, width: width)
            return d
        case .mentoring(let r):
            var d = Document(title: "Mentoring · \(names.name(r.mentorID)) → \(names.name(r.menteeID))")
            let summary = MentoringSummary(r, names: names, today: s.today, settings: s.data.agency.settings)
            d.lines.append([Span("since \(r.start.iso) · every \(r.cadenceDays) days · ", style: t(.muted)),
                            Span("\(summary.health.symbol) \(summary.health.label)", style: t(Format.role(summary.health))),
                            Span(" · next due \(summary.nextDue?.iso ?? "—") · streak \(summary.streak) · \(r.sessions.count) sessions", style: t(.muted))])
            if !r.focusAreas.isEmpty { d.lines.append([Span("focus ", style: t(.muted)), Span(r.focusAreas.joined(separator: ", "), style: t(.text))]) }
            for h in r.history { d.lines.append([Span("\(h.status.rawValue) on \(h.date.iso)", style: t(.muted))]) }
            d.lines.append([])
            d.lines.append([Span("Goals", style: t(.title).bold())])
            if r.goals.isEmpty { d.lines.append([Span("  none yet (e to add)", style: t(.muted))]) }
            for g in r.goals {
                d.itemLines.append(d.lines.count)
                d.lines.append([Span("  "), check(g.achievedOn), Span(g.text, style: t(.text)),
                                Span((g.targetDate.map { "  by \($0.iso)" } ?? "") + (g.achievedOn.map { "  achieved \($0.iso)" } ?? ""), style: t(.muted))])
            }
            appendSessions(&d, r.sessions, s, theme, width: width)
            return d
        case .person(let p):
            return Document(title: p.name)
        case .assessment:
            return Document(title: "Assessment")
        }
    }

    /// Sessions newest first, each with its notes and action items (items are selectable).
    static func appendSessions(_ d: inout Document, _ sessions: [Session], _ s: AppState, _ theme: Theme, width: Int) {
        let t = { (r: Role) in theme.style(r) }
        d.lines.append([])
        d.lines.append([Span("Sessions", style: t(.title).bold())])
        if sessions.isEmpty { d.lines.append([Span("  none yet (l logs one)", style: t(.muted))]) }
        for session in sessions.reversed() {
            var head: Line = [Span("  \(Format.longDate(session.date))", style: t(.text).bold()),
                              Span(" · \(session.minutes) min", style: t(.muted))]
            if let p = session.pulse { head.append(Span(" · pulse \(p)/5", style: t(.muted))) }
            head.append(Span(session.visibility == .shared ? " · shared" : " · private", style: t(.muted)))
            if !session.topics.isEmpty { head.append(Span(" · " + session.topics.joined(separator: ", "), style: t(.info))) }
            d.lines.append(head)
            // Notes are the story: wrapped, never cut.
            for note in session.notes.split(separator: "\n", omittingEmptySubsequences: false) {
                for row in Paragraph(lines: [[Span(String(note), style: t(.text))]], wrap: true).rows(width: max(8, width - 4)) {
                    d.lines.append([Span("    ")] + row)
                }
            }
            for a in session.actionItems {
                d.itemLines.append(d.lines.count)
                let late = a.doneOn == nil && (a.due.map { $0 < s.today } ?? false)
                d.lines.append([Span("    "), Span(a.doneOn == nil ? "[ ] " : "[x] ", style: t(a.doneOn == nil ? .muted : .ok)),
                                Span(a.text, style: t(.text)),
                                Span(a.due.map { "  due \($0.iso)" } ?? "", style: t(late ? .danger : .muted))])
            }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
