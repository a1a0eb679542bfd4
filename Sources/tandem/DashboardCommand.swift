import ArgumentParser
import Foundation
import NcursesBackend
import TandemApp
import TandemCore
import TandemSeal
import TandemStore
import TerminalUI

/// `tandem` (bare): the dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default when no subcommand is given)."
    )

    @OptionGroup var data: DataDirOptions
    @Flag(help: "Open on a freshly generated demo agency (in a temporary folder unless --data-dir is given).") var demo = false
    @Option(help: ArgumentHelp("A theme name (default, light, high-contrast, mono, or your own) or a path to a .theme file.", valueName: "name")) var theme: String?

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let today = try Clock.today()
        let catalog = ThemeCatalog(searchPaths: ThemePaths.searchPaths(environment: env))
        // config.toml: a problem is said on the status line and that setting keeps its default.
        let config = UserConfig.load(environment: env)
        DateStyle.current = config.config.dateStyle
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        let themeName = theme ?? (noColor ? "mono" : env["TANDEM_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? config.config.theme ?? "default")
        let chosen: Theme
        let warnings: [String]
        do { (chosen, warnings) = try catalog.load(themeName) } catch { throw CLIFailure.input("--theme: \(error)") }

        var dir = data.resolved()
        var temporary: URL?
        if demo {
            if data.dataDir == nil {
                let base = FileManager.default.temporaryDirectory
                    .appendingPathComponent("tandem-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
                temporary = base
                dir = base
            }
            try DemoWriter.write(today: today, options: DemoOptions(), to: dir)
        }
        defer { if let t = temporary { try? FileManager.default.removeItem(at: t) } }

        // First run: an empty (or missing) data folder becomes a new, empty store.
        var firstRun = false
        if !demo, !FileManager.default.fileExists(atPath: dir.appendingPathComponent("tandem.json").path),
           ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).isEmpty {
            do { try Store.create(at: dir, agency: Agency(name: "My agency", settings: config.config.storeSettings)).close() } catch { throw CLIFailure.store(error) }
            firstRun = true
        }

        // Everything that can fail on the store fails here, before the screen opens; a locked
        // identity asks for its passphrase now, while the terminal is still the shell's.
        CLISealer.shared.resolveNow()
        let store = try Store.openSealing(dir, forEditing: true)
        defer { store.close() }
        let drafts = AppRuntime.loadDrafts(from: store)
        let closingDrafts = AppRuntime.loadClosingDrafts(from: store)
        let loaded: Loaded
        // The first frame holds the open records' older sessions lean and reads them whole right
        // after it; not when a draft is to be resumed on one at once (a form opens before the frame).
        do { loaded = try store.load(scope: .open, forFirstFrame: drafts.isEmpty && closingDrafts.isEmpty) } catch { throw CLIFailure.store(error) }

        var state = AppState(today: today, data: loaded.snapshot, files: loaded.files,
                             readOnlyReason: store.readOnlyReason, themeName: chosen.name)
        state.holdFirstFrameLoad(lean: loaded.lean, unstated: loaded.unstated)
        state.drafts = drafts
        state.closingDrafts = closingDrafts
        state.cannotSeal = CLISealer.shared.cannotSealReason
        // An identity that is there but did not open (no passphrase, a wrong one, a damaged file): say so.
        if FileManager.default.fileExists(atPath: IdentityStore.path().path), let why = CLISealer.shared.sealer().missingReason {
            state.status = Status("Private notes stay sealed: \(why)", .error)
        }
        if let w = warnings.first { state.status = Status("Theme: \(w)", .error) }
        state.keymap = config.config.keymap
        state.mouseEnabled = config.config.mouse
        state.notifyCommand = config.config.notifyCommand
        let notices = store.sealNotices
        if let first = notices.first {
            state.status = Status("\(notices.count) sealed note\(notices.count == 1 ? "" : "s") did not open: \(first)"
                                  + (notices.count > 1 ? " (and \(notices.count - 1) more)" : ""), .error)
        }
        if firstRun { state.status = Status("New store in \(dir.path): press n to add your people, then their coaching and mentoring") }
        if let line = UserConfig.statusLine(config.problems) { state.status = Status(line, .error) }
        // What an earlier run could not save before it quit comes back, unsaved, merged with the files as they are now.
        let (kept, keptProblems) = store.unsavedVersions()
        state.takeBackUnsaved(kept, problems: keptProblems)
        // Read-only only when the folder cannot be written or a file is from a newer Tandem: say why at once.
        if let reason = store.readOnlyReason { state.status = Status("Read-only: \(reason)", .error) }

        guard NcursesBackend.isTerminal() else {
            throw CLIFailure.input("the dashboard needs a terminal; for scripts use `tandem list`, `tandem log` or `tandem check`")
        }

        let backend: NcursesBackend
        do { backend = try NcursesBackend() } catch { throw CLIFailure.input("cannot start the terminal: \(error)") }
        let runtime = AppRuntime(state: state, store: store, backend: backend,
                                 theme: backend.colorCount < 8 ? .monochrome : chosen, themes: catalog,
                                 colors: backend.colorCount,
                                 clock: { Now(seconds: Date().timeIntervalSince1970, today: (try? Clock.today()) ?? today) },
                                 stamp: loaded.stamp)
        runtime.send(.started)
        CrashTrigger.armFromEnvironment()
        runtime.run()
        backend.shutdown()
        // Quit from anywhere (Ctrl-C, a closed terminal) with a version that still would not save:
        // it is kept as a draft and offered back at the next start; said here, on the shell's screen.
        let left = runtime.state.unsavedVersions
        guard !left.isEmpty, temporary == nil else { return }
        func say(_ text: String) { FileHandle.standardError.write(Data("tandem: \(TerminalSafeText.clean(text))\n".utf8)) }
        for (label, record) in left {
            do {
                let rel = try store.keepUnsaved(record)
                say("not saved: your version of \(label) is kept in \(rel); the dashboard offers it back when it next starts")
            } catch {
                // Nowhere to keep it: the shell's screen is the last place, so nothing typed is lost.
                say("not saved, and it could not be kept in drafts/ either (\(error)): your version of \(label) follows, as JSON")
                let json = (try? RecordFile.encode(record, path: "\(record.ref.kind.rawValue)/unsaved.json")).map { String(decoding: $0, as: UTF8.self) } ?? ""
                FileHandle.standardError.write(Data((TerminalSafeText.clean(json) + "\n").utf8))
            }
        }
        throw ExitCode(1)
    }
}

/// Where themes are looked up: the user's folder first, then the bundled `themes/` next to an
/// installed binary (`<prefix>/share/tandem/themes`) or in the source tree it was built from.
enum ThemePaths {
    static func searchPaths(environment env: [String: String], executable: URL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()) -> [URL] {
        var paths: [URL] = []
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty {
            paths.append(URL(fileURLWithPath: x).appendingPathComponent("tandem/themes"))
        } else if let home = env["HOME"] {
            paths.append(URL(fileURLWithPath: home).appendingPathComponent(".config/tandem/themes"))
        }
        let bin = executable.deletingLastPathComponent()
        paths.append(bin.deletingLastPathComponent().appendingPathComponent("share/tandem/themes"))
        // `swift run` and `.build/<config>/tandem`: the clone's themes/ folder above the build folder.
        var dir = bin
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.theme").path) {
                paths.append(candidate)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        // The source tree this binary was built from.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        paths.append(source.appendingPathComponent("themes"))
        var seen = Set<String>()
        return paths.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
