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

    @Test("thousands of seeded random keys on the demo store", arguments: Array(1...12))
    func randomKeys(seed: Int) throws {
        var rng = Seeded(state: UInt64(seed) &* 7919)
        var s = Fixture.state(width: 100, height: 30)
        s.makeID = Fixture.counterIDs()
        let start = s.data
        let known = Self.recordProblems(start, today: Fixture.today)
        let steps = 500
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
        for _ in 0..<20 { Self.settle(&s, update(&s, .keyPressed(.escape))) }
        Self.settle(&s, update(&s, .keyPressed(.char("1"))))
        var guardSteps = 0
        while !s.undoStack.isEmpty && guardSteps < 2000 {
            let before = s.undoStack.count
            Self.settle(&s, update(&s, .keyPressed(.char("u"))))
            for _ in 0..<3 where s.undoStack.count == before { Self.settle(&s, update(&s, .keyPressed(.escape))) }
            guardSteps += 1
        }
        #expect(s.undoStack.isEmpty, "seed \(seed): \(s.undoStack.count) changes could not be undone")
        #expect(s.data == start, "seed \(seed): undoing everything did not give back the starting store")
    }

    @Test("the dashboard at every size from 1x1 to 300x100")
    func everySize() {
        let base = Fixture.state(width: 80, height: 24)
        var drawn = 0
        for w in 1...300 {
            for h in 1...100 {
                var s = base
                _ = update(&s, .resized(width: w, height: h))
                let buf = AppView.render(s, theme: .monochrome)
                if buf.width != w || buf.height != h {
                    Issue.record("at \(w)x\(h) the frame is \(buf.width)x\(buf.height)")
                    return
                }
                drawn += 1
            }
        }
        #expect(drawn == 30_000)
    }
}
