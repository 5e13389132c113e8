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

    /// Gives an existing sheet the header row, column widths, frozen header and print setup.
    @discardableResult
    func layout(_ sheet: XlsxWorksheet, headers: [String], widths: [Double]) throws -> XlsxWorksheet {
        for (col, width) in widths.enumerated() { try sheet.setColumn(col, col, width: width) }
        for (col, header) in headers.enumerated() { try sheet.writeText(0, col, header, style.header) }
        try sheet.freezePanes(row: 1, col: 0)
        try sheet.setupPrint(
            landscape: true, paperA4: true, fitWidthPages: 1, repeatHeaderRows: 0...0,
            header: "&L\(Self.escapeHeader(county))&C\(Self.escapeHeader(month.chineseTitle)) 民情月报&R&A",
            footer: "&C第 &P 页，共 &N 页")
        return sheet
    }

    /// Header/footer text with `&` doubled so it is not read as a code.
    static func escapeHeader(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
}

/// Writes the bulletin's summary and remark sheets (each in row order, as constant_memory requires).
struct SheetWriter {
    let factory: SheetFactory
    let data: BulletinData
    /// The summary sheets created before the lists.
    let placeholders: SummarySheets
    var book: XlsxWorkbook { factory.book }
    var style: WorkbookStyle { factory.style }

    /// A summary sheet created up front gets its layout; any other sheet is added now.
    func makeSheet(_ name: String, headers: [String], widths: [Double]) throws -> XlsxWorksheet {
        if let sheet = try? placeholders.sheet(name) {
            return try factory.layout(sheet, headers: headers, widths: widths)
        }
        return try factory.makeSheet(name, headers: headers, widths: widths)
    }

    /// The height (points) a row needs so wrapped text in it is fully visible when printed (see ``RowHeight``).
    static func rowHeight(_ wrapped: [(text: String, width: Double)]) -> Double? {
        var height = RowHeight()
        for (text, width) in wrapped { height.add(text, width: width) }
        return height.points
    }

    /// A column width that fits the header and the widest of `values` (CJK characters count double).
    static func width(_ header: String, _ values: [String], min: Double = 6, max: Double = 40) -> Double {
        let widest = ([header] + values).map(displayWidth).max() ?? 0
        return Swift.min(max, Swift.max(min, Double(widest) + 2))
    }

    /// 总览: the indicators (its charts are added by ``overviewCharts()``).
    func overview() throws {
        let rows = Indicators.rows(data)
        let sheet = try makeSheet("总览", headers: ["指标", "数值"], widths: [18, 12])
        for (i, row) in rows.enumerated() {
            let r = i + 1
            try sheet.writeText(r, 0, row.name, style.text)
            switch row.value {
            case .count(let n): try sheet.writeNumber(r, 1, Double(n), style.integer)
            case .rate(let x?): try sheet.writeNumber(r, 1, x, style.percent)
            case .change(let x?): try sheet.writeNumber(r, 1, x, style.change)
            case .rate(nil), .change(nil): try sheet.writeText(r, 1, Formatting.none, style.text)
            }
        }
    }

    /// The two charts of 总览 (demands by domain, by channel), drawn from 分类统计.
    func overviewCharts() throws {
        let sheet = try placeholders.sheet("总览")
        let s = data.summary
        let domainCount = s.domains.count
        let totalColumn = s.channels.count + 1
        let byDomain = try book.addColumnChart(
            title: "各领域诉求件数",
            categories: XlsxRange(sheet: "分类统计", firstRow: 1, firstCol: 0, lastRow: domainCount, lastCol: 0),
            values: XlsxRange(sheet: "分类统计", firstRow: 1, firstCol: totalColumn, lastRow: domainCount, lastCol: totalColumn),
            seriesName: "诉求件数", horizontal: true)
        try sheet.insertChart(row: 1, col: 3, byDomain, xScale: 1.2, yScale: max(1.5, Double(domainCount) * 0.11))
        let byChannel = try book.addColumnChart(
            title: "各渠道诉求件数",
            categories: XlsxRange(sheet: "分类统计", firstRow: 0, firstCol: 1, lastRow: 0, lastCol: s.channels.count),
            values: XlsxRange(
                sheet: "分类统计", firstRow: domainCount + 1, firstCol: 1, lastRow: domainCount + 1, lastCol: s.channels.count),
            seriesName: "诉求件数")
        try sheet.insertChart(row: 1, col: 13, byChannel, xScale: 1.2, yScale: max(1.5, Double(domainCount) * 0.11))
    }

