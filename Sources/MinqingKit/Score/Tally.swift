/// Counts of demands by grade, status and satisfaction: the building block of every table.
public struct Tally: Sendable, Equatable {
    public var total = 0
    public var gradeA = 0
    public var gradeB = 0
    public var resolved = 0
    var inProgress = 0
    var pending = 0
    /// A-grade demands that are resolved.
    var resolvedA = 0
    /// B-grade demands that are resolved.
    var resolvedB = 0
    /// Demands that count in a unit's score (not 表扬 or 咨询), resolved and not.
    var scoredResolved = 0
    var scoredUnresolved = 0
    /// 按期办结 and 超期办结 (SPEC §8).
    var onTime = 0
    var late = 0
    /// Σ 办理天数 of the resolved demands with 办结日期, and their number.
    var handlingDaysTotal = 0
    var handledWithDate = 0
    /// 解决情况 of the demands that have one: 已解决, 部分解决, 未解决 (SPEC §9).
    var solved = 0
    var partlySolved = 0
    var unsolved = 0
    /// Σ 人数.
    var people = 0
    /// Count per 满意度, indexed like `Satisfaction.allCases`.
    var satisfaction = [Int](repeating: 0, count: Satisfaction.allCases.count)

    init() {}

    /// Demands not 已办结.
    var unresolved: Int { total - resolved }
    /// Demands with an evaluation (not 未评价).
    var evaluated: Int { total - count(.unrated) }
    /// The levels 满意率 counts as satisfied (SPEC §4; 非常不满意 and 不满意 are not).
    static let satisfiedLevels: [Satisfaction] = [.verySatisfied, .satisfied, .basicallySatisfied]

    /// Demands rated at one of ``satisfiedLevels``.
    var satisfied: Int { Tally.satisfiedLevels.reduce(0) { $0 + count($1) } }

    /// The number of demands rated `level`.
    func count(_ level: Satisfaction) -> Int {
        satisfaction[level.ordinal]
    }

    /// 办结率 = 已办结 ÷ 诉求总数; nil when there are no demands.
    var resolutionRate: Double? { Rate.of(resolved, total) }
    /// 按期办结率 = 按期办结 ÷ (按期办结 + 超期办结); nil when neither.
    var onTimeRate: Double? { Rate.of(onTime, onTime + late) }
    /// 平均办理天数 of the resolved demands with 办结日期, to one decimal; nil when none.
    var averageHandlingDays: Double? {
        handledWithDate == 0 ? nil : (Double(handlingDaysTotal) / Double(handledWithDate) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
    /// Demands with a 解决情况 (回访).
    var visited: Int { solved + partlySolved + unsolved }
    /// 解决率 = 已解决 ÷ (已解决 + 部分解决 + 未解决); nil when none has a 解决情况.
    var solvedRate: Double? { Rate.of(solved, visited) }
    /// 满意率 = satisfied ÷ evaluated; nil when nothing was evaluated.
    var satisfactionRate: Double? { Rate.of(satisfied, evaluated) }

    /// Adds one demand.
    mutating func add(_ facts: DemandFacts) {
        total += 1
        people += facts.headcount
        switch facts.grade {
        case .a: gradeA += 1
        case .b: gradeB += 1
        }
        switch facts.status {
        case .resolved:
            resolved += 1
            if facts.grade == .a { resolvedA += 1 } else { resolvedB += 1 }
        case .inProgress: inProgress += 1
        case .pending: pending += 1
        }
        satisfaction[facts.satisfaction.ordinal] += 1
        switch facts.timeliness {
        case .onTime?: onTime += 1
        case .late?: late += 1
        case .notDue?, .overdue?, .unknown?, nil: break
        }
        if let days = facts.handlingDays {
            handlingDaysTotal += days
            handledWithDate += 1
        }
        switch facts.resolution {
        case .resolved: solved += 1
        case .partlyResolved: partlySolved += 1
        case .unresolved: unsolved += 1
        case .notVisited: break
        }
        if facts.isScored {
            if facts.status == .resolved { scoredResolved += 1 } else { scoredUnresolved += 1 }
        }
    }
}

extension Satisfaction {
    /// The level's position in `allCases` (a switch, not a lookup: this runs for every demand).
    var ordinal: Int {
        switch self {
        case .verySatisfied: return 0
        case .satisfied: return 1
        case .basicallySatisfied: return 2
        case .dissatisfied: return 3
        case .veryDissatisfied: return 4
        case .unrated: return 5
        }
    }
}

/// Rates and changes, with "no figure" when the denominator is zero.
enum Rate {
    /// part ÷ whole, or nil when whole is 0.
    static func of(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// The relative change from `previous` to `current` (环比/同比), or nil without a previous figure.
    static func change(from previous: Int?, to current: Int) -> Double? {
        guard let previous, previous > 0 else { return nil }
        return Double(current - previous) / Double(previous)
    }
}
