/// The bulletin workbook's sheets (SPEC §7), declared once: the cases stand in workbook order, each with
/// its name, how it is filled and its columns. ``BulletinSheets`` creates the sheets from this list in
/// its order, ``SheetWriter`` fills them by case, the 总览 charts name 分类统计 through it, and the tests
/// read a written workbook back against it.
///
/// A new sheet (SPEC §12's 热点诉求, 近12个月) is a new case at its place in the order; the compiler then
/// asks for its name, kind and columns here and for how ``SheetWriter/fill(_:)`` fills it. A sheet shown
/// only in some months (§12: 更正说明 and 往月诉求本月办结 only when they have rows) says so in
/// ``isShown(for:)``, which ``BulletinSheets`` and ``WorkbookWriter`` read: their rows are known before
/// the pass.
enum BulletinSheet: CaseIterable {
    case overview
    case domainTable
    case unitScores
    case liaisonTable
    case townshipTable
    case topics
    case trend
    case gradeA
    case unresolved
    case detail
    case problems
    case corrections
    case lateResolved

    /// How a sheet gets its rows.
    enum Kind {
        /// Filled from the month's statistics after the pass over the demands.
        case summary
        /// Filled demand by demand during the pass (``DemandListSheets``); continues on 名称(2), 名称(3)…
        /// when a sheet is full.
        case demandList
        /// Filled after the pass from the ingest's records: rejected rows, corrections, late resolutions.
        case remark
    }

    /// The sheet's name (a list's continuation sheets add (2), (3)…).
    var name: String {
        switch self {
        case .overview: "总览"
        case .domainTable: "分类统计"
        case .unitScores: "责任单位评分"
        case .liaisonTable: "双联系责任表"
        case .townshipTable: "属地统计"
        case .topics: "热点诉求"
        case .trend: "近12个月"
        case .gradeA: "A级诉求"
        case .unresolved: "未办结诉求"
        case .detail: "诉求明细"
        case .problems: "数据问题"
        case .corrections: "更正说明"
        case .lateResolved: "往月诉求本月办结"
        }
    }

    var kind: Kind {
        switch self {
        case .overview, .domainTable, .unitScores, .liaisonTable, .townshipTable, .topics, .trend: .summary
        case .gradeA, .unresolved, .detail: .demandList
        case .problems, .corrections, .lateResolved: .remark
        }
    }

    /// A demand list's columns (``DemandSheetColumns``); empty for the other sheets.
    var demandColumns: [DemandColumn] {
        switch self {
        case .gradeA: DemandSheetColumns.gradeA
        case .unresolved: DemandSheetColumns.unresolved
        case .detail: DemandSheetColumns.detail
        case .overview, .domainTable, .unitScores, .liaisonTable, .townshipTable, .topics, .trend, .problems, .corrections,
            .lateResolved:
            []
        }
    }

