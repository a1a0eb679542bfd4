import CSV
import Foundation
import TandemCore

/// RFC 4180 text for `CSVTable`s, through the CSV.swift package: fields with commas, quotes or
/// line breaks quoted (quotes doubled), CRLF between records, UTF-8.
public enum CSVText {
    /// The whole table: its header's `line`, then each row's.
    public static func encode(_ table: CSVTable) throws -> String {
        var out = try line(table.header)
        for row in table.rows { out += try line(row) }
        return out
    }

    /// One record of a CSV file, with its CRLF: what a table streamed a row at a time is made of
    /// (the writer puts the line break between records; the file ends with one too).
    public static func line(_ row: [String]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: row)
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "\r\n" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// The rows of a CSV file, the header first. Throws a `StoreError` naming the file when it
    /// is not UTF-8 text or cannot be parsed.
    public static func decode(_ data: Data, file: String) throws -> [[String]] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            throw StoreError(.format, file: file, "is not UTF-8 text (byte \(bad + 1) is not): save it as CSV UTF-8")
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
            throw StoreError(.format, file: file, "cannot be read as CSV: \(error)")
        }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error {
            throw StoreError(.format, file: file, "cannot be read as CSV after row \(rows.count): \(error)")
        }
        return rows
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var i = 0
        let b = [UInt8](data)
        while i < b.count {
            let c = b[i]
            let need = c < 0x80 ? 0 : c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1
            if need < 0 || i + need >= b.count + (need == 0 ? 1 : 0) { return i }
            for k in 0..<need where b[i + 1 + k] & 0xC0 != 0x80 { return i }
            i += need + 1
        }
        return i
    }
}
