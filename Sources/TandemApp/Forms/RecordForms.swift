import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The forms for people, engagements and relationships: how a record becomes fields, and
/// fields become a record again (keeping ids, readings and done dates of what was there).
enum RecordForms {
    // MARK: Person

    static func person(_ p: Person?, names: PeopleIndex, teams: [String] = []) -> Form {
        let levels = Level.allCases.map(\.rawValue)
        return Form(kind: p.map { .editPerson($0.id) } ?? .newPerson,
                    title: p.map { "Edit \($0.name)" } ?? "New person",
                    fields: [
                        FormField("name", "Name", line: p?.name ?? ""),
                        FormField("role", "Role", hint: "e.g. Senior Designer", line: p?.role ?? ""),
                        FormField("team", "Team", hint: teamHint(teams), line: p?.team ?? ""),
                        FormField("level", "Level", hint: "Space to change", choices: levels, selected: levels.firstIndex(of: (p?.level ?? .mid).rawValue)!),
                        FormField("start", "Start date", hint: "YYYY-MM-DD or blank", line: p?.startDate?.iso ?? "").date(),
                        FormField("expertise", "Can mentor in", hint: "comma-separated", line: (p?.expertise ?? []).joined(separator: ", ")),
                        FormField("interests", "Wants to grow in", hint: "comma-separated", line: (p?.interests ?? []).joined(separator: ", ")),
                        FormField("capacity", "Mentee capacity", hint: "0–10", line: String(p?.mentoringCapacity ?? 0)),
                        FormField("manager", "Manager", hint: "type or Enter: pick from the people, or blank", line: p?.managerID.map { names.name($0) } ?? "").picking(p?.managerID),
                    ], focus: "name")
    }

    // MARK: Engagement

    static func engagement(_ e: CoachingEngagement?, names: PeopleIndex, today: Day) -> Form {
        let statuses = EngagementStatus.allCases.map(\.label)
        let coach: String
        switch e?.coach {
        case .person(let id)?: coach = names.name(id)
        case .external(let n)?: coach = "external: \(n)"
        case nil: coach = ""
        }
        return Form(kind: e.map { .editEngagement($0.id) } ?? .newEngagement,
                    title: e.map { "Edit coaching — \(names.name($0.coacheeID))" } ?? "New coaching engagement",
                    fields: [
                        FormField("coachee", "Coachee", hint: "type or Enter: pick from the people", line: e.map { names.name($0.coacheeID) } ?? "")
                            .picking(e?.coacheeID),
                        FormField("coach", "Coach", hint: "type or Enter: pick from the people, or external: Name", line: coach)
                            .picking(e.flatMap { if case .person(let id) = $0.coach { id } else { nil } }),
                        FormField("focus", "Focus", hint: "the skill or gap, e.g. Presenting to the C-suite", line: e?.focus ?? ""),
                        FormField("start", "Start", hint: "YYYY-MM-DD, today, +7d…", line: (e?.start ?? today).iso).date(),
                        FormField("deadline", "Deadline", hint: "YYYY-MM-DD, +90d…", line: (e?.deadline ?? today.adding(days: 90)).iso).date(),
                        FormField("status", "Status", hint: "Space to change", choices: statuses,
                                  selected: EngagementStatus.allCases.firstIndex(of: e?.status ?? .active)!),
                        FormField("cadence", "Every (days)", hint: "days between sessions, or blank", line: e.map { $0.cadenceDays.map(String.init) ?? "" } ?? "14"),
                        FormField("planned", "Planned sessions", hint: "a number, or blank", line: e?.plannedSessions.map(String.init) ?? ""),
                        FormField("objectives", "Objectives", hint: itemHint, items: objectiveItems(e?.objectives ?? [], today: today)),
                        FormField("metrics", "Metrics", hint: "Ctrl-T a template (utilisation %, win rate, NPS…) · name | unit | baseline -> target · Enter new · Ctrl-X remove",
                                  items: metricItems(e?.metrics ?? [])),
                        FormField("outcome", "Outcome", hint: "what came of it (when completed)", line: e?.outcome ?? ""),
                    ], focus: "coachee")
    }

