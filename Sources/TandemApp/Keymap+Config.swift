import TerminalUI

/// A place in a text file: 1-based line and column (columns count characters).
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// What is wrong at a place of a file, said for the person who wrote it.
public struct SourceProblem: Hashable, Sendable {
    public var position: SourcePosition
    public var message: String
    public init(_ position: SourcePosition, _ message: String) { self.position = position; self.message = message }
    /// `file:line:column: message`.
    public func text(file: String) -> String { "\(file):\(position.line):\(position.column): \(message)" }
}

/// One `[keys.<context>] <action> = ["j", "Down"]` line of the config, as written, with where
/// the action's name and each key stand (for messages).
public struct KeyRemap: Equatable, Sendable {
    public var context: String
    public var action: String
    public var keys: [String]
    public var position: SourcePosition
    /// Where each key's text starts; `position` for any the reader could not place.
    public var keyPositions: [SourcePosition]

    public init(context: String, action: String, keys: [String], position: SourcePosition, keyPositions: [SourcePosition] = []) {
        self.context = context; self.action = action; self.keys = keys; self.position = position
        self.keyPositions = keyPositions
    }

    func keyPosition(_ i: Int) -> SourcePosition { i < keyPositions.count ? keyPositions[i] : position }
}

/// Remapping: the config is an overlay on the one table. A remap replaces the keys of one row
/// (the context's first enabled row of that action); dispatch, the footer, the `?` overlay and
/// `tandem keys` then read the overlaid table, so none of them can show a replaced default.
extension Keymap {
    /// The key names a config may use besides one character, for messages and the README.
    public static let keyNamesHelp = "one character (\"j\", \"G\", \"?\"), or Space, Enter, Tab, Shift-Tab, Esc, Backspace, Del, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1–F24, Ctrl-Left, Ctrl-Right, Ctrl-<letter>, Alt-<key>"

