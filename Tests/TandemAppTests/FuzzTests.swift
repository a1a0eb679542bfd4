import Foundation
import Testing
import TandemCore
import TerminalUI
@testable import TandemApp

/// Seeded random key sequences through `update`, and the dashboard drawn at every size: no
/// crash, the selection always in range, every record still valid, and undoing everything
/// gives back the store it started from. Each seed is printed with a failure, to replay it.
@Suite("Fuzz: random keys and every terminal size")
struct FuzzTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Keys a leader might press: the key table's own keys, plus text, digits, moves and controls.
    static let pool: [Key] = {
        var keys = Set<Key>()
        for binding in Keymap.standard.bindings { keys.formUnion(binding.keys) }
        for c in "abcdefghijklmnopqrstuvwxyz0123456789 -:/.,@ABCDEFGHIJKLMNOPQRSTUVWXYZé" { keys.insert(.char(c)) }
        for c in "acdeklnrstuwxz" { keys.insert(.ctrl(c)) }
        keys.formUnion([.enter, .tab, .backTab, .escape, .backspace, .delete, .up, .down, .left, .right,
                        .home, .end, .pageUp, .pageDown, .function(2), .ctrlLeft, .ctrlRight, .alt(.char("b"))])
        // Quitting, suspending and sync only ask the runtime; they are fine to press but end nothing here.
        return keys.sorted { "\($0)" < "\($1)" }
    }()

    /// Answers the effects as a store that saved everything would.
    static func settle(_ s: inout AppState, _ effects: [Effect], depth: Int = 0) {
        guard depth < 4 else { return }
        for effect in effects {
            var answer: [Effect] = []
            switch effect {
            case .save(let record, _):
                answer = update(&s, .saveFinished(record.ref, file: s.files[record.ref] ?? "\(record.ref.kind.rawValue)/\(record.ref.shortID).json"))
            case .delete(let ref):
                answer = update(&s, .deleteFinished(ref))
            case .loadClosed:
                answer = update(&s, .closedLoaded([], failures: []))
            default:
                break
            }
            settle(&s, answer, depth: depth + 1)
        }
    }

    static func invariantProblems(_ s: AppState) -> [String] {
        var out: [String] = []
        func inRange(_ name: String, _ selected: Int?, _ ids: [UUID], _ selectedID: UUID?) {
            guard let i = selected else { return }
            if i < 0 || i >= ids.count { out.append("\(name) selection \(i) of \(ids.count) rows"); return }
            if let id = selectedID, ids[i] != id { out.append("\(name) selection \(i) is not the selected record") }
        }
        inRange("coaching", s.dashboard.coaching.selected, s.rows.coaching.map(\.id), s.dashboard.coaching.selectedID)
        inRange("mentoring", s.dashboard.mentoring.selected, s.rows.mentoring.map(\.id), s.dashboard.mentoring.selectedID)
        if s.stack.isEmpty { out.append("the context stack is empty") }
        return out
    }

    static func recordProblems(_ data: Snapshot, today: Day) -> Set<String> {
        var out = Set<String>()
        for p in data.people { for x in Validation.problems(in: p) { out.insert("\(p.id) \(x)") } }
        for e in data.engagements { for x in Validation.problems(in: e) + Validation.rangeProblems(in: e) { out.insert("\(e.id) \(x)") } }
        for r in data.relationships { for x in Validation.problems(in: r) + Validation.rangeProblems(in: r) { out.insert("\(r.id) \(x)") } }
        for a in data.assessments { for x in Validation.problems(in: a) { out.insert("\(a.id) \(x)") } }
        return out
    }

    /// Back to the dashboard: Esc out of every overlay, "y" to a question (discard this form?).
    static func unwind(_ s: inout AppState) {
        for _ in 0..<40 {
            if case .confirm = s.top { settle(&s, update(&s, .keyPressed(.char("y")))); continue }
            if s.stack.count == 1, case .dashboard = s.top { return }
            if s.stack.count == 1 { settle(&s, update(&s, .keyPressed(.char("1")))); continue }
            settle(&s, update(&s, .keyPressed(.escape)))
        }
    }

    static func differences(_ a: Snapshot, _ b: Snapshot) -> [String] {
        var out: [String] = []
        if a.agency != b.agency { out.append("agency") }
        func diff<T: Identifiable & Equatable>(_ name: String, _ x: [T], _ y: [T]) where T.ID == UUID {
            let xs = Dictionary(x.map { ($0.id, $0) }, uniquingKeysWith: { f, _ in f })
            let ys = Dictionary(y.map { ($0.id, $0) }, uniquingKeysWith: { f, _ in f })
            for id in Set(xs.keys).union(ys.keys) where xs[id] != ys[id] { out.append("\(name) \(id.uuidString.prefix(8))") }
        }
        diff("person", a.people, b.people)
        diff("engagement", a.engagements, b.engagements)
        diff("relationship", a.relationships, b.relationships)
        diff("assessment", a.assessments, b.assessments)
        return out
    }

    @Test("thousands of seeded random keys on the demo store", arguments: Array(1...8))
    func randomKeys(seed: Int) throws {
        var rng = Seeded(state: UInt64(seed) &* 7919)
        var s = Fixture.state(width: 100, height: 30)
        s.makeID = Fixture.counterIDs()
        let start = s.data
        let known = Self.recordProblems(start, today: Fixture.today)
        let steps = 450
        var history: [Key] = []
        for step in 0..<steps {
            let key = Self.pool.randomElement(using: &rng)!
            history.append(key)
            var effects: [Effect]
            if Int.random(in: 0..<60, using: &rng) == 0 {
                effects = update(&s, .resized(width: Int.random(in: 1...220, using: &rng), height: Int.random(in: 1...70, using: &rng)))
            } else if Int.random(in: 0..<80, using: &rng) == 0 {
                effects = update(&s, .pasted("pasted \(step)\nsecond line"))
            } else {
                effects = update(&s, .keyPressed(key))
            }
            Self.settle(&s, effects)
            let problems = Self.invariantProblems(s)
            if !problems.isEmpty {
                Issue.record("seed \(seed), step \(step), after \(history.suffix(12)): \(problems)")
                return
            }
            // A frame now and then: layout and views must cope with whatever the keys made.
            if step % 25 == 0 { _ = AppView.render(s, theme: .monochrome) }
        }
        let fresh = Self.recordProblems(s.data, today: Fixture.today).subtracting(known)
        #expect(fresh.isEmpty, "seed \(seed): records made invalid: \(fresh.sorted().prefix(5))")
        // Undo everything: back to a screen, then u until nothing is left to undo.
        _ = update(&s, .resized(width: 100, height: 30))
        Self.unwind(&s)
        var guardSteps = 0
        while !s.undoStack.isEmpty && guardSteps < 2000 {
            Self.settle(&s, update(&s, .keyPressed(.char("u"))))
            Self.unwind(&s)
            guardSteps += 1
        }
        #expect(s.undoStack.isEmpty, "seed \(seed): \(s.undoStack.count) changes could not be undone; stack \(s.stack.map { "\($0.keyContext)" }), status \(s.status?.text ?? "-")")
        #expect(s.data == start, "seed \(seed): undoing everything did not give back the starting store: \(Self.differences(start, s.data))")
    }

    @Test("the dashboard at every size from 1x1 to 300x100")
    func everySize() {
        let base = Fixture.state(width: 80, height: 24)
        // Every size: the layout, whose regions must all lie on the screen. Drawn in full: every
        // size up to 30x14 (where the layout's breakpoints are) and a grid beyond, so the test
        // stays within its time on a loaded 2-core machine.
        let sizes = (1...300).flatMap { w in (1...100).map { h in (w, h) } }
        let problems = ProblemList()
        let drawnCount = FrameCounter()
        // Two threads of its own, not Dispatch's pool: other tests' timers run on that pool.
        let parts = 2
        let group = DispatchGroup()
        for part in 0..<parts {
          group.enter()
          Thread.detachNewThread {
            defer { group.leave() }
            var k = part
            while k < sizes.count {
                let (w, h) = sizes[k]
                k += parts
                var s = base
                _ = update(&s, .resized(width: w, height: h))
                let layout = AppLayout(s)
                for (name, r) in layout.regions where r.width > 0 && r.height > 0 {
                    if r.x < 0 || r.y < 0 || r.x + r.width > w || r.y + r.height > h {
                        problems.add("at \(w)x\(h) \(name) \(r) is off the screen")
                    }
                }
                guard (w <= 30 && h <= 14) || (w % 25 == 0 && h % 20 == 0) || (w == 300 || h == 100) && (w + h) % 11 == 0 else { continue }
                let buf = AppView.render(s, layout: layout, theme: .monochrome)
                if buf.width != w || buf.height != h { problems.add("at \(w)x\(h) the frame is \(buf.width)x\(buf.height)") }
                drawnCount.add()
            }
          }
        }
        group.wait()
        #expect(problems.items.isEmpty, "\(problems.items.prefix(10))")
        print("sizes: 30000 layouts checked, \(drawnCount.value) frames drawn")
        #expect(drawnCount.value > 450)
    }
}

final class ProblemList: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
}

final class FrameCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
}

extension AppLayout {
    /// Every region a view draws into, by name.
    var regions: [(String, Rect)] {
        [("header", header), ("body", body), ("status", status), ("footer", footer), ("coaching", coachingPane),
         ("mentoring", mentoringPane), ("strip", strip), ("detail text", detailText), ("help", help),
         ("people", peoplePane), ("archive", archivePane), ("archive strip", archiveStrip),
         ("person profile", personProfile), ("person table", personTable)]
    }
}
