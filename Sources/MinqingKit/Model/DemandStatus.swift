/// 办理状态: how far a demand has been handled.
enum DemandStatus: String, Sendable, CaseIterable, Codable {
    /// 已办结: resolved and closed.
    case resolved = "已办结"
    /// 办理中: being handled.
    case inProgress = "办理中"
    /// 未办理: not yet handled.
    case pending = "未办理"

    /// Every accepted spelling (trimmed, case-insensitive for Latin letters) and its status.
    static let spellings: [String: DemandStatus] = [
        "已办结": .resolved, "办结": .resolved, "已化解": .resolved, "已解决": .resolved,
        "resolved": .resolved, "closed": .resolved,
        "办理中": .inProgress, "处理中": .inProgress, "in_progress": .inProgress,
        "未办理": .pending, "待办理": .pending, "pending": .pending, "open": .pending,
    ]

    /// Reads a status written in the input, or nil when the spelling is unknown.
    init?(spelling: String) {
        let text = spelling.trimmedBlank
        // The canonical spelling by its bytes first: hashing a Chinese string for every row cost more.
        if let status = DemandStatus.stored(text) {
            self = status
            return
        }
        guard let status = DemandStatus.spellings[text] ?? DemandStatus.spellings[text.lowercased()] else { return nil }
        self = status
    }
}
