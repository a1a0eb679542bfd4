import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// The lean reads of the read-only commands (`loadWithoutTexts(kinds:files:)`, `readRecord`):
/// what the commands compute from them is what they computed from the whole store.
@Suite struct StoreLeanTests {
    static let today = LoadIndexTests.today

    /// The demo store, fully loaded, and a second store on it read lean (with its files).
    static func both(_ tmp: TempFolder, kinds: Set<RecordKind> = Set(RecordKind.allCases))
        throws -> (full: Loaded, lean: Snapshot, files: [RecordRef: String], store: Store) {
        _ = try LoadIndexTests.demo(tmp)
        let full = try Store.open(at: tmp.store, forEditing: false).load(scope: .all)
        let store = try Store.open(at: tmp.store, forEditing: true)
        var files: [RecordRef: String] = [:]
        let lean = try store.loadWithoutTexts(kinds: kinds, files: &files, batch: 11)
        return (full, lean, files, store)
    }

    @Test func insightsOfWhatTheyReadAreTheFullOnes() throws {
        let tmp = TempFolder()
        let (full, _, _, store) = try Self.both(tmp)
        let teams: [String?] = [nil] + PersonRules.teams(in: full.snapshot.people).map(Optional.some)
        #expect(teams.count > 1)
        let ranges = [DayRange(from: Day.quarterStart(of: Self.today), to: Self.today),
                      DayRange(from: Day(iso: "2000-01-01")!, to: Self.today),
                      DayRange(from: Self.today.adding(days: -30), to: Self.today),
                      DayRange(from: nil, to: Self.today.adding(days: -60))]
        for range in ranges {
            var files: [RecordRef: String] = [:]
            let reduced = try store.loadReduced(kinds: Set(RecordKind.allCases), files: &files, batch: 13) { record in
                switch record {
                case .coaching(let e): .coaching(Insights.reading(e, range: range))
                case .mentoring(let r): .mentoring(Insights.reading(r, range: range))
                case .person, .assessment: record
                }
            }
            #expect(files == full.files)
            // What was read really is less than the records, or the test proves nothing: fewer
            // sessions for a period shorter than the history, and no closed record's items.
            let kept = reduced.engagements.flatMap(\.sessions).count + reduced.relationships.flatMap(\.sessions).count
            let all = full.snapshot.engagements.flatMap(\.sessions).count + full.snapshot.relationships.flatMap(\.sessions).count
            #expect(range.from == Day(iso: "2000-01-01") ? kept == all : kept < all)
            #expect(reduced.engagements.filter { !$0.isOpen }.flatMap(\.sessions).allSatisfy { $0.actionItems.isEmpty })
            #expect(full.snapshot.engagements.filter { !$0.isOpen }.flatMap(\.sessions).contains { !$0.actionItems.isEmpty })
            #expect(reduced.engagements.flatMap(\.sessions).allSatisfy { $0.notes.isEmpty })
            for team in teams {
                let a = Insights(reduced, range: range, today: Self.today, team: team)
                let b = Insights(full.snapshot, range: range, today: Self.today, team: team)
                #expect(a == b, "range \(range.text), team \(team ?? "none")")
            }
        }
        let long = Insights(full.snapshot, range: ranges[1], today: Self.today)
        #expect(long.feedback.openItems.value ?? 0 > 0 && long.investment.totalCoaching.value ?? 0 > 0
                && long.mentoring.pairs.contains { $0.held > 0 } && long.coaching.completed.value ?? 0 > 0)
    }

    @Test func listRowsOfTheLeanRecordsAreTheFullOnes() throws {
        let tmp = TempFolder()
        let (full, lean, files, _) = try Self.both(tmp)
        let settings = full.snapshot.agency.settings
        let names = PeopleIndex(lean.people)
        let fullNames = PeopleIndex(full.snapshot.people)
        #expect(lean.engagements.count == full.snapshot.engagements.count && !lean.engagements.isEmpty)
        for (l, f) in zip(lean.engagements, full.snapshot.engagements) {
            let row = CoachingSummary(l, names: names, today: Self.today, settings: settings).listed
            #expect(row.summary.engagement.sessions.isEmpty && row.sessionCount == f.sessions.count)
            var whole = row.summary
            whole.engagement = f
            #expect(whole == CoachingSummary(f, names: fullNames, today: Self.today, settings: settings))
        }
        #expect(full.snapshot.engagements.contains { !$0.isOpen && !$0.sessions.isEmpty })
        #expect(lean.relationships.count == full.snapshot.relationships.count && !lean.relationships.isEmpty)
        for (l, f) in zip(lean.relationships, full.snapshot.relationships) {
            let row = MentoringSummary(l, names: names, today: Self.today, settings: settings).listed
            #expect(row.summary.relationship.sessions.isEmpty && row.sessionCount == f.sessions.count)
            var whole = row.summary
            whole.relationship = f
            #expect(whole == MentoringSummary(f, names: fullNames, today: Self.today, settings: settings))
        }
        #expect(lean.people == full.snapshot.people && lean.assessments == full.snapshot.assessments)
        #expect(files == full.files)
    }

    @Test func withoutSessionsKeepsTheRestOfTheRecord() throws {
        let tmp = TempFolder()
        let (full, _, _, store) = try Self.both(tmp)
        var files: [RecordRef: String] = [:]
        let bare = try store.loadReduced(kinds: [.person, .coaching, .mentoring], files: &files) { $0.withoutSessions }
        #expect(bare.engagements.allSatisfy { $0.sessions.isEmpty } && bare.relationships.allSatisfy { $0.sessions.isEmpty })
        #expect(bare.engagements.map { e in var e = e; e.sessions = full.snapshot.engagements.first { $0.id == e.id }!.sessions; return e }
                == full.snapshot.engagements)
        #expect(bare.people == full.snapshot.people && bare.assessments.isEmpty)
    }

    @Test func filesAreThoseOfTheKindsAskedFor() throws {
        let tmp = TempFolder()
        let (full, lean, files, _) = try Self.both(tmp, kinds: [.person, .mentoring])
        #expect(lean.engagements.isEmpty && lean.assessments.isEmpty && !lean.relationships.isEmpty)
        #expect(files == full.files.filter { $0.key.kind == .person || $0.key.kind == .mentoring })
    }

    @Test func aRecordReadWholeIsTheLoadedOne() throws {
        let tmp = TempFolder()
        let (full, lean, files, store) = try Self.both(tmp)
        for e in lean.engagements.prefix(5) {
            let ref = RecordRef(kind: .coaching, id: e.id)
            let whole = try store.readRecord(ref, file: #require(files[ref]))
            #expect(whole == .coaching(try #require(full.snapshot.engagements.first { $0.id == e.id })))
        }
        // A file that holds another record is refused, naming the file.
        let a = RecordRef(kind: .coaching, id: lean.engagements[0].id), b = RecordRef(kind: .coaching, id: lean.engagements[1].id)
        #expect { _ = try store.readRecord(a, file: files[b]!) } throws: { error in
            (error as? StoreError)?.file == files[b]
        }
    }

    @Test func aNewRecordSavedAfterALeanReadGetsTheFileItGetsAfterLoad() throws {
        let tmp = TempFolder()
        let (full, lean, _, store) = try Self.both(tmp, kinds: [.person])
        let coachee = lean.people[3]
        let e = CoachingEngagement(id: UUID(), coacheeID: coachee.id, coach: .external("Bench"), focus: "New",
                                   start: Self.today, deadline: Self.today.adding(days: 90), status: .planned)
        guard case .saved(let file) = try store.save(.coaching(e)) else { Issue.record("not saved"); return }
        // Named after the coachee, as after `load` (names unknown would give the kind's fallback).
        let after = try Store.open(at: tmp.store, forEditing: false).load(scope: .all)
        #expect(after.files[RecordRef(kind: .coaching, id: e.id)] == file)
        #expect(file.hasPrefix("coaching/" + Slug.make(coachee.name, fallback: RecordKind.coaching.fallbackSlug) + "-"))
        #expect(after.snapshot.engagements.count == full.snapshot.engagements.count + 1)
    }
}
