import Foundation
import TandemCore
import TandemStore

/// Detail strips already built, by everything they depend on (the selected record, the data
/// version, the width, today), so a keystroke that moves nothing in the data does not wrap the
/// latest session's notes again: the strip was most of a frame's cost. A hit returns what a
/// rebuild would.
final class StripContents: @unchecked Sendable {
    struct Key: Hashable {
        var ref: RecordRef
        var dataVersion: Int
        var width: Int
        var today: Day
    }

    private var entries: [Key: StripContent] = [:]
    private let lock = NSLock()

    func content(_ key: Key, make: () -> StripContent?) -> StripContent? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = entries[key] { return hit }
        // Old versions are of no use once the data moved on.
        if entries.count > 64 { entries = entries.filter { $0.key.dataVersion == key.dataVersion } }
        guard let content = make() else { return nil }
        entries[key] = content
        return content
    }
}
