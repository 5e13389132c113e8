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
    var masker: PersonalDataMasker
    /// 截止日期, 办理天数 and 时效 of the listed demands as of the month's end.
    var clock: DemandClock

    /// Whether the 非常不满意 column is shown (only when some unit has such an evaluation).
    var hasVeryDissatisfied: Bool {
        summary.totals.count(.veryDissatisfied) > 0
    }
}
