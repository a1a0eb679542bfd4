import Foundation

/// A question of the needs-assessment interview, keyed as `tandem assess --answer KEY=VALUE`
/// takes it. Eight are yes/no; `horizon` is a number of months.
public enum AssessmentQuestion: String, CaseIterable, Sendable, Codable {
    case gap, measurable, urgent, new, career, knowledge, transition, succession, horizon

    /// The question as the interview asks it.
    public var text: String {
        switch self {
        case .gap: "Is there a specific, current skill or performance gap?"
        case .measurable: "Can it be measured, with a target to reach within a set time?"
        case .urgent: "Is it urgent: does it hold back work or clients now?"
        case .new: "Are they new to the agency or early in their career?"
        case .career: "Do they want career progression, leadership growth or help navigating the agency?"
        case .knowledge: "Should knowledge pass to them from a senior colleague?"
        case .transition: "Is rapid growth or a technology change hitting their role?"
        case .succession: "Are they being readied to take over a role (succession)?"
        case .horizon: "Within how many months should the change show?"
        }
    }

    /// A few words for lists and the rationale: "a current gap", "the horizon".
    public var label: String {
        switch self {
        case .gap: "skill or performance gap"
        case .measurable: "measurable target"
        case .urgent: "urgent"
        case .new: "new or early in career"
        case .career: "career growth"
        case .knowledge: "knowledge transfer"
        case .transition: "growth or tech change"
        case .succession: "succession"
        case .horizon: "horizon"
        }
    }

    /// Whether the answer is a number of months rather than yes or no.
    public var isMonths: Bool { self == .horizon }

    /// The form an answer takes, for messages: "yes or no", "1–120 months".
    public var expected: String { isMonths ? "a number of months, \(Bounds.text(Bounds.horizonMonths))" : "yes or no" }
}

/// An answer as given: yes/no, or months.
public enum AnswerValue: Equatable, Sendable, CustomStringConvertible {
    case yesNo(Bool)
    case months(Int)

    public static let yes = AnswerValue.yesNo(true)
    public static let no = AnswerValue.yesNo(false)

    /// "yes", "no", "6 months".
    public var description: String {
        switch self {
        case .yesNo(let b): b ? "yes" : "no"
        case .months(let m): m == 1 ? "1 month" : "\(m) months"
        }
    }

    /// The answer as the command line and the rationale write it: "yes", "no", "6".
    public var token: String {
        switch self {
        case .yesNo(let b): b ? "yes" : "no"
        case .months(let m): String(m)
        }
    }
}

/// The interview's answers by question; some may still be missing.
public struct AssessmentAnswers: Equatable, Sendable {
    public var values: [AssessmentQuestion: AnswerValue]

    public init(_ values: [AssessmentQuestion: AnswerValue] = [:]) { self.values = values }

    public subscript(_ q: AssessmentQuestion) -> AnswerValue? {
        get { values[q] }
        set { values[q] = newValue }
    }

    /// The questions not answered yet, in interview order.
    public var missing: [AssessmentQuestion] { AssessmentQuestion.allCases.filter { values[$0] == nil } }
    public var isComplete: Bool { missing.isEmpty }

    /// A yes/no answer; `false` when missing or not yes/no.
    public func yes(_ q: AssessmentQuestion) -> Bool {
        if case .yesNo(true)? = values[q] { return true }
        return false
    }

    /// The horizon in months, if answered.
    public var horizon: Int? {
        if case .months(let m)? = values[.horizon] { return m }
        return nil
    }
}

/// What the interview concludes.
public struct AssessmentResult: Equatable, Sendable {
    public var recommendation: Recommendation
    /// 0–10: how much the answers call for coaching.
    public var coachingScore: Int
    /// 0–10: how much the answers call for mentoring.
    public var mentoringScore: Int
    /// Sentences that cite the answers, in the order they weigh.
    public var rationale: [String]

    public init(recommendation: Recommendation, coachingScore: Int, mentoringScore: Int, rationale: [String]) {
        self.recommendation = recommendation; self.coachingScore = coachingScore
        self.mentoringScore = mentoringScore; self.rationale = rationale
    }
}

/// The needs assessment: which of coaching, mentoring or both a person needs.
///
/// Following the article behind Tandem: coaching is short-term and performance-driven — a
/// specific, current gap with a measurable target within months (urgency and a change hitting
/// the role add to it); mentoring is long-term and relationship-driven — career stage (a junior,
/// someone new to the agency), career progression and navigating the organisation, knowledge
/// transfer from a senior, succession, a horizon of a year or more. So:
/// - a measurable gap with a horizon of months (12 or fewer) is a coaching need;
/// - a junior, someone new, career growth, knowledge transfer or succession is a mentoring need;
/// - both needs → hybrid; one → that one; neither → the higher score (a tie → mentoring, the
///   open-ended default while no measurable gap is named).
///
/// Scores, each 0–10 (`maxScore`). Coaching: gap 3, measurable (with a gap) 2, urgent 1,
/// growth or technology change 2, a horizon of 6 months or fewer 2 (7–12: 1). Mentoring:
/// career 2, knowledge 2, succession 2, new 1, junior level 1, a horizon over 12 months 2
/// (7–12: 1).
public enum NeedsAssessment {
    public static let maxScore = 10
    /// The longest horizon, in months, that still counts as "months" for coaching.
    public static let coachingHorizon = 12

