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
    /// The `*.json` names of a folder (not dotfiles), sorted as `jsonFiles(in:)` sorts them, each
    /// with its `stat` when it is a regular file (`nil` for anything else, which loading reports):
    /// one `opendir` and an `fstatat` per entry, no URL per file. A missing folder has none.
    func listJSONFiles(in folder: String) throws -> [(name: String, stat: FileStat?)] {
        guard let dir = opendir(path(folder)) else {
            if errno == ENOENT { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [(name: String, stat: FileStat?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix("."), name.hasSuffix(".json") else { continue }
            var st = stat()
            let regular = fstatat(fd, name, &st, 0) == 0 && (st.st_mode & S_IFMT) == S_IFREG
            out.append((name, regular ? FileStat(st) : nil))
        }
        return out.sorted { $0.name < $1.name }
    }
}
