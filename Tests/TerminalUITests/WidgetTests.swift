import Testing
@testable import TerminalUI

@Suite struct BlockTests {
    @Test func drawsBorderAndTitle() {
        var buffer = ScreenBuffer(width: 14, height: 4)
        let block = Block(title: "Panel", titleStyle: red, borderStyle: green)
        let area = Rect(x: 1, y: 0, width: 12, height: 3)
        block.render(into: &buffer, area: area)
        assertScreen(buffer, [
            " ╭─ Panel ──╮",
            " │          │",
            " ╰──────────╯",
            "",
        ])
        #expect(block.inner(area) == Rect(x: 2, y: 1, width: 10, height: 1))
        #expect(buffer[4, 0].style == red && buffer[1, 0].style == green)
    }

    @Test func cutsTheTitleAndKeepsTheCorners() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        Block(title: "Engagements", corners: .square).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["┌─ E… ─┐", "└──────┘"])
    }

    @Test func focusedBorderIsBold() {
        var buffer = ScreenBuffer(width: 4, height: 3)
        Block(borderStyle: green, focused: true).render(into: &buffer, area: buffer.area)
        assertStyle(buffer, Rect(x: 0, y: 0, width: 4, height: 1), green.bold())
    }

    @Test func tinyAreasDoNotCrash() {
        for (w, h) in [(0, 0), (1, 1), (1, 5), (5, 1), (2, 2)] {
            var buffer = ScreenBuffer(width: 5, height: 5)
            let block = Block(title: "Title")
            block.render(into: &buffer, area: Rect(x: 0, y: 0, width: w, height: h))
            #expect(block.inner(Rect(x: 0, y: 0, width: w, height: h)).isEmpty)
            if w == 2 { assertScreen(buffer, ["╭╮", "╰╯", "", "", ""]) }
            if w == 1 || h == 1 { assertScreen(buffer, ["", "", "", "", ""]) }
        }
    }
}

@Suite struct TableTests {
    private let columns = [TableColumn(title: "Name", width: .fill(1)), TableColumn(title: "Days", width: .fixed(4), align: .right)]
    private let rows: [[Span]] = [
        [Span("王小明"), Span("12")], [Span("Ann", style: red), Span("3")],
        [Span("👩‍💻 Lee"), Span("100")], [Span("Alexandra Smith"), Span("7")],
    ]

    @Test func drawsHeaderAlignedCellsAndSelection() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        Table(columns: columns, rows: rows, selected: 1, headerStyle: bold, selectedStyle: reverse)
            .render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "Name    Days",
            "王小明    12",
            "Ann        3",
        ])
        assertStyle(buffer, Rect(x: 0, y: 0, width: 12, height: 1), bold)
        assertStyle(buffer, Rect(x: 0, y: 2, width: 12, height: 1), reverse)
        #expect(buffer[0, 1].style == .plain)
        assertRowsFill(buffer)
    }

    @Test func scrollsAndCutsLongCells() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        Table(columns: columns, rows: rows, selected: nil, offset: 2).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "Name    Days",
            "👩‍💻 Lee   100",
            "Alexan…    7",
        ])
        assertRowsFill(buffer)
    }

    @Test func columnsStayAlignedAtEveryWidth() {
        for width in 0...14 {
            var buffer = ScreenBuffer(width: width, height: 5)
            Table(columns: columns, rows: rows, selected: 0).render(into: &buffer, area: buffer.area)
            assertRowsFill(buffer)
        }
        var short = ScreenBuffer(width: 12, height: 1)
        Table(columns: columns, rows: rows, offset: 10).render(into: &short, area: short.area)
        assertScreen(short, ["Name    Days"])
    }
}

@Suite struct ListViewTests {
    @Test func showsItemsFromTheOffsetWithSelection() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        let items: [Line] = [[Span("one")], [Span("two")], [Span("three and more")]]
        ListView(items: items, selected: 2, offset: 1, selectedStyle: reverse).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["two", "three…"])
        assertStyle(buffer, Rect(x: 0, y: 1, width: 6, height: 1), reverse)
        assertStyle(buffer, Rect(x: 0, y: 0, width: 6, height: 1), .plain)
    }
}

