#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The data rows of one worksheet as a compressed deflate piece (ended on a byte boundary, not final),
/// ready for ``WorkbookSplice`` to put between the sheet's head and tail as libxlsxwriter wrote them.
protocol SplicedRows: AnyObject {
    /// The sheet's position in the workbook (1-based): libxlsxwriter stores it as xl/worksheets/sheetN.xml.
    var number: Int { get }
    var name: String { get }
    /// The last column (0-based), for the sheet's dimension.
    var lastColumn: Int { get }
    /// The sheet's last row (1-based, as in the file) once the rows are in, for its dimension.
    var lastRow: Int { get }
    /// CRC-32 and length of the uncompressed rows.
    var crc: UInt32 { get }
    var size: UInt64 { get }
    /// Length of the compressed rows.
    var compressedSize: UInt64 { get }
    /// Copies the compressed rows to `sink`.
    func copyCompressed(to sink: FileSink) throws
}

extension SplicedRows {
    /// The sheet's part in the package.
    var entryName: String { "xl/worksheets/sheet\(number).xml" }
}

/// A worksheet whose header, layout and print setup come from libxlsxwriter but whose data rows are
/// written as XML by ``SheetXML`` and compressed while the month is read; ``WorkbookSplice`` puts
/// the two together into the final workbook. Its header is row 1, its rows follow from row 2.
final class SplicedSheet: SplicedRows {
    /// The sheet's position in the workbook (1-based): libxlsxwriter stores it as xl/worksheets/sheetN.xml.
    let number: Int
    let name: String
    /// The last column (0-based), for the sheet's dimension.
    let lastColumn: Int
    /// Data rows written (the header is row 1).
    var rows = 0
    private let deflater: Deflater
    private let spill: SpillFile

    /// Prepares the compressed store of `sheet`'s rows, in `folder`.
    init(sheet: XlsxWorksheet, lastColumn: Int, folder: String) throws {
        number = sheet.number
        name = sheet.name
        self.lastColumn = lastColumn
        deflater = try Deflater(context: "压缩工作表「\(sheet.name)」")
        spill = try SpillFile(folder: folder, stem: "sheet\(sheet.number)")
    }

    /// Compresses a chunk of row XML (called on the writing thread).
    func compress(_ chunk: ByteBuffer) throws {
        try deflater.compress(chunk.bytes, context: "压缩工作表「\(name)」") { try spill.append($0) }
    }

    /// Ends the rows' stream on a byte boundary, ready to be spliced.
    func finishRows() throws {
        try deflater.finish(final: false, context: "压缩工作表「\(name)」") { try spill.append($0) }
    }

    var lastRow: Int { rows + 1 }
    var crc: UInt32 { deflater.crc }
    var size: UInt64 { deflater.inputCount }
    var compressedSize: UInt64 { spill.size }

    func copyCompressed(to sink: FileSink) throws { try spill.copy(to: sink) }
}

/// Builds the final .xlsx from the one libxlsxwriter wrote (summary sheets, charts, styles, and the
/// list sheets with only their header rows) and the list sheets' compressed rows: every other part is
/// copied as it is, each list sheet gets its rows between its header rows and `</sheetData>` and its
/// full `<dimension>`, and the shared strings, when any, are added as xl/sharedStrings.xml (so a
/// workbook whose spliced rows use them must have no shared strings of libxlsxwriter's: its own cells
/// written in `constant_memory` mode, which writes them inline).
enum WorkbookSplice {
    /// Writes `output` from the libxlsxwriter workbook at `base` (which is removed afterwards).
    static func assemble(base: String, output: String, sheets: [any SplicedRows], sharedStrings: SharedStrings,
                         zip64Threshold: UInt64 = 0xFFFF_FFFF) throws {
        let context = "组装工作簿 \(output)"
        let archive = try ZipReader(bytes: try readFile(base, context: context), context: context)
        defer { unlink(base) }
        let sink = try FileSink(path: output)
        let writer = ZipWriter(sink: sink)
        writer.zip64Threshold = zip64Threshold
        let byName = Dictionary(sheets.map { ($0.entryName, $0) }, uniquingKeysWith: { first, _ in first })
        let share = sharedStrings.count > 0
        if share && archive.entries.contains(where: { $0.name == "xl/sharedStrings.xml" }) {
            throw XlsxError(code: 0, context: context, reason: "libxlsxwriter 已写出共享字符串表，不能再加入列表的共享字符串")
        }
        guard let first = archive.entries.first else {
            throw XlsxError(code: 0, context: context, reason: "libxlsxwriter 写出的工作簿是空的")
        }
        // One compressor for every part compressed here (a sheet's head and tail, the shared strings):
        // a 督办清单 may have thousands of sheets, and a new one costs more than a small part.
        let packer = try Deflater(context: context)

        for entry in archive.entries {
            if let sheet = byName[entry.name] {
                try writeSpliced(sheet, entry, archive, writer, sink, packer, context)
            } else if share && entry.name == "[Content_Types].xml" {
                let text = try archive.contents(entry, context: context)
                try writeWhole(entry, insert(Self.sharedStringsType, before: "</Types>", in: text), writer, sink, packer, context)
            } else if share && entry.name == "xl/_rels/workbook.xml.rels" {
                let text = try archive.contents(entry, context: context)
                try writeWhole(entry, addSharedStringsRelationship(text), writer, sink, packer, context)
            } else {
                try writer.beginEntry(
                    name: entry.name, method: entry.method, time: entry.time, date: entry.date, crc: entry.crc,
                    compressedSize: entry.compressedSize, size: entry.size)
                try archive.compressed(entry).withUnsafeBytes { try sink.write($0) }
            }
        }
        if share {
            var entry = first
            entry.name = "xl/sharedStrings.xml"
            try writeWhole(entry, sharedStrings.xml(), writer, sink, packer, context)
        }
        try writer.finish()
    }

