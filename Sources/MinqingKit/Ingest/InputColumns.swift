/// The petition-record columns of SPEC §1 and §9, in the order the detail sheet shows them. A column's
/// position among the cases is its index in a validator's lookups: no position is written by hand.
enum InputColumn: Int, CaseIterable, Sendable {
    case id, received, channel, content, status, petitioner, phone, headcount, township, village, domain, grade,
        department, resolved, satisfaction
    /// Second edition (SPEC §9).
    case deadline, demandType, resolution

    /// The header as the SPEC writes it, its English alias, and whether the column must be present.
    var spec: ColumnSpec {
        switch self {
        case .id: return ColumnSpec("编号", alias: "id", required: true)
        case .received: return ColumnSpec("受理日期", alias: "received", required: true)
        case .channel: return ColumnSpec("渠道", alias: "channel", required: true)
        case .content: return ColumnSpec("诉求内容", alias: "content", required: true)
        case .status: return ColumnSpec("办理状态", alias: "status", required: true)
        case .petitioner: return ColumnSpec("诉求人", alias: "petitioner", required: false)
        case .phone: return ColumnSpec("联系电话", alias: "phone", required: false)
        case .headcount: return ColumnSpec("人数", alias: "headcount", required: false)
        case .township: return ColumnSpec("乡镇", alias: "township", required: false)
        case .village: return ColumnSpec("村社区", alias: "village", required: false)
        case .domain: return ColumnSpec("涉及领域", alias: "domain", required: false)
        case .grade: return ColumnSpec("等级", alias: "grade", required: false)
        case .department: return ColumnSpec("主管部门", alias: "department", required: false)
        case .resolved: return ColumnSpec("办结日期", alias: "resolved", required: false)
        case .satisfaction: return ColumnSpec("满意度", alias: "satisfaction", required: false)
        case .deadline: return ColumnSpec("截止日期", aliases: ["deadline", "办理期限", "限办日期"], required: false)
        case .demandType: return ColumnSpec("诉求类型", aliases: ["type", "工单类型", "类型"], required: false)
        case .resolution: return ColumnSpec("解决情况", aliases: ["resolution", "是否解决"], required: false)
        }
    }

    /// The Chinese header.
    var header: String { spec.header }

    /// Every column's spec, in order.
    static let specs: [ColumnSpec] = allCases.map(\.spec)
}
