import MinqingKit

/// The one line printed on stdout at the end of a run (cron mails it).
enum SummaryLine {
    static func text(outcome: IngestOutcome?, report: ReportOutcome?) -> String {
        var parts: [String] = []
        if let report {
            let t = report.summary.totals
            parts.append("\(report.month)：诉求 \(t.total) 件（A级 \(t.gradeA)，B级 \(t.gradeB)，已办结 \(t.resolved)）")
        } else if let outcome {
            parts.append("\(outcome.month)：诉求 \(outcome.demands) 件")
        }
        if let outcome {
            parts.append("拒收 \(outcome.rejected) 行，提示 \(outcome.notices) 条")
            if outcome.isRerun { parts.append("更正：新增 \(outcome.added)，修改 \(outcome.changed)，删除 \(outcome.removed)") }
            if outcome.lateUpdates > 0 { parts.append("往月诉求状态更新 \(outcome.lateUpdates) 件") }
        }
        if let report { parts.append("已写入 " + report.paths.joined(separator: "、")) }
        return parts.joined(separator: "；")
    }
}
