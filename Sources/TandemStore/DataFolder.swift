import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations relative to the data folder, with POSIX calls where durability matters.
///
/// Errors are `StoreError`s of kind `.io` naming the relative path.
struct DataFolder {
    let root: URL
    /// The root's path, so a file's path is one concatenation rather than a URL per file.
    private let rootPath: String

    init(root: URL) {
        self.root = root
        let p = root.path
        rootPath = p.hasSuffix("/") ? String(p.dropLast()) : p
    }

    func path(_ rel: String) -> String { rootPath + "/" + rel }

    func exists(_ rel: String) -> Bool {
        var st = stat()
        return stat(path(rel), &st) == 0
    }

    /// The bytes of a file; `nil` when there is no such file.
    func read(_ rel: String) throws -> Data? {
        // Only a regular file (or a link to one) is opened, and never blocking (FileType.swift).
        guard let fd = try openForReading(rel) else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(rel, "cannot read") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw StoreError(.io, file: rel, "is a folder, expected a file") }
        let size = Int(st.st_size)
        guard size > 0 else { return Data() }
        // Read into an uninitialised buffer that the Data then owns: no zero-filling.
        let base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var done = 0
        while done < size {
            let n = readBytes(fd, base + done, size - done)
            if n < 0 {
                if errno == EINTR { continue }
                base.deallocate()
                throw failure(rel, "cannot read")
            }
            if n == 0 { break }
            done += n
        }
        return Data(bytesNoCopy: base, count: done, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }

    /// Writes a file whole or not at all: a temp file (0600) in the same folder, fsync, rename
    /// over the target, fsync the folder. On failure the temp file is removed and the target is untouched.
    func writeAtomically(_ data: Data, to rel: String) throws {
        let target = path(rel)
        // Split at the last "/" by hand: no Foundation URL on every save.
        let cut = target.utf8.lastIndex(of: UInt8(ascii: "/")) ?? target.utf8.startIndex
        let folder = cut == target.utf8.startIndex ? "." : String(target[..<cut])
        let name = cut == target.utf8.startIndex ? target : String(target[target.utf8.index(after: cut)...])
        // Never through or over a symbolic link, a FIFO or a device (FileType.swift).
        try checkReplaceable(rel)
        let temp = folder + "/." + name + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(rel, "cannot write (creating a temporary file)") }
        var renamed = false
        defer { if !renamed { unlink(temp) } }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failure(rel, "cannot write")
                    }
                    done += n
                }
            }
            guard fchmod(fd, 0o600) == 0, fsync(fd) == 0 else { throw failure(rel, "cannot write (flushing to disk)") }
        }
        guard rename(temp, target) == 0 else { throw failure(rel, "cannot write (replacing the file)") }
        renamed = true
        syncFolder(folder)
    }

    /// Removes a file and makes the removal durable; a missing file is not an error.
    func remove(_ rel: String) throws {
        let target = path(rel)
        if unlink(target) != 0 && errno != ENOENT { throw failure(rel, "cannot delete") }
        syncFolder(URL(fileURLWithPath: target).deletingLastPathComponent().path)
    }

    /// Creates a folder (and the root) with mode 0700 if missing.
    func makeFolder(_ rel: String?) throws {
        let target = rel.map(path) ?? root.path
        if mkdir(target, 0o700) == 0 {
            chmod(target, 0o700)
            return
        }
        if errno == EEXIST { return }
        if errno == ENOENT, rel == nil {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            chmod(target, 0o700)
            return
        }
        throw failure(rel ?? ".", "cannot create the folder")
    }

    /// The names of the JSON files in a folder, sorted; dotfiles and temp files are left out.
    func jsonFiles(in folder: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path(folder))
        } catch {
            if !exists(folder) { return [] }
            throw StoreError(.io, file: folder, "cannot list the folder: \(error.localizedDescription)")
        }
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
    }

    /// Whether a folder holds any entry at all.
    func hasEntries(_ folder: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).isEmpty == false
    }

    private func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private func failure(_ rel: String, _ what: String) -> StoreError {
        StoreError(.io, file: rel, "\(what): \(String(cString: strerror(errno)))")
    }
}

private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
