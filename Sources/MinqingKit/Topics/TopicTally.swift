/// Counts the found topics' demands during the report's pass over the month: every demand whose text
/// holds a topic's anchor belongs to it (a demand may belong to several). The check is a byte search of
/// the anchors in the text, so it costs little even at a million demands.
struct TopicTally {
    private struct Tally {
        let found: TopicFinder.Found
        /// The anchor's and the subject term's UTF-8 bytes.
        let anchor: [UInt8]
        let subject: [UInt8]
        var ids: [String] = []
        var petitioners = Set<String>()
        var anonymous = 0
        var domains: [String: Int] = [:]
        var units: [String: Int] = [:]
        var example: String?
        var fallbackExample: String?
    }

    private var tallies: [Tally]
    let settings: TopicSettings

    init(found: [TopicFinder.Found], settings: TopicSettings) {
        self.settings = settings
        tallies = found.map { found in
            let subject = found.name.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            return Tally(found: found, anchor: Array(found.anchor.utf8), subject: Array(subject.utf8))
        }
    }

    /// The anchors of the topics counted.
    var anchors: [String] { tallies.map(\.found.anchor) }

    /// Whether there is anything to count.
    var isEmpty: Bool { tallies.isEmpty }

    /// Takes one demand of the month (`shown`: it as the reports show it, masked).
    mutating func add(_ demand: ReportDemand, shown: ReportDemand) {
        guard !tallies.isEmpty else { return }
        var text = TextGrams.folded(demand.content)
        text.withUTF8 { bytes in
            for index in tallies.indices where Self.holds(bytes, tallies[index].anchor) {
                tallies[index].ids.append(demand.id)
                let key = !demand.phone.isEmpty ? "电话:" + demand.phone : !demand.petitioner.isEmpty ? "姓名:" + demand.petitioner : ""
                if key.isEmpty { tallies[index].anonymous += 1 } else { tallies[index].petitioners.insert(key) }
                tallies[index].domains[demand.domain, default: 0] += 1
                tallies[index].units[demand.primaryUnit, default: 0] += 1
                if tallies[index].example == nil, Self.holds(bytes, tallies[index].subject) {
                    tallies[index].example = shown.content
                }
                if tallies[index].fallbackExample == nil { tallies[index].fallbackExample = shown.content }
            }
        }
    }

    /// The topics with at least ``TopicSettings/minDemands`` demands, largest first (then the more salient),
    /// at most ``TopicSettings/maxTopics``; `monthTotal` for their shares, `previous` counts each anchor in
    /// the month before.
    func topics(monthTotal: Int, previous: (String) -> (count: Int, estimate: Bool)?) -> [Topic] {
        let kept = tallies.filter { $0.ids.count >= settings.minDemands }
            .sorted { $0.ids.count != $1.ids.count ? $0.ids.count > $1.ids.count : $0.found.score > $1.found.score }
            .prefix(settings.maxTopics)
        return kept.map { tally in
            let petitioners = tally.petitioners.count + tally.anonymous
            let before = previous(tally.found.anchor)
            return Topic(
                name: tally.found.name, anchor: tally.found.anchor, count: tally.ids.count,
                share: Double(tally.ids.count) / Double(max(1, monthTotal)), petitioners: petitioners,
                domains: Self.ranked(tally.domains), units: Self.ranked(tally.units), previousCount: before?.count,
                previousIsEstimate: before?.estimate ?? false, example: tally.example ?? tally.fallbackExample ?? "",
                ids: tally.ids, isCollective: petitioners >= settings.collectivePetitioners)
        }
    }

    /// Most demands first, then by name.
    static func ranked(_ counts: [String: Int]) -> [NamedCount] {
        counts.map { NamedCount(name: $0.key.isEmpty ? "（未定）" : $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    private static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { ByteSearch.contains(bytes, $0) }
    }

}
