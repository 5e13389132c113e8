import ArgumentParser
import Foundation
import MinqingKit

/// `minqing init`: a new workspace with a commented minqing.toml and the example seeds.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建工作区：写出带注释的 minqing.toml 和示例基础数据 seeds/。")

    @Argument(help: "工作区文件夹（默认当前文件夹）。")
    var directory = "."

    func run() throws {
        throw ValidationError("minqing init 尚未实现（见 issue 3）。")
    }
}
