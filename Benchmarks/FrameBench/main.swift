// tandem-bench: Tandem's benchmark suite (Benchmarks/run drives it; see Benchmarks/README.md).
//
//   tandem-bench keys --data-dir DIR [--width 140] [--height 40] [--rounds 20] [--write] [--closed] [--group TEXT]
//       per keystroke (update + view + diff), in process: median, 95th percentile, worst;
//       `--closed` first presses 3 and takes the closed records in (read lean, as the dashboard
//       does), then adds the insights' and the archive's keys; `--group` runs only the groups
//       whose name contains TEXT. Under callgrind, `--toggle-collect='*pressKey*'` counts only keys.
//   tandem-bench save --data-dir DIR [--rounds 20]
//       saving one session on an open engagement: time, bytes written, files touched
//   tandem-bench first-frame --data-dir DIR [--width 140] [--height 40] [--today YYYY-MM-DD] [--screen FILE]
//       the dashboard's start to its first full frame through the test backend, then quits
//       (FirstFrame.swift): for instruction counts and CPU time of the start-up path
//   tandem-bench double-history --from DIR --to DIR
//       a copy of a store with twice the history (closed records, and open records' sessions
//       older than a year), same open work
//   tandem-bench report --tandem BIN --store DIR [--double DIR] [--twice DIR] [--calcurse-dir DIR]
//                       [--rounds 15] [--frames 10]
//       every figure beside its target, whole processes (and the dashboard's first full frame
//       in tmux), with calcurse's figures from the same run when it is installed
//
// With no subcommand it runs `keys`, as it always did.
import Foundation
import TandemApp
import TandemCore
import TandemStore
import TerminalUI

func option(_ name: String, _ fallback: String? = nil) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return fallback }
    return args[i + 1]
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
/// This thread's CPU time: what a keystroke costs whatever else the machine is doing.
func cpuNow() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}
func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1_000_000) }

/// One keystroke as the dashboard handles it: update, render, diff against the last frame.
/// Not inlined, so callgrind can count just this (`--toggle-collect='*pressKey*'`).
@inline(never)
func pressKey(_ state: inout AppState, _ key: Key, last: inout ScreenBuffer) -> Int {
    _ = update(&state, .keyPressed(key))
    let frame = AppView.render(state, theme: .builtinDefault)
    let changes = frame.diff(from: last)
    last = frame
    return changes.count
}

