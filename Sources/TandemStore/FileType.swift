import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of thing sits at a path of the data folder, checked with `lstat` before a file is
/// opened or replaced: a FIFO or a device named `*.json` would block a plain `open` forever, a
/// dangling symbolic link would look like a file that is simply not there, and a save through
/// `rename` would replace a symbolic link with a regular file.
extension DataFolder {
    /// Opens a file of the data folder for reading: `nil` when nothing is at `rel`; throws when it
    /// is not a regular file (a folder, a FIFO, a device, a socket, a dangling symbolic link).
    /// A symbolic link to a regular file is read through. The open never blocks.
    func openForReading(_ rel: String) throws -> Int32? {
        let full = path(rel)
        var link = stat()
        if lstat(full, &link) != 0 {
            if errno == ENOENT { return nil }
            throw StoreError(.io, file: rel, "cannot read: \(String(cString: strerror(errno)))")
        }
        var st = link
        if (link.st_mode & S_IFMT) == S_IFLNK {
            guard stat(full, &st) == 0 else {
                let target = DataFolder.linkTarget(full) ?? "?"
                throw StoreError(.io, file: rel, "is a symbolic link to \(target), which does not exist "
                                 + "(\(String(cString: strerror(errno)))); restore the file or remove the link")
            }
        }
        if let problem = DataFolder.notAFile(st.st_mode) { throw StoreError(.io, file: rel, problem) }
        let fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreError(.io, file: rel, "cannot read: \(String(cString: strerror(errno)))")
        }
        // The file may have been swapped between the look and the open: look again at what is open.
        var opened = stat()
        guard fstat(fd, &opened) == 0 else {
            close(fd)
            throw StoreError(.io, file: rel, "cannot read: \(String(cString: strerror(errno)))")
        }
        if let problem = DataFolder.notAFile(opened.st_mode) {
            close(fd)
            throw StoreError(.io, file: rel, problem)
        }
        return fd
    }

    /// Why something at `rel` is there but cannot be read as a file (see `openForReading`);
    /// `nil` when nothing is there or it is a readable file.
    func notARegularFile(_ rel: String) -> StoreError? {
        do {
            if let fd = try openForReading(rel) { close(fd) }
            return nil
        } catch {
            return error as? StoreError
        }
    }

    /// Refuses to replace anything at `rel` but a regular file (or nothing): a symbolic link is
    /// not followed (its target may be outside the data folder, where Tandem never writes) nor
    /// replaced (that would cut the link silently); a FIFO, device or folder is not a record.
    func checkReplaceable(_ rel: String) throws {
        var st = stat()
        guard lstat(path(rel), &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            let target = DataFolder.linkTarget(path(rel)) ?? "?"
            throw StoreError(.io, file: rel, "not saved: the file is a symbolic link to \(target); Tandem writes only "
                             + "regular files inside the data folder and will not replace the link. Nothing was written; "
                             + "to edit it here, replace the link with a copy of the file")
        }
        if let problem = DataFolder.notAFile(st.st_mode) { throw StoreError(.io, file: rel, "not saved: it \(problem)") }
    }

    /// Why a mode is not a regular file ("is a FIFO (named pipe), expected a file"); `nil` for one.
    static func notAFile(_ mode: mode_t) -> String? {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: what = "a folder"
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        case S_IFLNK: what = "a symbolic link"
        default: what = "not a regular file"
        }
        return "is \(what), expected a regular file; move it out of the data folder"
    }

    /// Where a symbolic link points, as written in the link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
