import ArgumentParser
import Foundation
import MinqingKit

/// `minqing check`: validate the inputs and print each problem; writes nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "只检查输入文件，逐条列出问题，不写入任何内容。")

    @OptionGroup var month: MonthOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let logger = try workspace.makeLogger()
        let month = try month.resolve()
        let encoding = try input.resolveEncoding()
        let pipeline = workspace.makePipeline(logger: logger)
        do {
            let (files, problems) = try pipeline.check(
                month: month, inputs: input.inputs, encoding: encoding, sheet: input.sheet)
            for problem in problems {
                print("\(problem.logLine) [\(problem.level.rawValue)]")
            }
            let rows = files.reduce(0) { $0 + $1.rows }
            let rejected = problems.filter { $0.level == .rejected }.count
            print("检查 \(month)：\(files.count) 个文件，\(rows) 行，拒收 \(rejected) 行，提示 \(problems.count - rejected) 条。")
            if rejected > 0 { throw ExitCode(ExitStatus.refused) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exitCode(for: error, logger: logger)
        }
    }
}
