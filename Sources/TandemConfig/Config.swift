import Foundation
import TandemApp
import TandemCore
import TOMLKit

/// The user's settings: `$XDG_CONFIG_HOME/tandem/config.toml` (else `~/.config/tandem/config.toml`).
/// Every setting is optional; what is missing or wrong keeps its default.
public struct Config: Sendable {
    /// The theme the dashboard opens with (`--theme`, `NO_COLOR` and `TANDEM_THEME` still win).
    public var theme: String?
    public var dateStyle: DateStyle = .dayMonth
    /// The thresholds a new store starts with (an existing store keeps its own `tandem.json`).
    public var storeSettings = Settings()
    /// Clicks and the wheel; off unless `[mouse] enabled = true`.
    public var mouse = false
    /// The notification hook's words (`[notify] command`, split like a shell would, no shell run); empty = off.
    public var notifyCommand: [String] = []
    /// The `[keys.<context>]` lines, as written.
    public var keyRemaps: [KeyRemap] = []
    /// The key table with the remaps laid over it (the standard table when they have problems).
    public var keymap: Keymap = .standard

    public init() {}
}

/// Reading, checking and writing `config.toml`.
public enum ConfigFile {
    /// The largest config file read (a settings file, not a data file).
    public static let maxBytes = 256 * 1024

    /// Where the config is: `$XDG_CONFIG_HOME/tandem/config.toml`, else `~/.config/tandem/config.toml`.
    public static func path(environment env: [String: String]) -> URL {
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty {
            return URL(fileURLWithPath: x).appendingPathComponent("tandem/config.toml")
        }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/tandem/config.toml")
    }

    /// What loading found: the settings (defaults where the file said nothing usable) and
    /// each problem as `file:line:column: message`.
    public struct Loaded: Sendable {
        public var config: Config
        public var problems: [String]
        public var path: URL
        /// False when there is no config file (all defaults, no problems).
        public var exists: Bool
    }

    /// Reads the config at `url` (a missing file is all defaults). `themeExists` says whether
    /// a theme name can be loaded.
    public static func load(_ url: URL, themeExists: (String) -> Bool = { _ in true }) -> Loaded {
        let shown = url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            return Loaded(config: Config(), problems: [], path: url, exists: false)
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            return Loaded(config: Config(), problems: ["\(shown): is a folder, not a config file; started on the defaults"], path: url, exists: true)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return Loaded(config: Config(), problems: ["\(shown): cannot be read; started on the defaults"], path: url, exists: true)
        }
        guard data.count <= maxBytes else {
            return Loaded(config: Config(), problems: ["\(shown): \(data.count) bytes is too large for a config file (at most \(maxBytes)); started on the defaults"], path: url, exists: true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Loaded(config: Config(), problems: ["\(shown):1:1: not UTF-8 text; started on the defaults"], path: url, exists: true)
        }
        let (config, problems) = parse(text, themeExists: themeExists)
        return Loaded(config: config, problems: problems.map { $0.text(file: shown) }, path: url, exists: true)
    }

    /// The settings a config text gives, and what is wrong with it, each at its line and
    /// column. A syntax error keeps every default; a wrong value keeps that setting's default;
    /// any problem in `[keys.…]` keeps the whole standard key table (half a remap could leave
    /// two actions on one key).
    public static func parse(_ text: String, themeExists: (String) -> Bool = { _ in true }) -> (Config, [SourceProblem]) {
        var config = Config()
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            let at = SourcePosition(line: max(1, e.source.begin.line), column: max(1, e.source.begin.column))
            return (config, [SourceProblem(at, "not valid TOML: \(e.description); started on the defaults")])
        } catch {
            return (config, [SourceProblem(SourcePosition(line: 1, column: 1), "not valid TOML: \(error); started on the defaults")])
        }
        let where_ = TOMLLocator(text)
        var problems: [SourceProblem] = []
        func problem(_ path: [String], _ message: String) { problems.append(SourceProblem(where_.position(path), message)) }

