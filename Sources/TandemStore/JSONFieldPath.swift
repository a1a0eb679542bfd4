/// The field a byte offset of a JSON document falls in (`sessions[2].notes`), found by a lenient
/// walk that works on documents the scanner rejected: strings are skipped to their closing quote
/// without checking escapes, other values to the next delimiter. For messages only.
struct JSONFieldPath {
    private let b: UnsafeBufferPointer<UInt8>
    private let target: Int
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>, _ target: Int) { self.b = b; self.target = target }

    /// The steps to the innermost key or value holding `offset` (a key counts as its member).
    static func steps(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [JSONScanner.Step] {
        var walker = JSONFieldPath(bytes, offset)
        var path: [JSONScanner.Step] = []
        return walker.value(&path, depth: 0) ?? []
    }

    /// `sessions[2].notes`; empty for the top level.
    static func text(_ steps: [JSONScanner.Step]) -> String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let n): out += "[\(n)]"
            }
        }
        return out
    }

    private mutating func space() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func skipString() -> String {
        let start = i + 1
        i += 1
        while i < b.count {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "\"") { i += 1; return String(decoding: UnsafeBufferPointer(rebasing: b[start..<(i - 1)]), as: UTF8.self) }
            i += 1
        }
        i = b.count
        return String(decoding: UnsafeBufferPointer(rebasing: b[min(start, b.count)..<b.count]), as: UTF8.self)
    }

    /// The path when `target` is inside the value at `i`; `nil` when it is after it.
    private mutating func value(_ path: inout [JSONScanner.Step], depth: Int) -> [JSONScanner.Step]? {
        space()
        let start = i
        guard i < b.count, depth < 512 else { return path }
        switch b[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = b[i] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            i += 1
            var index = 0
            while true {
                space()
                guard i < b.count else { return path }
                if b[i] == close { i += 1; break }
                if b[i] == UInt8(ascii: ",") { i += 1; index += 1; continue }
                if isObject {
                    let keyStart = i
                    guard b[i] == UInt8(ascii: "\"") else {
                        if target <= i { return path }
                        i += 1
                        continue
                    }
                    let key = skipString()
                    if target >= keyStart && target < i { return path + [.key(key)] }
                    if target < keyStart { return path }
                    space()
                    if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                    path.append(.key(key))
                } else {
                    if target < i { return path }
                    path.append(.index(index))
                }
                let before = i
                if let found = value(&path, depth: depth + 1) { return found }
                path.removeLast()
                if i == before { i += 1 }
            }
        case UInt8(ascii: "\""):
            _ = skipString()
        default:
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { break }
                i += 1
            }
            if i == start { i += 1 }
        }
        return target >= start && target < i ? path : nil
    }
}
