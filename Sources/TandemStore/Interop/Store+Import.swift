import Foundation
import TandemCore

extension Store {
    /// Writes the records an import plan adds, through the normal save path (lock, merge, range
    /// checks), in the plan's order; `progress(done, total)` is called after each. Returns the files written.
    @discardableResult
    public func importRecords(_ additions: [ImportPlan.Addition], progress: (Int, Int) -> Void = { _, _ in }) throws -> [String] {
        var files: [String] = []
        for (i, addition) in additions.enumerated() {
            let record: Record
            switch addition.record {
            case .person(let p): record = .person(p)
            case .coaching(let e): record = .coaching(e)
            case .mentoring(let r): record = .mentoring(r)
            }
            switch try save(record) {
            case .saved(let file), .merged(_, let file): files.append(file)
            case .conflict(let c):
                throw StoreError(.conflict, file: c.file, "row \(addition.row) (\(addition.label)): the file appeared on disk meanwhile; \(files.count) records were written before it")
            }
            progress(i + 1, additions.count)
        }
        return files
    }

    /// Appends the sessions of matched meetings, each to its record as it is on disk now
    /// (`modify`), skipping one whose record gained a session that day meanwhile. Returns the files written.
    @discardableResult
    public func logMeetings(_ matches: [MeetingMatch.Match]) throws -> [String] {
        var files: [String] = []
        for m in matches {
            let ref: RecordRef
            switch m.record {
            case .coaching(let e): ref = RecordRef(kind: .coaching, id: e.id)
            case .mentoring(let r): ref = RecordRef(kind: .mentoring, id: r.id)
            }
            let (_, file) = try modify(ref) { record in
                switch record {
                case .coaching(var e):
                    if e.sessions.contains(where: { $0.date == m.session.date }) { return record }
                    e.sessions.append(m.session); e.sessions.sort { $0.date < $1.date }
                    return .coaching(e)
                case .mentoring(var r):
                    if r.sessions.contains(where: { $0.date == m.session.date }) { return record }
                    r.sessions.append(m.session); r.sessions.sort { $0.date < $1.date }
                    return .mentoring(r)
                default: return record
                }
            }
            files.append(file)
        }
        return files
    }
}