@Suite struct GaugeTests {
    @Test func drawsEighthsAndPercent() {
        var buffer = ScreenBuffer(width: 14, height: 1)
        Gauge(ratio: 0.55, width: 8, filledStyle: green, emptyStyle: red).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["████▍░░░ 55%"])
        assertStyle(buffer, Rect(x: 0, y: 0, width: 5, height: 1), green)
        assertStyle(buffer, Rect(x: 5, y: 0, width: 3, height: 1), red)
    }

    @Test func edgesOfTheRatio() {
        func text(_ gauge: Gauge) -> String { gauge.line.map(\.text).joined() }
        #expect(text(Gauge(ratio: 0.62, width: 8)) == "█████░░░ 62%")
        #expect(text(Gauge(ratio: nil, width: 8)) == "—")
        #expect(text(Gauge(ratio: .nan, width: 8)) == "—")
        #expect(text(Gauge(ratio: 1.2, width: 4)) == "████ 120%")
        #expect(text(Gauge(ratio: -0.5, width: 4, label: "")) == "░░░░")
        #expect(text(Gauge(ratio: 0.5, width: 0)) == "50%")
        #expect(text(Gauge(ratio: 0.5, width: 4, label: "2/4")) == "██░░ 2/4")
    }

    @Test func cutToANarrowArea() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        Gauge(ratio: 0.55, width: 8, filledStyle: green).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["████…"])
        var none = ScreenBuffer(width: 0, height: 0)
        Gauge(ratio: 0.5).render(into: &none, area: none.area)
    }
}

@Suite struct SparklineTests {
    @Test func scalesMinToMax() {
        #expect(Sparkline(values: [1, 2, 3, 4, 5, 6, 7, 8]).text(width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline(values: [1, 2, 3, 4, 5, 6, 7, 8]).text(width: 4) == "▁▃▆█")
        #expect(Sparkline(values: [0, .nan, 10]).text(width: 5) == "▁ █")
    }

    @Test func flatOrSingleValuesDrawMidBars() {
        #expect(Sparkline(values: [3]).text(width: 5) == "▄")
        #expect(Sparkline(values: [2, 2, 2]).text(width: 5) == "▄▄▄")
        #expect(Sparkline(values: []).text(width: 5) == "")
        #expect(Sparkline(values: [1, 2]).text(width: 0) == "")
    }

    @Test func noValuesDrawNothing() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        Sparkline(values: [], style: green, scale: 0...100).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [""])
        assertStyle(buffer, buffer.area, .plain)
        #expect(Sparkline(values: [], scale: 0...100).text(width: 10) == "")
    }

    @Test func aScaleKeepsASmallDropSmall() {
        // 71 → 70 on a 50–80 baseline–target span stays at the same height, not a fall to the floor.
        let drop = Sparkline(values: [50, 71, 70], scale: 50...80).text(width: 10)
        #expect(drop == "▁▆▆")
        // Without a scale the same drop spans the whole height.
        #expect(Sparkline(values: [71, 70]).text(width: 10) == "█▁")
        #expect(Sparkline(values: [71, 70], scale: 0...100).text(width: 10) == "▆▆")
        // Values outside the scale widen it; they never index past the bars.
        #expect(Sparkline(values: [-50, 150], scale: 0...100).text(width: 10) == "▁█")
        // A single value sits where the scale puts it.
        #expect(Sparkline(values: [100], scale: 0...100).text(width: 10) == "█")
        #expect(Sparkline(values: [0], scale: 0...100).text(width: 10) == "▁")
    }

    @Test func aMinimumSpanCentresASmallRange() {
        #expect(Sparkline(values: [71, 70], minimumSpan: 20).text(width: 10) == "▅▄", "one step, in the middle")
        #expect(Sparkline(values: [60, 80], minimumSpan: 10).text(width: 10) == "▁█", "a wide range is its own")
    }

    @Test func rendersInTheFirstRow() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        Sparkline(values: [0, 5, 10], style: green).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["▁▅█", ""])
        assertStyle(buffer, Rect(x: 0, y: 0, width: 3, height: 1), green)
    }
}

