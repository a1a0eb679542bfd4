import Foundation
import TandemCore
import TandemStore

/// Record references for shell completion: each open engagement's and relationship's id prefix,
/// and the words of its coachee's or mentee's name (what `RecordQuery` resolves).
enum References {
    /// The completion callback of `--record`: `words` is the command line so far, so a
    /// `--data-dir` typed on it is honoured.
    @Sendable static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var dir: String?
        for (i, w) in words.enumerated() {
            if w == "--data-dir", i + 1 < words.count { dir = words[i + 1] }
            if w.hasPrefix("--data-dir=") { dir = String(w.dropFirst("--data-dir=".count)) }
        }
        var options = DataDirOptions()
        options.dataDir = dir
        return list(in: options.resolved()).filter { prefix.isEmpty || $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// Every reference of the store in `dir`, sorted; empty when there is no store.
    static func list(in dir: URL) -> [String] {
        guard let store = try? Store.open(at: dir, forEditing: false),
              let loaded = try? store.load(scope: .open) else { return [] }
        let s = loaded.snapshot
        let names = PeopleIndex(s.people)
        var out: Set<String> = []
        func words(_ name: String) {
            for w in name.split(separator: " ") {
                let word = String(w).searchKey.filter { $0.isLetter || $0 == "-" || $0 == "'" }
                if word.count >= 2 { out.insert(word) }
            }
        }
        for e in s.engagements where e.isOpen {
            out.insert(String(e.id.uuidString.lowercased().prefix(8)))
            words(names.name(e.coacheeID))
        }
        for r in s.relationships where r.status != .closed {
            out.insert(String(r.id.uuidString.lowercased().prefix(8)))
            words(names.name(r.menteeID)); words(names.name(r.mentorID))
        }
        return out.sorted()
    }
}
