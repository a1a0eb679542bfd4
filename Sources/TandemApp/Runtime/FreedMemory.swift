#if canImport(Glibc)
import Glibc
#endif

/// Memory the process freed, handed back to the system. glibc's malloc keeps what a thread freed
/// in that thread's arena, resident, for the thread to reuse: after the dashboard reads its
/// closed history on every core (thousands of whole records decoded, each kept only as its lean
/// copy), megabytes of it would stay in the reading threads' arenas for good. `malloc_trim`
/// returns every whole free page of every arena; elsewhere this does nothing.
enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// Looked up rather than declared: `malloc.h` is not part of the Glibc module.
    nonisolated(unsafe) private static let trim: Trim? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()
    #endif

    /// Returns the free pages of every malloc arena to the system (a few milliseconds).
    static func giveBack() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
