/// Everything the workbook and the Markdown report show, except the long lists that are streamed.
public struct BulletinData: Sendable {
    public var county: String
    public var month: YearMonth
    public var summary: MonthSummary
    public var ingest: IngestRecord
    public var problems: [DataProblem]
    public var corrections: [Correction]
    public var lateResolved: [LateResolved]
    public var gradeACount: Int
    public var unresolvedCount: Int
    public var scoring: ScoringRules
    public var masker: PersonalDataMasker

    /// Whether the 非常不满意 column is shown (only when some unit has such an evaluation).
    public var hasVeryDissatisfied: Bool {
        summary.totals.count(.veryDissatisfied) > 0
    }
}
