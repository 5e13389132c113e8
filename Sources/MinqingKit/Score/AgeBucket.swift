/// The age groups of 月末未办结 by 已办天数 (SPEC §8): ≤15, 16–30, 31–90, >90 days.
enum AgeBucket: Int, Sendable, CaseIterable, Comparable {
    case upTo15 = 0
    case from16To30
    case from31To90
    case over90

    /// The group of a demand open for `days` days (0 and fewer are ≤15).
    init(days: Int) {
        switch days {
        case ...15: self = .upTo15
        case 16...30: self = .from16To30
        case 31...90: self = .from31To90
        default: self = .over90
        }
    }

    /// The label in reports.
    var label: String {
        switch self {
        case .upTo15: return "≤15天"
        case .from16To30: return "16–30天"
        case .from31To90: return "31–90天"
        case .over90: return "超过90天"
        }
    }

    static func < (lhs: AgeBucket, rhs: AgeBucket) -> Bool { lhs.rawValue < rhs.rawValue }
}
