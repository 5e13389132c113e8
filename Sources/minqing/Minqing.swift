import ArgumentParser
import Foundation
import MinqingKit

/// `minqing`: the county's monthly people's-conditions bulletin (民情月报) from demand records.
@main
struct Minqing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minqing",
        abstract: "把一个月的群众诉求记录生成为民情月报（Excel 工作簿和 Markdown 报告）。",
        version: minqingVersion,
        subcommands: [Run.self, Ingest.self, Report.self, Check.self, Init.self, History.self])

    /// Runs the command; usage errors exit 2 as the SPEC says (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
