import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The archive and the insights through the runtime on the demo store: the closed records read
/// without their texts give the same list and the same figures as whole ones, and a record
/// reopened from the archive keeps every note in its file.
@Suite("Lean closed records (runtime)")
final class LeanRecordsRuntimeTests {
    let dir: URL
    let store: Store
    let whole: Snapshot

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-lean-tests-\(UUID().uuidString)")
        // Bigger than `Fixture.demo`: a few dozen closed records, many with notes.
        let demo = DemoAgency.generate(today: Fixture.today, options: DemoOptions(seed: 7, people: 24, engagements: 40,
                                                                                   relationships: 20, sessions: 600))
        store = try Store.create(at: dir, agency: demo.agency)
        for p in demo.people { try store.save(p) }
        for e in demo.engagements { try store.save(e) }
        for r in demo.relationships { try store.save(r) }
        for a in demo.assessments { try store.save(a) }
        whole = try Store.open(at: dir, forEditing: false).load(scope: .all).snapshot
    }

    deinit { try? FileManager.default.removeItem(at: dir) }

    func runtime() throws -> AppRuntime {
        let loaded = try store.load(scope: .open)
        var state = AppState(today: Fixture.today, data: loaded.snapshot, files: loaded.files)
        state.makeID = Fixture.counterIDs()
        return AppRuntime(state: state, store: store, backend: TestBackend(width: 120, height: 40), theme: .builtinDefault,
                          themes: ThemeCatalog(searchPaths: []), clock: { Now(seconds: 1_000, today: Fixture.today) }, stamp: loaded.stamp)
    }

    func send(_ rt: AppRuntime, _ keys: Key...) { for k in keys { rt.send(.keyPressed(k)); rt.settle() } }

    /// The same records in id order, so two snapshots that hold them in another order compare.
    static func sorted(_ s: Snapshot) -> Snapshot {
        var s = s
        s.engagements.sort { $0.id.uuidString < $1.id.uuidString }
        s.relationships.sort { $0.id.uuidString < $1.id.uuidString }
        return s
    }

    /// Moves the archive's selection onto `ref`.
    func select(_ rt: AppRuntime, _ ref: RecordRef) {
        for _ in 0..<rt.state.archiveRows.count where rt.state.selectedRecord != ref { send(rt, .char("j")) }
    }

    func fileSessions(_ ref: RecordRef) throws -> [Session] {
        let all = try Store.open(at: dir, forEditing: false).load(scope: .all).snapshot
        return all.engagements.first { $0.id == ref.id }?.sessions ?? all.relationships.first { $0.id == ref.id }?.sessions ?? []
    }

    @Test("5 lists the closed records as whole ones list them, 3 shows the same figures, for every period and team")
    func sameListAndFigures() throws {
        let rt = try runtime()
        send(rt, .char("5"))
        #expect(rt.state.closedRecords == .read && rt.state.holdsLeanRecords)
        let lean = rt.state.data
        #expect(lean.engagements.contains { Record.coaching($0).hasTextsLeftOut }, "closed records with sessions are held lean")
        #expect(!lean.engagements.contains { $0.isOpen && Record.coaching($0).hasTextsLeftOut }, "open ones stay whole")
        let wholeState = AppState(today: Fixture.today, data: whole, width: 120, height: 40)
        #expect(rt.state.archiveRows.count > 5)
        #expect(rt.state.archiveRows == wholeState.archiveRows)
        let teams: [String?] = [nil] + PersonRules.teams(in: whole.people).map(Optional.some)
        for period in InsightPeriod.allCases {
            for team in teams {
                let range = period.range(today: Fixture.today)
                #expect(Insights(Self.sorted(lean), range: range, today: Fixture.today, team: team)
                        == Insights(Self.sorted(whole), range: range, today: Fixture.today, team: team), "\(period) \(team ?? "all")")
            }
        }
        send(rt, .char("3"))
        var wholeInsights = wholeState
        press(&wholeInsights, .char("3"))
        #expect(AppView.render(rt.state, theme: .monochrome).text == AppView.render(wholeInsights, theme: .monochrome).text)
    }

    @Test("R on a closed record read lean reopens it with every note in its file; Enter shows its notes")
    func reopenKeepsEveryNote() throws {
        let rt = try runtime()
        send(rt, .char("5"))
        let noted = whole.engagements.filter { !$0.isOpen && $0.sessions.contains { !$0.notes.isEmpty } }
        let target = try #require(noted.first), other = try #require(noted.dropFirst().first)
        let ref = RecordRef(kind: .coaching, id: target.id)
        let before = try fileSessions(ref)
        #expect(before == target.sessions)
        #expect(rt.state.data.value(of: ref)?.hasTextsLeftOut == true)

        select(rt, ref)
        #expect(rt.state.selectedRecord == ref)
        send(rt, .char("R"))
        #expect(rt.state.status?.text.hasPrefix("Saved: Reopened") == true, "\(rt.state.status?.text ?? "no status")")
        let e = try #require(try Store.open(at: dir, forEditing: false).load(scope: .all).snapshot.engagements.first { $0.id == ref.id })
        let reopened = Record.coaching(e)
        #expect(e.status == .active)
        #expect(e.sessions == before, "every note, topic and action item is still in the file")
        #expect(rt.state.data.value(of: ref) == reopened)

        let otherRef = RecordRef(kind: .coaching, id: other.id)
        send(rt, .char("5"))
        select(rt, otherRef)
        send(rt, .enter)
        #expect(rt.state.detail?.ref == otherRef)
        let note = try #require(other.sessions.last { !$0.notes.isEmpty }?.notes)
        let doc = try #require(DetailDocument.of(otherRef, rt.state, width: 120))
        let text = doc.lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains(String(note.prefix(20))), "the detail shows the notes read whole")
    }
}
