/// One entry of a zip file: its name, how it is stored, and where its compressed bytes are.
struct ZipEntry {
    var name: String
    var method: UInt16
    var time: UInt16
    var date: UInt16
    var crc: UInt32
    var compressedSize: UInt64
    var size: UInt64
    /// Where the compressed bytes start in the archive read by ``ZipReader``.
    var dataOffset: Int
}

/// Reads the directory of a small zip held in memory (the workbook libxlsxwriter wrote without the
/// long list sheets' rows: no zip64, no comment).
struct ZipReader {
    let bytes: [UInt8]
    let entries: [ZipEntry]

    /// Parses `bytes`; `context` names the file in errors.
    init(bytes: [UInt8], context: String) throws {
        self.bytes = bytes
        func bad(_ what: String) -> XlsxError {
            XlsxError(code: 0, context: context, reason: "libxlsxwriter 写出的压缩文件格式不对（\(what)）")
        }
        let end = bytes.count - 22
        guard end >= 0, Self.u32(bytes, end) == 0x0605_4b50 else { throw bad("找不到目录结尾") }
        let count = Int(Self.u16(bytes, end + 10))
        var position = Int(Self.u32(bytes, end + 16))
        var entries: [ZipEntry] = []
        for _ in 0..<count {
            guard position + 46 <= bytes.count, Self.u32(bytes, position) == 0x0201_4b50 else { throw bad("目录项损坏") }
            let nameLength = Int(Self.u16(bytes, position + 28))
            let extraLength = Int(Self.u16(bytes, position + 30))
            let commentLength = Int(Self.u16(bytes, position + 32))
            let local = Int(Self.u32(bytes, position + 42))
            guard position + 46 + nameLength <= bytes.count, local + 30 <= bytes.count,
                  Self.u32(bytes, local) == 0x0403_4b50 else { throw bad("文件头损坏") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let dataOffset = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
            let entry = ZipEntry(
                name: name, method: Self.u16(bytes, position + 10), time: Self.u16(bytes, position + 12),
                date: Self.u16(bytes, position + 14), crc: Self.u32(bytes, position + 16),
                compressedSize: UInt64(Self.u32(bytes, position + 20)), size: UInt64(Self.u32(bytes, position + 24)),
                dataOffset: dataOffset)
            guard dataOffset + Int(entry.compressedSize) <= bytes.count else { throw bad("「\(name)」超出文件末尾") }
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The compressed bytes of `entry`.
    func compressed(_ entry: ZipEntry) -> ArraySlice<UInt8> {
        bytes[entry.dataOffset..<(entry.dataOffset + Int(entry.compressedSize))]
    }

    /// The uncompressed bytes of `entry` (stored or deflated).
    func contents(_ entry: ZipEntry, context: String) throws -> [UInt8] {
        entry.method == 0 ? Array(compressed(entry)) : try inflateRaw(compressed(entry), expectedLength: Int(entry.size), context: context)
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}

/// Writes a zip file entry by entry (sizes and CRC known before each entry's data), with zip64
/// records only where a size or offset needs them.
final class ZipWriter {
    /// Sizes and offsets from here up are written as zip64 (tests lower it to exercise that path).
    var zip64Threshold: UInt64 = 0xFFFF_FFFF
    private let sink: FileSink
    private var directory: [UInt8] = []
    private var count = 0

    init(sink: FileSink) { self.sink = sink }

    /// Writes an entry's local header; the caller then writes exactly `compressedSize` bytes of data.
    func beginEntry(name: String, method: UInt16, time: UInt16, date: UInt16, crc: UInt32,
                    compressedSize: UInt64, size: UInt64) throws {
        let offset = sink.offset
        let name = Array(name.utf8)
        let bigSizes = size >= zip64Threshold || compressedSize >= zip64Threshold
        let bigOffset = offset >= zip64Threshold
        let version: UInt16 = bigSizes || bigOffset ? 45 : 20

        var local: [UInt8] = []
        Self.put32(&local, 0x0403_4b50)
        Self.put16(&local, version)
        Self.put16(&local, 0)
        Self.put16(&local, method)
        Self.put16(&local, time)
        Self.put16(&local, date)
        Self.put32(&local, crc)
        Self.put32(&local, bigSizes ? 0xFFFF_FFFF : UInt32(compressedSize))
        Self.put32(&local, bigSizes ? 0xFFFF_FFFF : UInt32(size))
        Self.put16(&local, UInt16(name.count))
        Self.put16(&local, bigSizes ? 20 : 0)
        local += name
        if bigSizes {
            Self.put16(&local, 1)
            Self.put16(&local, 16)
            Self.put64(&local, size)
            Self.put64(&local, compressedSize)
        }
        try sink.write(local)

        var extra: [UInt8] = []
        if bigSizes { Self.put64(&extra, size); Self.put64(&extra, compressedSize) }
        if bigOffset { Self.put64(&extra, offset) }
        Self.put32(&directory, 0x0201_4b50)
        Self.put16(&directory, version)
        Self.put16(&directory, version)
        Self.put16(&directory, 0)
        Self.put16(&directory, method)
        Self.put16(&directory, time)
        Self.put16(&directory, date)
        Self.put32(&directory, crc)
        Self.put32(&directory, bigSizes ? 0xFFFF_FFFF : UInt32(compressedSize))
        Self.put32(&directory, bigSizes ? 0xFFFF_FFFF : UInt32(size))
        Self.put16(&directory, UInt16(name.count))
        Self.put16(&directory, extra.isEmpty ? 0 : UInt16(extra.count + 4))
        Self.put16(&directory, 0)  // comment
        Self.put16(&directory, 0)  // disk
        Self.put16(&directory, 0)  // internal attributes
        Self.put32(&directory, 0)  // external attributes
        Self.put32(&directory, bigOffset ? 0xFFFF_FFFF : UInt32(offset))
        directory += name
        if !extra.isEmpty {
            Self.put16(&directory, 1)
            Self.put16(&directory, UInt16(extra.count))
            directory += extra
        }
        count += 1
    }

    /// Writes the central directory and its end records, and flushes the file.
    func finish() throws {
        let start = sink.offset
        try sink.write(directory)
        let size = UInt64(directory.count)
        var end: [UInt8] = []
        let big = start >= zip64Threshold || count >= 0xFFFF
        if big {
            let recordOffset = sink.offset
            Self.put32(&end, 0x0606_4b50)
            Self.put64(&end, 44)
            Self.put16(&end, 45)
            Self.put16(&end, 45)
            Self.put32(&end, 0)
            Self.put32(&end, 0)
            Self.put64(&end, UInt64(count))
            Self.put64(&end, UInt64(count))
            Self.put64(&end, size)
            Self.put64(&end, start)
            Self.put32(&end, 0x0706_4b50)
            Self.put32(&end, 0)
            Self.put64(&end, recordOffset)
            Self.put32(&end, 1)
        }
        Self.put32(&end, 0x0605_4b50)
        Self.put16(&end, 0)
        Self.put16(&end, 0)
        Self.put16(&end, big ? 0xFFFF : UInt16(count))
        Self.put16(&end, big ? 0xFFFF : UInt16(count))
        Self.put32(&end, big ? 0xFFFF_FFFF : UInt32(size))
        Self.put32(&end, big ? 0xFFFF_FFFF : UInt32(start))
        Self.put16(&end, 0)
        try sink.write(end)
        try sink.flush()
    }

    static func put16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8(v >> 8))
    }

    static func put32(_ out: inout [UInt8], _ v: UInt32) {
        put16(&out, UInt16(v & 0xFFFF))
        put16(&out, UInt16(v >> 16))
    }

    static func put64(_ out: inout [UInt8], _ v: UInt64) {
        put32(&out, UInt32(v & 0xFFFF_FFFF))
        put32(&out, UInt32(v >> 32))
    }
}
