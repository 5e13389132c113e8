import CIsal
import CZlib

/// Owns one raw-deflate stream (no zlib header, as a zip entry stores it) and keeps the CRC-32 and
/// lengths of what went in and out.
///
/// The compressor is ISA-L's igzip at level 1: on the list sheets' XML it is about four times as fast
/// as zlib at level 1 for a file about 2 % larger (docs/PERFORMANCE.md). Its output is ordinary
/// deflate, read by every zip reader.
///
/// Streams can be joined: one ended with ``finish(final:to:)`` `final: false` (a sync flush) may be
/// followed by the bytes of another stream, and the two read as one deflate stream — which is how a
/// worksheet's rows, compressed while the month is read, are spliced between the sheet's head and tail.
final class Deflater {
    private let stream: UnsafeMutablePointer<isal_zstream>
    private var output: [UInt8]
    /// CRC-32 of the uncompressed bytes so far.
    private(set) var crc: UInt32 = 0
    /// Uncompressed bytes so far.
    private(set) var inputCount: UInt64 = 0
    /// Compressed bytes handed to the sink so far.
    private(set) var outputCount: UInt64 = 0
    private var finished = false

    /// A raw deflate stream; throws if it cannot be set up (out of memory).
    init(context: String) throws {
        guard let made = minqing_isal_deflate_new() else {
            throw XlsxError(code: 0, context: context, reason: "无法初始化压缩（内存不足）")
        }
        stream = made
        output = [UInt8](repeating: 0, count: 1 << 18)
    }

    deinit {
        minqing_isal_deflate_free(stream)
    }

    /// Starts a new, independent stream with the same settings and memory (counts and CRC back to
    /// zero): cheaper than a new `Deflater` for the many small pieces of ``InterleavedRows``.
    func reset() {
        isal_deflate_reset(stream)
        crc = 0
        inputCount = 0
        outputCount = 0
        finished = false
    }

    /// Compresses `input`, handing whatever the compressor produces to `sink`.
    func compress(_ input: UnsafeRawBufferPointer, context: @autoclosure () -> String,
                  to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !input.isEmpty, let base = input.baseAddress else { return }
        // igzip counts in 32-bit lengths; feed very large buffers in pieces.
        var offset = 0
        while offset < input.count {
            let count = min(input.count - offset, 1 << 30)
            let piece = (base + offset).assumingMemoryBound(to: UInt8.self)
            crc = crc32_gzip_refl(crc, piece, UInt64(count))
            inputCount += UInt64(count)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: piece)
            stream.pointee.avail_in = UInt32(count)
            try run(flush: UInt16(NO_FLUSH), endOfStream: false, context: context(), sink: sink)
            offset += count
        }
    }

    /// Ends the stream: `final` closes it (the last piece of a zip entry); otherwise a sync flush
    /// leaves it on a byte boundary so another stream's bytes may follow.
    func finish(final: Bool, context: @autoclosure () -> String,
                to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !finished else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try run(flush: UInt16(final ? NO_FLUSH : SYNC_FLUSH), endOfStream: final, context: context(), sink: sink)
        finished = true
    }

    private func run(flush: UInt16, endOfStream: Bool, context: @autoclosure () -> String,
                     sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.flush = flush
        stream.pointee.end_of_stream = endOfStream ? 1 : 0
        try output.withUnsafeMutableBufferPointer { out in
            guard let outBase = out.baseAddress else { return }
            while true {
                stream.pointee.next_out = outBase
                stream.pointee.avail_out = UInt32(out.count)
                let status = isal_deflate(stream)
                guard status == COMP_OK else {
                    throw XlsxError(code: 0, context: context(), reason: "压缩出错（igzip 错误 \(status)）")
                }
                let produced = out.count - Int(stream.pointee.avail_out)
                if produced > 0 {
                    outputCount += UInt64(produced)
                    try sink(UnsafeRawBufferPointer(start: outBase, count: produced))
                }
                let done = endOfStream
                    ? minqing_isal_deflate_ended(stream) != 0
                    : stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0
                if done { break }
            }
        }
    }

    /// The CRC-32 of two pieces joined, from each piece's CRC and the second one's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: UInt64) -> UInt32 {
        UInt32(crc32_combine(uLong(first), uLong(second), off_t(secondLength)))
    }

    /// Compresses `bytes` as one whole (final) stream or a flushed piece, returning the compressed bytes;
    /// with `deflater` (reset first) instead of a new one.
    static func deflated(_ bytes: [UInt8], final: Bool, context: String, using reused: Deflater? = nil) throws
        -> (data: [UInt8], crc: UInt32, length: UInt64) {
        let deflater = try reused ?? Deflater(context: context)
        deflater.reset()
        var out: [UInt8] = []
        let append: (UnsafeRawBufferPointer) -> Void = { out.append(contentsOf: $0) }
        try bytes.withUnsafeBytes { try deflater.compress($0, context: context, to: append) }
        try deflater.finish(final: final, context: context, to: append)
        return (out, deflater.crc, deflater.inputCount)
    }
}

/// Inflates a whole raw-deflate buffer (a small zip entry written by libxlsxwriter).
func inflateRaw(_ compressed: ArraySlice<UInt8>, expectedLength: Int, context: String) throws -> [UInt8] {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer {
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
    guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw XlsxError(code: 0, context: context, reason: "无法初始化 zlib 解压")
    }
    defer { inflateEnd(stream) }
    var result = [UInt8](repeating: 0, count: max(expectedLength, 1))
    let status: Int32 = compressed.withUnsafeBytes { input in
        result.withUnsafeMutableBytes { out in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.avail_out = uInt(out.count)
            return inflate(stream, Z_FINISH)
        }
    }
    guard status == Z_STREAM_END, Int(stream.pointee.total_out) == expectedLength else {
        throw XlsxError(code: 0, context: context, reason: "libxlsxwriter 写出的压缩内容无法解开（错误 \(status)）")
    }
    return Array(result.prefix(expectedLength))
}
