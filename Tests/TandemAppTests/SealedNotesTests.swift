import Foundation
import Testing
import TandemCore
import TandemStore
import TerminalUI
@testable import TandemApp

/// The dashboard's side of sealed notes: no identity refuses a sealed tier on the form (the text
/// stays), shared goes through, and a note this identity cannot open is not edited.
@Suite("sealed notes in the dashboard") struct SealedNotesTests {
    static let reason = "private notes are sealed to your identity, and there is none; or make the note shared"

    @Test("without an identity a private note is refused on the form; shared is saved")
    func refusedWithoutIdentity() throws {
        var s = Fixture.state(Fixture.tiny)
        s.cannotSeal = Self.reason
        press(&s, .char("l"))
        type(&s, "Salary talk")
        #expect(saved(press(&s, .ctrl("s"))).isEmpty)
        let form = try #require(s.form)
        #expect(form.errors["visibility"] == "not saved: \(Self.reason)")
        #expect(form.text("notes") == "Salary talk", "what was typed stays")
        // The focus went to the visibility: Space makes it shared, and then it saves.
        press(&s, .char(" "))
        #expect(s.form?.text("visibility") == "shared")
        // The three tiers, in turn.
        press(&s, .char(" "))
        #expect(s.form?.text("visibility") == "partners")
        #expect(saved(press(&s, .ctrl("s"))).isEmpty, "partners is sealed too")
        press(&s, .char(" "), .char(" "))
        #expect(s.form?.text("visibility") == "shared")
        let out = saved(press(&s, .ctrl("s")))
        #expect(out.count == 1)
        guard case .coaching(let e)? = out.first?.record else { Issue.record("no engagement saved"); return }
        #expect(e.sessions.last { $0.notes == "Salary talk" }?.visibility == .shared)
    }

    @Test("with an identity (or no sealing) a private note saves as before")
    func savesWithIdentity() {
        var s = Fixture.state(Fixture.tiny)
        press(&s, .char("l"))
        type(&s, "Salary talk")
        #expect(saved(press(&s, .ctrl("s"))).count == 1)
    }

    @Test("a note sealed for someone else shows as sealed and cannot be edited")
    func shutNote() throws {
        var data = Fixture.tiny
        let note = SealedNote(author: "Ben Okafor", from: "AAAA", tier: .private,
                              boxes: [SealedBox(reader: "Ben Okafor", key: "0000-0000-0000-0000", enc: "AA==", box: "AA==")])
        data.relationships[0].sessions = [Session(id: Fixture.id(321), date: Fixture.today.adding(days: -7), minutes: 30,
                                                  notes: note.placeholder, visibility: .private, sealed: note)]
        var s = Fixture.state(data)
        press(&s, .tab, .enter)
        press(&s, .char("j"))
        press(&s, .enter)
        #expect(s.form == nil, "no edit form on a note that did not open")
        #expect(s.status?.text == "This session is sealed (for Ben Okafor): your identity cannot open it, so it cannot be edited")
    }
}
