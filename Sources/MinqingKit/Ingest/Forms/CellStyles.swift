/// Which of an .xlsx workbook's cell styles show numbers as dates, from `styles.xml`: each `<xf>` of
/// `<cellXfs>` (a cell's `s` is its index) has a `numFmtId`, built in or defined in `<numFmts>`.
struct CellStyles {
    /// `isDate[s]` for style index s; a style beyond it is not a date.
    private(set) var isDate: [Bool] = []

    func isDateStyle(_ index: Int) -> Bool { index >= 0 && index < isDate.count && isDate[index] }

    /// The built-in number formats that are dates or times: 14–22 everywhere, and 27–36, 45–47 and 50–58,
    /// which Chinese, Japanese and Korean Excel use for their own date formats (`yyyy"年"m"月"d"日"`).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date or time: a y, m, d, h or s outside quoted text,
    /// `[...]` brackets (colours, conditions, locales) and `\`-escaped characters. `_x` and `*x` (a space
    /// as wide as x, x repeated) hide their x too.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, skipNext = false
        for scalar in code.unicodeScalars {
            if skipNext { skipNext = false; continue }
            if quoted { if scalar == "\"" { quoted = false }; continue }
            if bracket { if scalar == "]" { bracket = false }; continue }
            switch scalar {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": skipNext = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
            default: continue
            }
        }
        return false
    }

    /// Reads the part.
    static func read(_ xml: XMLPartReader) throws -> CellStyles {
        var custom: [Int: Bool] = [:]
        var formatIds: [Int] = []
        var inCellXfs = false
        while let node = try xml.next() {
            switch node {
            case .element:
                if xml.nameIs("numFmt") {
                    if let id = xml.attribute("numFmtId").flatMap({ Int($0) }) {
                        custom[id] = isDateFormat(xml.attribute("formatCode") ?? "")
                    }
                } else if xml.nameIs("cellXfs") {
                    inCellXfs = !xml.isEmptyElement
                } else if inCellXfs, xml.nameIs("xf") {
                    formatIds.append(xml.attribute("numFmtId").flatMap { Int($0) } ?? 0)
                }
            case .endElement:
                if xml.nameIs("cellXfs") { inCellXfs = false }
            default:
                continue
            }
        }
        var styles = CellStyles()
        styles.isDate = formatIds.map { custom[$0] ?? isBuiltInDate($0) }
        return styles
    }
}
