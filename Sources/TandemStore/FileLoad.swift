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
    static func run(_ paths: [(kind: RecordKind, rel: String)], folder: DataFolder, scope: LoadScope,
                    migrations: [Migration]) -> [Result<Item?, Failed>] {
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
                slots.buffer[i] = load(paths[i], folder: folder, scope: scope, migrations: migrations, decoder: decoder)
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
