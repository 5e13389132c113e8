import CFreeXL
import XLSWire

/// An .xls workbook (BIFF8, Excel 97–2003) read as a ``TableSource``. FreeXL reads it in a process of
/// its own, `minqing-xls` (``XLSReaderProcess``), which sends the chosen sheet's non-blank rows as
/// ``XLSWire`` frames: a crafted file that crashes FreeXL (as fuzzing found one does) or makes it loop
/// becomes a refusal of that file, and nothing in minqing is touched. The cells follow the same text
/// rules as ``XLSXSource``; FreeXL converts date-formatted numbers itself.
///
/// FreeXL 1.0.6 does not tell hidden sheets from visible ones, so without `--sheet` the first sheet is read.
final class XLSSource: TableSource {
    let path: String
    private(set) var sheetName = ""
    private(set) var dateSystem = ExcelDateSystem.from1900
    var formName: String { "xls" }
    var physicalLine: Int? { nil }
    private(set) var rowNumber = 0

    private let process: XLSReaderProcess
    private var cells = RowCells()
    private var ended = false

    /// Starts the reader on the workbook at `path` and the worksheet `sheet` (nil: the first). Throws
    /// ``InputRefused`` for a file FreeXL cannot read, an encrypted workbook (an encrypted .xlsx is an
    /// OLE2 file too), a sheet name that is not there, or a reader that cannot be started.
    convenience init(path: String, sheet: String?) throws {
        try self.init(process: XLSReaderProcess(path: path, sheet: sheet), sheet: sheet)
    }

