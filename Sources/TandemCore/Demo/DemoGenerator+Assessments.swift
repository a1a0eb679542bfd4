import Foundation

extension DemoGenerator {
    /// A few needs assessments, made after everything else so every other demo value stays as
    /// it was: one before an open engagement (coaching, acted on), one before an open
    /// relationship (mentoring, acted on), and one for a junior outside any open record, made
    /// last week, whose hybrid recommendation nobody has acted on yet.
    mutating func makeAssessments(latestEngagement: CoachingEngagement?, latestRelationship: MentoringRelationship?) -> [Assessment] {
        var out: [Assessment] = []
        let index = Dictionary(people.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })

        func assess(_ i: Int, on date: Day, _ values: [AssessmentQuestion: AnswerValue]) -> Assessment {
            var answers = AssessmentAnswers(Dictionary(uniqueKeysWithValues:
                AssessmentQuestion.allCases.filter { !$0.isMonths }.map { ($0, AnswerValue.no) }))
            for (q, v) in values { answers[q] = v }
            let p = people[i]
            let result = NeedsAssessment.evaluate(answers, level: p.level, name: p.name)
            return NeedsAssessment.record(id: rng.uuid(), person: p, date: date, answers: answers, result: result)
        }

        // Coaching, before the latest-starting open engagement of someone above junior.
        if let e = latestEngagement, let i = index[e.coacheeID] {
            let months = max(1, min(12, e.start.days(to: e.deadline) / 30))
            out.append(assess(i, on: e.start.adding(days: -rng.int(3...10)),
                              [.gap: .yes, .measurable: .yes, .urgent: .yes, .horizon: .months(months)]))
        }
        // Mentoring, before the latest-starting active relationship.
        if let r = latestRelationship, let i = index[r.menteeID] {
            out.append(assess(i, on: r.start.adding(days: -rng.int(3...10)),
                              [.career: .yes, .knowledge: .yes, .horizon: .months(18)]))
        }
        // Not acted on: a junior (else anyone below partner) with no open engagement or
        // relationship as mentee, assessed last week.
        let free = nonPartners.filter { !openCoachee[$0] && !openMentee[$0] && people[$0].isCurrent }
        let pool = free.filter { people[$0].level == .junior }
        if let i = (pool.isEmpty ? free : pool).first {
            out.append(assess(i, on: today.adding(days: -rng.int(3...8)),
                              [.gap: .yes, .measurable: .yes, .new: .yes, .career: .yes, .horizon: .months(6)]))
        }
        return out
    }
}
