import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    private func widths(_ constraints: [Constraint], _ width: Int, spacing: Int = 0) -> [Int] {
        Rect(x: 0, y: 0, width: width, height: 1).split(.horizontal, constraints, spacing: spacing).map(\.width)
    }

    @Test func fixedFirstThenFillTakesTheRest() {
        let parts = Rect(x: 2, y: 1, width: 10, height: 3).split(.horizontal, [.fixed(3), .fill(1)])
        #expect(parts == [Rect(x: 2, y: 1, width: 3, height: 3), Rect(x: 5, y: 1, width: 7, height: 3)])
    }

    @Test func fillsShareByWeightAndAddUpExactly() {
        #expect(widths([.fill(1), .fill(2)], 10) == [3, 7])
        #expect(widths([.fill(1), .fill(1)], 7) == [3, 4])
        #expect(widths([.fill(1), .fill(1), .fill(1)], 1) == [0, 0, 1])
        #expect(widths([.fill(1), .fill(1)], 0) == [0, 0])
    }

    @Test func percentsOfTheTotal() {
        #expect(widths([.percent(50), .fill(1)], 10) == [5, 5])
        #expect(widths([.percent(30), .fixed(2), .fill(1)], 11) == [3, 2, 6])
        // Nothing fills: the last part takes the rounding leftover.
        #expect(widths([.percent(33), .percent(33), .percent(33)], 10) == [3, 3, 4])
        #expect(widths([.percent(150)], 10) == [10])
    }

    @Test func minGrowsOnlyWhenNothingFills() {
        #expect(widths([.min(3), .fixed(2)], 10) == [8, 2])
        #expect(widths([.min(3), .fill(1)], 10) == [3, 7])
        #expect(widths([.min(3), .min(3)], 9) == [4, 5])
    }

    @Test func tooLittleRoomNeverGoesNegative() {
        #expect(widths([.fixed(5), .fixed(5)], 7) == [5, 2])
        #expect(widths([.fixed(5), .min(4), .fill(1)], 3) == [3, 0, 0])
        #expect(widths([.fixed(-3), .fill(1)], 4) == [0, 4])
        #expect(widths([.fixed(5), .fixed(5)], 0) == [0, 0])
        #expect(widths([], 10) == [])
    }

    @Test func spacingSitsBetweenParts() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(.horizontal, [.fill(1), .fill(1)], spacing: 2)
        #expect(parts.map(\.x) == [0, 6])
        #expect(parts.map(\.width) == [4, 4])
        // Gaps wider than the rect: empty parts, none outside it.
        let squeezed = Rect(x: 0, y: 0, width: 3, height: 1).split(.horizontal, [.fill(1), .fill(1), .fill(1)], spacing: 2)
        #expect(squeezed.allSatisfy { $0.width == 0 && $0.x >= 0 && $0.x <= 3 })
    }

    @Test func verticalSplitStacksRows() {
        let parts = Rect(x: 2, y: 1, width: 4, height: 5).split(.vertical, [.fixed(1), .fill(1), .fixed(1)])
        #expect(parts.map(\.y) == [1, 2, 5])
        #expect(parts.map(\.height) == [1, 3, 1])
        #expect(parts.allSatisfy { $0.x == 2 && $0.width == 4 })
    }

    @Test func partsTileTheRectAtEverySize() {
        let lists: [[Constraint]] = [
            [.fixed(3), .fill(1), .percent(25)], [.min(2), .fill(2), .fill(1)], [.percent(40), .percent(60)],
            [.fixed(1)], [.min(5), .min(5), .fixed(5)],
        ]
        for constraints in lists {
            for width in 0...13 {
                for spacing in 0...1 {
                    let parts = Rect(x: 4, y: 0, width: width, height: 1).split(.horizontal, constraints, spacing: spacing)
                    #expect(parts.count == constraints.count)
                    #expect(parts.allSatisfy { $0.width >= 0 && $0.x >= 4 && $0.right <= 4 + width })
                    let gaps = spacing * (constraints.count - 1)
                    if width >= gaps {
                        #expect(parts.reduce(0) { $0 + $1.width } + gaps == width, "\(constraints) at \(width)")
                        #expect(parts.last?.right == 4 + width)
                    }
                    for (a, b) in zip(parts, parts.dropFirst()) { #expect(b.x >= a.right) }
                }
            }
        }
    }
}
