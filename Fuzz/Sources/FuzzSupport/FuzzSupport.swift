// What every fuzz target shares: handing its test to libFuzzer's driver, and stopping on a broken
// invariant so libFuzzer keeps the input.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target's test, for the C callback (which cannot capture it). Set once, before the driver runs.
nonisolated(unsafe) private var currentTest: ((UnsafePointer<UInt8>, Int) -> CInt)?

/// Runs libFuzzer's driver with the process's arguments on `test` (given the input's bytes and count;
/// an empty input comes as a valid pointer and 0), and exits with the driver's status.
public func runFuzzer(_ test: @escaping (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
    currentTest = test
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let test = currentTest else { return 0 }
        guard let data else { return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { test($0.baseAddress!, 0) } }
        return test(data, size)
    })
}

/// Reports a broken invariant of the fuzz target `target` on stderr and aborts, so libFuzzer saves the input.
public func fuzzFailure(_ target: String, _ message: String) -> Never {
    var line = "\(target) invariant violated: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}

/// The file a target hands its inputs to a reader through: `$TMPDIR/minqing-<name>-<pid>.<extension>`
/// (scripts/fuzz.sh removes these after each target).
public func inputPath(for name: String, extension ext: String) -> String {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return dir + "/minqing-\(name)-\(getpid()).\(ext)"
}

/// Writes `bytes` to the file at `path` (created or truncated), the way each target hands its input to a
/// reader that takes a path; a failure is the target `target`'s broken invariant.
public func writeInput(_ bytes: UnsafeRawBufferPointer, to path: String, target: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if fd < 0 { fuzzFailure(target, "cannot create \(path)") }
    var written = 0
    while let base = bytes.baseAddress, written < bytes.count {
        let n = write(fd, base + written, bytes.count - written)
        if n <= 0 { fuzzFailure(target, "cannot write \(path)") }
        written += n
    }
    close(fd)
}
