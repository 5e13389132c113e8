extension AttentionRule.Reason {
    /// The reason as the bulletin states it: `满意率 60.0%，低于 80%`.
    var text: String {
        switch self {
        case .lowSatisfaction(let rate, let bar): "满意率 \(Formatting.percent(rate))，低于 \(Self.bar(bar))"
        case .lowOnTime(let rate, let bar): "按期办结率 \(Formatting.percent(rate))，低于 \(Self.bar(bar))"
        case .overdueGradeA(let count): "A级诉求已超期 \(count) 件"
        }
    }

    /// A bar as a percentage without needless decimals: 80%, 82.5%.
    private static func bar(_ value: Double) -> String {
        let percent = (value * 1000).rounded() / 10
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}

extension AttentionEntry {
    /// The reasons joined for a cell or a line: `满意率 60.0%，低于 80%；A级诉求已超期 1 件`.
    var reasonText: String { reasons.map(\.text).joined(separator: "；") }
}
