/// A column of a demand list sheet: header, width, and how to read it from a (masked) demand.
struct DemandColumn: Sendable {
    let header: String
    let width: Double
    let wrap: Bool
    /// Whether the column's values repeat enough to go to the shared-string table (乡镇, 办理状态…);
    /// the others (编号, 电话, 诉求内容) are written in the cell.
    let shared: Bool
    let value: @Sendable (ReportDemand) -> String

    init(header: String, width: Double, wrap: Bool, shared: Bool = true,
         value: @escaping @Sendable (ReportDemand) -> String) {
        self.header = header
        self.width = width
        self.wrap = wrap
        self.shared = shared
        self.value = value
    }
}

/// The columns of the three demand lists (SPEC §7), then a few extra ones at the end.
enum DemandSheetColumns {
    static let id = DemandColumn(header: "编号", width: 16, wrap: false, shared: false) { d in d.id }
    /// Inline: with its time a 受理日期 is nearly unique, and would fill the shared-string table.
    static let received = DemandColumn(header: "受理日期", width: 18, wrap: false, shared: false) { d in d.received }
    static let channel = DemandColumn(header: "渠道", width: 11, wrap: false) { d in d.channel }
    static let petitioner = DemandColumn(header: "诉求人", width: 9, wrap: false) { d in d.petitioner }
    static let phone = DemandColumn(header: "联系电话", width: 14, wrap: false, shared: false) { d in d.phone }
    static let township = DemandColumn(header: "乡镇", width: 10, wrap: false) { d in d.township }
    static let village = DemandColumn(header: "村社区", width: 10, wrap: false) { d in d.village }
    static let domain = DemandColumn(header: "涉及领域", width: 14, wrap: true) { d in d.domain }
    static let grade = DemandColumn(header: "等级", width: 6, wrap: false) { d in d.grade.rawValue }
    static let basis = DemandColumn(header: "等级依据", width: 18, wrap: true) { d in d.gradeBasis }
    static let department = DemandColumn(header: "主管部门", width: 16, wrap: true) { d in d.department }
    static let liaison = DemandColumn(header: "双联系单位", width: 16, wrap: true) { d in d.liaison }
    static let status = DemandColumn(header: "办理状态", width: 9, wrap: false) { d in d.status.rawValue }
    static let resolved = DemandColumn(header: "办结日期", width: 12, wrap: false) { d in d.resolved }
    static let satisfaction = DemandColumn(header: "满意度", width: 10, wrap: false) { d in d.satisfaction.rawValue }
    static let content = DemandColumn(header: "诉求内容", width: 48, wrap: true, shared: false) { d in d.content }
    static let deadline = DemandColumn(header: "截止日期", width: 12, wrap: false) { d in d.clock?.deadline.description ?? "" }
    static let handlingDays = DemandColumn(header: "办理天数", width: 9, wrap: false) { d in
        guard let clock = d.clock else { return "" }
        return clock.handlingDays.map(String.init) ?? Formatting.none
    }
    /// 已办天数 of an open demand (the month's last day − 受理日期): 办理天数 under the open list's header.
    static let daysOpen = DemandColumn(header: "已办天数", width: 9, wrap: false) { d in handlingDays.value(d) }
    static let timeliness = DemandColumn(header: "时效", width: 9, wrap: false) { d in d.clock?.timeliness.rawValue ?? "" }
    static let demandType = DemandColumn(header: "诉求类型", width: 9, wrap: false) { d in d.demandType.rawValue }
    static let resolution = DemandColumn(header: "解决情况", width: 9, wrap: false) { d in d.resolution.rawValue }
    static let unitBasis = DemandColumn(header: "责任依据", width: 30, wrap: true) { d in d.unitBasis }

    /// A级诉求.
    static let gradeA = [id, received, township, village, domain, basis, department, status, content]
    /// 未办结诉求 (SPEC §12): 编号, 受理日期, 乡镇, 村社区, 涉及领域, 等级, 等级依据, 主管部门, 办理状态, 截止日期,
    /// 已办天数, 时效, 诉求内容.
    static let unresolved = [
        id, received, township, village, domain, grade, basis, department, status, deadline, daysOpen, timeliness, content,
    ]
    /// 诉求明细: SPEC §7's columns, §12's 截止日期, 办理天数, 时效, 诉求类型 and 解决情况, then 责任依据 (which
    /// also names the scored unit: 计分:主管部门 or 计分:属地).
    static let detail = [
        id, received, channel, petitioner, phone, township, village, domain, grade, basis, department, liaison, status,
        resolved, satisfaction, content, deadline, handlingDays, timeliness, demandType, resolution, unitBasis,
    ]
}
