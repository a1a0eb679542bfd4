import Foundation

/// A readable account, in Markdown, of the whole agency or one record (apply
/// `ExportScope.filtered` first).
public enum MarkdownReport {
    public static func agency(_ s: Snapshot, today: Day) -> String {
        let names = PeopleIndex(s.people)
        var out = "# \(inline(s.agency.name))\n\n"
        let status = AgencyStatus(s, today: today)
        out += "As of \(today.iso): \(s.engagements.count) coaching engagements, \(s.relationships.count) mentoring "
            + "relationships, \(s.people.count) people; \(status.line).\n\n"
        out += "## Coaching\n\n"
        if s.engagements.isEmpty { out += "None yet.\n\n" }
        for e in s.engagements { out += engagement(e, names: names, today: today, level: 3) }
        out += "## Mentoring\n\n"
        if s.relationships.isEmpty { out += "None yet.\n\n" }
        for r in s.relationships { out += relationship(r, names: names, today: today, level: 3) }
        out += "## People\n\n| name | role | team | level | started | left |\n| --- | --- | --- | --- | --- | --- |\n"
        for p in s.people {
            out += "| \(cell(p.name)) | \(cell(p.role)) | \(cell(p.team)) | \(p.level.rawValue) | \(p.startDate?.iso ?? "") | \(p.leftOn?.iso ?? "") |\n"
        }
        return out
    }

    public static func record(_ r: SessionRecord, in s: Snapshot, today: Day) -> String {
        let names = PeopleIndex(s.people)
        switch r {
        case .coaching(let e): return engagement(e, names: names, today: today, level: 1)
        case .mentoring(let m): return relationship(m, names: names, today: today, level: 1)
        }
    }

    static func engagement(_ e: CoachingEngagement, names: PeopleIndex, today: Day, level: Int) -> String {
        let h = String(repeating: "#", count: level)
        var coach: String
        switch e.coach {
        case .person(let id): coach = names.name(id)
        case .external(let n): coach = n + " (external)"
        }
        var out = "\(h) \(inline(names.name(e.coacheeID))) — \(inline(e.focus))\n\n"
        out += "- Coach: \(inline(coach))\n- Status: \(e.status.label)\n- From \(e.start.iso) to \(e.deadline.iso)"
        if e.isOpen { out += " (\(e.daysToDeadline(today: today)) days left)" }
        out += "\n- Sessions: \(e.sessions.count), \(hours(e.minutesInvested))\n"
        if let o = e.outcome { out += "- Outcome: \(inline(o))\n" }
        if !e.objectives.isEmpty {
            out += "\n**Objectives**\n\n"
            for o in e.objectives { out += "- [\(o.doneOn == nil ? " " : "x")] \(inline(o.text))\(o.doneOn.map { " (done \($0.iso))" } ?? "")\n" }
        }
        if !e.metrics.isEmpty {
            out += "\n**Metrics**\n\n| metric | baseline | current | target |\n| --- | --- | --- | --- |\n"
            for m in e.metrics {
                let current = m.readings.last.map { CSVExport.number($0.value) } ?? "—"
                out += "| \(cell(m.name)) | \(CSVExport.number(m.baseline))\(cell(m.unit)) | \(current)\(m.readings.isEmpty ? "" : cell(m.unit)) | \(CSVExport.number(m.target))\(cell(m.unit)) |\n"
            }
        }
        out += sessions(e.sessions)
        return out + "\n"
    }

    static func relationship(_ r: MentoringRelationship, names: PeopleIndex, today: Day, level: Int) -> String {
        let h = String(repeating: "#", count: level)
        var out = "\(h) \(inline(names.name(r.mentorID))) → \(inline(names.name(r.menteeID)))\n\n"
        out += "- Status: \(r.status.rawValue)\n- Since \(r.start.iso), every \(r.cadenceDays) days"
        if let next = r.nextDue(today: today) { out += "; next due \(next.iso)" }
        out += "\n- Sessions: \(r.sessions.count), \(hours(r.minutesInvested))\n"
        if !r.focusAreas.isEmpty { out += "- Focus: \(inline(r.focusAreas.joined(separator: ", ")))\n" }
        if let o = r.outcome { out += "- Outcome: \(inline(o))\n" }
        if !r.goals.isEmpty {
            out += "\n**Goals**\n\n"
            for g in r.goals { out += "- [\(g.achievedOn == nil ? " " : "x")] \(inline(g.text))\(g.achievedOn.map { " (achieved \($0.iso))" } ?? "")\n" }
        }
        out += sessions(r.sessions)
        return out + "\n"
    }

