import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files a save leaves behind when it is killed between creating its temp file
/// and renaming it (`DataFolder.writeAtomically`): `.<file name>.<pid>.<random>.tmp` in the
/// folder of the file being saved. They are removed when a store next opens for editing, but
/// only files of exactly that pattern, regular files, and only when their writer is gone (no
/// process has that pid) or they are older than `staleAge` (a pid may be reused; no save takes
/// more than a few seconds). Nothing else is ever touched.
extension DataFolder {
    /// A temp file older than this is stale whoever wrote it.
    static let staleAge: TimeInterval = 15 * 60

    /// The folders a save writes in, relative to the root ("" is the root itself).
    static var tempFolders: [String] { [""] + RecordKind.allCases.map(\.rawValue) + [Store.draftsFolder, ".cache"] }

    /// The pid in a temp file name of the store's own pattern; `nil` for any other name.
    static func tempWriter(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        // <file name, which may hold dots>.<pid>.<random>
        guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil,
              let pid = Int32(parts[parts.count - 2]), pid > 0, !parts[0].isEmpty else { return nil }
        return pid
    }

    /// Removes stale temp files; returns their paths relative to the root.
    @discardableResult
    func removeStaleTemps(now: Date = Date(), isAlive: (Int32) -> Bool = DataFolder.processExists) -> [String] {
        var removed: [String] = []
        for folder in DataFolder.tempFolders {
            let dir = folder.isEmpty ? root.path : path(folder)
            for name in DataFolder.dotNames(in: dir) {
                guard let pid = DataFolder.tempWriter(name) else { continue }
                let rel = folder.isEmpty ? name : "\(folder)/\(name)"
                var st = stat()
                guard lstat(path(rel), &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
                let age = now.timeIntervalSince1970 - Double(FileStat(st).modified) / 1e9
                guard age >= DataFolder.staleAge || (pid != getpid() && !isAlive(pid)) else { continue }
                if unlink(path(rel)) == 0 { removed.append(rel) }
            }
        }
        return removed
    }

    /// The names in a folder that start with a dot (a temp file's do), but `.` and `..`; none for
    /// a folder that cannot be listed. Every start for editing lists every record folder, so the
    /// names of the records themselves are passed over by their first byte, with no `String` made.
    static func dotNames(in dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let entry = readdir(d) {
            let name: String? = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { c in
                    guard c[0] == 0x2E, !(c[1] == 0 || (c[1] == 0x2E && c[2] == 0)) else { return nil }
                    return String(cString: c)
                }
            }
            if let name { out.append(name) }
        }
        return out
    }

    /// Whether a process with this pid exists (on this machine).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
