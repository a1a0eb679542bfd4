import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The needs assessment from the keyboard (`A` on the people screen) and the prep brief (`p`).
@Suite("Needs assessment and prep brief")
struct AssessmentFlowTests {
    /// The tiny agency on the people screen with Chloé (junior, strategy) selected; Ana (mid)
    /// and Ben (lead, Chloé's mentor already) are the others.
    static func onChloe() -> AppState {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("2"), .char("j"), .char("j"))
        #expect(s.roster.selectedID == Fixture.chloe.id)
        return s
    }

    func top(_ s: AppState) -> AssessmentState? { if case .assessment(let a) = s.top { a } else { nil } }

    @Test func theInterviewSavesOneUndoableRecordWithTheArticlesRecommendation() throws {
        var s = Self.onChloe()
        press(&s, .char("A"))
        #expect(top(s)?.step == 0)
        // gap y, measurable y, urgent n, new y, career n, knowledge n, transition n, succession n, horizon 6.
        var effects = press(&s, .char("y"), .char("y"), .char("n"), .char("y"), .char("n"), .char("n"), .char("n"), .char("n"))
        #expect(effects.isEmpty, "nothing is saved before the last answer")
        #expect(top(s)?.question == .horizon)
        effects = press(&s, .char("6"), .enter)
        let a = try #require(top(s))
        let result = try #require(a.result)
        #expect(result.recommendation == .hybrid, "a junior with a measurable gap in months")
        #expect(result.coachingScore == 7 && result.mentoringScore == 2)
        #expect(s.data.assessments.count == 1)
        let record = s.data.assessments[0]
        #expect(record.id == a.savedID && record.personID == Fixture.chloe.id && record.date == Fixture.today)
        #expect(record.answers.first { $0.question == "horizon" }?.months == 6)
        #expect(record.answers.first { $0.question == "new" }?.yes == true)
        #expect(effects == [.save(.assessment(record), force: false)])
        #expect(s.keyContext == .assessmentResult)

        press(&s, .escape)
        #expect(s.keyContext == .people)
        effects = press(&s, .char("u"))
        #expect(s.data.assessments.isEmpty, "u undoes the assessment")
        #expect(effects == [.delete(RecordRef(kind: .assessment, id: record.id))])
    }

    @Test func answersCanBeRevisitedAndBadOnesAreExplained() throws {
        var s = Self.onChloe()
        press(&s, .char("A"), .char("y"), .char("n"))
        press(&s, .up)
        #expect(top(s)?.step == 1)
        #expect(top(s)?.answers[.measurable] == .no, "going back keeps the answer")
        press(&s, .char("y"))
        #expect(top(s)?.answers[.measurable] == .yes)
        press(&s, .enter)
        #expect(top(s)?.note == "Answer y or n.")
        press(&s, .char("n"), .char("n"), .char("n"), .char("n"), .char("n"), .char("n"))
        #expect(top(s)?.question == .horizon)
        press(&s, .char("y"))
        #expect(top(s)?.note?.contains("number of months") == true)
        _ = type(&s, "500")
        press(&s, .enter)
        #expect(top(s)?.note == "horizon 500 is outside 1–120 months.")
        #expect(top(s)?.result == nil && s.data.assessments.isEmpty)
        // Esc with answers asks first; "keep answering" keeps them.
        press(&s, .escape)
        #expect(s.confirm?.purpose == .discardAssessment)
        press(&s, .char("n"))
        #expect(top(s)?.answers.values.count == 8)
        press(&s, .escape, .char("y"))
        #expect(s.keyContext == .people && s.data.assessments.isEmpty)
    }

    @Test func fromTheResultOneKeyOpensTheFilledInForms() throws {
        var s = Self.onChloe()
        press(&s, [.char("A")] + StackTests.allAnswers)
        let mentors = MentorMatch.candidates(for: Fixture.chloe.id, in: s.data)
        #expect(mentors.map(\.person.name) == ["Ana Lima", "Ben Okafor"], "\(mentors.map(\.reasons))")

        press(&s, .char("m"))
        var form = try #require(s.form)
        #expect(form.kind == .newRelationship)
        #expect(form.text("mentor") == "Ana Lima")
        #expect(form.text("mentee") == "Chloé Dubois")
        #expect(!form.isDirty, "suggestions are not typed text: Esc closes without asking")
        press(&s, .escape)
        #expect(s.keyContext == .assessmentResult)

        press(&s, .char("j"), .char("m"))
        #expect(s.form?.text("mentor") == "Ben Okafor", "j chooses the next suggestion")
        press(&s, .escape, .char("c"))
        form = try #require(s.form)
        #expect(form.kind == .newEngagement)
        #expect(form.text("coachee") == "Chloé Dubois")
        let template = MetricTemplates.suggested(for: Fixture.chloe)
        #expect(form.text("focus") == template.focus)
        #expect(form.text("metrics").hasPrefix("\(template.name) | \(template.unit) |"))
        press(&s, .escape, .char("b"))
        #expect(s.form?.kind == .newEngagement)
        press(&s, .escape)
        #expect(s.form?.kind == .newRelationship, "both: the relationship form waits under the engagement's")
        press(&s, .ctrl("s"))
        // Chloé already has Ben as an active mentor: the pairing question comes first.
        #expect(s.confirm?.message.contains("Ben Okafor") == true, "\(String(describing: s.confirm?.message))")
        press(&s, .char("y"))
        #expect(s.keyContext == .assessmentResult)
        #expect(s.data.relationships.contains { $0.mentorID == Fixture.ben.id && $0.menteeID == Fixture.chloe.id && $0.status == .active && $0.id != Fixture.mentoring.id })
    }

    @Test func aPersonWhoLeftOrAReadOnlyStoreIsNotAssessed() {
        var data = Fixture.tiny
        data.people[2].leftOn = Fixture.today.adding(days: -3)
        var s = Fixture.state(data)
        press(&s, .char("2"), .char("G"), .char("A"))
        #expect(s.keyContext == .people)
        #expect(s.status?.text.contains("left on") == true)
        var ro = Fixture.state(Fixture.tiny, readOnly: "another Tandem has the lock")
        press(&ro, .char("2"), .char("A"))
        #expect(ro.keyContext == .people && ro.status?.kind == .error)
    }

    @Test func theInterviewAt80x24ShowsTheQuestionBesideTheHistory() {
        var s = Self.onChloe()
        press(&s, .char("A"), .char("y"))
        let screen = rows(AppView.render(s, theme: .monochrome))
        #expect(screen[1].hasPrefix("╭─ Needs assessment · Chloé Dubois · 2/9 "))
        #expect(screen[1].contains("╭─ History "))
        #expect(screen[3].contains("Can it be measured, with a target to reach within"))
        #expect(screen.contains { $0.contains("skill or performance gap  yes") })
        #expect(screen.contains { $0.contains("▸ measurable target         —") })
        #expect(screen.contains { $0.contains("junior · Strategist,") })
        #expect(screen.contains { $0.contains("now: with Ben Okafor") })
        #expect(screen[23].hasPrefix("y yes  n no  Enter next  ↑ back  Esc stop"))

        press(&s, .char("y"), .char("n"), .char("y"), .char("n"), .char("n"), .char("n"), .char("n"), .char("6"), .enter)
        let result = rows(AppView.render(s, theme: .monochrome))
        #expect(result[2].contains("Recommendation: HYBRID"))
        #expect(result[3].contains("coaching   ███████░░░ 7/10"))
        #expect(result[1].contains("Suggested mentors"))
        #expect(result[2].contains("▸ Ana Lima"))
        #expect(result.contains { $0.contains("(gap: yes)") })
        #expect(result[23].hasPrefix("c coaching  m mentoring  b both  ↓ mentor  Esc close"))
    }

    @Test("the assessment's columns share the body at any size", arguments: [(60, 16), (80, 24), (140, 40)])
    func layout(_ size: (Int, Int)) {
        let l = AppLayout(width: size.0, height: size.1)
        #expect(l.assessmentMain.width + l.assessmentSide.width == l.body.width)
        #expect(l.assessmentMain.right == l.assessmentSide.x)
        #expect((26...40).contains(l.assessmentSide.width))
        #expect(l.briefText.width > 0 && l.briefText.height > 0 && l.briefBox.bottom <= size.1)
    }

    @Test func bOnADetailShowsThePrepBrief() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .enter, .char("b"))
        #expect(s.keyContext == .brief)
        let screen = rows(AppView.render(s, theme: .monochrome))
        #expect(screen.contains { $0.contains("Prep: Ana Lima — Pitching to clients") })
        #expect(screen.contains { $0.contains("Last contact 10 days ago") })
        #expect(screen.contains { $0.contains("Win rate: 20% → 30% (+10%, better; target 40%)") })
        #expect(screen.contains { $0.contains("Lead one pitch alone") })
        #expect(screen.contains { $0.contains("Esc or b or q closes") }, "the hint names the brief's own closing keys")
        press(&s, .char("b"))
        #expect(s.keyContext == .detail)
    }

    func focus(_ s: inout AppState, _ id: String) {
        guard var f = s.form, let i = f.fields.firstIndex(where: { $0.id == id }) else { Issue.record("no field \(id)"); return }
        f.focus = i
        s.form = f
    }

    @Test func ctrlTPicksAMetricTemplateIntoMetrics() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("c"))
        focus(&s, "metrics")
        press(&s, .ctrl("t"))
        guard case .picker(let p) = s.top else { Issue.record("no picker"); return }
        #expect(p.items.map(\.label).prefix(2) == ["Billable utilisation", "Pitch win rate"])
        #expect(p.items.contains { $0.label == "Win rate" && $0.detail.contains("used before") }, "the leader's own metric")
        _ = type(&s, "revisión")
        guard case .picker(let filtered) = s.top else { Issue.record("no picker"); return }
        #expect(filtered.shown.map(\.label) == ["Revision rounds per deliverable"], "accents ignored")
        press(&s, .enter)
        #expect(s.keyContext == .form)
        #expect(s.form?.text("metrics") == "Revision rounds per deliverable | rounds | 0 -> 0")
        // A second pick adds a line; Esc leaves the field alone.
        press(&s, .ctrl("t"), .down, .enter)
        #expect(s.form?.text("metrics") == "Revision rounds per deliverable | rounds | 0 -> 0\nPitch win rate | % | 0 -> 0")
        press(&s, .ctrl("t"), .escape)
        #expect(s.form?.text("metrics").components(separatedBy: "\n").count == 2)
        // Elsewhere Ctrl-T says where it works.
        focus(&s, "focus")
        press(&s, .ctrl("t"))
        #expect(s.keyContext == .form && s.status?.text.contains("Ctrl-T picks") == true)
    }

    @Test func ctrlTOnMentorRanksForTheMenteeTyped() throws {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("n"), .char("m"))
        #expect(FormTests.focusedID(s) == "mentee", "the mentee first: the mentor is ranked for them")
        _ = type(&s, "chloe")
        press(&s, .enter)
        #expect(FormTests.focusedID(s) == "mentor")
        press(&s, .ctrl("t"))
        guard case .picker(let p) = s.top else { Issue.record("no picker"); return }
        #expect(p.title == "Mentors for Chloé Dubois, best first")
        #expect(p.items.map(\.value) == MentorMatch.candidates(for: Fixture.chloe.id, in: s.data).map(\.person.name))
        #expect(p.items.map(\.personID) == MentorMatch.candidates(for: Fixture.chloe.id, in: s.data).map(\.person.id))
        press(&s, .down, .enter)
        #expect(s.form?.text("mentor") == p.items[1].value)
        // Without a mentee, everyone at the agency by name.
        var t = Fixture.state(Fixture.tiny)
        press(&t, .char("n"), .char("m"), .tab, .ctrl("t"))
        guard case .picker(let all) = t.top else { Issue.record("no picker"); return }
        #expect(all.title == "Mentor · pick the mentee first to rank them")
        #expect(all.items.map(\.label) == ["Ana Lima", "Ben Okafor", "Chloé Dubois"])
    }
}

