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
        let month = try month.resolve()
        try workspace.locked { pipeline in
            let report = try pipeline.report(month: month, templatePath: template)
            print(SummaryLine.text(outcome: nil, report: report))
        }
    }
}
