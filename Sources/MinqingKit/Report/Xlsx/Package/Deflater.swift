import CZlib

/// Owns one zlib raw-deflate stream (no zlib header, as a zip entry stores it) and keeps the CRC-32
/// and lengths of what went in and out.
///
/// Streams can be joined: one ended with ``finish(final:to:)`` `final: false` (a sync flush) may be
/// followed by the bytes of another stream, and the two read as one deflate stream — which is how a
/// worksheet's rows, compressed while the month is read, are spliced between the sheet's head and tail.
final class Deflater {
    /// zlib level 1: the list sheets' XML is repetitive enough that it compresses almost as well as
    /// at level 6, at about twice the speed.
    static let defaultLevel: Int32 = 1

    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    /// CRC-32 of the uncompressed bytes so far.
    private(set) var crc: UInt32 = 0
    /// Uncompressed bytes so far.
    private(set) var inputCount: UInt64 = 0
    /// Compressed bytes handed to the sink so far.
    private(set) var outputCount: UInt64 = 0
    private var finished = false

    /// A raw deflate stream at `level`; throws if zlib cannot set it up (out of memory).
    init(level: Int32 = Deflater.defaultLevel, context: String) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: 1 << 18)
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw XlsxError(code: 0, context: context, reason: "无法初始化 zlib 压缩（错误 \(status)，可能是内存不足）")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `input`, handing whatever zlib produces to `sink`.
    func compress(_ input: UnsafeRawBufferPointer, context: @autoclosure () -> String,
                  to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !input.isEmpty, let base = input.baseAddress else { return }
        // zlib counts in 32-bit lengths; feed very large buffers in pieces.
        var offset = 0
        while offset < input.count {
            let count = min(input.count - offset, 1 << 30)
            let piece = UnsafeRawBufferPointer(start: base + offset, count: count)
            crc = UInt32(crc32(uLong(crc), piece.bindMemory(to: Bytef.self).baseAddress, uInt(count)))
            inputCount += UInt64(count)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: piece.bindMemory(to: Bytef.self).baseAddress)
            stream.pointee.avail_in = uInt(count)
            try run(flush: Z_NO_FLUSH, context: context(), sink: sink)
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
        try run(flush: final ? Z_FINISH : Z_SYNC_FLUSH, context: context(), sink: sink)
        finished = true
    }

    private func run(flush: Int32, context: @autoclosure () -> String,
                     sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try output.withUnsafeMutableBufferPointer { out in
            guard let outBase = out.baseAddress else { return }
            repeat {
                stream.pointee.next_out = outBase
                stream.pointee.avail_out = uInt(out.count)
                let status = deflate(stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw XlsxError(code: 0, context: context(), reason: "zlib 压缩出错（错误 \(status)）")
                }
                let produced = out.count - Int(stream.pointee.avail_out)
                if produced > 0 {
                    outputCount += UInt64(produced)
                    try sink(UnsafeRawBufferPointer(start: outBase, count: produced))
                }
            } while stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0
        }
    }

    /// The CRC-32 of two pieces joined, from each piece's CRC and the second one's length.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: UInt64) -> UInt32 {
        UInt32(crc32_combine(uLong(first), uLong(second), off_t(secondLength)))
    }

    /// Compresses `bytes` as one whole (final) stream or a flushed piece, returning the compressed bytes.
    static func deflated(_ bytes: [UInt8], final: Bool, context: String) throws
        -> (data: [UInt8], crc: UInt32, length: UInt64) {
        let deflater = try Deflater(context: context)
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
