import Foundation
import Testing
@testable import TandemCore

/// An id whose first 8 hex digits are `n`, so paths (which show 8 digits) tell items apart.
private func mid(_ n: Int) -> UUID {
    let hex = String(n, radix: 16)
    return UUID(uuidString: String(repeating: "0", count: 8 - hex.count) + hex + "-0000-4000-8000-000000000000")!
}

/// One row of a merge table: what each side does to the base, and what the merge must give
/// (the merged record, or the partial one and the conflicts' paths and kinds).
private struct Row<T> {
    var name: String
    var ours: (inout T) -> Void
    var theirs: (inout T) -> Void
    var expected: (inout T) -> Void
    var conflicts: [(path: String, kind: FieldConflict.Kind)] = []
}

/// Runs a table on `base`, and both ways round: swapping ours and theirs must be clean too, or
/// give the mirrored conflicts; choosing theirs at a value conflict gives their value.
private func run<T: Codable & Equatable>(_ base: T, _ rows: [Row<T>], sourceLocation: SourceLocation = #_sourceLocation) {
    for row in rows {
        var ours = base, theirs = base, expected = base
        row.ours(&ours)
        row.theirs(&theirs)
        row.expected(&expected)
        let result = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.value == expected, "\(row.name): merged record", sourceLocation: sourceLocation)
        let got = result.conflicts.map { "\($0.path) \($0.kind)" }
        let want = row.conflicts.map { "\($0.path) \($0.kind)" }
        #expect(got == want, "\(row.name): conflicts", sourceLocation: sourceLocation)
        if row.conflicts.isEmpty {
            #expect(result == .merged(expected), "\(row.name): clean", sourceLocation: sourceLocation)
            #expect(RecordMerge.merge(base: base, ours: theirs, theirs: ours).conflicts.isEmpty,
                    "\(row.name): the other way round", sourceLocation: sourceLocation)
        } else {
            let mirrored = RecordMerge.merge(base: base, ours: theirs, theirs: ours).conflicts.map { c -> String in
                let kind: FieldConflict.Kind = switch c.kind {
                case .removedByOurs: .removedByTheirs
                case .removedByTheirs: .removedByOurs
                case .changedOnBothSides: .changedOnBothSides
                }
                return "\(c.path) \(kind)"
            }
            #expect(mirrored == want, "\(row.name): conflicts the other way round", sourceLocation: sourceLocation)
            // Choosing theirs at every conflict gives their values there (where one side removed
            // an item, the partial keeps it, so only value conflicts compare with their partial).
            guard row.conflicts.allSatisfy({ $0.kind == .changedOnBothSides }) else { continue }
            let choices = Dictionary(uniqueKeysWithValues: result.conflicts.map { ($0.path, MergeSide.theirs) })
            let chosen = RecordMerge.merge(base: base, ours: ours, theirs: theirs, choosing: choices)
            #expect(chosen.conflicts.isEmpty, "\(row.name): every conflict chosen", sourceLocation: sourceLocation)
            let backwards = RecordMerge.merge(base: base, ours: theirs, theirs: ours)
            #expect(chosen.value == backwards.value, "\(row.name): theirs chosen = their partial", sourceLocation: sourceLocation)
        }
    }
}

@Suite("RecordMerge: a three-way merge of records, field by field and item by item")
struct RecordMergeTests {
    // MARK: People

    static let person = Person(id: mid(0xA1), name: "Ana Lima", role: "Art director", team: "Design", level: .lead,
                               startDate: day("2019-03-04"), expertise: ["branding", "typography"],
                               interests: ["leadership"], mentoringCapacity: 2)

