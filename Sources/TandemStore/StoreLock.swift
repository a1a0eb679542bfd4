import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The short exclusive lock a writer holds around "compare the file with what I loaded, then
/// write it" (DESIGN.md §3): `flock` on `<data>/.lock`.
///
/// The kernel drops the lock when the holder's file descriptor closes, so a writer that dies
/// leaves nothing to take over. `flock` belongs to the open file, not the process, so two threads
/// (two `Store`s) in one process exclude each other as two processes do.
///
/// The file exists only while someone holds it: the holder removes it before letting go, and a
/// waiter that got the lock on a file already removed (or replaced) tries again. Whatever an
/// older Tandem left there (JSON naming a pid and host) is only a file to lock, never a holder.
final class StoreLock {
    static let fileName = ".lock"
    /// How long a writer waits for another one before giving up.
    static let defaultWait: Duration = .seconds(5)

    private let fd: Int32
    private let path: String
    private var released = false

    private init(fd: Int32, path: String) { self.fd = fd; self.path = path }

    deinit { release() }

    /// Takes the lock of `folder`, waiting up to `wait` for another writer to finish.
    ///
    /// Throws `.busy` when it is still held after `wait`, `.io` when the file cannot be opened.
    static func acquire(in folder: DataFolder, wait: Duration = defaultWait) throws -> StoreLock {
        let path = folder.path(fileName)
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var pause: Duration = .milliseconds(1)
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                throw StoreError(.io, file: fileName, "cannot open the lock file: \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // Still the file at the path? The previous holder may have removed it meanwhile.
                var mine = stat(), there = stat()
                if fstat(fd, &mine) == 0, stat(path, &there) == 0, mine.st_ino == there.st_ino, mine.st_dev == there.st_dev {
                    return StoreLock(fd: fd, path: path)
                }
                close(fd)
                continue
            }
            let reason = errno
            close(fd)
            guard reason == EWOULDBLOCK || reason == EINTR else {
                throw StoreError(.io, file: fileName, "cannot lock: \(String(cString: strerror(reason)))")
            }
            if clock.now >= deadline {
                throw StoreError(.busy, file: fileName, "another Tandem has been saving for more than \(text(wait)); nothing was written, try again")
            }
            // Short, growing pauses with a little jitter, so waiters do not move in step.
            let jitter = Duration.microseconds(Int64.random(in: 0...500))
            let nap = min(pause, deadline - clock.now) + jitter
            Thread.sleep(forTimeInterval: Double(nap.components.attoseconds) / 1e18 + Double(nap.components.seconds))
            pause = min(pause * 2, .milliseconds(20))
        }
    }

    /// "5 s", "200 ms".
    private static func text(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
    }

    /// Removes the file and lets go; done when the object goes away too.
    func release() {
        guard !released else { return }
        released = true
        unlink(path)
        close(fd)
    }
}

/// Runs `body` holding the store's lock.
func withStoreLock<T>(_ folder: DataFolder, wait: Duration = StoreLock.defaultWait, _ body: () throws -> T) throws -> T {
    let lock = try StoreLock.acquire(in: folder, wait: wait)
    defer { lock.release() }
    return try body()
}
