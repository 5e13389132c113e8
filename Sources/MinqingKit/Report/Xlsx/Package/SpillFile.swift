#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An anonymous temporary file in the output folder, holding one sheet's compressed rows until the
/// workbook is assembled. It is unlinked as soon as it is created, so nothing is left behind
/// whatever happens to the run; the descriptor is closed in `deinit`.
final class SpillFile {
    private let fd: Int32
    /// Bytes written so far.
    private(set) var size: UInt64 = 0

    /// Creates the file in `folder` (named after `stem` for the moment it exists).
    init(folder: String, stem: String) throws {
        var template = Array("\(folder)/.\(stem).XXXXXX.partial".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 8) }
        guard made >= 0 else {
            throw XlsxError.io("在 \(folder) 创建临时文件", String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = made
    }

    deinit { close(fd) }

    /// Appends `bytes`; a full disk is reported as such.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(fd, bytes, context: "写入临时文件")
        size += UInt64(bytes.count)
    }

    /// Copies the whole file to `sink`.
    func copy(to sink: FileSink) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        try copy(from: 0, length: size, to: sink, buffer: &buffer)
    }

    /// Copies `length` bytes from `start` to `sink`, through `buffer` (not empty; reused across calls).
    func copy(from start: UInt64, length: UInt64, to sink: FileSink, buffer: inout [UInt8]) throws {
        precondition(!buffer.isEmpty, "SpillFile.copy needs a buffer")
        var offset = start
        let end = start + length
        while offset < end {
            let want = Int(min(UInt64(buffer.count), end - offset))
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw XlsxError.io("读取临时文件", got == 0 ? "文件比预期短" : String(cString: strerror(errno)))
            }
            try buffer.withUnsafeBytes { try sink.write(UnsafeRawBufferPointer(rebasing: $0[..<got])) }
            offset += UInt64(got)
        }
    }
}

/// A buffered, append-only output file that counts its offset (for the zip's directory).
final class FileSink {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// Bytes written so far (buffered ones included).
    private(set) var offset: UInt64 = 0

    /// Creates (or truncates) `path`.
    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw XlsxError.io("创建工作簿 \(path)", String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(capacity)
    }

    deinit { close(fd) }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += UInt64(bytes.count)
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(fd, bytes, context: "写入工作簿 \(path)")
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Writes out what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll(fd, $0, context: "写入工作簿 \(path)") }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `write(2)` until everything is written; ENOSPC and the like become a sentence naming the cause.
private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, context: String) throws {
    guard var base = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
        let written = write(fd, base, left)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else {
            let why = errno == ENOSPC ? "磁盘已满" : String(cString: strerror(errno))
            throw XlsxError.io(context, why)
        }
        base += written
        left -= written
    }
}