    /// 分类统计: domains × channels, with totals.
    func domainTable() throws {
        let s = data.summary
        let headers = ["涉及领域"] + s.channels + ["合计"]
        let widths = [Self.width("涉及领域", s.domains.map(\.domain))] + s.channels.map { Self.width($0, [], min: 7) } + [7]
        let sheet = try makeSheet("分类统计", headers: headers, widths: widths)
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
        var headers = ["单位", "类型", "诉求总数", "A级", "B级", "已办结", "未办结", "办结率", "非常满意", "满意", "基本满意", "不满意", "得分", "满意率"]
        if data.hasVeryDissatisfied { headers.append("非常不满意") }
        let units = data.summary.units
        var widths = [Self.width("单位", units.map(\.unit)), 9] + Array(repeating: 8.0, count: headers.count - 2)
        widths[7] = 9
        let sheet = try makeSheet("责任单位评分", headers: headers, widths: widths)
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
            if data.hasVeryDissatisfied { try sheet.writeNumber(r, 14, Double(t.count(.veryDissatisfied)), style.integer) }
        }
        if !units.isEmpty {
            try sheet.conditionalFormatNegativeRed(firstRow: 1, firstCol: 12, lastRow: units.count, lastCol: 12)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(units.count, 1), lastCol: headers.count - 1)
    }

    /// 双联系责任表: every liaison unit × village pair of the seeds.
    func liaisonTable() throws {
        let rows = data.summary.liaisons
        let headers = ["联系单位", "联系点", "A级", "B级", "A级已办结", "B级已办结", "未办结"]
        let widths = [Self.width("联系单位", rows.map(\.unit)), Self.width("联系点", rows.map(\.village)), 7, 7, 11, 11, 8]
        let sheet = try makeSheet("双联系责任表", headers: headers, widths: widths)
        for (i, row) in rows.enumerated() {
            let r = i + 1, t = row.tally
            try sheet.writeText(r, 0, row.unit, style.text)
            try sheet.writeText(r, 1, row.village, style.text)
            for (k, n) in [t.gradeA, t.gradeB, t.resolvedA, t.resolvedB, t.unresolved].enumerated() {
                try sheet.writeNumber(r, 2 + k, Double(n), style.integer)
            }
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(rows.count, 1), lastCol: headers.count - 1)
    }

    /// 属地统计: one row per township.
    func townshipTable() throws {
        let rows = data.summary.townships
        let headers = ["乡镇", "诉求总数", "A级", "B级", "已办结", "办结率"]
        let sheet = try makeSheet(
            "属地统计", headers: headers, widths: [Self.width("乡镇", rows.map(\.township)), 9, 7, 7, 8, 9])
        for (i, row) in rows.enumerated() {
            let r = i + 1, t = row.tally
            try sheet.writeText(r, 0, row.township, style.text)
            for (k, n) in [t.total, t.gradeA, t.gradeB, t.resolved].enumerated() {
                try sheet.writeNumber(r, 1 + k, Double(n), style.integer)
            }
            try writeRate(sheet, r, 5, t.resolutionRate)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(rows.count, 1), lastCol: headers.count - 1)
    }

    /// 数据问题: every rejected row and notice of the month's latest ingest.
    func problems() throws {
        let headers = ["文件", "行号", "级别", "问题", "原始内容"]
        let problems = data.problems
        let sheet = try makeSheet(
            "数据问题", headers: headers, widths: [Self.width("文件", problems.map(\.file)), 7, 7, 50, 60])
        for (i, p) in problems.enumerated() {
            let r = i + 1
            let raw = data.masker.text(p.raw)
            if let height = Self.rowHeight([(p.problemText, 50), (raw, 60)]) { try sheet.setRowHeight(r, height) }
            try sheet.writeText(r, 0, p.file, style.text)
            try sheet.writeNumber(r, 1, Double(p.line), style.integer)
            try sheet.writeText(r, 2, p.level.rawValue, style.text)
            try sheet.writeText(r, 3, p.problemText, style.wrapped)
            try sheet.writeText(r, 4, raw, style.wrapped)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(problems.count, 1), lastCol: headers.count - 1)
    }

    /// 更正说明: what a re-run of the month added, changed (field by field) and removed.
    func corrections() throws {
        let headers = ["编号", "更正", "字段", "原值", "新值"]
        let sheet = try makeSheet("更正说明", headers: headers, widths: [16, 8, 10, 40, 40])
        let ingest = data.ingest
        guard ingest.isRerun else {
            try sheet.writeText(1, 0, "本月首次导入，没有更正。", style.note)
            return
        }
        for (i, c) in data.corrections.enumerated() {
            let r = i + 1
            try sheet.writeText(r, 0, c.demandID, style.text)
            try sheet.writeText(r, 1, c.kind.label, style.text)
            try sheet.writeText(r, 2, c.field, style.text)
            try sheet.writeText(r, 3, data.masker.value(c.old, of: c.field), style.wrapped)
            try sheet.writeText(r, 4, data.masker.value(c.new, of: c.field), style.wrapped)
        }
        // In constant_memory mode the filter must be set before rows past it are written.
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(data.corrections.count, 1), lastCol: headers.count - 1)
        try sheet.writeText(
            data.corrections.count + 2, 0,
            "合计：新增 \(ingest.added) 件，修改 \(ingest.changed) 件，删除 \(ingest.removed) 件。", style.note)
    }

    /// 往月诉求本月办结: earlier months' demands reported resolved in this month's input.
    func lateResolved() throws {
        let headers = ["编号", "受理日期", "乡镇", "涉及领域", "主管部门", "原办理状态", "办结日期", "满意度", "诉求内容"]
        let sheet = try makeSheet("往月诉求本月办结", headers: headers, widths: [16, 12, 10, 14, 16, 11, 12, 10, 48])
        for (i, late) in data.lateResolved.enumerated() {
            let d = late.demand, r = i + 1
            let values = [d.id, d.received, d.township, d.domain, d.department, late.previousStatus.rawValue, d.resolved, d.satisfaction.rawValue]
            for (c, v) in values.enumerated() { try sheet.writeText(r, c, v, style.text) }
            try sheet.writeText(r, 8, data.masker.text(d.content), style.wrapped)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(data.lateResolved.count, 1), lastCol: headers.count - 1)
    }

    private func writeRate(_ sheet: XlsxWorksheet, _ row: Int, _ col: Int, _ value: Double?) throws {
        if let value {
            try sheet.writeNumber(row, col, value, style.percent)
        } else {
            try sheet.writeText(row, col, Formatting.none, style.text)
        }
    }
}
