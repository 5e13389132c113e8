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
    private var rowDigits: [UInt8] = []
    private let columnNames: [[UInt8]]
    private let chunkCapacity: Int

    /// A writer for rows of `columns` columns, collecting about `chunkCapacity` bytes at a time.
    init(columns: Int, chunkCapacity: Int = 1 << 16) {
        columnNames = (0..<columns).map { Array(xlsxColumnName($0).utf8) }
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
        rowDigits.removeAll(keepingCapacity: true)
        var n = max(0, row)
        repeat { rowDigits.append(0x30 &+ UInt8(truncatingIfNeeded: n % 10)); n /= 10 } while n > 0
        rowDigits.reverse()
        buffer.append("<row r=\"")
        buffer.append(rowDigits)
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
        buffer.append("<c r=\"")
        buffer.append(columnNames[column])
        buffer.append(rowDigits)
        buffer.append("\" s=\"")
        buffer.appendDecimal(style)
        buffer.append(UInt8(ascii: "\""))
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
