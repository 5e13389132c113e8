import CFreeXL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An .xls workbook (BIFF8, Excel 97–2003) read as a ``TableSource`` through FreeXL, which loads the
/// chosen workbook's cells on open (an .xls sheet has at most 65,536 rows) and converts date-formatted
/// numbers itself. The cells follow the same text rules as ``XLSXSource``.
///
/// FreeXL 1.0.6 does not tell hidden sheets from visible ones, so without `--sheet` the first sheet is read.
final class XLSSource: TableSource {
    let path: String
    let sheetName: String
    let dateSystem: ExcelDateSystem
    var formName: String { "xls" }
    var physicalLine: Int? { nil }
    private(set) var rowNumber = 0

    private let workbook: FreeXLWorkbook
    private let rowCount: UInt32
    private let columnCount: UInt16
    /// The next row to read (0-based).
    private var nextIndex: UInt32 = 0
    private var cells = RowCells()

    /// Opens the workbook at `path` and the worksheet `sheet` (nil: the first). Throws ``InputRefused``
    /// for a file FreeXL cannot read, an encrypted workbook (an encrypted .xlsx is an OLE2 file too), or
    /// a sheet name that is not there.
    init(path: String, sheet: String?) throws {
        self.path = path
        // Metadata first (no cells loaded): an encrypted workbook is refused before FreeXL reads it.
        let info = try FreeXLWorkbook(path: path, metadataOnly: true)
        if try info.info(FREEXL_BIFF_PASSWORD) == FREEXL_BIFF_OBFUSCATED { throw WorkbookRefusal.encrypted(path) }
        workbook = try FreeXLWorkbook(path: path, metadataOnly: false)
        dateSystem = try workbook.info(FREEXL_BIFF_DATEMODE) == FREEXL_BIFF_DATEMODE_1904 ? .from1904 : .from1900
        let names = try workbook.sheetNames()
        let index: Int
        if let sheet {
            guard let found = names.firstIndex(of: sheet) else {
                throw WorkbookRefusal.noSuchSheet(path, sheet: sheet, existing: names)
            }
            index = found
        } else {
            guard !names.isEmpty else { throw WorkbookRefusal.noVisibleSheet(path, hidden: []) }
            index = 0
        }
        sheetName = names[index]
        (rowCount, columnCount) = try workbook.select(sheet: index)
        // A BIFF8 sheet has at most 65,536 rows and 256 columns; a file claiming more is damaged or
        // hostile, and reading it would ask FreeXL for each of its claimed cells.
        guard rowCount <= Self.maxRows, columnCount <= Self.maxColumns else {
            throw WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "声称有 \(rowCount) 行、\(columnCount) 列")
        }
    }

    static let maxRows: UInt32 = 65_536
    static let maxColumns: UInt16 = 256

    func nextRow() throws -> Bool {
        while nextIndex < rowCount {
            let row = nextIndex
            nextIndex += 1
            cells.clear()
            for column in 0..<columnCount {
                if let text = try workbook.cellText(row: row, column: column, dateSystem: dateSystem) {
                    cells.set(Int(column), text)
                }
            }
            if cells.count > 0 {
                rowNumber = Int(row) + 1
                return true
            }
        }
        return false
    }

    var fieldCount: Int { cells.count }
    func field(_ i: Int) -> String { cells.field(i) }
    func rawRecord() -> String { cells.csvLine() }
    var recordHasNUL: Bool { cells.hasNUL }
}

/// An .xls file opened by FreeXL: the one owner of its handle; every FreeXL call is checked by ``check``.
final class FreeXLWorkbook {
    let path: String
    private let handle: UnsafeRawPointer

    /// Opens the file; `metadataOnly` reads the workbook's header records, not its cells.
    init(path: String, metadataOnly: Bool) throws {
        self.path = path
        var handle: UnsafeRawPointer?
        let status = metadataOnly ? freexl_open_info(path, &handle) : freexl_open(path, &handle)
        guard status == FREEXL_OK, let handle else {
            if let handle { freexl_close(handle) }
            throw Self.openFailure(path: path, status: status)
        }
        self.handle = handle
    }

