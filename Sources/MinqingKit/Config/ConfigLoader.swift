import Foundation

/// A problem in `minqing.toml`, named by file, line and key.
struct ConfigError: MinqingError, Equatable {
    /// The config file's path.
    let path: String
    /// The line, when known.
    let line: Int?
    /// What is wrong, as a sentence.
    let message: String

    var description: String {
        let name = (path as NSString).lastPathComponent
        if let line { return "配置文件 \(name) 第 \(line) 行：\(message)" }
        return "配置文件 \(name)：\(message)"
    }

    /// A config that cannot be read or holds a bad value is a configuration error.
    var exitStatus: ExitStatus { .usage }
}

/// Reads `minqing.toml` into a ``MinqingConfig``, refusing unknown keys, wrong types and bad values.
enum ConfigLoader {
    /// Loads the config at `path`, or the built-in defaults when `path` does not exist and `required` is false.
    static func load(path: String, required: Bool) throws -> MinqingConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigError(path: path, line: nil, message: "文件不存在。请检查 --config 指定的路径。") }
            return MinqingConfig()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, line: nil, message: "无法读取文件，请检查权限。")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, message: "文件不是 UTF-8 编码，请另存为 UTF-8。")
        }
        return try parse(text, path: path)
    }

    /// Parses config text; `path` is used in messages only.
    static func parse(_ text: String, path: String) throws -> MinqingConfig {
        let document: TOMLDocument
        do {
            document = try TOMLParser.parse(text)
        } catch let error as TOMLError {
            throw ConfigError(path: path, line: error.line, message: "第 \(error.column) 列：\(error.message)")
        }
        var reader = Reader(document: document, path: path)
        var config = MinqingConfig()
        try reader.table("") { r in
            try r.string("county") { config.county = $0 }
            try r.integer("max_backdate_months", min: 0, max: 1200) { config.maxBackdateMonths = $0 }
            try r.boolean("mask_personal_info") { config.maskPersonalInfo = $0 }
            try r.string("template") { config.template = $0.isEmpty ? nil : $0 }
        }
        try reader.table("grading") { r in
            try r.integer("group_headcount", min: 2, max: 1_000_000) { config.grading.groupHeadcount = $0 }
            try r.integer("repeat_window_days", min: 0, max: 3650) { config.grading.repeatWindowDays = $0 }
            try r.strings("a_keywords") { config.grading.aKeywords = $0 }
        }
        try reader.table("scoring") { r in
            try r.number("resolved_points", min: 0, max: 1000) { config.scoring.resolvedPoints = $0 }
            try r.number("unresolved_penalty", min: 0, max: 1000) { config.scoring.unresolvedPenalty = $0 }
            try r.number("late_resolved_points", min: 0, max: 1000) { config.scoring.lateResolvedPoints = $0 }
            try r.number("overdue_open_penalty", min: 0, max: 1000) { config.scoring.overdueOpenPenalty = $0 }
        }
        try reader.table("time_limits") { r in
            try r.integer("A", min: 1, max: 3650) { config.timeLimits.a = $0 }
            try r.integer("B", min: 1, max: 3650) { config.timeLimits.b = $0 }
            try r.boolean("working_days") { config.timeLimits.workingDays = $0 }
        }
        try reader.table("attention") { r in
            try r.integer("min_demands", min: 1, max: 1_000_000) { config.attention.minDemands = $0 }
            try r.rate("min_satisfaction") { config.attention.minSatisfaction = $0 }
            try r.rate("min_on_time") { config.attention.minOnTime = $0 }
        }
        // [topics]: 热点诉求, and 预警 (SPEC §11 names village_alert among [topics]; the domain rise's three
        // are named here).
        try reader.table("topics") { r in
            try r.integer("min_demands", min: 2, max: 1_000_000) { config.topics.minDemands = $0 }
            try r.integer("collective_petitioners", min: 2, max: 1_000_000) { config.topics.collectivePetitioners = $0 }
            try r.integer("max_topics", min: 1, max: 100) { config.topics.maxTopics = $0 }
            try r.integer("village_alert", min: 1, max: 1_000_000) { config.alerts.villageAlert = $0 }
            try r.number("domain_rise", min: 1, max: 1000) { config.alerts.domainRise = $0 }
            try r.integer("domain_rise_min", min: 1, max: 1_000_000) { config.alerts.domainRiseMin = $0 }
            try r.integer("domain_rise_months", min: 1, max: AlertRules.maxRiseMonths) { config.alerts.domainRiseMonths = $0 }
        }
        try reader.table("import.columns") { r in
            for (key, value, line) in try r.allStrings() {
                guard let column = InputColumn(named: value) else {
                    throw ConfigError(
                        path: path, line: line,
                        message: "[import.columns] 中「\(key)」对应的「\(value)」不是 minqing 的列名；应为 \(InputColumn.headersText) 之一。")
                }
                config.importMapping.columns[key.trimmedBlank] = column
            }
        }
        for table in document.tables.keys.sorted() where table.hasPrefix("import.values.") {
            let name = String(table.dropFirst("import.values.".count))
            guard let column = InputColumn(named: name) else {
                throw ConfigError(
                    path: path, line: document.tableLines[table],
                    message: "[import.values.\"\(name)\"]：「\(name)」不是 minqing 的列名；应为 \(InputColumn.headersText) 之一。")
            }
            try reader.table(table) { r in
                for (key, value, line) in try r.allStrings() {
                    let target = value.trimmedBlank
                    guard ImportMapping.acceptsTarget(target, for: column) else {
                        throw ConfigError(
                            path: path, line: line,
                            message: "[import.values.\"\(column.header)\"] 中「\(key)」对应的「\(value)」不是\(column.header)的取值；应为 \(ImportMapping.targetsText(for: column))。")
                    }
                    config.importMapping.values[column, default: [:]][key.trimmedBlank] = target
                }
            }
        }
        try reader.refuseUnknown()
        return config
    }

    /// Walks the TOML tables, remembering which keys were read so unknown ones can be refused.
    private struct Reader {
        let document: TOMLDocument
        let path: String
        var known: Set<String> = []
        var knownTables: Set<String> = [""]
        var currentTable = ""

        init(document: TOMLDocument, path: String) {
            self.document = document
            self.path = path
        }

        mutating func table(_ name: String, _ body: (inout Reader) throws -> Void) throws {
            knownTables.insert(name)
            currentTable = name
            try body(&self)
        }

        private func fullKey(_ key: String) -> String { currentTable.isEmpty ? key : "\(currentTable).\(key)" }

        private mutating func value(_ key: String) -> (TOMLValue, Int?)? {
            known.insert(fullKey(key))
            guard let value = document.tables[currentTable]?[key] else { return nil }
            return (value, document.keyLines[fullKey(key)])
        }

        private func wrongType(_ key: String, _ line: Int?, _ expected: String) -> ConfigError {
            ConfigError(path: path, line: line, message: "设置 \(fullKey(key)) 应为\(expected)。")
        }

        mutating func string(_ key: String, _ set: (String) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            guard case .string(let text) = value else { throw wrongType(key, line, "带引号的文字") }
            set(text)
        }

        mutating func boolean(_ key: String, _ set: (Bool) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            guard case .boolean(let flag) = value else { throw wrongType(key, line, " true 或 false") }
            set(flag)
        }

        mutating func integer(_ key: String, min: Int, max: Int, _ set: (Int) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            guard case .integer(let number) = value else { throw wrongType(key, line, "整数") }
            guard number >= min, number <= max else {
                throw ConfigError(
                    path: path, line: line, message: "设置 \(fullKey(key)) = \(number) 超出范围，应在 \(min) 到 \(max) 之间。")
            }
            set(number)
        }

        mutating func number(_ key: String, min: Double, max: Double, _ set: (Double) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            let number: Double
            switch value {
            case .integer(let n): number = Double(n)
            case .float(let x): number = x
            default: throw wrongType(key, line, "数字")
            }
            guard number.isFinite, number >= min, number <= max else {
                throw ConfigError(
                    path: path, line: line,
                    message: "设置 \(fullKey(key)) = \(number) 不可用，应为 \(min.formatted()) 到 \(max.formatted()) 之间的数（不能为负数）。")
            }
            set(number)
        }

        /// A rate from 0 to 1 (0.80 is 80%).
        mutating func rate(_ key: String, _ set: (Double) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            let number: Double
            switch value {
            case .integer(let n): number = Double(n)
            case .float(let x): number = x
            default: throw wrongType(key, line, " 0 到 1 之间的比例，如 0.80")
            }
            guard number.isFinite, number >= 0, number <= 1 else {
                throw ConfigError(
                    path: path, line: line,
                    message: "设置 \(fullKey(key)) = \(number.formatted()) 不可用，应为 0 到 1 之间的比例（0.80 表示 80%）。")
            }
            set(number)
        }

        mutating func strings(_ key: String, _ set: ([String]) -> Void) throws {
            guard let (value, line) = value(key) else { return }
            guard case .array(let items) = value else { throw wrongType(key, line, "文字列表，如 [\"火灾\", \"欠薪\"]") }
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw wrongType(key, line, "文字列表，如 [\"火灾\", \"欠薪\"]") }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else {
                    throw ConfigError(path: path, line: line, message: "设置 \(fullKey(key)) 含有空的关键词，请删除。")
                }
                result.append(trimmed)
            }
            set(result)
        }

        /// Every key of the current table with its text value and line, in key order (a table whose keys
        /// are the user's: `[import.columns]`, `[import.values."…"]`).
        mutating func allStrings() throws -> [(key: String, value: String, line: Int?)] {
            var result: [(key: String, value: String, line: Int?)] = []
            for key in (document.tables[currentTable] ?? [:]).keys.sorted() {
                guard let (value, line) = value(key) else { continue }
                guard case .string(let text) = value else { throw wrongType(key, line, "带引号的文字") }
                result.append((key, text, line))
            }
            return result
        }

        func refuseUnknown() throws {
            for table in document.tables.keys.sorted() where !knownTables.contains(table) {
                throw ConfigError(
                    path: path, line: document.keyLines[table],
                    message: "未知的设置分组 [\(table)]。可用的分组：[grading]、[scoring]、[time_limits]、[attention]、[topics]、[import.columns]、[import.values.\"列名\"]。")
            }
            for (table, values) in document.tables.sorted(by: { $0.key < $1.key }) {
                for key in values.keys.sorted() {
                    let full = table.isEmpty ? key : "\(table).\(key)"
                    if !known.contains(full) {
                        throw ConfigError(
                            path: path, line: document.keyLines[full],
                            message: "未知的设置 \(full)。请检查拼写；全部设置见 minqing init 生成的 minqing.toml。")
                    }
                }
            }
        }
    }
}
