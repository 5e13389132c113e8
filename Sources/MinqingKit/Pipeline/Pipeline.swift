import Foundation
import Logging

/// Under `--strict`, rows were rejected, so the run was refused and nothing was written.
struct StrictRejection: MinqingError {
    let rejected: Int
    var description: String {
        "--strict：有 \(rejected) 行被拒收，本次运行未写入数据库和报告。请改正后重新运行，或去掉 --strict。"
    }

    /// A row rejected under --strict refuses the run.
    var exitStatus: ExitStatus { .refused }
}

/// The month has never been ingested, so there is nothing to report.
struct NothingToReport: MinqingError {
    let month: YearMonth
    var description: String {
        "数据库中没有 \(month) 的数据。请先运行 minqing run --month \(month) 输入文件.csv。"
    }

    /// Asking for a month never ingested is a usage error.
    var exitStatus: ExitStatus { .usage }
}

/// What a report wrote.
public struct ReportOutcome: Sendable {
    public var month: YearMonth
    public var summary: MonthSummary
    /// The paths written: workbook, 督办清单, Markdown, 数据问题 CSV.
    public var paths: [String]
}

/// The stages wired together: config and seeds, ingest into the database, and the reports.
public struct Pipeline {
    let workspace: Workspace
    let logger: Logger
    /// Progress on a terminal (nothing under cron).
    let progress: ProgressDisplay
    /// The settings from the environment (SQLite's page cache).
    let settings: RuntimeSettings

    public init(
        workspace: Workspace, logger: Logger, progress: ProgressDisplay = ProgressDisplay(),
        settings: RuntimeSettings = RuntimeSettings()
    ) {
        self.workspace = workspace
        self.logger = logger
        self.progress = progress
        self.settings = settings
    }

    /// Opens the workspace's database (creating and migrating it as needed).
    func openStore() throws -> any DemandStore {
        try Store(path: workspace.database, cacheMegabytes: settings.sqliteCacheMegabytes)
    }

    /// Loads the config (built-in defaults when the default file is absent).
    func loadConfig() throws -> MinqingConfig {
        try ConfigLoader.load(path: workspace.config, required: workspace.configRequired)
    }

    /// Loads and checks the seeds.
    func loadReference() throws -> ReferenceData {
        try ReferenceLoader.load(folder: workspace.seeds)
    }

