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
    /// every second or two. A missing folder has none.
    func statJSONFiles(in folder: String) throws -> [(name: String, stat: FileStat)] {
        guard let dir = opendir(path(folder)) else {
            if errno == ENOENT { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [(name: String, stat: FileStat)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name.hasSuffix(".json") else { continue }
            var st = stat()
            guard fstatat(fd, name, &st, 0) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            out.append((name, FileStat(st)))
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
    /// per file as it can: the names are gathered into one byte buffer, sorted by `memcmp`
    /// (no `String` comparison), and each path is made once, as its final `String`.
    func listJSONFiles(in folder: String) throws -> [(rel: String, stat: FileStat?)] {
        guard let dir = opendir(path(folder)) else {
            if errno == ENOENT { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        let prefix = Array(folder.utf8) + [UInt8(ascii: "/")]
        var bytes: [UInt8] = []
        var spans: [(start: Int32, count: Int32, stat: FileStat?)] = []
        let suffix: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x2E, 0x6A, 0x73, 0x6F, 0x6E)   // ".json"
        while let entry = readdir(dir) {
            let ok = withUnsafePointer(to: entry.pointee.d_name) { pointer -> Bool in
                pointer.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { name -> Bool in
                    let n = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    guard n > 5, name[0] != 0x2E,
                          name[n - 5] == suffix.0, name[n - 4] == suffix.1, name[n - 3] == suffix.2,
                          name[n - 2] == suffix.3, name[n - 1] == suffix.4 else { return false }
                    var st = stat()
                    let regular = UnsafeRawPointer(name).withMemoryRebound(to: CChar.self, capacity: n + 1) {
                        fstatat(fd, $0, &st, 0) == 0
                    } && (st.st_mode & S_IFMT) == S_IFREG
                    spans.append((Int32(bytes.count), Int32(n), regular ? FileStat(st) : nil))
                    bytes.append(contentsOf: UnsafeBufferPointer(start: name, count: n))
                    return true
                }
            }
            _ = ok
        }
        return bytes.withUnsafeBufferPointer { b -> [(rel: String, stat: FileStat?)] in
            let base = b.baseAddress
            spans.sort { x, y in
                let r = memcmp(base! + Int(x.start), base! + Int(y.start), Int(min(x.count, y.count)))
                return r != 0 ? r < 0 : x.count < y.count
            }
            var out: [(rel: String, stat: FileStat?)] = []
            out.reserveCapacity(spans.count)
            for s in spans {
                let rel = String(unsafeUninitializedCapacity: prefix.count + Int(s.count)) { dest in
                    for (k, c) in prefix.enumerated() { dest[k] = c }
                    for k in 0..<Int(s.count) { dest[prefix.count + k] = b[Int(s.start) + k] }
                    return prefix.count + Int(s.count)
                }
                out.append((rel, s.stat))
            }
            return out
        }
    }
}
