import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, enough to notice it changed without reading it: size, times to
/// the nanosecond, inode and device. An atomic save (rename of a new file) always gives a new inode.
struct FileStat: Equatable, Hashable, Sendable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
    var device: UInt64

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size; self.modified = modified; self.changed = changed; self.inode = inode; self.device = device
    }

    init(_ st: stat) {
        size = Int64(st.st_size)
        #if canImport(Darwin)
        modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        changed = Int64(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(st.st_ctimespec.tv_nsec)
        #else
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
        #endif
        inode = UInt64(st.st_ino)
        device = UInt64(st.st_dev)
    }
}

extension DataFolder {
    /// The file's `stat` when it is a regular file (following a link, as a listing's `fstatat`
    /// does), else `nil`.
    func regularFileStat(_ rel: String) -> FileStat? {
        var st = stat()
        guard stat(path(rel), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStat(st)
    }

    /// The file's `stat`, or `nil` when there is no such file.
    func fileStat(_ rel: String) -> FileStat? {
        var st = stat()
        guard stat(path(rel), &st) == 0 else { return nil }
        return FileStat(st)
    }
}

extension DataFolder {
    /// The JSON files of a folder (as `jsonFiles(in:)` names them, unsorted) with their `stat`,
    /// read with one `opendir` and an `fstatat` per entry: the cheap look `Store.changes` takes
    /// every second or two. A missing folder has none. Entries named `*.json` that are no regular
    /// file (a FIFO, a device, a folder, a dangling link) are listed too, with `regular` false and
    /// the `stat` of what is there (of the link itself when it leads nowhere); none is opened.
    func statJSONFiles(in folder: String) throws -> [(name: String, stat: FileStat, regular: Bool)] {
        guard let dir = opendir(path(folder)) else {
            if errno == ENOENT { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [(name: String, stat: FileStat, regular: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name.hasSuffix(".json") else { continue }
            var st = stat()
            if fstatat(fd, name, &st, 0) == 0 {
                out.append((name, FileStat(st), (st.st_mode & S_IFMT) == S_IFREG))
            } else if fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 {
                // A link that leads nowhere: the link's own stat. (Gone since it was listed: nothing.)
                out.append((name, FileStat(st), false))
            }
        }
        return out
    }
}

extension DataFolder {
    /// The `*.json` files of a folder (not dotfiles) as paths relative to the data folder
    /// (`folder/name`), sorted by their UTF-8 bytes, each with its `stat` when it is a regular
    /// file (`nil` for anything else, which loading reports): one `opendir` and an `fstatat` per
    /// entry, no URL per file. A missing folder has none.
    ///
    /// This runs for every file at every start, closed history included, so it does as little
    /// per file as it can: the names are gathered into one byte buffer and sorted by integer keys
    /// made of their first 16 bytes (`memcmp` only to break a tie), each path is made once, as its
    /// final `String`, and the `fstatat`s — most of a start's kernel time, and the one per-file
    /// cost no cache may skip — run on every core once the folder is big enough to pay for it.
    ///
    /// `statting: false` takes no `stat` at all (every one `nil`): the names only, for a caller
    /// that knows which files it must `stat` (`Store.load(…, forFirstFrame: true)`).
    func listJSONFiles(in folder: String, statting: Bool = true) throws -> [(rel: String, stat: FileStat?)] {
        guard let dir = opendir(path(folder)) else {
            if errno == ENOENT { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        let prefix = Array(folder.utf8) + [UInt8(ascii: "/")]
        // Each name followed by a NUL, so `fstatat` can take it where it lies.
        var bytes: [UInt8] = []
        var spans: [(start: Int32, count: Int32)] = []
        let suffix: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x2E, 0x6A, 0x73, 0x6F, 0x6E)   // ".json"
        while let entry = readdir(dir) {
            withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { name in
                    let n = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    guard n > 5, name[0] != 0x2E,
                          name[n - 5] == suffix.0, name[n - 4] == suffix.1, name[n - 3] == suffix.2,
                          name[n - 2] == suffix.3, name[n - 1] == suffix.4 else { return }
                    spans.append((Int32(bytes.count), Int32(n)))
                    bytes.append(contentsOf: UnsafeBufferPointer(start: name, count: n + 1))
                }
            }
        }
        var stats = [FileStat?](repeating: nil, count: spans.count)
        let starts = spans.map { Int($0.start) }
        if statting, !starts.isEmpty { bytes.withUnsafeBufferPointer { b in
            stats.withUnsafeMutableBufferPointer { out in
                let job = StatJob(fd: fd, names: UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  starts: starts, out: out)
                let workers = starts.count >= 512 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
                if workers == 1 {
                    job.run(0..<starts.count)
                } else {
                    let per = (starts.count + workers - 1) / workers
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        job.run(min(starts.count, w * per)..<min(starts.count, (w + 1) * per))
                    }
                }
            }
        } }
        return bytes.withUnsafeBufferPointer { b -> [(rel: String, stat: FileStat?)] in
            let base = b.baseAddress
            // Sort keys: the first 16 bytes as two big-endian integers (a shorter name padded with
            // zeros, which sorts it first, as `memcmp` and then length do: a name has no NUL).
            func word(_ s: (start: Int32, count: Int32), _ at: Int) -> UInt64 {
                var w: UInt64 = 0
                for k in at..<(at + 8) { w = w << 8 | UInt64(k < Int(s.count) ? b[Int(s.start) + k] : 0) }
                return w
            }
            var order: [(hi: UInt64, lo: UInt64, k: Int32)] = spans.indices.map { (word(spans[$0], 0), word(spans[$0], 8), Int32($0)) }
            order.sort { x, y in
                if x.hi != y.hi { return x.hi < y.hi }
                if x.lo != y.lo { return x.lo < y.lo }
                let a = spans[Int(x.k)], c = spans[Int(y.k)]
                let n = Int(min(a.count, c.count)) - 16
                let r = n > 0 ? memcmp(base! + Int(a.start) + 16, base! + Int(c.start) + 16, n) : 0
                return r != 0 ? r < 0 : a.count < c.count
            }
            var out: [(rel: String, stat: FileStat?)] = []
            out.reserveCapacity(spans.count)
            for o in order {
                let s = spans[Int(o.k)]
                let rel = String(unsafeUninitializedCapacity: prefix.count + Int(s.count)) { dest in
                    prefix.withUnsafeBufferPointer { p in
                        UnsafeMutableRawPointer(dest.baseAddress!).copyMemory(from: p.baseAddress!, byteCount: p.count)
                    }
                    (UnsafeMutableRawPointer(dest.baseAddress!) + prefix.count).copyMemory(from: base! + Int(s.start), byteCount: Int(s.count))
                    return prefix.count + Int(s.count)
                }
                out.append((rel, stats[Int(o.k)]))
            }
            return out
        }
    }
}

/// The `fstatat`s of a listing, each worker writing its own indices only; the names (NUL-ended)
/// and the folder stay open and unchanged while they run.
private struct StatJob: @unchecked Sendable {
    let fd: Int32
    let names: UnsafePointer<CChar>
    let starts: [Int]
    let out: UnsafeMutableBufferPointer<FileStat?>

    func run(_ range: Range<Int>) {
        var st = stat()
        for k in range where fstatat(fd, names + starts[k], &st, 0) == 0 && (st.st_mode & S_IFMT) == S_IFREG {
            out[k] = FileStat(st)
        }
    }
}
