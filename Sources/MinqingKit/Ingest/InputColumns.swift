/// The petition-record columns of SPEC §1, in the order the detail sheet shows them.
public enum InputColumns {
    public static let id = ColumnSpec("编号", alias: "id", required: true)
    public static let received = ColumnSpec("受理日期", alias: "received", required: true)
    public static let channel = ColumnSpec("渠道", alias: "channel", required: true)
    public static let content = ColumnSpec("诉求内容", alias: "content", required: true)
    public static let status = ColumnSpec("办理状态", alias: "status", required: true)
    public static let petitioner = ColumnSpec("诉求人", alias: "petitioner", required: false)
    public static let phone = ColumnSpec("联系电话", alias: "phone", required: false)
    public static let headcount = ColumnSpec("人数", alias: "headcount", required: false)
    public static let township = ColumnSpec("乡镇", alias: "township", required: false)
    public static let village = ColumnSpec("村社区", alias: "village", required: false)
    public static let domain = ColumnSpec("涉及领域", alias: "domain", required: false)
    public static let grade = ColumnSpec("等级", alias: "grade", required: false)
    public static let department = ColumnSpec("主管部门", alias: "department", required: false)
    public static let resolved = ColumnSpec("办结日期", alias: "resolved", required: false)
    public static let satisfaction = ColumnSpec("满意度", alias: "satisfaction", required: false)

    /// All fifteen columns.
    public static let all: [ColumnSpec] = [
        id, received, channel, content, status, petitioner, phone, headcount, township, village, domain, grade,
        department, resolved, satisfaction,
    ]
}
