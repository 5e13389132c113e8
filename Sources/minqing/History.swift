import ArgumentParser
import Foundation
import MinqingKit

/// `minqing history`: past ingests of each month.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "列出各月的导入历史。")

    @OptionGroup var month: MonthOption

    func run() throws {
        throw ValidationError("minqing history 尚未实现（见 issue 3）。")
    }
}