    /// Reads the frames of `process` (a started reader, or a pipe in tests).
    init(process: XLSReaderProcess, sheet: String?) throws {
        self.process = process
        path = process.path
        guard let kind = try frameKind() else { throw crashed() }
        switch kind {
        case .begin: break
        case .failure: throw try failure()
        case .row, .end: throw malformed("第一帧不是开始帧")
        }
        dateSystem = try byte() == 1 ? .from1904 : .from1900
        let rows = try u32()
        let columns = try u16()
        let selected = Int32(bitPattern: try u32())
        let count = Int(try u32())
        guard count <= XLSWire.maxSheets else { throw malformed("工作表数量 \(count) 超出范围") }
        var names: [String] = []
        for _ in 0..<count { names.append(try text(limit: XLSWire.maxNameBytes)) }
        guard selected >= 0 else {
            if let sheet { throw WorkbookRefusal.noSuchSheet(path, sheet: sheet, existing: names) }
            throw WorkbookRefusal.noVisibleSheet(path, hidden: [])
        }
        guard Int(selected) < names.count else { throw malformed("选中的工作表 \(selected) 不存在") }
        sheetName = names[Int(selected)]
        // A BIFF8 sheet has at most 65,536 rows and 256 columns; a file claiming more is damaged or
        // hostile (the reader is stopped rather than asked for each claimed cell).
        guard rows <= Self.maxRows, columns <= Self.maxColumns else {
            throw WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "声称有 \(rows) 行、\(columns) 列")
        }
    }

    static let maxRows: UInt32 = 65_536
    static let maxColumns: UInt16 = 256

    func nextRow() throws -> Bool {
        guard !ended else { return false }
        guard let kind = try frameKind() else { throw crashed() }
        switch kind {
        case .row:
            let row = Int(try u32()) + 1
            guard row > rowNumber, row <= Self.maxRows else { throw malformed("行号 \(row) 不在 \(rowNumber) 之后") }
            rowNumber = row
            cells.clear()
            let count = Int(try u16())
            var last = -1
            for _ in 0..<count {
                let column = Int(try u16())
                guard column > last, column < Self.maxColumns else { throw malformed("第 \(row) 行的列号 \(column) 无效") }
                last = column
                cells.set(column, try cellText())
            }
            return true
        case .end:
            ended = true
            if let how = process.finish() { throw WorkbookRefusal.damaged(path, detail: "读取程序\(how)") }
            return false
        case .failure:
            throw try failure()
        case .begin:
            throw malformed("出现第二个开始帧")
        }
    }

    var fieldCount: Int { cells.count }
    func field(_ i: Int) -> String { cells.field(i) }
    func rawRecord() -> String { cells.csvLine() }
    var recordHasNUL: Bool { cells.hasNUL }

    // MARK: Frames

    private func frameKind() throws -> XLSWire.Frame? {
        guard let bytes = try process.take(1) else { return nil }
        guard let kind = XLSWire.Frame(rawValue: bytes[bytes.startIndex]) else {
            throw malformed("未知的帧类型 \(bytes[bytes.startIndex])")
        }
        return kind
    }

    private func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard let bytes = try process.take(count) else { throw crashed() }
        return bytes
    }

    private func byte() throws -> UInt8 { try bytes(1).first ?? 0 }

    private func u16() throws -> UInt16 {
        let b = try bytes(2)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }

    private func u32() throws -> UInt32 {
        try bytes(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    private func u64() throws -> UInt64 {
        try bytes(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    private func text(limit: Int) throws -> String {
        let length = Int(try u32())
        guard length <= limit else { throw malformed("文本长度 \(length) 超出范围") }
        return String(decoding: try bytes(length), as: UTF8.self)
    }

    /// A cell as Excel shows it.
    private func cellText() throws -> String {
        let raw = try byte()
        switch XLSWire.CellKind(rawValue: raw) {
        case .text?:
            return try text(limit: XLSWire.maxCellBytes)
        case .dateTime?:
            // FreeXL writes the time even at midnight; Excel's cell shows a date then (as for .xlsx).
            let string = try text(limit: XLSWire.maxCellBytes)
            return string.hasSuffix(" 00:00:00") ? String(string.dropLast(9)) : string
        case .integer?:
            return String(Int64(bitPattern: try u64()))
        case .double?:
            return CellText.number(Double(bitPattern: try u64()))
        case nil:
            throw malformed("未知的单元格类型 \(raw)")
        }
    }

    // MARK: Refusals

    /// The reader's failure frame as a refusal.
    private func failure() throws -> InputRefused {
        let step = XLSWire.Step(rawValue: try byte())
        let status = Int32(bitPattern: try u32())
        let row = try u32()
        ended = true
        _ = process.finish()
        switch step {
        case .password?:
            return WorkbookRefusal.encrypted(path)
        case .open?:
            if status == FREEXL_FILE_NOT_FOUND { return WorkbookRefusal.unreadable(path, detail: "找不到该文件或无法读取") }
            if OLE2Probe.holdsEncryptedPackage(path: path) { return WorkbookRefusal.encrypted(path) }
            return WorkbookRefusal.damaged(path, detail: "不是可读取的 .xls 工作簿：\(Self.describe(status))")
        case .info?: return damaged("读取工作簿信息", status)
        case .sheetNames?: return damaged("读取工作表名称", status)
        case .selectSheet?: return damaged("选择工作表", status)
        case .dimensions?: return damaged("读取工作表大小", status)
        case .cell?: return damaged("读取第 \(UInt64(row) + 1) 行的单元格", status)
        case .usage?, nil: return malformed("读取程序报告了未知的错误")
        }
    }

    private func damaged(_ doing: String, _ status: Int32) -> InputRefused {
        WorkbookRefusal.damaged(path, detail: "\(doing)时出错：\(Self.describe(status))")
    }

    /// The stream ended before its end frame: the reader crashed, or was stopped by its limits.
    private func crashed() -> InputRefused {
        ended = true
        let how = process.finish() ?? "意外结束"
        return WorkbookRefusal.damaged(path, detail: "读取 .xls 的程序 \(XLSWire.readerName) \(how)，文件可能是恶意构造的")
    }

    /// Frames that break the protocol (a reader gone wrong).
    private func malformed(_ what: String) -> InputRefused {
        ended = true
        return WorkbookRefusal.damaged(path, detail: "读取程序 \(XLSWire.readerName) 的输出无效：\(what)")
    }

    /// FreeXL's error codes in words.
    static func describe(_ status: Int32) -> String {
        switch status {
        case FREEXL_INSUFFICIENT_MEMORY: return "内存不足"
        case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_INVALID_SIGNATURE, FREEXL_CFBF_INVALID_SECTOR_SIZE:
            return "OLE2 文件头无效"
        case FREEXL_CFBF_READ_ERROR, FREEXL_CFBF_SEEK_ERROR: return "文件不完整（读取越界）"
        case FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY, FREEXL_INVALID_MINI_STREAM,
             FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            return "OLE2 分配表损坏"
        case FREEXL_BIFF_INVALID_BOF, FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "其中没有 Excel 97–2003 工作簿"
        case FREEXL_BIFF_INVALID_SST, FREEXL_BIFF_ILLEGAL_SST_INDEX: return "共享字符串表损坏"
        case FREEXL_INVALID_CHARACTER, FREEXL_UNSUPPORTED_CHARSET: return "含有无法转换的字符"
        case FREEXL_CRAFTED_FILE: return "文件结构异常（可能是恶意构造的文件）"
        default: return "FreeXL 错误代码 \(status)"
        }
    }
}
