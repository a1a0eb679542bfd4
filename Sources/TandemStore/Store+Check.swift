import Foundation
import TandemCore

/// What `check` found, with what it read.
public struct CheckReport: Sendable {
    /// Every problem, each naming its file and, where it can, line and column.
    public var problems: [StoreError]
    /// The records that decoded.
    public var snapshot: Snapshot
}

extension Store {
    /// Every problem in the store at once, without changing anything: files that do not parse
    /// or decode (file:line:column), formats newer than this build, duplicate ids, file names
    /// that do not end in their record's id, references to people who are not in the store, and
    /// the core's field rules (`Validation`), each placed at its field's line and column.
    /// With `today`, a session logged after it is a problem too (`SessionRules`).
    /// Out-of-range numbers and dates (`Bounds`) are each reported at their line and column.
    public func check(today: Day? = nil) -> [StoreError] { checkReport(today: today).problems }

    /// `check`, with the decoded records (for counts).
    public func checkReport(today: Day? = nil) -> CheckReport {
        var errors: [StoreError] = []
        var snapshot = Snapshot(agency: Agency(name: ""))
        do {
            guard let data = try folder.read(Store.agencyFile) else {
                throw StoreError(.notFound, file: Store.agencyFile, "is missing")
            }
            let file = try ScannedFile(path: Store.agencyFile, data: data)
            if let newer = Store.newerFormatMessage(file) { errors.append(StoreError(.format, file: file.path, newer)) }
            snapshot.agency = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: decoder)
            errors += Validation.rangeProblems(in: snapshot.agency).map { Store.rangeError($0, in: file) }
        } catch {
            errors.append(Store.asStoreError(error))
        }

        var paths: [(kind: RecordKind, rel: String)] = []
        for kind in RecordKind.allCases {
            do {
                for name in try folder.jsonFiles(in: kind.rawValue) { paths.append((kind, "\(kind.rawValue)/\(name)")) }
            } catch {
                errors.append(Store.asStoreError(error))
            }
        }
        var records: [(rel: String, record: Record)] = []
        var seen: [RecordRef: String] = [:]
        // People whose file exists but does not decode: references to them are not "missing".
        var unreadablePeople = Set<UUID>()
        for (path, result) in zip(paths, FileLoad.run(paths, folder: folder, scope: .all, migrations: migrations)) {
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
                    records.append((path.rel, record))
                    switch record {
                    case .person(let p): snapshot.people.append(p)
                    case .coaching(let e): snapshot.engagements.append(e)
                    case .mentoring(let r): snapshot.relationships.append(r)
                    case .assessment(let a): snapshot.assessments.append(a)
                    }
                }
            }
        }
        errors += brokenReferences(records, known: Set(snapshot.people.map(\.id)).union(unreadablePeople))
        errors += fieldRules(records, today: today)
        return CheckReport(problems: errors, snapshot: snapshot)
    }

    /// References to people who are not in the store.
    private func brokenReferences(_ records: [(rel: String, record: Record)], known people: Set<UUID>) -> [StoreError] {
        var errors: [StoreError] = []
        func require(_ id: UUID?, _ path: [JSONScanner.Step], _ field: String, in rel: String) {
            guard let id, !people.contains(id) else { return }
            errors.append(problem(at: path, in: rel, "field \"\(field)\": no person with id \(id.uuidString)"))
        }
        for (rel, record) in records {
            switch record {
            case .person(let p):
                require(p.managerID, [.key("managerID")], "managerID", in: rel)
            case .coaching(let e):
                require(e.coacheeID, [.key("coacheeID")], "coacheeID", in: rel)
                if case .person(let coach) = e.coach {
                    require(coach, [.key("coach"), .key("personID")], "coach.personID", in: rel)
                }
            case .mentoring(let r):
                require(r.mentorID, [.key("mentorID")], "mentorID", in: rel)
                require(r.menteeID, [.key("menteeID")], "menteeID", in: rel)
            case .assessment(let a):
                require(a.personID, [.key("personID")], "personID", in: rel)
            }
        }
        return errors
    }

    /// The core's rules for each record (a deadline before the start, a pulse of 7…), placed at
    /// the field they name.
    private func fieldRules(_ records: [(rel: String, record: Record)], today: Day?) -> [StoreError] {
        var errors: [StoreError] = []
        for (rel, record) in records {
            let problems: [Problem]
            switch record {
            case .person(let p): problems = Validation.problems(in: p)
            case .coaching(let e): problems = Validation.problems(in: e, today: today)
            case .mentoring(let r): problems = Validation.problems(in: r, today: today)
            case .assessment(let a): problems = Validation.problems(in: a)
            }
            for p in problems {
                errors.append(problem(at: Store.steps(p.field), in: rel, "field \"\(p.field)\": \(p.message)"))
            }
        }
        return errors
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