    @Test func people() {
        run(Self.person, [
            Row(name: "ours changes a field", ours: { $0.role = "Creative director" }, theirs: { _ in },
                expected: { $0.role = "Creative director" }),
            Row(name: "theirs changes a field", ours: { _ in }, theirs: { $0.team = "Brand" },
                expected: { $0.team = "Brand" }),
            Row(name: "different fields", ours: { $0.role = "Creative director" }, theirs: { $0.team = "Brand"; $0.level = .partner },
                expected: { $0.role = "Creative director"; $0.team = "Brand"; $0.level = .partner }),
            Row(name: "the same change on both sides", ours: { $0.team = "Brand" }, theirs: { $0.team = "Brand" },
                expected: { $0.team = "Brand" }),
            Row(name: "the same field both ways", ours: { $0.role = "Creative director" }, theirs: { $0.role = "Head of art" },
                expected: { $0.role = "Creative director" }, conflicts: [("role", .changedOnBothSides)]),
            Row(name: "an optional set on one side", ours: { _ in }, theirs: { $0.leftOn = day("2026-10-31") },
                expected: { $0.leftOn = day("2026-10-31") }),
            Row(name: "an optional cleared on one side, another field on the other",
                ours: { $0.startDate = nil }, theirs: { $0.mentoringCapacity = 3 },
                expected: { $0.startDate = nil; $0.mentoringCapacity = 3 }),
            Row(name: "an optional cleared here and changed there", ours: { $0.startDate = nil }, theirs: { $0.startDate = day("2019-04-01") },
                expected: { $0.startDate = day("2019-04-01") }, conflicts: [("startDate", .removedByOurs)]),
            Row(name: "list entries added on both sides", ours: { $0.expertise.append("pitching") }, theirs: { $0.expertise.append("motion") },
                expected: { $0.expertise += ["pitching", "motion"] }),
            Row(name: "a list entry removed on one side, one added on the other",
                ours: { $0.expertise.removeAll { $0 == "typography" } }, theirs: { $0.interests.append("coaching"); $0.expertise.insert("motion", at: 0) },
                expected: { $0.expertise = ["motion", "branding"]; $0.interests.append("coaching") }),
            Row(name: "a manager set differently", ours: { $0.managerID = mid(0xB1) }, theirs: { $0.managerID = mid(0xB2) },
                expected: { $0.managerID = mid(0xB1) }, conflicts: [("managerID", .changedOnBothSides)]),
        ])
    }

    // MARK: Coaching

    static let item = ActionItem(id: mid(0x52), text: "Redo the deck", due: day("2026-03-09"))
    static let first = Session(id: mid(0x51), date: day("2026-03-02"), minutes: 45, notes: "Pitch rehearsal",
                               topics: ["pitching"], actionItems: [item], pulse: 4)
    static let second = Session(id: mid(0x53), date: day("2026-03-16"), minutes: 60, notes: "Live pitch")
    static let winRate = Metric(id: mid(0xC3), name: "Win rate", unit: "%", baseline: 20, target: 40, direction: .higherIsBetter,
                                readings: [Reading(date: day("2026-03-02"), value: 25, sessionID: mid(0x51))])
    static let engagement = CoachingEngagement(
        id: mid(0xC1), coacheeID: mid(0xB2), coach: .person(mid(0xA1)), focus: "Client pitches",
        objectives: [Objective(id: mid(0xC2), text: "Lead a pitch"), Objective(id: mid(0xC4), text: "Own the deck")],
        start: day("2026-02-01"), deadline: day("2026-05-01"), status: .active,
        metrics: [winRate], sessions: [first, second])

    static func newSession(_ n: Int, _ date: String, _ notes: String) -> Session {
        Session(id: mid(n), date: day(date), minutes: 30, notes: notes)
    }

