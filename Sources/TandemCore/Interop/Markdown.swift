import Foundation

/// A readable account, in Markdown, of the whole agency or one record (apply
/// `ExportScope.filtered` first).
public enum MarkdownReport {
    /// The whole agency: an `AgencyWriter` given every record in the snapshot's order.
    public static func agency(_ s: Snapshot, today: Day) -> String {
        let names = PeopleIndex(s.people)
        var writer = AgencyWriter(name: s.agency.name, today: today, engagements: s.engagements.count,
                                  relationships: s.relationships.count, people: s.people.count,
                                  status: AgencyStatus(s, today: today))
        var out = ""
        for e in s.engagements { out += writer.add(e, names: names) }
        for r in s.relationships { out += writer.add(r, names: names) }
        for p in s.people { out += writer.add(p) }
        return out + writer.finish()
    }

    /// The account of the agency a piece at a time: the title and the counts (known before the
    /// first record: `AgencyStatus` and the numbers of records shown), then each engagement, each
    /// relationship and each person, in that order, each returning its text; `finish` closes
    /// what is still open. The sections' headings (and "None yet." under an empty one) come as
    /// the records reach them.
    public struct AgencyWriter {
        enum Section: Int { case title, coaching, mentoring, people, done }
        private var section = Section.title
        private var inSection = 0
        private let title: String
        private let today: Day

        public init(name: String, today: Day, engagements: Int, relationships: Int, people: Int, status: AgencyStatus) {
            self.today = today
            title = "# \(inline(name))\n\n"
                + "As of \(today.iso): \(engagements) coaching engagements, \(relationships) mentoring "
                + "relationships, \(people) people; \(status.line).\n\n"
        }

        public mutating func add(_ e: CoachingEngagement, names: PeopleIndex) -> String {
            move(to: .coaching) + engagement(e, names: names, today: today, level: 3)
        }

        public mutating func add(_ r: MentoringRelationship, names: PeopleIndex) -> String {
            move(to: .mentoring) + relationship(r, names: names, today: today, level: 3)
        }

        public mutating func add(_ p: Person) -> String {
            move(to: .people)
                + "| \(cell(p.name)) | \(cell(p.role)) | \(cell(p.team)) | \(p.level.rawValue) | \(p.startDate?.iso ?? "") | \(p.leftOn?.iso ?? "") |\n"
        }

        public mutating func finish() -> String { move(to: .done) }

        /// The text that closes the sections before `next` and opens `next`; sections come in order.
        private mutating func move(to next: Section) -> String {
            precondition(next.rawValue >= section.rawValue, "MarkdownReport.AgencyWriter: records out of order")
            var out = ""
            while section != next {
                if section == .title { out += title }
                if (section == .coaching || section == .mentoring) && inSection == 0 { out += "None yet.\n\n" }
                section = Section(rawValue: section.rawValue + 1)!
                inSection = 0
                switch section {
                case .coaching: out += "## Coaching\n\n"
                case .mentoring: out += "## Mentoring\n\n"
                case .people: out += "## People\n\n| name | role | team | level | started | left |\n| --- | --- | --- | --- | --- | --- |\n"
                case .title, .done: break
                }
            }
            inSection += 1
            return out
        }
    }

    public static func record(_ r: SessionRecord, in s: Snapshot, today: Day) -> String {
        record(r, names: PeopleIndex(s.people), today: today)
    }

    /// One record's account, its people named from `names`.
    public static func record(_ r: SessionRecord, names: PeopleIndex, today: Day) -> String {
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
            let notes = s.notes.split(whereSeparator: \.isNewline).map { inline(String($0)) }
            if !notes.isEmpty { out += ": " + notes.joined(separator: "\n  ") }
            out += "\n"
            for a in s.actionItems { out += "  - [\(a.doneOn == nil ? " " : "x")] \(inline(a.text))\n" }
        }
        return out
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : String(format: "%.1f h", Double(minutes) / 60)
    }

    /// One line, no control characters, no bidirectional override or line separator: each is
    /// shown escaped, as on every other output (`TerminalSafeText`), so the account reads as
    /// what the file holds.
    static func inline(_ s: String) -> String { TerminalSafeText.clean(CSVImport.visible(s)) }
    /// A table cell: also no pipes.
    static func cell(_ s: String) -> String { inline(s).replacingOccurrences(of: "|", with: "\\|") }
}

