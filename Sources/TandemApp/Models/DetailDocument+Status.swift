import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The detail's status section: how a closed record closed (the date and the whole outcome),
/// a pause, and the history of every change of status with its note.
extension DetailDocument {
    static func appendStatus(_ d: inout DetailDocument, _ value: Record, _ s: AppState, width: Int) {
        let wrap = max(8, width - 12)
        func wrapped(_ text: String, width: Int? = nil) -> [String] {
            Paragraph(lines: [[Span(text)]], wrap: true).rows(width: width ?? wrap).map { $0.map(\.text).joined() }
        }
        var entries: [(date: Day, words: String, note: String?)] = []
        switch value {
        case .coaching(let e):
            if !e.isOpen {
                let on = value.closingDay.map { " on " + Format.longDate($0) } ?? ""
                d.lines.append([DocSpan("\(e.status.label)\(on)", .warn, bold: true), DocSpan("  R reopens it", .muted)])
            } else if e.status == .onHold {
                d.lines.append([DocSpan("on hold", .warn, bold: true), DocSpan("  a resumes or closes it · R resumes it today", .muted)])
            }
            if let o = e.outcome, !o.isEmpty { appendOutcome(&d, wrapped(o)) }
            entries = e.history.map { ($0.date, words(to: $0.status.label, from: $0.from?.label, reopened: $0.from.map { !$0.isOpenStatus } ?? false), $0.note) }
        case .mentoring(let r):
            switch r.status {
            case .closed:
                let on = value.closingDay.map { " on " + Format.longDate($0) } ?? ""
                d.lines.append([DocSpan("closed\(on)", .warn, bold: true), DocSpan("  R reopens it", .muted)])
            case .paused:
                let on = r.pausedOn.map { " on " + Format.longDate($0) } ?? ""
                d.lines.append([DocSpan("paused\(on)", .warn, bold: true), DocSpan("  a resumes or closes it · R resumes it today", .muted)])
            case .active: break
            }
            if let o = r.outcome, !o.isEmpty { appendOutcome(&d, wrapped(o)) }
            entries = r.history.map { h in
                let to = h.status == .active ? (h.from == .closed ? "reopened" : "resumed") : h.status.rawValue
                return (h.date, to, h.note)
            }
        default:
            return
        }
        guard !entries.isEmpty else { return }
        d.lines.append([DocSpan("history", .muted)])
        let outcome = value.outcome
        for (i, e) in entries.enumerated() {
            let head = "  \(e.date.iso)  \(e.words)"
            // The closing that stands says its outcome once, above.
            if i == entries.count - 1, outcome != nil, e.note == outcome {
                d.lines.append([DocSpan(head + " (the outcome above)", .muted)]); continue
            }
            guard let note = e.note, !note.isEmpty else { d.lines.append([DocSpan(head, .muted)]); continue }
            let rows = wrapped(note, width: max(8, width - Text.width(head) - 3))
            d.lines.append([DocSpan(head + " — ", .muted), DocSpan(rows.first ?? "")])
            let indent = String(repeating: " ", count: Text.width(head) + 3)
            for row in rows.dropFirst() { d.lines.append([DocSpan(indent), DocSpan(row)]) }
        }
    }

    private static func appendOutcome(_ d: inout DetailDocument, _ rows: [String]) {
        for (i, row) in rows.enumerated() {
            d.lines.append([DocSpan(i == 0 ? "outcome " : "        ", .muted), DocSpan(row)])
        }
    }

    /// "completed", "put on hold", "reopened (was completed)".
    private static func words(to: String, from: String?, reopened: Bool) -> String {
        if reopened, let from { return "reopened as \(to) (was \(from))" }
        return to == "on hold" ? "put on hold" : to
    }
}

private extension Record {
    var outcome: String? {
        switch self {
        case .coaching(let e): e.outcome
        case .mentoring(let r): r.outcome
        default: nil
        }
    }
}

private extension EngagementStatus {
    var isOpenStatus: Bool { self == .planned || self == .active || self == .onHold }
}
