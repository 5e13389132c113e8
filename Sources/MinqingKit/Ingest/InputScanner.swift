import Foundation

/// What the scanner reports for each row of the inputs.
enum ScanEvent: Sendable {
    /// An accepted, classified demand; `sequence` numbers accepted rows across all files from 0, and
    /// `raw` is the row as given (for a problem the database finds later).
    case demand(Demand, sequence: Int, raw: RawRow)
    /// A rejected row or a notice.
    case problem(DataProblem)
}

/// What was read from one input file.
public struct FileSummary: Sendable, Equatable {
    /// The path as given.
    var path: String
    /// The file name shown in reports.
    var name: String
    /// The form read: a text encoding (`utf-8`, `gb18030`, `utf-16le`, `utf-16be`), `xlsx` or `xls`.
    var form: String
    /// The worksheet read, for a workbook ("" for a text file).
    var sheet = ""
    /// Data rows read (non-blank rows after the header).
    public var rows: Int
    var accepted: Int
    var rejected: Int
    /// SHA-256 of the file's bytes, hex.
    var sha256: String
}

/// Reads the month's input files, validates and classifies each row, and reports it to a sink.
///
/// Refuses a whole file (throwing ``InputRefused``) when it cannot be read as a whole: missing,
/// undecodable, empty, or missing a required column. Rows are validated one at a time and never held
/// in memory beyond the current one.
final class InputScanner {
    /// Where the scanning thread's time went, for the benchmark's per-stage breakdown.
    struct Timings: Sendable {
        /// Reading and decoding the CSV records.
        var read = 0.0
        /// Checking each row (SPEC §1).
        var check = 0.0
        /// Classifying each demand (领域, 属地, 责任单位, 等级).
        var classify = 0.0
        /// CPU seconds of the scanning thread in all.
        var cpu = 0.0
    }

    /// Filled in by ``scan(paths:sink:)``.
    private(set) var timings = Timings()
    private var readWatch = Stopwatch(sampling: 8)
    private var checkWatch = Stopwatch(sampling: 8)
    private var classifyWatch = Stopwatch(sampling: 8)

    let month: YearMonth
    let config: MinqingConfig
    let reference: ReferenceData
    let classifier: Classifier
    let encoding: TextEncoding?
    /// The worksheet to read in workbooks (`--sheet`); nil = the first visible one.
    let sheet: String?
    /// Where each 编号 was first seen (file index, row), by the 编号's number in `seenIDs`.
    private let seenIDs = ByteInterner()
    private var firstSeen: [(file: Int32, row: Int32)] = []
    private var fileNames: [String] = []
    private var sequence = 0

    /// A scanner for `month` with the workspace's config and seeds; `encoding` nil = detect per file,
    /// `sheet` nil = each workbook's first visible worksheet.
    init(month: YearMonth, config: MinqingConfig, reference: ReferenceData, encoding: TextEncoding?, sheet: String? = nil) {
        self.month = month
        self.config = config
        self.reference = reference
        self.classifier = Classifier(reference: reference, rules: config.grading)
        self.encoding = encoding
        self.sheet = sheet
    }

    /// Scans every file in order, calling `sink` for each accepted row and each problem.
    func scan(paths: [String], sink: (ScanEvent) throws -> Void) throws -> [FileSummary] {
        let cpuAtStart = threadCPUSeconds()
        defer {
            timings = Timings(
                read: readWatch.seconds, check: checkWatch.seconds, classify: classifyWatch.seconds,
                cpu: threadCPUSeconds() - cpuAtStart)
        }
        // What the seeds checks noticed (SPEC §10) goes to the month's 数据问题 first, on the seeds file's line.
        for notice in reference.notices {
            try sink(.problem(DataProblem(
                file: notice.file, row: notice.line, level: .notice, column: notice.column, message: notice.message,
                raw: "")))
        }
        var summaries: [FileSummary] = []
        for path in paths {
            summaries.append(try scan(path: path, sink: sink))
        }
        return summaries
    }