    static func sessions(_ list: [Session]) -> String {
        guard !list.isEmpty else { return "" }
        var out = "\n**Sessions**\n\n"
        for s in list {
            out += "- \(s.date.iso), \(s.minutes) min\(s.pulse.map { ", pulse \($0)/5" } ?? "")"
            if s.visibility != .shared { out += " (\(s.visibility.rawValue))" }
            let notes = s.notes.split(whereSeparator: \.isNewline).map { CSVImport.visible(String($0)) }
            if !notes.isEmpty { out += ": " + notes.joined(separator: "\n  ") }
            out += "\n"
            for a in s.actionItems { out += "  - [\(a.doneOn == nil ? " " : "x")] \(inline(a.text))\n" }
        }
        return out
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : String(format: "%.1f h", Double(minutes) / 60)
    }

    /// One line, no control characters.
    static func inline(_ s: String) -> String { CSVImport.visible(s) }
    /// A table cell: also no pipes.
    static func cell(_ s: String) -> String { inline(s).replacingOccurrences(of: "|", with: "\\|") }
}

/// The whole store as one JSON document for other programs: `format`, `agency`, `people`,
/// `coaching`, `mentoring`, `assessments`, each record as its file holds it.
public enum StoreDocument {
    struct Document: Encodable {
        var format: Int
        var agency: Agency
        var people: [Person]
        var coaching: [CoachingEngagement]
        var mentoring: [MentoringRelationship]
        var assessments: [Assessment]
    }

    public static func json(_ s: Snapshot) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let doc = Document(format: currentFormat, agency: s.agency, people: s.people, coaching: s.engagements,
                           mentoring: s.relationships, assessments: s.assessments)
        return String(decoding: try enc.encode(doc), as: UTF8.self) + "\n"
    }

    /// The same bytes as `json`, handed to `emit` a record at a time, so the whole document is
    /// never held at once (on a large store it is several times the size of the records).
    ///
    /// Each record is encoded alone with the same encoder and indented to its place: the
    /// encoder escapes every line end inside a string, so a line break in its output is always
    /// layout. The keys are in `json`'s sorted order: agency, assessments, coaching, format,
    /// mentoring, people.
    /// `coaching` and `mentoring` change each record just before it is encoded (an export's
    /// filters), so a filtered copy of the whole store is never made either.
    public static func stream(_ s: Snapshot,
                              coaching: (CoachingEngagement) -> CoachingEngagement = { $0 },
                              mentoring: (MentoringRelationship) -> MentoringRelationship = { $0 },
                              to emit: (String) throws -> Void) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        func encoded<T: Encodable>(_ value: T, indent: String) throws -> String {
            // Every line but the first indented, as the encoder indents them; an empty line (an
            // empty array's) stays empty.
            var out = ""
            for (i, line) in String(decoding: try enc.encode(value), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { out += line.isEmpty ? "\n" : "\n" + indent }
                out += line
            }
            return out
        }
        func array<T: Encodable>(_ key: String, _ values: [T], last: Bool, _ change: (T) -> T = { $0 }) throws {
            let end = last ? "\n" : ",\n"
            guard !values.isEmpty else {
                try emit("  \"\(key)\" : \(try encoded([T](), indent: "  "))\(end)")
                return
            }
            try emit("  \"\(key)\" : [\n")
            for (i, v) in values.enumerated() {
                try emit("    " + (try encoded(change(v), indent: "    ")) + (i == values.count - 1 ? "\n" : ",\n"))
            }
            try emit("  ]\(end)")
        }
        try emit("{\n  \"agency\" : \(try encoded(s.agency, indent: "  ")),\n")
        try array("assessments", s.assessments, last: false)
        try array("coaching", s.engagements, last: false, coaching)
        try emit("  \"format\" : \(currentFormat),\n")
        try array("mentoring", s.relationships, last: false, mentoring)
        try array("people", s.people, last: true)
        try emit("}\n")
    }
}
