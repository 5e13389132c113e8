/// The bulletin's sheets, created in libxlsxwriter from ``BulletinSheet`` in its order before the pass,
/// so they stand in the SPEC's order however late they are filled. The demand lists get their layout
/// now (their rows are written during the pass); the summary and remark sheets get theirs when
/// ``SheetWriter`` fills them after it, since their widths fit the month's statistics.
struct BulletinSheets {
    /// The demand lists, each under its own name.
    let lists: DemandLists
    private let sheets: [BulletinSheet: XlsxWorksheet]

    /// Creates every sheet of the declaration; a list gets sheets enough for its demands (`total` in
    /// all), `rowsPerSheet` rows each, its compressed rows kept in `folder`.
    init(factory: SheetFactory, data: BulletinData, total: Int, rowsPerSheet: Int, folder: String) throws {
        var sheets: [BulletinSheet: XlsxWorksheet] = [:]
        var lists: [BulletinSheet: DemandListSheets] = [:]
        for sheet in BulletinSheet.allCases where sheet.isShown(for: data) {
            switch sheet.kind {
            case .summary, .remark:
                sheets[sheet] = try factory.book.addWorksheet(sheet.name)
            case .demandList:
                lists[sheet] = try DemandListSheets(
                    factory: factory, sheet: sheet, count: Self.demandCount(sheet, data: data, total: total),
                    rowsPerSheet: rowsPerSheet, folder: folder)
            }
        }
        self.sheets = sheets
        self.lists = try DemandLists(lists)
    }

    /// The summary or remark sheet `sheet`, to be laid out and filled; a demand list is not one (its
    /// rows go through ``lists``).
    func sheet(_ sheet: BulletinSheet) throws -> XlsxWorksheet {
        guard let created = sheets[sheet] else {
            throw XlsxError(code: 0, context: "查找工作表「\(sheet.name)」", reason: "它不是预先创建的汇总表或说明表")
        }
        return created
    }

    /// How many demands the list `sheet` holds (0 for the other sheets).
    private static func demandCount(_ sheet: BulletinSheet, data: BulletinData, total: Int) -> Int {
        switch sheet {
        case .gradeA: data.gradeACount
        case .unresolved: data.unresolvedCount
        case .detail: total
        case .overview, .domainTable, .unitScores, .liaisonTable, .townshipTable, .topics, .trend, .problems, .corrections,
            .lateResolved:
            0
        }
    }
}

/// The three demand lists, one property each, so the pass writes to a list by name and never to one
/// that was not created.
struct DemandLists {
    /// A级诉求.
    let gradeA: DemandListSheets
    /// 未办结诉求.
    let unresolved: DemandListSheets
    /// 诉求明细: every demand.
    let detail: DemandListSheets
    /// The lists in workbook order.
    let all: [DemandListSheets]

    /// Takes the created lists; throws when one of the three is missing.
    init(_ lists: [BulletinSheet: DemandListSheets]) throws {
        func list(_ sheet: BulletinSheet) throws -> DemandListSheets {
            guard let list = lists[sheet] else {
                throw XlsxError(code: 0, context: "查找工作表「\(sheet.name)」", reason: "诉求清单没有预先创建")
            }
            return list
        }
        gradeA = try list(.gradeA)
        unresolved = try list(.unresolved)
        detail = try list(.detail)
        all = BulletinSheet.allCases.compactMap { lists[$0] }
    }

    /// Every sheet of the lists (continuation sheets included), in workbook order.
    var parts: [SplicedSheet] { all.flatMap(\.parts) }
}
