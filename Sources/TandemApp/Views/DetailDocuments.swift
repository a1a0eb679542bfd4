import Foundation
import TandemCore
import TandemStore
import TerminalUI

/// Detail documents already built, by everything they depend on (the record's data version,
/// the width, today, the theme), so moving through a detail does not rebuild a record's whole
/// story on every key. The views stay pure: a hit returns what a rebuild would.
final class DetailDocuments: @unchecked Sendable {
    struct Key: Hashable {
        var ref: RecordRef
        var dataVersion: Int
        var width: Int
        var today: Day
    }

    private var entries: [Key: [(theme: Theme, document: DetailView.Document)]] = [:]
    private let lock = NSLock()

    func document(_ key: Key, theme: Theme, make: () -> DetailView.Document) -> DetailView.Document {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries[key]?.first(where: { $0.theme == theme }) { return hit.document }
        // Old versions are of no use once the data moved on.
        if entries.count > 16 { entries = entries.filter { $0.key.dataVersion == key.dataVersion } }
        let document = make()
        entries[key, default: []].append((theme, document))
        return document
    }
}
