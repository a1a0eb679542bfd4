import Foundation
import Testing
@testable import TerminalUI

/// What a selected row does to the colors and underlines of its cells, in the kit's `Table`
/// and in the shipped themes.
@Suite struct SelectionColorTests {
    let red = Color.rgb(255, 0, 0), green = Color.rgb(0, 255, 0), white = Color.rgb(255, 255, 255)
    let yellowBar = Style(fg: .rgb(0, 0, 0), bg: .rgb(255, 255, 0), attrs: .bold)

    @Test func contrastRatiosFollowWCAG() {
        #expect(Color.rgb(0, 0, 0).contrast(with: white) == 21)
        #expect(red.contrast(with: red) == 1)
        #expect(Color.indexed(15).contrast(with: white) == 1)
        #expect(Color.default.contrast(with: white) == nil)
        let redOnYellow = try! #require(red.contrast(with: .rgb(255, 255, 0)))
        #expect(redOnYellow > 3.5 && redOnYellow < 4)
    }

    @Test func aFocusedSelectionKeepsASemanticColorThatStaysReadable() {
        let keptRed = Table.selectionStyle(yellowBar, over: Style(fg: red, attrs: .bold), colors: .keepWhereUnset, plain: white)
        #expect(keptRed.fg == red)
        #expect(keptRed.bg == yellowBar.bg)
        // Green on yellow would vanish, and plain text takes the bar's own color.
        #expect(Table.selectionStyle(yellowBar, over: Style(fg: green), colors: .keepWhereUnset, plain: white).fg == yellowBar.fg)
        #expect(Table.selectionStyle(yellowBar, over: Style(fg: white), colors: .keepWhereUnset, plain: white).fg == yellowBar.fg)
        // A bar without a color of its own (monochrome reverse) keeps every cell's color.
        #expect(Table.selectionStyle(Style(attrs: .reverse), over: Style(fg: green), colors: .keepWhereUnset).fg == green)
        #expect(Table.selectionStyle(yellowBar, over: Style(fg: red), colors: .replace).fg == yellowBar.fg)
    }

    @Test func anInactiveSelectionKeepsOnlyReadableColors() {
        let silver = Style(fg: .rgb(0, 0, 0), bg: .rgb(192, 192, 192))
        #expect(Table.selectionStyle(silver, over: Style(fg: white), colors: .keep).fg == silver.fg)
        #expect(Table.selectionStyle(silver, over: Style(fg: .rgb(0, 0, 160)), colors: .keep).fg == .rgb(0, 0, 160))
        // Against the terminal's own background nothing can be measured: the cell's color stays.
        #expect(Table.selectionStyle(Style(attrs: .underline), over: Style(fg: red), colors: .keep).fg == red)
    }

    @Test func theTableDrawsTheSemanticColorUnderTheSelection() {
        let columns = [TableColumn(title: "Who", width: .fixed(5)), TableColumn(title: "Due", width: .fixed(4), align: .right)]
        let table = Table(columns: columns, count: 2, cells: { i, _ in
            [[Span(i == 0 ? "Ann" : "Bo", style: Style(fg: white))], [Span("late", style: Style(fg: i == 0 ? red : green))]]
        }, selected: 0, selectedStyle: yellowBar, selectionColors: .keepWhereUnset, plain: white)
        var buffer = ScreenBuffer(width: 10, height: 3)
        table.render(into: &buffer, area: buffer.area)
        #expect(buffer.text.components(separatedBy: "\n").prefix(2) == ["Who    Due", "Ann   late"])
        #expect(buffer[0, 1].style.fg == yellowBar.fg)
        #expect(buffer[6, 1].style.fg == red)
        #expect(buffer[6, 1].style.bg == yellowBar.bg)
        #expect(buffer[6, 2].style.fg == green, "an unselected row keeps its color")
    }

    @Test func anUnderlinedSelectionOrHeaderStopsAtTheGapsBetweenColumns() {
        let columns = [TableColumn(title: "Who", width: .fixed(4)), TableColumn(title: "Due", width: .fixed(3)),
                       TableColumn(title: "Ok", width: .fill(1))]
        let underline = Style(attrs: .underline)
        let header = Style(attrs: [.bold, .underline])
        let table = Table(columns: columns, count: 2, cells: { _, _ in [[Span("Ann")], [Span("3d")], [Span("✓")]] },
                          selected: 1, headerStyle: header, selectedStyle: underline, selectionColors: .keep, spacing: 2)
        var buffer = ScreenBuffer(width: 13, height: 3)
        table.render(into: &buffer, area: buffer.area)
        for y in [0, 2] {
            let marked = (0..<13).map { buffer[$0, y].style.attrs.contains(.underline) ? "_" : " " }.joined()
            #expect(marked == "____  ___  __", "row \(y)")
        }
        #expect(buffer[4, 0].style.attrs.contains(.bold), "the gap keeps the header's other attributes")
        #expect(!buffer[4, 1].style.attrs.contains(.underline))
    }

    @Test func anUntitledColumnHasNoUnderlineInTheHeader() {
        let columns = [TableColumn(title: "", width: .fixed(2)), TableColumn(title: "Who", width: .fill(1))]
        let table = Table(columns: columns, count: 1, cells: { _, _ in [[Span("⚑")], [Span("Ann")]] },
                          headerStyle: Style(attrs: [.bold, .underline]))
        var buffer = ScreenBuffer(width: 8, height: 2)
        table.render(into: &buffer, area: buffer.area)
        let marked = (0..<8).map { buffer[$0, 0].style.attrs.contains(.underline) ? "_" : " " }.joined()
        #expect(marked == "   _____")
    }

    /// Every shipped theme: under the focused and the inactive selection, as the dashboard
    /// draws them, each text role's cells stay readable on the bar.
    @Test func everyShippedThemeKeepsSelectedCellsReadable() throws {
        let catalog = ThemeCatalog(searchPaths: [themesFolder])
        let roles: [Role] = [.text, .muted, .ok, .warn, .danger, .info, .coaching, .mentoring, .spark, .gauge, .gaugeEmpty]
        for name in catalog.names() {
            for colors in [256, 16777216] {
                let theme = try catalog.load(name).0.reduced(toColors: colors)
                for (bar, rule) in [(Role.selection, Table.SelectionColors.keepWhereUnset), (.selectionInactive, .keep)] {
                    let selected = theme.style(bar)
                    // What is late still shows on a bar that is not focused.
                    let danger = theme.style(.danger)
                    if bar == .selectionInactive, danger.fg != .default {
                        let s = Table.selectionStyle(selected, over: danger, colors: rule, plain: theme.style(.text).fg)
                        #expect(s.fg == danger.fg, "\(name) (\(colors) colors): danger loses its color under \(bar)")
                    }
                    for role in roles {
                        let s = Table.selectionStyle(selected, over: theme.style(role), colors: rule, plain: theme.style(.text).fg)
                        guard let ratio = s.fg.contrast(with: s.bg) else { continue }
                        #expect(ratio >= Table.minimumContrast,
                                "\(name) (\(colors) colors): \(role) under \(bar) has contrast \(String(format: "%.2f", ratio))")
                    }
                }
            }
        }
    }
}
