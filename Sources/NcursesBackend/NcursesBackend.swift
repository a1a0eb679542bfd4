import CNcursesw
import TerminalUI

/// The terminal through ncursesw: the one type that talks to a real terminal.
///
/// Raw mode, so Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach the app as keys. SIGTERM, SIGHUP
/// and SIGINT become `.terminate(signal:)` events. Bracketed paste is on while the backend
/// owns the screen, and a paste arrives as one `.paste(text)` event. The terminal is restored
/// by `shutdown()`, on deinit, at process exit, and — from a signal handler installed here —
/// on a trap or fatal signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT), which is
/// then raised again with its default action.
public final class NcursesBackend: Backend {
    /// Why the terminal could not be taken over.
    public enum Error: Swift.Error, CustomStringConvertible {
        /// stdin or stdout is not a terminal (a pipe, a file, cron).
        case notATerminal
        /// ncurses knows no terminal description for `term`.
        case cannotOpenTerminal(term: String)
        /// The terminal cannot move its cursor (TERM=dumb, a printing terminal): no full screen.
        case cannotDrawFullScreen(term: String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "The dashboard needs a terminal: stdin and stdout must not be redirected."
            case .cannotOpenTerminal(let term):
                return "Cannot open the terminal of type '\(term)': set TERM to a known type, e.g. TERM=xterm-256color."
            case .cannotDrawFullScreen(let term):
                return "The terminal of type '\(term)' cannot move its cursor, so it cannot show the full-screen dashboard; "
                    + "use a terminal that can (e.g. TERM=xterm-256color), or the commands `tandem list`, `tandem log` and `tandem status`."
            }
        }
    }

    /// Longest wait of one read, so a signal is noticed quickly.
    static let pollSliceMs = 100
    /// How long an Escape waits for the rest of a key sequence (Alt+key, arrows).
    static let escapeDelayMs: Int32 = 25
    /// How long the rest of a control sequence may take once "ESC [" has arrived (a paste's
    /// start marker split across reads by a slow link).
    static let controlSequenceDelayMs: Int32 = 100
    /// How long a paste may go quiet before what arrived is taken as the whole of it
    /// (a terminal that never sends the end marker must not swallow the keyboard).
    static let pasteSilenceMs = 2000

    private let window: UnsafeMutablePointer<WINDOW>
    private var isShutDown = false
    private let hasColors: Bool
    /// Colors the terminal can show (0 without color support): themes are reduced to fit.
    public let colorCount: Int
    private let maxPairs: Int
    /// Terminal colors for `.default`: -1 when the terminal's own defaults are usable.
    private let defaultFg: Int32
    private let defaultBg: Int32
    private var pairs: [ColorPairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var cursor: Position?
    private var cursorVisible = false
    private var paste = BracketedPaste()
    /// An event that arrived while a paste was being read, handed out next.
    private var pending: Event?

    private struct ColorPairKey: Hashable {
        let fg: Int32
        let bg: Int32
    }

    private static let restoreAtExit: Void = tandem_restore_terminal_at_exit()

    /// Takes over the terminal on stdin/stdout.
    /// - Throws: `Error.notATerminal` when not on a terminal, `Error.cannotOpenTerminal`
    ///   when ncurses does not know `TERM`.
    public init() throws {
        guard Self.isTerminal() else { throw Error.notATerminal }
        tandem_setlocale_from_environment()
        // The modes to give back if the process crashes, as they are before curses.
        tandem_save_terminal_modes()
        guard tandem_newterm() != nil else {
            throw Error.cannotOpenTerminal(term: String(cString: tandem_term_name()))
        }
        // A terminal without cursor addressing would get the frame as one long line: refuse,
        // giving the terminal back exactly as it was (nothing has been drawn yet).
        guard tandem_can_address_cursor() != 0 else {
            endwin()
            tandem_restore_saved_terminal_modes()
            throw Error.cannotDrawFullScreen(term: String(cString: tandem_term_name()))
        }
        window = tandem_stdscr()!
        Self.restoreAtExit
        tandem_install_terminate_handlers()
        tandem_install_crash_handlers()
        tandem_set_in_curses(1)

        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        _ = tandem_set_escape_delay(Self.escapeDelayMs)
        curs_set(0)
        Self.bindExtraKeys()
        tandem_write_string(BracketedPaste.enable)

        hasColors = has_colors()
        if hasColors {
            start_color()
            let usesDefaults = use_default_colors() == tandem_ok()
            defaultFg = usesDefaults ? -1 : 7
            defaultBg = usesDefaults ? -1 : 0
            colorCount = Int(tandem_colors())
            maxPairs = Int(tandem_color_pairs())
        } else {
            defaultFg = -1; defaultBg = -1; colorCount = 0; maxPairs = 0
        }
    }

    deinit { shutdown() }

    /// True when both stdin and stdout are terminals (the dashboard can run).
    public static func isTerminal() -> Bool { tandem_is_terminal() != 0 }

    /// Gives the terminal back (shows the cursor, leaves raw mode, turns bracketed paste
    /// off). Safe to call twice.
    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        // Without an alternate screen (vt100, linux) the last frame would stay, and the shell's
        // prompt would be written over its footer: clear it first, as the alternate screen would.
        if tandem_has_alternate_screen() == 0 {
            werase(window)
            wrefresh(window)
        }
        curs_set(1)
        leaveCurses()
    }

    /// Out of curses mode: the terminal's modes, the main screen, bracketed paste off.
    private func leaveCurses() {
        tandem_set_in_curses(0)
        endwin()
        tandem_write_string(BracketedPaste.disable)
    }

    /// Back into curses mode after `leaveCurses()`, repainting everything ncurses holds
    /// whatever the screen shows now.
    private func enterCurses() {
        tandem_write_string(BracketedPaste.enable)
        tandem_set_in_curses(1)
        clearok(tandem_curscr(), true)
        wrefresh(window)
    }

    public func size() -> (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        tandem_getmaxyx(window, &rows, &cols)
        return (Int(cols), Int(rows))
    }

    public func draw(_ changes: [(x: Int, y: Int, cell: Cell)]) {
        let (width, height) = size()
        for change in changes where !change.cell.isContinuation {
            guard change.x >= 0, change.y >= 0, change.x < width, change.y < height else { continue }
            var chars = Self.wideChars(of: change.cell.grapheme)
            let columns = DisplayWidth.of(change.cell.grapheme)
            let attrs = attributes(change.cell.style.attrs)
            let pair = colorPair(change.cell.style)
            // The bottom-right cell: an add would move the cursor past the end and scroll.
            let insert: Int32 = change.y == height - 1 && change.x + columns >= width ? 1 : 0
            _ = tandem_put(window, Int32(change.y), Int32(change.x), &chars, attrs, pair, insert)
            // ncurses sees a narrow character where the buffer expects two columns
            // (an emoji selector): blank the second one so nothing stale stays there.
            if columns == 2, tandem_wcwidth(chars[0]) == 1, change.x + 1 < width {
                var blank: [wchar_t] = [0x20, 0]
                let last: Int32 = change.y == height - 1 && change.x + 2 >= width ? 1 : 0
                _ = tandem_put(window, Int32(change.y), Int32(change.x + 1), &blank, attrs, pair, last)
            }
        }
    }

    public func clear() {
        wclear(window)
    }

    public func setCursor(_ position: Position?) {
        cursor = position
    }

    public func flush() {
        let wantsVisible = cursor != nil
        if wantsVisible != cursorVisible {
            curs_set(wantsVisible ? 1 : 0)
            cursorVisible = wantsVisible
        }
        if let cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        wnoutrefresh(window)
        doupdate()
    }

    public func nextEvent(timeoutMs: Int?) -> Event? {
        let clock = ContinuousClock()
        let deadline = timeoutMs.map { clock.now + .milliseconds(max(0, $0)) }
        if let event = pending {
            pending = nil
            return event
        }
        while true {
            let signal = tandem_pending_terminate_signal()
            if signal != 0 { return .terminate(signal: signal) }
            var slice = Self.pollSliceMs
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                let leftMs = Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
                slice = min(slice, max(0, leftMs))
            }
            if let event = readEvent(timeoutMs: slice) { return event }
            if let deadline, clock.now >= deadline {
                let signal = tandem_pending_terminate_signal()
                return signal != 0 ? .terminate(signal: signal) : nil
            }
        }
    }

    public func suspend() {
        leaveCurses()
        tandem_stop_process()
        // Back from `fg`.
        enterCurses()
    }

    public func releaseTerminal<T>(_ body: () throws -> T) rethrows -> T {
        guard !isShutDown else { return try body() }
        curs_set(1)
        leaveCurses()
        defer {
            enterCurses()
            curs_set(cursorVisible ? 1 : 0)
        }
        return try body()
    }

    /// One read of at most `timeoutMs`; nil on timeout, signal or an unknown key.
    private func readEvent(timeoutMs: Int) -> Event? {
        wtimeout(window, Int32(timeoutMs))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == tandem_err() { return nil }
        let isKeyCode = result == tandem_key_code_yes()
        if isKeyCode, Int32(code) == tandem_key_resize() {
            let (width, height) = size()
            return .resize(width: width, height: height)
        }
        if isKeyCode, Int32(code) == tandem_key_paste_start() { return readPaste() }
        if isKeyCode, Int32(code) == tandem_key_mouse() { return mouseEvent() }
        // An end marker without a start (the start was lost): nothing to type.
        if isKeyCode, Int32(code) == tandem_key_paste_end() { return nil }
        if !isKeyCode, code == 27 {
            // Escape alone, or the prefix of Alt+key.
            wtimeout(window, 0)
            var next: wint_t = 0
            let nextResult = wget_wch(window, &next)
            if nextResult == tandem_err() { return .key(.escape) }
            if nextResult != tandem_key_code_yes(), next == 0x5B {
                // "ESC [" starts a control sequence ncurses did not recognize: drop it
                // rather than type its bytes — unless it is a paste's start marker that
                // came in pieces too slow for ncurses to match.
                if readControlSequence() == "200~" { return readPaste() }
                return nil
            }
            guard let key = Self.decode(code: UInt32(next), isKeyCode: nextResult == tandem_key_code_yes()) else {
                return nil
            }
            return .key(.alt(key))
        }
        return Self.decode(code: UInt32(code), isKeyCode: isKeyCode).map { .key($0) }
    }

    /// The mouse event ncurses has after `KEY_MOUSE`; nil for buttons the app did not ask for.
    private func mouseEvent() -> Event? {
        var x: Int32 = 0, y: Int32 = 0
        let kind: MouseEvent.Kind
        switch tandem_get_mouse(&x, &y) {
        case 1: kind = .click
        case 2: kind = .doubleClick
        case 3: kind = .wheelUp
        case 4: kind = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }

    /// Clicks and the wheel are reported only after this (the config's `[mouse] enabled`);
    /// until then the terminal's own selection works as ever.
    public func setMouse(_ on: Bool) {
        guard !isShutDown else { return }
        tandem_set_mouse(on ? 1 : 0)
    }

    /// Reads what is left of an unknown control sequence, up to its final byte, and returns
    /// it (parameters and final byte) to be recognized or dropped.
    private func readControlSequence() -> String {
        var code: wint_t = 0
        var sequence = String.UnicodeScalarView()
        wtimeout(window, Self.controlSequenceDelayMs)
        while wget_wch(window, &code) != tandem_err() {
            if let scalar = Unicode.Scalar(UInt32(code)), sequence.count < 32 { sequence.append(scalar) }
            if (0x40...0x7E).contains(code) { break }
        }
        return String(sequence)
    }

    /// Reads a bracketed paste after its start marker, up to the end marker, as one event.
    /// Every character read is text (a Tab, a line break, an Escape); keys ncurses matched
    /// inside the paste (a copied arrow sequence) are dropped; a resize is kept for later.
    /// If the terminal goes quiet for `pasteSilenceMs`, what arrived is the paste.
    private func readPaste() -> Event {
        paste.begin()
        var quietMs = 0
        while true {
            wtimeout(window, Int32(Self.pollSliceMs))
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == tandem_err() {
                quietMs += Self.pollSliceMs
                if quietMs >= Self.pasteSilenceMs || tandem_pending_terminate_signal() != 0 {
                    return .paste(paste.finish())
                }
                continue
            }
            quietMs = 0
            if result == tandem_key_code_yes() {
                switch Int32(code) {
                case tandem_key_paste_end(): return .paste(paste.finish())
                case tandem_key_resize():
                    let (width, height) = size()
                    pending = .resize(width: width, height: height)
                case tandem_key_enter(): _ = paste.feed("\r")
                default: break
                }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(code)) else { continue }
            if let text = paste.feed(scalar) { return .paste(text) }
        }
    }

    private func attributes(_ attrs: Attributes) -> attr_t {
        var result = tandem_a_normal()
        if attrs.contains(.bold) { result |= tandem_a_bold() }
        if attrs.contains(.dim) { result |= tandem_a_dim() }
        if attrs.contains(.italic) { result |= tandem_a_italic() }
        if attrs.contains(.underline) { result |= tandem_a_underline() }
        if attrs.contains(.reverse) { result |= tandem_a_reverse() }
        return result
    }

    /// The color pair for a style's colors, allocated on first use; 0 when pairs run out.
    private func colorPair(_ style: Style) -> Int32 {
        guard hasColors else { return 0 }
        let fg = Self.colorNumber(style.fg, colors: colorCount).map(Int32.init) ?? defaultFg
        let bg = Self.colorNumber(style.bg, colors: colorCount).map(Int32.init) ?? defaultBg
        if fg == defaultFg, bg == defaultBg { return 0 }
        let key = ColorPairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < maxPairs, init_extended_pair(nextPair, fg, bg) == tandem_ok() else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return pairs[key]!
    }

    /// The grapheme as ncurses wants it: one printable base character, then at most
    /// three zero-width marks, NUL-terminated. Unprintable graphemes become "?".
    static func wideChars(of grapheme: String) -> [wchar_t] {
        let scalars = grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard let base = scalars.first else { return [0x20, 0] }
        guard tandem_wcwidth(base) > 0 else { return [0x3F, 0] }
        let marks = scalars.dropFirst().filter { tandem_wcwidth($0) == 0 }.prefix(3)
        return [base] + marks + [0]
    }

    /// Makes ncurses know the keys terminals send beyond their terminfo entry: Ctrl+ and
    /// Alt+arrows (the terminal's own sequences and the xterm ones tmux sends, with the codes
    /// `decode` knows), and the Home/End sequences of tmux, screen and rxvt.
    private static func bindExtraKeys() {
        let modifiedArrows: [(capability: String, xterm: String, code: Int32)] = [
            ("kLFT5", "\u{1b}[1;5D", tandem_key_ctrl_left()),
            ("kRIT5", "\u{1b}[1;5C", tandem_key_ctrl_right()),
            ("kLFT3", "\u{1b}[1;3D", tandem_key_alt_left()),
            ("kRIT3", "\u{1b}[1;3C", tandem_key_alt_right()),
        ]
        for binding in modifiedArrows {
            tandem_bind_sequence(binding.xterm, binding.code)
            tandem_bind_capability(binding.capability, binding.code)
        }
        let homeEnd: [(sequences: [String], code: Int32)] = [
            (["\u{1b}[1~", "\u{1b}[7~", "\u{1b}[H", "\u{1b}OH"], tandem_key_home()),
            (["\u{1b}[4~", "\u{1b}[8~", "\u{1b}[F", "\u{1b}OF"], tandem_key_end()),
        ]
        for binding in homeEnd {
            for sequence in binding.sequences { tandem_bind_sequence(sequence, binding.code) }
        }
        tandem_bind_sequence(BracketedPaste.startMarker, tandem_key_paste_start())
        tandem_bind_sequence(BracketedPaste.endMarker, tandem_key_paste_end())
    }
}