/// The whole store as one JSON document for other programs: `format`, `agency`, `people`,
/// `coaching`, `mentoring`, `assessments`, each record as its file holds it.
public enum StoreDocument {
    /// The document of `s`, whole: `stream`'s pieces joined.
    public static func json(_ s: Snapshot) throws -> String {
        var out = ""
        try stream(s) { out += $0 }
        return out
    }

    /// The document of `s` handed to `emit` a record at a time (a `Writer` given every record),
    /// so the whole document is never held at once (on a large store it is several times the
    /// size of the records). `coaching` and `mentoring` change each record just before it is
    /// encoded (an export's filters), so a filtered copy of the whole store is never made either.
    public static func stream(_ s: Snapshot,
                              coaching: (CoachingEngagement) -> CoachingEngagement = { $0 },
                              mentoring: (MentoringRelationship) -> MentoringRelationship = { $0 },
                              to emit: (String) throws -> Void) throws {
        var writer = Writer()
        try emit(try writer.start(agency: s.agency))
        for a in s.assessments { try emit(try writer.add(a)) }
        for e in s.engagements { try emit(try writer.add(coaching(e))) }
        for r in s.relationships { try emit(try writer.add(mentoring(r))) }
        for p in s.people { try emit(try writer.add(p)) }
        try emit(try writer.finish())
    }

    /// The document a piece at a time, each call returning its text: `start`, then the records
    /// in the document's order (its keys sorted: agency, assessments, coaching, format, mentoring,
    /// people), then `finish`. The bytes are those of the whole document encoded at once with
    /// sorted keys, pretty printed, slashes unescaped: each record is encoded alone with that
    /// encoder and indented to its place (the encoder escapes every line end inside a string, so
    /// a line break in its output is always layout).
    public struct Writer {
        enum Section: Int { case start, assessments, coaching, mentoring, people, done }
        private var section = Section.start
        private var inSection = 0
        private let encoder: JSONEncoder

        public init() {
            encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        }

        public mutating func start(agency: Agency) throws -> String {
            precondition(section == .start, "StoreDocument.Writer: started twice")
            section = .assessments
            return "{\n  \"agency\" : \(try encoded(agency, indent: "  ")),\n"
        }

        public mutating func add(_ a: Assessment) throws -> String { try element(a, in: .assessments) }
        public mutating func add(_ e: CoachingEngagement) throws -> String { try element(e, in: .coaching) }
        public mutating func add(_ r: MentoringRelationship) throws -> String { try element(r, in: .mentoring) }
        public mutating func add(_ p: Person) throws -> String { try element(p, in: .people) }

        public mutating func finish() throws -> String { try move(to: .done) + "}\n" }

        private mutating func element<T: Encodable>(_ value: T, in target: Section) throws -> String {
            let out = try move(to: target) + (inSection == 0 ? "  \"\(Self.key(target))\" : [\n" : ",\n")
            inSection += 1
            return out + "    " + (try encoded(value, indent: "    "))
        }

        /// Closes the sections before `next` (an empty one as `[]` is encoded; `format` after
        /// coaching), leaving `next` the one records are added to.
        private mutating func move(to next: Section) throws -> String {
            precondition(section != .start && next.rawValue >= section.rawValue, "StoreDocument.Writer: records out of order")
            var out = ""
            while section != next {
                let end = section == .people ? "\n" : ",\n"
                out += inSection == 0 ? "  \"\(Self.key(section))\" : \(try encoded([String](), indent: "  "))\(end)" : "\n  ]\(end)"
                if section == .coaching { out += "  \"format\" : \(currentFormat),\n" }
                section = Section(rawValue: section.rawValue + 1)!
                inSection = 0
            }
            return out
        }

        private static func key(_ section: Section) -> String {
            switch section {
            case .assessments: "assessments"
            case .coaching: "coaching"
            case .mentoring: "mentoring"
            case .people: "people"
            case .start, .done: ""
            }
        }

        private func encoded<T: Encodable>(_ value: T, indent: String) throws -> String {
            // Every line but the first indented, as the encoder indents them; an empty line (an
            // empty array's) stays empty.
            var out = ""
            for (i, line) in String(decoding: try encoder.encode(value), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { out += line.isEmpty ? "\n" : "\n" + indent }
                out += line
            }
            return out
        }
    }
}
