/// Where a row is, as the clerk's spreadsheet shows it: the file, a workbook's worksheet, the row, and
/// a text file's physical line when it differs from the row.
struct RowPlace: Sendable, Equatable {
    var file: String
    var sheet: String
    var row: Int
    /// 0 when the same as `row`, or for a workbook.
    var physicalLine: Int

    /// A problem with this row.
    func problem(_ level: ProblemLevel, column: String, message: String, raw: String) -> DataProblem {
        DataProblem(
            file: file, sheet: sheet, row: row, physicalLine: physicalLine, level: level, column: column,
            message: message, raw: raw)
    }
}

/// Makes the places of one file's rows.
struct RowPlacer: Sendable {
    let file: String
    let sheet: String

    /// The place of `source`'s current row.
    func row(_ source: TableSource) -> RowPlace {
        RowPlace(file: file, sheet: sheet, row: source.rowNumber, physicalLine: source.physicalLine ?? 0)
    }

    /// A problem at row `row` of the file (a row that is not the current one: the header, the file).
    func problem(row: Int, _ level: ProblemLevel, column: String, message: String, raw: String) -> DataProblem {
        DataProblem(file: file, sheet: sheet, row: row, level: level, column: column, message: message, raw: raw)
    }
}

/// Cells in columns without a header: never used, and never dropped without a word — one notice per
/// such column at the end of the file, with how many rows had something there and where the first was.
struct UnnamedColumns {
    private let positions: [Int]
    private var counts: [Int]
    private var firstRows: [Int]

    init(positions: [Int]) {
        self.positions = positions
        counts = Array(repeating: 0, count: positions.count)
        firstRows = Array(repeating: 0, count: positions.count)
    }

    /// Notes the row's cells in the unnamed columns.
    mutating func note(_ fields: [String], row: Int) {
        for (k, i) in positions.enumerated() where i < fields.count && !fields[i].isBlank {
            if counts[k] == 0 { firstRows[k] = row }
            counts[k] += 1
        }
    }

    /// One notice per unnamed column that held something.
    func notices(_ place: RowPlacer, headerRow: Int) -> [DataProblem] {
        positions.indices.compactMap { k in
            guard counts[k] > 0 else { return nil }
            let letter = ColumnLetters.name(of: positions[k])
            return place.problem(
                row: headerRow, .notice, column: "",
                message: "第 \(letter) 列没有表头，其中 \(counts[k]) 行的内容（第一处在第 \(firstRows[k]) 行）未使用；如需使用，请给该列加上表头",
                raw: "")
        }
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
enum ColumnLetters {
    static func name(of index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