    @Test func coaching() {
        run(Self.engagement, [
            Row(name: "different fields", ours: { $0.focus = "Pitches and proposals" }, theirs: { $0.deadline = day("2026-06-01") },
                expected: { $0.focus = "Pitches and proposals"; $0.deadline = day("2026-06-01") }),
            Row(name: "the same field both ways", ours: { $0.focus = "Mine" }, theirs: { $0.focus = "Theirs" },
                expected: { $0.focus = "Mine" }, conflicts: [("focus", .changedOnBothSides)]),
            Row(name: "status changed the same way", ours: { $0.status = .onHold }, theirs: { $0.status = .onHold; $0.outcome = "Paused" },
                expected: { $0.status = .onHold; $0.outcome = "Paused" }),
            Row(name: "sessions added on both sides stay in date order",
                ours: { $0.sessions.append(Self.newSession(0x61, "2026-03-20", "ours")) },
                theirs: { $0.sessions.insert(Self.newSession(0x62, "2026-03-10", "theirs"), at: 1) },
                expected: { $0.sessions = [Self.first, Self.newSession(0x62, "2026-03-10", "theirs"), Self.second,
                                           Self.newSession(0x61, "2026-03-20", "ours")] }),
            Row(name: "a session edited in different fields", ours: { $0.sessions[0].notes = "Rehearsal, recorded" },
                theirs: { $0.sessions[0].minutes = 50; $0.sessions[0].pulse = 5 },
                expected: { $0.sessions[0].notes = "Rehearsal, recorded"; $0.sessions[0].minutes = 50; $0.sessions[0].pulse = 5 }),
            Row(name: "a session's notes edited both ways", ours: { $0.sessions[0].notes = "Mine" }, theirs: { $0.sessions[0].notes = "Theirs" },
                expected: { $0.sessions[0].notes = "Mine" }, conflicts: [("sessions[00000051].notes", .changedOnBothSides)]),
            Row(name: "a session removed here, untouched there", ours: { $0.sessions.remove(at: 1) },
                theirs: { $0.sessions[0].minutes = 40 },
                expected: { $0.sessions = [Self.first]; $0.sessions[0].minutes = 40 }),
            Row(name: "a session removed there, edited here: kept and asked", ours: { $0.sessions[1].notes = "Live pitch, won" },
                theirs: { $0.sessions.remove(at: 1) },
                expected: { $0.sessions[1].notes = "Live pitch, won" }, conflicts: [("sessions[00000053]", .removedByTheirs)]),
            Row(name: "a session removed on both sides", ours: { $0.sessions.remove(at: 1) }, theirs: { $0.sessions.remove(at: 1); $0.focus = "x" },
                expected: { $0.sessions.remove(at: 1); $0.focus = "x" }),
            Row(name: "an action item done here, its session's notes edited there",
                ours: { $0.sessions[0].actionItems[0].doneOn = day("2026-03-08") }, theirs: { $0.sessions[0].notes = "Rehearsal" },
                expected: { $0.sessions[0].actionItems[0].doneOn = day("2026-03-08"); $0.sessions[0].notes = "Rehearsal" }),
            Row(name: "an action item removed here, edited there",
                ours: { $0.sessions[0].actionItems.removeAll() }, theirs: { $0.sessions[0].actionItems[0].text = "Redo the deck twice" },
                expected: { $0.sessions[0].actionItems[0].text = "Redo the deck twice" },
                conflicts: [("sessions[00000051].actionItems[00000052]", .removedByOurs)]),
            Row(name: "action items added on both sides",
                ours: { $0.sessions[1].actionItems.append(ActionItem(id: mid(0x71), text: "Mine")) },
                theirs: { $0.sessions[1].actionItems.append(ActionItem(id: mid(0x72), text: "Theirs")) },
                expected: { $0.sessions[1].actionItems = [ActionItem(id: mid(0x71), text: "Mine"), ActionItem(id: mid(0x72), text: "Theirs")] }),
            Row(name: "an objective added there, another's text edited here",
                ours: { $0.objectives[1].text = "Own the whole deck" }, theirs: { $0.objectives.append(Objective(id: mid(0xC5), text: "Close one")) },
                expected: { $0.objectives[1].text = "Own the whole deck"; $0.objectives.append(Objective(id: mid(0xC5), text: "Close one")) }),
            Row(name: "an objective done both ways on different days",
                ours: { $0.objectives[0].doneOn = day("2026-03-01") }, theirs: { $0.objectives[0].doneOn = day("2026-03-03") },
                expected: { $0.objectives[0].doneOn = day("2026-03-01") },
                conflicts: [("objectives[000000c2].doneOn", .changedOnBothSides)]),
            Row(name: "readings of different sessions added on both sides",
                ours: { $0.metrics[0].readings.append(Reading(date: day("2026-03-16"), value: 30, sessionID: mid(0x53))) },
                theirs: { $0.metrics[0].readings.append(Reading(date: day("2026-03-09"), value: 28)) },
                expected: { $0.metrics[0].readings = [Self.winRate.readings[0], Reading(date: day("2026-03-09"), value: 28),
                                                      Reading(date: day("2026-03-16"), value: 30, sessionID: mid(0x53))] }),
            Row(name: "one session's reading changed both ways",
                ours: { $0.metrics[0].readings[0].value = 26 }, theirs: { $0.metrics[0].readings[0].value = 27 },
                expected: { $0.metrics[0].readings[0].value = 26 },
                conflicts: [("metrics[000000c3].readings[session:00000051]", .changedOnBothSides)]),
            Row(name: "a metric's target here, its name there",
                ours: { $0.metrics[0].target = 45 }, theirs: { $0.metrics[0].name = "Pitch win rate" },
                expected: { $0.metrics[0].target = 45; $0.metrics[0].name = "Pitch win rate" }),
            Row(name: "a metric removed here, untouched there", ours: { $0.metrics.removeAll() }, theirs: { $0.plannedSessions = 6 },
                expected: { $0.metrics.removeAll(); $0.plannedSessions = 6 }),
            Row(name: "the coach is one value: changed on one side", ours: { $0.coach = .external("Dana Coach") }, theirs: { _ in },
                expected: { $0.coach = .external("Dana Coach") }),
            Row(name: "the coach changed both ways", ours: { $0.coach = .external("Dana Coach") }, theirs: { $0.coach = .person(mid(0xA9)) },
                expected: { $0.coach = .external("Dana Coach") }, conflicts: [("coach", .changedOnBothSides)]),
            Row(name: "several conflicts and clean changes at once",
                ours: { $0.focus = "Mine"; $0.sessions[0].notes = "Mine"; $0.cadenceDays = 14 },
                theirs: { $0.focus = "Theirs"; $0.sessions[0].notes = "Theirs"; $0.outcome = "Won" },
                expected: { $0.focus = "Mine"; $0.sessions[0].notes = "Mine"; $0.cadenceDays = 14; $0.outcome = "Won" },
                conflicts: [("focus", .changedOnBothSides), ("sessions[00000051].notes", .changedOnBothSides)]),
        ])
    }