    /// Reads an answer typed for `question`: yes/no (y, n, true, false) or a number of months.
    public static func parse(_ text: String, for question: AssessmentQuestion) -> Result<AnswerValue, InputError> {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if question.isMonths {
            var digits = t
            for suffix in [" months", " month", "months", "month", "mo", "m"] where digits.hasSuffix(suffix) {
                digits = String(digits.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            guard let m = Int(digits) else {
                return .failure(InputError("\(question.rawValue) \"\(text)\": expected \(question.expected), e.g. 6"))
            }
            guard Bounds.horizonMonths.contains(m) else {
                return .failure(InputError("\(question.rawValue) \(m) is outside \(Bounds.text(Bounds.horizonMonths)) months"))
            }
            return .success(.months(m))
        }
        switch t {
        case "yes", "y", "true": return .success(.yes)
        case "no", "n", "false": return .success(.no)
        default: return .failure(InputError("\(question.rawValue) \"\(text)\": expected yes or no"))
        }
    }

    /// Reads `KEY=VALUE` as `tandem assess --answer` takes it.
    public static func parseAssignment(_ text: String) -> Result<(AssessmentQuestion, AnswerValue), InputError> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(InputError("\"\(text)\": expected KEY=VALUE, e.g. gap=yes or horizon=6"))
        }
        let key = text[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
        guard let q = AssessmentQuestion(rawValue: key) else {
            return .failure(InputError("\"\(key)\" is not a question: use one of "
                + AssessmentQuestion.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        return parse(String(text[text.index(after: eq)...]), for: q).map { (q, $0) }
    }

    /// The recommendation for complete `answers` about someone at `level` called `name`.
    /// Missing answers count as no (and no horizon).
    public static func evaluate(_ answers: AssessmentAnswers, level: Level, name: String) -> AssessmentResult {
        let gap = answers.yes(.gap), measurable = answers.yes(.measurable)
        let urgent = answers.yes(.urgent), new = answers.yes(.new), career = answers.yes(.career)
        let knowledge = answers.yes(.knowledge), transition = answers.yes(.transition), succession = answers.yes(.succession)
        let horizon = answers.horizon
        let junior = level == .junior
        let who = name.trimmingCharacters(in: .whitespaces).isEmpty ? "They" : name

        var coaching = 0
        if gap { coaching += 3 }
        if gap && measurable { coaching += 2 }
        if urgent { coaching += 1 }
        if transition { coaching += 2 }
        if let h = horizon { coaching += h <= 6 ? 2 : h <= coachingHorizon ? 1 : 0 }

        var mentoring = 0
        if career { mentoring += 2 }
        if knowledge { mentoring += 2 }
        if succession { mentoring += 2 }
        if new { mentoring += 1 }
        if junior { mentoring += 1 }
        if let h = horizon { mentoring += h > coachingHorizon ? 2 : h > 6 ? 1 : 0 }

        let months = horizon.map { AnswerValue.months($0).description } ?? "no set time"
        let coachingNeed = gap && measurable && (horizon ?? Int.max) <= coachingHorizon
        let mentoringNeeds: [String] = [
            junior ? "is junior (level: junior)" : nil,
            new ? "is new to the agency or early in their career (new: yes)" : nil,
            career ? "wants career progression or help navigating the agency (career: yes)" : nil,
            knowledge ? "should learn from a senior colleague (knowledge: yes)" : nil,
            succession ? "is being readied for succession (succession: yes)" : nil,
        ].compactMap { $0 }
        let mentoringNeed = !mentoringNeeds.isEmpty

        var why: [String] = []
        if coachingNeed {
            why.append("A specific, current gap (gap: yes) with a measurable target (measurable: yes) within \(months) (horizon: \(horizon!)) is what coaching is for: short, focused and measured.")
        } else if gap && measurable, let h = horizon {
            why.append("The gap is measurable (gap: yes, measurable: yes) but its horizon of \(months) (horizon: \(h)) is longer than coaching's months, so it is growth to support over time.")
        } else if gap {
            why.append("There is a current gap (gap: yes) but no measurable target yet (measurable: no); coaching needs a target and a date to work toward.")
        } else {
            why.append("No specific, current skill or performance gap was named (gap: no), so there is nothing for coaching to measure.")
        }
        if urgent { why.append("It is urgent (urgent: yes), which favours coaching's quick, frequent sessions.") }
        if transition { why.append("Rapid growth or a technology change is hitting the role (transition: yes): coaching builds the new skills fast.") }
        if mentoringNeed {
            why.append("\(who) " + sentence(mentoringNeeds) + ": that is long-term growth a mentor supports.")
        } else {
            why.append("Not junior, not new, and no career, knowledge-transfer or succession need (career: no, knowledge: no, succession: no, new: no), so there is little for a mentor to carry.")
        }
        if let h = horizon, h > coachingHorizon {
            why.append("A horizon of \(months) (horizon: \(h)) suits mentoring's long rhythm more than a coaching deadline.")
        }

        let recommendation: Recommendation
        switch (coachingNeed, mentoringNeed) {
        case (true, true):
            recommendation = .hybrid
            why.append("Both needs are present, so hybrid: coaching closes the gap by a deadline while a mentor supports the longer growth.")
        case (true, false):
            recommendation = .coaching
            why.append("So coaching: set the target as a metric and agree a deadline.")
        case (false, true):
            recommendation = .mentoring
            why.append("So mentoring: agree goals and a meeting cadence with a mentor.")
        case (false, false):
            recommendation = coaching > mentoring ? .coaching : .mentoring
            why.append(recommendation == .coaching
                ? "Neither need is clear; the coaching score is higher (\(coaching) against \(mentoring)), so coaching, once a measurable target is agreed."
                : "Neither need is clear; the mentoring score is \(coaching == mentoring ? "level with" : "higher than") coaching's (\(mentoring) against \(coaching)), so mentoring, open-ended until a measurable gap is named.")
        }
        return AssessmentResult(recommendation: recommendation, coachingScore: min(coaching, maxScore),
                                mentoringScore: min(mentoring, maxScore), rationale: why)
    }

    /// "a, b and c".
    static func sentence(_ parts: [String]) -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        default: parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        }
    }

    /// The 1–5 score an answer is stored with: yes 5, no 1; a horizon by how short it is
    /// (≤3 months 5, ≤6 4, ≤12 3, ≤24 2, longer 1).
    public static func score(_ value: AnswerValue) -> Int {
        switch value {
        case .yesNo(let b): return b ? 5 : 1
        case .months(let m): return m <= 3 ? 5 : m <= 6 ? 4 : m <= 12 ? 3 : m <= 24 ? 2 : 1
        }
    }

    /// The answers as stored: one `Answer` per answered question, in interview order.
    public static func storedAnswers(_ answers: AssessmentAnswers) -> [Answer] {
        AssessmentQuestion.allCases.compactMap { q in
            guard let v = answers[q] else { return nil }
            switch v {
            case .yesNo(let b): return Answer(question: q.rawValue, score: score(v), yes: b, text: q.text)
            case .months(let m): return Answer(question: q.rawValue, score: score(v), months: m, text: q.text)
            }
        }
    }

    /// The answers an assessment holds, read back (an older file's answers by their score:
    /// 4–5 yes, 1–2 no; unknown questions skipped).
    public static func answers(of assessment: Assessment) -> AssessmentAnswers {
        var out = AssessmentAnswers()
        for a in assessment.answers {
            guard let q = AssessmentQuestion(rawValue: a.question) else { continue }
            if let m = a.months, q.isMonths { out[q] = .months(m) }
            else if let y = a.yes, !q.isMonths { out[q] = .yesNo(y) }
            else if !q.isMonths, a.score != 3 { out[q] = .yesNo(a.score > 3) }
        }
        return out
    }

    /// The Assessment record for `person` on `date` with `answers` and their `result`; the
    /// rationale is kept as its sentences joined by spaces.
    public static func record(id: UUID, person: Person, date: Day, answers: AssessmentAnswers,
                              result: AssessmentResult) -> Assessment {
        Assessment(id: id, personID: person.id, date: date, answers: storedAnswers(answers),
                   recommendation: result.recommendation, rationale: result.rationale.joined(separator: " "),
                   coachingScore: result.coachingScore, mentoringScore: result.mentoringScore)
    }

    /// Whether anything was started for the assessment's person on or after its date that
    /// follows its recommendation (an engagement for coaching, a relationship as mentee for
    /// mentoring, both for hybrid).
    public static func isActedOn(_ assessment: Assessment, in snapshot: Snapshot) -> Bool {
        let coached = snapshot.engagements.contains { $0.coacheeID == assessment.personID && $0.start >= assessment.date }
        let mentored = snapshot.relationships.contains { $0.menteeID == assessment.personID && $0.start >= assessment.date }
        switch assessment.recommendation {
        case .coaching: return coached
        case .mentoring: return mentored
        case .hybrid: return coached && mentored
        }
    }

    /// The person's latest assessment, if any.
    public static func latest(for personID: UUID, in snapshot: Snapshot) -> Assessment? {
        snapshot.assessments.filter { $0.personID == personID }
            .max { ($0.date, $0.id.uuidString) < ($1.date, $1.id.uuidString) }
    }
}
