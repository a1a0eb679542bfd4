import Foundation
import Testing
@testable import TandemCore

/// A row of the scoring table: who, what they answered, and what the article says to do.
struct AssessmentCase: CustomTestStringConvertible, Sendable {
    var name: String
    var level: Level
    var answers: String
    var recommendation: Recommendation
    var coaching: Int
    var mentoring: Int
    /// Answers the rationale must cite ("gap: yes").
    var cites: [String]
    var testDescription: String { name }

    /// "gap=yes measurable=no horizon=6"; unlisted yes/no questions are no.
    var parsed: AssessmentAnswers {
        var a = AssessmentAnswers(Dictionary(uniqueKeysWithValues: AssessmentQuestion.allCases.filter { !$0.isMonths }.map { ($0, AnswerValue.no) }))
        for part in answers.split(separator: " ") {
            let (q, v) = try! NeedsAssessment.parseAssignment(String(part)).get()
            a[q] = v
        }
        return a
    }
}

@Suite struct NeedsAssessmentTests {
    static let table: [AssessmentCase] = [
        // The article: a junior with no measurable gap → mentoring.
        AssessmentCase(name: "junior, no measurable gap", level: .junior, answers: "gap=yes measurable=no new=yes horizon=18",
                       recommendation: .mentoring, coaching: 3, mentoring: 4,
                       cites: ["level: junior", "measurable: no", "new: yes", "horizon: 18"]),
        AssessmentCase(name: "junior, no gap at all", level: .junior, answers: "horizon=24",
                       recommendation: .mentoring, coaching: 0, mentoring: 3, cites: ["gap: no", "level: junior"]),
        // A measurable gap with a horizon of months → coaching.
        AssessmentCase(name: "senior, measurable gap in months", level: .senior, answers: "gap=yes measurable=yes urgent=yes horizon=3",
                       recommendation: .coaching, coaching: 8, mentoring: 0,
                       cites: ["gap: yes", "measurable: yes", "horizon: 3", "urgent: yes"]),
        AssessmentCase(name: "mid, measurable gap, a year, technology change", level: .mid, answers: "gap=yes measurable=yes transition=yes horizon=12",
                       recommendation: .coaching, coaching: 8, mentoring: 1, cites: ["transition: yes", "horizon: 12"]),
        // Both → hybrid.
        AssessmentCase(name: "junior with a measurable gap in months", level: .junior, answers: "gap=yes measurable=yes horizon=6",
                       recommendation: .hybrid, coaching: 7, mentoring: 1, cites: ["level: junior", "measurable: yes"]),
        AssessmentCase(name: "lead, measurable gap and succession", level: .lead, answers: "gap=yes measurable=yes succession=yes career=yes horizon=9",
                       recommendation: .hybrid, coaching: 6, mentoring: 5, cites: ["succession: yes", "career: yes"]),
        // Mentoring needs without a gap.
        AssessmentCase(name: "mid, knowledge transfer over years", level: .mid, answers: "knowledge=yes career=yes horizon=36",
                       recommendation: .mentoring, coaching: 0, mentoring: 6, cites: ["knowledge: yes", "horizon: 36"]),
        // A measurable gap over years is growth, not coaching.
        AssessmentCase(name: "senior, measurable gap over two years", level: .senior, answers: "gap=yes measurable=yes horizon=24",
                       recommendation: .coaching, coaching: 5, mentoring: 2, cites: ["horizon: 24"]),
        // Neither need: the scores decide; a tie is mentoring.
        AssessmentCase(name: "senior, a gap without a target, urgent", level: .senior, answers: "gap=yes urgent=yes horizon=2",
                       recommendation: .coaching, coaching: 6, mentoring: 0, cites: ["measurable: no", "urgent: yes"]),
        AssessmentCase(name: "partner, nothing at all", level: .partner, answers: "horizon=9",
                       recommendation: .mentoring, coaching: 1, mentoring: 1, cites: ["gap: no", "succession: no"]),
    ]

