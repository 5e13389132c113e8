/// The demand table's columns in insert order, shared by the incoming (staging) table and `demand`.
enum DemandColumns {
    static let names = [
        "id", "month", "received", "received_day", "received_secs", "channel", "content", "status", "petitioner",
        "phone", "headcount", "township_given", "village", "domain_given", "grade_given", "department_given",
        "resolved", "satisfaction", "domain", "township", "department", "liaison", "primary_unit", "primary_type",
        "grade", "grade_basis", "unit_basis", "repeat_key", "source_file", "source_line", "ingest_id",
    ]

    /// The input fields compared when a re-run changes a demand, with their Chinese names.
    static let compared: [(column: String, header: String)] = [
        ("received", "受理日期"), ("channel", "渠道"), ("content", "诉求内容"), ("status", "办理状态"),
        ("petitioner", "诉求人"), ("phone", "联系电话"), ("headcount", "人数"), ("township_given", "乡镇"),
        ("village", "村社区"), ("domain_given", "涉及领域"), ("grade_given", "等级"),
        ("department_given", "主管部门"), ("resolved", "办结日期"), ("satisfaction", "满意度"),
    ]

    static var list: String { names.joined(separator: ", ") }
    static var placeholders: String { Array(repeating: "?", count: names.count).joined(separator: ", ") }

    /// Binds a demand to an insert statement whose columns are ``names``.
    static func bind(_ demand: Demand, repeatKey: String, ingestID: Int, to statement: RawStatement) throws {
        let input = demand.input, c = demand.classification
        try statement.bind(1, input.id)
        try statement.bind(2, input.month.description)
        try statement.bind(3, input.received.text)
        try statement.bind(4, input.received.day.dayNumber)
        try statement.bind(5, input.received.secondsOfDay ?? 0)
        try statement.bind(6, input.channel)
        try statement.bind(7, input.content)
        try statement.bind(8, input.status.rawValue)
        try statement.bind(9, input.petitioner)
        try statement.bind(10, input.phone)
        try statement.bind(11, input.headcount)
        try statement.bind(12, input.township)
        try statement.bind(13, input.village)
        try statement.bind(14, input.domain)
        try statement.bind(15, input.grade?.rawValue ?? "")
        try statement.bind(16, input.department)
        try statement.bind(17, input.resolved?.description ?? "")
        try statement.bind(18, input.satisfaction.rawValue)
        try statement.bind(19, c.domain)
        try statement.bind(20, c.township)
        try statement.bind(21, c.department)
        try statement.bind(22, c.liaison)
        try statement.bind(23, c.primaryUnit)
        try statement.bind(24, c.primaryUnitType)
        try statement.bind(25, c.grade.rawValue)
        try statement.bind(26, c.gradeBasis)
        try statement.bind(27, c.unitBasis)
        try statement.bind(28, repeatKey)
        try statement.bind(29, input.sourceFile)
        try statement.bind(30, input.sourceLine)
        try statement.bind(31, ingestID)
    }
}

extension DateTimeValue {
    /// The stored form: `2026-10-03` or `2026-10-03 14:22:05`.
    var text: String {
        guard let seconds = secondsOfDay, seconds >= 0, seconds < 86_400 else { return day.description }
        return day.description + " " + Day.digits([(seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)], separator: 0x3A)
    }
}
