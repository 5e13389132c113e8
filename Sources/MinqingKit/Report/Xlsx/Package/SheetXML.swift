/// Writes worksheet rows as SpreadsheetML (`<row>` and `<c>` elements) straight into a byte buffer:
/// the fast path for the long demand lists, which would cost a C call, a format lookup and a
/// `fprintf` per cell through libxlsxwriter.
///
/// Text is always a string cell (shared or inline), so nothing typed by a petitioner can become a
/// formula. It is cleaned exactly as ``XlsxWorksheet/writeText(_:_:_:_:)`` cleans it: NUL dropped,
/// other control characters stored as `_xHHHH_`, literal `_xHHHH_` protected, text cut at Excel's
/// 32,767 characters with "…(截断)".
struct SheetXML {
    /// The XML written so far (the caller takes it away in chunks with ``take()``).
    private(set) var buffer: ByteBuffer
    /// The constant pieces of each cell's opening tag and the current row's number.
    private let refs: CellReferences
    private let chunkCapacity: Int

    /// A writer for rows of `columns` columns, collecting about `chunkCapacity` bytes at a time.
    init(columns: Int, chunkCapacity: Int = 1 << 16) {
        refs = CellReferences(columns: columns)
        self.chunkCapacity = chunkCapacity
        buffer = ByteBuffer(capacity: chunkCapacity)
    }

    /// Bytes waiting in the buffer.
    var count: Int { buffer.count }

    /// Hands over the buffer and starts a new one.
    mutating func take() -> ByteBuffer {
        let full = buffer
        buffer = ByteBuffer(capacity: chunkCapacity)
        return full
    }

    /// Opens row `row` (1-based, as in the file), with a custom height in points when given.
    mutating func startRow(_ row: Int, height: Double?) {
        refs.setRow(row)
        buffer.append("<row r=\"")
        buffer.append(refs.rowDigits)
        if let height {
            buffer.append("\" ht=\"")
            Self.appendPoints(height, to: buffer)
            buffer.append("\" customHeight=\"1\">")
        } else {
            buffer.append("\">")
        }
    }

    /// Closes the current row.
    func endRow() {
        buffer.append("</row>")
    }

    /// A cell whose text is entry `index` of the shared strings.
    func sharedCell(_ column: Int, style: Int, index: Int) {
        openCell(column, style: style)
        buffer.append(" t=\"s\"><v>")
        buffer.appendDecimal(index)
        buffer.append("</v></c>")
    }

    /// A cell holding `text` inline; empty text gives a formatted blank cell.
    func inlineCell(_ column: Int, style: Int, text: String) {
        openCell(column, style: style)
        if text.isEmpty {
            buffer.append("/>")
            return
        }
        buffer.append(" t=\"inlineStr\"><is>")
        Self.appendText(text, to: buffer)
        buffer.append("</is></c>")
    }

    /// A cell holding a non-negative whole number that minqing made (a list's 序号; never input text).
    func numberCell(_ column: Int, style: Int, value: Int) {
        openCell(column, style: style)
        buffer.append("><v>")
        buffer.appendDecimal(value)
        buffer.append("</v></c>")
    }

    /// A formatted blank cell.
    func blankCell(_ column: Int, style: Int) {
        openCell(column, style: style)
        buffer.append("/>")
    }

