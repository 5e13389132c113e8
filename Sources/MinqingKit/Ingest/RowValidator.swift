import Foundation

/// One thing wrong with a row: the column (Chinese header, or blank for the whole row) and the problem.
struct RowProblem: Sendable, Equatable {
    var column: String
    var message: String

    init(column: String, message: String) {
        self.column = column
        self.message = message
    }
}

/// The outcome of validating one row.
enum RowOutcome: Sendable, Equatable {
    /// The row is good; notices say what was kept as given although the seeds do not know it.
    case accepted(DemandInput, [Notice])
    /// The row is wrong and is rejected for these reasons.
    case rejected([RowProblem])
}

/// Checks one input row against SPEC §1 and turns it into a ``DemandInput``.
struct RowValidator: Sendable {
    /// The month being reported.
    let month: YearMonth
    /// The earliest 受理日期 accepted (`max_backdate_months` before the month).
    let earliest: Day
    /// How many months back 受理日期 may lie.
    let maxBackdateMonths: Int
    let reference: ReferenceData
    let index: [String: Int]
    /// Each column's position in the file, looked up once: hashing the Chinese headers for every
    /// field of every row was a tenth of the ingest.
    private let at: [Int?]
    let headerCount: Int
    /// The canonical channel of each spelling met, by its bytes.
    private let channels: ChannelLookup
    /// Each column's value mapping (`[import.values."…"]`), by ``InputColumn`` position; nil when none.
    private let valueMaps: [[String: String]?]
    /// How the file's date serial numbers count.
    let dateSystem: ExcelDateSystem
    /// Whether a row with cells beyond the header is rejected (a text file: usually an unquoted comma
    /// that shifted the fields) or only noted (a workbook: a remark typed beside the table).
    let extraCellsReject: Bool

    /// Whether the file has a 办结日期 column.
    var hasResolvedColumn: Bool { at[InputColumn.resolved.rawValue] != nil }

    /// A validator for rows of a file whose header matched as `match`, with the import's value mappings.
    init(
        month: YearMonth, maxBackdateMonths: Int, reference: ReferenceData, match: HeaderMatch, headerCount: Int,
        values: [InputColumn: [String: String]] = [:], dateSystem: ExcelDateSystem = .from1900,
        extraCellsReject: Bool = true
    ) {
        self.month = month
        self.earliest = month.adding(months: -maxBackdateMonths).firstDay
        self.maxBackdateMonths = maxBackdateMonths
        self.reference = reference
        self.index = match.index
        self.at = InputColumn.allCases.map { match.index[$0.header] }
        self.headerCount = headerCount
        channels = ChannelLookup(reference: reference)
        valueMaps = InputColumn.allCases.map { values[$0] }
        self.dateSystem = dateSystem
        self.extraCellsReject = extraCellsReject
    }

