import ArgumentParser
import Foundation
import MinqingKit

/// `minqing run`: ingest the month's inputs and write its reports.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "导入本月诉求、分类评分，并写出民情月报。")

    @OptionGroup var month: MonthOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: InputOptions
    @Option(help: "Markdown 报告模板（默认使用内置模板）。")
    var template: String?

    func run() throws {
        let month = try month.resolve()
        let encoding = try input.resolveEncoding()
        try workspace.locked { pipeline in
            let (outcome, report) = try pipeline.run(
                month: month, inputs: input.inputs, encoding: encoding, sheet: input.sheet, strict: input.strict,
                templatePath: template)
            print(SummaryLine.text(outcome: outcome, report: report))
        }
    }
}