    /// The key a config names: `"j"`, `"Down"`, `"Ctrl-S"`, `"Alt-k"`, `"Shift-Tab"`, `"F2"`, `"↓"`;
    /// names are case-blind, a single character is itself. `nil` when it names no key.
    public static func parseKey(_ text: String) -> Key? {
        let lower = text.lowercased()
        switch lower {
        case "space": return .char(" ")
        case "enter", "return": return .enter
        case "tab": return .tab
        case "shift-tab", "backtab": return .backTab
        case "esc", "escape": return .escape
        case "backspace": return .backspace
        case "del", "delete": return .delete
        case "up", "↑": return .up
        case "down", "↓": return .down
        case "left", "←": return .left
        case "right", "→": return .right
        case "home": return .home
        case "end": return .end
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "ctrl-left", "ctrl-←": return .ctrlLeft
        case "ctrl-right", "ctrl-→": return .ctrlRight
        default: break
        }
        if text.count == 1, let c = text.first {
            guard !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }),
                  DisplayWidth.of(String(c)) > 0 else { return nil }
            return .char(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n), !lower.dropFirst().hasPrefix("0"), !lower.dropFirst().hasPrefix("+") {
            return .function(n)
        }
        if lower.hasPrefix("ctrl-"), text.count == 6, let c = lower.last, c.isASCII, c.isLetter { return .ctrl(c) }
        if lower.hasPrefix("alt-"), text.count > 4 {
            let rest = String(text.dropFirst(4))
            guard let inner = parseKey(rest) else { return nil }
            if case .alt = inner { return nil }
            return .alt(inner)
        }
        return nil
    }

    /// A key as a config writes it (and `tandem config --print-defaults` prints it): "j", "Down", "Ctrl-S".
    public static func configName(_ key: Key) -> String {
        switch key {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .ctrlLeft: "Ctrl-Left"
        case .ctrlRight: "Ctrl-Right"
        case .alt(let k): "Alt-\(configName(k))"
        default: name(key)
        }
    }

    /// The row a config's `[keys.<context>] <action>` rebinds: the context's first row of that
    /// action that has keys and is not disabled. `nil` when the action has no such row there.
    public func remappableRow(_ context: KeyContext, _ action: Action) -> Int? {
        bindings.firstIndex { $0.context == context && $0.action == action && !$0.keys.isEmpty && $0.disabled == nil }
    }

    /// The actions a config may rebind in a context, in the table's order.
    public func remappableActions(in context: KeyContext) -> [Action] {
        var seen = Set<Action>()
        return bindings.indices.compactMap { i in
            let b = bindings[i]
            guard b.context == context, remappableRow(context, b.action) == i, seen.insert(b.action).inserted else { return nil }
            return b.action
        }
    }

    /// The name a config writes for a row (`list.down`), or `nil` for a row it cannot rebind.
    public func settingName(of index: Int) -> String? {
        let b = bindings[index]
        return remappableRow(b.context, b.action) == index ? "\(b.context.rawValue).\(b.action.rawValue)" : nil
    }

    /// Whether the standard rows of a context answer plain characters (not after a text field).
    func bindsCharacters(_ context: KeyContext) -> Bool {
        bindings.contains { b in b.context == context && !b.afterText && b.keys.contains { if case .char = $0 { true } else { false } } }
    }

    /// Whether a key in `a` and the same key in `b` would meet in dispatch: the same context,
    /// `.always` under everything, `.global` under every screen.
    static func meet(_ a: KeyContext, _ b: KeyContext) -> Bool {
        chain(a).contains(b) || chain(b).contains(a)
    }

    /// The table with the config's remaps laid over it, or this table unchanged and what is
    /// wrong (each problem at its line and column): an unknown context or action, a key that
    /// names no key, the same key twice for one action, an action left without a key, or a key
    /// that another action still holds where both would be looked up. Disabled rows (the
    /// "does nothing here" reasons) give up a key a remap takes.
    public func applying(_ remaps: [KeyRemap]) -> (keymap: Keymap, problems: [SourceProblem]) {
        var rows = bindings
        var problems: [SourceProblem] = []
        var changed: [Int: KeyRemap] = [:]
        let contextNames = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
        for r in remaps {
            guard let context = KeyContext(rawValue: r.context) else {
                problems.append(SourceProblem(r.position, "[keys.\(r.context)]: no such key context; the contexts are \(contextNames)"))
                continue
            }
            guard let action = Action(rawValue: r.action), let i = remappableRow(context, action) else {
                let names = remappableActions(in: context).map(\.rawValue).joined(separator: ", ")
                problems.append(SourceProblem(r.position, "[keys.\(r.context)] \(r.action): no such action here; the actions of \(r.context) are \(names)"))
                continue
            }
            guard !r.keys.isEmpty else {
                let defaults = bindings[i].keys.map { "\"\(Self.configName($0))\"" }.joined(separator: ", ")
                problems.append(SourceProblem(r.position, "[keys.\(r.context)] \(r.action) = []: an action left without a key; give it at least one (its default: [\(defaults)])"))
                continue
            }
            var keys: [Key] = []
            var ok = true
            for (n, text) in r.keys.enumerated() {
                guard let key = Self.parseKey(text) else {
                    problems.append(SourceProblem(r.keyPosition(n), "[keys.\(r.context)] \(r.action): \"\(Self.printable(text))\" is not a key; write \(Self.keyNamesHelp)"))
                    ok = false
                    continue
                }
                // A character where text is typed would never reach the field again.
                // (A context whose own keys are characters, like the assessment's y and n, keeps them.)
                if case .char = key, !bindings[i].afterText,
                   context == .always || (textBinding(in: context) != nil && !bindsCharacters(context)) {
                    let whereText = context == .always ? "every form and prompt" : "\(context.rawValue)'s text fields"
                    problems.append(SourceProblem(r.keyPosition(n), "[keys.\(r.context)] \(r.action): \"\(Self.printable(text))\" is typed in \(whereText); use a Ctrl-, Alt- or function key, or Enter, Esc, Tab"))
                    ok = false
                    continue
                }
                if keys.contains(key) {
                    problems.append(SourceProblem(r.keyPosition(n), "[keys.\(r.context)] \(r.action): \"\(Self.printable(text))\" is listed twice"))
                    ok = false
                    continue
                }
                keys.append(key)
            }
            guard ok else { continue }
            // The defaults written out again change nothing (a row's own label stays).
            guard keys != bindings[i].keys else { continue }
            rows[i].keys = keys
            rows[i].keyLabel = nil
            changed[i] = r
        }
        // The "does nothing here" rows give up what a remap took in their context.
        for (i, _) in changed {
            let taken = rows[i].keys, context = rows[i].context
            for j in rows.indices where rows[j].disabled != nil && rows[j].context == context {
                rows[j].keys.removeAll { taken.contains($0) }
            }
        }
        // Collisions that the overlay made (the table's own overlaps, such as a text field's
        // keys, stay as they are).
        var reported = Set<[Int]>()
        for (i, r) in changed.sorted(by: { $0.value.position < $1.value.position }) {
            for (n, key) in rows[i].keys.enumerated() {
                for j in rows.indices where j != i && rows[j].disabled == nil && rows[j].keys.contains(key)
                    && Self.meet(rows[i].context, rows[j].context) {
                    if bindings[i].keys.contains(key) && bindings[j].keys.contains(key) { continue }
                    guard reported.insert([min(i, j), max(i, j), key.hashValue]).inserted else { continue }
                    let other = rows[j]
                    let text = r.keys.indices.contains(n) ? r.keys[n] : Self.configName(key)
                    let whose = changed[j] != nil ? "remapped here too" : "its default"
                    let position = r.keys.firstIndex(where: { Self.parseKey($0) == key }).map { r.keyPosition($0) } ?? r.position
                    problems.append(SourceProblem(position, "[keys.\(r.context)] \(r.action): \"\(Self.printable(text))\" is also \(other.context.rawValue).\(other.action.rawValue) (\(other.help); \(whose)); one key, one action: give one of them another key"))
                }
            }
        }
        problems.sort { $0.position < $1.position }
        return problems.isEmpty ? (Keymap(rows), []) : (self, problems)
    }

    /// Text from a file as a message may show it: control characters escaped.
    static func printable(_ s: String) -> String {
        String(s.unicodeScalars.flatMap { u -> [Character] in
            u.properties.generalCategory == .control ? Array("\\u{\(String(u.value, radix: 16))}") : [Character(u)]
        }.prefix(40))
    }
}
