import Testing
@testable import TerminalUI

@Suite struct BarChartTests {
    let hours = [BarChart.Bar("Oct", 7.5, text: "7.5 h", style: red), BarChart.Bar("Nov", 2, text: "2 h", style: red),
                 BarChart.Bar("Dec", 0, text: "0 h", style: red)]

    @Test func barsAreScaledToTheLargestInEighths() {
        // 20 columns: label 3 + space, value 5 + space, 10 for the bar. Nov is 2/7.5 of 80
        // eighths = 21: two full cells and five eighths.
        var buffer = ScreenBuffer(width: 20, height: 3)
        BarChart(bars: hours, labelStyle: green, valueStyle: bold).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "Oct ██████████ 7.5 h",
            "Nov ██▋          2 h",
            "Dec              0 h",
        ])
        assertStyle(buffer, Rect(x: 4, y: 0, width: 10, height: 1), red)
        assertStyle(buffer, Rect(x: 0, y: 1, width: 4, height: 1), green)
        assertStyle(buffer, Rect(x: 14, y: 0, width: 6, height: 1), bold)
    }

    @Test func asciiBarsRoundToWholeCells() {
        var buffer = ScreenBuffer(width: 20, height: 3)
        BarChart(bars: hours, glyphs: .ascii).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "Oct ########## 7.5 h",
            "Nov ###          2 h",
            "Dec              0 h",
        ])
    }

    @Test func narrowChartsCutTheValueNotTheBars() {
        // 10 columns: the value gets a third (3), the bar 2.
        var buffer = ScreenBuffer(width: 10, height: 2)
        BarChart(bars: hours).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["Oct ██ 7.…", "Nov ▌  2 h"])
        var zero = ScreenBuffer(width: 0, height: 2)
        BarChart(bars: hours).render(into: &zero, area: zero.area)
        #expect(BarChart(bars: hours).lines(width: 0).isEmpty)
    }

    @Test func emptySingleAndFlatSeries() {
        var empty = ScreenBuffer(width: 12, height: 2)
        BarChart(bars: [], labelStyle: green, empty: "no hours").render(into: &empty, area: empty.area)
        assertScreen(empty, ["no hours", ""])
        #expect(empty[0, 0].style == green)
        var single = ScreenBuffer(width: 10, height: 1)
        BarChart(bars: [BarChart.Bar("Oct", 3)]).render(into: &single, area: single.area)
        assertScreen(single, ["Oct ████ 3"])
        // Equal values are equal full bars; a tiny value still shows its smallest mark.
        var flat = ScreenBuffer(width: 10, height: 3)
        BarChart(bars: [BarChart.Bar("a", 2), BarChart.Bar("b", 2), BarChart.Bar("c", 0.001)]).render(into: &flat, area: flat.area)
        assertScreen(flat, ["a ██████ 2", "b ██████ 2", "c ▏      0"])
    }

    @Test func aScaleFixesWhatAFullBarMeans() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        BarChart(bars: [BarChart.Bar("x", 1, text: "1/2")], scale: 2).render(into: &buffer, area: buffer.area)
        // 12 − 1 − 1 − 3 − 1 = 6 columns; half is 3.
        assertScreen(buffer, ["x ███    1/2"])
    }

    @Test func glyphsFollowTheLocale() {
        #expect(ChartGlyphs.forLocale(["LANG": "en_GB.UTF-8"]) == .unicode)
        #expect(ChartGlyphs.forLocale(["LC_ALL": "C", "LANG": "en_GB.UTF-8"]) == .ascii)
        #expect(ChartGlyphs.forLocale([:]) == .ascii)
    }
}

@Suite struct LineChartTests {
    @Test func brailleLineWithItsScale() {
        // 12×3: the axis takes 2 columns ("5┤"), the plot 10 columns = 20×12 dots.
        var buffer = ScreenBuffer(width: 12, height: 3)
        LineChart(values: [1, 3, 2, 5], style: red, axisStyle: green).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "5┤        ⢀⠎",
            " ┤  ⡠⠒⠤⣀ ⡰⠁ ",
            "1┤⡠⠊    ⠉   ",
        ])
        assertStyle(buffer, Rect(x: 0, y: 0, width: 2, height: 3), green)
        assertStyle(buffer, Rect(x: 2, y: 0, width: 10, height: 3), red)
    }

    @Test func asciiMarksPointsAndTheWayBetween() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        LineChart(values: [1, 3, 2, 5], glyphs: .ascii).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "5|        .*",
            " |  .*..*.  ",
            "1|*.        ",
        ])
    }

    @Test func taller20x4() {
        var buffer = ScreenBuffer(width: 20, height: 4)
        LineChart(values: [1, 3, 2, 5], glyphs: .ascii).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, [
            "5|                .*",
            " |     .*..    ...  ",
            " |  ...    ..*.     ",
            "1|*.                ",
        ])
    }

    @Test func flatSeriesIsALineAcrossTheMiddleLabelledOnce() {
        var braille = ScreenBuffer(width: 12, height: 3)
        LineChart(values: [2, 2, 2]).render(into: &braille, area: braille.area)
        assertScreen(braille, [" ┤", "2┤⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒", " ┤"])
        var ascii = ScreenBuffer(width: 12, height: 3)
        LineChart(values: [2, 2, 2], glyphs: .ascii).render(into: &ascii, area: ascii.area)
        assertScreen(ascii, [" |", "2|*....*...*", " |"])
    }

    @Test func singlePointSitsInTheMiddle() {
        var braille = ScreenBuffer(width: 12, height: 3)
        LineChart(values: [3]).render(into: &braille, area: braille.area)
        assertScreen(braille, [" ┤", "3┤     ⠂", " ┤"])
        var ascii = ScreenBuffer(width: 20, height: 4)
        LineChart(values: [3], glyphs: .ascii).render(into: &ascii, area: ascii.area)
        assertScreen(ascii, [" |", "3|         *", " |", " |"])
    }

    @Test func emptyAndGaps() {
        var empty = ScreenBuffer(width: 12, height: 2)
        LineChart(values: [nil, nil], axisStyle: green, empty: "no pulse").render(into: &empty, area: empty.area)
        assertScreen(empty, ["no pulse", ""])
        #expect(empty[0, 0].style == green)
        // A missing month breaks the line.
        var gap = ScreenBuffer(width: 7, height: 3)
        LineChart(values: [1, nil, 3], glyphs: .ascii, showAxis: false).render(into: &gap, area: gap.area)
        assertScreen(gap, ["      *", "", "*"])
        #expect(LineChart(values: [1, 2]).lines(width: 0, height: 3).isEmpty)
        var tiny = ScreenBuffer(width: 1, height: 1)
        LineChart(values: [1, 2]).render(into: &tiny, area: tiny.area)
    }

    @Test func aFixedRangeClampsValues() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        LineChart(values: [0, 9], range: 1...5, glyphs: .ascii, showAxis: false).render(into: &buffer, area: buffer.area)
        assertScreen(buffer, ["   ..*", "*.."])
    }
}
