import Foundation

/// Writes 民情月报-YYYY-MM.xlsx: the sheets and headers of SPEC §7, in that order (as ``BulletinSheet``
/// declares them), in one pass over the month's demands.
///
/// Every sheet has its header in row 1 (bold, frozen, repeated on printed pages), prints A4 landscape
/// one page wide with the county, month and sheet name in the page header and page numbers in the
/// footer. The workbook is written in `constant_memory` mode: the demands are read once, in 受理日期
/// order, and each goes to 诉求明细 and, as it applies, to A级诉求 and 未办结诉求 while the statistics
/// are added up; the summary sheets, which come first in the workbook, are filled afterwards (each sheet
/// is still written in row order). The lists' rows are written as XML and compressed on the second
/// core during the pass (see ``DemandListSheets``), with their repeating values in a shared-string
/// table. Memory does not grow with the month's size beyond that table; a list longer than Excel's
/// row limit continues on 诉求明细(2), (3)…
struct WorkbookWriter {
    /// Data rows per sheet: Excel's 1,048,576 rows less the header.
    static let rowsPerSheet = 1_048_575

    /// What the pass over the demands produced besides the workbook.
    struct Pass: Sendable {
        /// The month's statistics (without 环比/同比, which the caller adds from history first).
        var summary: MonthSummary
        /// The first A级 and 未办结 demands (overdue first), and the first A-grade demands 已超期 at the
        /// month's end, for the Markdown report.
        var gradeA: [ReportDemand]
        var unresolved: [ReportDemand]
        var overdueA: [ReportDemand] = []
        /// 热点诉求, sized in the pass.
        var topics: [Topic] = []
        /// Where the pass's time went, for the benchmark's per-stage breakdown.
        var timings = Timings()
    }

    /// Seconds spent in each part of the pass.
    struct Timings: Sendable {
        /// Reading the month from SQLite (the pass's wall time outside the parts below).
        var read = 0.0
        /// Adding up the statistics and scores.
        var score = 0.0
        /// Masking personal data.
        var mask = 0.0
        /// Counting the topics' demands in the pass, and the month before's (``TopicStage``).
        var topics = 0.0
        /// Waiting for the second thread to take the masked demands (when it is behind).
        var handOver = 0.0
        /// Writing the lists' rows as XML (on the second thread).
        var xml = 0.0
        /// Compressing them (on the second thread).
        var compress = 0.0
        /// The summary sheets and assembling the workbook file.
        var assemble = 0.0
        /// The parts of the pass over the demands open at the month's end outside the month's own pass:
        /// those received before the month (reading, clock, masking and rows) and the rows of those
        /// within their time limit (part of `read` and the parts above); and how many were open.
        var openPass = 0.0
        var openDemands = 0
    }

    let data: BulletinData
    let reader: any MonthRecords
    let reference: ReferenceData
    var rowsPerSheet = WorkbookWriter.rowsPerSheet
    /// How many demands of each list the pass keeps for the Markdown report.
    var previewLimit = MarkdownReport.listLimit
    /// Called with the number of demands read so far.
    var progress: (Int) -> Void = { _ in }
    /// Called with each demand open at the month's end, masked and with its clock, in 未办结诉求's order
    /// (已超期 first, each group in 受理日期 order), as the passes write it, on their second threads: the
    /// passes run one after another, so the calls never overlap.
    var openDemand: (ReportDemand) throws -> Void = { _ in }
    /// The month's candidate topics, counted in the pass (``TopicStage``).
    var topicTally = TopicTally(found: [], settings: TopicSettings())

    /// A writer for `data` (whose summary is filled in by the pass) reading demands through `reader`.
    init(data: BulletinData, reader: any MonthRecords, reference: ReferenceData) {
        self.data = data
        self.reader = reader
        self.reference = reference
    }

    /// The time stored in the document properties: the first day of the following month, 00:00 UTC,
    /// so the same data gives the same bytes.
    var documentTime: Date { Self.documentTime(data.month) }

    /// The time stored in the document properties of `month`'s workbooks.
    static func documentTime(_ month: YearMonth) -> Date {
        Date(timeIntervalSince1970: TimeInterval(month.next.firstDay.dayNumber) * 86_400)
    }

