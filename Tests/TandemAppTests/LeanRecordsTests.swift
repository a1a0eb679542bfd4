import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// Closed records the archive and the insights hold without their sessions' texts: whatever
/// would show those texts or write the record reads it whole first (`WholeRecords.gate`).
@Suite("Lean closed records")
struct LeanRecordsTests {
    static let today = Fixture.today
    /// `Fixture.workshops` with a session that has notes, topics and an action item.
    static let workshops: CoachingEngagement = {
        var e = Fixture.workshops
        e.sessions = [Session(id: Fixture.id(431), date: today.adding(days: -12), minutes: 45,
                              notes: "Rehearsed the opening of the client workshop", topics: ["facilitation"],
                              actionItems: [ActionItem(id: Fixture.id(432), text: "Draft the agenda", due: today.adding(days: -8),
                                                       doneOn: today.adding(days: -9))],
                              pulse: 4, visibility: .shared)]
        return e
    }()
    static let pair: MentoringRelationship = {
        var r = Fixture.closedPair
        r.sessions = [Session(id: Fixture.id(531), date: today.adding(days: -30), minutes: 30,
                              notes: "Talked about peer groups", visibility: .shared)]
        return r
    }()
    static let ref = RecordRef(kind: .coaching, id: workshops.id)
    static let pairRef = RecordRef(kind: .mentoring, id: pair.id)

    /// The archive of `Fixture.closedTiny` after `5`, its closed records read as the runtime
    /// reads them (`Record.closedReading`).
    static func leanArchive(width: Int = 80, height: Int = 24) -> AppState {
        var open = Fixture.closedTiny
        open.engagements = [Fixture.pitching]
        open.relationships = [Fixture.mentoring, Fixture.pausedPair]
        let files = [ref: "coaching/chloe-dubois-00000401.json", pairRef: "mentoring/ana-lima-to-ben-okafor-00000501.json"]
        var s = AppState(today: today, data: open, files: files, width: width, height: height)
        s.makeID = Fixture.counterIDs()
        #expect(press(&s, .char("5")) == [.loadClosed([ref, pairRef])])
        _ = update(&s, .closedLoaded([Record.coaching(workshops).closedReading, Record.mentoring(pair).closedReading], failures: []))
        return s
    }

    @Test("the archive's records arrive lean: listed, their texts not held")
    func arriveLean() throws {
        let s = Self.leanArchive()
        #expect(s.holdsLeanRecords)
        #expect(s.archiveRows.map(\.ref) == [Self.ref, Self.pairRef])
        let held = try #require(s.data.value(of: Self.ref))
        #expect(held.hasTextsLeftOut)
        guard case .coaching(let e) = held else { Issue.record("not an engagement"); return }
        #expect(e.sessions.map(\.notes) == [""] && e.sessions.map(\.topics) == [[]] && e.sessions[0].actionItems.isEmpty)
        #expect(e.sessions.map(\.minutes) == [45] && e.sessions.map(\.pulse) == [4], "what the figures count stays")
    }

    @Test("Enter on a lean record reads it whole first, holds the keys meanwhile, then opens the detail with its notes")
    func detailReadsWhole() throws {
        var s = Self.leanArchive(width: 120, height: 40)
        #expect(press(&s, .enter) == [.loadWhole([Self.ref])])
        #expect(s.stack == [.archive], "no detail of a record without its notes")
        #expect(press(&s, .char("j")).isEmpty, "a key pressed meanwhile waits")
        #expect(Effect.loadWhole([Self.ref]).runsInBackground)
        #expect(update(&s, .wholeLoaded([.coaching(Self.workshops)], failures: [])).isEmpty)
        guard case .detail(let d) = s.top else { Issue.record("no detail: \(s.stack)"); return }
        #expect(d.ref == Self.ref)
        #expect(s.data.value(of: Self.ref) == .coaching(Self.workshops))
        let screen = AppView.render(s, theme: .monochrome).text
        #expect(screen.contains("Rehearsed the opening of the client workshop") && screen.contains("Draft the agenda"))
        #expect(s.wholeRead == nil)
        press(&s, .escape)
        #expect(press(&s, .enter).isEmpty, "read whole once: Enter opens it at once now")
        #expect(s.detail?.ref == Self.ref)
    }

