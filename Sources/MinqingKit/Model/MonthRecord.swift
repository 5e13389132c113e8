/// What a re-run of a month did to one demand (更正说明).
enum CorrectionKind: String, Sendable, CaseIterable {
    case added
    case changed
    case removed

    /// The word the reports use: 新增, 修改, 删除.
    var label: String {
        switch self {
        case .added: return "新增"
        case .changed: return "修改"
        case .removed: return "删除"
        }
    }
}

extension CorrectionKind: StoredValue { static let storedCases = storedTable() }

/// A correction made by a re-run of the month.
struct Correction: Sendable, Equatable {
    var kind: CorrectionKind
    var demandID: String
    /// For `changed`: the field (Chinese header) and its old and new values.
    var field: String
    var old: String
    var new: String
}

/// The month's latest ingest, as the reports show it.
public struct IngestRecord: Sendable, Equatable {
    public var id: Int
    public var isRerun: Bool
    public var accepted: Int
    public var rejected: Int
    public var notices: Int
    public var added: Int
    public var changed: Int
    public var removed: Int
    public var lateUpdates: Int
    /// Input file names in order.
    var files: [String]
}

/// An earlier month's demand reported resolved in this month's input (往月诉求本月办结): the demand with
/// the status, 办结日期 and 满意度 this month's input gave it, and the status it had before.
struct LateResolved: Sendable, Equatable {
    var demand: ReportDemand
    var previousStatus: DemandStatus
}

/// One past ingest of a month, as `minqing history` lists it.
public struct IngestHistoryEntry: Sendable, Equatable {
    /// The ingest's id, counts and whether it re-ran the month.
    public var record: IngestRecord
    public var month: String
    public var command: String
    /// When it started and finished (UTC, ISO 8601).
    public var startedAt: String
    public var finishedAt: String
    public var files: [File]

    /// One input file of the ingest.
    public struct File: Sendable, Equatable {
        public var name: String
        public var path: String
        public var sha256: String
        public var encoding: String
        public var rows: Int
        public var accepted: Int
        public var rejected: Int
    }
}
