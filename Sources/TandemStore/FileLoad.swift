import Dispatch
import Foundation
import TandemCore

/// Loads many record files at once, one per core: read, scan, and decode when `scope` asks.
///
/// Each file's work depends on nothing but the file, so it runs on any thread; the caller takes
/// the results in file order and keeps its own state (fingerprints, duplicate ids) single-threaded.
enum FileLoad {
    /// What one file gave.
    struct Item: Sendable {
        var id: UUID
        /// `nil` for a closed record that `scope` did not ask to decode.
        var record: Record?
        var fingerprint: Fingerprint
        /// Set when the file is from a newer Tandem.
        var newerFormat: String?
        /// The file's `"format"`.
        var format: Int = currentFormat
    }

    /// A file that failed, with its record's id when the scan got that far.
    struct Failed: Error, Sendable {
        var error: StoreError
        var id: UUID?
        /// Further problems of the same file (out-of-range values after the first), for `check`.
        var more: [StoreError] = []
    }

    /// One result per path, in the same order; `nil` for a file that vanished while listing.
    ///
    /// `vouched`, when given, is the load cache's trusted entry for each path (`nil` for none): a
    /// file whose `stat` still matches an entry of a clean load holds the bytes that were scanned
    /// then, so it is decoded without scanning them again (`loadVouched`).
    ///
    /// `keepingWhole`, when given, has a vouched open coaching or mentoring record read with only
    /// that many of its last sessions whole and the older ones lean (`Session.lean`): the
    /// dashboard's first frame (`Store.load(scope:kinds:forFirstFrame:)`).
    ///
    /// `reduce`, when given, is applied to each decoded record on the thread that decoded it, as
    /// soon as it is decoded: a caller that keeps only a lean copy of each record (the closed
    /// ones the dashboard reads, `Store.readWithoutTexts`) then never holds a batch of whole ones.
    static func run(_ paths: [(kind: RecordKind, rel: String)], folder: DataFolder, scope: LoadScope,
                    migrations: [Migration], vouched: [LoadIndex.Entry?] = [], keepingWhole: Int? = nil,
                    reduce: (@Sendable (Record) -> Record)? = nil) -> [Result<Item?, Failed>] {
        let results = UnsafeMutableBufferPointer<Result<Item?, Failed>>.allocate(capacity: paths.count)
        results.initialize(repeating: .success(nil))
        // Deinitialized before it is freed: the results hold records, which would leak otherwise.
        defer { _ = results.deinitialize(); results.deallocate() }
        let slots = Slots(results)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        // A few chunks per worker: a thread's decoder is reused, and an uneven file size evens out.
        let chunks = min(paths.count, workers * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = JSONDecoder()
            var i = chunk
            while i < paths.count {
                let entry = i < vouched.count ? vouched[i] : nil
                var result = entry.flatMap { loadVouched(paths[i], entry: $0, folder: folder, scope: scope, migrations: migrations,
                                                         keepingWhole: keepingWhole) }
                    ?? load(paths[i], folder: folder, scope: scope, migrations: migrations, decoder: decoder)
                if let reduce, case .success(var item?) = result, let record = item.record {
                    item.record = reduce(record)
                    result = .success(item)
                }
                slots.buffer[i] = result
                i += chunks
            }
        }
        return Array(results)
    }

    /// The result buffer, written by each chunk at its own indices only.
    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<Item?, Failed>>
        init(_ b: UnsafeMutableBufferPointer<Result<Item?, Failed>>) { buffer = b }
    }

    /// A file the load cache vouches for, decoded by `FastJSONDecoder` without the scanner: the
    /// entry was made by a clean load (scanned, decoded, every range checked) of a file with this
    /// very `stat`, too old to be racy, so these are those bytes. Still, everything the decode
    /// gives is checked again as the scan's load would — the id is the entry's, every range is in
    /// bounds — and the fingerprint is of the bytes just read, so a save compares the file itself.
    /// `nil` (the caller takes the whole way: scan, decode, its messages) when the entry is not
    /// of a decoded record, the format needs migrating, the quick decoder gives up on anything,
    /// or a check fails.
    static func loadVouched(_ path: (kind: RecordKind, rel: String), entry: LoadIndex.Entry, folder: DataFolder, scope: LoadScope,
                            migrations: [Migration], keepingWhole: Int? = nil) -> Result<Item?, Failed>? {
        guard entry.decoded, !(scope == .open && entry.closed), entry.format <= currentFormat,
              entry.format == currentFormat || RecordCodec.decodesAsItIs(entry.format, migrations: migrations),
              let data = try? folder.read(path.rel) else { return nil }
        let record: Record?
        // A record read lean is read whole, every range checked and its bytes fingerprinted, right
        // after the first frame (`Store.readWhole`): that frame needs neither.
        switch path.kind {
        case .person:
            record = FastJSONDecoder.decode(Person.self, from: data).flatMap { Validation.rangeProblems(in: $0).isEmpty ? .person($0) : nil }
        case .coaching:
            record = FastJSONDecoder.decode(CoachingEngagement.self, from: data, keepingWhole: keepingWhole).flatMap {
                Record.coaching($0).hasTextsLeftOut || Validation.rangeProblems(in: $0).isEmpty ? .coaching($0) : nil
            }
        case .mentoring:
            record = FastJSONDecoder.decode(MentoringRelationship.self, from: data, keepingWhole: keepingWhole).flatMap {
                Record.mentoring($0).hasTextsLeftOut || Validation.rangeProblems(in: $0).isEmpty ? .mentoring($0) : nil
            }
        case .assessment:
            record = FastJSONDecoder.decode(Assessment.self, from: data).flatMap { Validation.rangeProblems(in: $0).isEmpty ? .assessment($0) : nil }
        }
        guard let record, record.ref.id == entry.id, Store.isClosed(record) == entry.closed else { return nil }
        let print = record.hasTextsLeftOut ? Fingerprint(Data()) : Fingerprint(data)
        return .success(Item(id: entry.id, record: record, fingerprint: print, newerFormat: nil, format: entry.format))
    }

    static func load(_ path: (kind: RecordKind, rel: String), folder: DataFolder, scope: LoadScope,
                     migrations: [Migration], decoder: JSONDecoder) -> Result<Item?, Failed> {
        var id: UUID?
        do {
            guard let data = try folder.read(path.rel) else { return .success(nil) }
            let file = try ScannedFile(path: path.rel, data: data)
            let recordID = try file.id()
            id = recordID
            let newer = Store.newerFormatMessage(file)
            // A closed record is only scanned, unless the scan saw a misshapen field: then it is
            // decoded so the error names the field's whole path.
            if scope == .open && Store.isClosed(path.kind, status: file.top.status) && file.top.fieldProblem == nil {
                return .success(Item(id: recordID, record: nil, fingerprint: Fingerprint(Data()), newerFormat: newer, format: file.format))
            }
            let (record, outOfRange) = try Store.decodeChecked(file, as: path.kind, migrations: migrations, decoder: decoder)
            if let first = outOfRange.first {
                return .failure(Failed(error: first, id: recordID, more: Array(outOfRange.dropFirst())))
            }
            return .success(Item(id: recordID, record: record, fingerprint: Fingerprint(data), newerFormat: newer, format: file.format))
        } catch let e as StoreError {
            return .failure(Failed(error: e, id: id))
        } catch {
            return .failure(Failed(error: StoreError(.io, file: path.rel, "\(error)"), id: id))
        }
    }
}
