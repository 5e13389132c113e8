import Foundation

/// The workspace settings read from `minqing.toml`; every field has a built-in default.
struct MinqingConfig: Sendable, Equatable {
    /// The county's name, used in titles and page headers (县名).
    var county = "江岭县"
    /// Rows received more than this many months before the report month are rejected.
    var maxBackdateMonths = 24
    /// Mask 诉求人 and 联系电话 in every report.
    var maskPersonalInfo = true
    /// A Markdown template to use instead of the built-in one (relative to the workspace), or nil.
    var template: String?
    /// The grading rules (SPEC §3).
    var grading = GradingRules()
    /// The scoring weights (SPEC §4, with the two terms of §8).
    var scoring = ScoringRules()
    /// 办理时限 by grade and how days are counted (SPEC §8).
    var timeLimits = TimeLimits()
    /// 需关注单位 thresholds (SPEC §8).
    var attention = AttentionRules()
    /// 热点诉求 (SPEC §11 `[topics]`).
    var topics = TopicSettings()
    /// 预警 thresholds (SPEC §11, read from `[topics]`).
    var alerts = AlertRules()
    /// How units' exports map onto the SPEC's columns and values (SPEC §10).
    var importMapping = ImportMapping()

    /// The built-in defaults.
    init() {}
}

/// 等级 rules: when a demand is A (重要紧急).
struct GradingRules: Sendable, Equatable {
    /// 群体诉求: a demand made by at least this many people is A.
    var groupHeadcount = 5
    /// 重复诉求: an earlier demand from the same person within this many days makes a demand A.
    var repeatWindowDays = 90
    /// Words in 诉求内容 that make a demand A.
    var aKeywords: [String] = GradingRules.defaultAKeywords

    /// The built-in A keywords: safety hazards, fire, collapse, dilapidated housing, unpaid wages, gas,
    /// electricity leaks, food poisoning, drowning, personal safety.
    static let defaultAKeywords = [
        "安全隐患", "火灾", "着火", "失火", "坍塌", "倒塌", "垮塌", "危房", "欠薪", "拖欠工资", "讨薪",
        "燃气泄漏", "煤气泄漏", "漏气", "漏电", "触电", "食物中毒", "溺水", "人身安全", "生命危险",
    ]

    /// Rules with the defaults.
    init() {}
}

/// 评分 weights: points per resolved demand and the penalty per unresolved one; the same for earlier
/// months' demands resolved in the month and still open past their deadline.
struct ScoringRules: Sendable, Equatable {
    /// Points for each 已办结 demand (default +1.0).
    var resolvedPoints = 1.0
    /// Points taken away for each demand not 已办结 (default 0.3, so −0.3 each).
    var unresolvedPenalty = 0.3
    /// Points for each demand of an earlier month the unit resolved in the report month (SPEC §8).
    var lateResolvedPoints = 1.0
    /// Points taken away for each demand of an earlier month still open and 已超期 at month end (SPEC §8).
    var overdueOpenPenalty = 0.3

    /// Weights with the defaults.
    init() {}
}
