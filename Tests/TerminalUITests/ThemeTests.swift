import Foundation
import Testing
@testable import TerminalUI

/// The repository's `themes/` folder.
let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes")

private func themeFile(_ name: String) throws -> String {
    try String(contentsOf: themesFolder.appendingPathComponent(name + ".theme"), encoding: .utf8)
}

@Suite struct ThemeTests {
    @Test func defaultFileIsTheBuiltinTheme() throws {
        let (theme, warnings) = Theme.parse(try themeFile("default"), name: "default", base: .monochrome)
        #expect(warnings == [])
        #expect(theme == .builtinDefault)
    }

    @Test func monoFileIsTheMonochromeTheme() throws {
        let (theme, warnings) = Theme.parse(try themeFile("mono"), name: "mono")
        #expect(warnings == [])
        #expect(theme == .monochrome)
    }

    @Test func shippedThemesParseCleanlyAndDefineEveryRole() throws {
        for name in ["light", "high-contrast"] {
            let (theme, warnings) = Theme.parse(try themeFile(name), name: name, base: .monochrome)
            #expect(warnings == [], "\(name)")
            #expect(theme.styles != Theme.builtinDefault.styles, "\(name)")
            // Parsed over another base, a complete file gives the same theme.
            #expect(theme == Theme.parse(try themeFile(name), name: name).theme, "\(name) is partial")
        }
    }

    @Test func builtinThemesDefineEveryRole() {
        for role in Role.allCases {
            #expect(Theme.builtinDefault.styles[role] != nil, "default lacks \(role)")
            let mono = Theme.monochrome.style(role)
            #expect(mono.fg == .default && mono.bg == .default, "monochrome colors \(role)")
        }
        #expect(Theme.builtinDefault.style(.background).bg == .default)
        #expect(Theme.monochrome.style(.selection) != Theme.monochrome.style(.text))
    }

    @Test func partialFileKeepsTheRestOfTheBase() {
        let (theme, warnings) = Theme.parse("theme[title]=\"#ff0000\"\n", name: "red")
        #expect(warnings == [])
        #expect(theme.name == "red")
        #expect(theme.style(.title) == Style(fg: .rgb(255, 0, 0), attrs: .bold))
        for role in Role.allCases where role != .title {
            #expect(theme.style(role) == Theme.builtinDefault.style(role))
        }
    }

    @Test func unknownRoleWarnsWithItsLine() {
        let text = "# a comment\n\ntheme[foo]=\"#000000\"\ntheme[ok]=\"#00ff00\"\n"
        let (theme, warnings) = Theme.parse(text, name: "t")
        #expect(warnings == ["line 3: unknown role \"foo\""])
        #expect(theme.style(.ok).fg == .rgb(0, 255, 0))
    }

    @Test func badColorWarnsWithTheExpectedForm() {
        for bad in ["red", "#12345", "#GGGGGG", "#+12345"] {
            let (theme, warnings) = Theme.parse("\ntheme[ok]=\"\(bad)\"", name: "t")
            #expect(warnings.count == 1)
            #expect(warnings.first?.hasPrefix("line 2: bad color \"\(bad)\"") == true)
            #expect(warnings.first?.contains("#RRGGBB") == true)
            #expect(theme.style(.ok) == Theme.builtinDefault.style(.ok))
        }
    }

    @Test func backgroundsAttributesAndEmptyValues() {
        let text = """
            theme[title]=""
            theme[status_bg]="#000000"
            theme[header_attr]="underline, italic"
            theme[key_attr]=""
            theme[ok]=#00FF00
            theme[warn_attr]="blink"
            nonsense
            """
        let (theme, warnings) = Theme.parse(text, name: "t")
        #expect(theme.style(.title).fg == .default)
        #expect(theme.style(.status).bg == .rgb(0, 0, 0))
        #expect(theme.style(.header).attrs == [.underline, .italic])
        #expect(theme.style(.key).attrs == [])
        #expect(theme.style(.ok).fg == .rgb(0, 255, 0))
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("line 6: unknown attribute \"blink\"") == true)
        #expect(warnings.last?.hasPrefix("line 7: expected theme[role]=") == true)
    }

    @Test func windowsLineEndingsAndSpacesAreFine() {
        let (theme, warnings) = Theme.parse("# c\r\n  theme[ok] = \"#010203\"  \r\n", name: "t")
        #expect(warnings == [])
        #expect(theme.style(.ok).fg == .rgb(1, 2, 3))
    }

    @Test func rolesDrawnOnAColoredScreenTakeItsBackground() {
        let (theme, _) = Theme.parse("theme[background_bg]=\"#101010\"", name: "t")
        #expect(theme.style(.text).bg == .rgb(16, 16, 16))
        #expect(theme.style(.selection).bg == Theme.builtinDefault.style(.selection).bg)
        #expect(theme.styles[.text]?.bg == .default)
    }
}

