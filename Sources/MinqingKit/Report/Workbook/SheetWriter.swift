/// Adds sheets with the bulletin's common layout: header row, column widths, frozen header, print setup.
struct SheetFactory {
    let book: XlsxWorkbook
    let style: WorkbookStyle
    let county: String
    let month: YearMonth

    /// Adds a sheet with its header row, column widths, frozen header and print setup.
    func makeSheet(_ name: String, headers: [String], widths: [Double]) throws -> XlsxWorksheet {
        try layout(try book.addWorksheet(name), headers: headers, widths: widths)
    }

    /// Gives an existing sheet the header row, column widths, frozen header and print setup: A4
    /// landscape, one page wide, the rows down to the header repeated on every page, the county, the
    /// month and `report` in the page header with `pageLabel` on its right (the sheet's name unless
    /// given), page numbers in the footer. The header is row 1 unless `headerRow` (0-based) puts title
    /// rows above it, which the caller writes. `pageCount: false` leaves out the number of pages
    /// (共 N 页), which counts every sheet printed together.
    @discardableResult
    func layout(
        _ sheet: XlsxWorksheet, headers: [String], widths: [Double], headerRow: Int = 0, report: String = "民情月报",
        pageLabel: String? = nil, pageCount: Bool = true
    ) throws -> XlsxWorksheet {
        for (col, width) in widths.enumerated() { try sheet.setColumn(col, col, width: width) }
        for (col, header) in headers.enumerated() { try sheet.writeText(headerRow, col, header, style.header) }
        try sheet.freezePanes(row: headerRow + 1, col: 0)
        let label = pageLabel.map(Self.escapeHeader) ?? "&A"
        try sheet.setupPrint(
            landscape: true, paperA4: true, fitWidthPages: 1, repeatHeaderRows: 0...headerRow,
            header: "&L\(Self.escapeHeader(county))&C\(Self.escapeHeader(month.chineseTitle)) \(report)&R\(label)",
            footer: pageCount ? "&C第 &P 页，共 &N 页" : "&C第 &P 页")
        return sheet
    }

    /// Header/footer text with `&` doubled so it is not read as a code.
    static func escapeHeader(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
}

/// Writes the bulletin's summary and remark sheets (each in row order, as constant_memory requires).
struct SheetWriter {
    let factory: SheetFactory
    let data: BulletinData
    /// The sheets, created before the pass.
    let sheets: BulletinSheets
    var book: XlsxWorkbook { factory.book }
    var style: WorkbookStyle { factory.style }

    /// Fills `sheet` after the pass; a demand list was filled during it.
    func fill(_ sheet: BulletinSheet) throws {
        switch sheet {
        case .overview: try overview()
        case .domainTable: try domainTable()
        case .unitScores: try unitScores()
        case .liaisonTable: try liaisonTable()
        case .townshipTable: try townshipTable()
        case .topics: try topics()
        case .trend: try trend()
        case .gradeA, .unresolved, .detail: break
        case .problems: try problems()
        case .corrections: try corrections()
        case .lateResolved: try lateResolved()
        }
    }

    /// Gives the created `sheet` its header row and column widths for the month (see
    /// ``BulletinSheet/columns(for:)``); returns it with the widths.
    private func layout(_ sheet: BulletinSheet) throws -> (sheet: XlsxWorksheet, widths: [Double]) {
        let columns = sheet.columns(for: data)
        let widths = columns.map { $0.width(for: data) }
        let created = try factory.layout(try sheets.sheet(sheet), headers: columns.map(\.header), widths: widths)
        return (created, widths)
    }

    /// The height (points) a row needs so wrapped text in it is fully visible when printed (see ``RowHeight``).
    static func rowHeight(_ wrapped: [(text: String, width: Double)]) -> Double? {
        var height = RowHeight()
        for (text, width) in wrapped { height.add(text, width: width) }
        return height.points
    }

