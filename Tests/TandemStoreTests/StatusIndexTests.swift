import Foundation
import Testing
import TandemCore
@testable import TandemStore

/// `tandem status`'s cache gives what the whole store gives, and notices every change.
@Suite struct StatusIndexTests {
    func store() throws -> (TempFolder, Store) {
        let folder = TempFolder()
        let store = try Store.create(at: folder.store, agency: Sample.agency)
        try Sample.fill(store)
        var paused = Sample.mentoring
        paused.id = uuid(0xD5); paused.status = .paused; paused.pausedOn = day("2026-03-01")
        try store.save(paused)
        var agreed = Sample.mentoring
        agreed.id = uuid(0xD6)
        agreed.sessions[0].nextDate = day("2026-11-30")
        try store.save(agreed)
        var late = Sample.coaching
        late.id = uuid(0xC6); late.deadline = day("2026-11-01")
        try store.save(late)
        return (folder, store)
    }

    /// Moves the cache file's time ahead, as if written well after the files, instead of sleeping.
    static func age(_ folder: TempFolder) {
        let path = folder.store.appendingPathComponent(".cache/status.tsv").path
        var times = [timespec(tv_sec: time(nil) + 10, tv_nsec: 0), timespec(tv_sec: time(nil) + 10, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test(arguments: ["2026-03-10", "2026-04-28", "2026-11-20", "2026-11-29", "2027-01-01"])
    func theCacheAgreesWithTheWholeStore(_ today: String) throws {
        let (folder, store) = try store()
        defer { withExtendedLifetime(folder) {} }
        let whole = AgencyStatus(try store.load(scope: .all).snapshot, today: day(today))
        let first = try StatusIndex.snapshot(of: store)
        // Just written, just after the files: too fresh to trust (the racy rule), so read again.
        #expect(!(try StatusIndex.snapshot(of: store)).fresh, "entries as new as the cache are not trusted")
        Self.age(folder)
        let second = try StatusIndex.snapshot(of: store)
        #expect(!first.fresh && second.fresh, "the second look reads the cache only")
        #expect(AgencyStatus(first.snapshot, today: day(today)) == whole)
        #expect(AgencyStatus(second.snapshot, today: day(today)) == whole)
        #expect(whole.overdue + whole.dueThisWeek > 0 || today == "2027-01-01" || today == "2026-03-10")
    }

    @Test func aChangedFileIsReadAgainAndABrokenCacheIsRebuilt() throws {
        let (folder, store) = try store()
        let today = day("2026-04-28")
        _ = try StatusIndex.snapshot(of: store)
        #expect(folder.mode(".cache") == 0o700 && folder.mode(".cache/status.tsv") == 0o600)
        let before = AgencyStatus(try StatusIndex.snapshot(of: store).snapshot, today: today)
        // The deadline moves back: the engagement due this week is now overdue.
        try store.modify(RecordRef(kind: .coaching, id: Sample.coaching.id)) { r in
            guard case .coaching(var e) = r else { return r }
            e.deadline = day("2026-04-20")
            return .coaching(e)
        }
        let after = try StatusIndex.snapshot(of: store)
        #expect(!after.fresh)
        #expect(AgencyStatus(after.snapshot, today: today) == AgencyStatus(try store.load(scope: .all).snapshot, today: today))
        #expect(AgencyStatus(after.snapshot, today: today) != before)
        // A removed file leaves the count too.
        try FileManager.default.removeItem(at: folder.store.appendingPathComponent(try #require(
            folder.allFiles().keys.first { $0.hasPrefix("coaching/") && $0.contains("000000c6") })))
        #expect(AgencyStatus(try StatusIndex.snapshot(of: store).snapshot, today: today).overdueCoaching
                == AgencyStatus(try Store.open(at: folder.store, forEditing: false).load(scope: .all).snapshot, today: today).overdueCoaching)
        // Garbage in the cache is not trusted.
        folder.write("tandem status cache 1\ncoaching/x.json\tnot numbers\n", to: ".cache/status.tsv")
        let rebuilt = try StatusIndex.snapshot(of: store)
        #expect(!rebuilt.fresh)
        #expect(AgencyStatus(rebuilt.snapshot, today: today) == AgencyStatus(try store.load(scope: .all).snapshot, today: today))
    }

    /// A FIFO, a device or a dangling link named `*.json` is reported, as `list` and `check`
    /// report it, never skipped: the record it stands for would drop out of the counts.
    @Test(arguments: ["fifo", "device", "dangling"])
    func aFileThatIsNoRegularFileIsReportedNotSkipped(_ what: String) throws {
        let (folder, store) = try store()
        _ = try StatusIndex.snapshot(of: store)
        let rel = "coaching/zz-odd-12345678.json"
        let path = folder.store.appendingPathComponent(rel).path
        switch what {
        case "fifo": #expect(mkfifo(path, 0o600) == 0)
        case "device": #expect(symlink("/dev/null", path) == 0)
        default: #expect(symlink("/nonexistent/record.json", path) == 0)
        }
        let e = storeError { _ = try StatusIndex.snapshot(of: store) }
        #expect(e?.file == rel, "\(what): \(e?.description ?? "no error: skipped")")
        #expect(e == storeError { _ = try store.load(scope: .open) }, "status and loading say the same")
    }

    @Test func anUnreadableRecordFileIsReportedWithItsPlace() throws {
        let (folder, store) = try store()
        folder.write("{\n  \"format\": 1,\n  \"id\": \n}\n", to: "coaching/broken-12345678.json")
        let e = storeError { _ = try StatusIndex.snapshot(of: store) }
        #expect(e?.file == "coaching/broken-12345678.json")
        #expect(e?.line == 4)
    }
}