    static let sharedStringsType = Array(
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>".utf8)

    private static func writeSpliced(_ sheet: any SplicedRows, _ entry: ZipEntry, _ archive: ZipReader,
                                     _ writer: ZipWriter, _ sink: FileSink, _ packer: Deflater,
                                     _ context: String) throws {
        let xml = try archive.contents(entry, context: context)
        guard let split = find(Array("</sheetData>".utf8), in: xml) else {
            throw XlsxError(code: 0, context: context, reason: "工作表「\(sheet.name)」里找不到 sheetData")
        }
        let head = withDimension("A1:\(xlsxColumnName(sheet.lastColumn))\(sheet.lastRow)", Array(xml[..<split]))
        let tail = Array(xml[split...])
        let headPart = try Deflater.deflated(head, final: false, context: context, using: packer)
        let tailPart = try Deflater.deflated(tail, final: true, context: context, using: packer)
        var crc = Deflater.combine(headPart.crc, sheet.crc, secondLength: sheet.size)
        crc = Deflater.combine(crc, tailPart.crc, secondLength: tailPart.length)
        try writer.beginEntry(
            name: entry.name, method: 8, time: entry.time, date: entry.date, crc: crc,
            compressedSize: UInt64(headPart.data.count) + sheet.compressedSize + UInt64(tailPart.data.count),
            size: headPart.length + sheet.size + tailPart.length)
        try sink.write(headPart.data)
        try sheet.copyCompressed(to: sink)
        try sink.write(tailPart.data)
    }

    private static func writeWhole(_ entry: ZipEntry, _ contents: [UInt8], _ writer: ZipWriter, _ sink: FileSink,
                                   _ packer: Deflater, _ context: String) throws {
        let packed = try Deflater.deflated(contents, final: true, context: context, using: packer)
        try writer.beginEntry(
            name: entry.name, method: 8, time: entry.time, date: entry.date, crc: packed.crc,
            compressedSize: UInt64(packed.data.count), size: packed.length)
        try sink.write(packed.data)
    }

    /// The sheet XML with its `<dimension ref="…"/>` set to `ref`.
    static func withDimension(_ ref: String, _ xml: [UInt8]) -> [UInt8] {
        let open = Array("<dimension ref=\"".utf8)
        guard let at = find(open, in: xml) else { return xml }
        let valueStart = at + open.count
        guard let close = xml[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return xml }
        return Array(xml[..<valueStart]) + Array(ref.utf8) + Array(xml[close...])
    }

    /// The relationships with one more, to sharedStrings.xml, under the next free rId.
    static func addSharedStringsRelationship(_ xml: [UInt8]) -> [UInt8] {
        let text = String(decoding: xml, as: UTF8.self)
        var highest = 0
        var rest = Substring(text)
        while let range = rest.range(of: "Id=\"rId") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            highest = max(highest, Int(digits) ?? 0)
            rest = rest[range.upperBound...]
        }
        let relationship = "<Relationship Id=\"rId\(highest + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return insert(Array(relationship.utf8), before: "</Relationships>", in: xml)
    }

    static func insert(_ piece: [UInt8], before marker: String, in xml: [UInt8]) -> [UInt8] {
        guard let at = find(Array(marker.utf8), in: xml) else { return xml }
        return Array(xml[..<at]) + piece + Array(xml[at...])
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func readFile(_ path: String, context: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw XlsxError.io(context, "无法读取 \(path)（\(String(cString: strerror(errno)))）") }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw XlsxError.io(context, "读取 \(path) 出错（\(String(cString: strerror(errno)))）") }
            if got == 0 { break }
            result.append(contentsOf: buffer[..<got])
        }
        return result
    }
}