    /// 总览: the indicators (its charts are added by ``overviewCharts()``).
    func overview() throws {
        let rows = Indicators.rows(data)
        let (sheet, widths) = try layout(.overview)
        let noteWidth = widths[2]
        for (i, row) in rows.enumerated() { try writeIndicator(sheet, i + 1, row, noteWidth: noteWidth) }
        // 需关注单位 with their reasons, below the indicators after a blank row.
        let attention = Indicators.attentionRows(data)
        if !attention.isEmpty {
            let top = rows.count + 2
            try sheet.writeText(top, 0, "需关注单位", style.totalLabel)
            try sheet.writeText(top, 2, "原因", style.totalLabel)
            for (i, row) in attention.enumerated() { try writeIndicator(sheet, top + 1 + i, row, noteWidth: noteWidth) }
        }
        // 预警 (SPEC §11), below those after a blank row.
        let alerts = Indicators.alertRows(data)
        if !alerts.isEmpty {
            let top = rows.count + 2 + (attention.isEmpty ? 0 : attention.count + 2)
            try sheet.writeText(top, 0, "预警", style.totalLabel)
            try sheet.writeText(top, 2, "原因", style.totalLabel)
            for (i, row) in alerts.enumerated() { try writeIndicator(sheet, top + 1 + i, row, noteWidth: noteWidth) }
        }
    }

    /// One row of 总览; a note (what the figure counts, or a unit's reasons) wraps within its column.
    private func writeIndicator(_ sheet: XlsxWorksheet, _ r: Int, _ row: Indicators.Row, noteWidth: Double) throws {
        try sheet.writeText(r, 0, row.name, style.text)
        switch row.value {
        case .count(let n): try sheet.writeNumber(r, 1, Double(n), style.integer)
        case .rate(let x?): try sheet.writeNumber(r, 1, x, style.percent)
        case .change(let x?): try sheet.writeNumber(r, 1, x, style.change)
        case .decimal(let x?): try sheet.writeNumber(r, 1, x, style.decimal)
        case .text(let words): try sheet.writeText(r, 1, words, style.text)
        case .rate(nil), .change(nil), .decimal(nil): try sheet.writeText(r, 1, Formatting.none, style.text)
        }
        guard !row.note.isEmpty else { return }
        try sheet.writeText(r, 2, row.note, style.wrapped)
        if let height = Self.rowHeight([(row.note, noteWidth)]) { try sheet.setRowHeight(r, height) }
    }

    /// The two charts of 总览 (demands by domain, by channel), drawn from 分类统计; after both are filled.
    func overviewCharts() throws {
        let sheet = try sheets.sheet(.overview)
        let table = BulletinSheet.domainTable.name
        let s = data.summary
        let domainCount = s.domains.count
        let totalColumn = s.channels.count + 1
        let byDomain = try book.addColumnChart(
            title: "各领域诉求件数",
            categories: XlsxRange(sheet: table, firstRow: 1, firstCol: 0, lastRow: domainCount, lastCol: 0),
            values: XlsxRange(sheet: table, firstRow: 1, firstCol: totalColumn, lastRow: domainCount, lastCol: totalColumn),
            seriesName: "诉求件数", horizontal: true)
        try sheet.insertChart(row: 1, col: 4, byDomain, xScale: 1.2, yScale: max(1.5, Double(domainCount) * 0.11))
        let byChannel = try book.addColumnChart(
            title: "各渠道诉求件数",
            categories: XlsxRange(sheet: table, firstRow: 0, firstCol: 1, lastRow: 0, lastCol: s.channels.count),
            values: XlsxRange(
                sheet: table, firstRow: domainCount + 1, firstCol: 1, lastRow: domainCount + 1, lastCol: s.channels.count),
            seriesName: "诉求件数")
        try sheet.insertChart(row: 1, col: 14, byChannel, xScale: 1.2, yScale: max(1.5, Double(domainCount) * 0.11))
    }

    /// 分类统计: domains × channels, with totals.
    func domainTable() throws {
        let s = data.summary
        let sheet = try layout(.domainTable).sheet
        for (i, row) in s.domains.enumerated() {
            try sheet.writeText(i + 1, 0, row.domain, style.text)
            for (c, n) in row.perChannel.enumerated() { try sheet.writeNumber(i + 1, c + 1, Double(n), style.integer) }
            try sheet.writeNumber(i + 1, s.channels.count + 1, Double(row.total), style.totalInteger)
        }
        let totalRow = s.domains.count + 1
        try sheet.writeText(totalRow, 0, "合计", style.totalLabel)
        for (c, n) in s.channelTotals.enumerated() { try sheet.writeNumber(totalRow, c + 1, Double(n), style.totalInteger) }
        try sheet.writeNumber(totalRow, s.channels.count + 1, Double(s.totals.total), style.totalInteger)
    }

