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
