import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

@Suite("The detail strip is cached by data version and wraps only what it shows")
struct StripCacheTests {
    @Test func aCachedStripIsWhatARebuildGivesAndAChangeShowsAtOnce() throws {
        var s = Fixture.state(width: 140, height: 40)
        let ref = try #require(s.selectedRecord)
        let fresh = StripContent.build(ref, s, width: 140)
        #expect(StripContent.of(s, width: 140) == fresh && StripContent.of(s, width: 140) == fresh)
        #expect(StripContent.of(s, width: 90) == StripContent.build(ref, s, width: 90), "another width, another strip")
        // A new latest session is a new data version: never the stale strip.
        guard case .coaching(var e) = try #require(s.data.value(of: ref)) else { Issue.record("expected coaching"); return }
        e.sessions.append(Session(id: UUID(), date: s.today, minutes: 30, notes: "A brand new note about the pitch"))
        s.data.engagements[s.data.engagements.firstIndex { $0.id == e.id }!] = e
        s.recompute()
        let after = try #require(StripContent.of(s, width: 140))
        #expect(after != fresh)
        #expect(after == StripContent.build(ref, s, width: 140))
        #expect(after.right.contains { line in line.contains { $0.text.contains("A brand new note") } })
    }

    /// What `leading` keeps wraps to the same first three rows as the whole note.
    @Test(arguments: [8, 11, 20, 33, 48, 67])
    func theLeadingPartWrapsLikeTheWhole(_ width: Int) {
        var g = SystemRandomNumberGenerator()
        let words = ["pitch", "a", "déjà-vu", "supercalifragilisticexpialidociousness-and-more", "東京の案件", "👩🏽‍💻", "", "ok,", "x"]
        var notes = ["", "short", String(repeating: "word ", count: 300), String(repeating: "  ", count: 90) + "late start",
                     String(repeating: "long", count: 200)]
        for _ in 0..<40 {
            notes.append((0..<Int.random(in: 1...200, using: &g)).map { _ in words.randomElement(using: &g)! }
                .joined(separator: Bool.random(using: &g) ? " " : "   "))
        }
        for note in notes {
            let whole = StripContent.wrap([DocSpan(note)], width: width).prefix(3)
            let cut = StripContent.wrap([DocSpan(StripContent.leading(note, columns: 6 * width))], width: width).prefix(3)
            #expect(Array(whole) == Array(cut), "width \(width), note \(note.prefix(80))…")
        }
    }
}
