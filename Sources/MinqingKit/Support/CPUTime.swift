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

/// Adds up the wall time spent in one kind of work inside a loop, so one thread's time can be split
/// into parts. A monotonic clock read costs about 20 ns, twice per call: a watch made with
/// `sampling: n` reads the clock on every n-th call only and counts that duration n times (the
/// per-row watches, where reading the clock every time cost about 1 % of a large run).
struct Stopwatch {
    /// Seconds accumulated (estimated from the sampled calls when `sampling` > 1).
    private(set) var seconds = 0.0
    private let sampling: Int
    private var calls = 0

    /// A watch that times every `sampling`-th call (every call by default).
    init(sampling: Int = 1) {
        self.sampling = max(1, sampling)
    }

    /// Runs `body`, adding its duration (on sampled calls).
    @inline(__always)
    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        calls &+= 1
        guard calls % sampling == 0 else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds += Double(sampling) * Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 }
        return try body()
    }
}