    private func scan(path: String, sink: (ScanEvent) throws -> Void) throws -> FileSummary {
        let name = (path as NSString).lastPathComponent
        let fileIndex = Int32(fileNames.count)
        fileNames.append(name)
        // The file's sha256 (for 导入记录) is computed on a thread of its own while the rows are read:
        // the other two threads of the ingest leave room for it. Every way out of this scan waits for
        // it: a refused file ends the process soon after, and libcrypto must not be hashing then.
        let digestWorker = WorkerThread { try FileDigest.sha256(path: path) }
        defer { _ = try? digestWorker.join() }
        func digest() throws -> String {
            do {
                return try digestWorker.join()
            } catch {
                throw InputRefused(path: path, message: "输入文件 \(path) 无法读取（\(error)）。请检查路径和权限。本次运行未做任何更改。")
            }
        }
        let source = try InputForm.table(path: path, encoding: encoding, sheet: sheet)
        let place = RowPlacer(file: name, sheet: source.sheetName)
        let header = try HeaderLocator.locate(in: source, path: path, name: name, mapping: config.importMapping)
        for problem in header.notices(place) { try sink(.problem(problem)) }
        let validator = RowValidator(
            month: month, maxBackdateMonths: config.maxBackdateMonths, reference: reference, match: header.match,
            headerCount: header.match.width, values: config.importMapping.values, dateSystem: source.dateSystem,
            extraCellsReject: source.sheetName.isEmpty)
        var summary = FileSummary(
            path: path, name: name, form: source.formName, sheet: source.sheetName, rows: 0, accepted: 0, rejected: 0,
            sha256: "")
        var fields: [String] = []
        var resolvedWithoutDate = 0
        var unnamed = UnnamedColumns(positions: header.match.unnamed)
        while try readWatch.time({ () throws -> Bool in
            while try source.nextRow() {
                fields.removeAll(keepingCapacity: true)
                for i in 0..<source.fieldCount { fields.append(source.field(i)) }
                // A fully blank row (an export's trailing rows, a spacer) is no row at all.
                if !fields.allSatisfy(\.isBlank) { return true }
            }
            return false
        }) {
            summary.rows += 1
            let row = place.row(source)
            unnamed.note(fields, row: row.row)
            let outcome = checkWatch.time {
                validator.validate(fields: fields, place: row, hasNUL: source.recordHasNUL)
            }
            switch outcome {
            case .rejected(let problems):
                summary.rejected += 1
                try reject(problems, at: row, raw: source.rawRecord(), sink: sink)
            case .accepted(let input, var notices):
                let idNumber = seenIDs.id(input.id) ?? 0
                if idNumber < firstSeen.count {
                    let first = firstSeen[idNumber]
                    summary.rejected += 1
                    let where_ = first.file == fileIndex ? "第 \(first.row) 行" : "\(fileNames[Int(first.file)]) 第 \(first.row) 行"
                    try reject(
                        [RowProblem(column: "编号", message: "编号 \(input.id) 与本次输入\(where_)重复，保留先出现的一行")],
                        at: row, raw: source.rawRecord(), sink: sink)
                    continue
                }
                firstSeen.append((fileIndex, Int32(clamping: row.row)))
                if input.status == .resolved && input.resolved == nil { resolvedWithoutDate += 1 }
                let (classification, more) = classifyWatch.time { classifier.classify(input) }
                notices.append(contentsOf: more)
                summary.accepted += 1
                if !notices.isEmpty {
                    let raw = source.rawRecord()
                    for notice in notices {
                        try sink(.problem(row.problem(.notice, column: notice.column, message: notice.message, raw: raw)))
                    }
                }
                // A text record is copied as read; a workbook's cells are joined only if a problem needs them.
                let raw: RawRow = source is TextTableSource ? .text(source.rawRecord()) : .cells(fields)
                try sink(.demand(Demand(input: input, classification: classification), sequence: sequence, raw: raw))
                sequence += 1
            }
        }
        for problem in unnamed.notices(place, headerRow: header.row) { try sink(.problem(problem)) }
        if !validator.hasResolvedColumn && resolvedWithoutDate > 0 {
            try sink(.problem(place.problem(
                row: header.row, .notice, column: InputColumn.resolved.header,
                message: "文件没有办结日期列：其中 \(resolvedWithoutDate) 件已办结的诉求不计入按期办结率和平均办理天数；请在导出中加上办结日期列",
                raw: "")))
        }
        summary.sha256 = try digest()
        return summary
    }

    private func reject(_ problems: [RowProblem], at row: RowPlace, raw: String, sink: (ScanEvent) throws -> Void) throws {
        let column = problems.count == 1 ? problems[0].column : ""
        let message = problems.count == 1
            ? problems[0].message
            : problems.map { $0.column.isEmpty ? $0.message : "\($0.column): \($0.message)" }.joined(separator: "；")
        try sink(.problem(row.problem(.rejected, column: column, message: message, raw: raw)))
    }
}
