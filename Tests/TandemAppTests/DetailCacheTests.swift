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
        let fresh = DetailView.document(value, s, .builtinDefault, width: 96)
        let first = DetailView.cachedDocument(ref, value, s, .builtinDefault, width: 96)
        let second = DetailView.cachedDocument(ref, value, s, .builtinDefault, width: 96)
        #expect(first.lines == fresh.lines && second.lines == fresh.lines && second.itemLines == fresh.itemLines)
        // Another theme is another document (styles differ), not the cached one.
        let mono = DetailView.cachedDocument(ref, value, s, .monochrome, width: 96)
        #expect(mono.lines == DetailView.document(value, s, .monochrome, width: 96).lines)
        #expect(mono.lines != fresh.lines)
    }
}
