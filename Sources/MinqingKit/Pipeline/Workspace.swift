import Foundation

/// Where a workspace keeps its files (SPEC §5 defaults, each overridable on the command line).
public struct Workspace: Sendable {
    /// The SQLite database (`./minqing.sqlite`).
    public var database: String
    /// The seeds folder (`./seeds`).
    var seeds: String
    /// The config file (`./minqing.toml`); `configRequired` is true when it was named explicitly.
    var config: String
    var configRequired: Bool
    /// The reports root (`./reports`); each month goes to `<out>/YYYY-MM/`.
    var output: String

    /// The defaults for a workspace folder.
    public init(root: String = ".", database: String? = nil, seeds: String? = nil, config: String? = nil, output: String? = nil) {
        self.database = database ?? root + "/minqing.sqlite"
        self.seeds = seeds ?? root + "/seeds"
        self.config = config ?? root + "/minqing.toml"
        self.configRequired = config != nil
        self.output = output ?? root + "/reports"
    }

    /// The folder of one month's reports.
    func folder(for month: YearMonth) -> String { output + "/" + month.description }
}

/// File names of a month's reports.
enum ReportNames {
    static func workbook(_ month: YearMonth) -> String { "民情月报-\(month).xlsx" }
    static func markdown(_ month: YearMonth) -> String { "民情月报-\(month).md" }
    static func problems(_ month: YearMonth) -> String { "数据问题-\(month).csv" }
    /// The 督办清单 (SPEC §12): a notice per unit with demands open at the month's end.
    static func supervision(_ month: YearMonth) -> String { "督办清单-\(month).xlsx" }
}
