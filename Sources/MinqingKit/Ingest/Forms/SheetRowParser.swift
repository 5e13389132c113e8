/// Reads an .xlsx worksheet's `<sheetData>` row by row from its XML stream and turns each cell into the
/// text Excel shows (``CellText``). Rows and cells without an `r` attribute follow the previous one;
/// rows with no value at all are passed over (their numbers say where we are).
final class SheetRowParser {
    /// Excel's limits: a reference beyond them means a damaged or hostile file, and refusing there
    /// keeps a sheet of 10⁷ empty cells from running on.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    /// The most bytes one row's cells may hold (Excel's own limit is about 16384 × 32767 characters, far
    /// beyond any real register).
    static let maxRowBytes = 64 << 20

    /// The current row's cells and number.
    private(set) var cells = RowCells()
    private(set) var rowNumber = 0

    private let xml: XMLPartReader
    private let strings: SharedStringTable
    private let styles: CellStyles
    private let dateSystem: ExcelDateSystem
    private let path: String
    private let sheetName: String
    /// A cell's `<v>` and its inline `<t>` text, reused from cell to cell.
    private var value: [UInt8] = []
    private var inlineText: [UInt8] = []

    init(xml: XMLPartReader, strings: SharedStringTable, styles: CellStyles, dateSystem: ExcelDateSystem,
         path: String, sheetName: String) {
        self.xml = xml
        self.strings = strings
        self.styles = styles
        self.dateSystem = dateSystem
        self.path = path
        self.sheetName = sheetName
    }

    /// Advances to the next row with at least one non-blank cell; false after `</sheetData>`.
    func nextRow() throws -> Bool {
        while let node = try xml.next() {
            if node == .endElement, xml.nameIs("sheetData") { return false }
            guard node == .element, xml.nameIs("row") else { continue }
            var number = rowNumber + 1
            if let r = xml.attribute("r") {
                guard let given = Int(r), given >= 1 else {
                    throw WorkbookRefusal.badCell(path, sheet: sheetName, row: number, detail: "行号「\(r)」无效")
                }
                number = given
            }
            guard number <= Self.maxRows else {
                throw WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "有第 \(number) 行")
            }
            rowNumber = number
            cells.clear()
            if xml.isEmptyElement { continue }
            try readCells()
            if cells.count > 0 { return true }
        }
        return false
    }

    /// The kinds of cell (`t`).
    private enum Kind { case number, shared, inline, formulaText, boolean, error, isoDate }

    /// Reads the cells up to `</row>`.
    private func readCells() throws {
        var column = -1
        while let node = try xml.next() {
            if node == .endElement, xml.nameIs("row") { return }
            guard node == .element, xml.nameIs("c") else { continue }
            var kind = Kind.number
            var style = 0
            var reference: Int?
            xml.forEachAttribute { name, namespaced, text in
                guard !namespaced, name[1] == 0 else { return }
                switch name[0] {
                case UInt8(ascii: "r"): reference = Self.column(of: text)
                case UInt8(ascii: "s"): style = Self.integer(text) ?? 0
                case UInt8(ascii: "t"): kind = Self.kind(text)
                default: break
                }
            }
            column = reference ?? column + 1
            guard column < Self.maxColumns else {
                throw WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "第 \(rowNumber) 行有第 \(column + 1) 列")
            }
            if xml.isEmptyElement { continue }
            try readCell(column: column, kind: kind, style: style)
            if cells.bytes.count > Self.maxRowBytes {
                throw WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber, detail: "该行内容超过 64 MB")
            }
        }
    }

    /// Reads one cell's content up to `</c>` and sets its text.
    private func readCell(column: Int, kind: Kind, style: Int) throws {
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        var phoneticDepth = 0
        while let node = try xml.next() {
            switch node {
            case .element where xml.nameIs("v"):
                if !xml.isEmptyElement { try xml.appendText(untilEndOf: "v", into: &value) }
            case .element where xml.nameIs("rPh"):
                if !xml.isEmptyElement { phoneticDepth += 1 }
            case .endElement where xml.nameIs("rPh"):
                phoneticDepth = max(0, phoneticDepth - 1)
            case .element where xml.nameIs("t"):
                if phoneticDepth == 0, !xml.isEmptyElement { try xml.appendText(untilEndOf: "t", into: &inlineText) }
            case .endElement where xml.nameIs("c"):
                try setCell(column: column, kind: kind, style: style)
                return
            default:
                continue
            }
        }
    }

    /// Sets the cell's text from what was read, by its kind.
    private func setCell(column: Int, kind: Kind, style: Int) throws {
        switch kind {
        case .inline:
            inlineText.withUnsafeBufferPointer { cells.set(column, $0) }
        case .shared:
            guard !value.isEmpty else { return }
            guard let index = value.withUnsafeBufferPointer(Self.integer),
                  strings.withString(index, { cells.set(column, $0) }) != nil else {
                let given = String(decoding: value, as: UTF8.self)
                throw WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber,
                                              detail: "单元格引用的共享字符串「\(given)」不存在（共 \(strings.count) 个）")
            }
        case .formulaText, .error:
            value.withUnsafeBufferPointer { cells.set(column, $0) }
        case .boolean:
            switch value {
            case [UInt8(ascii: "1")]: cells.set(column, "TRUE")
            case [UInt8(ascii: "0")]: cells.set(column, "FALSE")
            default: value.withUnsafeBufferPointer { cells.set(column, $0) }
            }
        case .isoDate:
            guard !value.isEmpty else { return }
            cells.set(column, CellText.isoDate(String(decoding: value, as: UTF8.self)))
        case .number:
            setNumber(column: column, style: style)
        }
    }

    /// A number cell: a date when its style is a date format, else as General shows it.
    private func setNumber(column: Int, style: Int) {
        guard !value.isEmpty else { return }
        let isDate = styles.isDateStyle(style)
        if !isDate, value.withUnsafeBufferPointer(Self.isPlainInteger) {
            value.withUnsafeBufferPointer { cells.set(column, $0) }
            return
        }
        let text = String(decoding: value, as: UTF8.self)
        guard let number = Double(text) else {
            cells.set(column, text)  // not a number after all: kept as written
            return
        }
        if isDate, let date = CellText.date(serial: number, system: dateSystem) {
            cells.set(column, date)
        } else {
            cells.set(column, CellText.number(number))
        }
    }

    // MARK: - Attribute values

    /// The cell kind of a `t` attribute; an unknown one reads as a number (Excel's default).
    private static func kind(_ text: UnsafeBufferPointer<UInt8>) -> Kind {
        switch String(decoding: text, as: UTF8.self) {
        case "s": return .shared
        case "inlineStr": return .inline
        case "str": return .formulaText
        case "b": return .boolean
        case "e": return .error
        case "d": return .isoDate
        default: return .number
        }
    }

    /// The column (A = 0) of a cell reference such as `AB12`; nil when it has no letters or more than
    /// three (beyond XFD).
    static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// A non-negative decimal integer of at most 9 digits; nil otherwise.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var n = 0
        for byte in text {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }

    /// Whether a `<v>` is an integer General shows exactly as written: an optional minus, 1 to 15 digits,
    /// no leading zero (and not `-0`).
    static func isPlainInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = text[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 15 else { return false }
        if digits.first == UInt8(ascii: "0") { return digits.count == 1 && text.count == 1 }
        return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
