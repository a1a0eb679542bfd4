import Foundation
import Testing
import TandemCore
import TerminalUI
@testable import TandemApp

@Suite("the notification hook in update")
struct NotifyUpdateTests {
    static func tick(_ s: inout AppState, _ seconds: Double, today: Day = Fixture.today) -> [Effect] {
        update(&s, .tick(Now(seconds: seconds, today: today)))
    }

    static func notifies(_ effects: [Effect]) -> [[NotifyEvent]] {
        effects.compactMap { if case .notify(let e, _) = $0 { e } else { nil } }
    }

    @Test func noHookNoEffect() {
        var s = Fixture.state()
        #expect(Self.notifies(Self.tick(&s, 100)).isEmpty)
    }

    @Test func eachEventIsHandedOverOnce() {
        var s = Fixture.state()
        s.notifyCommand = ["notify-send"]
        let expected = NotifyRules.events(in: s.data, today: s.today)
        #expect(!expected.isEmpty)
        let first = Self.notifies(Self.tick(&s, 100))
        #expect(first == [expected])
        // At the next look, nothing already handed over.
        #expect(Self.notifies(Self.tick(&s, 200)).isEmpty)
        #expect(Self.notifies(Self.tick(&s, 200 + Notify.checkSeconds)).isEmpty)
        // The next day everything is news again.
        let tomorrow = Self.notifies(Self.tick(&s, 300 + Notify.checkSeconds, today: Fixture.today.adding(days: 1)))
        #expect(tomorrow.count == 1 && tomorrow[0].allSatisfy { $0.day == Fixture.today.adding(days: 1).iso })
    }

    @Test func aFailureIsSaidNeverFatal() {
        var s = Fixture.state()
        let e = NotifyRules.events(in: s.data, today: s.today)
        _ = update(&s, .notified(e, failures: ["Tandem: deadline soon — X: notify-send was not found on the PATH", "b"]))
        #expect(s.status?.text == "Notify command failed: Tandem: deadline soon — X: notify-send was not found on the PATH (and 1 more)")
        #expect(s.status?.kind == .error)
        #expect(!s.isQuitting)
    }
}
