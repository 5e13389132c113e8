import Foundation

/// What the scanner reports for each row of the inputs.
enum ScanEvent: Sendable {
    /// An accepted, classified demand; `sequence` numbers accepted rows across all files from 0, and
    /// `raw` is the row's original text (for a problem the database finds later).
    case demand(Demand, sequence: Int, raw: String)
    /// A rejected row or a notice.
    case problem(DataProblem)
}

/// What was read from one input file.
public struct FileSummary: Sendable, Equatable {
    /// The path as given.
    var path: String
    /// The file name shown in reports.
    var name: String
    /// The detected or forced encoding.
    var encoding: TextEncoding
    /// Data rows read (records after the header).
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
    private var readWatch = Stopwatch(sampling: 8), checkWatch = Stopwatch(sampling: 8), classifyWatch = Stopwatch(sampling: 8)

    let month: YearMonth
    let config: MinqingConfig
    let reference: ReferenceData
    let classifier: Classifier
    let encoding: TextEncoding?
    /// The first accepted row of each 编号: file index and line.
    /// Where each 编号 was first seen (file index, line), by the 编号's number in `seenIDs`.
    private let seenIDs = ByteInterner()
    private var firstSeen: [(file: Int32, line: Int32)] = []
    private var fileNames: [String] = []
    private var sequence = 0

    /// A scanner for `month` with the workspace's config and seeds; `encoding` nil = detect per file.
    init(month: YearMonth, config: MinqingConfig, reference: ReferenceData, encoding: TextEncoding?) {
        self.month = month
        self.config = config
        self.reference = reference
        self.classifier = Classifier(reference: reference, rules: config.grading)
        self.encoding = encoding
    }

    /// Scans every file in order, calling `sink` for each accepted row and each problem.
    func scan(paths: [String], sink: (ScanEvent) throws -> Void) throws -> [FileSummary] {
        let cpuAtStart = threadCPUSeconds()
        defer {
            timings = Timings(
                read: readWatch.seconds, check: checkWatch.seconds, classify: classifyWatch.seconds,
                cpu: threadCPUSeconds() - cpuAtStart)
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
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, encoding: encoding)
            guard try reader.nextRecord() else {
                throw InputRefused(path: path, message: "输入文件 \(name) 是空的（没有表头）。本次运行未做任何更改。")
            }
        } catch let error as CSVError {
            throw InputRefused(path: path, message: "\(error.description)本次运行未做任何更改。")
        }
        let header = (0..<reader.fieldCount).map { reader.field($0) }
        let match = HeaderMatcher.match(header, columns: InputColumn.specs)
        if !match.missing.isEmpty {
            throw InputRefused(
                path: path,
                message: "输入文件 \(name) 第 1 行：缺少必填列 \(match.missing.joined(separator: "、"))。表头须包含 编号、受理日期、渠道、诉求内容、办理状态（或英文别名 id、received、channel、content、status）。本次运行未做任何更改。")
        }
        if let (column, positions) = match.duplicated.sorted(by: { $0.key < $1.key }).first {
            throw InputRefused(
                path: path,
                message: "输入文件 \(name) 第 1 行：列「\(column)」出现了 \(positions.count) 次（第 \(positions.map(String.init).joined(separator: "、")) 列），无法确定使用哪一列。请删除多余的列。本次运行未做任何更改。")
        }
        if !match.unknown.isEmpty {
            try sink(.problem(DataProblem(
                file: name, line: 1, level: .notice, column: "",
                message: "未使用的列已忽略：\(match.unknown.joined(separator: "、"))", raw: reader.rawRecord())))
        }
        let validator = RowValidator(
            month: month, maxBackdateMonths: config.maxBackdateMonths, reference: reference, match: match,
            headerCount: header.count)
        var summary = FileSummary(
            path: path, name: name, encoding: reader.encoding, rows: 0, accepted: 0, rejected: 0, sha256: "")
        var fields: [String] = []
        var resolvedWithoutDate = 0
        do {
            while try readWatch.time({ () throws -> Bool in
                guard try reader.nextRecord() else { return false }
                fields.removeAll(keepingCapacity: true)
                for i in 0..<reader.fieldCount { fields.append(reader.field(i)) }
                return true
            }) {
                summary.rows += 1
                let line = reader.recordLine
                let outcome = checkWatch.time {
                    validator.validate(fields: fields, file: name, line: line, hasNUL: reader.recordHasNUL)
                }
                switch outcome {
                case .rejected(let problems):
                    summary.rejected += 1
                    try reject(problems, file: name, line: line, raw: reader.rawRecord(), sink: sink)
                case .accepted(let input, var notices):
                    let idNumber = seenIDs.id(input.id) ?? 0
                    if idNumber < firstSeen.count {
                        let first = firstSeen[idNumber]
                        summary.rejected += 1
                        let where_ = first.file == fileIndex ? "第 \(first.line) 行" : "\(fileNames[Int(first.file)]) 第 \(first.line) 行"
                        try reject(
                            [RowProblem(column: "编号", message: "编号 \(input.id) 与本次输入\(where_)重复，保留先出现的一行")],
                            file: name, line: line, raw: reader.rawRecord(), sink: sink)
                        continue
                    }
                    firstSeen.append((fileIndex, Int32(clamping: line)))
                    if input.status == .resolved && input.resolved == nil { resolvedWithoutDate += 1 }
                    let (classification, more) = classifyWatch.time { classifier.classify(input) }
                    notices.append(contentsOf: more)
                    summary.accepted += 1
                    if !notices.isEmpty {
                        let raw = reader.rawRecord()
                        for notice in notices {
                            try sink(.problem(DataProblem(
                                file: name, line: line, level: .notice, column: notice.column, message: notice.message,
                                raw: raw)))
                        }
                    }
                    try sink(.demand(
                        Demand(input: input, classification: classification), sequence: sequence,
                        raw: reader.rawRecord()))
                    sequence += 1
                }
            }
        } catch let error as CSVError {
            throw InputRefused(path: path, message: "\(error.description)本次运行未做任何更改。")
        }
        if !validator.hasResolvedColumn && resolvedWithoutDate > 0 {
            try sink(.problem(DataProblem(
                file: name, line: 1, level: .notice, column: InputColumn.resolved.header,
                message: "文件没有办结日期列：其中 \(resolvedWithoutDate) 件已办结的诉求不计入按期办结率和平均办理天数；请在导出中加上办结日期列",
                raw: "")))
        }
        summary.sha256 = try digest()
        return summary
    }

    private func reject(_ problems: [RowProblem], file: String, line: Int, raw: String, sink: (ScanEvent) throws -> Void) throws {
        let column = problems.count == 1 ? problems[0].column : ""
        let message = problems.count == 1
            ? problems[0].message
            : problems.map { $0.column.isEmpty ? $0.message : "\($0.column): \($0.message)" }.joined(separator: "；")
        try sink(.problem(DataProblem(file: file, line: line, level: .rejected, column: column, message: message, raw: raw)))
    }
}
