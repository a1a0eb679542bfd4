// tandem-bench: how long the dashboard takes per keystroke (update + view + diff), and how long
// a store takes to open, measured inside one process on a real data folder.
//
//   swift build -c release --product tandem-bench
//   .build/release/tandem-bench --data-dir DIR [--width 140] [--height 40] [--rounds 20]
//
// Prints the median, 95th percentile and worst time per keystroke for each kind of key, so a
// change that makes a frame redo work that only changes with the data shows up as a number.
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
func ms(_ ns: UInt64) -> String { String(format: "%.3f ms", Double(ns) / 1_000_000) }

guard let dir = option("--data-dir") else {
    FileHandle.standardError.write(Data("usage: tandem-bench --data-dir DIR [--width W] [--height H] [--rounds N]\n".utf8))
    exit(1)
}
let width = Int(option("--width", "140")!) ?? 140
let height = Int(option("--height", "40")!) ?? 40
let rounds = Int(option("--rounds", "20")!) ?? 20
let today = Day(iso: option("--today", "2026-11-29")!)!

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
print("store: \(loaded.snapshot.people.count) people, \(loaded.snapshot.engagements.count) open engagements, "
      + "\(loaded.snapshot.relationships.count) open relationships (closed: \(loaded.closedCount.coaching) + \(loaded.closedCount.mentoring))")
print("open + load: \(ms(loadTime))   derive rows: \(ms(deriveTime))   first frame: \(ms(firstFrame))   screen \(width)x\(height)")

// Keystrokes a leader makes, grouped by what they cost.
let groups: [(String, [Key])] = [
    ("move (j/k, PgDn, g/G)", [.char("j"), .char("j"), .char("j"), .char("k"), .pageDown, .char("G"), .char("g")]),
    ("switch pane (Tab)", [.tab, .tab]),
    ("open and close a detail", [.enter, .char("j"), .pageDown, .escape]),
    ("filter (/ a, Backspace, Esc)", [.char("/"), .char("a"), .backspace, .escape]),
    ("sort (s)", [.char("s")]),
    ("help (? and Esc)", [.char("?"), .escape]),
]
for (name, keys) in groups {
    var samples: [UInt64] = []
    for _ in 0..<rounds {
        for key in keys {
            let t0 = now()
            _ = update(&state, .keyPressed(key))
            let frame = AppView.render(state, theme: .builtinDefault)
            let changes = frame.diff(from: last)
            samples.append(now() - t0)
            last = frame
            precondition(changes.count >= 0)
        }
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p95 = samples[min(samples.count - 1, samples.count * 95 / 100)]
    print("\(name.padding(toLength: 30, withPad: " ", startingAt: 0)) n=\(samples.count)  median \(ms(median))  p95 \(ms(p95))  worst \(ms(samples.last!))")
}

// Live reload: one look for outside changes (`Store.changes(since:)`), as the dashboard's tick
// does every second or two: with nothing changed, and with one record changed by another writer.
var stamp = loaded.stamp
var quiet: [UInt64] = []
for _ in 0..<rounds {
    t = now()
    stamp = try store.changes(since: stamp).stamp
    quiet.append(now() - t)
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
            print("round \(round): expected one change, found \(found.records.map { "\($0.kind) \($0.file)" }) \(found.unreadable)")
            exit(1)
        }
        stamp = found.stamp
    }
}
func summary(_ s: [UInt64]) -> String {
    let sorted = s.sorted()
    return "median \(ms(sorted[sorted.count / 2]))  p95 \(ms(sorted[min(sorted.count - 1, sorted.count * 95 / 100)]))  worst \(ms(sorted.last!))"
}
print("poll for outside changes over \(stamp.count) files, nothing changed: \(summary(quiet))")
if !busy.isEmpty { print("poll for outside changes, one record changed: \(summary(busy))") }