@discardableResult
func keysBench(dataDir: String? = nil, quiet: Bool = false) throws -> [UInt64] {
guard let dir = dataDir ?? option("--data-dir") else {
    FileHandle.standardError.write(Data("usage: tandem-bench keys --data-dir DIR [--width W] [--height H] [--rounds N]\n".utf8))
    exit(1)
}
let width = Int(option("--width", "140")!) ?? 140
let height = Int(option("--height", "40")!) ?? 40
let rounds = Int(option("--rounds", "20")!) ?? 20
let today = option("--today").flatMap { Day(iso: $0) } ?? localToday()

// Start-up: open, load the open records, derive the dashboard rows.
var t = now()
let store = try Store.open(at: URL(fileURLWithPath: dir), forEditing: false)
let loaded = try store.load(scope: .open)
let loadTime = now() - t
t = now()
var state = AppState(today: today, data: loaded.snapshot, files: loaded.files, width: width, height: height)
let deriveTime = now() - t
t = now()
var last = AppView.render(state, theme: .builtinDefault)
let firstFrame = now() - t
let closed = CommandLine.arguments.contains("--closed")
if closed {
    // `3` asks for the closed records; the runtime reads them without their texts.
    t = now()
    for effect in update(&state, .keyPressed(.char("3"))) {
        if case .loadClosed(let refs) = effect {
            let (records, failures) = store.readWithoutTexts(refs)
            _ = update(&state, .closedLoaded(records, failures: failures.map(\.description)))
        }
    }
    _ = update(&state, .keyPressed(.char("1")))
    last = AppView.render(state, theme: .builtinDefault)
    say(quiet, "3, closed records read lean and taken in: \(ms(now() - t)), \(state.data.engagements.count) engagements, "
          + "\(state.data.relationships.count) relationships held")
}
say(quiet, "store: \(loaded.snapshot.people.count) people, \(loaded.snapshot.engagements.count) open engagements, "
      + "\(loaded.snapshot.relationships.count) open relationships (closed: \(loaded.closedCount.coaching) + \(loaded.closedCount.mentoring))")
say(quiet, "open + load: \(ms(loadTime))   derive rows: \(ms(deriveTime))   first frame: \(ms(firstFrame))   screen \(width)x\(height)")

// Keystrokes a leader makes, grouped by what they cost.
let groups: [(String, [Key])] = [
    ("move (j/k, PgDn, g/G)", [.char("j"), .char("j"), .char("j"), .char("k"), .pageDown, .char("G"), .char("g")]),
    ("switch pane (Tab)", [.tab, .tab]),
    ("open and close a detail", [.enter, .char("j"), .pageDown, .escape]),
    ("filter (/ a, Backspace, Esc)", [.char("/"), .char("a"), .backspace, .escape]),
    ("sort (s)", [.char("s")]),
    ("help (? and Esc)", [.char("?"), .escape]),
] + (closed ? [
    ("insights (3, j/k, 1)", [.char("3"), .char("j"), .char("j"), .char("k"), .char("1")]),
    ("archive (5, j/k, PgDn, 1)", [.char("5"), .char("j"), .char("j"), .char("k"), .pageDown, .char("1")]),
] : [])
let only = option("--group")
var allKeys: [UInt64] = []
var allCPU: [UInt64] = []
for (name, keys) in groups where only.map({ name.contains($0) }) ?? true {
    var samples: [UInt64] = []
    for _ in 0..<rounds {
        for key in keys {
            let t0 = now(), c0 = cpuNow()
            let changes = pressKey(&state, key, last: &last)
            samples.append(now() - t0)
            allCPU.append(cpuNow() - c0)
            precondition(changes >= 0)
        }
    }
    allKeys += samples
    samples.sort()
    let median = samples[samples.count / 2]
    let p95 = samples[min(samples.count - 1, samples.count * 95 / 100)]
    say(quiet, "\(name.padding(toLength: 30, withPad: " ", startingAt: 0)) n=\(samples.count)  median \(ms(median))  p95 \(ms(p95))  worst \(ms(samples.last!))")
}

// Live reload: one look for outside changes (`Store.changes(since:)`), as the dashboard's tick
// does every second or two: with nothing changed, and with one record changed by another writer.
var stamp = loaded.stamp
var idle: [UInt64] = []
for _ in 0..<rounds {
    t = now()
    stamp = try store.changes(since: stamp).stamp
    idle.append(now() - t)
}
var busy: [UInt64] = []
if let ref = loaded.snapshot.engagements.first.map({ RecordRef(kind: .coaching, id: $0.id) }),
   option("--write") != nil {
    let writer = try Store.open(at: URL(fileURLWithPath: dir), forEditing: true)
    _ = try writer.load(scope: .open)
    for round in 0..<rounds {
        try writer.modify(ref) { record in
            guard case .coaching(var e) = record else { return record }
            e.outcome = "poll round \(round) \(UUID().uuidString.prefix(8))"
            return .coaching(e)
        }
        t = now()
        let found = try store.changes(since: stamp)
        busy.append(now() - t)
        if found.records.count != 1 {
            say(quiet, "round \(round): expected one change, found \(found.records.map { "\($0.kind) \($0.file)" }) \(found.unreadable)")
            exit(1)
        }
        stamp = found.stamp
    }
}
func summary(_ s: [UInt64]) -> String {
    let sorted = s.sorted()
    return "median \(ms(sorted[sorted.count / 2]))  p95 \(ms(sorted[min(sorted.count - 1, sorted.count * 95 / 100)]))  worst \(ms(sorted.last!))"
}
say(quiet, "poll for outside changes over \(stamp.count) files, nothing changed: \(summary(idle))")
if !busy.isEmpty { say(quiet, "poll for outside changes, one record changed: \(summary(busy))") }
let cpuSorted = allCPU.sorted()
say(quiet, "every key, CPU time of the thread: median \(ms(cpuSorted[cpuSorted.count / 2]))  p95 \(ms(cpuSorted[min(cpuSorted.count - 1, cpuSorted.count * 95 / 100)]))  worst \(ms(cpuSorted.last!))")
// For `report`, which runs this in a process of its own: wall and CPU time of every key.
if let out = option("--emit") {
    let text = zip(allKeys, allCPU).map { "\($0) \($1)" }.joined(separator: "\n") + "\n"
    try text.write(toFile: out, atomically: true, encoding: .utf8)
}
return allKeys

}

let command = CommandLine.arguments.dropFirst().first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "keys"
do {
    switch command {
    case "keys": try keysBench()
    case "save": try saveBench()
    case "first-frame": try firstFrame()
    case "double-history": try doubleHistory()
    case "report": try report()
    default:
        FileHandle.standardError.write(Data("tandem-bench: unknown command \(command) (keys, save, first-frame, double-history, report)\n".utf8))
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("tandem-bench: \(error)\n".utf8))
    exit(2)
}
