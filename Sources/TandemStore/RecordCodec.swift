import Foundation
import TandemCore

/// How a record becomes the bytes of its file and back.
///
/// A file is the record's own JSON object with `"format"` added at the top level, pretty-printed
/// with sorted keys and a trailing newline, so the same value always gives the same bytes.
/// Decoding errors become `StoreError`s naming the file, the line and column of the offending
/// value, the field path and the expected form.
enum RecordCodec {
    /// The record's bytes as they go on disk.
    /// `format` is the file's format: 1 unless the record holds a sealed note (`Store.format(of:)`).
    static func encode<T: Encodable>(_ value: T, file: String, format: Int = 1) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(WithFormat(value: value, format: format))
            data.append(0x0A)
            return data
        } catch let EncodingError.invalidValue(value, context) {
            throw StoreError(.format, file: file,
                             "cannot save \(fieldText(context.codingPath)): \(value) cannot be written as JSON")
        }
    }

    /// Decodes a scanned file, migrating it first when its format is older than this build's.
    static func decode<T: Decodable>(_ type: T.Type, from file: ScannedFile, migrations: [Migration],
                                     decoder: JSONDecoder) throws -> T {
        if file.format < currentFormat, !RecordCodec.decodesAsItIs(file.format, migrations: migrations) {
            let migrated = try migrate(file, migrations: migrations)
            do {
                return try decoder.decode(T.self, from: migrated)
            } catch let error as DecodingError {
                var e = storeError(error, file: file.path, data: migrated)
                e.line = nil; e.column = nil
                e.message += " (after migrating from format \(file.format))"
                throw e
            }
        }
        // The quick decoder first; it leaves anything it would not decode exactly as
        // JSONDecoder does (every error included) to JSONDecoder.
        if let value = FastJSONDecoder.decode(T.self, from: file.data) { return value }
        do {
            return try decoder.decode(T.self, from: file.data)
        } catch let error as DecodingError {
            throw storeError(error, file: file.path, data: file.data)
        }
    }

    /// Whether every step from `format` to the current one is known and leaves the JSON as it is
    /// (1 → 2), so the file decodes directly, with its own lines and columns in any error.
    static func decodesAsItIs(_ format: Int, migrations: [Migration]) -> Bool {
        (format..<currentFormat).allSatisfy { from in
            guard let step = migrations.first(where: { $0.from == from }) ?? Migration.all.first(where: { $0.from == from }) else { return false }
            return !step.reshapes
        }
    }

    /// Runs the chain of migrations from the file's format up to the current one.
    static func migrate(_ file: ScannedFile, migrations: [Migration]) throws -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: file.data)) as? [String: Any] else {
            throw StoreError(.parse, file: file.path, "cannot be read for migration")
        }
        var format = file.format
        while format < currentFormat {
            // The built-in steps that do not reshape (1 → 2) fill in a chain given without them.
            guard let step = migrations.first(where: { $0.from == format }) ?? Migration.all.first(where: { $0.from == format }) else {
                throw StoreError(.format, file: file.path,
                                 "has format \(format), which this Tandem cannot migrate (it reads \(currentFormat))")
            }
            do {
                object = try step.migrate(object)
            } catch {
                throw StoreError(.format, file: file.path, "migration from format \(format) failed: \(error)")
            }
            format += 1
        }
        object["format"] = currentFormat
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// A decoding error told as a place in the file and a field with its expected form.
    static func storeError(_ error: DecodingError, file: String, data: Data) -> StoreError {
        let path: [CodingKey]
        let message: String
        switch error {
        case let .typeMismatch(type, context):
            path = context.codingPath
            message = "\(fieldText(path)): expected \(form(of: type)), found \(found(path, in: data))"
        case let .valueNotFound(type, context):
            path = context.codingPath
            message = "\(fieldText(path)): expected \(form(of: type)), found null"
        case let .keyNotFound(key, context):
            path = context.codingPath
            message = "\(fieldText(path + [key])): missing"
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return misfitNumber(file: file, data: data)
                ?? StoreError(.format, file: file, "a value does not fit its field (\(context.debugDescription))")
        case let .dataCorrupted(context):
            path = context.codingPath
            message = "\(fieldText(path)): \(explain(context.debugDescription, path: path, data: data))"
        @unknown default:
            return StoreError(.format, file: file, "\(error)")
        }
        let offset = data.withUnsafeBytes { raw in
            JSONScanner.offset(of: steps(path), in: raw.bindMemory(to: UInt8.self))
        }
        let place = data.withUnsafeBytes { JSONScanner.position(of: offset, in: $0.bindMemory(to: UInt8.self)) }
        return StoreError(.format, file: file, line: place.line, column: place.column, message)
    }

    /// Foundation reports a fraction where a whole number belongs as invalid JSON, without a
    /// path: find such a number under a whole-number field of the models.
    private static func misfitNumber(file: String, data: Data) -> StoreError? {
        let found = data.withUnsafeBytes { raw in
            JSONScanner.firstMember(in: raw.bindMemory(to: UInt8.self)) { key, text in
                guard wholeNumberFields.contains(key), let first = text.first, first == "-" || first.isNumber else { return false }
                guard let value = Double(text) else { return true }
                return value.rounded() != value || abs(value) > 9.0e15
            }
        }
        guard let found else { return nil }
        let place = data.withUnsafeBytes { JSONScanner.position(of: found.offset, in: $0.bindMemory(to: UInt8.self)) }
        let keys: [CodingKey] = found.path.map { step in
            switch step {
            case .key(let k): PathKey(stringValue: k)
            case .index(let n): PathKey(index: n)
            }
        }
        return StoreError(.format, file: file, line: place.line, column: place.column,
                          "\(fieldText(keys)): expected a whole number, found \(Self.found(keys, in: data))")
    }

    /// The whole-number fields of the models.
    private static let wholeNumberFields: Set<String> = [
        "mentoringCapacity", "plannedSessions", "cadenceDays", "minutes", "pulse", "score",
        "momentumDays", "dueSoonDays", "fizzleDays", "format",
    ]

    /// `field "sessions[2].minutes"`, or `the record` for the top level.
    static func fieldText(_ path: [CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the record" : "field \"\(text)\""
    }

    private static func steps(_ path: [CodingKey]) -> [JSONScanner.Step] {
        path.map { key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") { return .index(index) }
            return .key(key.stringValue)
        }
    }

    private static func found(_ path: [CodingKey], in data: Data) -> String {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return JSONScanner.describeValue(at: JSONScanner.offset(of: steps(path), in: bytes), in: bytes)
        }
    }

    private static func form(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is String.Type: "text in quotes"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list [ … ]"
        case is [String: Any].Type: "an object { … }"
        case is UUID.Type: "a UUID"
        default: "a \(type)"
        }
    }

    /// Turns Foundation's and the models' data-corrupted messages into the expected form.
    private static func explain(_ debug: String, path: [CodingKey], data: Data) -> String {
        let value = found(path, in: data)
        if debug.contains("UUID") {
            return "expected a UUID like \"1A2B3C4D-0000-4000-8000-000000000000\", found \(value)"
        }
        if debug.contains("does not fit in") {
            return "expected a whole number, found \(value)"
        }
        if debug.hasPrefix("Cannot initialize ") {
            let typeName = debug.dropFirst("Cannot initialize ".count).prefix { $0 != " " }
            if let choices = choices[String(typeName)] {
                return "expected one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")), found \(value)"
            }
        }
        return debug
    }

    private static let choices: [String: [String]] = [
        "Level": Level.allCases.map(\.rawValue),
        "EngagementStatus": EngagementStatus.allCases.map(\.rawValue),
        "RelationshipStatus": RelationshipStatus.allCases.map(\.rawValue),
        "Direction": ["higherIsBetter", "lowerIsBetter"],
        "Visibility": Visibility.allCases.map(\.rawValue),
        "Recommendation": ["coaching", "mentoring", "hybrid"],
    ]
}

/// A coding key rebuilt from a path the scanner found.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.init(index: intValue) }
    init(index: Int) { stringValue = "Index \(index)"; intValue = index }
}

/// A value encoded with `"format"` beside its own fields.
private struct WithFormat<T: Encodable>: Encodable {
    let value: T
    let format: Int
    private enum Key: String, CodingKey { case format }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(format, forKey: .format)
    }
}
