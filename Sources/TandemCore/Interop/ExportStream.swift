import Foundation

/// One record as an `ExportSource` hands it over.
public enum ExportRecord: Sendable {
    case person(Person)
    case coaching(CoachingEngagement)
    case mentoring(MentoringRelationship)
    case assessment(Assessment)
}

/// Every record of `kinds`, handed to `body` one at a time in the store's order (people,
/// coaching, mentoring, assessments; each as `load` orders them), keeping none: every file of
/// the store is read and checked (records of the kinds not asked for too, unless known good), and
/// the first that fails, in that order, throws. Sealed notes are opened when `openingSealed`.
/// The store's is `Store.exportSource`; `ExportStream.source(of:)` reads a snapshot.
public typealias ExportSource = (_ kinds: ExportKinds, _ openingSealed: Bool, _ body: (ExportRecord) throws -> Void) throws -> Void

/// `tandem export` a record at a time: memory stays flat however long the history, and the bytes
/// are those of the whole-snapshot renderings (`CSVExport.table` through the store's `CSVText`,
/// `ICalendar.calendar`, `StoreDocument.json`, `MarkdownReport`) of the store's snapshot narrowed
/// to the export's kinds (`ExportScope.content`) and filtered (`ExportScope.shown`), in the same
/// order.
///
/// Two passes over the source. `init`, the survey, goes through every file before anything is
/// written, so a bad file fails the export as loading the store would (the first in file order),
/// and keeps only what the output needs before its first record: the people (every table names
/// them), the assessments (first in the JSON document), the private sessions of the kinds not
/// streamed (the count covers them all), and for Markdown the counts and status of its title (and,
/// with a record reference, enough of every record to find it). Sealed notes are not opened there.
/// `write` then streams the records the output shows, each filtered just before it is rendered,
/// sealed notes opened. A file that turns bad between the passes fails `write` part way.
public struct ExportStream {
    public struct Request: Equatable, Sendable {
        public var format: ExportFormat
        public var kind: InteropKind?
        public var includePrivate: Bool
        /// One engagement or relationship, for Markdown (a `RecordQuery` reference).
        public var record: String?
        public var today: Day

        public init(format: ExportFormat, kind: InteropKind?, includePrivate: Bool, record: String? = nil, today: Day) {
            self.format = format; self.kind = kind; self.includePrivate = includePrivate; self.record = record; self.today = today
        }
    }

    /// Why an export of `kind` as `format` cannot be made (what `tandem export` says), or `nil`.
    public static func refusal(format: ExportFormat, kind: InteropKind?) -> String? {
        switch (format, kind) {
        case (.csv, nil):
            "--format csv writes one table: give --kind people, coaching, mentoring or sessions"
        case (.json, .sessions?):
            "in JSON, sessions live inside their records: use --kind coaching or mentoring, or --format csv --kind sessions"
        case (.ics, .people?):
            "people have no dates for a calendar: use --kind coaching, mentoring or sessions"
        default:
            nil
        }
    }

    /// Every request that can be made (no `refusal`), with and without private sessions.
    public static func everyRequest(today: Day) -> [Request] {
        var out: [Request] = []
        for format in ExportFormat.allCases {
            for kind in [nil] + InteropKind.allCases.map(Optional.some) where refusal(format: format, kind: kind) == nil {
                for includePrivate in [false, true] {
                    out.append(Request(format: format, kind: kind, includePrivate: includePrivate, today: today))
                }
            }
        }
        return out
    }

    /// A Markdown record reference that finds no record, or several.
    public struct RecordNotFound: Error, Equatable, CustomStringConvertible {
        public var failure: RecordQuery.Failure
        public var description: String { failure.description }
        public init(failure: RecordQuery.Failure) { self.failure = failure }
    }

    let source: ExportSource
    let request: Request
    let content: ExportKinds
    let agency: Agency
    let people: [Person]
    let names: PeopleIndex
    let assessments: [Assessment]
    /// Markdown's title: how many engagements and relationships it shows, and their status.
    let shownCounts: (engagements: Int, relationships: Int)
    let status: AgencyStatus
    /// The record a Markdown export of one record shows.
    let recordID: UUID?
    /// What `write` reads, and of that whose private sessions it counts (the survey counted the rest).
    public let streamed: ExportKinds
    /// What the survey read.
    public let surveyed: ExportKinds
    let countedByWrite: ExportKinds
    /// How many private sessions the export leaves out (of every kind, whatever it shows; zero
    /// with `includePrivate`): final once `write` returns.
    public private(set) var leftOut = 0

