import Foundation
import TandemCore

/// What `check` found, with how many records it read.
public struct CheckReport: Sendable {
    /// Every problem, each naming its file and, where it can, line and column.
    public var problems: [StoreError]
    /// How many records of each kind decoded (`check` streams: it keeps no record once judged).
    public var counts: CheckCounts
}

/// The records `check` decoded, by kind.
public struct CheckCounts: Sendable, Equatable {
    public var people = 0
    public var engagements = 0
    public var relationships = 0
    public var assessments = 0
}

extension Store {
    /// Every problem in the store at once, without changing anything: files that do not parse
    /// or decode (file:line:column), formats newer than this build, duplicate ids, file names
    /// that do not end in their record's id, references to people who are not in the store, and
    /// the core's field rules (`Validation`), each placed at its field's line and column.
    /// With `today`, a session logged after it is a problem too (`SessionRules`).
    /// Out-of-range numbers and dates (`Bounds`) are each reported at their line and column.
    /// Every file is read (the load cache is not consulted).
    public func check(today: Day? = nil) -> [StoreError] { checkReport(today: today).problems }

    /// `check`, with the counts of what decoded.
    ///
    /// Streams: files are read, decoded and judged a batch at a time and each record is dropped
    /// once its rules have run, so memory stays flat however large the history; only the people
    /// referred to are kept, to be looked up at the end.
    public func checkReport(today: Day? = nil) -> CheckReport {
        var errors: [StoreError] = []
        var counts = CheckCounts()
        do {
            guard let data = try folder.read(Store.agencyFile) else {
                throw StoreError(.notFound, file: Store.agencyFile, "is missing")
            }
            let file = try ScannedFile(path: Store.agencyFile, data: data)
            if let newer = Store.newerFormatMessage(file) { errors.append(StoreError(.format, file: file.path, newer)) }
            let agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: decoder)
            errors += Validation.rangeProblems(in: agency).map { Store.rangeError($0, in: file) }
        } catch {
            errors.append(Store.asStoreError(error))
        }

        if folder.exists(DemoStore.unfinishedMarker) {
            errors.append(StoreError(.format, file: DemoStore.unfinishedMarker, DemoStore.unfinishedMessage))
        }

        var paths: [(kind: RecordKind, rel: String)] = []
        for kind in RecordKind.allCases {
            do {
                for name in try folder.jsonFiles(in: kind.rawValue) { paths.append((kind, "\(kind.rawValue)/\(name)")) }
            } catch {
                errors.append(Store.asStoreError(error))
            }
        }
        var seen: [RecordRef: String] = [:]
        var people = Set<UUID>()
        // People whose file exists but does not decode: references to them are not "missing".
        var unreadablePeople = Set<UUID>()
        var references: [PersonReference] = []
        var ruleErrors: [StoreError] = []
        let batch = 256
        var start = 0
        while start < paths.count {
            let slice = Array(paths[start..<min(start + batch, paths.count)])
            start += batch
            for (path, result) in zip(slice, FileLoad.run(slice, folder: folder, scope: .all, migrations: migrations)) {
                switch result {
                case .failure(let failed):
                    errors.append(failed.error)
                    errors += failed.more
                    if path.kind == .person, let id = failed.id { unreadablePeople.insert(id) }
                case .success(nil):
                    continue
                case .success(let item?):
                    let ref = RecordRef(kind: path.kind, id: item.id)
                    if let newer = item.newerFormat { errors.append(StoreError(.format, file: path.rel, newer)) }
                    if let other = seen[ref] {
                        errors.append(problem(at: [.key("id")], in: path.rel, "id \(ref.id.uuidString) is also the id of \(other)"))
                    } else {
                        seen[ref] = path.rel
                    }
                    let name = String(path.rel.dropFirst(path.kind.rawValue.count + 1))
                    if !name.hasSuffix("-\(ref.shortID).json") && name != "\(ref.shortID).json" {
                        errors.append(problem(at: [.key("id")], in: path.rel, "the file name does not end in \"\(ref.shortID)\", the start of its id"))
                    }
                    if let record = item.record {
                        switch record {
                        case .person(let p): counts.people += 1; people.insert(p.id)
                        case .coaching: counts.engagements += 1
                        case .mentoring: counts.relationships += 1
                        case .assessment: counts.assessments += 1
                        }
                        references += Store.personReferences(of: record, in: path.rel)
                        ruleErrors += fieldRules(record, in: path.rel, today: today)
                    }
                }
            }
        }
        let known = people.union(unreadablePeople)
        for r in references where !known.contains(r.id) {
            errors.append(problem(at: r.path, in: r.rel, "field \"\(r.field)\": no person with id \(r.id.uuidString)"))
        }
        errors += ruleErrors
        return CheckReport(problems: errors, counts: counts)
    }

    /// A field of a record that names a person, to be looked up once every person is known.
    struct PersonReference {
        var rel: String
        var id: UUID
        var path: [JSONScanner.Step]
        var field: String
    }

    /// The people a record refers to.
    static func personReferences(of record: Record, in rel: String) -> [PersonReference] {
        var out: [PersonReference] = []
        func require(_ id: UUID?, _ path: [JSONScanner.Step], _ field: String) {
            guard let id else { return }
            out.append(PersonReference(rel: rel, id: id, path: path, field: field))
        }
        switch record {
        case .person(let p):
            require(p.managerID, [.key("managerID")], "managerID")
        case .coaching(let e):
            require(e.coacheeID, [.key("coacheeID")], "coacheeID")
            if case .person(let coach) = e.coach { require(coach, [.key("coach"), .key("personID")], "coach.personID") }
        case .mentoring(let r):
            require(r.mentorID, [.key("mentorID")], "mentorID")
            require(r.menteeID, [.key("menteeID")], "menteeID")
        case .assessment(let a):
            require(a.personID, [.key("personID")], "personID")
        }
        return out
    }

    /// The core's rules for one record (a deadline before the start, a pulse of 7…), placed at
    /// the field they name.
    private func fieldRules(_ record: Record, in rel: String, today: Day?) -> [StoreError] {
        let problems: [Problem]
        switch record {
        case .person(let p): problems = Validation.problems(in: p)
        case .coaching(let e): problems = Validation.problems(in: e, today: today)
        case .mentoring(let r): problems = Validation.problems(in: r, today: today)
        case .assessment(let a): problems = Validation.problems(in: a)
        }
        return problems.map { p in problem(at: Store.steps(p.field), in: rel, "field \"\(p.field)\": \(p.message)") }
    }

    /// A problem at a field of a file, with its line and column (the file is read again: this
    /// happens only for files that have a problem).
    private func problem(at path: [JSONScanner.Step], in rel: String, _ message: String) -> StoreError {
        guard let data = try? folder.read(rel) else { return StoreError(.format, file: rel, message) }
        let place = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return JSONScanner.position(of: JSONScanner.offset(of: path, in: bytes), in: bytes)
        }
        return StoreError(.format, file: rel, line: place.line, column: place.column, message)
    }

    /// "sessions[3].actionItems[0].text" → key, index, key, index, key.
    static func steps(_ field: String) -> [JSONScanner.Step] {
        var steps: [JSONScanner.Step] = []
        for part in field.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                steps.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let n = Int(rest[rest.index(after: rest.startIndex)..<close]) { steps.append(.index(n)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    private static func asStoreError(_ error: Error) -> StoreError {
        error as? StoreError ?? StoreError(.io, "\(error)")
    }
}
