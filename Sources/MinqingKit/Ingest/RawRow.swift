/// A row as the unit sent it, kept with each accepted demand for a problem the database may find
/// later (an 编号 of another month, a 补录): a text file's record as read, or a workbook's cells, made
/// into a CSV line only when a problem needs it (joining the cells of every row of a million-row
/// workbook cost about 7 µs a row).
enum RawRow: Sendable, Equatable {
    case text(String)
    case cells([String])

    /// The row as 数据问题's 原始内容 shows it.
    var text: String {
        switch self {
        case .text(let line): return line
        case .cells(let cells): return CSVLine.join(cells)
        }
    }
}

/// One CSV line from cells (RFC 4180: a cell with a comma, a quote or a line break is quoted, its
/// quotes doubled): how a workbook's row is kept in 数据问题.
enum CSVLine {
    static func join<S: Sequence<String>>(_ cells: S) -> String {
        var line = ""
        var first = true
        for cell in cells {
            if !first { line += "," }
            first = false
            if cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                line += "\""
                line += cell.replacingOccurrences(of: "\"", with: "\"\"")
                line += "\""
            } else {
                line += cell
            }
        }
        return line
    }
}
