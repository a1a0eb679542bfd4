import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// The needs-assessment interview (`A` on a person): one question a screen, then the result.
public struct AssessmentState: Equatable, Sendable {
    public var personID: UUID
    public var answers = AssessmentAnswers()
    /// The question on screen: an index into `AssessmentQuestion.allCases`.
    public var step = 0
    /// The horizon as typed.
    public var months = LineField(text: "")
    /// Set once every question is answered; the record is saved then.
    public var result: AssessmentResult?
    /// The Assessment record saved for the result.
    public var savedID: UUID?
    /// The chosen mentor suggestion on the result (an index into the ranking).
    public var mentor = 0
    /// A word under the question: why an answer was not taken.
    public var note: String?

    public init(personID: UUID) { self.personID = personID }

    public var question: AssessmentQuestion { AssessmentQuestion.allCases[min(step, AssessmentQuestion.allCases.count - 1)] }
}

/// The prep brief over a record (`p` on its detail).
public struct BriefState: Equatable, Sendable {
    public var ref: RecordRef
    public var scroll = 0
    public init(ref: RecordRef) { self.ref = ref }
}

// MARK: - Opening

/// `A` on the people screen: the interview for the selected person.
func openAssessment(_ s: inout AppState) -> [Effect] {
    guard let id = s.roster.selectedID else {
        s.status = Status("Select a person to assess")
        return []
    }
    return openAssessment(&s, for: id)
}

/// The interview for one person (the people screen's selection, or a person screen's person).
func openAssessment(_ s: inout AppState, for id: UUID) -> [Effect] {
    guard let person = s.data.people.first(where: { $0.id == id }) else {
        s.status = Status("Select a person to assess")
        return []
    }
    guard person.isCurrent else {
        s.status = Status("\(person.name) left on \(person.leftOn!): there is nothing to decide for them")
        return []
    }
    s.push(.assessment(AssessmentState(personID: id)))
    return []
}

/// `p` on a record: its prep brief.
func openBrief(_ s: inout AppState, _ ref: RecordRef) {
    guard ref.kind == .coaching || ref.kind == .mentoring, s.data.value(of: ref)?.sessionRecord != nil else {
        s.status = Status("A prep brief is for an engagement or a relationship")
        return
    }
    s.push(.brief(BriefState(ref: ref)))
}

// MARK: - The interview

func updateAssessment(_ s: inout AppState, _ a: inout AssessmentState, _ action: Action) -> [Effect] {
    guard let person = s.data.people.first(where: { $0.id == a.personID }) else {
        s.pop()
        s.status = Status("That person is no longer here", .error)
        return []
    }
    if a.result != nil { return updateAssessmentResult(&s, &a, action, person) }
    let q = a.question
    a.note = nil
    switch action {
    case .yes, .no:
        guard !q.isMonths else {
            a.note = "The horizon is a number of months: type it, then Enter."
            return []
        }
        a.answers[q] = .yesNo(action == .yes)
        return advance(&s, &a, person)
    case .submit:
        if q.isMonths {
            switch NeedsAssessment.parse(a.months.text, for: q) {
            case .success(let v): a.answers[q] = v
            case .failure(let e):
                a.note = a.months.text.trimmingCharacters(in: .whitespaces).isEmpty ? "Type the months, e.g. 6, then Enter." : e.message + "."
                return []
            }
        } else if a.answers[q] == nil {
            a.note = "Answer y or n."
            return []
        }
        return advance(&s, &a, person)
    case .nextField:
        guard a.answers[q] != nil else {
            a.note = q.isMonths ? "Type the months, then Enter." : "Answer y or n first."
            return []
        }
        return advance(&s, &a, person)
    case .prevField:
        a.step = max(0, a.step - 1)
        loadMonths(&a)
    case .back:
        if a.answers.values.isEmpty {
            s.pop()
        } else {
            s.push(.confirm(Confirm(purpose: .discardAssessment, title: "Stop the assessment?",
                                    message: "Throw away the \(a.answers.values.count) answers given for \(person.name)? Nothing is saved yet.",
                                    choices: [(.yes, "stop"), (.no, "keep answering")])))
        }
    default: break
    }
    return []
}

/// The field shows the horizon given, when the horizon question comes back.
private func loadMonths(_ a: inout AssessmentState) {
    if a.question.isMonths, case .months(let m)? = a.answers[.horizon] { a.months = LineField(text: String(m)) }
}

/// The next question, or the first one still unanswered; after the last, the result, saved.
private func advance(_ s: inout AppState, _ a: inout AssessmentState, _ person: Person) -> [Effect] {
    let count = AssessmentQuestion.allCases.count
    if a.step + 1 < count {
        a.step += 1
        loadMonths(&a)
        return []
    }
    if let missing = a.answers.missing.first {
        a.step = AssessmentQuestion.allCases.firstIndex(of: missing)!
        a.note = "One question is still unanswered."
        loadMonths(&a)
        return []
    }
    let result = NeedsAssessment.evaluate(a.answers, level: person.level, name: person.name)
    let record = NeedsAssessment.record(id: s.makeID(), person: person, date: s.today, answers: a.answers, result: result)
    a.result = result
    a.savedID = record.id
    a.mentor = 0
    let effects = apply(&s, Change(label: "Assessed \(person.name): \(result.recommendation.rawValue)", before: nil,
                                   after: .assessment(record)))
    return effects
}

