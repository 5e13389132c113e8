extension Alert {
    /// What the alert is about, as 总览's first column shows it: `城关镇 清水村`, or the domain.
    var subject: String {
        switch self {
        case .village(let township, let village, _, _, _): township.isEmpty ? village : "\(township) \(village)"
        case .domainRise(let domain, _, _, _, _, _): domain
        }
    }

    /// The kind of alert: 村社区预警 or 领域上升.
    var kindLabel: String {
        switch self {
        case .village: "村社区预警"
        case .domainRise: "领域上升"
        }
    }

    /// Why, in a clerk's words: `环境保护 诉求 4 件（同一村社区同一领域达到 3 件）`,
    /// `本月 12 件，前 3 个月平均 6.0 件（达到 1.5 倍且不少于 5 件）`.
    var reason: String {
        switch self {
        case .village(_, _, let domain, let demands, let bar):
            "\(domain) 诉求 \(demands) 件（同一村社区同一领域达到 \(bar) 件）"
        case .domainRise(_, let demands, let mean, let months, let factor, let minimum):
            "本月 \(demands) 件，前 \(months) 个月平均 \(String(format: "%.1f", mean)) 件（达到 \(Formatting.weight(factor)) 倍且不少于 \(minimum) 件）"
        }
    }

    /// One line: `城关镇 清水村：环境保护 诉求 4 件（…）`.
    var text: String { "\(subject)：\(reason)" }
}
