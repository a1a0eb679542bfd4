import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `.lock` file of the editing instance: `{"host": …, "pid": …, "since": …}`, taken with
/// `O_CREAT|O_EXCL` and removed when released (or when the object goes away).
final class StoreLock {
    /// What is written in the lock file.
    struct Holder: Codable, Equatable {
        var host: String
        var pid: Int32
        var since: String
    }

    /// The result of trying to take the lock.
    enum Outcome {
        case acquired(StoreLock)
        /// Someone else holds it; the text says who, for `readOnlyReason`.
        case held(String)
    }

    static let fileName = ".lock"

    private let path: String
    private let holder: Holder
    private var released = false

    private init(path: String, holder: Holder) { self.path = path; self.holder = holder }

    deinit { release() }

    /// Takes the lock of `folder`, or says who holds it. A lock left by a dead process on this
    /// host is taken over.
    static func acquire(in folder: DataFolder, now: Date = Date()) throws -> Outcome {
        let path = folder.path(fileName)
        let me = Holder(host: hostName(), pid: getpid(), since: iso8601(now))
        for _ in 0..<2 {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                var bytes = try encoder.encode(me)
                bytes.append(0x0A)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
                fsync(fd)
                close(fd)
                if written != bytes.count {
                    unlink(path)
                    throw StoreError(.io, file: fileName, "cannot write the lock file: \(String(cString: strerror(errno)))")
                }
                return .acquired(StoreLock(path: path, holder: me))
            }
            guard errno == EEXIST else {
                throw StoreError(.io, file: fileName, "cannot create the lock file: \(String(cString: strerror(errno)))")
            }
            let data = try folder.read(fileName)
            guard let data, let other = try? JSONDecoder().decode(Holder.self, from: data) else {
                return .held("locked by another Tandem (\(folder.path(fileName)) cannot be read; remove it if no Tandem is running)")
            }
            if other.host == me.host && !isAlive(other.pid) {
                unlink(path)
                continue
            }
            return .held("locked by pid \(other.pid) on host \(other.host) since \(other.since)")
        }
        return .held("locked by another Tandem that keeps retaking \(folder.path(fileName))")
    }

    /// Removes the lock file if it is still ours.
    func release() {
        guard !released else { return }
        released = true
        guard let data = FileManager.default.contents(atPath: path),
              let current = try? JSONDecoder().decode(Holder.self, from: data),
              current == holder else { return }
        unlink(path)
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
