/// A 关键词 cell of domains.csv (SPEC §2): keywords separated by `|`.
///
/// Office staff often separate keywords as they would in a sentence, with `、` or `，` (or `,`, `;`,
/// `；`, spaces). `停水、水压` would then be one keyword that no complaint contains, so the cell is
/// split at those separators too and the corrected spelling is kept for a notice: the domain works,
/// and the clerk learns to write `停水|水压`.
struct KeywordCell: Equatable {
    /// Separators other than `|` that split a keyword.
    static let straySeparators: Set<Character> = ["、", "，", ",", ";", "；", " ", "\u{3000}", "\t"]

    /// The keywords, in the cell's order, blanks dropped.
    let keywords: [String]
    /// The `|`-separated parts that held other separators, as written (`停水、水压`); empty when the
    /// cell is well formed.
    let strayParts: [String]
    /// The other separators found, each once, in order of first appearance.
    let strayMarks: [Character]

    init(_ text: String) {
        var keywords: [String] = []
        var strayParts: [String] = []
        var strayMarks: [Character] = []
        for part in text.split(separator: "|") {
            let trimmed = String(part).trimmedBlank
            guard !trimmed.isEmpty else { continue }
            let marks = trimmed.filter { KeywordCell.straySeparators.contains($0) }
            if marks.isEmpty {
                keywords.append(trimmed)
                continue
            }
            strayParts.append(trimmed)
            for mark in marks where !strayMarks.contains(mark) { strayMarks.append(mark) }
            keywords += trimmed.split(whereSeparator: { KeywordCell.straySeparators.contains($0) })
                .map { String($0).trimmedBlank }.filter { !$0.isEmpty }
        }
        self.keywords = keywords
        self.strayParts = strayParts
        self.strayMarks = strayMarks
    }

    /// The cell as it should be written: `停水|水压|漏水`.
    var corrected: String { keywords.joined(separator: "|") }

    /// The notice for a cell with other separators, nil for a well-formed one.
    func notice(domain: String, line: Int) -> SeedNotice? {
        guard !strayParts.isEmpty else { return nil }
        let parts = strayParts.map { "「\($0)」" }.joined(separator: "")
        let marks = strayMarks.map { $0 == " " || $0 == "\u{3000}" || $0 == "\t" ? "空格" : "「\($0)」" }
            .joined(separator: "、")
        return SeedNotice(
            file: "domains.csv", line: line, column: "关键词",
            message: "领域「\(domain)」的关键词\(parts)用\(marks)隔开，minqing 只按 | 分隔关键词；"
                + "本次已拆开分别使用。请用 | 分隔：\(corrected)")
    }
}
