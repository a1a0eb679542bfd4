import Foundation

/// iCalendar text (RFC 5545): writing the agency's dates as all-day events, and reading the
/// events of a calendar file.
///
/// Written text has CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence),
/// TEXT values escaped (`\\`, `\;`, `\,`, `\n`), and UIDs made from record and session ids, so a
/// calendar that imports the file again updates its events instead of adding copies.
public enum ICalendar {
    /// One event to write.
    public struct Event: Equatable, Sendable {
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String
        /// Raised whenever the event moves, so calendars take the newer one.
        public var sequence: Int
        public var categories: [String]
    }

    /// The events of an agency: each engagement's deadline, each active relationship's next
    /// meeting, and each logged session (apply `ExportScope.filtered` first): each record's
    /// `events(of:)`, engagements first, in the snapshot's order.
    public static func events(of snapshot: Snapshot, today: Day) -> [Event] {
        let names = PeopleIndex(snapshot.people)
        var out: [Event] = []
        for e in snapshot.engagements { out += events(of: e, names: names) }
        for r in snapshot.relationships { out += events(of: r, names: names, today: today) }
        return out
    }

    /// An engagement's events: its deadline, then each logged session.
    public static func events(of e: CoachingEngagement, names: PeopleIndex) -> [Event] {
        let who = names.name(e.coacheeID)
        var out = [Event(uid: uid("deadline", e.id), day: e.deadline, summary: "Deadline: \(who) — \(e.focus)",
                         description: "Coaching engagement (\(e.status.label)), started \(e.start.iso).",
                         sequence: 0, categories: ["Tandem", "Coaching"])]
        for s in e.sessions {
            out.append(Event(uid: uid("session", s.id), day: s.date, summary: "Coaching: \(who) — \(e.focus)",
                             description: sessionText(s), sequence: 0, categories: ["Tandem", "Coaching"]))
        }
        return out
    }

    /// A relationship's events: its next meeting when it is active, then each logged session.
    public static func events(of r: MentoringRelationship, names: PeopleIndex, today: Day) -> [Event] {
        let pair = "\(names.name(r.mentorID)) → \(names.name(r.menteeID))"
        var out: [Event] = []
        if let next = r.nextDue(today: today) {
            out.append(Event(uid: uid("next", r.id), day: next, summary: "Mentoring due: \(pair)",
                             description: "Next mentoring meeting, every \(r.cadenceDays) days.",
                             sequence: r.sessions.count, categories: ["Tandem", "Mentoring"]))
        }
        for s in r.sessions {
            out.append(Event(uid: uid("session", s.id), day: s.date, summary: "Mentoring: \(pair)",
                             description: sessionText(s), sequence: 0, categories: ["Tandem", "Mentoring"]))
        }
        return out
    }

    /// Whether a calendar of `kind` carries the event: coaching, the deadlines and coaching
    /// sessions; mentoring, the next meetings and mentoring sessions; sessions, every logged
    /// session; `nil` (or people, which has no dates), all of them.
    public static func carries(_ event: Event, kind: InteropKind?) -> Bool {
        switch kind {
        case .coaching: event.categories.contains("Coaching")
        case .mentoring: event.categories.contains("Mentoring")
        case .sessions: event.uid.hasPrefix("session-")
        case .people, nil: true
        }
    }

    /// `deadline-1a2b…@tandem`: the same record or session always gives the same UID.
    public static func uid(_ what: String, _ id: UUID) -> String { "\(what)-\(id.uuidString.lowercased())@tandem" }

    static func sessionText(_ s: Session) -> String {
        var parts = ["\(s.minutes) minutes"]
        if let p = s.pulse { parts.append("pulse \(p)/5") }
        var text = parts.joined(separator: ", ") + "."
        if !s.notes.isEmpty { text += "\n" + s.notes }
        for a in s.actionItems { text += "\n- " + a.text + (a.due.map { " (due \($0.iso))" } ?? "") }
        return text
    }

    /// The whole calendar. `today` stamps the events (DTSTAMP), so the same store on the same day
    /// gives the same bytes. `calendarStart`, each event's `text(of:today:)`, `calendarEnd`.
    public static func calendar(name: String, events: [Event], today: Day) -> String {
        var out = calendarStart(name: name)
        for e in events { out += text(of: e, today: today) }
        return out + calendarEnd
    }