@Suite struct StatusAndFooterTests {
    @Test func statusLineFillsTheRowAndFitsTheRightText() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        StatusLine(text: "Saved.", right: "3 records", style: reverse).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["Saved.     3 records"])
        assertStyle(buffer, buffer.area, reverse)
        var narrow = ScreenBuffer(width: 10, height: 1)
        StatusLine(text: "Saved the engagement.", right: "3 records").render(into: &narrow, area: narrow.area)
        assertScreen(narrow, ["Saved the…"])
    }

    @Test func footerShowsTheWholeHintsThatFit() {
        let footer = KeyHintFooter(hints: [("q", "quit"), ("?", "help"), ("/", "filter")], keyStyle: bold, labelStyle: green)
        var buffer = ScreenBuffer(width: 20, height: 1)
        footer.render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["q quit  ? help"])
        #expect(buffer[0, 0].style == bold && buffer[8, 0].style == bold)
        assertStyle(buffer, Rect(x: 1, y: 0, width: 7, height: 1), green)
        #expect(footer.line(width: 24).map(\.text).joined() == "q quit  ? help  / filter")
        #expect(footer.line(width: 5).isEmpty)
    }
}

@Suite struct ModalAndParagraphTests {
    @Test func modalBlanksItsCentredArea() {
        var buffer = ScreenBuffer(width: 20, height: 7)
        buffer.fill(buffer.area, grapheme: "x")
        buffer.put("王王王王王王王王王王", x: 0, y: 3)
        let modal = Modal(title: "Help", lines: [[Span("a b")]], width: 10)
        #expect(modal.area(in: buffer.area) == Rect(x: 5, y: 2, width: 10, height: 3))
        modal.render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxx╭─ Help ─╮xxxxx",
            "王王 │a b     │ 王王",
            "xxxxx╰────────╯xxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
        assertRowsFill(buffer)
    }

    @Test func modalShrinksToTheScreen() {
        let modal = Modal(title: "Big", lines: [], width: 50, height: 30)
        #expect(modal.area(in: Rect(x: 0, y: 0, width: 20, height: 7)) == Rect(x: 0, y: 0, width: 20, height: 7))
        var tiny = ScreenBuffer(width: 1, height: 1)
        modal.render(into: &tiny, area: tiny.area)
        assertScreen(tiny, [""])
    }

    @Test func paragraphWrapsAtSpacesOrMidWord() {
        func rows(_ text: String, _ width: Int) -> [String] {
            Paragraph(lines: [[Span(text)]], wrap: true).rows(width: width).map { $0.map(\.text).joined() }
        }
        #expect(rows("the quick brown fox", 10) == ["the quick", "brown fox"])
        #expect(rows("abcdefghijkl", 5) == ["abcde", "fghij", "kl"])
        #expect(rows("王小明王小明", 5) == ["王小", "明王", "小明"])
        #expect(rows("ab", 0) == [])
    }

    @Test func wrappingKeepsStyles() {
        let rows = Paragraph(lines: [[Span("ab ", style: red), Span("cd", style: green)]], wrap: true).rows(width: 3)
        #expect(rows == [[Span("ab", style: red)], [Span("cd", style: green)]])
    }

    @Test func paragraphScrollsAndCuts() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        Paragraph(lines: [[Span("the quick brown fox")]], offset: 1, wrap: true).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["brown fox"])
        var cut = ScreenBuffer(width: 10, height: 2)
        Paragraph(lines: [[Span("the quick brown fox")], [Span("end")]]).render(into: &cut, area: cut.area)
        assertScreen(cut, ["the quick…", "end"])
    }
}
