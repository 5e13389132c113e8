import ArgumentParser
import Foundation
import MinqingKit

/// `minqing history`: past ingests of each month.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出各月的导入历史：时间、文件及其 sha256、受理和拒收行数、新增/修改/删除。")

    @Option(help: "只列出这个月份（YYYY-MM）；默认列出所有月份。")
    var month: String?

    @Option(name: .customLong("db"), help: "数据库文件（默认 ./minqing.sqlite）。")
    var database = "./minqing.sqlite"

    func run() throws {
        var only: YearMonth?
        if let month {
            guard let parsed = YearMonth(parsing: month) else {
                throw ValidationError("月份「\(month)」无效，应写成 YYYY-MM，例如 2026-10。")
            }
            only = parsed
        }
        guard FileManager.default.fileExists(atPath: database) else {
            FileHandle.standardError.write(Data("数据库 \(database) 不存在：还没有导入过任何月份。\n".utf8))
            throw ExitCode(ExitStatus.usage)
        }
        // A run holds the database for writing from start to commit: say so rather than wait on it.
        // (When the lock file cannot be made, e.g. a read-only folder, read without it.)
        let lock: WorkspaceLock?
        do {
            lock = try WorkspaceLock(databasePath: database)
        } catch let busy as WorkspaceBusy {
            FileHandle.standardError.write(Data("\(busy.description)\n".utf8))
            throw ExitCode(ExitStatus.busy)
        } catch {
            lock = nil
        }
        let entries: [IngestHistoryEntry]
        do {
            entries = try withExtendedLifetime(lock) { try Store(path: database).history(month: only) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(ExitStatus.refused)
        }
        if entries.isEmpty { print("没有\(month.map { " \($0) 的" } ?? "")导入记录。") }
        for entry in entries {
            print(HistoryText.line(entry))
            for file in entry.files { print(HistoryText.fileLine(file)) }
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