        for key in root.keys {
            guard let value = root[key] else { continue }
            switch key {
            case "theme":
                guard let s = value.string, !s.isEmpty else { problem([key], "theme: expected a theme's name in quotes, such as \"light\"; found \(kind(value))"); continue }
                guard s.count <= 200, !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                    problem([key], "theme: \"\(printable(s))\" is not a theme name"); continue
                }
                guard themeExists(s) else { problem([key], "theme: no theme called \"\(printable(s))\" (built in: default, light, high-contrast, mono; or a .theme file in the themes folder)"); continue }
                config.theme = s
            case "date_style":
                let names = DateStyle.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                guard let s = value.string, let style = DateStyle(rawValue: s) else {
                    problem([key], "date_style: expected one of \(names); found \(value.string.map { "\"\(printable($0))\"" } ?? kind(value))"); continue
                }
                config.dateStyle = style
            case "store":
                guard let t = value.table else { problem([key], "[store]: expected a table of settings; found \(kind(value))"); continue }
                for k in t.keys {
                    guard let v = t[k] else { continue }
                    let path = [key, k]
                    func days(_ range: ClosedRange<Int>, _ what: String) -> Int? {
                        guard let n = v.int else { problem(path, "[store] \(k): expected \(what) as a whole number of days from \(range.lowerBound) to \(range.upperBound); found \(kind(v))"); return nil }
                        guard range.contains(n) else { problem(path, "[store] \(k): \(n) is out of range; \(what) is \(range.lowerBound) to \(range.upperBound) days"); return nil }
                        return n
                    }
                    switch k {
                    case "due_soon_days": if let n = days(Bounds.dueSoonDays, "the due-soon window") { config.storeSettings.dueSoonDays = n }
                    case "momentum_days": if let n = days(Bounds.settingDays, "the momentum window") { config.storeSettings.momentumDays = n }
                    case "fizzle_days": if let n = days(Bounds.settingDays, "the fizzle window") { config.storeSettings.fizzleDays = n }
                    default: problem(path, "[store]: unknown setting \"\(printable(k))\"; the settings are due_soon_days, momentum_days, fizzle_days")
                    }
                }
            case "mouse":
                guard let t = value.table else { problem([key], "[mouse]: expected a table of settings; found \(kind(value))"); continue }
                for k in t.keys {
                    guard let v = t[k] else { continue }
                    guard k == "enabled" else { problem([key, k], "[mouse]: unknown setting \"\(printable(k))\"; the setting is enabled"); continue }
                    guard let b = v.bool else { problem([key, k], "[mouse] enabled: expected true or false; found \(kind(v))"); continue }
                    config.mouse = b
                }
            case "notify":
                guard let t = value.table else { problem([key], "[notify]: expected a table of settings; found \(kind(value))"); continue }
                for k in t.keys {
                    guard let v = t[k] else { continue }
                    guard k == "command" else { problem([key, k], "[notify]: unknown setting \"\(printable(k))\"; the setting is command"); continue }
                    guard let s = v.string else { problem([key, k], "[notify] command: expected a command line in quotes, such as \"notify-send\"; found \(kind(v))"); continue }
                    switch CommandWords.split(s) {
                    case .success(let words): config.notifyCommand = words
                    case .failure(let e): problem([key, k], "[notify] command: \(e.message)")
                    }
                }
            case "keys":
                guard let t = value.table else { problem([key], "[keys]: expected tables such as [keys.list]; found \(kind(value))"); continue }
                var keyProblems: [SourceProblem] = []
                for context in t.keys {
                    guard let ct = t[context]?.table else {
                        keyProblems.append(SourceProblem(where_.position([key, context]), "keys.\(printable(context)): expected a table [keys.\(printable(context))] of actions; found \(t[context].map(kind) ?? "nothing")"))
                        continue
                    }
                    guard KeyContext(rawValue: context) != nil else {
                        keyProblems.append(SourceProblem(where_.position([key, context]), "[keys.\(printable(context))]: no such key context; the contexts are \(KeyContext.allCases.map(\.rawValue).joined(separator: ", "))"))
                        continue
                    }
                    for action in ct.keys {
                        guard let v = ct[action] else { continue }
                        let path = [key, context, action]
                        guard let array = v.array else {
                            keyProblems.append(SourceProblem(where_.position(path), "[keys.\(context)] \(printable(action)): expected a list of keys such as [\"j\", \"Down\"]; found \(kind(v))"))
                            continue
                        }
                        var strings: [String] = []
                        var ok = true
                        let positions = where_.elements[path] ?? []
                        for (n, element) in array.enumerated() {
                            guard let s = element.string else {
                                let at = n < positions.count ? positions[n] : where_.position(path)
                                keyProblems.append(SourceProblem(at, "[keys.\(context)] \(printable(action)): expected each key in quotes, such as \"j\"; found \(kind(element))"))
                                ok = false
                                continue
                            }
                            strings.append(s)
                        }
                        guard ok else { continue }
                        config.keyRemaps.append(KeyRemap(context: context, action: action, keys: strings,
                                                         position: where_.position(path), keyPositions: positions))
                    }
                }
                config.keyRemaps.sort { $0.position < $1.position }
                let (keymap, remapProblems) = Keymap.standard.applying(config.keyRemaps)
                keyProblems += remapProblems
                if keyProblems.isEmpty {
                    config.keymap = keymap
                } else {
                    problems += keyProblems.map { SourceProblem($0.position, $0.message + "; the keys stay the defaults") }
                }
            default:
                problem([key], "unknown setting \"\(printable(key))\"; the settings are theme, date_style, [store], [mouse], [notify] and [keys.<context>]")
            }
        }
        problems.sort { $0.position < $1.position }
        return (config, problems)
    }

    /// What a value is, for "found …".
    static func kind(_ v: TOMLValueConvertible) -> String {
        switch v.type {
        case .string: "a string (\"\(printable(v.string ?? ""))\")"
        case .int: "a whole number (\(v.int ?? 0))"
        case .double: "a decimal number"
        case .bool: "\(v.bool == true ? "true" : "false")"
        case .table: "a table"
        case .array: "a list"
        case .date, .time, .dateTime: "a date or time"
        }
    }

    /// Text from the file as a message may show it: control characters escaped, cut at 60.
    static func printable(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
            if out.count >= 60 { out += "…"; break }
        }
        return out
    }
}