    /// The declared columns, in order. Two sheets have more, which depend on the month:
    /// ``columns(for:)`` adds them.
    var columns: [SheetColumn] {
        switch self {
        case .overview:
            [.fixed("指标", 18), .fixed("数值", 12), .fixed("说明", 50)]
        case .domainTable:
            [.fitting("涉及领域") { $0.summary.domains.map(\.domain) }, .fixed("合计", 7)]
        case .unitScores:
            [
                .fitting("单位") { $0.summary.units.map(\.unit) }, .fixed("类型", 9), .fixed("诉求总数", 8),
                .fixed("A级", 8), .fixed("B级", 8), .fixed("已办结", 8), .fixed("未办结", 8), .fixed("办结率", 9),
                .fixed("非常满意", 8), .fixed("满意", 8), .fixed("基本满意", 8), .fixed("不满意", 8), .fixed("得分", 8),
                .fixed("满意率", 8), .fixed("按期办结率", 11), .fixed("往月诉求本月办结", 16), .fixed("超期未办结", 10),
                .fixed("上月诉求", 9), .fixed("上月得分", 9),
            ]
        case .liaisonTable:
            [
                .fitting("联系单位") { $0.summary.liaisons.map(\.unit) },
                .fitting("联系点") { $0.summary.liaisons.map(\.village) }, .fixed("A级", 7), .fixed("B级", 7),
                .fixed("A级已办结", 11), .fixed("B级已办结", 11), .fixed("未办结", 8),
            ]
        case .townshipTable:
            [
                .fitting("乡镇") { $0.summary.townships.map(\.township) }, .fixed("诉求总数", 9), .fixed("A级", 7),
                .fixed("B级", 7), .fixed("已办结", 8), .fixed("办结率", 9),
            ]
        case .topics:
            [
                .fixed("序号", 5), .fitting("热点", min: 14) { $0.topics.map(\.name) }, .fixed("诉求数", 7), .fixed("占比", 7),
                .fixed("诉求人数", 9), .fixed("疑似群体性", 10), .fixed("上月", 7), .fixed("涉及领域", 18),
                .fixed("责任单位", 20), .fixed("典型诉求", 40), .fixed("诉求编号", 30),
            ]
        case .trend:
            // The first column also holds the 涉及领域 of the table below the chart (``SheetWriter/trend()``).
            [
                .fitting("月份", min: 10) { $0.trend.domains }, .fixed("诉求总数", 9), .fixed("A级", 9), .fixed("已办结", 9),
                .fixed("办结率", 9), .fixed("按期办结率", 11), .fixed("满意率", 9), .fixed("月末未办结", 11),
            ]
        case .gradeA, .unresolved, .detail:
            demandColumns.map { .fixed($0.header, $0.width) }
        case .problems:
            [
                .fitting("文件") { $0.problems.map(\.fileText) }, .fitting("行号") { $0.problems.map(\.rowText) },
                .fixed("级别", 7), .fixed("问题", 50), .fixed("原始内容", 60),
            ]
        case .corrections:
            [.fixed("编号", 16), .fixed("更正", 8), .fixed("字段", 10), .fixed("原值", 40), .fixed("新值", 40)]
        case .lateResolved:
            [
                .fixed("编号", 16), .fixed("受理日期", 12), .fixed("乡镇", 10), .fixed("涉及领域", 14), .fixed("主管部门", 16),
                .fixed("原办理状态", 11), .fixed("办结日期", 12), .fixed("满意度", 10), .fixed("诉求内容", 48),
            ]
        }
    }

    /// 责任单位评分's last column, shown only when the month has a 非常不满意 evaluation.
    static let veryDissatisfied = SheetColumn.fixed("非常不满意", 8)

    /// The sheet's columns for `data`'s month: the declared ones, with one column per channel after
    /// 分类统计's 涉及领域 and 责任单位评分's 非常不满意 when the month has any. The one place where a
    /// sheet's columns depend on the data.
    func columns(for data: BulletinData) -> [SheetColumn] {
        var columns = columns
        switch self {
        case .domainTable:
            let channels = data.summary.channels.map { SheetColumn.fitting($0, min: 7) { _ in [] } }
            columns.insert(contentsOf: channels, at: 1)
        case .unitScores:
            if data.hasVeryDissatisfied { columns.append(Self.veryDissatisfied) }
        case .overview, .liaisonTable, .townshipTable, .topics, .trend, .gradeA, .unresolved, .detail, .problems,
            .corrections, .lateResolved:
            break
        }
        return columns
    }

    /// Whether `data`'s month has the sheet: 更正说明 and 往月诉求本月办结 only when they have rows (SPEC
    /// §12), every other sheet always. Their rows are known before the pass.
    func isShown(for data: BulletinData) -> Bool {
        switch self {
        case .corrections: !data.corrections.isEmpty
        case .lateResolved: !data.lateResolved.isEmpty
        case .overview, .domainTable, .unitScores, .liaisonTable, .townshipTable, .topics, .trend, .gradeA, .unresolved,
            .detail, .problems:
            true
        }
    }

    /// The header row of `data`'s month.
    func headers(for data: BulletinData) -> [String] { columns(for: data).map(\.header) }
}