    /// Validates a row given as its fields; `place` is recorded in the demand.
    func validate(fields: [String], place: RowPlace, hasNUL: Bool = false) -> RowOutcome {
        var problems: [RowProblem] = []
        var notices: [Notice] = []
        func value(_ column: InputColumn) -> String {
            guard let i = at[column.rawValue], i < fields.count else { return "" }
            let text = fields[i].trimmedBlank
            guard let map = valueMaps[column.rawValue] else { return text }
            return map[text] ?? text
        }
        func required(_ column: InputColumn) -> String {
            let text = value(column)
            if text.isEmpty { problems.append(RowProblem(column: column.header, message: "必填项为空")) }
            return text
        }

        if hasNUL {
            problems.append(RowProblem(column: "", message: "该行含有空字符（NUL），文件可能已损坏，请从原系统重新导出"))
        }
        if fields.count > headerCount, let extra = fields[headerCount...].firstIndex(where: { !$0.isBlank }) {
            if extraCellsReject {
                problems.append(RowProblem(
                    column: "",
                    message: "该行有 \(fields.count) 个字段，比表头的 \(headerCount) 列多（可能是内容中的逗号没有加引号）"))
            } else {
                notices.append(Notice(
                    column: "",
                    message: "表头之外的第 \(ColumnLetters.name(of: extra)) 列有内容「\(fields[extra].trimmedBlank)」，未使用"))
            }
        } else if fields.count < headerCount && extraCellsReject {
            notices.append(Notice(column: "", message: "该行只有 \(fields.count) 个字段，表头有 \(headerCount) 列，缺少的列按空白处理"))
        }

        let id = required(.id)
        let receivedText = required(.received)
        var received: DateTimeValue?
        if !receivedText.isEmpty {
            if let parsed = DateParser.parse(receivedText, dateSystem: dateSystem) {
                if parsed.day > month.lastDay {
                    problems.append(RowProblem(
                        column: "受理日期", message: "受理日期 \(parsed.day) 晚于报告月份 \(month)，请在该月份的报告中处理"))
                } else if parsed.day < earliest {
                    problems.append(RowProblem(
                        column: "受理日期",
                        message: "受理日期 \(parsed.day) 早于 \(earliest)（报告月份前 \(maxBackdateMonths) 个月以上），请核对日期"))
                } else {
                    received = parsed
                }
            } else {
                problems.append(RowProblem(column: "受理日期", message: RowValidator.badDate(receivedText)))
            }
        }

        let channelText = required(.channel)
        var channel = channelText
        if !channelText.isEmpty {
            if let known = channels.channel(for: channelText) {
                channel = known
            } else {
                notices.append(Notice(
                    column: "渠道", message: "渠道「\(channelText)」未在 channels.csv 登记，已按原值统计；如是新渠道，请加入 channels.csv"))
            }
        }
        let content = required(.content)
        let statusText = required(.status)
        var status: DemandStatus?
        if !statusText.isEmpty {
            status = DemandStatus(spelling: statusText)
            if status == nil {
                problems.append(RowProblem(
                    column: "办理状态", message: "未知的办理状态「\(statusText)」，应为 已办结、办理中 或 未办理"))
            }
        }

        var headcount = 1
        let headcountText = value(.headcount)
        if !headcountText.isEmpty {
            if let n = RowValidator.positiveInteger(headcountText) {
                headcount = n
            } else {
                problems.append(RowProblem(column: "人数", message: "人数「\(headcountText)」应为正整数（如 1、5、12）"))
            }
        }

        /// An optional date column: a date that does not read rejects the row; one before 受理日期 is
        /// kept with a notice. 办结日期 has two more notices below: after the report month, and blank on
        /// a 已办结 row (SPEC §8).
        func optionalDate(_ column: InputColumn) -> Day? {
            let text = value(column)
            guard !text.isEmpty else { return nil }
            guard let parsed = DateParser.parse(text, dateSystem: dateSystem) else {
                problems.append(RowProblem(column: column.header, message: RowValidator.badDate(text)))
                return nil
            }
            if let received, parsed.day < received.day {
                notices.append(Notice(
                    column: column.header, message: "\(column.header) \(parsed.day) 早于受理日期 \(received.day)，请核对"))
            }
            return parsed.day
        }
        let resolved = optionalDate(.resolved)
        if let resolved, resolved > month.lastDay {
            // Compared with the report month, not the row's own: a late status change of an earlier
            // month's demand is judged by the same month end.
            notices.append(Notice(
                column: "办结日期",
                message: "办结日期 \(resolved) 晚于报告月份 \(month) 的月末；已按给定日期保存（导出晚于月末时常见），请核对"))
        } else if status == .resolved, value(.resolved).isEmpty, hasResolvedColumn {
            // (A file without the column gets one notice for all its rows: ``InputScanner``.)
            notices.append(Notice(
                column: "办结日期", message: "已办结但没有办结日期：不计入按期办结率和平均办理天数；请补填办结日期"))
        }
        let deadline = optionalDate(.deadline)
        let typeText = value(.demandType)
        let parsedType = DemandType(spelling: typeText)
        let demandType = parsedType ?? .unclassified
        if parsedType == nil {
            notices.append(Notice(
                column: "诉求类型",
                message: "诉求类型「\(typeText)」不是 投诉、举报、求助、咨询、建议 或 表扬，按未分类统计"))
        }
        let resolutionText = value(.resolution)
        let parsedResolution = Resolution(spelling: resolutionText)
        let resolution = parsedResolution ?? .notVisited
        if parsedResolution == nil {
            notices.append(Notice(
                column: "解决情况", message: "解决情况「\(resolutionText)」不是 已解决、部分解决 或 未解决，按未回访统计"))
        }

        let gradeText = value(.grade)
        var grade: Grade?
        if !gradeText.isEmpty {
            grade = Grade(spelling: gradeText)
            if grade == nil {
                notices.append(Notice(column: "等级", message: "等级「\(gradeText)」不是 A 或 B，已忽略并按规则定级"))
            }
        }
        let satisfactionText = value(.satisfaction)
        let satisfaction: Satisfaction
        if let parsed = Satisfaction(spelling: satisfactionText) {
            satisfaction = parsed
        } else {
            satisfaction = .unrated
            notices.append(Notice(
                column: "满意度",
                message: "满意度「\(satisfactionText)」不在五级评价中（非常满意、满意、基本满意、不满意、非常不满意），按未评价统计"))
        }
        let phone = value(.phone)
        if !phone.isEmpty, !RowValidator.isPlainPhone(phone) {
            notices.append(Notice(column: "联系电话", message: "联系电话「\(phone)」含有数字、空格、短横线以外的字符，已按原值保留"))
        }

        guard problems.isEmpty, let received, let status else { return .rejected(problems) }
        let input = DemandInput(
            id: id, received: received, channel: channel, content: content, status: status,
            petitioner: value(.petitioner), phone: phone, headcount: headcount,
            township: value(.township), village: value(.village),
            domain: value(.domain), grade: grade, department: value(.department),
            resolved: resolved, satisfaction: satisfaction, deadline: deadline, demandType: demandType,
            resolution: resolution, sourceFile: place.file, sourceLine: place.row, sourceSheet: place.sheet,
            sourcePhysicalLine: place.physicalLine)
        return .accepted(input, notices)
    }