    /// The survey: throws what `source` throws (the first bad file), or `RecordNotFound` for a
    /// Markdown record reference.
    public init(_ request: Request, agency: Agency, source: @escaping ExportSource) throws {
        self.source = source
        self.request = request
        self.agency = agency
        let content = ExportScope.content(request.format, kind: request.kind)
        self.content = content
        let oneRecord = request.format == .md && request.record != nil
        let md = request.format == .md
        var stream = ExportKinds.none
        if !oneRecord { stream.coaching = content.coaching; stream.mentoring = content.mentoring }
        // Markdown's title counts what it shows, and a record reference looks at every record;
        // every private session counts, so those of the kinds `write` does not read are counted here.
        let counting = !request.includePrivate
        let survey = ExportKinds(people: true,
                                 coaching: oneRecord || (md && content.coaching) || (counting && !stream.coaching),
                                 mentoring: oneRecord || (md && content.mentoring) || (counting && !stream.mentoring),
                                 assessments: content.assessments)

        var people: [Person] = [], assessments: [Assessment] = []
        var lookups = Snapshot(agency: agency)
        var counts = (engagements: 0, relationships: 0)
        var status = AgencyStatus()
        var leftOut = 0
        let keepPrivate = request.includePrivate, today = request.today
        try source(survey, false) { record in
            switch record {
            case .person(let p): people.append(p)
            case .assessment(let a): assessments.append(a)
            case .coaching(let e):
                if !keepPrivate { leftOut += ExportScope.privateSessionCount(in: e.sessions) }
                if oneRecord { lookups.engagements.append(RecordQuery.lookupOnly(e)) }
                if md && !oneRecord && content.coaching {
                    counts.engagements += 1
                    status.add(ExportScope.shown(e, includePrivate: keepPrivate), today: today)
                }
            case .mentoring(let r):
                if !keepPrivate { leftOut += ExportScope.privateSessionCount(in: r.sessions) }
                if oneRecord { lookups.relationships.append(RecordQuery.lookupOnly(r)) }
                if md && !oneRecord && content.mentoring {
                    counts.relationships += 1
                    status.add(ExportScope.shown(r, includePrivate: keepPrivate), today: today)
                }
            }
        }
        self.people = people
        self.assessments = assessments
        names = PeopleIndex(people)
        shownCounts = counts
        self.status = status
        self.leftOut = leftOut

        if oneRecord, let reference = request.record {
            lookups.people = people
            switch RecordQuery.resolve(reference, in: lookups) {
            case .success(.coaching(let e)): recordID = e.id; stream.coaching = true
            case .success(.mentoring(let r)): recordID = r.id; stream.mentoring = true
            case .failure(let f): throw RecordNotFound(failure: f)
            }
        } else {
            recordID = nil
        }
        streamed = stream
        surveyed = survey
        countedByWrite = request.includePrivate ? .none
            : ExportKinds(people: false, coaching: stream.coaching && !survey.coaching,
                          mentoring: stream.mentoring && !survey.mentoring, assessments: false)
    }

    /// The export, handed to `emit` a piece at a time (the header, a record's rows, events,
    /// section or JSON text, the end). `csvLine` writes one CSV record with its line end (the
    /// store's `CSVText.line`; the store's `write(to:)` passes it). Throws what the source throws
    /// if a file turned bad since the survey, and what `emit` and `csvLine` throw.
    public mutating func write(csvLine: ([String]) throws -> String, to emit: (String) throws -> Void) throws {
        switch request.format {
        case .csv: try writeCSV(request.kind ?? .people, csvLine, emit)
        case .ics: try writeCalendar(emit)
        case .json: try writeJSON(emit)
        case .md:
            if let recordID { try writeRecord(recordID, emit) } else { try writeAgency(emit) }
        }
    }

