import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What start-up needs to know of each record file without reading it: a derived cache,
/// `.cache/load.bin` in the data folder (0600, in a 0700 folder, kept out of git by the
/// `.gitignore`).
///
/// For each record file that last loaded cleanly it keeps the file's `stat` (size, modification
/// and change times to the nanosecond, inode, device), the record's id, its format and whether it
/// is closed. `load(scope: .open)` skips reading a closed record whose entry still matches its
/// file, so start-up reads only open work. An entry is trusted only when the whole `stat` matches
/// and the file's times are older than the cache file itself by `racyWindow` (git's "racy" rule:
/// a file changed within the same clock tick as the cache was written could keep its `stat`), so
/// a hand edit, a `git pull` or a file copied in is always read. The cache is never used for
/// writes (a save compares the file itself), `check` reads every file whatever it says, and a
/// cache that is missing, from another version, truncated or corrupt is ignored and rebuilt.
struct LoadIndex {
    static let file = ".cache/load.bin"
    static let folder = ".cache"
    /// Bumped whenever what an entry means changes (or what loading checks): an older cache is rebuilt.
    static let version: UInt32 = 1
    static let magic: [UInt8] = Array("TANDEMLI".utf8)
    /// Files whose times are this close to (or after) the cache's own are read anyway.
    static let racyWindow: Int64 = 1_000_000_000

    struct Entry: Equatable {
        var stat: FileStat
        var id: UUID
        var format: Int
        var closed: Bool
        /// Whether the record was decoded and its ranges checked (not only scanned) when the
        /// entry was made: open records always are, closed ones when a load asked for them.
        var decoded: Bool = true
    }

    var entries: [String: Entry] = [:]
    /// The cache file's own modification time (ns), the clock its entries are judged by.
    var written: Int64 = .min

    /// The entry for a file, when the file's `stat` still matches it and is old enough to trust.
    func trusted(_ rel: String, stat: FileStat) -> Entry? {
        guard let e = entries[rel], e.stat == stat else { return nil }
        guard max(stat.modified, stat.changed) < written &- LoadIndex.racyWindow else { return nil }
        return e
    }

    // MARK: - Reading and writing

    /// The cache as it is on disk; an empty one when it is missing or cannot be trusted as a whole.
    static func read(from folder: DataFolder) -> LoadIndex {
        guard isRealFolder(folder) else { return LoadIndex() }
        let path = folder.path(file)
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 64 << 20,
              let data = try? folder.read(file) else { return LoadIndex() }
        guard var index = decode(data) else { return LoadIndex() }
        index.written = FileStat(st).modified
        return index
    }

    /// Parses the bytes; `nil` on any inconsistency (wrong magic or version, bad checksum, short).
    static func decode(_ data: Data) -> LoadIndex? {
        data.withUnsafeBytes { raw -> LoadIndex? in
            let b = raw.bindMemory(to: UInt8.self)
            var r = Reader(b: b)
            guard b.count >= 28, Array(b[0..<8]) == magic else { return nil }
            r.at = 8
            guard let v = r.u32(), v == version, let count = r.u32(), let sum = r.u64() else { return nil }
            let body = UnsafeBufferPointer(rebasing: b[r.at...])
            guard checksum(body) == sum, Int(count) <= body.count / 40 else { return nil }
            var index = LoadIndex()
            index.entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let n = r.u16(), let name = r.text(Int(n)),
                      let size = r.u64(), let m = r.u64(), let c = r.u64(), let ino = r.u64(), let dev = r.u64(),
                      let id = r.uuid(), let format = r.u32(), let flags = r.u8() else { return nil }
                let st = FileStat(size: Int64(bitPattern: size), modified: Int64(bitPattern: m), changed: Int64(bitPattern: c),
                                  inode: ino, device: dev)
                index.entries[name] = Entry(stat: st, id: id, format: Int(format), closed: flags & 1 != 0, decoded: flags & 2 != 0)
            }
            guard r.at == b.count else { return nil }
            return index
        }
    }

    static func encode(_ entries: [String: Entry]) -> Data {
        var body: [UInt8] = []
        body.reserveCapacity(entries.count * 120)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { body.append(contentsOf: $0) } }
        for (name, e) in entries.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(name.utf8)
            guard utf8.count < Int(UInt16.max) else { continue }
            put(UInt16(utf8.count)); body += utf8
            put(UInt64(bitPattern: e.stat.size)); put(UInt64(bitPattern: e.stat.modified)); put(UInt64(bitPattern: e.stat.changed))
            put(e.stat.inode); put(e.stat.device)
            withUnsafeBytes(of: e.id.uuid) { body.append(contentsOf: $0) }
            put(UInt32(clamping: max(0, e.format))); put(UInt8((e.closed ? 1 : 0) | (e.decoded ? 2 : 0)))
        }
        var out = magic
        withUnsafeBytes(of: version.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(entries.count).littleEndian) { out.append(contentsOf: $0) }
        let sum = body.withUnsafeBufferPointer { checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return Data(out + body)
    }

    /// Writes the cache; best effort (a folder that cannot be written just goes without). No
    /// fsync: a torn cache fails its checksum and is rebuilt.
    static func write(_ entries: [String: Entry], to folder: DataFolder) {
        let data = encode(entries)
        try? folder.makeFolder(LoadIndex.folder)
        // Nothing is written outside the data folder: not through a `.cache` that is a symlink.
        guard isRealFolder(folder) else { return }
        let target = folder.path(file)
        let temp = folder.path("\(LoadIndex.folder)/.load.bin.\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let ok = data.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = writeBytes(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        fchmod(fd, 0o600)
        close(fd)
        if !ok || rename(temp, target) != 0 { unlink(temp) }
    }

    /// Whether `.cache` is a folder of its own (not a symlink, not a file).
    static func isRealFolder(_ folder: DataFolder) -> Bool {
        var st = stat()
        return lstat(folder.path(LoadIndex.folder), &st) == 0 ? (st.st_mode & S_IFMT) == S_IFDIR : true
    }

    static func checksum(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var at = 0
        mutating func bytes(_ n: Int) -> UnsafeBufferPointer<UInt8>? {
            guard n >= 0, at + n <= b.count else { return nil }
            defer { at += n }
            return UnsafeBufferPointer(rebasing: b[at..<(at + n)])
        }
        mutating func int<T: FixedWidthInteger>(_ type: T.Type) -> T? {
            let n = MemoryLayout<T>.size
            guard at + n <= b.count else { return nil }
            defer { at += n }
            // One unaligned load per number: this runs several times for every file of the store.
            return T(littleEndian: UnsafeRawPointer(b.baseAddress! + at).loadUnaligned(as: T.self))
        }
        mutating func u8() -> UInt8? { int(UInt8.self) }
        mutating func u16() -> UInt16? { int(UInt16.self) }
        mutating func u32() -> UInt32? { int(UInt32.self) }
        mutating func u64() -> UInt64? { int(UInt64.self) }
        mutating func text(_ n: Int) -> String? {
            guard let s = bytes(n) else { return nil }
            // The checksum already vouches for the bytes: no Foundation round trip per name.
            return String(decoding: s, as: UTF8.self)
        }
        mutating func uuid() -> UUID? {
            guard let s = bytes(16) else { return nil }
            return UUID(uuid: UnsafeRawPointer(s.baseAddress!).loadUnaligned(as: uuid_t.self))
        }
    }
}

private func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