    // MARK: Mentoring

    static let relationship = MentoringRelationship(
        id: mid(0xD1), mentorID: mid(0xA1), menteeID: mid(0xB2), start: day("2026-01-05"), cadenceDays: 14,
        history: [StatusChange(date: day("2026-02-01"), status: .paused), StatusChange(date: day("2026-02-15"), status: .active)],
        focusAreas: ["craft", "clients"],
        goals: [Goal(id: mid(0xD2), text: "Own a brand", targetDate: day("2026-12-01")), Goal(id: mid(0xD3), text: "Speak at a meetup")],
        sessions: [first])

    @Test func mentoring() {
        run(Self.relationship, [
            Row(name: "different fields", ours: { $0.cadenceDays = 21 }, theirs: { $0.focusAreas.append("leadership") },
                expected: { $0.cadenceDays = 21; $0.focusAreas.append("leadership") }),
            Row(name: "the cadence both ways", ours: { $0.cadenceDays = 21 }, theirs: { $0.cadenceDays = 7 },
                expected: { $0.cadenceDays = 21 }, conflicts: [("cadenceDays", .changedOnBothSides)]),
            Row(name: "a goal achieved here, its text edited there",
                ours: { $0.goals[0].achievedOn = day("2026-11-20") }, theirs: { $0.goals[0].text = "Own a brand end to end" },
                expected: { $0.goals[0].achievedOn = day("2026-11-20"); $0.goals[0].text = "Own a brand end to end" }),
            Row(name: "a goal removed there, untouched here", ours: { $0.goals.append(Goal(id: mid(0xD4), text: "Mentor someone")) },
                theirs: { $0.goals.remove(at: 1) },
                expected: { $0.goals = [$0.goals[0], Goal(id: mid(0xD4), text: "Mentor someone")] }),
            Row(name: "a goal removed here, edited there", ours: { $0.goals.remove(at: 1) }, theirs: { $0.goals[1].targetDate = day("2027-03-01") },
                expected: { $0.goals[1].targetDate = day("2027-03-01") }, conflicts: [("goals[000000d3]", .removedByOurs)]),
            Row(name: "sessions logged on both sides",
                ours: { $0.sessions.append(Self.newSession(0x81, "2026-03-10", "ours")) },
                theirs: { $0.sessions.append(Self.newSession(0x82, "2026-03-09", "theirs")) },
                expected: { $0.sessions += [Self.newSession(0x82, "2026-03-09", "theirs"), Self.newSession(0x81, "2026-03-10", "ours")] }),
            Row(name: "status changes recorded on both sides stay in date order",
                ours: { $0.status = .paused; $0.history.append(StatusChange(date: day("2026-04-01"), status: .paused)) },
                theirs: { $0.history.append(StatusChange(date: day("2026-03-20"), status: .paused)) },
                expected: { $0.status = .paused
                            $0.history += [StatusChange(date: day("2026-03-20"), status: .paused), StatusChange(date: day("2026-04-01"), status: .paused)] }),
            Row(name: "a focus area removed here, one added there",
                ours: { $0.focusAreas.removeAll { $0 == "craft" } }, theirs: { $0.focusAreas.append("writing") },
                expected: { $0.focusAreas = ["clients", "writing"] }),
            Row(name: "the status both ways", ours: { $0.status = .closed }, theirs: { $0.status = .paused },
                expected: { $0.status = .closed }, conflicts: [("status", .changedOnBothSides)]),
        ])
    }