    /// Writes the workbook to `path` and returns the statistics and list previews of the pass.
    func write(to path: String, total: Int) throws -> Pass {
        // libxlsxwriter writes everything but the lists' rows to `base`; the rows are compressed into
        // unlinked temporary files beside it; the two are joined into `path` at the end.
        let folder = (path as NSString).deletingLastPathComponent
        let base = path + ".partial"
        let book = try XlsxWorkbook(path: base, constantMemory: true)
        try book.setProperties(
            title: "\(data.county)民情月报（\(data.month.chineseTitle)）", subject: "民情月报",
            author: "minqing \(minqingVersion)", company: data.county, created: documentTime)
        let factory = SheetFactory(book: book, style: WorkbookStyle(book), county: data.county, month: data.month)

        // The sheets in the SPEC's order (``BulletinSheet``): the demand lists are filled during the pass,
        // the summary and remark sheets after it.
        let bulletinSheets = try BulletinSheets(
            factory: factory, data: data, total: total, rowsPerSheet: rowsPerSheet, folder: folder.isEmpty ? "." : folder)
        let lists = bulletinSheets.lists
        let strings = SharedStrings()

        // Reading the database, adding up and masking run on this thread; the masked demands go in
        // batches to a second one, which writes the lists' rows as XML and compresses them, so the two
        // cores share the pass.
        var aggregator = MonthAggregator(reference: reference, scoring: data.scoring, attention: data.attentionRules)
        for late in data.lateResolved { aggregator.addLateResolved(late.demand.facts) }
        let writing = Unchecked(ListWriting(lists: lists, strings: strings))
        let openDemand = Unchecked(self.openDemand)
        let masker = data.masker
        var scoreWatch = Stopwatch(sampling: 8), maskWatch = Stopwatch(sampling: 8), topicWatch = Stopwatch(sampling: 8)
        var topicTally = self.topicTally
        var handOverWait = 0.0
        let passStart = DispatchTime.now().uptimeNanoseconds

        // 未办结诉求: every demand open at the month's end, any month of receipt, 已超期 first, each group
        // in 受理日期 order. The ones received before the month (earlier months' and this month's 补录)
        // are read first, from the index of open demands; the month's own are met in the pass over the
        // month, which comes after them in 受理日期 order. The overdue ones are written as they come; the
        // ones within their time limit (about a fortnight's open demands) wait in memory, masked, until
        // every overdue one is written.
        var open = OpenList(previewLimit: previewLimit)
        let firstDay = data.month.firstDay
        var openSeconds = try Self.seconds {
            try BatchPipe<ReportDemand>.consumeInBackground(batchSize: 256, maxBatches: 16, { shown in
                try writing.value.appendUnresolved(shown)
                try openDemand.value(shown)
            }, produce: { pipe in
                try reader.forEachOpenDemand(receivedBefore: firstDay) { stored, earlier in
                    var demand = stored
                    try data.clock.stamp(&demand)
                    let facts = demand.facts
                    aggregator.addOpen(facts, days: demand.clock?.handlingDays ?? 0, earlier: earlier)
                    let shown = masker.masked(demand)
                    if open.add(demand, shown: shown, facts: facts, before: true) { try pipe.send(shown) }
                }
            })
        }

        // The month's demands: 诉求明细, A级诉求 and the month's own overdue open demands.
        var gradeA: [ReportDemand] = []
        typealias Row = (demand: ReportDemand, gradeA: Bool, overdueOpen: Bool)
        var done = 0
        try BatchPipe<Row>.consumeInBackground(batchSize: 256, maxBatches: 16, { row in
            try writing.value.append(row.demand, gradeA: row.gradeA)
            if row.overdueOpen {
                try writing.value.appendUnresolved(row.demand)
                try openDemand.value(row.demand)
            }
        }, produce: { pipe in
            try reader.forEachDemand(.all) { stored in
                var demand = stored
                try data.clock.stamp(&demand)
                done += 1
                progress(done)
                let facts = demand.facts
                let openInMonth = scoreWatch.time { aggregator.addMonthDemand(demand, facts: facts, firstDay: firstDay) }
                let isA = DemandList.gradeA.includes(grade: facts.grade, status: facts.status)
                if isA && gradeA.count < previewLimit { gradeA.append(demand) }
                let shown = maskWatch.time { data.masker.masked(demand) }
                if !topicTally.isEmpty { topicWatch.time { topicTally.add(demand, shown: shown) } }
                // Open at the month's end and received in it (a 补录 was among the demands read above).
                let overdueOpen = openInMonth && open.add(demand, shown: shown, facts: facts, before: false)
                try pipe.send((shown, isA, overdueOpen))
            }
            handOverWait = pipe.producerWaitSeconds
        })

        // The open demands within their time limit: those received before the month, then the month's.
        openSeconds += try Self.seconds {
            try BatchPipe<ReportDemand>.consumeInBackground(batchSize: 256, maxBatches: 16, { shown in
                try writing.value.appendUnresolved(shown)
                try openDemand.value(shown)
            }, produce: { pipe in
                for shown in open.notDueBefore { try pipe.send(shown) }
                for shown in open.notDueInMonth { try pipe.send(shown) }
            })
        }
        let (unresolved, overdueA) = open.previews()
        try writing.value.finish()
        let passSeconds = Double(DispatchTime.now().uptimeNanoseconds - passStart) / 1e9
        let assembleStart = DispatchTime.now().uptimeNanoseconds
        let parts = lists.parts
        for part in parts { try part.finishRows() }

        let topicsStart = DispatchTime.now().uptimeNanoseconds
        let previous = try TopicStage.previousCounts(reader, anchors: topicTally.anchors)
        let topics = topicTally.topics(monthTotal: total) { previous[$0] }
        let topicSeconds = topicWatch.seconds + Double(DispatchTime.now().uptimeNanoseconds - topicsStart) / 1e9
        var summary = aggregator.summary(month: data.month)
        summary.previousMonthTotal = try reader.total(of: data.month.previous)
        summary.sameMonthLastYearTotal = try reader.total(of: data.month.sameMonthLastYear)
        summary.backlog.reopened = data.reopened
        summary.backlog.deriveCarriedOver()
        var complete = data
        complete.summary = summary
        complete.topics = topics
        let sheets = SheetWriter(factory: factory, data: complete, sheets: bulletinSheets)
        for sheet in BulletinSheet.allCases where sheet.isShown(for: complete) { try sheets.fill(sheet) }
        try sheets.overviewCharts()
        try book.close()
        try WorkbookSplice.assemble(base: base, output: path, sheets: parts, sharedStrings: strings)
        let measured: Double = scoreWatch.seconds + maskWatch.seconds + topicWatch.seconds + handOverWait
        let timings = Timings(
            read: max(0, passSeconds - measured), score: scoreWatch.seconds, mask: maskWatch.seconds, topics: topicSeconds,
            handOver: handOverWait,
            xml: writing.value.xmlSeconds, compress: writing.value.compressWatch.seconds,
            assemble: Double(DispatchTime.now().uptimeNanoseconds - assembleStart) / 1e9, openPass: openSeconds,
            openDemands: summary.backlog.openAtEnd)
        return Pass(
            summary: summary, gradeA: gradeA, unresolved: unresolved, overdueA: overdueA, topics: topics, timings: timings)
    }
}

