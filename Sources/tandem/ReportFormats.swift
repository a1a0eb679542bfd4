import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The report as readable text and as Markdown.
enum ReportText {
    /// Text from a file with control characters written as `\u{1B}`, so nothing from a record
    /// can move a terminal's cursor.
    static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func plain(_ lines: [Line]) -> [String] { lines.map { $0.map(\.text).joined() } }

    static func text(_ r: Report, glyphs: ChartGlyphs) -> String {
        let i = r.insights
        var out: [String] = ["Tandem report · " + visible(r.title), ""]
        let labelWidth = i.figures.map { Text.width($0.label) }.max() ?? 0
        let valueWidth = i.figures.map { Text.width($0.text) }.max() ?? 0
        func figure(_ f: Figure, names: Bool = true) {
            var line = "  " + Text.pad(f.label, to: labelWidth) + "  " + Text.pad(f.text, to: valueWidth, align: .right)
            if names, !f.refs.isEmpty, f.refs.count <= 12 { line += "  " + visible(r.names(f.refs)) }
            out.append(line)
        }
        for section in i.sections {
            out.append(section.title)
            switch section.id {
            case "coaching":
                for f in section.figures { figure(f, names: f.id != "coaching.completed") }
                out.append("")
                out.append("  Active engagements by forecast")
                out += plain(BarChart(bars: forecastBars(i), glyphs: glyphs).lines(width: 60)).map { "    " + $0 }
            case "mentoring":
                for f in section.figures { figure(f) }
                if !i.mentoring.pairs.isEmpty {
                    out.append("")
                    out.append("  Cadence per pair (held of due)")
                    for p in i.mentoring.pairs {
                        out.append("    " + Text.pad(visible("\(p.mentor) → \(p.mentee)"), to: 40) + "  \(p.held) of \(p.due)"
                                   + (p.share.map { "  " + Insights.percent($0) } ?? ""))
                    }
                }
            case "investment":
                out.append("  Hours per \(i.investment.granularity.rawValue)")
                out += plain(BarChart(bars: hourBars(i, coaching: true), glyphs: glyphs, empty: "no coaching sessions").lines(width: 60)).map { "    coaching   " + $0 }
                out += plain(BarChart(bars: hourBars(i, coaching: false), glyphs: glyphs, empty: "no mentoring sessions").lines(width: 60)).map { "    mentoring  " + $0 }
                for (title, rows) in [("Coaches", i.investment.coaches), ("Mentors", i.investment.mentors)] where !rows.isEmpty {
                    out.append("")
                    out.append("  \(title) (hours: " + i.investment.buckets.map(\.label).joined(separator: ", ") + ", total)")
                    for row in rows {
                        out.append("    " + Text.pad(visible(row.name), to: 28) + "  "
                                   + (row.hours + [row.total]).map { Text.pad(hoursNumber($0), to: 6, align: .right) }.joined(separator: " "))
                    }
                }
                if !i.investment.load.isEmpty {
                    out.append("")
                    out.append("  Mentoring load (active mentees / capacity)")
                    for l in i.investment.load {
                        out.append("    " + Text.pad(visible(l.name), to: 28) + "  " + l.load.text + (l.load.isOver ? "  over" : l.load.isFull ? "  full" : ""))
                    }
                }
                out.append("")
                for f in section.figures where !f.id.hasPrefix("investment.coach.") && !f.id.hasPrefix("investment.mentor.") { figure(f) }
            case "feedback":
                for f in section.figures { figure(f, names: f.id != "feedback.pulse") }
                out.append("")
                out.append("  Pulse per month (average, 1–5): " + i.feedback.pulse.map { "\($0.label) \($0.average.map { String(format: "%.1f", $0) } ?? "—")" }.joined(separator: " · "))
                out += plain(LineChart(values: i.feedback.pulse.map(\.average), range: 1...5, glyphs: glyphs, empty: "no pulse recorded")
                    .lines(width: 60, height: 5)).map { "    " + $0 }
            default:
                for f in section.figures { figure(f) }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func forecastBars(_ i: Insights) -> [BarChart.Bar] {
        [i.coaching.onTrack, i.coaching.atRisk, i.coaching.offTrack, i.coaching.noData].map {
            BarChart.Bar($0.label.replacingOccurrences(of: "active, ", with: ""), $0.value ?? 0, text: $0.text)
        }
    }

    static func hourBars(_ i: Insights, coaching: Bool) -> [BarChart.Bar] {
        let hours = coaching ? i.investment.coachingHours : i.investment.mentoringHours
        guard hours.contains(where: { $0 > 0 }) else { return [] }
        return zip(i.investment.buckets, hours).map { BarChart.Bar($0.label, $1, text: Insights.hours($1)) }
    }

    static func hoursNumber(_ h: Double) -> String { String(format: "%.1f", h) }

    /// Markdown a leader pastes into a document: a heading a section, tables of figures.
    static func markdown(_ r: Report) -> String {
        let i = r.insights
        func cell(_ s: String) -> String { visible(s).replacingOccurrences(of: "|", with: "\\|") }
        var out = ["# Tandem report", "", "**\(cell(r.snapshot.agency.name))** · \(i.range.text)" + (i.team.map { " · team \(cell($0))" } ?? ""), ""]
        for section in i.sections {
            out += ["## \(section.title)", "", "| figure | value | records |", "| --- | ---: | --- |"]
            for f in section.figures {
                let names = f.refs.isEmpty ? "" : f.refs.count <= 12 ? cell(r.names(f.refs)) : "\(f.refs.count) records"
                out.append("| \(cell(f.label)) | \(f.text) | \(names) |")
            }
            out.append("")
            switch section.id {
            case "mentoring" where !i.mentoring.pairs.isEmpty:
                out += ["| pair | held | due | kept |", "| --- | ---: | ---: | ---: |"]
                out += i.mentoring.pairs.map { "| \(cell("\($0.mentor) → \($0.mentee)")) | \($0.held) | \($0.due) | \($0.share.map(Insights.percent) ?? "—") |" }
                out.append("")
            case "investment":
                let head = i.investment.buckets.map(\.label)
                for (title, rows) in [("coach", i.investment.coaches), ("mentor", i.investment.mentors)] where !rows.isEmpty {
                    out.append("| \(title) | " + head.joined(separator: " | ") + " | total |")
                    out.append("| --- |" + String(repeating: " ---: |", count: head.count + 1))
                    out += rows.map { "| \(cell($0.name)) | " + ($0.hours + [$0.total]).map(hoursNumber).joined(separator: " | ") + " |" }
                    out.append("")
                }
                if !i.investment.load.isEmpty {
                    out += ["| mentor | load |", "| --- | ---: |"]
                    out += i.investment.load.map { "| \(cell($0.name)) | \($0.load.text) |" }
                    out.append("")
                }
            case "feedback":
                out += ["| month | average pulse | sessions |", "| --- | ---: | ---: |"]
                out += i.feedback.pulse.map { "| \($0.label) | \($0.average.map { String(format: "%.1f", $0) } ?? "—") | \($0.count) |" }
                out.append("")
            default: break
            }
        }
        return out.joined(separator: "\n")
    }
}

/// The report for scripts: every figure with its value and the records behind it.
enum ReportJSON {
    static func render(_ r: Report) throws -> String {
        var out = ""
        try render(r) { out += $0 }
        return out
    }

    /// The report given a piece at a time to `emit`: the document is serialized a top-level key at
    /// a time and without its lists of records and of hours (over a long period they are most of
    /// it: a record for every month it had a pulse, a number for every coach and quarter), each
    /// written in its place as it comes, a record (serialized once) or a row's hours at a time, so
    /// memory holds the figures, not the output. The text is the same as serializing the whole
    /// document at once.
    static func render(_ r: Report, _ emit: (String) throws -> Void) throws {
        let i = r.insights
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enum Later { case records([InsightRef]), value(Any) }
        var later: [Later] = []
        // A value written later stands in the document as a marker string, replaced on the way out.
        func deferred(_ value: Later) -> Any {
            later.append(value)
            return marker + String(later.count - 1)
        }
        func refs(_ list: [InsightRef]) -> Any { list.isEmpty ? [Any]() : deferred(.records(list)) }
        func figure(_ f: Figure) -> [String: Any] {
            ["id": f.id, "label": f.label, "value": f.value ?? NSNull(), "text": f.text, "records": refs(f.refs)]
        }
        func row(_ x: Investment.Row) -> [String: Any] {
            ["name": x.name, "personID": x.personID.map { $0.uuidString.lowercased() } ?? NSNull(), "hours": deferred(.value(x.hours)),
             "total": x.total, "records": refs(x.refs)]
        }
        // The document's keys in the serializer's order, each value made only when it is written,
        // so one part of the document is held at a time.
        let parts: [(key: String, value: () -> Any)] = [
            ("agency", { r.snapshot.agency.name }),
            ("investment", { [
                "granularity": i.investment.granularity.rawValue,
                "buckets": i.investment.buckets.map { ["start": $0.start.iso, "label": $0.label] },
                "coachingHours": i.investment.coachingHours,
                "mentoringHours": i.investment.mentoringHours,
                "coaches": i.investment.coaches.map(row), "mentors": i.investment.mentors.map(row),
                "load": i.investment.load.map { ["id": $0.id.uuidString.lowercased(), "name": $0.name, "active": $0.load.active, "capacity": $0.load.capacity] as [String: Any] },
            ] as [String: Any] }),
            ("mentoringPairs", { i.mentoring.pairs.map {
                ["id": $0.id.uuidString.lowercased(), "mentor": $0.mentor, "mentee": $0.mentee, "activeDays": $0.activeDays,
                 "due": $0.due, "held": $0.held, "share": $0.share ?? NSNull()] as [String: Any]
            } }),
            ("pulse", { i.feedback.pulse.map { ["month": $0.start.iso, "label": $0.label, "average": $0.average ?? NSNull(), "sessions": $0.count] as [String: Any] } }),
            ("sections", { i.sections.map { ["id": $0.id, "title": $0.title, "figures": $0.figures.map(figure)] as [String: Any] } }),
            ("since", { i.range.from?.iso ?? NSNull() }),
            ("team", { i.team ?? NSNull() }),
            ("today", { i.today.iso }),
            ("until", { i.range.to.iso }),
        ].sorted { $0.key < $1.key }
        // A value as JSONSerialization writes it on its own: its lines, to be indented in place.
        func lines(_ value: Any) throws -> [Substring] {
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: options), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false)
        }
        // A record's object, as the serializer writes `{kind, id, name, file}` (keys sorted), made
        // where it is written: nothing is kept of the thousands a long period lists.
        func object(_ ref: InsightRef) -> [String] {
            ["{",
             "  \"file\" : " + (r.file(ref).map(JSONText.quoted) ?? "null") + ",",
             "  \"id\" : " + JSONText.quoted(ref.id.uuidString.lowercased()) + ",",
             "  \"kind\" : " + JSONText.quoted(ref.kind.rawValue) + ",",
             "  \"name\" : " + JSONText.quoted(r.name(ref)),
             "}"]
        }
        var piece = ""
        func flush(_ force: Bool = false) throws {
            if force || piece.utf8.count >= 1 << 16 { try emit(piece); piece = "" }
        }
        /// A nested value's lines after its first, each indented (blank lines stay blank).
        func put<S: StringProtocol>(_ more: ArraySlice<S>, indent: Substring) {
            for l in more {
                piece += "\n"
                if !l.isEmpty { piece += indent; piece += l }
            }
        }
        /// One line of a part, its value written in place when it is a marker.
        func line(_ line: Substring) throws {
            if let (indent, key, k, comma) = markerLine(line), k < later.count {
                piece += indent + "\"" + key + "\" : "
                switch later[k] {
                case .records(let list):
                    piece += "["
                    let inner = indent + "  "
                    for (n, ref) in list.enumerated() {
                        piece += n == 0 ? "\n" : ",\n"
                        let o = object(ref)
                        piece += inner; piece += o[0]
                        put(o.dropFirst(), indent: inner)
                        try flush()
                    }
                    piece += "\n" + indent + "]"
                case .value(let value):
                    let l = try lines(value)
                    piece += l[0]
                    put(l.dropFirst(), indent: indent)
                }
                if comma { piece += "," }
            } else {
                piece += line
            }
            try flush()
        }
        // Each part serialized as a document of its one key: its lines but the braces are the
        // part's lines in the whole document, a comma after every part but the last.
        piece += "{"
        for (n, part) in parts.enumerated() {
            later = []
            let text = String(decoding: try JSONSerialization.data(withJSONObject: [part.key: part.value()], options: options), as: UTF8.self)
            var body = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            if n < parts.count - 1, let last = body.popLast() { body.append(last + ",") }
            for l in body {
                piece += "\n"
                try line(l)
            }
        }
        piece += "\n}"
        try flush(true)
    }

    /// What stands for the `k`th value written later: a string no figure can hold (it starts with
    /// a control character, which the serializer writes as \u0001).
    private static let marker = "\u{1}later:"

    /// A line `<indent>"<key>" : "<marker>k"` (with its comma, if any).
    private static func markerLine(_ line: Substring) -> (indent: Substring, key: Substring, k: Int, comma: Bool)? {
        let tag = "\" : \"\\u0001later:"
        guard let at = line.range(of: tag) else { return nil }
        let indent = line.prefix { $0 == " " }
        var head = line[indent.endIndex..<at.lowerBound]
        guard head.first == "\"" else { return nil }
        head = head.dropFirst()
        var rest = line[at.upperBound...]
        let comma = rest.hasSuffix(",")
        if comma { rest = rest.dropLast() }
        guard rest.hasSuffix("\""), let k = Int(rest.dropLast()), !head.contains("\"") else { return nil }
        return (indent, head, k, comma)
    }
}

/// One HTML file a partner opens offline: inline CSS, charts as inline SVG, no scripts, no
/// fonts or images from anywhere.
enum ReportHTML {
    static func esc(_ s: String) -> String {
        var out = ""
        for ch in ReportText.visible(s) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A role's color in the built-in theme, as CSS.
    static func color(_ role: Role) -> String {
        if case .rgb(let r, let g, let b) = Theme.builtinDefault.style(role).fg {
            return String(format: "#%02x%02x%02x", r, g, b)
        }
        return "#888888"
    }

    static func render(_ r: Report) -> String {
        let i = r.insights
        var body = "<h1>Tandem report</h1>\n<p class=\"sub\">\(esc(r.title))</p>\n"
        for section in i.sections {
            body += "<section>\n<h2>\(esc(section.title))</h2>\n"
            switch section.id {
            case "coaching":
                body += barsSVG(ReportText.forecastBars(i).map { ($0.label, $0.value, $0.text ?? "") },
                                colors: [color(.ok), color(.warn), color(.danger), color(.muted)], title: "Active engagements by forecast")
            case "investment":
                body += barsSVG(zip(i.investment.buckets, i.investment.coachingHours).map { ($0.label, $1, Insights.hours($1)) },
                                colors: [color(.coaching)], title: "Hours of coaching per \(i.investment.granularity.rawValue)")
                body += barsSVG(zip(i.investment.buckets, i.investment.mentoringHours).map { ($0.label, $1, Insights.hours($1)) },
                                colors: [color(.mentoring)], title: "Hours of mentoring per \(i.investment.granularity.rawValue)")
            case "feedback":
                body += lineSVG(i.feedback.pulse.map { ($0.label, $0.average) }, title: "Average pulse per month (1–5)")
            default: break
            }
            body += "<table>\n<tr><th>figure</th><th class=\"n\">value</th><th>records</th></tr>\n"
            for f in section.figures {
                let names = f.refs.count <= 12 ? esc(r.names(f.refs)) : "\(f.refs.count) records"
                body += "<tr><td>\(esc(f.label))</td><td class=\"n\">\(esc(f.text))</td><td class=\"refs\">\(names)</td></tr>\n"
            }
            body += "</table>\n"
            if section.id == "mentoring", !i.mentoring.pairs.isEmpty {
                body += "<table>\n<tr><th>pair</th><th class=\"n\">held</th><th class=\"n\">due</th><th class=\"n\">kept</th></tr>\n"
                for p in i.mentoring.pairs {
                    body += "<tr><td>\(esc("\(p.mentor) → \(p.mentee)"))</td><td class=\"n\">\(p.held)</td><td class=\"n\">\(p.due)</td><td class=\"n\">\(p.share.map(Insights.percent) ?? "—")</td></tr>\n"
                }
                body += "</table>\n"
            }
            if section.id == "investment" {
                for (title, rows) in [("coach", i.investment.coaches), ("mentor", i.investment.mentors)] where !rows.isEmpty {
                    body += "<table>\n<tr><th>\(title)</th>" + i.investment.buckets.map { "<th class=\"n\">\(esc($0.label))</th>" }.joined() + "<th class=\"n\">total</th></tr>\n"
                    for row in rows {
                        body += "<tr><td>\(esc(row.name))</td>" + (row.hours + [row.total]).map { "<td class=\"n\">\(ReportText.hoursNumber($0))</td>" }.joined() + "</tr>\n"
                    }
                    body += "</table>\n"
                }
                if !i.investment.load.isEmpty {
                    body += "<table>\n<tr><th>mentor</th><th class=\"n\">active / capacity</th></tr>\n"
                    body += i.investment.load.map { "<tr><td>\(esc($0.name))</td><td class=\"n\">\($0.load.text)</td></tr>\n" }.joined()
                    body += "</table>\n"
                }
            }
            body += "</section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Tandem report · \(esc(r.title))</title>
        <style>
        body { font-family: system-ui, sans-serif; color: #1e1e2e; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { margin-bottom: 0; } .sub { color: #6c7086; margin-top: .2rem; }
        section { margin: 1.5rem 0; } table { border-collapse: collapse; margin: .6rem 0; }
        th, td { text-align: left; padding: .2rem .8rem .2rem 0; border-bottom: 1px solid #e6e6ef; vertical-align: top; }
        .n { text-align: right; } .refs { color: #6c7086; font-size: .9em; }
        svg text { font-family: system-ui, sans-serif; font-size: 12px; fill: #1e1e2e; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>
        """
    }

    /// Horizontal bars as SVG, scaled to the largest value.
    static func barsSVG(_ bars: [(label: String, value: Double, text: String)], colors: [String], title: String) -> String {
        let row = 22, labelW = 110, barW = 360, valueW = 70
        let height = max(1, bars.count) * row + 24
        let top = bars.map(\.value).max() ?? 0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + valueW)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(title))\">\n"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"bold\">\(esc(title))</text>\n"
        if bars.isEmpty || top <= 0 { svg += "<text x=\"0\" y=\"38\">no data</text>\n" }
        for (n, b) in bars.enumerated() {
            let y = 24 + n * row
            let w = top > 0 ? Int((b.value / top * Double(barW)).rounded()) : 0
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(esc(b.label))</text>"
            svg += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(row - 6)\" fill=\"\(colors[n % colors.count])\"/>"
            svg += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 15)\">\(esc(b.text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A line over months as SVG (gaps where a month has no value), on a fixed 1–5 scale.
    static func lineSVG(_ points: [(label: String, value: Double?)], title: String) -> String {
        let w = 540, h = 180, left = 30, bottom = 150, topY = 30
        let n = points.count
        func x(_ i: Int) -> Int { n <= 1 ? left + (w - left) / 2 : left + i * (w - left - 20) / (n - 1) }
        func y(_ v: Double) -> Int { bottom - Int(((min(max(v, 1), 5) - 1) / 4 * Double(bottom - topY)).rounded()) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-label=\"\(esc(title))\">\n"
        svg += "<text x=\"0\" y=\"14\" font-weight=\"bold\">\(esc(title))</text>\n"
        for v in 1...5 {
            svg += "<line x1=\"\(left)\" y1=\"\(y(Double(v)))\" x2=\"\(w)\" y2=\"\(y(Double(v)))\" stroke=\"#e6e6ef\"/><text x=\"10\" y=\"\(y(Double(v)) + 4)\">\(v)</text>\n"
        }
        var run: [String] = []
        func flush() {
            if run.count > 1 { svg += "<polyline fill=\"none\" stroke=\"\(color(.spark))\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>\n" }
            run = []
        }
        for (i, p) in points.enumerated() {
            guard let v = p.value else { flush(); continue }
            run.append("\(x(i)),\(y(v))")
        }
        flush()
        for (i, p) in points.enumerated() {
            if let v = p.value { svg += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"3\" fill=\"\(color(.spark))\"/>\n" }
            if n <= 12 || i % max(1, n / 12) == 0 {
                svg += "<text x=\"\(x(i) - 20)\" y=\"\(h - 8)\">\(esc(p.label))</text>\n"
            }
        }
        if !points.contains(where: { $0.value != nil }) { svg += "<text x=\"\(left + 10)\" y=\"\(bottom - 50)\">no pulse recorded</text>\n" }
        return svg + "</svg>\n"
    }
}