    /// The calendar's opening lines, folded, with CRLF ends.
    public static func calendarStart(name: String) -> String {
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem//Tandem//EN", "CALSCALE:GREGORIAN",
         "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name)].map(fold).joined()
    }

    /// One VEVENT's lines, folded, with CRLF ends.
    public static func text(of e: Event, today: Day) -> String {
        var lines = ["BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + compact(today) + "T000000Z",
                     "DTSTART;VALUE=DATE:" + compact(e.day), "DTEND;VALUE=DATE:" + compact(e.day.adding(days: 1)),
                     "SUMMARY:" + escape(e.summary)]
        if !e.description.isEmpty { lines.append("DESCRIPTION:" + escape(e.description)) }
        if !e.categories.isEmpty { lines.append("CATEGORIES:" + e.categories.map(escape).joined(separator: ",")) }
        if e.sequence > 0 { lines.append("SEQUENCE:\(e.sequence)") }
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        return lines.map(fold).joined()
    }

    /// The calendar's closing line.
    public static let calendarEnd = fold("END:VCALENDAR")

    /// 20261201.
    static func compact(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    /// A TEXT value: backslash, semicolon, comma and newline escaped (a line or paragraph
    /// separator too); other control characters, C1 controls and bidirectional overrides and
    /// isolates dropped (what `TerminalSafeText` would not print raw), so a calendar shows the
    /// words the file holds in their order.
    public static func escape(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            case "\u{2028}", "\u{2029}": out += "\\n"
            default:
                if TerminalSafeText.isUnsafe(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded: at most 75 octets a line, continuation lines start with a
    /// space, every line ends with CRLF; a UTF-8 sequence is never split.
    public static func fold(_ line: String) -> String {
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if current + width > limit {
                out += "\r\n "
                current = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            current += width
        }
        return out + "\r\n"
    }

    // MARK: - Reading

    /// One event read from a calendar file.
    public struct Meeting: Equatable, Sendable {
        public var uid: String
        public var summary: String
        public var description: String
        public var day: Day
        /// From DTEND or DURATION when the event has times; `nil` for an all-day event.
        public var minutes: Int?
        /// The attendees' and organizer's names (CN), or the address before '@' when there is none.
        public var attendees: [String]
        /// The line of the file its BEGIN:VEVENT is on.
        public var line: Int

        public init(uid: String, summary: String, description: String, day: Day, minutes: Int?, attendees: [String], line: Int) {
            self.uid = uid; self.summary = summary; self.description = description; self.day = day
            self.minutes = minutes; self.attendees = attendees; self.line = line
        }
    }

    public struct ReadProblem: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The events of a calendar, and a problem for each event that cannot be read.
    public static func meetings(in text: String) -> (meetings: [Meeting], problems: [ReadProblem]) {
        // Unfold: a line break followed by a space or a tab continues the line.
        var lines: [(Int, String)] = []
        var n = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            n += 1
            var l = String(raw)
            if l.hasSuffix("\r") { l.removeLast() }
            if let first = l.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].1 += String(l.dropFirst())
            } else if !l.isEmpty {
                lines.append((n, l))
            }
        }
        guard lines.first?.1.uppercased() == "BEGIN:VCALENDAR" else {
            return ([], [ReadProblem(line: lines.first?.0 ?? 1, message: "not an iCalendar file: expected BEGIN:VCALENDAR")])
        }
        var meetings: [Meeting] = [], problems: [ReadProblem] = []
        var current: [(Int, Property)]?
        var start = 0
        for (number, line) in lines {
            guard let p = Property(line) else {
                problems.append(ReadProblem(line: number, message: "expected NAME:VALUE"))
                continue
            }
            if p.name == "BEGIN", p.value.uppercased() == "VEVENT" { current = []; start = number; continue }
            if p.name == "END", p.value.uppercased() == "VEVENT", let props = current {
                switch meeting(props, line: start) {
                case .success(let m): meetings.append(m)
                case .failure(let e): problems.append(e)
                }
                current = nil
                continue
            }
            current?.append((number, p))
        }
        return (meetings, problems)
    }

