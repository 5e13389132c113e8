/// The seeds checks of SPEC §10 that look across rows and files. Each gives notices (提示), never an
/// error: the seeds still mean something, only probably not quite what the clerk meant.

/// A domain as read from domains.csv, with its line.
struct DomainLine {
    var rule: DomainRule
    var line: Int
}

/// A domain keyword that is part of a registered place name (`桥` in 板桥村). The classifier does not
/// count it inside those names (``PlaceNameShadow``), but a keyword that short is often too loose.
enum KeywordInPlaceName {
    /// Places named in a notice; more are counted.
    static let shownPlaces = 3

    /// `placeNames`: the registered 村社区 and 乡镇 names, each once, in file order.
    static func notices(domains: [DomainLine], placeNames: [String]) -> [SeedNotice] {
        var patterns: [String] = []
        var owner: [(domain: Int, keyword: Int)] = []
        for (d, domain) in domains.enumerated() {
            for (k, keyword) in domain.rule.keywords.enumerated() {
                patterns.append(keyword)
                owner.append((d, k))
            }
        }
        guard !patterns.isEmpty else { return [] }
        // One pass of the keyword automaton over each name, not every keyword against every name.
        let matcher = KeywordMatcher(patterns: patterns)
        var placesOf = [[String]](repeating: [], count: patterns.count)
        for name in placeNames {
            matcher.forEachMatch(in: name) { pattern in
                if placesOf[pattern].last != name { placesOf[pattern].append(name) }
            }
        }
        var notices: [SeedNotice] = []
        for (pattern, places) in placesOf.enumerated() where !places.isEmpty {
            let domain = domains[owner[pattern].domain]
            let shown = places.prefix(shownPlaces).map { "「\($0)」" }.joined()
            let more = places.count > shownPlaces ? "等 \(places.count) 处" : ""
            notices.append(SeedNotice(
                file: "domains.csv", line: domain.line, column: "关键词",
                message: "领域「\(domain.rule.name)」的关键词「\(patterns[pattern])」是登记地名\(shown)\(more)的一部分："
                    + "诉求内容中这些地名里的「\(patterns[pattern])」不给「\(domain.rule.name)」计票，其他位置照常计票。"
                    + "如这个词单独出现也容易误判，请改用更完整的词（如把「桥」改为「危桥」「桥梁」）。"))
        }
        return notices
    }
}

/// The same keyword in two domains: both get its vote, and a complaint with only that keyword goes to
/// the domain first in domains.csv (SPEC §3's tie rule).
enum SharedKeyword {
    static func notices(domains: [DomainLine]) -> [SeedNotice] {
        var first: [String: Int] = [:]  // keyword → index in domains
        var notices: [SeedNotice] = []
        for (d, domain) in domains.enumerated() {
            for keyword in domain.rule.keywords {
                guard let earlier = first[keyword] else {
                    first[keyword] = d
                    continue
                }
                guard earlier != d else { continue }
                let winner = domains[earlier]
                notices.append(SeedNotice(
                    file: "domains.csv", line: domain.line, column: "关键词",
                    message: "关键词「\(keyword)」同时登记在领域「\(winner.rule.name)」（第 \(winner.line) 行）"
                        + "和「\(domain.rule.name)」（本行）：两个领域各计一票，票数相同时归入 domains.csv 中靠前的"
                        + "「\(winner.rule.name)」。请只在一个领域保留这个关键词。"))
            }
        }
        return notices
    }
}

/// A township of places.csv that units.csv does not list: its demands are scored as a township's all
/// the same, but the unit list is incomplete.
enum TownshipWithoutUnit {
    /// `places`: places.csv's rows with their lines, in file order.
    static func notices(places: [(place: Place, line: Int)], unitType: [String: String]) -> [SeedNotice] {
        var named: Set<String> = []
        var notices: [SeedNotice] = []
        for (place, line) in places where unitType[place.township] == nil && !named.contains(place.township) {
            named.insert(place.township)
            notices.append(SeedNotice(
                file: "places.csv", line: line, column: "乡镇",
                message: "乡镇「\(place.township)」未在 units.csv 登记：以它为属地的诉求仍按乡镇计分，"
                    + "但单位名单不完整。请在 units.csv 加一行：\(place.township),乡镇"))
        }
        return notices
    }
}
