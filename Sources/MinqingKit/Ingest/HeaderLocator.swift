/// Finds the header row of an input (SPEC §10): the first of the first 10 non-blank rows that names at
/// least 3 known columns (after the import mapping). Rows above it — a title such as
/// `2026年9月群众诉求登记表`, a unit's name, a date — are skipped, each with a notice that keeps it.
struct HeaderLocator {
    /// How many non-blank rows are looked at.
    static let rowsLooked = 10
    /// How many known columns make a header.
    static let knownNeeded = 3

    /// The header's cells, as matched.
    let match: HeaderMatch
    /// The header's row number.
    let row: Int
    /// The header row as given.
    let raw: String
    /// The non-blank rows above the header: row number, physical line and text.
    let skipped: [(row: Int, physicalLine: Int, raw: String)]

    /// Reads `source` up to its header row; the source's next row is the first data row. Refuses the
    /// file when no header is found, a required column is missing, or a column appears twice.
    static func locate(in source: TableSource, path: String, name: String, mapping: ImportMapping) throws -> HeaderLocator {
        let mapped = mapping.columns.mapValues(\.header)
        var skipped: [(row: Int, physicalLine: Int, raw: String)] = []
        var best: (row: Int, match: HeaderMatch)?
        let sheet = source.sheetName.isEmpty ? "" : "（工作表 \(source.sheetName)）"
        while skipped.count < rowsLooked, try source.nextRow() {
            let cells = (0..<source.fieldCount).map(source.field)
            if cells.allSatisfy(\.isBlank) { continue }
            let match = HeaderMatcher.match(cells, columns: InputColumn.specs, mapping: mapped)
            if match.knownCount >= knownNeeded {
                let header = HeaderLocator(
                    match: match, row: source.rowNumber, raw: source.rawRecord(), skipped: skipped)
                try header.refuseIncomplete(path: path, name: name + sheet)
                return header
            }
            if best.map({ match.knownCount > $0.match.knownCount }) ?? true { best = (source.rowNumber, match) }
            skipped.append((source.rowNumber, source.physicalLine ?? 0, source.rawRecord()))
        }
        guard let best else {
            throw InputRefused(path: path, message: "输入文件 \(name)\(sheet) 是空的（没有表头）。本次运行未做任何更改。")
        }
        let found = best.match.index.keys.sorted().joined(separator: "、")
        throw InputRefused(
            path: path,
            message: "输入文件 \(name)\(sheet) 的前 \(skipped.count) 个非空行中没有表头：表头行须至少含 \(knownNeeded) 个可识别的列名（编号、受理日期、渠道、诉求内容、办理状态 等）。"
                + "最接近的是第 \(best.row) 行\(found.isEmpty ? "，没有可识别的列名" : "，只识别出 \(found)")。"
                + "如果导出的列名不同，请在 minqing.toml 的 [import.columns] 中写明对应关系，例如 \"工单编号\" = \"编号\"。本次运行未做任何更改。")
    }

    /// Refuses a header that lacks a required column or names one twice.
    private func refuseIncomplete(path: String, name: String) throws {
        if !match.missing.isEmpty {
            throw InputRefused(
                path: path,
                message: "输入文件 \(name) 第 \(row) 行（表头）：缺少必填列 \(match.missing.joined(separator: "、"))。表头须包含 编号、受理日期、渠道、诉求内容、办理状态（或英文别名 id、received、channel、content、status）；"
                    + "如果导出的列名不同，请在 minqing.toml 的 [import.columns] 中写明对应关系，例如 \"工单编号\" = \"编号\"。本次运行未做任何更改。")
        }
        if let (column, positions) = match.duplicated.sorted(by: { $0.key < $1.key }).first {
            throw InputRefused(
                path: path,
                message: "输入文件 \(name) 第 \(row) 行（表头）：列「\(column)」出现了 \(positions.count) 次（第 \(positions.map { ColumnLetters.name(of: $0 - 1) }.joined(separator: "、")) 列），无法确定使用哪一列。请删除多余的列，或在 minqing.toml 的 [import.columns] 中只对应其中一列。本次运行未做任何更改。")
        }
    }

    /// The notices the header gives: each skipped row above it, and the columns that are not used.
    func notices(_ place: RowPlacer) -> [DataProblem] {
        var notices = skipped.map { skipped in
            DataProblem(
                file: place.file, sheet: place.sheet, row: skipped.row, physicalLine: skipped.physicalLine,
                level: .notice, column: "",
                message: "表头在第 \(row) 行，这一行在表头之上（标题或说明），已跳过", raw: skipped.raw)
        }
        if !match.unknown.isEmpty {
            let names = zip(match.unknown, match.closest).map { name, closest in
                closest.map { "\(name)（是否为「\($0)」？）" } ?? name
            }
            notices.append(place.problem(
                row: row, .notice, column: "",
                message: "未使用的列已忽略：\(names.joined(separator: "、"))。如需使用，请在 minqing.toml 的 [import.columns] 中写明它对应的列",
                raw: raw))
        }
        return notices
    }
}