    // MARK: Assessments

    static let assessment = Assessment(id: mid(0xE1), personID: mid(0xB2), date: day("2026-01-02"),
                                       answers: [Answer(question: "gap", score: 4), Answer(question: "horizon", score: 2)],
                                       recommendation: .hybrid, rationale: "A skill gap now, a career later")

    @Test func assessments() {
        run(Self.assessment, [
            Row(name: "the recommendation here, the rationale there", ours: { $0.recommendation = .coaching },
                theirs: { $0.rationale = "The gap is urgent" },
                expected: { $0.recommendation = .coaching; $0.rationale = "The gap is urgent" }),
            Row(name: "an answer rescored here, another added there", ours: { $0.answers[0].score = 5 },
                theirs: { $0.answers.append(Answer(question: "time", score: 3)) },
                expected: { $0.answers[0].score = 5; $0.answers.append(Answer(question: "time", score: 3)) }),
            Row(name: "one answer rescored both ways", ours: { $0.answers[1].score = 1 }, theirs: { $0.answers[1].score = 3 },
                expected: { $0.answers[1].score = 1 }, conflicts: [("answers[question:horizon]", .changedOnBothSides)]),
            Row(name: "an answer removed here, untouched there", ours: { $0.answers.remove(at: 1) }, theirs: { $0.date = day("2026-01-03") },
                expected: { $0.answers.remove(at: 1); $0.date = day("2026-01-03") }),
            Row(name: "an answer removed there, rescored here", ours: { $0.answers[1].score = 5 }, theirs: { $0.answers.remove(at: 1) },
                expected: { $0.answers[1].score = 5 }, conflicts: [("answers[question:horizon]", .removedByTheirs)]),
        ])
    }

