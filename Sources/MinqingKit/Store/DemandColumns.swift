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

    /// Binds a demand to an insert statement whose columns are ``names``, its texts through `texts`
    /// (cleared first; they must stay untouched until the statement has run).
    static func bind(_ demand: Demand, repeatKey: String, ingestID: Int, texts: RowTexts,
                     to statement: RawStatement) throws {
        let input = demand.input, c = demand.classification
        texts.clear()
        texts.add(1, input.id)
        texts.add(2, input.month)
        texts.add(3, input.received.day, secondsOfDay: input.received.secondsOfDay)
        try statement.bind(4, input.received.day.dayNumber)
        try statement.bind(5, input.received.secondsOfDay ?? 0)
        texts.add(6, input.channel)
        texts.add(7, input.content)
        texts.add(8, input.status.rawValue)
        texts.add(9, input.petitioner)
        texts.add(10, input.phone)
        try statement.bind(11, input.headcount)
        texts.add(12, input.township)
        texts.add(13, input.village)
        texts.add(14, input.domain)
        texts.add(15, input.grade?.rawValue ?? "")
        texts.add(16, input.department)
        if let resolved = input.resolved { texts.add(17, resolved) } else { texts.add(17, "") }
        texts.add(18, input.satisfaction.rawValue)
        texts.add(19, c.domain)
        texts.add(20, c.township)
        texts.add(21, c.department)
        texts.add(22, c.liaison)
        texts.add(23, c.primaryUnit)
        texts.add(24, c.primaryUnitType)
        texts.add(25, c.grade.rawValue)
        texts.add(26, c.gradeBasis)
        texts.add(27, c.unitBasis)
        texts.add(28, repeatKey)
        texts.add(29, input.sourceFile)
        try statement.bind(30, input.sourceLine)
        try statement.bind(31, ingestID)
        try statement.bind(texts)
    }
}

extension DateTimeValue {
    /// The stored form: `2026-10-03` or `2026-10-03 14:22:05`.
    var text: String {
        guard let seconds = secondsOfDay, seconds >= 0, seconds < 86_400 else { return day.description }
        return day.description + " " + Day.digits([(seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)], separator: 0x3A)
    }
}
