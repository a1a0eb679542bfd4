import Foundation
import TandemCore

extension Store {
    /// The store as `ExportStream` reads it: `forEachRecord` (every file read and checked in
    /// `load`'s order, a batch at a time, nothing kept).
    public var exportSource: ExportSource {
        { [self] kinds, openingSealed, body in
            var set: Set<RecordKind> = []
            if kinds.people { set.insert(.person) }
            if kinds.coaching { set.insert(.coaching) }
            if kinds.mentoring { set.insert(.mentoring) }
            if kinds.assessments { set.insert(.assessment) }
            try forEachRecord(of: set, openingSealed: openingSealed) { record, _ in
                switch record {
                case .person(let p): try body(.person(p))
                case .coaching(let e): try body(.coaching(e))
                case .mentoring(let r): try body(.mentoring(r))
                case .assessment(let a): try body(.assessment(a))
                }
            }
        }
    }
}

extension ExportStream {
    /// The export of `store` (the survey: every file read and checked; see `ExportStream`).
    public init(_ request: Request, of store: Store) throws {
        try self.init(request, agency: try store.agency(), source: store.exportSource)
    }

    /// `write(csvLine:to:)` with the store's CSV writer.
    public mutating func write(to emit: (String) throws -> Void) throws {
        try write(csvLine: CSVText.line, to: emit)
    }
}