    /// `check`: the month's ingest rehearsed on the workspace's database and undone, so it reports exactly
    /// the rejections and notices `run` would give (the rows the database itself refuses, the 补录, the
    /// late rows); returns the files read and every problem. Nothing is kept: with a database, the
    /// rehearsal holds the workspace lock and rolls its transaction back; without one, it runs on an
    /// empty database in a temporary folder, which is removed.
    public func check(
        month: YearMonth, inputs: [String], encoding: TextEncoding?, sheet: String? = nil
    ) throws -> (files: [FileSummary], problems: [DataProblem]) {
        let config = try loadConfig()
        let reference = try loadReference()
        let start = try ingestStart(month: month, command: "check")
        func rehearse(_ store: any DemandStore) throws -> IngestOutcome {
            try store.rehearse(start) { session in
                try ingest(
                    session, month: month, inputs: inputs, encoding: encoding, sheet: sheet, strict: false,
                    config: config, reference: reference, logProblems: false)
            }
        }
        let outcome: IngestOutcome
        if FileManager.default.fileExists(atPath: workspace.database) {
            let lock = try WorkspaceLock(databasePath: workspace.database)
            outcome = try withExtendedLifetime(lock) { try rehearse(openStore()) }
        } else {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("minqing-check-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            outcome = try rehearse(Store(path: folder + "/check.sqlite", cacheMegabytes: settings.sqliteCacheMegabytes))
        }
        return (outcome.files, outcome.problems)
    }

    /// Ingests the month's inputs in one transaction: the new input becomes the whole truth for the month.
    public func ingest(
        month: YearMonth, inputs: [String], encoding: TextEncoding?, sheet: String? = nil, strict: Bool, command: String
    ) throws -> IngestOutcome {
        let config = try loadConfig()
        let reference = try loadReference()
        let start = try ingestStart(month: month, command: command)
        return try openStore().ingest(start) { session in
            let outcome = try ingest(
                session, month: month, inputs: inputs, encoding: encoding, sheet: sheet, strict: strict, config: config,
                reference: reference)
            // The month's figures for later bulletins (近12个月, 预警, 上月得分), as its own would show them.
            var timer = StageTimer(logger: logger)
            let summary = try MonthFiguresStage.summary(of: session.records(), config: config, reference: reference)
            try session.recordFigures(MonthFigures(summary))
            timer.mark("ingest: the month's figures")
            return outcome
        }
    }

    /// `run`: ingests the month and writes its reports as one unit. The reports are written to temporary
    /// files inside the ingest's transaction; the transaction commits only when they are complete, and
    /// the files are renamed into place right after. A run that fails or is killed before the commit
    /// leaves the database and the previous reports as they were.
    public func run(
        month: YearMonth, inputs: [String], encoding: TextEncoding?, sheet: String? = nil, strict: Bool,
        templatePath: String?
    ) throws -> (IngestOutcome, ReportOutcome) {
        let config = try loadConfig()
        let reference = try loadReference()
        let markdown = try loadTemplate(templatePath ?? config.template)
        var timer = StageTimer(logger: logger)
        var prepared: PreparedReports?
        let outcome: IngestOutcome
        do {
            let start = try ingestStart(month: month, command: "run")
            outcome = try openStore().ingest(start) { session -> IngestOutcome in
                let outcome = try ingest(
                    session, month: month, inputs: inputs, encoding: encoding, sheet: sheet, strict: strict,
                    config: config, reference: reference)
                let reports = try prepareReports(
                    session.records(), config: config, reference: reference, markdown: markdown)
                for figures in reports.figures { try session.recordFigures(figures) }
                prepared = reports
                timer = StageTimer(logger: logger)
                return outcome
            }
            timer.mark("commit")
            guard let prepared else { throw NothingToReport(month: month) }
            try prepared.files.commit()
            timer.mark("rename reports")
        }
        // The connection closed at the end of the block above.
        timer.mark("database close")
        guard let prepared else { throw NothingToReport(month: month) }
        return (outcome, prepared.outcome)
    }

    /// How an ingest of `month` by `command` starts, for its history.
    func ingestStart(month: YearMonth, command: String) throws -> IngestStart {
        let digests = try Digests.of(configPath: workspace.config, seedsFolder: workspace.seeds)
        return IngestStart(
            month: month, command: command, startedAt: Clock.timestamp(), configDigest: digests.config,
            seedsDigest: digests.seeds)
    }

    /// The ingest itself, inside the store's session.
    func ingest(
        _ session: any MonthIngestSession, month: YearMonth, inputs: [String], encoding: TextEncoding?, sheet: String?,
        strict: Bool, config: MinqingConfig, reference: ReferenceData, logProblems: Bool = true
    ) throws -> IngestOutcome {
        var timer = StageTimer(logger: logger)
        let writer = try MonthIngest(session: session, month: month, rules: config.grading)
        // Reading, checking and classifying run on a second thread; this one writes the database.
        let scanner = InputScanner(month: month, config: config, reference: reference, encoding: encoding, sheet: sheet)
        var rows = 0
        let storeCPUAtStart = threadCPUSeconds()
        // The scanning thread also encodes each demand's row; this one binds and inserts it.
        let preparer = writer.preparer()
        let files = try BatchPipe<IngestEvent>.produceInBackground({ pipe in
            try scanner.scan(paths: inputs) { event in try pipe.send(preparer.prepare(event)) }
        }, consume: { event in
            try writer.accept(event)
            rows += 1
            progress.update("导入 \(month)", done: rows)
        })
        progress.finish()
        let t = scanner.timings
        logger.debug(
            "cpu ingest: read \(Self.seconds(t.read)), check \(Self.seconds(t.check)), classify \(Self.seconds(t.classify)) (scanning thread \(Self.seconds(t.cpu)) CPU); store \(Self.seconds(threadCPUSeconds() - storeCPUAtStart)) CPU")
        timer.mark("ingest: read, check, classify and store")
        let outcome = try writer.finish(files: files)
        timer.mark("ingest: repeat demands, corrections, history")
        for problem in outcome.problems where logProblems {
            switch problem.level {
            case .rejected: logger.warning("\(problem.logLine)")
            case .notice: logger.notice("\(problem.logLine)")
            }
        }
        if strict && outcome.rejected > 0 { throw StrictRejection(rejected: outcome.rejected) }
        return outcome
    }

    /// Writes the month's reports from the database.
    public func report(month: YearMonth, templatePath: String?) throws -> ReportOutcome {
        let config = try loadConfig()
        let reference = try loadReference()
        let markdown = try loadTemplate(templatePath ?? config.template)
        let prepared = try openStore().read(month: month) { records in
            try prepareReports(records, config: config, reference: reference, markdown: markdown)
        }
        try prepared.files.commit()
        return prepared.outcome
    }

    /// The Markdown template: a file, or the built-in one.
    func loadTemplate(_ path: String?) throws -> MarkdownReport {
        if let path { return try MarkdownReport.load(path: path) }
        return try MarkdownReport.builtIn()
    }

    /// Report files written to temporary files, waiting to be renamed into place.
    struct PreparedReports {
        let files: OutputFiles
        let outcome: ReportOutcome
        /// The month's figures, and those of earlier months that were computed for the bulletin (kept by `run`).
        var figures: [MonthFigures] = []
    }

    /// Writes the month's four reports to temporary files (renamed by the caller).
    func prepareReports(
        _ reader: any MonthRecords, config: MinqingConfig, reference: ReferenceData, markdown: MarkdownReport
    ) throws -> PreparedReports {
        var timer = StageTimer(logger: logger)
        let month = reader.month
        guard let ingest = try reader.latestIngest() else { throw NothingToReport(month: month) }
        var data = BulletinData(
            county: config.county, month: month,
            summary: MonthAggregator(reference: reference, scoring: config.scoring).summary(month: month),
            ingest: ingest, problems: try reader.problems(ingestID: ingest.id),
            corrections: try reader.corrections(ingestID: ingest.id),
            lateResolved: try reader.lateResolved(),
            gradeACount: 0, unresolvedCount: 0,
            scoring: config.scoring, masker: PersonalDataMasker(enabled: config.maskPersonalInfo),
            clock: DemandClock(rule: TimeLimitRule(config: config, reference: reference), reference: reference, month: month))
        data.attentionRules = config.attention
        let total = try reader.count(.all)
        // The workbook plans its continuation sheets from the lists' lengths. Counting A级 reads every
        // demand's row (seconds at a million); it is needed only when the month could overflow a sheet —
        // otherwise the month's total bounds it. The pass then gives the count. The open demands are
        // bounded from the index of those not yet settled (``Settlement``) and counted only when that
        // bound could overflow a sheet.
        let overflow = total > WorkbookWriter.rowsPerSheet
        data.gradeACount = overflow ? try reader.count(.gradeA) : total
        let openBound = try reader.openBound(asOf: month)
        data.unresolvedCount = openBound > WorkbookWriter.rowsPerSheet ? try reader.openCount(asOf: month) : openBound
        data.reopened = try reader.reopenedCount()
        data.alertRules = config.alerts
        let earlier = try MonthFiguresStage.earlier(reader, config: config, reference: reference)
        data.earlierFigures = earlier.figures
        if !earlier.computed.isEmpty {
            logger.notice(
                "\(earlier.computed.map(\.month.description).joined(separator: "、")) 的月度数字未保存（由旧版本导入），已从数据库重新计算；run 会保存它们。")
        }
        timer.mark("report: gather")
        let topics = try TopicStage.prepare(
            reader, settings: config.topics, places: reference.placeNames)
        data.topicHistoryMonths = topics.historyMonths
        data.topicMinimum = config.topics.minDemands
        timer.mark("report: find topics")
        let output = try OutputFiles(folder: workspace.folder(for: month))
        var workbook = WorkbookWriter(data: data, reader: reader, reference: reference)
        workbook.progress = { progress.update("写出 \(month) 报告", done: $0, total: total) }
        workbook.topicTally = topics.tally
        // The 督办清单 takes each open demand as the passes list it in 未办结诉求 and writes it on a thread
        // of its own: `openDemand` is called on the passes' second threads, which run one after another
        // (each joined before the next starts), so the pipe has one sender at a time.
        let supervision = try SupervisionWorkbook(
            path: output.temporaryPath(for: ReportNames.supervision(month)), county: config.county, month: month,
            reference: reference)
        var pass = WorkbookWriter.Pass(summary: data.summary, gradeA: [], unresolved: [])
        try BatchPipe<ReportDemand>.consumeInBackground(batchSize: 256, maxBatches: 16, { demand in
            try supervision.append(demand)
        }, produce: { pipe in
            workbook.openDemand = { try pipe.send($0) }
            pass = try workbook.write(to: output.temporaryPath(for: ReportNames.workbook(month)), total: total)
        })
        progress.finish()
        try supervision.finish()
        let s = supervision.timings
        logger.debug(
            "cpu 督办清单: rows \(Self.seconds(s.rows)) (of which compression \(Self.seconds(s.compress)); second thread), sheets and assembly \(Self.seconds(s.assemble))")
        data.summary = pass.summary
        let w = pass.timings
        logger.debug(
            "cpu workbook: read \(Self.seconds(w.read)), score \(Self.seconds(w.score)), mask \(Self.seconds(w.mask)), topics \(Self.seconds(w.topics)), hand-over wait \(Self.seconds(w.handOver)); sheet XML \(Self.seconds(w.xml)), compress \(Self.seconds(w.compress)) (second thread); summary sheets and assembly \(Self.seconds(w.assemble)); \(w.openDemands) demands open at the month's end, of which those received before the month and those within their time limit \(Self.seconds(w.openPass)) (the rest in the month's pass)")
        data.gradeACount = pass.summary.totals.gradeA
        data.unresolvedCount = pass.summary.backlog.openAtEnd
        data.overdueA = pass.overdueA
        data.topics = pass.topics
        timer.mark("report: score and workbook")
        var renderWatch = Stopwatch(), syncWatch = Stopwatch()
        let text = renderWatch.time { markdown.render(data, gradeA: pass.gradeA, unresolved: pass.unresolved) }
        try output.write(Array(text.utf8), as: ReportNames.markdown(month))
        try output.write(ProblemsCSV.render(data.problems), as: ReportNames.problems(month))
        try syncWatch.time { try output.sync() }
        logger.debug("cpu Markdown: rendering \(Self.seconds(renderWatch.seconds)); the four files' fsync \(Self.seconds(syncWatch.seconds))")
        timer.mark("report: Markdown and 数据问题")
        let folder = workspace.folder(for: month)
        let paths = [
            ReportNames.workbook(month), ReportNames.supervision(month), ReportNames.markdown(month),
            ReportNames.problems(month),
        ]
        return PreparedReports(
            files: output, outcome: ReportOutcome(month: month, summary: data.summary, paths: paths.map { folder + "/" + $0 }),
            figures: [MonthFigures(data.summary)] + earlier.computed)
    }
}

extension Pipeline {
    /// "1.234 s", for the debug log.
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
}

/// Fingerprints of the config and seeds an ingest used, for the history (a missing optional
/// holidays.csv adds nothing, so a folder without it keeps its earlier fingerprint).
enum Digests {
    static func of(configPath: String, seedsFolder: String) throws -> (config: String, seeds: String) {
        let config = (try? FileDigest.sha256(path: configPath)) ?? "defaults"
        let hasher = try SHA256()
        for name in ["places.csv", "units.csv", "domains.csv", "channels.csv", "holidays.csv"] {
            try hasher.update(Array(((try? FileDigest.sha256(path: seedsFolder + "/" + name)) ?? "").utf8))
        }
        return (config, try hasher.hexDigest())
    }
}