@Suite struct ThemeCatalogTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func findsThemesByNameInOrder() throws {
        let first = try folder(["ocean.theme": "theme[ok]=\"#000001\"", "notes.txt": "x"])
        let second = try folder(["ocean.theme": "theme[ok]=\"#000002\"", "forest.theme": ""])
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let catalog = ThemeCatalog(searchPaths: [first, second])
        #expect(catalog.names() == ["default", "forest", "ocean"])
        let (ocean, warnings) = try catalog.load("ocean")
        #expect(warnings == [])
        #expect(ocean.name == "ocean")
        #expect(ocean.style(.ok).fg == .rgb(0, 0, 1))
    }

    @Test func defaultAlwaysExists() throws {
        let catalog = ThemeCatalog(searchPaths: [])
        #expect(catalog.names() == ["default"])
        #expect(try catalog.load("default").0 == .builtinDefault)
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let dir = try folder(["ocean.theme": ""])
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: ThemeError.self) { try ThemeCatalog(searchPaths: [dir]).load("nope") }
        #expect(error?.message.contains("\"nope\"") == true)
        #expect(error?.message.contains("default, ocean") == true)
    }

    @Test func loadsAPathDirectlyAndNamesTheFileInWarnings() throws {
        let dir = try folder(["mine.theme": "theme[bogus]=\"\""])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("mine.theme").path
        let (theme, warnings) = try ThemeCatalog(searchPaths: []).load(path)
        #expect(theme.name == "mine")
        #expect(warnings == ["\(path): line 1: unknown role \"bogus\""])
        #expect(throws: ThemeError.self) { try ThemeCatalog(searchPaths: []).load(dir.appendingPathComponent("gone.theme").path) }
    }

    @Test func shippedThemesAreFound() throws {
        let catalog = ThemeCatalog(searchPaths: [themesFolder])
        #expect(catalog.names() == ["default", "high-contrast", "light", "mono"])
        #expect(try catalog.load("mono").0 == .monochrome)
    }
}

@Suite struct ColorTests {
    @Test func nearest256UsesTheCubeAndTheGrays() {
        #expect(Color.nearest256(r: 255, g: 0, b: 0) == 196)
        #expect(Color.nearest256(r: 0, g: 255, b: 0) == 46)
        #expect(Color.nearest256(r: 0, g: 0, b: 255) == 21)
        #expect(Color.nearest256(r: 0, g: 0, b: 0) == 16)
        #expect(Color.nearest256(r: 255, g: 255, b: 255) == 231)
        #expect(Color.nearest256(r: 128, g: 128, b: 128) == 244)
        #expect(Color.nearest256(r: 8, g: 8, b: 8) == 232)
        #expect(Color.nearest256(r: 238, g: 238, b: 238) == 255)
        #expect(Color.nearest256(r: 135, g: 175, b: 215) == 110)
    }

    @Test func reducesToWhatTheTerminalShows() {
        #expect(Color.rgb(255, 0, 0).reduced(toColors: 256) == .indexed(196))
        #expect(Color.rgb(255, 0, 0).reduced(toColors: 8) == .indexed(1))
        #expect(Color.rgb(255, 0, 0).reduced(toColors: 16) == .indexed(1))
        #expect(Color.rgb(250, 250, 250).reduced(toColors: 8) == .indexed(7))
        #expect(Color.rgb(40, 40, 40).reduced(toColors: 8) == .indexed(0))
        #expect(Color.indexed(196).reduced(toColors: 8) == .indexed(1))
        #expect(Color.indexed(9).reduced(toColors: 8) == .indexed(1))
        #expect(Color.indexed(9).reduced(toColors: 16) == .indexed(9))
        #expect(Color.indexed(100).reduced(toColors: 256) == .indexed(100))
        #expect(Color.rgb(255, 0, 0).reduced(toColors: 2) == .default)
        #expect(Color.default.reduced(toColors: 8) == .default)
    }

    @Test func reducedThemeHasNoRgbLeft() {
        let reduced = Theme.builtinDefault.reduced(toColors: 256)
        for style in reduced.styles.values {
            for color in [style.fg, style.bg] {
                if case .rgb = color { Issue.record("\(color) left in a 256-color theme") }
            }
        }
        #expect(reduced.style(.title).attrs == .bold)
    }
}