    struct Property {
        var name: String
        var params: [String: String]
        var value: String

        init?(_ line: String) {
            // The first ':' outside a quoted parameter value ends the name and parameters.
            var inQuote = false
            var colon: String.Index?
            for i in line.indices {
                let c = line[i]
                if c == "\"" { inQuote.toggle() } else if c == ":" && !inQuote { colon = i; break }
            }
            guard let colon else { return nil }
            let head = line[..<colon]
            value = String(line[line.index(after: colon)...])
            var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            name = parts.removeFirst().uppercased()
            params = [:]
            for part in parts {
                guard let eq = part.firstIndex(of: "=") else { continue }
                var v = String(part[part.index(after: eq)...])
                if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
                params[part[..<eq].uppercased()] = v
            }
        }
    }

    static func meeting(_ props: [(Int, Property)], line: Int) -> Result<Meeting, ReadProblem> {
        func first(_ name: String) -> (Int, Property)? { props.first { $0.1.name == name } }
        guard let (startLine, dtstart) = first("DTSTART") else {
            return .failure(ReadProblem(line: line, message: "an event without DTSTART"))
        }
        guard let begin = Moment(dtstart.value) else {
            return .failure(ReadProblem(line: startLine, message: "DTSTART \"\(CSVImport.visible(dtstart.value))\" is not a date: expected YYYYMMDD or YYYYMMDDTHHMMSS"))
        }
        var minutes: Int?
        if begin.minute != nil {
            if let end = first("DTEND").flatMap({ Moment($0.1.value) }), end.minute != nil {
                minutes = begin.minutes(to: end)
            } else if let d = first("DURATION").flatMap({ duration($0.1.value) }) {
                minutes = d
            }
        }
        let attendees = props.filter { $0.1.name == "ATTENDEE" || $0.1.name == "ORGANIZER" }.compactMap { _, p -> String? in
            if let cn = p.params["CN"], !cn.isEmpty { return unescape(cn) }
            let address = p.value.lowercased().hasPrefix("mailto:") ? String(p.value.dropFirst(7)) : p.value
            return address.split(separator: "@").first.map(String.init)
        }
        return .success(Meeting(uid: first("UID")?.1.value ?? "", summary: unescape(first("SUMMARY")?.1.value ?? ""),
                                description: unescape(first("DESCRIPTION")?.1.value ?? ""), day: begin.day,
                                minutes: minutes, attendees: attendees, line: line))
    }

    /// A DATE or DATE-TIME value (the clock time as written; a time zone is not applied).
    struct Moment {
        var day: Day
        var minute: Int?

        init?(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            let digits = Array(t.prefix(8))
            guard digits.count == 8, digits.allSatisfy(\.isNumber),
                  let y = Int(String(digits[0..<4])), let m = Int(String(digits[4..<6])), let d = Int(String(digits[6..<8])),
                  let day = Day(year: y, month: m, day: d) else { return nil }
            self.day = day
            let rest = t.dropFirst(8)
            if rest.isEmpty { minute = nil; return }
            let time = Array(rest.dropFirst())
            guard rest.first == "T", time.count >= 4, time.prefix(4).allSatisfy(\.isNumber),
                  let hh = Int(String(time[0..<2])), let mm = Int(String(time[2..<4])), hh < 24, mm < 60 else { return nil }
            minute = hh * 60 + mm
        }

        func minutes(to other: Moment) -> Int? {
            guard let a = minute, let b = other.minute else { return nil }
            return day.days(to: other.day) * 24 * 60 + b - a
        }
    }

    /// PT1H30M, PT45M, P1D → minutes.
    static func duration(_ text: String) -> Int? {
        var t = Substring(text.uppercased())
        guard t.hasPrefix("P") else { return nil }
        t = t.dropFirst()
        var total = 0, number = ""
        for c in t {
            if c.isNumber { number.append(c); continue }
            guard let v = Int(number) else { if c == "T" { continue }; return nil }
            switch c {
            case "W": total += v * 7 * 24 * 60
            case "D": total += v * 24 * 60
            case "H": total += v * 60
            case "M": total += v
            case "S": total += v / 60
            default: return nil
            }
            number = ""
        }
        return total
    }

    /// The inverse of `escape`.
    public static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
