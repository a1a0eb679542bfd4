import Testing
import TerminalUI
@testable import NcursesBackend

/// ncurses key codes from `<ncursesw/curses.h>`, written out so the shim's wrappers are checked too.
private enum Curses {
    static let down: UInt32 = 0o402, up: UInt32 = 0o403, left: UInt32 = 0o404, right: UInt32 = 0o405
    static let home: UInt32 = 0o406, backspace: UInt32 = 0o407, f0: UInt32 = 0o410
    static let dc: UInt32 = 0o512, npage: UInt32 = 0o522, ppage: UInt32 = 0o523
    static let enter: UInt32 = 0o527, btab: UInt32 = 0o541, end: UInt32 = 0o550, resize: UInt32 = 0o632
    static let ctrlLeft: UInt32 = 0o777 + 0x1000, ctrlRight: UInt32 = 0o777 + 0x1001
    static let altLeft: UInt32 = 0o777 + 0x1002, altRight: UInt32 = 0o777 + 0x1003
}

@Suite("NcursesBackend.decode")
struct KeyDecodeTests {
    private func char(_ code: UInt32) -> Key? { NcursesBackend.decode(code: code, isKeyCode: false) }
    private func keyCode(_ code: UInt32) -> Key? { NcursesBackend.decode(code: code, isKeyCode: true) }

    @Test func printableCharactersIncludingWideAndAccented() {
        #expect(char(0x61) == .char("a"))
        #expect(char(0x20) == .char(" "))
        #expect(char(0x7E) == .char("~"))
        #expect(char(0xE9) == .char("é"))
        #expect(char(0x738B) == .char("王"))
        #expect(char(0x1F600) == .char("😀"))
    }

    @Test func controlLettersBecomeCtrlExceptTabEnterBackspace() {
        #expect(char(1) == .ctrl("a"))
        #expect(char(3) == .ctrl("c"))
        #expect(char(17) == .ctrl("q"))
        #expect(char(18) == .ctrl("r"))
        #expect(char(19) == .ctrl("s"))
        #expect(char(26) == .ctrl("z"))
        #expect(char(9) == .tab)
        #expect(char(13) == .enter)
        #expect(char(10) == .enter)
        #expect(char(8) == .backspace)
        #expect(char(127) == .backspace)
        #expect(char(27) == .escape)
    }

    @Test func otherControlCodesAndInvalidScalarsAreIgnored() {
        #expect(char(0) == nil)
        #expect(char(28) == nil)
        #expect(char(31) == nil)
        #expect(char(0x85) == nil)
        #expect(char(0xD800) == nil)
        #expect(char(0x110000) == nil)
    }

    @Test func keyCodesOfNavigationKeys() {
        #expect(keyCode(Curses.up) == .up)
        #expect(keyCode(Curses.down) == .down)
        #expect(keyCode(Curses.left) == .left)
        #expect(keyCode(Curses.right) == .right)
        #expect(keyCode(Curses.home) == .home)
        #expect(keyCode(Curses.end) == .end)
        #expect(keyCode(Curses.ppage) == .pageUp)
        #expect(keyCode(Curses.npage) == .pageDown)
        #expect(keyCode(Curses.dc) == .delete)
        #expect(keyCode(Curses.backspace) == .backspace)
        #expect(keyCode(Curses.enter) == .enter)
        #expect(keyCode(Curses.btab) == .backTab)
    }

    @Test func modifiedArrows() {
        #expect(keyCode(Curses.ctrlLeft) == .ctrlLeft)
        #expect(keyCode(Curses.ctrlRight) == .ctrlRight)
        #expect(keyCode(Curses.altLeft) == .alt(.left))
        #expect(keyCode(Curses.altRight) == .alt(.right))
    }

    @Test func functionKeysOneToSixtyThree() {
        #expect(keyCode(Curses.f0 + 1) == .function(1))
        #expect(keyCode(Curses.f0 + 12) == .function(12))
        #expect(keyCode(Curses.f0 + 63) == .function(63))
        #expect(keyCode(Curses.f0) == nil)
        #expect(keyCode(Curses.f0 + 64) == nil)
    }

    @Test func aKeyCodeIsNotReadAsACharacter() {
        // The same number means different things with and without KEY_CODE_YES.
        #expect(keyCode(0x61) == nil)
        #expect(char(Curses.up) == .char("ă"))
        #expect(keyCode(Curses.resize) == nil)
    }
}

@Suite("NcursesBackend color reduction")
struct ColorReductionTests {
    @Test func defaultStaysTheTerminalDefault() {
        #expect(NcursesBackend.colorNumber(.default, colors: 256) == nil)
        #expect(NcursesBackend.colorNumber(.default, colors: 8) == nil)
    }

    @Test func indexedColorsPassWhenTheTerminalHasThem() {
        #expect(NcursesBackend.colorNumber(.indexed(0), colors: 256) == 0)
        #expect(NcursesBackend.colorNumber(.indexed(196), colors: 256) == 196)
        #expect(NcursesBackend.colorNumber(.indexed(255), colors: 256) == 255)
        #expect(NcursesBackend.colorNumber(.indexed(9), colors: 16) == 9)
    }

    @Test func indexedColorsReduceToEightBelow256() {
        #expect(NcursesBackend.colorNumber(.indexed(9), colors: 8) == 1)   // bright red → red
        #expect(NcursesBackend.colorNumber(.indexed(15), colors: 8) == 7)  // bright white → white
        #expect(NcursesBackend.colorNumber(.indexed(196), colors: 8) == 1) // cube red (255,0,0)
        #expect(NcursesBackend.colorNumber(.indexed(21), colors: 16) == 4) // cube blue (0,0,255)
        #expect(NcursesBackend.colorNumber(.indexed(232), colors: 8) == 0) // darkest gray
        #expect(NcursesBackend.colorNumber(.indexed(255), colors: 8) == 7) // lightest gray
    }

    @Test func rgbGoesToTheNearestCubeOrGrayEntry() {
        #expect(NcursesBackend.colorNumber(.rgb(0, 0, 0), colors: 256) == 16)
        #expect(NcursesBackend.colorNumber(.rgb(255, 255, 255), colors: 256) == 231)
        #expect(NcursesBackend.colorNumber(.rgb(255, 0, 0), colors: 256) == 196)
        #expect(NcursesBackend.colorNumber(.rgb(95, 135, 175), colors: 256) == 67)
        #expect(NcursesBackend.colorNumber(.rgb(100, 130, 180), colors: 256) == 67)
        // Mid grays sit between cube steps: the gray ramp is nearer.
        #expect(NcursesBackend.colorNumber(.rgb(128, 128, 128), colors: 256) == 244)
        #expect(NcursesBackend.colorNumber(.rgb(8, 8, 8), colors: 256) == 232)
        #expect(NcursesBackend.colorNumber(.rgb(238, 238, 238), colors: 256) == 255)
    }

    @Test func rgbGoesToTheEightBasicColorsBelow256() {
        #expect(NcursesBackend.colorNumber(.rgb(255, 0, 0), colors: 8) == 1)
        #expect(NcursesBackend.colorNumber(.rgb(0, 200, 0), colors: 16) == 2)
        #expect(NcursesBackend.colorNumber(.rgb(200, 200, 0), colors: 8) == 3)
        #expect(NcursesBackend.colorNumber(.rgb(20, 30, 240), colors: 8) == 4)
        #expect(NcursesBackend.colorNumber(.rgb(127, 127, 127), colors: 8) == 0)
        #expect(NcursesBackend.colorNumber(.rgb(128, 128, 128), colors: 8) == 7)
    }
}
