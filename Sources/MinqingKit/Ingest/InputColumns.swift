/// The petition-record columns of SPEC §1 and §9, in the order the detail sheet shows them. A column's
/// position among the cases is its index in a validator's lookups: no position is written by hand.
enum InputColumn: Int, CaseIterable, Sendable {
    case id, received, channel, content, status, petitioner, phone, headcount, township, village, domain, grade,
        department, resolved, satisfaction
    /// Second edition (SPEC §9).
    case deadline, demandType, resolution

    /// The header as the SPEC writes it, its English alias first among the other spellings, and
    /// whether the column must be present. The other spellings are the headers of common 12345
    /// work-order exports (SPEC §10), known without configuration.
    var spec: ColumnSpec {
        switch self {
        case .id: return ColumnSpec("编号", aliases: ["id", "工单编号"], required: true)
        case .received: return ColumnSpec("受理日期", aliases: ["received", "来电时间", "登记时间", "受理时间"], required: true)
        case .channel: return ColumnSpec("渠道", aliases: ["channel", "来电渠道", "诉求渠道", "来源"], required: true)
        case .content:
            return ColumnSpec("诉求内容", aliases: ["content", "反映内容", "问题描述", "工单内容"], required: true)
        case .status: return ColumnSpec("办理状态", aliases: ["status", "处理状态", "工单状态"], required: true)
        case .petitioner: return ColumnSpec("诉求人", aliases: ["petitioner", "来电人", "诉求人姓名", "反映人"], required: false)
        case .phone: return ColumnSpec("联系电话", aliases: ["phone", "来电号码", "联系方式"], required: false)
        case .headcount: return ColumnSpec("人数", alias: "headcount", required: false)
        case .township: return ColumnSpec("乡镇", aliases: ["township", "所属乡镇", "所在乡镇"], required: false)
        case .village: return ColumnSpec("村社区", aliases: ["village", "所属村社区", "所在村"], required: false)
        case .domain: return ColumnSpec("涉及领域", aliases: ["domain", "问题分类", "诉求分类"], required: false)
        case .grade: return ColumnSpec("等级", alias: "grade", required: false)
        case .department: return ColumnSpec("主管部门", aliases: ["department", "承办单位", "责任单位"], required: false)
        case .resolved: return ColumnSpec("办结日期", aliases: ["resolved", "办结时间"], required: false)
        case .satisfaction: return ColumnSpec("满意度", aliases: ["satisfaction", "回访满意度", "满意度评价"], required: false)
        case .deadline:
            return ColumnSpec("截止日期", aliases: ["deadline", "办理期限", "限办日期", "办理时限", "截止时间"], required: false)
        case .demandType: return ColumnSpec("诉求类型", aliases: ["type", "工单类型", "类型"], required: false)
        case .resolution: return ColumnSpec("解决情况", aliases: ["resolution", "是否解决"], required: false)
        }
    }

    /// The Chinese header.
    var header: String { spec.header }

    /// Every column's spec, in order.
    static let specs: [ColumnSpec] = allCases.map(\.spec)
}
