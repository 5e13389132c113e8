/// Which of the month's demands a list shows: 诉求明细 (all), A级诉求, and the month's own demands not
/// 已办结 (the 未办结诉求 sheet lists more: every demand open at the month's end, any month of receipt,
/// read by `MonthRecords.forEachOpenDemand`). The rule is defined here once, as a predicate on a
/// demand's grade and status and as a ``Criterion`` a store turns into its own query.
enum DemandList: Sendable, CaseIterable {
    case all
    /// A级诉求: graded A.
    case gradeA
    /// The month's own demands not 已办结.
    case unresolved

    /// A condition on one stored field.
    enum Criterion: Sendable, Equatable {
        case grade(Grade)
        case statusOtherThan(DemandStatus)
    }

    /// The list's condition (nil: every demand of the month).
    var criterion: Criterion? {
        switch self {
        case .all: return nil
        case .gradeA: return .grade(.a)
        case .unresolved: return .statusOtherThan(.resolved)
        }
    }

    /// Whether a demand with this grade and status is on the list.
    func includes(grade: Grade, status: DemandStatus) -> Bool {
        switch criterion {
        case nil: return true
        case .grade(let wanted): return grade == wanted
        case .statusOtherThan(let excluded): return status != excluded
        }
    }
}