    @Test("R on a lean record reads it whole, then reopens it: the save carries every note, and u puts the whole record back")
    func reopenReadsWhole() throws {
        var s = Self.leanArchive()
        #expect(press(&s, .char("R")) == [.loadWhole([Self.ref])])
        #expect(s.undoStack.isEmpty && s.pending.isEmpty && s.data.value(of: Self.ref)?.hasTextsLeftOut == true)
        let effects = update(&s, .wholeLoaded([.coaching(Self.workshops)], failures: []))
        let save = try #require(saved(effects).first?.record)
        guard case .coaching(let e) = save else { Issue.record("not an engagement"); return }
        #expect(e.status == .active && e.sessions == Self.workshops.sessions && !save.hasTextsLeftOut)
        _ = update(&s, .saveFinished(Self.ref, file: "coaching/chloe-dubois-00000401.json"))
        let undo = saved(press(&s, .char("u"))).map(\.record)
        #expect(undo == [.coaching(Self.workshops)])
    }

    @Test("every way to a lean record's texts or to writing it reads it whole first",
          arguments: ["archive Enter", "archive R", "archive e", "insights records Enter", "mentoring R"])
    func everyWay(_ way: String) throws {
        var s = Self.leanArchive()
        var target = Self.ref
        let keys: [Key]
        switch way {
        case "archive Enter": keys = [.enter]
        case "archive R": keys = [.char("R")]
        case "archive e": keys = [.char("e")]
        case "mentoring R": keys = [.char("j"), .char("R")]; target = Self.pairRef
        default:
            s.push(.records(RecordsState(title: "Completed", refs: [Self.ref])))
            keys = [.enter]
        }
        let before = s.stack
        let effects = press(&s, keys)
        #expect(effects.last == .loadWhole([target]), "\(effects)")
        #expect(s.stack == before)
        #expect(saved(effects).isEmpty)
    }

    @Test("a record that cannot be read whole says so; nothing opens and the keys held for it are dropped")
    func wholeReadFails() {
        var s = Self.leanArchive()
        press(&s, .enter)
        press(&s, .char("R"))
        let effects = update(&s, .wholeLoaded([], failures: ["coaching/chloe-dubois-00000401.json: was deleted on disk"]))
        #expect(effects.isEmpty)
        #expect(s.stack == [.archive])
        #expect(s.status?.text == "Could not read coaching/chloe-dubois-00000401.json: was deleted on disk" && s.status?.kind == .error)
        #expect(s.data.value(of: Self.ref)?.hasTextsLeftOut == true && s.wholeRead == nil)
        #expect(press(&s, .enter) == [.loadWhole([Self.ref])], "asked again at the next try")
    }

    @Test("undo never writes a lean copy over a whole record")
    func undoNeverWritesLean() {
        var s = Self.leanArchive()
        _ = update(&s, .wholeLoaded([.coaching(Self.workshops)], failures: []))
        s.undoStack.append(Change(label: "Something", before: Record.coaching(Self.workshops).withoutTexts, after: .coaching(Self.workshops)))
        #expect(press(&s, .char("u")).isEmpty)
        #expect(s.status?.text.hasPrefix("Not done: it would save a copy of Chloé Dubois's coaching read without its session notes") == true)
        #expect(s.data.value(of: Self.ref) == .coaching(Self.workshops))
        #expect(s.pending.isEmpty)
    }

    @Test("a lean record changed by another program is taken whole, and opens without another read")
    func outsideChangeTakenWhole() {
        var s = Self.leanArchive()
        var changed = Self.workshops
        changed.outcome = "Chloé leads every client workshop now."
        let effects = update(&s, .outsideChanges([OutsideChange(ref: Self.ref, record: .coaching(changed), file: "coaching/chloe-dubois-00000401.json")]))
        #expect(effects == [.adopt([Self.ref])])
        #expect(s.data.value(of: Self.ref) == .coaching(changed))
        #expect(s.archiveRows.first?.outcome == "Chloé leads every client workshop now.")
        #expect(press(&s, .enter).isEmpty)
        #expect(s.detail?.ref == Self.ref)
    }

