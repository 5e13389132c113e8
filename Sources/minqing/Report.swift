import ArgumentParser
import Foundation
import MinqingKit

/// `minqing report`: write the month's reports from the database.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "根据数据库重新写出某月的民情月报。")

    @OptionGroup var month: MonthOption
    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Markdown 报告模板（默认使用内置模板）。")
    var template: String?

    func run() throws {
        let logger = try workspace.makeLogger()
        let month = try month.resolve()
        let pipeline = Pipeline(workspace: workspace.workspace, logger: logger)
        do {
            let lock = try WorkspaceLock(databasePath: workspace.workspace.database)
            defer { withExtendedLifetime(lock) {} }
            let report = try pipeline.report(month: month, templatePath: template)
            print(SummaryLine.text(outcome: nil, report: report))
        } catch {
            throw Failure.exitCode(for: error, logger: logger)
        }
    }
}
