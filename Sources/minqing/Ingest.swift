import ArgumentParser
import Foundation
import MinqingKit

/// `minqing ingest`: store the month's inputs without writing reports.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "只导入本月诉求到数据库，不写报告。")

    @OptionGroup var month: MonthOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let month = try month.resolve()
        let encoding = try input.resolveEncoding()
        try workspace.locked { pipeline in
            let outcome = try pipeline.ingest(
                month: month, inputs: input.inputs, encoding: encoding, sheet: input.sheet, strict: input.strict,
                command: "ingest")
            print(SummaryLine.text(outcome: outcome, report: nil))
        }
    }
}
