import ArgumentParser
import Foundation
import MinqingKit

/// `minqing history`: past ingests of each month.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出各月的导入历史：时间、文件及其 sha256、受理和拒收行数、新增/修改/删除。")

    @Option(help: "只列出这个月份（YYYY-MM）；默认列出所有月份。")
    var month: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let only = try month.map(MonthOption.parse)
        // A run holds the database for writing from start to commit: the pipeline says so (75, naming
        // the run's pid) rather than wait on it.
        try workspace.withPipeline { pipeline in
            let entries = try pipeline.history(month: only)
            if entries.isEmpty { print("没有\(month.map { " \($0) 的" } ?? "")导入记录。") }
            for entry in entries {
                print(HistoryText.line(entry))
                for file in entry.files { print(HistoryText.fileLine(file)) }
            }
        }
    }
}

/// How `history` prints an entry.
enum HistoryText {
    static func line(_ e: IngestHistoryEntry) -> String {
        let r = e.record
        var text = "\(e.month)  #\(r.id)  \(e.finishedAt.isEmpty ? e.startedAt : e.finishedAt)  \(e.command)：受理 \(r.accepted) 行，拒收 \(r.rejected) 行，提示 \(r.notices) 条"
        text += r.isRerun ? "；新增 \(r.added)，修改 \(r.changed)，删除 \(r.removed)" : "；首次导入"
        if r.lateUpdates > 0 { text += "；往月诉求状态更新 \(r.lateUpdates)" }
        return text
    }

    static func fileLine(_ f: IngestHistoryEntry.File) -> String {
        "    \(f.name)  sha256 \(f.sha256)  \(f.encoding)  \(f.rows) 行（受理 \(f.accepted)，拒收 \(f.rejected)）  \(f.path)"
    }
}
