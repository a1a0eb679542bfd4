import Foundation
import Testing
import TandemCore
@testable import TandemApp

/// Sorting by name compares each row's place in the name order found once per data change
/// (`AppState.nameOrder`): it must give exactly what comparing the names in the locale gives,
/// for any subset of the rows (a filter, the active or quiet group), ties included.
@Suite("Name order found once")
struct NameOrderTests {
    @Test func placesInTheNameOrderSortEverySubsetAsTheNamesDo() {
        let s = Fixture.state()
        // The demo's rows under names that tie, differ by case or accent, or hold numbers.
        let names = ["anna", "Anna", "Item 10", "Item 2", "Émile", "emile", "王小明", "Zoë", "zoe", "Anna"]
        var rows: [CoachingSummary] = []
        for (i, name) in names.enumerated() {
            var c = s.rows.coaching[i % s.rows.coaching.count]
            c.engagement.id = UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", i))!
            c.coachee = name
            rows.append(c)
        }
        let place = AppState.nameOrder(rows.map(\.id), rows.map(\.coachee))
        #expect(place.count == rows.count)
        for mask in 1..<(1 << rows.count) {
            let subset = rows.indices.filter { mask & (1 << $0) != 0 }.map { rows[$0] }
            let byPlace = AppState.sorted(subset, by: .name, names: place).map(\.id)
            let byLocale = AppState.sorted(subset, by: .name).map(\.id)
            #expect(byPlace == byLocale, "subset \(mask)")
        }
        // A row the order does not know (none should be) is sorted by its name, as before.
        let stranger = AppState.sorted(rows, by: .name, names: [:]).map(\.id)
        #expect(stranger == AppState.sorted(rows, by: .name, names: place).map(\.id))
    }

    @Test func theDashboardSortsByNameAsTheLocaleDoes() {
        var s = Fixture.state()
        press(&s, .char("s"))
        press(&s, .char("s"))
        #expect(s.dashboard.coaching.sort == .progress)
        press(&s, .char("s"))
        press(&s, .char("s"))
        #expect(s.dashboard.coaching.sort == .name)
        let active = Array(s.rows.coaching.prefix(s.rows.coaching.count - s.rows.quietCoaching))
        #expect(active.map(\.id) == AppState.sorted(active, by: .name).map(\.id))
        #expect(active.count > 2)
    }
}
