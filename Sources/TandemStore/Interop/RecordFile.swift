import Foundation
import TandemCore

/// A record file's bytes, outside a store: what git's merge driver and `tandem sync` read and write.
public enum RecordFile {
    /// The kind of record a path relative to the data folder holds (`coaching/ana-1a2b3c4d.json`),
    /// or `nil` when it is no record file.
    public static func kind(ofPath path: String) -> RecordKind? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".json"), !parts[1].hasPrefix(".") else { return nil }
        return RecordKind(rawValue: String(parts[0]))
    }

    /// Decodes a record file (migrating an older format, refusing out-of-range values).
    public static func decode(_ data: Data, path: String) throws -> Record {
        guard let kind = kind(ofPath: path) else {
            throw StoreError(.format, file: path, "is not a record file (people/, coaching/, mentoring/ or assessments/*.json)")
        }
        let file = try ScannedFile(path: path, data: data)
        return try Store.decode(file, as: kind, migrations: Migration.all, decoder: JSONDecoder())
    }

    /// The bytes a store writes for `record`: sorted keys, pretty-printed, a trailing newline.
    public static func encode(_ record: Record, path: String) throws -> Data {
        switch record {
        case .person(let p): try RecordCodec.encode(p, file: path, format: Store.format(of: record))
        case .coaching(let e): try RecordCodec.encode(e, file: path, format: Store.format(of: record))
        case .mentoring(let r): try RecordCodec.encode(r, file: path, format: Store.format(of: record))
        case .assessment(let a): try RecordCodec.encode(a, file: path, format: Store.format(of: record))
        }
    }
}
