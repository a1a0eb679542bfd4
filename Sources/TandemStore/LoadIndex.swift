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
    static let version: UInt32 = 2
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

    /// The entries in the order of their paths' UTF-8 bytes (as `memcmp` orders them, a prefix
    /// first), the order `DataFolder.listJSONFiles` lists a folder in: start-up walks the two side
    /// by side, comparing bytes, with no `String` and no hashing per file (`match`).
    private(set) var slots: [Entry] = []
    /// Each slot's path, as a range of `names`.
    private var spans: [(start: Int32, count: Int32)] = []
    private var names: [UInt8] = []
    /// The cache file's own modification time (ns), the clock its entries are judged by.
    var written: Int64 = .min

    var count: Int { slots.count }

    /// The entries by path (tests, and rewriting the cache); setting it re-sorts them.
    var entries: [String: Entry] {
        get {
            var out: [String: Entry] = [:]
            out.reserveCapacity(slots.count)
            for k in slots.indices { out[path(at: k)] = slots[k] }
            return out
        }
        set { self = LoadIndex(newValue.map { ($0.key, $0.value) }, written: written) }
    }

    init() {}

    /// An index of these entries (in any order), judged against `written`.
    init(_ pairs: [(rel: String, entry: Entry)], written: Int64 = .min) {
        let sorted = pairs.map { (Array($0.rel.utf8), $0.entry) }.sorted { LoadIndex.less($0.0, $1.0) }
        for (name, entry) in sorted {
            if let last = spans.last, name.withUnsafeBufferPointer({ LoadIndex.compareBytes(names, last, $0) }) == 0 { continue }
            spans.append((Int32(names.count), Int32(name.count)))
            names += name
            slots.append(entry)
        }
        self.written = written
    }

    /// The path of slot `k`.
    func path(at k: Int) -> String {
        let s = spans[k]
        return String(decoding: names[Int(s.start)..<Int(s.start + s.count)], as: UTF8.self)
    }

    /// The entry at slot `k`, when the file's `stat` still matches it and is old enough to trust.
    func trusted(at k: Int, stat: FileStat) -> Entry? {
        let e = slots[k]
        // A cache with no time of its own (not read from a file) vouches for nothing.
        guard e.stat == stat, written > Int64.min + LoadIndex.racyWindow,
              max(stat.modified, stat.changed) < written - LoadIndex.racyWindow else { return nil }
        return e
    }

    /// The entry for a file, when the file's `stat` still matches it and is old enough to trust
    /// (a binary search: for a look at files in any order).
    func trusted(_ rel: String, stat: FileStat) -> Entry? {
        var cursor = lowerBound(rel)
        return match(rel, from: &cursor).flatMap { trusted(at: $0, stat: stat) }
    }

    /// The first slot whose path is not before `rel`.
    func lowerBound(_ rel: String) -> Int {
        var text = rel
        return text.withUTF8 { want in
            var lo = 0, hi = slots.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if compare(mid, want) < 0 { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }

    /// The slot of `rel`, looked for from `cursor` on, which it moves past every path before
    /// `rel`: called with paths in the listing's order (each folder's names sorted by bytes), a
    /// whole folder is matched in one pass. `nil` when the cache has no entry for it.
    func match(_ rel: String, from cursor: inout Int) -> Int? {
        var text = rel
        return text.withUTF8 { want -> Int? in
            while cursor < slots.count {
                let c = compare(cursor, want)
                if c < 0 { cursor += 1; continue }
                if c > 0 { return nil }
                defer { cursor += 1 }
                return cursor
            }
            return nil
        }
    }

    /// `memcmp` order of slot `k`'s path against `want`, a prefix first.
    private func compare(_ k: Int, _ want: UnsafeBufferPointer<UInt8>) -> Int {
        LoadIndex.compareBytes(names, spans[k], want)
    }

    private static func compareBytes(_ names: [UInt8], _ s: (start: Int32, count: Int32), _ want: UnsafeBufferPointer<UInt8>) -> Int {
        names.withUnsafeBufferPointer { b -> Int in
            let n = min(Int(s.count), want.count)
            let r = n == 0 ? 0 : Int(memcmp(b.baseAddress! + Int(s.start), want.baseAddress!, n))
            return r != 0 ? r : Int(s.count) - want.count
        }
    }

    static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let n = min(x.count, y.count)
                let r = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                return r != 0 ? r < 0 : x.count < y.count
            }
        }
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

    /// Parses the bytes; `nil` on any inconsistency (wrong magic or version, bad checksum, short,
    /// paths out of order or repeated).
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
            index.slots.reserveCapacity(Int(count))
            index.spans.reserveCapacity(Int(count))
            index.names.reserveCapacity(body.count - Int(count) * 63)
            for _ in 0..<count {
                guard let n = r.u16(), let name = r.bytes(Int(n)),
                      let size = r.u64(), let m = r.u64(), let c = r.u64(), let ino = r.u64(), let dev = r.u64(),
                      let id = r.uuid(), let format = r.u32(), let flags = r.u8() else { return nil }
                // Strictly increasing: what `match` walks must be in the listing's order.
                if let last = index.spans.last, compareBytes(index.names, last, name) >= 0 { return nil }
                index.spans.append((Int32(index.names.count), Int32(n)))
                index.names.append(contentsOf: name)
                let st = FileStat(size: Int64(bitPattern: size), modified: Int64(bitPattern: m), changed: Int64(bitPattern: c),
                                  inode: ino, device: dev)
                index.slots.append(Entry(stat: st, id: id, format: Int(format), closed: flags & 1 != 0, decoded: flags & 2 != 0))
            }
            guard r.at == b.count else { return nil }
            return index
        }
    }

    func encode() -> Data {
        var body: [UInt8] = []
        body.reserveCapacity(names.count + slots.count * 64)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { body.append(contentsOf: $0) } }
        var written = 0
        for (k, e) in slots.enumerated() {
            let s = spans[k]
            guard s.count < Int32(UInt16.max) else { continue }
            put(UInt16(s.count)); body += names[Int(s.start)..<Int(s.start + s.count)]
            put(UInt64(bitPattern: e.stat.size)); put(UInt64(bitPattern: e.stat.modified)); put(UInt64(bitPattern: e.stat.changed))
            put(e.stat.inode); put(e.stat.device)
            withUnsafeBytes(of: e.id.uuid) { body.append(contentsOf: $0) }
            put(UInt32(clamping: max(0, e.format))); put(UInt8((e.closed ? 1 : 0) | (e.decoded ? 2 : 0)))
            written += 1
        }
        var out = LoadIndex.magic
        withUnsafeBytes(of: LoadIndex.version.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(written).littleEndian) { out.append(contentsOf: $0) }
        let sum = body.withUnsafeBufferPointer { LoadIndex.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return Data(out + body)
    }

    static func encode(_ entries: [String: Entry]) -> Data {
        LoadIndex(entries.map { ($0.key, $0.value) }).encode()
    }

    static func write(_ entries: [String: Entry], to folder: DataFolder) {
        LoadIndex(entries.map { ($0.key, $0.value) }).write(to: folder)
    }

    /// Puts these entries into the cache on disk (each replacing the one of its path), when the
    /// cache reads whole; best effort, as `write`.
    static func update(_ pairs: [(rel: String, entry: Entry)], in folder: DataFolder) {
        var index = read(from: folder)
        guard index.count > 0 else { return }
        var all = index.entries
        for (rel, entry) in pairs { all[rel] = entry }
        index.entries = all
        index.write(to: folder)
    }

    /// Writes the cache; best effort (a folder that cannot be written just goes without). No
    /// fsync: a torn cache fails its checksum and is rebuilt.
    func write(to folder: DataFolder) {
        let data = encode()
        try? folder.makeFolder(LoadIndex.folder)
        // Nothing is written outside the data folder: not through a `.cache` that is a symlink.
        guard LoadIndex.isRealFolder(folder) else { return }
        let target = folder.path(LoadIndex.file)
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

    /// FNV-1a's constants, eight bytes a step (the cache is read at every start), each step a
    /// bijection of the state so a change to any one word always changes the sum; a torn or
    /// damaged file fails it. Not a defence against a forger: the cache only ever makes a load
    /// skip files whose own `stat` it matches.
    static func checksum(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian) &* 0x0000_0100_0000_01b3
            h ^= h >> 29
            i += 8
        }
        while i < b.count {
            h = (h ^ UInt64(b[i])) &* 0x0000_0100_0000_01b3
            i += 1
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
        mutating func uuid() -> UUID? {
            guard let s = bytes(16) else { return nil }
            return UUID(uuid: UnsafeRawPointer(s.baseAddress!).loadUnaligned(as: uuid_t.self))
        }
    }
}

private func writeBytes(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
