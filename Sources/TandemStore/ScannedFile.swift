import Foundation

/// A file read from disk whose JSON syntax is valid, with its top-level facts pulled out.
struct ScannedFile {
    /// Relative to the data folder.
    var path: String
    var data: Data
    var top: JSONScanner.TopLevel
    var format: Int

    /// Reads the bytes as a store file: valid JSON, an object, a whole-number `"format"`.
    init(path: String, data: Data) throws {
        self.path = path
        self.data = data
        do {
            top = try data.withUnsafeBytes { try JSONScanner.scan($0.bindMemory(to: UInt8.self)) }
        } catch var failure as JSONScanner.Failure {
            if failure.namesField {
                // Which field: "field "metrics[0].baseline": the number 1e400 is out of range".
                let steps = data.withUnsafeBytes { JSONFieldPath.steps(at: failure.offset, in: $0.bindMemory(to: UInt8.self)) }
                let name = JSONFieldPath.text(steps)
                failure.message = (name.isEmpty ? "" : "field \"\(name)\": ") + failure.message
            }
            throw ScannedFile.error(.parse, path, data, failure.offset, failure.message)
        }
        guard let offset = top.formatOffset else {
            throw StoreError(.format, file: path, line: 1, column: 1, "field \"format\": missing (expected \"format\": 1)")
        }
        guard let format = top.format else {
            throw ScannedFile.error(.format, path, data, offset, "field \"format\": expected a whole number")
        }
        self.format = format
    }

    /// The record's id from the file's top level.
    func id() throws -> UUID {
        guard let offset = top.idOffset else {
            throw StoreError(.format, file: path, line: 1, column: 1, "field \"id\": missing")
        }
        guard let text = top.id, let id = FastUUID.parse(text) else {
            throw ScannedFile.error(.format, path, data, offset,
                                    "field \"id\": expected a UUID like \"1A2B3C4D-0000-4000-8000-000000000000\"")
        }
        return id
    }

    /// An error at a byte offset of a file.
    static func error(_ kind: StoreError.Kind, _ path: String, _ data: Data, _ offset: Int, _ message: String) -> StoreError {
        let place = data.withUnsafeBytes { JSONScanner.position(of: offset, in: $0.bindMemory(to: UInt8.self)) }
        return StoreError(kind, file: path, line: place.line, column: place.column, message)
    }

    /// The line and column of the value at `path` (keys and indices), for messages about it.
    func location(of path: [JSONScanner.Step]) -> (line: Int, column: Int) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return JSONScanner.position(of: JSONScanner.offset(of: path, in: bytes), in: bytes)
        }
    }
}
