import Foundation
import TandemApp
import TandemCore
import TandemStore
#if canImport(Glibc)
import Glibc
#endif

func say(_ quiet: Bool, _ text: String) { if !quiet { print(text) } }

func localToday() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year!, month: c.month!, day: c.day!)!
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("tandem-bench: \(message)\n".utf8))
    exit(2)
}

// MARK: - Statistics

struct Figures {
    var samples: [Double]
    var sorted: [Double] { samples.sorted() }
    var median: Double { let s = sorted; return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }
    var p95: Double { let s = sorted; return s.isEmpty ? .nan : s[min(s.count - 1, Int((Double(s.count) * 0.95).rounded(.up)) - 1)] }
    var worst: Double { samples.max() ?? .nan }
}

func signed(_ fraction: Double) -> String { (fraction >= 0 ? "+" : "") + f(fraction * 100, 0) + "%" }

func f(_ v: Double, _ digits: Int = 1) -> String { v.isNaN ? "—" : String(format: "%.\(digits)f", v) }

// MARK: - Whole processes

/// What one run of a process took: wall time, CPU time and peak memory (from `wait4`).
struct Run {
    var wallMS: Double
    var cpuMS: Double
    var peakKiB: Int
    var status: Int32
}

/// Runs `argv` with stdout and stderr to /dev/null (or `stdout` to a file), in `env`.
func spawn(_ argv: [String], env: [String: String], stdoutPath: String = "/dev/null") -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawnp(&pid, argv[0], &actions, nil, cArgs, cEnv) == 0 else { fail("cannot run \(argv[0])") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = Double(now() - start) / 1e6
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    return Run(wallMS: wall, cpuMS: cpu, peakKiB: usage.ru_maxrss, status: (status >> 8) & 0xFF)
}

/// `rounds` runs after one warm-up (the page cache and the load cache are warm, as every day).
func measure(_ argv: [String], env: [String: String], rounds: Int) -> [Run] {
    let warm = spawn(argv, env: env)
    if warm.status != 0 && argv.contains("check") == false { fail("\(argv.joined(separator: " ")) exited \(warm.status)") }
    return (0..<rounds).map { _ in spawn(argv, env: env) }
}

// MARK: - The first full frame in tmux

/// A private tmux server for the frame measurements.
struct Tmux {
    let socket = "tandem-bench-\(getpid())"
    let env: [String: String]

