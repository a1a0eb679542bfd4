import TandemCore

/// The form a record field's value must have, by field name: what lets the scanner notice a
/// wrong type or a bad date in a record it would not decode (a closed engagement at start-up),
/// at the scanner's speed. Such a record is then decoded, so the error names the file, line,
/// column and the field's whole path, as for any other record.
///
/// Field names mean the same thing wherever they appear in the models (`date` is always a day,
/// `id` always a UUID), so one table by name is enough. `null` is accepted everywhere (an
/// optional left empty); unknown fields are left to the decoder.
enum FieldForm {
    case day, uuid, whole, number, text, list

    var expected: String {
        switch self {
        case .day: "a date \"YYYY-MM-DD\""
        case .uuid: "a UUID like \"1A2B3C4D-0000-4000-8000-000000000000\""
        case .whole: "a whole number"
        case .number: "a number"
        case .text: "text in quotes"
        case .list: "a list [ … ]"
        }
    }

    static let byName: [String: FieldForm] = [
        "date": .day, "start": .day, "deadline": .day, "doneOn": .day, "due": .day, "nextDate": .day,
        "targetDate": .day, "achievedOn": .day, "startDate": .day, "leftOn": .day, "closedOn": .day, "pausedOn": .day,
        "id": .uuid, "coacheeID": .uuid, "personID": .uuid, "mentorID": .uuid, "menteeID": .uuid,
        "managerID": .uuid, "sessionID": .uuid,
        "minutes": .whole, "pulse": .whole, "cadenceDays": .whole, "plannedSessions": .whole,
        "mentoringCapacity": .whole, "format": .whole, "score": .whole,
        "value": .number, "baseline": .number, "target": .number,
        "notes": .text, "text": .text, "focus": .text, "name": .text, "unit": .text, "outcome": .text,
        "role": .text, "team": .text, "status": .text, "visibility": .text, "direction": .text,
        "level": .text, "note": .text, "from": .text, "question": .text, "rationale": .text, "recommendation": .text, "external": .text,
        "sessions": .list, "actionItems": .list, "topics": .list, "objectives": .list, "metrics": .list,
        "readings": .list, "goals": .list, "focusAreas": .list, "history": .list, "expertise": .list,
        "interests": .list, "answers": .list,
    ]

    /// The table by a hash of the name's bytes, open-addressed in a small array, so the scanner
    /// looks a field up without making a String or hashing it twice.
    static let slots: [(hash: UInt64, form: FieldForm)?] = {
        var t = [(hash: UInt64, form: FieldForm)?](repeating: nil, count: slotCount)
        for (name, form) in byName {
            let bytes = Array(name.utf8)
            let h = bytes.withUnsafeBufferPointer { hash($0, 0..<bytes.count) }
            var i = Int(truncatingIfNeeded: h) & (slotCount - 1)
            while t[i] != nil { i = (i + 1) & (slotCount - 1) }
            t[i] = (h, form)
        }
        return t
    }()
    static let slotCount = 256

    /// The form of the field whose name has this hash, if it is one the table knows.
    static func form(hash h: UInt64) -> FieldForm? {
        var i = Int(truncatingIfNeeded: h) & (slotCount - 1)
        while let slot = slots[i] {
            if slot.hash == h { return slot.form }
            i = (i + 1) & (slotCount - 1)
        }
        return nil
    }

    /// FNV-1a over a range of bytes.
    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in r { h = (h ^ UInt64(b[k])) &* 0x100000001b3 }
        return h
    }
}

extension JSONScanner {
    /// Checks a field's value against its form: the problem at the value's offset, if any.
    func checkField(key: Range<Int>, value: Range<Int>) -> Failure? {
        guard key.count <= 17, let form = FieldForm.form(hash: FieldForm.hash(b, key)) else { return nil }
        let first = b[value.lowerBound]
        if first == UInt8(ascii: "n") { return nil } // null
        let fits: Bool
        switch form {
        case .text: fits = first == UInt8(ascii: "\"")
        case .list: fits = first == UInt8(ascii: "[")
        case .number: fits = first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39)
        case .whole:
            fits = (first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39))
                && !value.contains { b[$0] == UInt8(ascii: ".") || b[$0] == UInt8(ascii: "e") || b[$0] == UInt8(ascii: "E") }
        case .day: fits = isDay(value)
        case .uuid: fits = isUUID(value)
        }
        guard !fits else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[key]), as: UTF8.self)
        return Failure(offset: value.lowerBound,
                      message: "field \"\(name)\": expected \(form.expected), found \(JSONScanner.describeValue(at: value.lowerBound, in: b))")
    }

    /// `"YYYY-MM-DD"` naming a real day.
    private func isDay(_ r: Range<Int>) -> Bool {
        guard r.count == 12, b[r.lowerBound] == UInt8(ascii: "\""), b[r.upperBound - 1] == UInt8(ascii: "\"") else { return false }
        let s = r.lowerBound + 1
        func digits(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for k in from..<(from + n) {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let y = digits(s, 4), let m = digits(s + 5, 2), let d = digits(s + 8, 2) else { return false }
        return Day(year: y, month: m, day: d) != nil
    }

    /// `"XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"` in hex digits.
    private func isUUID(_ r: Range<Int>) -> Bool {
        guard r.count == 38, b[r.lowerBound] == UInt8(ascii: "\""), b[r.upperBound - 1] == UInt8(ascii: "\"") else { return false }
        for k in 0..<36 {
            let c = b[r.lowerBound + 1 + k]
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) {
                return false
            }
        }
        return true
    }
}
