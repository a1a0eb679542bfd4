import Testing
@testable import TerminalUI

@Suite("8-color reduction keeps a theme's meaning")
struct ColorReductionHueTests {
    @Test(arguments: [
        ("#f38ba8", 1), // soft pink (danger) stays red
        ("#f9e2af", 3), // pastel yellow (warn) stays yellow
        ("#a6e3a1", 2), // pastel green (ok) stays green
        ("#94e2d5", 6), // teal stays cyan
        ("#89b4fa", 4), // soft blue stays blue
        ("#cba6f7", 5), // lavender stays magenta
        ("#cdd6f4", 7), // near-white text is white
        ("#1e1e2e", 0), // a dark background is black
        ("#6c7086", 7), // a mid gray reads as white, not as a hue
        ("#ff0000", 1), ("#00ff00", 2), ("#0000ff", 4), ("#000000", 0), ("#ffffff", 7),
    ])
    func basicColorByHue(_ hex: String, _ expected: Int) throws {
        let color = try #require(Color(hex: hex))
        #expect(color.reduced(toColors: 8) == .indexed(UInt8(expected)), "\(hex)")
    }
}

@Suite("8-color themes stay legible")
struct ThemeContrastTests {
    @Test func textOnAColoredBackgroundIsChosenForContrast() {
        let theme = Theme(name: "t", styles: [
            .selection: Style(fg: .rgb(0x1e, 0x1e, 0x2e), bg: .rgb(0x89, 0xb4, 0xfa)),   // dark on soft blue
            .warn: Style(fg: .rgb(0xff, 0xff, 0xff), bg: .rgb(0xf9, 0xe2, 0xaf)),        // white on pastel yellow
            .text: Style(fg: .rgb(0xcd, 0xd6, 0xf4)),                                     // no background: kept
        ])
        let eight = theme.reduced(toColors: 8)
        #expect(eight.styles[.selection] == Style(fg: .indexed(7), bg: .indexed(4)))
        #expect(eight.styles[.warn] == Style(fg: .indexed(0), bg: .indexed(3)))
        #expect(eight.styles[.text] == Style(fg: .indexed(7)))
        // With 256 colors the theme's own pair is kept.
        #expect(theme.reduced(toColors: 256).styles[.selection]?.fg == .indexed(Color.nearest256(r: 0x1e, g: 0x1e, b: 0x2e)))
    }
}