    static let phoneCharacters = CharacterSet(charactersIn: "0123456789 -+()（）－")

    /// True when the phone number has only digits, spaces, dashes, plus signs and brackets (ASCII or
    /// full-width). Checks ASCII bytes first: a CharacterSet lookup per character was slow.
    static func isPlainPhone(_ phone: String) -> Bool {
        let asciiOK = phone.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || byte == 0x20 || byte == 0x2D || byte == 0x2B || byte == 0x28 || byte == 0x29
        }
        return asciiOK || !phone.unicodeScalars.contains { !phoneCharacters.contains($0) }
    }

    static func badDate(_ text: String) -> String {
        "无法识别的日期「\(text)」，请写成 2026-10-03、2026/10/3 或 2026年10月3日 的形式（日期须真实存在）"
    }

    /// A positive integer written with ASCII or full-width digits, else nil.
    static func positiveInteger(_ text: String) -> Int? {
        var value = 0
        for scalar in text.unicodeScalars {
            let digit: UInt32
            switch scalar.value {
            case 48...57: digit = scalar.value - 48
            case 0xFF10...0xFF19: digit = scalar.value - 0xFF10
            default: return nil
            }
            value = value * 10 + Int(digit)
            if value > 1_000_000_000 { return nil }
        }
        return value > 0 ? value : nil
    }
}

/// ``ReferenceData/channel(for:)`` remembered by the spelling's bytes: hashing a Chinese `String` for
/// every row cost more than the rest of the channel's check. Used by one thread at a time (the
/// validator's).
final class ChannelLookup: @unchecked Sendable {
    private let reference: ReferenceData
    private let spellings = ByteInterner()
    private var known: [String?] = []

    init(reference: ReferenceData) {
        self.reference = reference
    }

    /// The canonical channel for a spelling, or nil when unknown.
    func channel(for spelling: String) -> String? {
        var text = spelling
        guard let id = text.withUTF8({ spellings.id(bytes: $0, adding: known.count < 4096) }) else {
            return reference.channel(for: spelling)
        }
        if id == known.count { known.append(reference.channel(for: spelling)) }
        return known[id]
    }
}
