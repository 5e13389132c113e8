/// Writes worksheet rows as SpreadsheetML (`<row>` and `<c>` elements) straight into a byte buffer:
/// the fast path for the long demand lists, which would cost a C call, a format lookup and a
/// `fprintf` per cell through libxlsxwriter.
///
/// Text is always a string cell (shared or inline), so nothing typed by a petitioner can become a
/// formula. It is cleaned exactly as ``XlsxWorksheet/writeText(_:_:_:_:)`` cleans it: NUL dropped,
/// other control characters stored as `_xHHHH_`, literal `_xHHHH_` protected, text cut at Excel's
/// 32,767 characters with "…(截断)".
struct SheetXML {
    /// The XML written so far (the caller takes it away in chunks).
    var bytes: [UInt8] = []
    private var rowDigits: [UInt8] = []
    private let columnNames: [[UInt8]]

    /// A writer for rows of `columns` columns.
    init(columns: Int) {
        columnNames = (0..<columns).map { Array(xlsxColumnName($0).utf8) }
    }

    /// Opens row `row` (1-based, as in the file), with a custom height in points when given.
    mutating func startRow(_ row: Int, height: Double?) {
        rowDigits.removeAll(keepingCapacity: true)
        Self.appendDecimal(row, to: &rowDigits)
        bytes.append(contentsOf: Self.rowOpen)
        bytes.append(contentsOf: rowDigits)
        if let height {
            bytes.append(contentsOf: Self.heightOpen)
            Self.appendPoints(height, to: &bytes)
            bytes.append(contentsOf: Self.heightClose)
        } else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ">"))
        }
    }

    /// Closes the current row.
    mutating func endRow() {
        bytes.append(contentsOf: Self.rowClose)
    }

    /// A cell whose text is entry `index` of the shared strings.
    mutating func sharedCell(_ column: Int, style: Int, index: Int) {
        openCell(column, style: style)
        bytes.append(contentsOf: Self.sharedOpen)
        Self.appendDecimal(index, to: &bytes)
        bytes.append(contentsOf: Self.sharedClose)
    }

    /// A cell holding `text` inline; empty text gives a formatted blank cell.
    mutating func inlineCell(_ column: Int, style: Int, text: String) {
        openCell(column, style: style)
        if text.isEmpty {
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
            return
        }
        bytes.append(contentsOf: Self.inlineOpen)
        Self.appendText(text, to: &bytes)
        bytes.append(contentsOf: Self.inlineClose)
    }

    /// A formatted blank cell.
    mutating func blankCell(_ column: Int, style: Int) {
        openCell(column, style: style)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func openCell(_ column: Int, style: Int) {
        bytes.append(contentsOf: Self.cellOpen)
        bytes.append(contentsOf: columnNames[column])
        bytes.append(contentsOf: rowDigits)
        bytes.append(contentsOf: Self.styleOpen)
        Self.appendDecimal(style, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    // `<c r="B7" s="2" t="inlineStr"><is><t>…</t></is></c>`, `<c r="B7" s="2" t="s"><v>12</v></c>`
    private static let rowOpen = Array("<row r=\"".utf8)
    private static let heightOpen = Array("\" ht=\"".utf8)
    private static let heightClose = Array("\" customHeight=\"1\">".utf8)
    private static let rowClose = Array("</row>".utf8)
    private static let cellOpen = Array("<c r=\"".utf8)
    private static let styleOpen = Array("\" s=\"".utf8)
    private static let inlineOpen = Array(" t=\"inlineStr\"><is>".utf8)
    private static let inlineClose = Array("</is></c>".utf8)
    private static let sharedOpen = Array(" t=\"s\"><v>".utf8)
    private static let sharedClose = Array("</v></c>".utf8)

    /// Appends `<t>text</t>` (with `xml:space="preserve"` when the text starts or ends with white
    /// space), the text cleaned and escaped for Excel.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        var text = text
        if text.utf8.count > XlsxWorksheet.maxCellCharacters || XlsxWorksheet.containsByte(text, 0x5F)
            || XlsxWorksheet.containsByte(text, 0) {
            let cleaned = XlsxWorksheet.escapeLiteralEscapes(XlsxWorkbook.withoutNUL(text))
            text = XlsxWorksheet.fitCellText(cleaned).0
        }
        text.withUTF8 { utf8 in
            let preserve = !utf8.isEmpty && (isXMLSpace(utf8[0]) || isXMLSpace(utf8[utf8.count - 1]))
            out.append(contentsOf: preserve ? textOpenPreserve : textOpen)
            appendEscaped(utf8, to: &out)
            out.append(contentsOf: textClose)
        }
    }

    private static let textOpen = Array("<t>".utf8)
    private static let textOpenPreserve = Array("<t xml:space=\"preserve\">".utf8)
    private static let textClose = Array("</t>".utf8)

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Copies UTF-8 into XML character data: `& < >` become entities, control characters other than
    /// tab and line feed become `_xHHHH_` (as libxlsxwriter writes them), and the two code points
    /// XML forbids, U+FFFE and U+FFFF, become `_xFFFE_` / `_xFFFF_`.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        var i = 0
        let count = utf8.count
        while i < count {
            let byte = utf8[i]
            // Everything from '?' up, except the lead byte of U+FFFE/U+FFFF, needs nothing.
            if byte >= 0x3F && byte != 0xEF { i += 1; continue }
            var replacement: [UInt8]?
            var consumed = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = amp
            case UInt8(ascii: "<"): replacement = lt
            case UInt8(ascii: ">"): replacement = gt
            case 0x09, 0x0A: break
            case 0..<0x20: replacement = Array("_x00\(hexDigits[Int(byte >> 4)])\(hexDigits[Int(byte & 0xF)])_".utf8)
            case 0xEF where i + 2 < count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                replacement = Array((utf8[i + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_").utf8)
                consumed = 3
            default: break
            }
            if let replacement {
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                out.append(contentsOf: replacement)
                i += consumed
                start = i
            } else {
                i += 1
            }
        }
        if start < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count])) }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let hexDigits = Array("0123456789ABCDEF")

    /// Appends a non-negative integer in decimal.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: max(0, value)))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var length = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[19 - length] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n % 10)
                n /= 10
                length += 1
            }
            out.append(contentsOf: buffer[(20 - length)...])
        }
    }

    /// Appends a row height the way libxlsxwriter prints it ("%g"): 31, 45.5, 409.
    static func appendPoints(_ points: Double, to out: inout [UInt8]) {
        let tenths = Int((points * 10).rounded())
        appendDecimal(tenths / 10, to: &out)
        if tenths % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0") &+ UInt8(tenths % 10))
        }
    }
}
