import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

@Suite("Detail documents are cached by data version, never stale")
struct DetailCacheTests {
    @Test func aChangeToTheRecordShowsAtOnce() {
        var s = Fixture.state(width: 100, height: 30)
        press(&s, .enter)
        let before = AppView.render(s, theme: .builtinDefault).text
        #expect(before.contains("[ ]"), "the first objective starts open:\n\(before)")
        let openBefore = before.components(separatedBy: "[ ]").count
        press(&s, .char("x"))
        let after = AppView.render(s, theme: .builtinDefault).text
        #expect(after.components(separatedBy: "[ ]").count != openBefore, "x must show on screen:\n\(after)")
    }

    @Test func aCachedDocumentIsWhatARebuildGives() throws {
        var s = Fixture.state(width: 100, height: 30)
        press(&s, .enter)
        guard case .detail(let ref) = s.screen, let value = s.data.value(of: ref) else {
            Issue.record("Enter did not open a detail"); return
        }
        let fresh = DetailDocument.build(value, s, width: 96)
        let first = try #require(DetailDocument.of(ref, s, width: 96))
        let second = try #require(DetailDocument.of(ref, s, width: 96))
        #expect(first == fresh && second == fresh)
        // Another width is another document (notes wrap differently), not the cached one.
        let narrow = try #require(DetailDocument.of(ref, s, width: 30))
        #expect(narrow == DetailDocument.build(value, s, width: 30))
        // A change to the data is a new version: never the stale document.
        press(&s, .char("x"))
        let after = try #require(DetailDocument.of(ref, s, width: 96))
        #expect(after != first)
        #expect(after == DetailDocument.build(try #require(s.data.value(of: ref)), s, width: 96))
    }
}