    /// A snapshot as a source (its records in its order), for tests and for a store already loaded.
    public static func source(of s: Snapshot) -> ExportSource {
        { kinds, _, body in
            if kinds.people { for p in s.people { try body(.person(p)) } }
            if kinds.coaching { for e in s.engagements { try body(.coaching(e)) } }
            if kinds.mentoring { for r in s.relationships { try body(.mentoring(r)) } }
            if kinds.assessments { for a in s.assessments { try body(.assessment(a)) } }
        }
    }

    /// Each record `write` reads, filtered as the export shows it, its private sessions counted.
    private mutating func eachShown(_ body: (_ coaching: CoachingEngagement?, _ mentoring: MentoringRelationship?) throws -> Void) throws {
        guard !streamed.isEmpty else { return }
        let keepPrivate = request.includePrivate, counted = countedByWrite
        var leftOut = 0
        defer { self.leftOut += leftOut }
        try source(streamed, true) { record in
            switch record {
            case .coaching(let e):
                if counted.coaching { leftOut += ExportScope.privateSessionCount(in: e.sessions) }
                try body(ExportScope.shown(e, includePrivate: keepPrivate), nil)
            case .mentoring(let r):
                if counted.mentoring { leftOut += ExportScope.privateSessionCount(in: r.sessions) }
                try body(nil, ExportScope.shown(r, includePrivate: keepPrivate))
            case .person, .assessment:
                break
            }
        }
    }

    private mutating func writeCSV(_ kind: InteropKind, _ line: ([String]) throws -> String, _ emit: (String) throws -> Void) throws {
        let names = self.names
        try emit(try line(CSVExport.header(kind)))
        for p in people { for row in CSVExport.rows(kind, of: p, names: names) { try emit(try line(row)) } }
        try eachShown { e, r in
            let rows = e.map { CSVExport.rows(kind, of: $0, names: names) } ?? r.map { CSVExport.rows(kind, of: $0, names: names) } ?? []
            for row in rows { try emit(try line(row)) }
        }
    }

    private mutating func writeCalendar(_ emit: (String) throws -> Void) throws {
        let names = self.names, today = request.today, kind = request.kind
        try emit(ICalendar.calendarStart(name: agency.name))
        try eachShown { e, r in
            let events = e.map { ICalendar.events(of: $0, names: names) } ?? r.map { ICalendar.events(of: $0, names: names, today: today) } ?? []
            for event in events where ICalendar.carries(event, kind: kind) { try emit(ICalendar.text(of: event, today: today)) }
        }
        try emit(ICalendar.calendarEnd)
    }

    private mutating func writeJSON(_ emit: (String) throws -> Void) throws {
        var writer = StoreDocument.Writer()
        try emit(try writer.start(agency: agency))
        if content.assessments { for a in assessments { try emit(try writer.add(a)) } }
        try eachShown { e, r in
            if let e { try emit(try writer.add(e)) }
            if let r { try emit(try writer.add(r)) }
        }
        if content.people { for p in people { try emit(try writer.add(p)) } }
        try emit(try writer.finish())
    }

    private mutating func writeAgency(_ emit: (String) throws -> Void) throws {
        let names = self.names
        var writer = MarkdownReport.AgencyWriter(name: agency.name, today: request.today,
                                                 engagements: shownCounts.engagements, relationships: shownCounts.relationships,
                                                 people: people.count, status: status)
        try eachShown { e, r in
            if let e { try emit(writer.add(e, names: names)) }
            if let r { try emit(writer.add(r, names: names)) }
        }
        for p in people { try emit(writer.add(p)) }
        try emit(writer.finish())
    }

    /// The one record, found by a pass over its kind that stops there.
    private mutating func writeRecord(_ id: UUID, _ emit: (String) throws -> Void) throws {
        struct Found: Error {}
        let names = self.names, today = request.today
        do {
            try eachShown { e, r in
                if let e, e.id == id {
                    try emit(MarkdownReport.record(.coaching(e), names: names, today: today))
                    throw Found()
                }
                if let r, r.id == id {
                    try emit(MarkdownReport.record(.mentoring(r), names: names, today: today))
                    throw Found()
                }
            }
        } catch is Found {
            return
        }
        // Removed since the survey found it.
        throw RecordNotFound(failure: .noMatch(request.record ?? id.uuidString))
    }
}
