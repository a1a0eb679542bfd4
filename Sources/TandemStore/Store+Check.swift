import Foundation
import TandemCore

extension Store {
    /// Every problem in the store at once, without changing anything: files that do not parse
    /// or decode (file:line:column), formats newer than this build, duplicate ids, file names
    /// that do not end in their record's id, and references to people who are not in the store.
    public func check() -> [StoreError] {
        var errors: [StoreError] = []
        do {
            guard let data = try folder.read(Store.agencyFile) else {
                throw StoreError(.notFound, file: Store.agencyFile, "is missing")
            }
            let file = try ScannedFile(path: Store.agencyFile, data: data)
            if let newer = Store.newerFormatMessage(file) { errors.append(StoreError(.format, file: file.path, newer)) }
            _ = try RecordCodec.decode(Agency.self, from: file, migrations: migrations, decoder: decoder)
        } catch {
            errors.append(Store.asStoreError(error))
        }

        var records: [(file: ScannedFile, record: Record)] = []
        var seen: [RecordRef: String] = [:]
        for kind in RecordKind.allCases {
            let names: [String]
            do { names = try folder.jsonFiles(in: kind.rawValue) } catch {
                errors.append(Store.asStoreError(error))
                continue
            }
            for name in names {
                let rel = "\(kind.rawValue)/\(name)"
                do {
                    guard let data = try folder.read(rel) else { continue }
                    let file = try ScannedFile(path: rel, data: data)
                    let ref = RecordRef(kind: kind, id: try file.id())
                    if let newer = Store.newerFormatMessage(file) { errors.append(StoreError(.format, file: rel, newer)) }
                    let place = file.location(of: [.key("id")])
                    if let other = seen[ref] {
                        errors.append(StoreError(.format, file: rel, line: place.line, column: place.column,
                                                 "id \(ref.id.uuidString) is also the id of \(other)"))
                    } else {
                        seen[ref] = rel
                    }
                    if !name.hasSuffix("-\(ref.shortID).json") && name != "\(ref.shortID).json" {
                        errors.append(StoreError(.format, file: rel, line: place.line, column: place.column,
                                                 "the file name does not end in \"\(ref.shortID)\", the start of its id"))
                    }
                    records.append((file, try decode(file, as: kind)))
                } catch {
                    errors.append(Store.asStoreError(error))
                }
            }
        }
        return errors + brokenReferences(records)
    }

    /// References to people who are not in the store.
    private func brokenReferences(_ records: [(file: ScannedFile, record: Record)]) -> [StoreError] {
        var people = Set<UUID>()
        for case (_, .person(let p)) in records { people.insert(p.id) }
        var errors: [StoreError] = []
        func require(_ id: UUID?, _ path: [JSONScanner.Step], _ field: String, in file: ScannedFile) {
            guard let id, !people.contains(id) else { return }
            let place = file.location(of: path)
            errors.append(StoreError(.format, file: file.path, line: place.line, column: place.column,
                                     "field \"\(field)\": no person with id \(id.uuidString)"))
        }
        for (file, record) in records {
            switch record {
            case .person(let p):
                require(p.managerID, [.key("managerID")], "managerID", in: file)
            case .coaching(let e):
                require(e.coacheeID, [.key("coacheeID")], "coacheeID", in: file)
                if case .person(let coach) = e.coach {
                    require(coach, [.key("coach"), .key("personID")], "coach.personID", in: file)
                }
            case .mentoring(let r):
                require(r.mentorID, [.key("mentorID")], "mentorID", in: file)
                require(r.menteeID, [.key("menteeID")], "menteeID", in: file)
            case .assessment(let a):
                require(a.personID, [.key("personID")], "personID", in: file)
            }
        }
        return errors
    }

    private static func asStoreError(_ error: Error) -> StoreError {
        error as? StoreError ?? StoreError(.io, "\(error)")
    }
}