    deinit { freexl_close(handle) }

    /// One `freexl_get_info` value.
    func info(_ what: Int32) throws -> Int32 {
        var value: UInt32 = 0
        try check(freexl_get_info(handle, UInt16(what), &value), "读取工作簿信息")
        return Int32(bitPattern: value)
    }

    /// The worksheets' names in tab order.
    func sheetNames() throws -> [String] {
        let count = try info(FREEXL_BIFF_SHEET_COUNT)
        return try (0..<max(0, min(Int(count), Int(UInt16.max)))).map { index in
            var name: UnsafePointer<CChar>?
            try check(freexl_get_worksheet_name(handle, UInt16(index), &name), "读取工作表名称")
            return name.map { String(cString: $0) } ?? ""
        }
    }

    /// Makes `sheet` the active worksheet; its row and column counts.
    func select(sheet: Int) throws -> (rows: UInt32, columns: UInt16) {
        try check(freexl_select_active_worksheet(handle, UInt16(sheet)), "选择工作表")
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        try check(freexl_worksheet_dimensions(handle, &rows, &columns), "读取工作表大小")
        return (rows, columns)
    }

    /// A cell of the active sheet as Excel shows it; nil when blank.
    func cellText(row: UInt32, column: UInt16, dateSystem: ExcelDateSystem) throws -> String? {
        var value = FreeXL_CellValue()
        try check(freexl_get_cell_value(handle, row, column, &value), "读取第 \(row + 1) 行的单元格")
        switch Int32(value.type) {
        case FREEXL_CELL_INT:
            return String(value.value.int_value)
        case FREEXL_CELL_DOUBLE:
            return CellText.number(value.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_TIME:
            guard let text = value.value.text_value else { return nil }
            let string = String(cString: text)
            return string.isEmpty ? nil : string
        case FREEXL_CELL_DATETIME:
            // FreeXL writes the time even at midnight; Excel's cell shows a date then (as for .xlsx).
            guard let text = value.value.text_value else { return nil }
            let string = String(cString: text)
            return string.hasSuffix(" 00:00:00") ? String(string.dropLast(9)) : string
        default:
            return nil
        }
    }

    /// Throws a refusal naming what was being done when FreeXL reports an error.
    private func check(_ status: Int32, _ doing: String) throws {
        guard status != FREEXL_OK else { return }
        throw WorkbookRefusal.damaged(path, detail: "\(doing)时出错：\(Self.describe(status))")
    }

    /// The refusal for a failed open: an OLE2 file holding `EncryptedPackage` is an encrypted .xlsx.
    private static func openFailure(path: String, status: Int32) -> InputRefused {
        if status == FREEXL_FILE_NOT_FOUND { return WorkbookRefusal.unreadable(path, detail: "找不到该文件或无法读取") }
        if OLE2Probe.holdsEncryptedPackage(path: path) { return WorkbookRefusal.encrypted(path) }
        return WorkbookRefusal.damaged(path, detail: "不是可读取的 .xls 工作簿：\(describe(status))")
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

/// Looks inside an OLE2 file for what Office writes when it encrypts an .xlsx: a stream named
/// `EncryptedPackage` (its directory entry holds the name in UTF-16LE).
enum OLE2Probe {
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf8).flatMap { [$0, 0] }

    /// Whether the file's bytes contain the UTF-16LE name `EncryptedPackage` (read in 1 MB chunks).
    static func holdsEncryptedPackage(path: String) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let needle = encryptedPackageName
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard got > 0 else { return false }
            let window = carry + buffer[0..<got]
            if contains(window, needle) { return true }
            carry = Array(window.suffix(needle.count - 1))
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