    @Test(arguments: table) func theArticleDecides(_ row: AssessmentCase) {
        let r = NeedsAssessment.evaluate(row.parsed, level: row.level, name: "Ana Lima")
        #expect(r.recommendation == row.recommendation)
        #expect(r.coachingScore == row.coaching)
        #expect(r.mentoringScore == row.mentoring)
        let text = r.rationale.joined(separator: " ")
        for c in row.cites { #expect(text.contains("(\(c)") || text.contains(", \(c)") || text.contains(" \(c))"), "rationale cites \(c): \(text)") }
        #expect(r.rationale.allSatisfy { $0.hasSuffix(".") && $0.first!.isUppercase })
        #expect(r.rationale.last!.contains(row.recommendation.rawValue) || row.recommendation == .hybrid && r.rationale.last!.contains("hybrid"))
    }

    @Test func scoresStayWithinTen() {
        var all = AssessmentAnswers(Dictionary(uniqueKeysWithValues: AssessmentQuestion.allCases.filter { !$0.isMonths }.map { ($0, AnswerValue.yes) }))
        all[.horizon] = .months(1)
        let r = NeedsAssessment.evaluate(all, level: .junior, name: "X")
        #expect(r.coachingScore == 10)
        #expect(r.mentoringScore == 8)
        #expect(r.recommendation == .hybrid)
        all[.horizon] = .months(60)
        #expect(NeedsAssessment.evaluate(all, level: .junior, name: "X").mentoringScore == 10)
    }

    @Test(arguments: [
        ("gap=yes", AssessmentQuestion.gap, AnswerValue.yes), ("measurable=N", .measurable, .no),
        (" urgent = true ", .urgent, .yes), ("horizon=6", .horizon, .months(6)), ("HORIZON=18 months", .horizon, .months(18)),
    ]) func answersAreRead(_ text: String, _ q: AssessmentQuestion, _ v: AnswerValue) throws {
        let (gotQ, gotV) = try NeedsAssessment.parseAssignment(text).get()
        #expect(gotQ == q)
        #expect(gotV == v)
    }

    @Test(arguments: [
        ("gap", "expected KEY=VALUE"), ("mood=yes", "\"mood\" is not a question: use one of gap, measurable"),
        ("gap=maybe", "gap \"maybe\": expected yes or no"), ("horizon=soon", "expected a number of months, 1–120"),
        ("horizon=0", "horizon 0 is outside 1–120 months"), ("horizon=121", "outside 1–120 months"),
    ]) func badAnswersSayWhatIsExpected(_ text: String, _ message: String) {
        guard case .failure(let e) = NeedsAssessment.parseAssignment(text) else { Issue.record("\(text) was accepted"); return }
        #expect(e.message.contains(message), "\(e.message)")
    }

    @Test func theRecordKeepsAnswersFaithfullyAndReadsThemBack() throws {
        let row = Self.table[0]
        let person = Person(id: uuid(1), name: "Ana Lima", level: .junior)
        let result = NeedsAssessment.evaluate(row.parsed, level: .junior, name: person.name)
        let a = NeedsAssessment.record(id: uuid(9), person: person, date: day("2026-03-01"), answers: row.parsed, result: result)
        #expect(a.answers.count == 9)
        #expect(a.answers.map(\.question) == AssessmentQuestion.allCases.map(\.rawValue))
        #expect(a.answers[0] == Answer(question: "gap", score: 5, yes: true, text: AssessmentQuestion.gap.text))
        #expect(a.answers[1].yes == false && a.answers[1].score == 1)
        #expect(a.answers[8].months == 18 && a.answers[8].yes == nil && a.answers[8].score == 2)
        #expect(a.coachingScore == 3 && a.mentoringScore == 4 && a.recommendation == .mentoring)
        #expect(a.rationale == result.rationale.joined(separator: " "))
        #expect(NeedsAssessment.answers(of: a) == row.parsed)
        #expect(Validation.problems(in: a).isEmpty)

        let data = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(Assessment.self, from: data) == a)
        // An older file: question and score only, no scores on the record.
        let old = #"{"id":"00000000-0000-0000-0000-000000000009","personID":"00000000-0000-0000-0000-000000000001","date":"2026-03-01","answers":[{"question":"gap","score":4},{"question":"career","score":2}],"recommendation":"coaching","rationale":"old"}"#
        let decoded = try JSONDecoder().decode(Assessment.self, from: Data(old.utf8))
        #expect(decoded.coachingScore == nil && decoded.answers[0].yes == nil)
        #expect(NeedsAssessment.answers(of: decoded) == AssessmentAnswers([.gap: .yes, .career: .no]))
    }

