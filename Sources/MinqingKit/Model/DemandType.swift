/// 诉求类型 (SPEC §9), from the optional column 诉求类型 (工单类型, 类型).
enum DemandType: String, Sendable, CaseIterable, Codable {
    case complaint = "投诉"
    case report = "举报"
    case help = "求助"
    case consultation = "咨询"
    case suggestion = "建议"
    case praise = "表扬"
    /// 未分类: the cell is blank.
    case unclassified = "未分类"

    /// Every accepted spelling and its type: the names and the aliases exports use.
    static let spellings: [String: DemandType] = {
        var table: [String: DemandType] = [:]
        for type in DemandType.allCases { table[type.rawValue] = type }
        table["求决"] = .help
        table["揭发控告"] = .report
        table["意见建议"] = .suggestion
        table["感谢"] = .praise
        return table
    }()

    /// Reads a type written in the input (trimmed); blank is 未分类; nil when the spelling is unknown.
    init?(spelling: String) {
        let text = spelling.trimmedBlank
        if text.isEmpty {
            self = .unclassified
            return
        }
        guard let type = DemandType.spellings[text] else { return nil }
        self = type
    }

    /// Whether the demand is judged: false for 表扬 and 咨询, which are counted in totals but never
    /// scored, never graded A by a rule (a given 等级 still wins), and never count as an earlier
    /// demand for 重复诉求.
    var isScored: Bool { self != .praise && self != .consultation }
}