    @Test("moving about the archive and the insights reads nothing")
    func browsingReadsNothing() {
        var s = Self.leanArchive()
        #expect(press(&s, .char("j"), .char("k"), .char("/")).isEmpty)
        #expect(type(&s, "chloe").isEmpty)
        #expect(press(&s, .enter, .escape, .char("3"), .char("j"), .char("5")).isEmpty)
        #expect(s.wholeRead == nil && s.data.value(of: Self.ref)?.hasTextsLeftOut == true)
    }
}

/// Seeded random keys on the demo store whose closed records come lean, as the runtime reads
/// them: no key ever writes a lean copy, and no context ever opens on one.
@Suite("Fuzz: lean closed records")
struct LeanRecordsFuzzTests {
    /// Answers the effects as the runtime would: the closed records lean, a whole read whole,
    /// every save and delete done. Records every lean save or delete asked for.
    static func settle(_ s: inout AppState, _ effects: [Effect], whole: [RecordRef: Record], problems: inout [String], depth: Int = 0) {
        guard depth < 6 else { return }
        for effect in effects {
            var answer: [Effect] = []
            switch effect {
            case .save(let record, _):
                if record.hasTextsLeftOut { problems.append("a save of a lean copy of \(record.ref)") }
                answer = update(&s, .saveFinished(record.ref, file: s.files[record.ref] ?? "\(record.ref.kind.rawValue)/\(record.ref.shortID).json"))
            case .delete(let ref):
                if s.data.value(of: ref)?.hasTextsLeftOut == true { problems.append("a delete of lean \(ref)") }
                answer = update(&s, .deleteFinished(ref))
            case .loadClosed(let refs):
                answer = update(&s, .closedLoaded(refs.compactMap { whole[$0]?.closedReading }, failures: []))
            case .loadWhole(let refs):
                answer = update(&s, .wholeLoaded(refs.compactMap { whole[$0] }, failures: []))
            default:
                break
            }
            settle(&s, answer, whole: whole, problems: &problems, depth: depth + 1)
        }
    }

    @Test("random keys never write a lean copy nor open a context on one", arguments: Array(1...4))
    func randomKeys(seed: Int) {
        var rng = FuzzTests.Seeded(state: UInt64(seed) &* 104_729)
        let demo = Fixture.demo
        var open = demo
        open.engagements = demo.engagements.filter(\.isOpen)
        open.relationships = demo.relationships.filter { $0.status != .closed }
        var whole: [RecordRef: Record] = [:]
        var files: [RecordRef: String] = [:]
        for e in demo.engagements where !e.isOpen { whole[RecordRef(kind: .coaching, id: e.id)] = .coaching(e) }
        for r in demo.relationships where r.status == .closed { whole[RecordRef(kind: .mentoring, id: r.id)] = .mentoring(r) }
        for ref in whole.keys { files[ref] = "\(ref.kind.rawValue)/\(ref.shortID).json" }
        #expect(!whole.isEmpty && whole.values.contains { $0.closedReading.hasTextsLeftOut })
        var s = AppState(today: Fixture.today, data: open, files: files, width: 100, height: 30)
        s.makeID = Fixture.counterIDs()
        var problems: [String] = []
        // Into the archive first, so the lean records are there from the start.
        Self.settle(&s, update(&s, .keyPressed(.char("5"))), whole: whole, problems: &problems)
        #expect(s.holdsLeanRecords)
        var history: [Key] = []
        for step in 0..<400 {
            // The archive's and the insights' own keys more often than the rest.
            let key = Int.random(in: 0..<3, using: &rng) == 0
                ? [Key.char("5"), .char("3"), .enter, .char("R"), .char("e"), .char("u"), .ctrl("r"), .char("j"), .down].randomElement(using: &rng)!
                : FuzzTests.pool.randomElement(using: &rng)!
            history.append(key)
            Self.settle(&s, update(&s, .keyPressed(key)), whole: whole, problems: &problems)
            for context in s.stack {
                if let ref = context.showsWhole, s.data.value(of: ref)?.hasTextsLeftOut == true {
                    problems.append("\(context.keyContext) open on lean \(ref)")
                }
            }
            if !problems.isEmpty {
                Issue.record("seed \(seed), step \(step), after \(history.suffix(12)): \(problems)")
                return
            }
        }
        #expect(s.wholeRead == nil)
    }
}