    @inline(__always)
    private func openCell(_ column: Int, style: Int) {
        buffer.append(refs.opening(column))
        buffer.append(refs.rowDigits)
        if let suffix = refs.style(style) {
            buffer.append(suffix)
        } else {
            buffer.append("\" s=\"")
            buffer.appendDecimal(style)
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// Appends `<t>text</t>` (with `xml:space="preserve"` when the text starts or ends with white
    /// space), the text cleaned and escaped for Excel.
    static func appendText(_ text: String, to out: ByteBuffer) {
        var text = text
        if text.utf8.count > XlsxWorksheet.maxCellCharacters || XlsxWorksheet.containsByte(text, 0x5F)
            || XlsxWorksheet.containsByte(text, 0) {
            let cleaned = XlsxWorksheet.escapeLiteralEscapes(XlsxWorkbook.withoutNUL(text))
            text = XlsxWorksheet.fitCellText(cleaned).0
        }
        text.withUTF8 { utf8 in
            let preserve = !utf8.isEmpty && (isXMLSpace(utf8[0]) || isXMLSpace(utf8[utf8.count - 1]))
            out.append(preserve ? "<t xml:space=\"preserve\">" : "<t>")
            appendEscaped(utf8, to: out)
            out.append("</t>")
        }
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Copies UTF-8 into XML character data: `& < >` become entities, control characters other than
    /// tab and line feed become `_xHHHH_` (as libxlsxwriter writes them), and the two code points
    /// XML forbids, U+FFFE and U+FFFF, become `_xFFFE_` / `_xFFFF_`.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        var start = 0
        var i = 0
        let count = utf8.count
        while i < count {
            let byte = utf8[i]
            // Everything from '?' up, except the lead byte of U+FFFE/U+FFFF, needs nothing.
            if byte >= 0x3F && byte != 0xEF { i += 1; continue }
            let replacement: StaticString?
            var consumed = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case 0x09, 0x0A: replacement = nil
            case 0..<0x20: replacement = controlEscapes[Int(byte)]
            case 0xEF where i + 2 < count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                replacement = utf8[i + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_"
                consumed = 3
            default: replacement = nil
            }
            if let replacement {
                if start < i { out.append(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                out.append(replacement)
                i += consumed
                start = i
            } else {
                i += 1
            }
        }
        if start < count { out.append(UnsafeBufferPointer(rebasing: utf8[start..<count])) }
    }

    private static let controlEscapes: [StaticString] = [
        "_x0000_", "_x0001_", "_x0002_", "_x0003_", "_x0004_", "_x0005_", "_x0006_", "_x0007_",
        "_x0008_", "_x0009_", "_x000A_", "_x000B_", "_x000C_", "_x000D_", "_x000E_", "_x000F_",
        "_x0010_", "_x0011_", "_x0012_", "_x0013_", "_x0014_", "_x0015_", "_x0016_", "_x0017_",
        "_x0018_", "_x0019_", "_x001A_", "_x001B_", "_x001C_", "_x001D_", "_x001E_", "_x001F_",
    ]

    /// Appends a row height the way libxlsxwriter prints it ("%g"): 31, 45.5, 409.
    static func appendPoints(_ points: Double, to out: ByteBuffer) {
        let tenths = Int((points * 10).rounded())
        out.appendDecimal(tenths / 10)
        if tenths % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(0x30 &+ UInt8(tenths % 10))
        }
    }
}

/// The pieces of a cell's opening tag `<c r="B12" s="3"` that a row of a sheet repeats: `<c r="B` per
/// column, the row's number, and `" s="3"` per style (the first 64 styles), kept in place so a cell
/// costs three copies and no retains.
final class CellReferences {
    private let openings: UnsafeMutablePointer<UInt8>
    private let openingStarts: [Int]
    private let styles: UnsafeMutablePointer<UInt8>
    private let styleStarts: [Int]
    private let digits = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
    private var digitCount = 0
    static let styleCount = 64

    init(columns: Int) {
        let pieces = (0..<max(columns, 0)).map { Array("<c r=\"\(xlsxColumnName($0))".utf8) }
        (openings, openingStarts) = Self.flatten(pieces)
        (styles, styleStarts) = Self.flatten((0..<Self.styleCount).map { Array("\" s=\"\($0)\"".utf8) })
    }

    deinit {
        openings.deallocate()
        styles.deallocate()
        digits.deallocate()
    }

    private static func flatten(_ pieces: [[UInt8]]) -> (UnsafeMutablePointer<UInt8>, [Int]) {
        let bytes = pieces.flatMap { $0 }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        storage.initialize(from: bytes, count: bytes.count)
        var starts = [0]
        for piece in pieces { starts.append(starts[starts.count - 1] + piece.count) }
        return (storage, starts)
    }

    /// `<c r="B` of column `column` (0-based).
    @inline(__always)
    func opening(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: openings + openingStarts[column], count: openingStarts[column + 1] - openingStarts[column])
    }

    /// `" s="3"` for style `style`, nil past the first ``styleCount``.
    @inline(__always)
    func style(_ style: Int) -> UnsafeBufferPointer<UInt8>? {
        guard style >= 0, style < Self.styleCount else { return nil }
        return UnsafeBufferPointer(start: styles + styleStarts[style], count: styleStarts[style + 1] - styleStarts[style])
    }

    /// The current row's number.
    var rowDigits: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: digits, count: digitCount) }

    func setRow(_ row: Int) {
        let row = max(0, row)
        var count = 1, probe = row / 10
        while probe > 0 { count += 1; probe /= 10 }
        var n = row
        for k in stride(from: count - 1, through: 0, by: -1) {
            digits[k] = 0x30 &+ UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
        digitCount = count
    }
}
