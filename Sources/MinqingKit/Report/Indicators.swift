/// The rows of 总览: the SPEC's nine indicators first, then §8's 按期办结率 and 平均办理天数, §9's 解决率
/// (when any demand has a 解决情况), and extra ones.
enum Indicators {
    /// A value of 总览: a count, a rate, a change, or nothing ("—").
    enum Value: Sendable, Equatable {
        case count(Int)
        case rate(Double?)
        case change(Double?)
        /// A number to one decimal (平均办理天数).
        case decimal(Double?)
    }

    /// One indicator row.
    struct Row: Sendable, Equatable {
        var name: String
        var value: Value

        /// The value as text, as the Markdown report shows it.
        var text: String {
            switch value {
            case .count(let n): return String(n)
            case .rate(let r): return Formatting.percent(r)
            case .change(let r): return Formatting.change(r)
            case .decimal(let x): return x.map { String(format: "%.1f", $0) } ?? Formatting.none
            }
        }
    }

    /// The indicator rows of a bulletin.
    static func rows(_ data: BulletinData) -> [Row] {
        let s = data.summary, t = s.totals
        return [
            Row(name: "诉求总数", value: .count(t.total)),
            Row(name: "A级", value: .count(t.gradeA)),
            Row(name: "B级", value: .count(t.gradeB)),
            Row(name: "已办结", value: .count(t.resolved)),
            Row(name: "办结率", value: .rate(t.resolutionRate)),
            Row(name: "满意率", value: .rate(t.satisfactionRate)),
            Row(name: "基层化解率", value: .rate(s.grassrootsRate)),
            Row(name: "环比", value: .change(s.monthOnMonth)),
            Row(name: "同比", value: .change(s.yearOnYear)),
            Row(name: "按期办结率", value: .rate(t.onTimeRate)),
            Row(name: "平均办理天数", value: .decimal(t.averageHandlingDays)),
        ] + (t.visited > 0 ? [Row(name: "解决率", value: .rate(t.solvedRate))] : []) + [
            Row(name: "办理中", value: .count(t.inProgress)),
            Row(name: "未办理", value: .count(t.pending)),
            Row(name: "涉及人数", value: .count(t.people)),
            Row(name: "已评价", value: .count(t.evaluated)),
            Row(name: "上月诉求总数", value: s.previousMonthTotal.map { .count($0) } ?? .change(nil)),
            Row(name: "去年同月诉求总数", value: s.sameMonthLastYearTotal.map { .count($0) } ?? .change(nil)),
            Row(name: "往月诉求本月办结", value: .count(data.lateResolved.count)),
            Row(name: "拒收行数", value: .count(data.ingest.rejected)),
        ]
    }
}
