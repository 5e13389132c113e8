/// Everything the workbook and the Markdown report show, except the long lists that are streamed.
struct BulletinData: Sendable {
    var county: String
    var month: YearMonth
    var summary: MonthSummary
    var ingest: IngestRecord
    var problems: [DataProblem]
    var corrections: [Correction]
    var lateResolved: [LateResolved]
    var gradeACount: Int
    var unresolvedCount: Int
    var scoring: ScoringRules
    /// 需关注单位 thresholds.
    var attentionRules = AttentionRules()
    /// 重新办理: earlier demands reopened by this month's input.
    var reopened = 0
    var masker: PersonalDataMasker
    /// 截止日期, 办理天数 and 时效 of the listed demands as of the month's end.
    var clock: DemandClock
    /// A-grade demands 已超期 at the month's end (the first ones, for 本月需关注), filled by the pass.
    var overdueA: [ReportDemand] = []
    /// 热点诉求 (SPEC §11), sized by the pass.
    var topics: [Topic] = []
    /// How many earlier months the topics were found against (0: the first month, against the built-in
    /// background alone).
    var topicHistoryMonths = 0
    /// The fewest demands a topic has (`[topics] min_demands`).
    var topicMinimum = TopicSettings().minDemands
    /// The figures of the months before this one within 近12个月 that have data, newest first, as their
    /// bulletins computed them (SPEC §11: 近12个月, 预警, 上月诉求 and 上月得分).
    var earlierFigures: [MonthFigures] = []
    /// 预警 thresholds.
    var alertRules = AlertRules()

    /// The month's 预警 (from its summary and the months before).
    var alerts: [Alert] { AlertRule(rules: alertRules).alerts(summary, earlier: earlierFigures) }

    /// The previous month's figures, when it has data.
    var previousMonth: MonthFigures? { earlierFigures.first { $0.month == month.previous } }

    /// 近12个月: this month's figures and the earlier ones.
    var trend: TrendTable { TrendTable(current: MonthFigures(summary), earlier: earlierFigures) }

    /// Whether the 非常不满意 column is shown (only when some unit has such an evaluation).
    var hasVeryDissatisfied: Bool {
        summary.totals.count(.veryDissatisfied) > 0
    }
}
