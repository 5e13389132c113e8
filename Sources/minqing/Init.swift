import ArgumentParser
import Foundation
import MinqingKit

/// `minqing init`: a new workspace with a commented minqing.toml and the example seeds.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "新建工作区：写出带注释的 minqing.toml、示例基础数据 seeds/ 和报告模板 ReportTemplates/。")

    @Argument(help: "工作区文件夹（默认当前文件夹；不存在时创建）。")
    var directory = "."

    func run() throws {
        do {
            let written = try WorkspaceInitializer.create(at: directory)
            print("已新建工作区 \(directory)：" + written.map { ($0 as NSString).lastPathComponent }.joined(separator: "、"))
        } catch {
            FileHandle.standardError.write(Data(("\(error)\n").utf8))
            throw ExitCode(Failure.status(for: error))
        }
    }
}
