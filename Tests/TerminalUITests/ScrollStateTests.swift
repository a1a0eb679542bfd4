import Testing
@testable import TerminalUI

@Suite struct ScrollStateTests {
    @Test func emptyListSelectsNothing() {
        var state = ScrollState(selected: 3, offset: 2)
        state.move(by: 1, count: 0)
        #expect(state == ScrollState(selected: nil, offset: 0))
        state.end(count: 0)
        state.pageDown(height: 5, count: 0)
        #expect(state.selected == nil)
    }

    @Test func firstMoveSelectsAnEnd() {
        var down = ScrollState(), up = ScrollState()
        down.move(by: 1, count: 5)
        up.move(by: -1, count: 5)
        #expect(down.selected == 0)
        #expect(up.selected == 4)
    }

    @Test func movesStopAtTheEnds() {
        var state = ScrollState(selected: 4)
        state.move(by: 3, count: 5)
        #expect(state.selected == 4)
        state.move(by: -10, count: 5)
        #expect(state.selected == 0)
        state.moveTo(99, count: 5)
        #expect(state.selected == 4)
        state.home(count: 5)
        #expect(state.selected == 0)
        state.end(count: 5)
        #expect(state.selected == 4)
    }

    @Test func pagesMoveByTheHeight() {
        var state = ScrollState(selected: 0)
        state.pageDown(height: 5, count: 20)
        #expect(state.selected == 5)
        for _ in 0..<4 { state.pageDown(height: 5, count: 20) }
        #expect(state.selected == 19)
        state.pageUp(height: 5, count: 20)
        #expect(state.selected == 14)
        state.pageUp(height: 0, count: 20)
        #expect(state.selected == 13)
    }

    @Test func ensureVisibleScrollsAsLittleAsPossible() {
        var state = ScrollState(selected: 7, offset: 0)
        state.ensureVisible(height: 5)
        #expect(state.offset == 3)
        state.selected = 5
        state.ensureVisible(height: 5)
        #expect(state.offset == 3)
        state.selected = 2
        state.ensureVisible(height: 5)
        #expect(state.offset == 2)
        state.ensureVisible(height: 0)
        #expect(state.offset == 2)
    }

    @Test func ensureVisibleWithCountFillsTheLastPage() {
        var state = ScrollState(selected: 11, offset: 10)
        state.ensureVisible(height: 5, count: 12)
        #expect(state.offset == 7)
        var short = ScrollState(selected: 1, offset: 3)
        short.ensureVisible(height: 10, count: 3)
        #expect(short.offset == 0)
    }

    @Test func clampFollowsAChangedList() {
        var state = ScrollState(selected: 9)
        state.clamp(count: 3)
        #expect(state.selected == 2)
        var fresh = ScrollState()
        fresh.clamp(count: 3)
        #expect(fresh.selected == 0)
        fresh.clamp(count: 0)
        #expect(fresh.selected == nil)
    }
}
