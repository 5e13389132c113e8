import ArgumentParser
import Foundation
import Logging
import MinqingKit

/// Options every workspace command shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "数据库文件（默认 ./minqing.sqlite）。")
    var database: String?

    @Option(help: "基础数据文件夹（默认 ./seeds）。")
    var seeds: String?

    @Option(help: "配置文件（默认 ./minqing.toml；不存在时使用内置默认值）。")
    var config: String?

    @Option(help: "报告输出文件夹（默认 ./reports，每月写入其下的 YYYY-MM/）。")
    var out: String?

    @Option(help: "日志级别：trace、debug、info、notice、warning、error、critical（也可用环境变量 MINQING_LOG_LEVEL）。")
    var logLevel: String?

    /// The settings from the environment, read once: the only place minqing reads it.
    static let settings = RuntimeSettings(environment: ProcessInfo.processInfo.environment)

    var workspace: Workspace {
        Workspace(database: database, seeds: seeds, config: config, output: out)
    }

    /// The pipeline over this workspace, with the environment's settings.
    func makePipeline(logger: Logger) -> Pipeline {
        Pipeline(workspace: workspace, logger: logger, settings: Self.settings)
    }

    /// A logger on stderr at the chosen level: `--log-level`, else `MINQING_LOG_LEVEL`, else info.
    func makeLogger() throws -> Logger {
        let text = logLevel ?? Self.settings.logLevelName ?? "info"
        guard let level = RuntimeSettings.logLevel(named: text) else {
            throw ValidationError("未知的日志级别「\(text)」，应为 trace、debug、info、notice、warning、error 或 critical。")
        }
        LoggingBootstrap.once()
        var logger = Logger(label: "minqing")
        logger.logLevel = level
        return logger
    }
}

/// Options naming the month.
struct MonthOption: ParsableArguments {
    @Option(help: "报告月份 YYYY-MM（默认上一个自然月）。")
    var month: String?

    /// The month asked for, or the previous calendar month.
    func resolve() throws -> YearMonth {
        guard let month else { return YearMonth.containing(Date()).previous }
        return try Self.parse(month)
    }

    /// A month written YYYY-MM.
    static func parse(_ text: String) throws -> YearMonth {
        guard let parsed = YearMonth(parsing: text) else {
            throw ValidationError("月份「\(text)」无效，应写成 YYYY-MM，例如 2026-10。")
        }
        return parsed
    }
}

/// Options for reading input files.
struct InputOptions: ParsableArguments {
    @Option(help: "强制输入编码：utf-8 或 gb18030（默认自动识别）。")
    var encoding: String?

    @Option(help: "Excel 工作簿中要读取的工作表名称（默认第一个未隐藏的工作表）。")
    var sheet: String?

    @Flag(help: "有任何一行被拒收时，整个运行失败（退出码 1），不写入数据库和报告。")
    var strict = false

    @Argument(help: "本月的诉求记录文件（一个或多个）：CSV、Unicode 文本（.txt）、Excel 工作簿（.xlsx、.xls）。")
    var inputs: [String] = []

    func resolveEncoding() throws -> TextEncoding? {
        guard let encoding else { return nil }
        let name = encoding.lowercased().replacingOccurrences(of: "utf8", with: "utf-8")
        guard let value = TextEncoding(rawValue: name), TextEncoding.forcible.contains(value) else {
            throw ValidationError("未知的编码「\(encoding)」，应为 utf-8 或 gb18030。")
        }
        return value
    }

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("请给出至少一个输入文件。") }
    }
}

/// Bootstraps swift-log once, to stderr.
enum LoggingBootstrap {
    private static let done: Void = { LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) } }()
    static func once() { _ = done }
}

extension WorkspaceOptions {
    /// Runs `body` with the pipeline while holding the workspace lock; failures are logged and mapped
    /// to the SPEC's exit statuses.
    func locked(_ body: (Pipeline) throws -> Void) throws {
        try withPipeline { pipeline in
            let lock = try WorkspaceLock(databasePath: workspace.database)
            defer { withExtendedLifetime(lock) {} }
            try body(pipeline)
        }
    }

    /// Runs `body` with the pipeline (which takes any lock it needs itself, as `history` does);
    /// failures are logged and mapped to the SPEC's exit statuses.
    func withPipeline(_ body: (Pipeline) throws -> Void) throws {
        let logger = try makeLogger()
        let pipeline = makePipeline(logger: logger)
        do {
            try body(pipeline)
        } catch {
            throw Failure.exitCode(for: error, logger: logger)
        }
    }
}