    /// 责任单位评分: one row per primary unit, ranked by score; negative scores red.
    func unitScores() throws {
        let units = data.summary.units
        let previousUnits = data.previousMonth.map { month in
            Dictionary(month.units.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        } ?? [:]
        let (sheet, widths) = try layout(.unitScores)
        for (i, unit) in units.enumerated() {
            let r = i + 1, t = unit.tally
            try sheet.writeText(r, 0, unit.unit, style.text)
            try sheet.writeText(r, 1, unit.type, style.text)
            let counts = [t.total, t.gradeA, t.gradeB, t.resolved, t.unresolved]
            for (k, n) in counts.enumerated() { try sheet.writeNumber(r, 2 + k, Double(n), style.integer) }
            try writeRate(sheet, r, 7, t.resolutionRate)
            let levels: [Satisfaction] = [.verySatisfied, .satisfied, .basicallySatisfied, .dissatisfied]
            for (k, level) in levels.enumerated() { try sheet.writeNumber(r, 8 + k, Double(t.count(level)), style.integer) }
            try sheet.writeNumber(r, 12, unit.score, style.score)
            try writeRate(sheet, r, 13, t.satisfactionRate)
            try writeRate(sheet, r, 14, t.onTimeRate)
            try sheet.writeNumber(r, 15, Double(unit.lateResolved), style.integer)
            try sheet.writeNumber(r, 16, Double(unit.overdueOpen), style.integer)
            // 上月诉求, 上月得分: as the previous month's bulletin had them (— when it had no row for the unit).
            if let previous = previousUnits[unit.unit] {
                try sheet.writeNumber(r, 17, Double(previous.demands), style.integer)
                try sheet.writeNumber(r, 18, previous.score, style.score)
            } else {
                try sheet.writeText(r, 17, Formatting.none, style.noFigure)
                try sheet.writeText(r, 18, Formatting.none, style.noFigure)
            }
            if data.hasVeryDissatisfied { try sheet.writeNumber(r, 19, Double(t.count(.veryDissatisfied)), style.integer) }
        }
        if !units.isEmpty {
            try sheet.conditionalFormatNegativeRed(firstRow: 1, firstCol: 12, lastRow: units.count, lastCol: 12)
            try sheet.conditionalFormatNegativeRed(firstRow: 1, firstCol: 18, lastRow: units.count, lastCol: 18)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(units.count, 1), lastCol: widths.count - 1)
    }

    /// 双联系责任表: every liaison unit × village pair of the seeds.
    func liaisonTable() throws {
        let rows = data.summary.liaisons
        let (sheet, widths) = try layout(.liaisonTable)
        for (i, row) in rows.enumerated() {
            let r = i + 1, t = row.tally
            try sheet.writeText(r, 0, row.unit, style.text)
            try sheet.writeText(r, 1, row.village, style.text)
            for (k, n) in [t.gradeA, t.gradeB, t.resolvedA, t.resolvedB, t.unresolved].enumerated() {
                try sheet.writeNumber(r, 2 + k, Double(n), style.integer)
            }
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(rows.count, 1), lastCol: widths.count - 1)
    }

    /// 属地统计: one row per township.
    func townshipTable() throws {
        let rows = data.summary.townships
        let (sheet, widths) = try layout(.townshipTable)
        for (i, row) in rows.enumerated() {
            let r = i + 1, t = row.tally
            try sheet.writeText(r, 0, row.township, style.text)
            for (k, n) in [t.total, t.gradeA, t.gradeB, t.resolved].enumerated() {
                try sheet.writeNumber(r, 1 + k, Double(n), style.integer)
            }
            try writeRate(sheet, r, 5, t.resolutionRate)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(rows.count, 1), lastCol: widths.count - 1)
    }

    /// 热点诉求: the month's topics, largest first, each with its figures, one masked example and the 编号 of
    /// its demands; a note under the table says what they were found against.
    func topics() throws {
        let topics = data.topics
        let (sheet, widths) = try layout(.topics)
        for (i, topic) in topics.enumerated() {
            let r = i + 1
            let domains = topic.domains.map { "\($0.name) \($0.count)" }.joined(separator: "、")
            let units = topic.units.map { "\($0.name) \($0.count)" }.joined(separator: "、")
            // Separated by spaces: a printed line breaks between two 编号, never inside one.
            let ids = topic.ids.joined(separator: " ")
            if let height = Self.rowHeight([
                (topic.name, widths[1]), (domains, widths[7]), (units, widths[8]), (topic.example, widths[9]), (ids, widths[10]),
            ]) {
                try sheet.setRowHeight(r, height)
            }
            try sheet.writeNumber(r, 0, Double(r), style.integer)
            try sheet.writeText(r, 1, topic.name, style.wrapped)
            try sheet.writeNumber(r, 2, Double(topic.count), style.integer)
            try writeRate(sheet, r, 3, topic.share)
            try sheet.writeNumber(r, 4, Double(topic.petitioners), style.integer)
            try sheet.writeText(r, 5, topic.isCollective ? "是" : "", style.text)
            if let previous = topic.previousCount {
                try sheet.writeText(r, 6, topic.previousIsEstimate ? "约 \(previous)" : "\(previous)", style.text)
            } else {
                try sheet.writeText(r, 6, "—", style.text)
            }
            try sheet.writeText(r, 7, domains, style.wrapped)
            try sheet.writeText(r, 8, units, style.wrapped)
            try sheet.writeText(r, 9, topic.example, style.wrapped)
            try sheet.writeText(r, 10, ids, style.wrapped)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(topics.count, 1), lastCol: widths.count - 1)
        try sheet.writeText(topics.count + 2, 0, TopicNote.text(data), style.note)
    }

    /// 近12个月 (SPEC §11): one row per month (— for a month without data), a line chart of 诉求总数 and
    /// 月末未办结 below it, and the 涉及领域 × month table below the chart; all within the first
    /// columns, so the sheet prints one page wide.
    func trend() throws {
        let trend = data.trend
        let (sheet, widths) = try layout(.trend)
        // On one page, so the header repeated on a second page never stands above the 涉及领域 table
        // (up to 40 domains; more print on as many pages as they need).
        if trend.domains.count <= Self.trendOnePageDomains { try sheet.fitToPages(width: 1, height: 1) }
        for (i, entry) in trend.months.enumerated() {
            let r = i + 1
            try sheet.writeText(r, 0, entry.month.description, style.text)
            guard let f = entry.figures else {
                for c in 1..<widths.count { try sheet.writeText(r, c, Formatting.none, style.noFigure) }
                continue
            }
            for (c, n) in [f.total, f.gradeA, f.resolved].enumerated() { try sheet.writeNumber(r, 1 + c, Double(n), style.integer) }
            try writeRate(sheet, r, 4, f.resolutionRate)
            try writeRate(sheet, r, 5, f.onTimeRate)
            try writeRate(sheet, r, 6, f.satisfactionRate)
            try sheet.writeNumber(r, 7, Double(f.openAtEnd), style.integer)
        }
        let lastRow = trend.months.count
        // The chart draws the months from the first with data (a month without data would be drawn as 0).
        let first = trend.firstWithData + 1
        let name = BulletinSheet.trend.name
        func column(_ c: Int) -> XlsxRange { XlsxRange(sheet: name, firstRow: first, firstCol: c, lastRow: lastRow, lastCol: c) }
        let chart = try book.addLineChart(
            title: "近12个月诉求总数与月末未办结", categories: column(0),
            series: [("诉求总数", column(1)), ("月末未办结", column(7))])
        let chartTop = lastRow + 2
        // As wide as the table above it (a column of width w is about 7w + 5 pixels; the chart is 480).
        let tableWidth = widths.reduce(0) { $0 + $1 * 7 + 5 }
        try sheet.insertChart(row: chartTop, col: 0, chart, xScale: max(1, tableWidth / 480), yScale: 1.1)
        // The chart is 288 × 1.1 pixels high: about 16 rows of 20 pixels.
        let top = chartTop + Self.trendChartRows + 1
        try sheet.writeText(top, 0, "涉及领域", style.header)
        for (c, entry) in trend.months.enumerated() { try sheet.writeText(top, 1 + c, entry.month.description, style.header) }
        for (i, domain) in trend.domains.enumerated() {
            let r = top + 1 + i
            try sheet.writeText(r, 0, domain, style.text)
            for (c, entry) in trend.months.enumerated() {
                if let f = entry.figures {
                    try sheet.writeNumber(r, 1 + c, Double(f.demands(of: domain)), style.integer)
                } else {
                    try sheet.writeText(r, 1 + c, Formatting.none, style.noFigure)
                }
            }
        }
    }

    /// The rows 近12个月's chart covers.
    static let trendChartRows = 16
    /// The most domains with which 近12个月 prints on one page.
    static let trendOnePageDomains = 40

    /// 数据问题: every rejected row and notice of the month's latest ingest.
    func problems() throws {
        let problems = data.problems
        let (sheet, widths) = try layout(.problems)
        for (i, p) in problems.enumerated() {
            let r = i + 1
            let raw = data.masker.text(p.raw)
            // 问题 and 原始内容 wrap in their columns' widths.
            if let height = Self.rowHeight([(p.problemText, widths[3]), (raw, widths[4])]) {
                try sheet.setRowHeight(r, height)
            }
            try sheet.writeText(r, 0, p.fileText, style.text)
            if p.physicalLine > 0 {
                try sheet.writeText(r, 1, p.rowText, style.text)
            } else {
                try sheet.writeNumber(r, 1, Double(p.row), style.integer)
            }
            try sheet.writeText(r, 2, p.level.rawValue, style.text)
            try sheet.writeText(r, 3, p.problemText, style.wrapped)
            try sheet.writeText(r, 4, raw, style.wrapped)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(problems.count, 1), lastCol: widths.count - 1)
    }

    /// 更正说明: what a re-run of the month added, changed (field by field) and removed.
    func corrections() throws {
        let (sheet, widths) = try layout(.corrections)
        let ingest = data.ingest
        for (i, c) in data.corrections.enumerated() {
            let r = i + 1
            try sheet.writeText(r, 0, c.demandID, style.text)
            try sheet.writeText(r, 1, c.kind.label, style.text)
            try sheet.writeText(r, 2, c.field, style.text)
            try sheet.writeText(r, 3, data.masker.value(c.old, of: c.field), style.wrapped)
            try sheet.writeText(r, 4, data.masker.value(c.new, of: c.field), style.wrapped)
        }
        // In constant_memory mode the filter must be set before rows past it are written.
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(data.corrections.count, 1), lastCol: widths.count - 1)
        try sheet.writeText(
            data.corrections.count + 2, 0,
            "合计：新增 \(ingest.added) 件，修改 \(ingest.changed) 件，删除 \(ingest.removed) 件。", style.note)
    }

    /// 往月诉求本月办结: earlier months' demands reported resolved in this month's input.
    func lateResolved() throws {
        let (sheet, widths) = try layout(.lateResolved)
        for (i, late) in data.lateResolved.enumerated() {
            let d = late.demand, r = i + 1
            let values = [d.id, d.received, d.township, d.domain, d.department, late.previousStatus.rawValue, d.resolved, d.satisfaction.rawValue]
            for (c, v) in values.enumerated() { try sheet.writeText(r, c, v, style.text) }
            try sheet.writeText(r, 8, data.masker.text(d.content), style.wrapped)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(data.lateResolved.count, 1), lastCol: widths.count - 1)
    }

    private func writeRate(_ sheet: XlsxWorksheet, _ row: Int, _ col: Int, _ value: Double?) throws {
        if let value {
            try sheet.writeNumber(row, col, value, style.percent)
        } else {
            try sheet.writeText(row, col, Formatting.none, style.text)
        }
    }
}