// MARK: - The result

private func updateAssessmentResult(_ s: inout AppState, _ a: inout AssessmentState, _ action: Action, _ person: Person) -> [Effect] {
    let mentors = MentorMatch.candidates(for: person.id, in: s.data)
    switch action {
    case .down: a.mentor = min(max(0, mentors.count - 1), a.mentor + 1)
    case .up: a.mentor = max(0, a.mentor - 1)
    case .back: s.pop()
    case .newEngagement:
        s.push(.form(StartForms.engagement(for: person, s)))
    case .newRelationship:
        s.push(.form(StartForms.relationship(for: person, mentor: mentors[safe: a.mentor]?.person, s)))
    case .startBoth:
        // The relationship form waits under the engagement form: saving or closing one shows the other.
        s.push(.form(StartForms.relationship(for: person, mentor: mentors[safe: a.mentor]?.person, s)))
        s.push(.form(StartForms.engagement(for: person, s)))
    default: break
    }
    return []
}

/// The new-engagement and new-relationship forms, filled in from an assessment. What is filled
/// in is a suggestion: the form opens as if nothing was typed, and every field stays editable.
enum StartForms {
    static func engagement(for person: Person, _ s: AppState) -> Form {
        var form = RecordForms.engagement(nil, names: s.rows.people, today: s.today)
        let template = MetricTemplates.suggested(for: person)
        let metric = template.metric(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        prefill(&form, ["coachee": person.name, "focus": template.focus, "metrics": RecordForms.metricLine(metric)],
                people: ["coachee": person.id], focus: "coach")
        return form
    }

    static func relationship(for person: Person, mentor: Person?, _ s: AppState) -> Form {
        var form = RecordForms.relationship(nil, names: s.rows.people, today: s.today)
        var values = ["mentee": person.name, "focus": person.interests.joined(separator: ", ")]
        var people = ["mentee": person.id]
        if let mentor { values["mentor"] = mentor.name; people["mentor"] = mentor.id }
        prefill(&form, values, people: people, focus: mentor == nil ? "mentor" : "cadence")
        return form
    }

    /// Sets the fields that exist in the form by id, and takes them as the form's starting texts.
    static func prefill(_ form: inout Form, _ values: [String: String], people: [String: UUID] = [:], focus: String) {
        for i in form.fields.indices {
            if let v = values[form.fields[i].id] { form.fields[i].setText(v) }
            if let id = people[form.fields[i].id] { form.fields[i] = form.fields[i].picking(id) }
        }
        form.initialTexts = form.fields.map(\.fingerprint)
        if let i = form.fields.firstIndex(where: { $0.id == focus }) { form.focus = i }
    }
}

// MARK: - The brief

func updateBrief(_ s: inout AppState, _ b: inout BriefState, _ action: Action) {
    let layout = AppLayout(s)
    let lines = BriefView.lines(b, s, width: layout.briefText.width).count
    let page = max(1, layout.briefText.height)
    let last = max(0, lines - page)
    switch action {
    case .back: s.pop()
    case .down: b.scroll = min(last, b.scroll + 1)
    case .up: b.scroll = max(0, b.scroll - 1)
    case .pageDown: b.scroll = min(last, b.scroll + page)
    case .pageUp: b.scroll = max(0, b.scroll - page)
    case .top: b.scroll = 0
    case .bottom: b.scroll = last
    default: break
    }
}

// MARK: - Continuing as mentoring

/// `M` on a completed engagement's detail: the relationship continuing it is created (undoable)
/// and its edit form opens, so the mentor, cadence and goals can be adjusted.
func continueAsMentoring(_ s: inout AppState, _ ref: RecordRef) -> [Effect] {
    guard ref.kind == .coaching, case .coaching(let e)? = s.data.value(of: ref) else {
        s.status = Status("M continues a completed coaching engagement as mentoring")
        return []
    }
    switch Continuation.relationship(continuing: e, in: s.data, today: s.today, makeID: s.makeID) {
    case .failure(let f):
        s.status = Status("Not continued: \(f)")
        return []
    case .success(let r):
        let names = s.rows.people
        let effects = apply(&s, Change(label: "Continued as mentoring: \(names.name(r.mentorID)) → \(names.name(r.menteeID))",
                                       before: nil, after: .mentoring(r)))
        Editing.open(.editRelationship(r.id), &s)
        // The mentor suggestions over the form, on the one chosen: Enter keeps or changes it, Esc keeps it.
        if case .form(let form) = s.top, form.fields[safe: form.focus]?.id == "mentor" { _ = openPicker(&s, form) }
        return effects
    }
}
