import Foundation
import TandemCore
import TandemSeal
import TandemStore

/// A temporary folder removed when the value goes away.
final class SealTemp {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-seal-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var store: URL { url.appendingPathComponent("data") }

    /// Every file under the data folder, hidden ones included (relative path → bytes).
    func allFiles() -> [String: Data] {
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: store.path) else { return out }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: store.path + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: store.path + "/" + rel)
            }
        }
        return out
    }

    func read(_ rel: String) -> Data { FileManager.default.contents(atPath: store.appendingPathComponent(rel).path) ?? Data() }
    func text(_ rel: String) -> String { String(decoding: read(rel), as: UTF8.self) }
    func write(_ text: String, to rel: String) {
        _ = FileManager.default.createFile(atPath: store.appendingPathComponent(rel).path, contents: Data(text.utf8))
    }

    /// The files holding `secret`, byte for byte.
    func filesHolding(_ secret: String) -> [String] {
        allFiles().filter { $0.value.range(of: Data(secret.utf8)) != nil }.map(\.key).sorted()
    }
}

func sid(_ n: Int) -> UUID {
    let hex = String(n, radix: 16)
    return UUID(uuidString: String(repeating: "0", count: 8 - hex.count) + hex + "-0000-4000-8000-000000000000")!
}

func sday(_ iso: String) -> Day { Day(iso: iso)! }

enum SealSample {
    static let secret = "Salary talk: she asked for 12% more"
    static let secretTopic = "compensation-zebra"
    static let secretAction = "Check the pay band quietly"
    static let coachee = Person(id: sid(0xB2), name: "João Silva")
    static let coach = Person(id: sid(0xA1), name: "Ana Lima")

    static func session(_ id: Int = 0x51, visibility: Visibility = .private, notes: String = secret) -> Session {
        Session(id: sid(id), date: sday("2026-03-02"), minutes: 45, notes: notes, topics: [secretTopic],
                actionItems: [ActionItem(id: sid(id + 1), text: secretAction, due: sday("2026-03-09"))],
                pulse: 4, visibility: visibility)
    }

    static func engagement(_ sessions: [Session]) -> CoachingEngagement {
        CoachingEngagement(id: sid(0xC1), coacheeID: sid(0xB2), coach: .person(sid(0xA1)), focus: "Client pitches",
                           start: sday("2026-02-01"), deadline: sday("2026-05-01"), status: .active, sessions: sessions)
    }

    /// A store with the two people and an engagement holding `sessions`, written with `sealer`.
    static func store(at temp: SealTemp, sealer: NoteSealing?, sessions: [Session], leaders: [Leader]? = nil) throws -> Store {
        let store = try Store.create(at: temp.store, agency: Agency(name: "Studio", leaders: leaders))
        store.sealer = sealer
        try store.save(coach); try store.save(coachee)
        try store.save(engagement(sessions))
        return store
    }

    static let file = "coaching/joao-silva-000000c1.json"
}

/// Opens a store at `temp` with `sealer` and returns the engagement as loaded.
func reload(_ temp: SealTemp, sealer: NoteSealing?) throws -> (Store, CoachingEngagement) {
    let store = try Store.open(at: temp.store, forEditing: true)
    store.sealer = sealer
    let loaded = try store.load(scope: .all)
    return (store, loaded.snapshot.engagements[0])
}

/// The "sealed" object of the first session in a file, as its bytes appear.
func sealedBytes(_ text: String) -> String? {
    guard let start = text.range(of: "\"sealed\" : {") else { return nil }
    guard let end = text.range(of: "\"tier\"", range: start.upperBound..<text.endIndex) else { return nil }
    return String(text[start.lowerBound..<end.upperBound])
}