extension WorkbookWriter {
    /// The wall time of `body`, in seconds.
    static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// The demands open at the month's end as the pass meets them, for 未办结诉求's order (已超期 first):
/// the overdue ones are written at once, the others are kept (masked) until the overdue ones are all
/// written; and the first of each kind, unmasked, for the Markdown report.
struct OpenList {
    let previewLimit: Int
    /// The masked open demands within their time limit: received before the month, and in it.
    private(set) var notDueBefore: [ReportDemand] = []
    private(set) var notDueInMonth: [ReportDemand] = []
    private var overduePreview: [ReportDemand] = []
    private var overdueAPreview: [ReportDemand] = []
    private var notDuePreviewBefore: [ReportDemand] = []
    private var notDuePreviewInMonth: [ReportDemand] = []

    init(previewLimit: Int) {
        self.previewLimit = previewLimit
    }

    /// Takes an open demand (`shown` is it masked); true when it is overdue and goes to the list now.
    mutating func add(_ demand: ReportDemand, shown: ReportDemand, facts: DemandFacts, before: Bool) -> Bool {
        guard facts.timeliness == .overdue else {
            if before {
                notDueBefore.append(shown)
                if notDuePreviewBefore.count < previewLimit { notDuePreviewBefore.append(demand) }
            } else {
                notDueInMonth.append(shown)
                if notDuePreviewInMonth.count < previewLimit { notDuePreviewInMonth.append(demand) }
            }
            return false
        }
        if overduePreview.count < previewLimit { overduePreview.append(demand) }
        if facts.grade == .a && overdueAPreview.count < previewLimit { overdueAPreview.append(demand) }
        return true
    }

    /// The first open demands in 未办结诉求's order, and the first overdue A-grade ones.
    func previews() -> (unresolved: [ReportDemand], overdueA: [ReportDemand]) {
        let all = overduePreview + notDuePreviewBefore + notDuePreviewInMonth
        return (Array(all.prefix(previewLimit)), overdueAPreview)
    }
}

/// The second thread's half of the pass: each masked demand goes to 诉求明细 and, as it applies, to
/// A级诉求, as XML that is compressed as soon as a chunk is full; after the pass, the open demands go to
/// 未办结诉求. Used by one thread at a time (the second thread during the pass, then the caller after
/// joining it).
final class ListWriting {
    let lists: DemandLists
    let strings: SharedStrings
    private var busyWatch = Stopwatch()
    private(set) var compressWatch = Stopwatch()
    /// Seconds spent writing XML (busy time less compressing).
    var xmlSeconds: Double { max(0, busyWatch.seconds - compressWatch.seconds) }

    /// Writes to `lists` (A级诉求, 未办结诉求, 诉求明细) with the shared-string table `strings`.
    init(lists: DemandLists, strings: SharedStrings) {
        self.lists = lists
        self.strings = strings
    }

    /// Adds one masked demand of the month to the lists it belongs to.
    func append(_ demand: ReportDemand, gradeA: Bool) throws {
        try busyWatch.time {
            if gradeA { try lists.gradeA.append(demand, strings: strings, emit: compress) }
            try lists.detail.append(demand, strings: strings, emit: compress)
        }
    }

    /// Adds one masked demand open at the month's end to 未办结诉求.
    func appendUnresolved(_ demand: ReportDemand) throws {
        try busyWatch.time { try lists.unresolved.append(demand, strings: strings, emit: compress) }
    }

    private func compress(_ sheet: SplicedSheet, _ bytes: ByteBuffer) throws {
        try compressWatch.time { try sheet.compress(bytes) }
    }

    /// Compresses the last chunks and sets each sheet's autofilter; the XML time excludes compressing.
    func finish() throws {
        try busyWatch.time { for list in lists.all { try list.finish(compress) } }
    }
}
