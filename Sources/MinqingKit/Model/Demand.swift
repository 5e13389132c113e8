/// One demand (群众诉求) as read from an input row and validated, before classification.
struct DemandInput: Sendable, Equatable {
    /// 编号.
    var id: String
    /// 受理日期 (with the time when one was given).
    var received: DateTimeValue
    /// 渠道, as the canonical channel name when known, otherwise as given.
    var channel: String
    /// 诉求内容.
    var content: String
    /// 办理状态.
    var status: DemandStatus
    /// 诉求人 (original; masked only in reports).
    var petitioner: String
    /// 联系电话 (original; masked only in reports).
    var phone: String
    /// 人数 (1 when blank).
    var headcount: Int
    /// 乡镇 as given (may be blank).
    var township: String
    /// 村社区 as given (may be blank).
    var village: String
    /// 涉及领域 as given (may be blank or unknown).
    var domain: String
    /// 等级 given by hand, if any.
    var grade: Grade?
    /// 主管部门 as given (may be blank).
    var department: String
    /// 办结日期.
    var resolved: Day?
    /// 满意度.
    var satisfaction: Satisfaction
    /// 截止日期 as given (SPEC §9; nil when blank: the time limit rule gives it).
    var deadline: Day? = nil
    /// 诉求类型 (未分类 when blank).
    var demandType = DemandType.unclassified
    /// 解决情况 (未回访 when blank).
    var resolution = Resolution.notVisited
    /// The input file's name, for messages and 数据问题.
    var sourceFile: String
    /// The row in that file as a spreadsheet shows it.
    var sourceLine: Int
    /// The worksheet of a workbook ("" for a text file).
    var sourceSheet = ""
    /// The physical line of a text file where the row starts, when it is not the row (0 otherwise).
    var sourcePhysicalLine = 0

    /// A problem about this demand's row.
    func problem(_ level: ProblemLevel, column: String, message: String, raw: String) -> DataProblem {
        DataProblem(
            file: sourceFile, sheet: sourceSheet, row: sourceLine, physicalLine: sourcePhysicalLine, level: level,
            column: column, message: message, raw: raw)
    }

    /// The month the demand belongs to: the month of its 受理日期.
    var month: YearMonth { received.day.yearMonth }
}

/// What classification adds to a demand (SPEC §3): domain, responsible units, grade, and why.
struct Classification: Sendable, Equatable {
    /// 涉及领域 after classification (a known domain or 其他).
    var domain: String
    /// 属地: the township responsible for the place (blank when unknown).
    var township: String
    /// 主管部门: given, or the domain's competent department (blank when the township is responsible).
    var department: String
    /// 双联系单位 of the village (blank when none).
    var liaison: String
    /// The primary (scored) unit: the 主管部门, or the 属地 township.
    var primaryUnit: String
    /// The primary unit's 类型 (县直部门, 国有企业, 乡镇, or 未登记).
    var primaryUnitType: String
    /// 等级.
    var grade: Grade
    /// 等级依据: why the grade was given, e.g. `人数≥5; 关键词:欠薪`.
    var gradeBasis: GradeBasis
    /// 责任依据: how the responsible units were found.
    var unitBasis: String
}

/// A classified demand, as stored and reported.
struct Demand: Sendable, Equatable {
    var input: DemandInput
    var classification: Classification
}
