import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// Files that are not what they seem (a FIFO, a device, a dangling or outside link), JSON the
/// decoder reads differently from the scanner, fields this Tandem does not know, a full disk and
/// the leftovers of a killed save: each is reported at its file (and line, column, field), and
/// nothing is lost.
@Suite("Store faults: odd files, duplicate keys, unknown fields, full disk, stale temps")
struct StoreFaultTests {
    private func filled(_ tmp: TempFolder) throws -> [String] {
        let store = try Store.create(at: tmp.store, agency: Sample.agency)
        return try Sample.fill(store)
    }

    /// Runs `body` on another thread; fails instead of hanging when it takes more than `seconds`.
    private func withinSeconds<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { box.value = body(); done.signal() }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }

    @Test func aFIFONamedJSONIsReportedNotWaitedOn() throws {
        let tmp = TempFolder()
        _ = try filled(tmp)
        let rel = "coaching/zz-pipe.json"
        #expect(mkfifo(tmp.store.appendingPathComponent(rel).path, 0o600) == 0)
        let url = tmp.store
        let outcome = withinSeconds(20) { () -> [String] in
            guard let store = try? Store.open(at: url, forEditing: true) else { return ["open failed"] }
            let load = storeError { _ = try store.load(scope: .open) }
            return [load?.description ?? "loaded"] + store.check().map(\.description)
        }
        let lines = try #require(outcome, "loading blocked on the FIFO")
        #expect(lines[0] == "\(rel): is a FIFO (named pipe), expected a regular file; move it out of the data folder")
        #expect(lines.dropFirst().contains(lines[0]))
    }

    @Test func aDeviceNamedJSONIsReported() throws {
        let tmp = TempFolder()
        _ = try filled(tmp)
        let rel = "mentoring/zz-null.json"
        #expect(symlink("/dev/null", tmp.store.appendingPathComponent(rel).path) == 0)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let expected = StoreError(.io, file: rel, "is a character device, expected a regular file; move it out of the data folder")
        #expect(storeError { _ = try store.load(scope: .all) } == expected)
        #expect(store.check().contains(expected))
    }

    @Test func aRecordReplacedByADanglingLinkIsReported() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let path = tmp.store.appendingPathComponent(rel).path
        unlink(path)
        #expect(symlink("/nonexistent/record.json", path) == 0)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let expected = StoreError(.io, file: rel, "is a symbolic link to /nonexistent/record.json, which does not exist "
                                  + "(No such file or directory); restore the file or remove the link")
        #expect(storeError { _ = try store.load(scope: .open) } == expected)
        #expect(store.check().contains(expected))
    }

    @Test func aRecordReplacedByADanglingLinkWhileOpenIsAProblemNotARemoval() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let store = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try store.load(scope: .open)
        let path = tmp.store.appendingPathComponent(rel).path
        unlink(path)
        #expect(symlink("/nonexistent/record.json", path) == 0)
        let changes = try store.changes(since: loaded.stamp)
        #expect(!changes.records.contains { $0.kind == .removed }, "\(changes.records)")
        #expect(changes.unreadable.map(\.file) == [rel])
        #expect(changes.unreadable.first?.message.hasPrefix("is a symbolic link to /nonexistent/record.json, which does not exist") == true)
    }

    /// Added while a dashboard is open, a FIFO, a device or a dangling link named `*.json` is
    /// said by the look for outside changes with the words `list` and `check` use, once, without
    /// waiting on it, and the other records keep working.
    @Test func anOddFileAddedWhileOpenIsReportedOnceWithoutBlocking() throws {
        let tmp = TempFolder()
        _ = try filled(tmp)
        let url = tmp.store
        let outcome = withinSeconds(20) { () -> String? in
            do {
                let store = try Store.open(at: url, forEditing: true)
                let loaded = try store.load(scope: .open)
                let odd = ["coaching/zz-pipe.json", "mentoring/zz-null.json", "people/zz-gone.json"]
                guard mkfifo(url.appendingPathComponent(odd[0]).path, 0o600) == 0,
                      symlink("/dev/null", url.appendingPathComponent(odd[1]).path) == 0,
                      symlink("/nonexistent/p.json", url.appendingPathComponent(odd[2]).path) == 0 else { return "setup failed" }
                let first = try store.changes(since: loaded.stamp)
                var problems: [String] = []
                if first.unreadable.map(\.file) != odd { problems.append("reported \(first.unreadable)") }
                if !first.records.isEmpty { problems.append("records changed: \(first.records.map(\.file))") }
                let checked = Set(store.check().map(\.description))
                for e in first.unreadable where !checked.contains(e.description) { problems.append("check says otherwise than \(e)") }
                if first.unreadable.first?.description != "\(odd[0]): is a FIFO (named pipe), expected a regular file; move it out of the data folder" {
                    problems.append("FIFO: \(String(describing: first.unreadable.first))")
                }
                let again = try store.changes(since: first.stamp)
                if !again.unreadable.isEmpty || !again.records.isEmpty { problems.append("said again: \(again.unreadable)") }
                // The other records still save and are seen.
                var e = try #require(loaded.snapshot.engagements.first { $0.id == Sample.coaching.id })
                e.focus = "Still saves"
                _ = try store.save(.coaching(e))
                let after = try store.changes(since: again.stamp)
                if !after.unreadable.isEmpty { problems.append("after a save: \(after.unreadable)") }
                return problems.isEmpty ? nil : problems.joined(separator: "\n")
            } catch {
                return "\(error)"
            }
        }
        let problems = try #require(outcome, "the look for outside changes blocked on the FIFO")
        #expect(problems == nil)
    }

    @Test func aRecordLinkedOutsideTheStoreIsReadButNeverReplaced() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let path = tmp.store.appendingPathComponent(rel).path
        let outside = tmp.url.appendingPathComponent("outside.json").path
        #expect(rename(path, outside) == 0)
        #expect(symlink(outside, path) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: outside))
        let store = try Store.open(at: tmp.store, forEditing: true)
        let loaded = try store.load(scope: .open)
        var e = try #require(loaded.snapshot.engagements.first { $0.id == Sample.coaching.id })
        e.focus = "Changed"
        let error = storeError { _ = try store.save(.coaching(e)) }
        #expect(error?.kind == .io)
        #expect(error?.description.hasPrefix("\(rel): not saved: the file is a symbolic link to \(outside); ") == true)
        #expect(error?.message.contains("Nothing was written") == true)
        var st = stat()
        #expect(lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside)) == before, "the outside file is untouched")
        // tandem log's path too.
        #expect(storeError { _ = try store.modify(RecordRef(kind: .coaching, id: e.id)) { _ in .coaching(e) } }?.kind == .io)
    }

    @Test func aDuplicateKeyIsRefusedAtItsPlace() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[3]  // the completed engagement: the scanner alone decides it is closed
        let text = tmp.text(rel)
        let doubled = text.replacingOccurrences(of: "  \"status\" : \"completed\"", with: "  \"status\" : \"completed\",\n  \"status\" : \"active\"")
        #expect(doubled != text)
        tmp.write(doubled, to: rel)
        let lines = doubled.split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(lines.firstIndex { $0.hasPrefix("  \"status\"") }) + 1
        let expected = StoreError(.parse, file: rel, line: first + 1, column: 3,
                                  "field \"status\": appears twice in one object (first at line \(first), column 3); "
                                  + "a field may be given only once: remove one of them")
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(storeError { _ = try store.load(scope: .open) } == expected)
        #expect(storeError { _ = try store.load(scope: .all) } == expected)
        #expect(store.check().contains(expected))
    }

    @Test func aDuplicateKeySpelledWithAnEscapeIsRefusedToo() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel).replacingOccurrences(of: "  \"status\" : \"active\"", with: "  \"status\" : \"active\",\n  \"st\\u0061tus\" : \"completed\"")
        tmp.write(text, to: rel)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let e = storeError { _ = try store.load(scope: .open) }
        #expect(e?.kind == .parse && e?.file == rel && e?.line != nil)
        #expect(e?.message.hasPrefix("field \"st\\u0061tus\": appears twice in one object") == true)
    }

    @Test func aNestedDuplicateNamesItsPath() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel).replacingOccurrences(of: "\"minutes\" : 45", with: "\"minutes\" : 45,\n      \"minutes\" : 50")
        tmp.write(text, to: rel)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let e = storeError { _ = try store.load(scope: .open) }
        #expect(e?.message.hasPrefix("field \"sessions[0].minutes\": appears twice") == true, "\(String(describing: e))")
    }

    @Test func aHugeNumberNamesLineColumnAndField() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel).replacingOccurrences(of: "\"baseline\" : 20", with: "\"baseline\" : 1e400")
        tmp.write(text, to: rel)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("1e400") }) + 1
        let column = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].range(of: "1e400")).lowerBound.utf16Offset(in: text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]) + 1
        let store = try Store.open(at: tmp.store, forEditing: true)
        let expected = StoreError(.parse, file: rel, line: line, column: column,
                                  "field \"metrics[0].baseline\": the number 1e400 is out of range: no field holds a number that large")
        #expect(storeError { _ = try store.load(scope: .open) } == expected)
        #expect(store.check().contains(expected))
    }

    /// A number too small to be anything but 0 (`1e-400`), or a zero with an exponent, is refused
    /// with its place, alone or beside a whole number written with an exponent (`2.1e1`, which
    /// the fast decoder leaves to Foundation's, which refused the tiny number without a place).
    @Test(arguments: [("1e-400", false), ("1e-400", true), ("-2.5E-330", true), ("0e5", false)])
    func aTinyNumberNamesLineColumnAndField(tiny: String, exponentElsewhere: Bool) throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        var text = tmp.text(rel).replacingOccurrences(of: "\"baseline\" : 20", with: "\"baseline\" : \(tiny)")
        if exponentElsewhere { text = text.replacingOccurrences(of: "\"minutes\" : 45", with: "\"minutes\" : 4.5e1") }
        #expect(text.contains(tiny))
        tmp.write(text, to: rel)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(tiny) }) + 1
        let column = try #require(lines[line - 1].range(of: tiny)).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let store = try Store.open(at: tmp.store, forEditing: true)
        let e = try #require(storeError { _ = try store.load(scope: .open) })
        #expect(e.file == rel && e.line == line && e.column == column, "\(e)")
        let said = tiny == "0e5" ? "is zero written with an exponent, which not every JSON reader takes; write 0"
            : "is out of range: it is too small for any field to hold (it would read as 0); write 0 or a larger number"
        #expect(e.message == "field \"metrics[0].baseline\": the number \(tiny) \(said)", "\(e.message)")
        #expect(store.check().contains(e))
    }

    @Test func aWholeNumberWithAnExponentStillLoads() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        tmp.write(tmp.text(rel).replacingOccurrences(of: "\"minutes\" : 45", with: "\"minutes\" : 4.5e1"), to: rel)
        let snapshot = try Store.open(at: tmp.store, forEditing: true).load(scope: .open).snapshot
        #expect(snapshot.engagements.first { $0.id == Sample.coaching.id }?.sessions.first?.minutes == 45)
    }

    @Test func aLoneSurrogateNamesLineColumnAndField() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let text = tmp.text(rel).replacingOccurrences(of: "\"focus\" : \"Client", with: "\"focus\" : \"\\ud800Client")
        tmp.write(text, to: rel)
        let store = try Store.open(at: tmp.store, forEditing: true)
        let e = try #require(storeError { _ = try store.load(scope: .open) })
        #expect(e.file == rel && e.line != nil && e.column != nil)
        #expect(e.message.hasPrefix("field \"focus\": \\ud800 is half of a surrogate pair with no other half"))
        // A whole pair is a character, and loads.
        tmp.write(tmp.text(rel).replacingOccurrences(of: "\\ud800Client", with: "\\ud83d\\ude00Client"), to: rel)
        let snapshot = try Store.open(at: tmp.store, forEditing: true).load(scope: .open).snapshot
        #expect(snapshot.engagements.first { $0.id == Sample.coaching.id }?.focus == "😀Client pitches")
    }

    @Test func unknownFieldsSurviveASave() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        var text = tmp.text(rel)
        text = text.replacingOccurrences(of: "  \"focus\" : ", with: "  \"budget\" : {\n    \"hours\" : 12\n  },\n  \"focus\" : ")
        text = text.replacingOccurrences(of: "\"minutes\" : 45,", with: "\"minutes\" : 45,\n      \"room\" : \"Loft\",")
        tmp.write(text, to: rel)
        #expect(Store.isClean(tmp))
        let store = try Store.open(at: tmp.store, forEditing: true)
        var e = try #require(try store.load(scope: .open).snapshot.engagements.first { $0.id == Sample.coaching.id })
        e.focus = "Client pitches, and follow-ups"
        e.sessions.append(Session(id: uuid(0x99), date: day("2026-03-20"), minutes: 30, notes: "Second"))
        _ = try store.save(.coaching(e))
        let saved = tmp.text(rel)
        #expect(saved.contains("\"budget\" : {\n    \"hours\" : 12\n  },"))
        #expect(saved.contains("\"room\" : \"Loft\""))
        #expect(saved.contains("Client pitches, and follow-ups"))
        #expect(saved.components(separatedBy: "\"room\"").count == 2, "only the session that had it")
        // What is saved still loads, and saving the same record again changes no byte.
        let again = try Store.open(at: tmp.store, forEditing: true)
        let reread = try #require(try again.load(scope: .open).snapshot.engagements.first { $0.id == e.id })
        #expect(reread == e)
        _ = try again.modify(RecordRef(kind: .coaching, id: e.id)) { record in
            guard case .coaching(var c) = record else { return record }
            c.outcome = "Won two"
            return .coaching(c)
        }
        let modified = tmp.text(rel)
        #expect(modified.contains("\"budget\" : {") && modified.contains("\"room\" : \"Loft\"") && modified.contains("Won two"))
        // Removing the session that held an unknown field removes it with the session.
        let third = try Store.open(at: tmp.store, forEditing: true)
        var last = try #require(try third.load(scope: .open).snapshot.engagements.first { $0.id == e.id })
        last.sessions.removeAll { $0.id == Sample.session.id }
        last.metrics[0].readings.removeAll()
        _ = try third.save(.coaching(last))
        #expect(!tmp.text(rel).contains("\"room\""))
        #expect(tmp.text(rel).contains("\"budget\""))
    }

    @Test func unknownAgencySettingsSurviveASave() throws {
        let tmp = TempFolder()
        _ = try filled(tmp)
        let text = tmp.text("tandem.json").replacingOccurrences(of: "  \"format\" : ", with: "  \"fiscalYearStart\" : \"04-01\",\n  \"format\" : ")
        tmp.write(text, to: "tandem.json")
        let store = try Store.open(at: tmp.store, forEditing: true)
        var agency = try store.load(scope: .open).snapshot.agency
        agency.name = "Studio Sur"
        try store.saveAgency(agency)
        let saved = tmp.text("tandem.json")
        #expect(saved.contains("\"fiscalYearStart\" : \"04-01\"") && saved.contains("Studio Sur"), "\(saved)")
    }

    @Test func aFullDiskRefusesTheSaveAndLeavesTheFile() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let before = tmp.allFiles()
        let store = try Store.open(at: tmp.store, forEditing: true)
        var e = try #require(try store.load(scope: .open).snapshot.engagements.first { $0.id == Sample.coaching.id })
        e.focus = "Typed before the disk filled"
        store.simulatedWriteError = ENOSPC
        let error = storeError { _ = try store.save(.coaching(e)) }
        #expect(error == StoreError(.io, file: rel, "cannot write: No space left on device"))
        // The load cache (`.cache/`) is derived and may be written by any load.
        var after = tmp.allFiles().filter { !$0.key.hasPrefix(".cache/") }
        after[".lock"] = before[".lock"]
        #expect(after == before.filter { !$0.key.hasPrefix(".cache/") })
        store.simulatedWriteError = nil
        #expect(try store.save(.coaching(e)) == .saved(file: rel))
    }

    @Test func staleTempFilesGoAtTheNextStartAndNothingElse() throws {
        let tmp = TempFolder()
        let rel = try filled(tmp)[2]
        let dead = "coaching/.\(URL(fileURLWithPath: rel).lastPathComponent).999999999.42.tmp"
        let liveYoung = "people/.ana-lima.json.1.7.tmp"           // pid 1 is alive, the file is new
        let liveOld = "mentoring/.x.json.1.8.tmp"                  // pid 1, but an hour old
        let notOurs = ["coaching/.notes.tmp", "coaching/.x.json.tmp", "coaching/keep.1.2.tmp", ".cache-x.1.2.tmp.bak"]
        for f in [dead, liveYoung, liveOld] + notOurs { tmp.write("{", to: f) }
        let old = Date().addingTimeInterval(-3600).timeIntervalSince1970
        var times = [timespec(tv_sec: Int(old), tv_nsec: 0), timespec(tv_sec: Int(old), tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, tmp.store.appendingPathComponent(liveOld).path, &times, 0) == 0)
        // Opening to read never writes.
        _ = try Store.open(at: tmp.store, forEditing: false)
        #expect(tmp.allFiles()[dead] != nil)
        let store = try Store.open(at: tmp.store, forEditing: true)
        #expect(Set(store.removedTemps) == [dead, liveOld])
        let files = tmp.allFiles()
        #expect(files[dead] == nil && files[liveOld] == nil)
        #expect(files[liveYoung] != nil)
        for f in notOurs { #expect(files[f] != nil, "\(f) is not a temp file of the store's pattern") }
    }
}

private final class ResultBox<T>: @unchecked Sendable { var value: T? }

extension Store {
    /// Whether `check` finds nothing in the temp folder's store.
    static func isClean(_ tmp: TempFolder) -> Bool {
        (try? Store.open(at: tmp.store, forEditing: false).check().isEmpty) ?? false
    }
}