    // MARK: Details

    @Test func aConflictCarriesTheThreeValuesAsJSON() {
        var ours = Self.engagement, theirs = Self.engagement
        ours.focus = "Mine"
        theirs.focus = "Theirs"
        ours.sessions.remove(at: 1)
        theirs.sessions[1].minutes = 90
        let conflicts = RecordMerge.merge(base: Self.engagement, ours: ours, theirs: theirs).conflicts
        #expect(conflicts.count == 2)
        #expect(conflicts.first == FieldConflict(path: FieldPath([.field("focus")]), kind: .changedOnBothSides,
                                                 base: "\"Client pitches\"", ours: "\"Mine\"", theirs: "\"Theirs\""))
        let removed = conflicts.last
        #expect(removed?.path == FieldPath([.field("sessions"), .item(mid(0x53).uuidString)]))
        #expect(removed?.ours == nil)
        #expect(removed?.base?.contains("\"minutes\":60") == true)
        #expect(removed?.theirs?.contains("\"minutes\":90") == true)
        #expect(removed?.description == "sessions[00000053]: changed here, removed there" || removed?.kind == .removedByOurs)
        #expect(conflicts.first?.description == "focus: changed on both sides (\"Mine\" here, \"Theirs\" there)")
    }

    @Test func withoutABaseEqualRecordsMergeAndDifferentFieldsConflict() {
        #expect(RecordMerge.merge(base: nil, ours: Self.person, theirs: Self.person) == .merged(Self.person))
        var theirs = Self.person
        theirs.team = "Brand"
        theirs.expertise.append("motion")
        let result = RecordMerge.merge(base: nil, ours: Self.person, theirs: theirs)
        #expect(result.conflicts.map(\.path.description) == ["team"])
        // Lists still merge item by item: nothing was there before, both are kept.
        #expect(result.value.expertise == ["branding", "typography", "motion"])
        #expect(result.value.team == "Design")
    }

    @Test func choosingSettlesOnlyTheNamedConflicts() {
        var ours = Self.engagement, theirs = Self.engagement
        ours.focus = "Mine"; theirs.focus = "Theirs"
        ours.cadenceDays = 7; theirs.cadenceDays = 14
        let result = RecordMerge.merge(base: Self.engagement, ours: ours, theirs: theirs,
                                       choosing: [FieldPath([.field("focus")]): .theirs])
        #expect(result.value.focus == "Theirs")
        #expect(result.value.cadenceDays == 7)
        #expect(result.conflicts.map(\.path.description) == ["cadenceDays"])

        // A removal chosen removes; the edit chosen keeps the edited item.
        var removed = Self.engagement, edited = Self.engagement
        removed.sessions.remove(at: 1)
        edited.sessions[1].notes = "Won"
        let path = FieldPath([.field("sessions"), .item(mid(0x53).uuidString)])
        #expect(RecordMerge.merge(base: Self.engagement, ours: edited, theirs: removed, choosing: [path: .theirs]) == .merged(removed))
        #expect(RecordMerge.merge(base: Self.engagement, ours: edited, theirs: removed, choosing: [path: .ours]) == .merged(edited))
    }

    @Test func pathsReadShortAndTheRootIsTheRecord() {
        #expect(FieldPath.record.description == "the record")
        #expect(FieldPath([.field("metrics"), .item(mid(0xC3).uuidString), .field("readings"), .item("session:\(mid(0x51).uuidString)")]).description
                == "metrics[000000c3].readings[session:00000051]")
        #expect(FieldPath([.field("answers"), .item("question:gap")]).field == "answers")
    }
}
