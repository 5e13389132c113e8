/// 解决情况 (SPEC §9), from the optional column 解决情况 (是否解决).
enum Resolution: String, Sendable, CaseIterable, Codable {
    case resolved = "已解决"
    case partlyResolved = "部分解决"
    case unresolved = "未解决"
    /// 未回访: the cell is blank.
    case notVisited = "未回访"

    /// Reads a value written in the input (trimmed); blank (or 未回访 written out) is 未回访; nil for
    /// any other text.
    init?(spelling: String) {
        let text = spelling.trimmedBlank
        if text.isEmpty {
            self = .notVisited
            return
        }
        guard let value = Resolution(rawValue: text) else { return nil }
        self = value
    }

    /// Whether the value counts in 解决率 = 已解决 ÷ (已解决 + 部分解决 + 未解决).
    var countsInRate: Bool { self != .notVisited }
}