    @Test func validationRefusesMixedOrOutOfRangeAnswers() {
        let a = Assessment(id: uuid(9), personID: uuid(1), date: day("2026-03-01"), answers: [
            Answer(question: "gap", score: 5, yes: true, months: 3),
            Answer(question: "horizon", score: 3, yes: true),
            Answer(question: "urgent", score: 1, months: 2),
            Answer(question: "new", score: 1, months: 500),
        ], recommendation: .coaching, rationale: "", coachingScore: 11)
        let fields = Validation.problems(in: a).map(\.field)
        #expect(fields.contains("answers[0]"))
        #expect(fields.contains("answers[1].yes"))
        #expect(fields.contains("answers[2].months"))
        #expect(fields.contains("answers[3].months"))
        #expect(fields.contains("coachingScore"))
    }

    @Test func anAssessmentIsActedOnWhenItsRecommendationWasStarted() {
        let person = Person(id: uuid(1), name: "Ana", level: .junior)
        let a = Assessment(id: uuid(9), personID: uuid(1), date: day("2026-03-01"), answers: [], recommendation: .hybrid, rationale: "")
        var s = Snapshot(agency: Agency(name: "A"), people: [person, Person(id: uuid(2), name: "Bo", level: .lead)], assessments: [a])
        #expect(!NeedsAssessment.isActedOn(a, in: s))
        s.engagements = [CoachingEngagement(id: uuid(20), coacheeID: uuid(1), coach: .external("C"), focus: "f",
                                            start: day("2026-02-01"), deadline: day("2026-05-01"))]
        #expect(!NeedsAssessment.isActedOn(a, in: s), "an engagement started before the assessment does not count")
        s.engagements[0].start = day("2026-03-02")
        #expect(!NeedsAssessment.isActedOn(a, in: s), "hybrid needs both")
        s.relationships = [MentoringRelationship(id: uuid(30), mentorID: uuid(2), menteeID: uuid(1), start: day("2026-03-01"), cadenceDays: 14)]
        #expect(NeedsAssessment.isActedOn(a, in: s))
        #expect(NeedsAssessment.latest(for: uuid(1), in: s) == a)
    }
}

@Suite struct PersonQueryTests {
    static let people = [Person(id: uuid(1), name: "José Núñez"), Person(id: uuid(2), name: "Ana"),
                         Person(id: uuid(3), name: "Anand Rao", leftOn: day("2026-01-01"))]

    @Test func namesIdsAndAmbiguity() throws {
        #expect(try PersonQuery.resolve("jose", in: Self.people).get().id == uuid(1))
        #expect(try PersonQuery.resolve("ana", in: Self.people).get().id == uuid(2), "a whole name beats a part")
        #expect(try PersonQuery.resolve("00000000-0000-0000-0000-000000000003", in: Self.people).get().name == "Anand Rao")
        guard case .failure(.ambiguous(_, let lines)) = PersonQuery.resolve("an", in: Self.people) else { Issue.record("not ambiguous"); return }
        #expect(lines == ["00000000  Ana", "00000000  Anand Rao (left)"])
        #expect(PersonQuery.resolve("zed", in: Self.people) == .failure(.noMatch("zed")))
        #expect(PersonQuery.resolve("  ", in: Self.people) == .failure(.empty))
        #expect("a\u{1b}[2Jb\u{7}".printable == "a?[2Jb?")
    }

