import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds used so far by the calling thread (for the benchmark's per-stage breakdown).
func threadCPUSeconds() -> Double {
    var spec = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 else { return 0 }
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Adds up the wall time spent in one kind of work inside a loop (a monotonic clock read, about
/// 20 ns, before and after), so one thread's time can be split into parts.
struct Stopwatch {
    /// Seconds accumulated.
    private(set) var seconds = 0.0

    /// Runs `body`, adding its duration.
    @inline(__always)
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds += Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 }
        return try body()
    }
}