@Suite("Continuing as mentoring")
struct ContinuationFlowTests {
    @Test func mOnACompletedEngagementCreatesTheLinkedRelationshipAndOpensItsForm() throws {
        var data = Fixture.tiny
        data.engagements[0].status = .completed
        data.engagements[0].closedOn = Fixture.today
        data.people[1].mentoringCapacity = 3  // Ben, lead: room for Ana
        var s = Fixture.state(data)
        s.push(.detail(DetailState(ref: Fixture.pitchingRef)))
        let effects = press(&s, .char("M"))
        let r = try #require(s.data.relationships.first { $0.continuesEngagementID == Fixture.pitching.id })
        #expect(r.menteeID == Fixture.ana.id && r.mentorID == Fixture.ben.id)
        #expect(r.goals.map(\.text) == ["Pitching to clients", "Lead one pitch alone", "Cut the deck to 10 slides"])
        #expect(effects == [.save(.mentoring(r), force: false)])
        #expect(s.form?.kind == .editRelationship(r.id))
        // The mentor suggestions open over the form, on the mentor chosen; Esc keeps it.
        guard case .picker(let p) = s.top else { Issue.record("no mentor picker over the form"); return }
        #expect(p.title == "Mentors for Ana Lima, best first" && p.shown[safe: p.selected]?.personID == Fixture.ben.id)
        press(&s, .escape, .escape)
        #expect(s.form == nil)
        let doc = try #require(DetailDocument.of(Fixture.pitchingRef, s, width: 76))
        #expect(doc.lines.contains { $0.map(\.text).joined().contains("continued as mentoring Ben Okafor → Ana Lima") })
        let other = try #require(DetailDocument.of(RecordRef(kind: .mentoring, id: r.id), s, width: 76))
        #expect(other.lines.contains { $0.map(\.text).joined().contains("continues the coaching Ana Lima — Pitching to clients") })
        press(&s, .char("M"))
        #expect(s.status?.text == "Not continued: this engagement is already continued as mentoring")
        press(&s, .char("u"))
        #expect(!s.data.relationships.contains { $0.id == r.id })
    }

    @Test func anOpenEngagementIsNotContinued() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .enter, .char("M"))
        #expect(s.status?.text == "Not continued: only a completed engagement is continued as mentoring")
        #expect(s.data.relationships.count == 1)
    }
}
