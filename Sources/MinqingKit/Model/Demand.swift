/// One demand (群众诉求) as read from an input row and validated, before classification.
public struct DemandInput: Sendable, Equatable {
    /// 编号.
    public var id: String
    /// 受理日期 (with the time when one was given).
    public var received: DateTimeValue
    /// 渠道, as the canonical channel name when known, otherwise as given.
    public var channel: String
    /// 诉求内容.
    public var content: String
    /// 办理状态.
    public var status: DemandStatus
    /// 诉求人 (original; masked only in reports).
    public var petitioner: String
    /// 联系电话 (original; masked only in reports).
    public var phone: String
    /// 人数 (1 when blank).
    public var headcount: Int
    /// 乡镇 as given (may be blank).
    public var township: String
    /// 村社区 as given (may be blank).
    public var village: String
    /// 涉及领域 as given (may be blank or unknown).
    public var domain: String
    /// 等级 given by hand, if any.
    public var grade: Grade?
    /// 主管部门 as given (may be blank).
    public var department: String
    /// 办结日期.
    public var resolved: Day?
    /// 满意度.
    public var satisfaction: Satisfaction
    /// The input file's name, for messages and 数据问题.
    public var sourceFile: String
    /// The physical line in that file where the row starts.
    public var sourceLine: Int

    /// The month the demand belongs to: the month of its 受理日期.
    public var month: YearMonth { received.day.yearMonth }
}

/// What classification adds to a demand (SPEC §3): domain, responsible units, grade, and why.
public struct Classification: Sendable, Equatable {
    /// 涉及领域 after classification (a known domain or 其他).
    public var domain: String
    /// 属地: the township responsible for the place (blank when unknown).
    public var township: String
    /// 主管部门: given, or the domain's competent department (blank when the township is responsible).
    public var department: String
    /// 双联系单位 of the village (blank when none).
    public var liaison: String
    /// The primary (scored) unit: the 主管部门, or the 属地 township.
    public var primaryUnit: String
    /// The primary unit's 类型 (县直部门, 国有企业, 乡镇, or 未登记).
    public var primaryUnitType: String
    /// 等级.
    public var grade: Grade
    /// 等级依据: why the grade was given, e.g. `人数≥5; 关键词:欠薪`.
    var gradeBasis: GradeBasis
    /// 责任依据: how the responsible units were found.
    public var unitBasis: String
}

/// A classified demand, as stored and reported.
public struct Demand: Sendable, Equatable {
    public var input: DemandInput
    public var classification: Classification
}