    /// The team field's hint: the teams that exist (typing one in any case or accents keeps its spelling).
    static func teamHint(_ teams: [String]) -> String {
        teams.isEmpty ? "e.g. creative; a new name starts a team" : "\(teams.joined(separator: ", ")) or a new one"
    }

    /// The hint under an item list: its keys, from the key table's words.
    static let itemHint = "Enter new · Ctrl-D done · Ctrl-X remove · Alt-k/j move"

    static func objectiveItems(_ objectives: [Objective], today: Day) -> ItemList {
        ItemList(rows: objectives.map { o in
            ItemRow(id: o.id, text: o.text, done: o.doneOn, original: o.text,
                    history: o.doneOn.map { "was done on \(Format.shortDate($0, today: today))" })
        }, height: 4, noun: "objective")
    }

    static func metricItems(_ metrics: [Metric]) -> ItemList {
        ItemList(rows: metrics.map { m in
            ItemRow(id: m.id, text: metricLine(m), original: metricLine(m),
                    history: m.readings.isEmpty ? nil : "has \(m.readings.count) reading\(m.readings.count == 1 ? "" : "s")")
        }, height: 4, noun: "metric", canBeDone: false)
    }

    static func goalLine(_ g: Goal) -> String { g.text + (g.targetDate.map { " @\($0.iso)" } ?? "") }

    static func goalItems(_ goals: [Goal], today: Day) -> ItemList {
        ItemList(rows: goals.map { g in
            ItemRow(id: g.id, text: goalLine(g), done: g.achievedOn, original: goalLine(g),
                    history: g.achievedOn.map { "was achieved on \(Format.shortDate($0, today: today))" })
        }, height: 4, noun: "goal")
    }

    /// "Ship the deck @fri": the text and the day after the last " @", if it reads as one.
    static func splitDate(_ line: String, today: Day) -> (text: String, day: Day?, error: String?) {
        guard let at = line.range(of: " @", options: .backwards) else { return (line, nil, nil) }
        switch DateInput.parse(String(line[at.upperBound...]), today: today) {
        case .success(let d): return (String(line[..<at.lowerBound]).trimmingCharacters(in: .whitespaces), d, nil)
        case .failure(let e): return (line, nil, e.message)
        }
    }

    static func metricLine(_ m: Metric) -> String {
        "\(m.name) | \(m.unit) | \(NumberInput.format(m.baseline, unit: "")) -> \(NumberInput.format(m.target, unit: ""))"
    }

    // MARK: Relationship

    static func relationship(_ r: MentoringRelationship?, names: PeopleIndex, today: Day) -> Form {
        let statuses = RelationshipStatus.allCases.map(\.rawValue)
        return Form(kind: r.map { .editRelationship($0.id) } ?? .newRelationship,
                    title: r.map { "Edit mentoring — \(names.name($0.mentorID)) → \(names.name($0.menteeID))" } ?? "New mentoring relationship",
                    fields: [
                        // The mentee first: the mentor is picked from the ranking for them.
                        FormField("mentee", "Mentee", hint: "type or Enter: pick from the people", line: r.map { names.name($0.menteeID) } ?? "")
                            .picking(r?.menteeID),
                        FormField("mentor", "Mentor", hint: "type or Enter: pick from the mentors ranked for the mentee", line: r.map { names.name($0.mentorID) } ?? "")
                            .picking(r?.mentorID),
                        FormField("start", "Start", hint: "YYYY-MM-DD, today…", line: (r?.start ?? today).iso).date(),
                        FormField("cadence", "Meet every (days)", hint: "e.g. 14", line: String(r?.cadenceDays ?? 14)),
                        FormField("status", "Status", hint: "Space to change", choices: statuses,
                                  selected: RelationshipStatus.allCases.firstIndex(of: r?.status ?? .active)!),
                        FormField("focus", "Focus areas", hint: "comma-separated", line: (r?.focusAreas ?? []).joined(separator: ", ")),
                        FormField("goals", "Goals", hint: "end with @date for a target date; " + itemHint,
                                  items: goalItems(r?.goals ?? [], today: today)),
                    ], focus: r == nil ? "mentee" : "mentor")
    }

