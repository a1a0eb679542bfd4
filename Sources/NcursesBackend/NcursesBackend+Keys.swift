import CNcursesw
import TerminalUI

extension NcursesBackend {
    /// The key for one code read by `wget_wch`: a character (`isKeyCode` false) or an
    /// ncurses key code (`isKeyCode` true). Nil for codes the app has no use for.
    ///
    /// Escape (27) decodes to `.escape`; the reader turns Escape followed by a key into
    /// `.alt(key)` itself, since that takes a second read.
    public static func decode(code: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? decodeKeyCode(Int32(truncatingIfNeeded: code)) : decodeCharacter(code)
    }

    private static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 128..<160: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case tandem_key_up(): return .up
        case tandem_key_down(): return .down
        case tandem_key_left(): return .left
        case tandem_key_right(): return .right
        case tandem_key_home(): return .home
        case tandem_key_end(): return .end
        case tandem_key_ppage(): return .pageUp
        case tandem_key_npage(): return .pageDown
        case tandem_key_dc(): return .delete
        case tandem_key_backspace(): return .backspace
        case tandem_key_enter(): return .enter
        case tandem_key_btab(): return .backTab
        case tandem_key_ctrl_left(): return .ctrlLeft
        case tandem_key_ctrl_right(): return .ctrlRight
        case tandem_key_alt_left(): return .alt(.left)
        case tandem_key_alt_right(): return .alt(.right)
        case tandem_key_f(1)...tandem_key_f(63): return .function(Int(code - tandem_key_f(0)))
        default: return nil
        }
    }
}