    @Test func theHistoryBesideTheQuestions() {
        let ana = Person(id: uuid(1), name: "Ana Lima", role: "Designer", team: "creative", level: .junior,
                         startDate: day("2025-08-30"), interests: ["pitching"])
        let ben = Person(id: uuid(2), name: "Ben", level: .lead)
        let s = Snapshot(agency: Agency(name: "A"), people: [ana, ben],
                         engagements: [CoachingEngagement(id: uuid(10), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "Pitching",
                                                          start: day("2026-01-05"), deadline: day("2026-04-01"), status: .completed)],
                         relationships: [MentoringRelationship(id: uuid(20), mentorID: uuid(2), menteeID: uuid(1), start: day("2026-05-01"), cadenceDays: 14)],
                         assessments: [Assessment(id: uuid(30), personID: uuid(1), date: day("2026-06-01"), answers: [], recommendation: .coaching, rationale: "")])
        let h = PersonHistory(ana, in: s, today: day("2026-11-29"))
        #expect(h.monthsAtAgency == 14)
        #expect(h.tenure == "1 year 2 months")
        #expect(h.lines == [
            "junior · Designer, creative", "at the agency 1 year 2 months", "wants to grow in pitching", "",
            "Coaching", "  past: Pitching (completed, 2026-01-05–2026-04-01)",
            "Mentoring", "  now: with Ben (active, since 2026-05-01)",
            "Last assessed 2026-06-01: coaching, not acted on yet",
        ])
    }
}

@Suite struct ContinuationTests {
    @Test func aCompletedEngagementContinuesAsLinkedMentoring() throws {
        let ana = Person(id: uuid(1), name: "Ana", team: "Design", level: .junior, interests: ["pitching"])
        let full = Person(id: uuid(2), name: "Bo", team: "Studio", level: .lead, expertise: ["pitching"], mentoringCapacity: 0)
        let cy = Person(id: uuid(3), name: "Cy", team: "Studio", level: .senior, mentoringCapacity: 1)
        var e = CoachingEngagement(id: uuid(10), coacheeID: uuid(1), coach: .person(uuid(2)), focus: "Pitching",
                                   objectives: [Objective(id: uuid(11), text: "Lead a pitch"), Objective(id: uuid(12), text: "Done", doneOn: day("2026-03-01"))],
                                   start: day("2026-01-01"), deadline: day("2026-04-01"), status: .active)
        var s = Snapshot(agency: Agency(name: "A"), people: [ana, full, cy], engagements: [e])
        var n = 100
        let ids = { () -> UUID in n += 1; return uuid(n) }
        #expect(Continuation.relationship(continuing: e, in: s, today: day("2026-04-02"), makeID: ids) == .failure(.notCompleted))
        e.status = .completed
        s.engagements = [e]
        let r = try Continuation.relationship(continuing: e, in: s, today: day("2026-04-02"), makeID: ids).get()
        #expect(r.mentorID == uuid(3), "the top suggestion with room: Bo is at capacity")
        #expect(r.menteeID == uuid(1) && r.start == day("2026-04-02") && r.cadenceDays == 14)
        #expect(r.goals.map(\.text) == ["Pitching", "Lead a pitch"])
        #expect(r.focusAreas == ["Pitching"])
        #expect(r.continuesEngagementID == e.id)
        #expect(Validation.problems(in: r, today: day("2026-04-02")).isEmpty)
        s.relationships = [r]
        #expect(Continuation.relationship(continuing: e.id, in: s) == r)
        #expect(Continuation.relationship(continuing: e, in: s, today: day("2026-04-02"), makeID: ids) == .failure(.alreadyContinued(relationshipID: r.id)))
        // Older files have no link and still decode.
        let old = try JSONEncoder().encode(MentoringRelationship(id: uuid(5), mentorID: uuid(3), menteeID: uuid(1), start: day("2026-01-01"), cadenceDays: 7))
        #expect(!String(decoding: old, as: UTF8.self).contains("continuesEngagementID"))
    }
}