    // MARK: Building records back

    static func build(_ form: Form, in data: Snapshot, names: PeopleIndex, today: Day, makeID: () -> UUID) -> Result<Change, FieldErrors> {
        var errors: [String: String] = [:]
        let v = form.values
        func date(_ id: String, optional: Bool = false) -> Day? {
            let t = (v[id] ?? "").trimmingCharacters(in: .whitespaces)
            if optional && t.isEmpty { return nil }
            switch DateInput.parse(t, today: today) {
            case .success(let d): return d
            case .failure(let e): errors[id] = e.message; return nil
            }
        }
        func int(_ id: String, _ range: ClosedRange<Int>, optional: Bool = false) -> Int? {
            let t = (v[id] ?? "").trimmingCharacters(in: .whitespaces)
            if optional && t.isEmpty { return nil }
            switch NumberInput.parseInt(t, range: range, field: form.fields.first { $0.id == id }?.label.lowercased() ?? id) {
            case .success(let n): return n
            case .failure(let e): errors[id] = e.message; return nil
            }
        }
        func person(_ id: String, optional: Bool = false) -> UUID? {
            let t = (v[id] ?? "").trimmingCharacters(in: .whitespaces)
            if optional && t.isEmpty { return nil }
            // A person picked from the list is that person, whoever else has the name.
            if let picked = form.fields.first(where: { $0.id == id })?.personID, data.people.contains(where: { $0.id == picked }) {
                return picked
            }
            switch findPerson(t, in: data.people) {
            case .success(let p): return p
            case .failure(let m): errors[id] = m.message; return nil
            }
        }
        func list(_ id: String) -> [String] {
            (v[id] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func text(_ id: String) -> String { (v[id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

        let before: Record?
        var after: Record?
        var label = ""
        switch form.kind {
        case .newPerson, .editPerson:
            var old: Person?
            if case .editPerson(let id) = form.kind { old = data.people.first { $0.id == id } }
            before = old.map(Record.person)
            let start = date("start", optional: true)
            let capacity = int("capacity", Bounds.mentoringCapacity)
            let manager = person("manager", optional: true)
            var p = old ?? Person(id: makeID(), name: "")
            let team = PersonRules.matchTeam(text("team"), among: PersonRules.teams(in: data.people))
            p.name = text("name"); p.role = text("role"); p.team = team.team
            p.level = Level(rawValue: v["level"] ?? "") ?? .mid
            p.startDate = start; p.expertise = list("expertise"); p.interests = list("interests")
            p.mentoringCapacity = capacity ?? 0; p.managerID = manager
            if manager == p.id { errors["manager"] = "a person cannot be their own manager" }
            for problem in Validation.problems(in: p) { errors[formField(problem.field, form)] = problem.message }
            after = .person(p)
            label = old == nil ? "Added \(p.name)" : "Edited \(p.name)"
            if case .new(let t) = team, old?.team.searchKey != t.searchKey { label += " (new team “\(t)”)" }
        case .newEngagement, .editEngagement:
            var old: CoachingEngagement?
            if case .editEngagement(let id) = form.kind { old = data.engagements.first { $0.id == id } }
            before = old.map(Record.coaching)
            let coachee = person("coachee")
            var coach: Coach?
            let coachText = text("coach")
            if coachText.lowercased().hasPrefix("external:") {
                let name = coachText.dropFirst("external:".count).trimmingCharacters(in: .whitespaces)
                if name.isEmpty { errors["coach"] = "give the external coach's name after external:" } else { coach = .external(name) }
            } else if let id = person("coach") {
                coach = .person(id)
            }
            let start = date("start"), deadline = date("deadline")
            let cadence = int("cadence", Bounds.cadenceDays, optional: true)
            let planned = int("planned", Bounds.plannedSessions, optional: true)
            var e = old ?? CoachingEngagement(id: makeID(), coacheeID: coachee ?? UUID(), coach: .external(""), focus: "",
                                              start: start ?? today, deadline: deadline ?? today)
            if let coachee { e.coacheeID = coachee }
            if let coach { e.coach = coach }
            e.focus = text("focus")
            if let start { e.start = start }
            if let deadline { e.deadline = deadline }
            e.status = EngagementStatus.allCases.first { $0.label == v["status"] } ?? .active
            e.cadenceDays = cadence
            e.plannedSessions = planned
            var objectives: [Objective] = []
            for (n, row) in (form.items("objectives")?.rows ?? []).enumerated() {
                let t = row.text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty {
                    if row.id != nil { errors["objectives"] = "objective \(n + 1) is empty: write it, or Ctrl-X removes it" }
                    continue
                }
                if let id = row.id, var o = old?.objectives.first(where: { $0.id == id }) {
                    if !row.isUnchanged { o.text = t }
                    o.doneOn = row.done
                    objectives.append(o)
                } else {
                    // A row whose item went from the record meanwhile (an outside change) keeps its id.
                    objectives.append(Objective(id: row.id ?? makeID(), text: t, doneOn: row.done))
                }
            }
            e.objectives = objectives
            var metrics: [Metric] = []
            for (n, row) in (form.items("metrics")?.rows ?? []).enumerated() {
                let existing = row.id.flatMap { id in old?.metrics.first { $0.id == id } }
                if let existing, row.isUnchanged { metrics.append(existing); continue }
                if row.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    if existing != nil { errors["metrics"] = "metric \(n + 1) is empty: write it, or Ctrl-X removes it" }
                    continue
                }
                switch parseMetric(row.text) {
                case .success(let m):
                    var metric = existing ?? Metric(id: row.id ?? makeID(), name: m.name, unit: m.unit, baseline: m.baseline, target: m.target,
                                                    direction: m.target >= m.baseline ? .higherIsBetter : .lowerIsBetter)
                    // A number shown rounded and left as shown keeps its exact value (a rename keeps 25.125).
                    func kept(_ old: Double, _ typed: Double) -> Double {
                        existing != nil && NumberInput.format(old, unit: "") == NumberInput.format(typed, unit: "") ? old : typed
                    }
                    let baseline = kept(metric.baseline, m.baseline), target = kept(metric.target, m.target)
                    let moved = metric.baseline != baseline || metric.target != target
                    metric.name = m.name; metric.unit = m.unit; metric.baseline = baseline; metric.target = target
                    // The direction follows the range when the range changed and says which way.
                    if moved, target != baseline { metric.direction = target > baseline ? .higherIsBetter : .lowerIsBetter }
                    metrics.append(metric)
                case .failure(let e):
                    errors["metrics"] = "metric \(n + 1): \(e.message)"
                }
            }
            e.metrics = metrics
            let outcome = text("outcome")
            e.outcome = outcome.isEmpty ? nil : outcome
            if errors.isEmpty {
                for problem in Validation.problems(in: e, today: today) { errors[formField(problem.field, form)] = problem.message }
            }
            after = .coaching(e)
            label = old == nil ? "Started coaching for \(names.name(e.coacheeID))" : "Edited coaching for \(names.name(e.coacheeID))"
        case .newRelationship, .editRelationship:
            var old: MentoringRelationship?
            if case .editRelationship(let id) = form.kind { old = data.relationships.first { $0.id == id } }
            before = old.map(Record.mentoring)
            let mentor = person("mentor"), mentee = person("mentee")
            let start = date("start")
            let cadence = int("cadence", Bounds.cadenceDays)
            var r = old ?? MentoringRelationship(id: makeID(), mentorID: mentor ?? UUID(), menteeID: mentee ?? UUID(),
                                                 start: start ?? today, cadenceDays: cadence ?? 14)
            if let mentor { r.mentorID = mentor }
            if let mentee { r.menteeID = mentee }
            if let start { r.start = start }
            if let cadence { r.cadenceDays = cadence }
            let status = RelationshipStatus(rawValue: v["status"] ?? "") ?? .active
            if let old, status != old.status { r.history.append(StatusChange(date: today, status: status)) }
            r.status = status
            r.focusAreas = list("focus")
            var goals: [Goal] = []
            for (n, row) in (form.items("goals")?.rows ?? []).enumerated() {
                let existing = row.id.flatMap { id in old?.goals.first { $0.id == id } }
                if var g = existing, row.isUnchanged { g.achievedOn = row.done; goals.append(g); continue }
                if row.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    if existing != nil { errors["goals"] = "goal \(n + 1) is empty: write it, or Ctrl-X removes it" }
                    continue
                }
                let parts = splitDate(row.text.trimmingCharacters(in: .whitespaces), today: today)
                if let message = parts.error { errors["goals"] = "goal \(n + 1): \(message)"; continue }
                var g = existing ?? Goal(id: row.id ?? makeID(), text: parts.text)
                g.text = parts.text
                g.targetDate = parts.day
                g.achievedOn = row.done
                goals.append(g)
            }
            r.goals = goals
            if errors.isEmpty {
                for problem in Validation.problems(in: r, today: today) { errors[formField(problem.field, form)] = problem.message }
            }
            after = .mentoring(r)
            label = old == nil ? "Started mentoring: \(names.name(r.mentorID)) → \(names.name(r.menteeID))"
                : "Edited mentoring of \(names.name(r.menteeID))"
        case .log, .editSession:
            return .failure(FieldErrors(["notes": "internal: log forms are built by LogForm"]))
        }
        guard errors.isEmpty, let after else { return .failure(FieldErrors(errors)) }
        return .success(Change(label: label, before: before, after: after))
    }

    static func lines(_ id: String, _ v: [String: String]) -> [String] {
        (v[id] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "Pitch win rate | % | 20 -> 35" (also "→").
    static func parseMetric(_ line: String) -> Result<(name: String, unit: String, baseline: Double, target: Double), InputError> {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3, !parts[0].isEmpty else { return .failure(InputError("expected name | unit | baseline -> target, e.g. Win rate | % | 20 -> 35")) }
        let range = parts[2].replacingOccurrences(of: "→", with: "->").components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
        guard range.count == 2 else { return .failure(InputError("expected baseline -> target after the unit, e.g. 20 -> 35")) }
        guard case .success(let b) = NumberInput.parse(range[0], unit: parts[1]),
              case .success(let t) = NumberInput.parse(range[1], unit: parts[1]) else {
            return .failure(InputError("baseline and target must be numbers, e.g. 20 -> 35"))
        }
        return .success((parts[0], parts[1], b, t))
    }

    /// A person by name: exact (any case, accents optional), else the one whose name contains it.
    static func findPerson(_ text: String, in people: [Person]) -> Result<UUID, InputError> {
        let needle = text.searchKey
        guard !needle.isEmpty else { return .failure(InputError("give a person's name")) }
        let fold = { (p: Person) in p.name.searchKey }
        if let p = people.first(where: { fold($0) == needle }) { return .success(p.id) }
        let partial = people.filter { fold($0).contains(needle) }
        if partial.count == 1 { return .success(partial[0].id) }
        if partial.isEmpty { return .failure(InputError("no person named “\(text)”; add them first with n → person")) }
        return .failure(InputError("“\(text)” could be \(partial.prefix(4).map(\.name).joined(separator: ", "))\(partial.count > 4 ? "…" : "")"))
    }

    /// The form field a core problem belongs to ("metrics[0].target" → "metrics").
    static func formField(_ field: String, _ form: Form) -> String {
        let base = String(field.prefix { $0 != "[" && $0 != "." })
        let map = ["coacheeID": "coachee", "coach": "coach", "mentorID": "mentor", "menteeID": "mentee",
                   "cadenceDays": "cadence", "plannedSessions": "planned", "startDate": "start",
                   "mentoringCapacity": "capacity", "managerID": "manager", "focusAreas": "focus"]
        let id = map[base] ?? base
        return form.fields.contains { $0.id == id } ? id : form.fields[0].id
    }
}