    @discardableResult
    func run(_ args: [String], capture: Bool = false) -> String {
        let out = capture ? NSTemporaryDirectory() + "tandem-bench-\(getpid()).out" : "/dev/null"
        _ = spawn(["tmux", "-L", socket, "-f", "/dev/null"] + args, env: env, stdoutPath: out)
        guard capture else { return "" }
        defer { unlink(out) }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    func start() { run(["new-session", "-d", "-s", "idle", "-x", "140", "-y", "40", "sleep 100000"]) }
    func stop() { run(["kill-server"]) }

    /// Milliseconds from starting `command` in a 140x40 window until `full` says the screen is
    /// complete, and the process's peak memory (VmHWM) then; `nil` after `limit` seconds.
    ///
    /// The window is closed once the frame is there, and the next measurement waits until its
    /// process is gone: what it does after its first frame (reading whole the records it held
    /// lean, the first look for outside changes) must not share the cores with the next start.
    func firstFrame(_ command: String, name: String, limit: Double = 30, full: (String) -> Bool) -> (ms: Double, peakKiB: Int)? {
        let start = now()
        run(["new-session", "-d", "-s", name, "-x", "140", "-y", "40", command])
        var pid = ""
        defer {
            run(["kill-session", "-t", name])
            let closed = now()
            while !pid.isEmpty, FileManager.default.fileExists(atPath: "/proc/\(pid)"), Double(now() - closed) / 1e9 < 10 { usleep(10_000) }
        }
        while Double(now() - start) / 1e9 < limit {
            let screen = run(["capture-pane", "-p", "-t", name], capture: true)
            if full(screen) {
                let elapsed = Double(now() - start) / 1e6
                pid = run(["display-message", "-p", "-t", name, "#{pane_pid}"], capture: true)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                return (elapsed, peak(of: pid))
            }
        }
        return nil
    }

    /// Starts `command` in a 140x40 window, waits for its first full frame, then presses each
    /// step's key and waits until `done` says its screen is there (and, with `quiet`, unchanged
    /// that long with no "Reading" on it: the work behind it finished). Gives, for each step, the
    /// milliseconds from the key to its screen and the process's peak memory (VmHWM) then; `nil`
    /// when a screen does not come within `limit` seconds.
    func afterKeys(_ command: String, name: String, limit: Double = 60,
                   steps: [(key: String, quiet: Double, done: (String) -> Bool)]) -> [(ms: Double, peakKiB: Int)]? {
        let start = now()
        run(["new-session", "-d", "-s", name, "-x", "140", "-y", "40", command])
        defer { run(["kill-session", "-t", name]) }
        func screen() -> String { run(["capture-pane", "-p", "-t", name], capture: true) }
        while !tandemFrameIsFull(screen()) {
            if Double(now() - start) / 1e9 > limit { return nil }
        }
        let pid = run(["display-message", "-p", "-t", name, "#{pane_pid}"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)
        var out: [(ms: Double, peakKiB: Int)] = []
        for step in steps {
            let pressed = now()
            run(["send-keys", "-t", name, step.key])
            var last = "", since = now()
            while true {
                let shown = screen()
                if shown != last { last = shown; since = now() }
                if step.done(shown), !shown.contains("Reading"), Double(now() - since) / 1e9 >= step.quiet {
                    out.append((Double(since - pressed) / 1e6, peak(of: pid)))
                    break
                }
                if Double(now() - pressed) / 1e9 > limit { return nil }
            }
        }
        return out
    }

    private func peak(of pid: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}

func tandemFrameIsFull(_ screen: String) -> Bool {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let shown = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    return (shown.first?.contains("Tandem") ?? false) && (shown.last?.contains("? help") ?? false) && shown.count > 8
}

func calcurseFrameIsFull(_ screen: String) -> Bool {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let shown = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    return screen.contains("Appointments") && screen.contains("->") && (shown.last?.contains("Quit") ?? false)
}

// MARK: - Saving one session

struct SaveFigures {
    var times: [Double]
    var bytes: Int
    var filesTouched: Int
}

/// Appends a session to an open engagement and saves it (the dashboard's `save`), `rounds`
/// times; after each, the original is saved back (not timed), so the store ends as it began.
func saveFigures(dir: String, rounds: Int) throws -> SaveFigures {
    let url = URL(fileURLWithPath: dir)
    let store = try Store.open(at: url, forEditing: true)
    let loaded = try store.load(scope: .open)
    guard let e = loaded.snapshot.engagements.first(where: { $0.status == .active }) else { fail("no active engagement in \(dir)") }
    let ref = RecordRef(kind: .coaching, id: e.id)
    let rel = loaded.files[ref]!
    // The first save writes .gitignore and .lock if missing: not what is measured.
    _ = try store.save(.coaching(e))
    var times: [Double] = []
    var bytes = 0
    var touched = 0
    for round in 0..<rounds {
        var next = e
        let day = (e.sessions.last?.date ?? e.start)
        next.sessions.append(Session(id: UUID(), date: day, minutes: 45, notes: "Benchmark session \(round): what we covered.",
                                     topics: ["pitching"], pulse: 4))
        let before = statAll(dir)
        let t = now()
        let outcome = try store.save(.coaching(next))
        times.append(Double(now() - t) / 1e6)
        guard case .saved = outcome else { fail("saving a session gave \(outcome)") }
        let after = statAll(dir)
        touched = max(touched, Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.count)
        bytes = Int(after[rel]?.size ?? 0)
        _ = try store.save(.coaching(e))
    }
    return SaveFigures(times: times, bytes: bytes, filesTouched: touched)
}

/// Every file's size, modification time and inode under `dir`, by relative path.
struct Seen: Equatable { var size: Int64; var mtime: Int; var nsec: Int; var ino: UInt64 }

func statAll(_ dir: String) -> [String: Seen] {
    var out: [String: Seen] = [:]
    guard let e = FileManager.default.enumerator(atPath: dir) else { return out }
    while let rel = e.nextObject() as? String {
        var st = stat()
        guard lstat(dir + "/" + rel, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
        out[rel] = Seen(size: Int64(st.st_size), mtime: st.st_mtim.tv_sec, nsec: st.st_mtim.tv_nsec, ino: UInt64(st.st_ino))
    }
    return out
}

func saveBench() throws {
    guard let dir = option("--data-dir") else { fail("usage: tandem-bench save --data-dir DIR [--rounds N]") }
    let s = try saveFigures(dir: dir, rounds: Int(option("--rounds", "20")!) ?? 20)
    let fig = Figures(samples: s.times)
    if let out = option("--emit") {
        try (s.times.map { String($0) }.joined(separator: " ") + "\n\(s.bytes) \(s.filesTouched)\n")
            .write(toFile: out, atomically: true, encoding: .utf8)
    }
    print("save one session: median \(f(fig.median, 2)) ms  p95 \(f(fig.p95, 2)) ms  worst \(f(fig.worst, 2)) ms  "
          + "\(s.bytes) bytes written  \(s.filesTouched) file(s) touched")
}

// MARK: - Twice the history

/// How old a session of an open record must be to count as history that `double-history` doubles.
let oldSessionDays = 365

/// Copies a store and doubles its history, the same open work: every closed engagement and
/// relationship again under a new id, and inside every open one each session older than
/// `oldSessionDays` (before `--today`, default the local day) again, right after itself.
///
/// A session's copy has new ids (its own and its action items'), the same date, minutes, notes,
/// topics, pulse and visibility, and only the action items that are done: an open action item is
/// open work, and doubling it would change what the dashboard and `list --due` count. A copy is
/// left out where it would not be a valid session of its own (a sealed one, whose box is bound
/// to its session; one that says something only through metric readings, which stay with the
/// original). A year, because every window the due query and the dashboard judge open work by
/// (due dates, cadence, momentum, fizzle, the overdue action items) lies well inside it, so the
/// copies are pure history: they make the open files bigger without changing what is due.
func doubleHistory() throws {
    guard let from = option("--from"), let to = option("--to") else {
        fail("usage: tandem-bench double-history --from DIR --to DIR [--today YYYY-MM-DD]")
    }
    let today = option("--today").flatMap { Day(iso: $0) } ?? localToday()
    let cutoff = today.adding(days: -oldSessionDays)
    try? FileManager.default.removeItem(atPath: to)
    try FileManager.default.copyItem(atPath: from, toPath: to)
    try? FileManager.default.removeItem(atPath: to + "/.cache")
    let store = try Store.open(at: URL(fileURLWithPath: to), forEditing: true)
    let loaded = try store.load(scope: .all)
    func twin(_ id: UUID) -> UUID {
        var u = id.uuid
        u.0 ^= 0x5A; u.1 ^= 0xA5
        return UUID(uuid: u)
    }
    var sessionsAdded = 0
    /// The sessions with each old one followed by its copy.
    func doubled(_ sessions: [Session]) -> [Session] {
        var out: [Session] = []
        out.reserveCapacity(sessions.count * 2)
        for s in sessions {
            out.append(s)
            guard s.date < cutoff, s.sealed == nil else { continue }
            var copy = s
            copy.id = twin(s.id)
            copy.actionItems = s.actionItems.filter { $0.doneOn != nil }.map { var a = $0; a.id = twin(a.id); return a }
            guard !SessionRules.saysNothing(copy, readings: 0) else { continue }
            out.append(copy)
            sessionsAdded += 1
        }
        return out
    }
    var added = 0, grown = 0
    for e in loaded.snapshot.engagements {
        if e.status == .completed || e.status == .cancelled {
            var copy = e
            copy.id = twin(e.id)
            try store.save(copy)
            added += 1
        } else {
            var next = e
            next.sessions = doubled(e.sessions)
            if next.sessions.count != e.sessions.count { try store.save(next); grown += 1 }
        }
    }
    for r in loaded.snapshot.relationships {
        if r.status == .closed {
            var copy = r
            copy.id = twin(r.id)
            try store.save(copy)
            added += 1
        } else {
            var next = r
            next.sessions = doubled(r.sessions)
            if next.sessions.count != r.sessions.count { try store.save(next); grown += 1 }
        }
    }
    print("\(to): \(added) closed records added; \(sessionsAdded) sessions before \(cutoff) added to \(grown) open records")
}

// MARK: - The report

/// Every export format and kind, for the peak-memory list on the store twice the large one: each
/// must stay flat however long the history. `md --record` takes the first engagement of the store
/// (its id prefix is the end of its file name).
func exportPeakCommands(store: String) -> [(String, [String])] {
    var out: [(String, [String])] = [("export json", ["export", "--format", "json"])]
    for kind in ["people", "coaching", "mentoring"] { out.append(("export json --kind \(kind)", ["export", "--format", "json", "--kind", kind])) }
    for kind in ["people", "coaching", "mentoring", "sessions"] { out.append(("export csv \(kind)", ["export", "--format", "csv", "--kind", kind])) }
    out.append(("export ics", ["export", "--format", "ics"]))
    for kind in ["coaching", "mentoring", "sessions"] { out.append(("export ics --kind \(kind)", ["export", "--format", "ics", "--kind", kind])) }
    out.append(("export md", ["export", "--format", "md"]))
    out.append(("export csv sessions --include-private", ["export", "--format", "csv", "--kind", "sessions", "--include-private"]))
    let first = ((try? FileManager.default.contentsOfDirectory(atPath: store + "/coaching")) ?? []).filter { $0.hasSuffix(".json") }.min()
    if let first, let dash = first.dropLast(5).lastIndex(of: "-") {
        let prefix = String(first.dropLast(5)[first.index(after: dash)...])
        out.append(("export md --record", ["export", "--format", "md", "--record", "coaching:" + prefix]))
    }
    return out
}

/// This process's own peak memory (VmHWM), in KiB: what any child's figure cannot go below.
func ownPeakKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

func report() throws {
    guard let tandem = option("--tandem"), let storeDir = option("--store") else {
        fail("usage: tandem-bench report --tandem BIN --store DIR [--double DIR] [--twice DIR] [--calcurse-dir DIR] [--rounds N] [--frames N]")
    }
    let rounds = Int(option("--rounds", "15")!) ?? 15
    let frames = Int(option("--frames", "10")!) ?? 10
    let calcurseDir = option("--calcurse-dir")
    let quick = CommandLine.arguments.contains("--quick")
    let appointments = option("--appointments", "20000")!
    var env = ProcessInfo.processInfo.environment
    env["TZ"] = env["TZ"] ?? "UTC"
    env["LANG"] = env["LANG"].flatMap { $0.isEmpty ? nil : $0 } ?? "C.UTF-8"
    env["TERM"] = "xterm-256color"
    env.removeValue(forKey: "TANDEM_TODAY")
    let hasCalcurse = calcurseDir != nil && spawn(["sh", "-c", "command -v calcurse"], env: env).status == 0
    let hasTmux = spawn(["sh", "-c", "command -v tmux"], env: env).status == 0
    let cores = ProcessInfo.processInfo.activeProcessorCount

    if quick { print("quick mode: a small store and a debug build; the figures check that each measurement works") }
    print("Tandem benchmarks: \(cores) cores, TZ=\(env["TZ"]!), \(rounds) runs per command (after a warm-up), \(frames) frames")
    print("store: \(storeDir)")
    var rows: [(String, String, String)] = []
    func row(_ what: String, _ figures: String, _ target: String) {
        rows.append((what, figures, target))
        let verdict = quick ? target.replacingOccurrences(of: ": NOT MET", with: "").replacingOccurrences(of: ": met", with: "")
            .replacingOccurrences(of: "NOT MET", with: "(quick: not judged)").replacingOccurrences(of: "met", with: "(quick: not judged)") : target
        print("  \(what.padding(toLength: max(62, what.count), withPad: " ", startingAt: 0)) \(figures.padding(toLength: 62, withPad: " ", startingAt: 0)) \(verdict)")
    }
    func wall(_ runs: [Run]) -> Figures { Figures(samples: runs.map(\.wallMS)) }
    func cpu(_ runs: [Run]) -> Figures { Figures(samples: runs.map(\.cpuMS)) }
    func peak(_ runs: [Run]) -> Int { runs.map(\.peakKiB).max() ?? 0 }
    func describe(_ runs: [Run]) -> String {
        "median \(f(wall(runs).median)) ms, worst \(f(wall(runs).worst)) ms (cpu \(f(cpu(runs).median)) ms), \(peak(runs) / 1024) MiB"
    }

    // Whole commands, interleaved with calcurse so both see the same machine.
    let due = [tandem, "list", "coaching", "--due", "7", "--json", "--data-dir", storeDir]
    let calDue = ["calcurse", "-D", calcurseDir ?? "/nonexistent", "--read-only", "-d", "7"]
    var dueRuns: [Run] = [], calRuns: [Run] = []
    _ = spawn(due, env: env)
    if hasCalcurse { _ = spawn(calDue, env: env) }
    for _ in 0..<rounds {
        dueRuns.append(spawn(due, env: env))
        if hasCalcurse { calRuns.append(spawn(calDue, env: env)) }
    }
    if let bad = dueRuns.first(where: { $0.status != 0 }) { fail("tandem list exited \(bad.status)") }
    let dueRatio = hasCalcurse ? wall(dueRuns).median / wall(calRuns).median : .nan
    row("due query (list coaching --due 7)", describe(dueRuns), "≤ 0.3× calcurse")
    if hasCalcurse {
        row("  calcurse -d 7 (\(appointments) appointments)", describe(calRuns), "")
        row("  ratio to calcurse", "\(f(dueRatio, 2))× (cpu \(f(cpu(dueRuns).median / cpu(calRuns).median, 2))×)", dueRatio <= 0.3 ? "met" : "NOT MET")
    }

    var frameFigures: Figures?
    var framePeak = 0
    if hasTmux {
        let tmux = Tmux(env: env)
        tmux.start()
        defer { tmux.stop() }
        let dashboard = "exec \(tandem) --data-dir '\(storeDir)'"
        let calcurse = "exec calcurse -D '\(calcurseDir ?? "")' --read-only"
        var ours: [Double] = [], theirs: [Double] = []
        _ = tmux.firstFrame(dashboard, name: "warm", full: tandemFrameIsFull)
        for k in 0..<frames {
            guard let t = tmux.firstFrame(dashboard, name: "t\(k)", full: tandemFrameIsFull) else { fail("no full dashboard frame within 30 s") }
            ours.append(t.ms)
            framePeak = max(framePeak, t.peakKiB)
            if hasCalcurse, let c = tmux.firstFrame(calcurse, name: "c\(k)", full: calcurseFrameIsFull) { theirs.append(c.ms) }
        }
        let o = Figures(samples: ours), c = Figures(samples: theirs)
        frameFigures = o
        row("first full frame (tmux 140x40)", "median \(f(o.median)) ms, worst \(f(o.worst)) ms, \(framePeak / 1024) MiB", "≤ 0.3× calcurse")
        if hasCalcurse {
            row("  calcurse first frame", "median \(f(c.median)) ms, worst \(f(c.worst)) ms", "")
            let ratio = o.median / c.median
            row("  ratio to calcurse", "\(f(ratio, 2))×", ratio <= 0.3 ? "met" : "NOT MET")
        }
    } else {
        row("first full frame (tmux)", "skipped: tmux is not installed", "")
    }

    let check = measure([tandem, "check", "--data-dir", storeDir], env: env, rounds: max(3, rounds / 3))
    row("check", describe(check), "< 64 MiB")
    let status = measure([tandem, "status", "--data-dir", storeDir], env: env, rounds: rounds)
    row("status", describe(status), "< 64 MiB")

    // In processes of their own, so this one never holds a store: a child's peak memory counts
    // its parent's at the moment it starts (Linux's exec keeps the larger), and this stays small.
    let me = CommandLine.arguments[0]
    let keysFile = NSTemporaryDirectory() + "tandem-bench-keys-\(getpid())"
    let saveFile = NSTemporaryDirectory() + "tandem-bench-save-\(getpid())"
    defer { unlink(keysFile); unlink(saveFile) }
    guard spawn([me, "keys", "--data-dir", storeDir, "--rounds", "\(max(10, rounds))", "--emit", keysFile], env: env).status == 0,
          let keyText = try? String(contentsOfFile: keysFile, encoding: .utf8) else { fail("tandem-bench keys failed") }
    let pairs = keyText.split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }.filter { $0.count == 2 }
    let kw = Figures(samples: pairs.map { $0[0] / 1e6 }), kc = Figures(samples: pairs.map { $0[1] / 1e6 })
    row("keystroke (update+view+diff), CPU", "median \(f(kc.median, 3)) ms, p95 \(f(kc.p95, 3)) ms, worst \(f(kc.worst, 3)) ms (n=\(pairs.count))",
        kc.p95 < 2 ? "< 2 ms p95: met" : "< 2 ms p95: NOT MET")
    row("  the same, wall time", "median \(f(kw.median, 3)) ms, p95 \(f(kw.p95, 3)) ms, worst \(f(kw.worst, 3)) ms", "")
    guard spawn([me, "save", "--data-dir", storeDir, "--rounds", "\(rounds)", "--emit", saveFile], env: env).status == 0,
          let saveText = try? String(contentsOfFile: saveFile, encoding: .utf8) else { fail("tandem-bench save failed") }
    let saveLines = saveText.split(separator: "\n")
    let sf = Figures(samples: saveLines.first.map { $0.split(separator: " ").compactMap { Double($0) } } ?? [])
    let saveFacts = saveLines.dropFirst().first.map { $0.split(separator: " ").compactMap { Int($0) } } ?? [0, 0]
    row("save one session", "median \(f(sf.median, 2)) ms, worst \(f(sf.worst, 2)) ms, \(saveFacts[0]) bytes, \(saveFacts[1]) file",
        sf.median < 5 && saveFacts[1] == 1 ? "< 5 ms, one file: met" : "< 5 ms, one file: NOT MET")

    if let doubleDir = option("--double") {
        let dueDouble = measure([tandem, "list", "coaching", "--due", "7", "--json", "--data-dir", doubleDir], env: env, rounds: rounds)
        let growth = wall(dueDouble).median / wall(dueRuns).median - 1
        row("due query, twice the history", describe(dueDouble) + " (\(signed(growth)))", growth <= 0.25 ? "≤ +25%: met" : "≤ +25%: NOT MET")
        if hasTmux, let base = frameFigures {
            let tmux = Tmux(env: env)
            tmux.start()
            defer { tmux.stop() }
            let dashboard = "exec \(tandem) --data-dir '\(doubleDir)'"
            _ = tmux.firstFrame(dashboard, name: "warm", full: tandemFrameIsFull)
            var ours: [Double] = []
            for n in 0..<frames {
                if let t = tmux.firstFrame(dashboard, name: "d\(n)", full: tandemFrameIsFull) { ours.append(t.ms) }
            }
            let o = Figures(samples: ours)
            let g = o.median / base.median - 1
            row("first frame, twice the history", "median \(f(o.median)) ms, worst \(f(o.worst)) ms (\(signed(g)))", g <= 0.25 ? "≤ +25%: met" : "≤ +25%: NOT MET")
        }
    }
    if let twice = option("--twice") {
        var worst = (name: "", kib: 0)
        // A record, a person and a team of the store, for the commands that take one (found by
        // small commands of their own), and a CSV of one new row for the import dry runs.
        func firstJSON(_ args: [String]) -> [[String: Any]] {
            let out = NSTemporaryDirectory() + "tandem-bench-rows-\(getpid())"
            defer { unlink(out) }
            _ = spawn([tandem] + args + ["--json", "--data-dir", twice], env: env, stdoutPath: out)
            return (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))) as? [[String: Any]] ?? []
        }
        let people = firstJSON(["list", "people"])
        let engagement = (firstJSON(["list", "coaching"]).first?["id"] as? String).map { String($0.prefix(8)) } ?? "none"
        let person = (people.first?["id"] as? String).map { String($0.prefix(8)) } ?? "none"
        let personName = people.first?["name"] as? String ?? "none"
        let team = people.lazy.compactMap { $0["team"] as? String }.first { !$0.isEmpty } ?? "none"
        let peopleCSV = NSTemporaryDirectory() + "tandem-bench-people-\(getpid()).csv"
        let coachingCSV = NSTemporaryDirectory() + "tandem-bench-coaching-\(getpid()).csv"
        defer { unlink(peopleCSV); unlink(coachingCSV) }
        try "name,role\nBench Newcomer,Designer\n".write(toFile: peopleCSV, atomically: true, encoding: .utf8)
        let quoted = "\"" + personName.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try "coachee,focus,start,deadline,external coach\n\(quoted),Bench focus,2026-01-05,2026-06-30,Bench Coach\n"
            .write(toFile: coachingCSV, atomically: true, encoding: .utf8)
        let answers = ["gap=yes", "measurable=yes", "urgent=no", "new=no", "career=yes", "knowledge=no", "transition=no",
                       "succession=no", "horizon=6"].flatMap { ["--answer", $0] }
        for (name, args) in [("due query", ["list", "coaching", "--due", "7", "--json"]), ("check", ["check"]), ("status", ["status"]),
                             ("list mentoring", ["list", "mentoring", "--json"]), ("list people", ["list", "people"]),
                             ("list coaching --all", ["list", "coaching", "--all"]),
                             ("list coaching --all --json", ["list", "coaching", "--all", "--json"]),
                             ("list mentoring --all --json", ["list", "mentoring", "--all", "--json"]),
                             ("list coaching --status completed", ["list", "coaching", "--status", "completed"]),
                             ("list people --all --json", ["list", "people", "--all", "--json"]),
                             ("report", ["report"]), ("report --since 2000-01-01 --format json", ["report", "--since", "2000-01-01", "--format", "json"]),
                             ("report --since 2000-01-01", ["report", "--since", "2000-01-01"]),
                             ("report --format json", ["report", "--format", "json"]),
                             ("report --format md", ["report", "--format", "md"]),
                             ("report --since 2000-01-01 --format html", ["report", "--since", "2000-01-01", "--format", "html"]),
                             ("report --team", ["report", "--team", team]),
                             ("prep REF", ["prep", engagement]), ("match PERSON", ["match", person]),
                             ("match PERSON --json", ["match", person, "--json"]),
                             ("assess PERSON (answers given)", ["assess", person] + answers),
                             ("import people CSV --dry-run", ["import", peopleCSV, "--kind", "people", "--dry-run"]),
                             ("import coaching CSV --dry-run", ["import", coachingCSV, "--kind", "coaching", "--dry-run"]),
                             ("identity seal-existing --dry-run", ["identity", "seal-existing", "--dry-run"]),
                            ] + exportPeakCommands(store: twice) {
            // A command that fails here (a store without a team, say) is shown failing, not fatal.
            let warm = spawn([tandem] + args + ["--data-dir", twice], env: env)
            guard warm.status == 0 || args == ["check"] else {
                row("peak memory, store ×2: \(name)", "exited \(warm.status)", "< 64 MiB: NOT MET")
                continue
            }
            let runs = [spawn([tandem] + args + ["--data-dir", twice], env: env)]
            if peak(runs) > worst.kib { worst = (name, peak(runs)) }
            row("peak memory, store ×2: \(name)", "\(peak(runs) / 1024) MiB (median \(f(wall(runs).median)) ms)", peak(runs) < 64 * 1024 ? "< 64 MiB: met" : "< 64 MiB: NOT MET")
        }
        if hasTmux {
            let tmux = Tmux(env: env)
            tmux.start()
            defer { tmux.stop() }
            if let t = tmux.firstFrame("exec \(tandem) --data-dir '\(twice)'", name: "x", full: tandemFrameIsFull) {
                row("peak memory, store ×2: dashboard", "\(t.peakKiB / 1024) MiB (first frame \(f(t.ms)) ms)", t.peakKiB < 64 * 1024 ? "< 64 MiB: met" : "< 64 MiB: NOT MET")
            }
            // The screens that read the closed history: the insights (3), then the archive (5)
            // and a closed record's detail (Enter), each once its work is done; and, in a process
            // of its own, how long 5 takes to list the archive.
            let archive: (String) -> Bool = { $0.contains("Archive · ") && !$0.contains("reading closed records") }
            let steps: [(key: String, quiet: Double, done: (String) -> Bool)] = [
                ("3", 1.5, { $0.contains("? help") }), ("5", 1.5, archive),
                ("Enter", 1.5, { $0.contains("Coaching · ") || $0.contains("Mentoring · ") })]
            if let after = tmux.afterKeys("exec \(tandem) --data-dir '\(twice)'", name: "k", steps: steps) {
                for (label, figures) in zip(["after 3 (insights)", "then 5 (archive)", "then Enter (a closed record's detail)"], after) {
                    row("peak memory, store ×2: dashboard \(label)", "\(figures.peakKiB / 1024) MiB",
                        figures.peakKiB < 64 * 1024 ? "< 64 MiB: met" : "< 64 MiB: NOT MET")
                }
            } else {
                row("peak memory, store ×2: dashboard after 3, 5, Enter", "a screen did not come within 60 s", "< 64 MiB: NOT MET")
            }
            if let five = tmux.afterKeys("exec \(tandem) --data-dir '\(twice)'", name: "a", steps: [("5", 0, archive)]) {
                row("store ×2: 5 lists the archive", "\(f(five[0].ms)) ms, \(five[0].peakKiB / 1024) MiB",
                    five[0].peakKiB < 64 * 1024 ? "< 64 MiB: met" : "< 64 MiB: NOT MET")
            }
        }
    }
    print("(peak memory is the maximum RSS of each process; this report's own, a floor under them: \(ownPeakKiB() / 1024) MiB)")
}
