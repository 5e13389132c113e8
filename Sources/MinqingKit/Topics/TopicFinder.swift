import Foundation

/// Finds the month's topics (SPEC §11 热点诉求) from the texts themselves, against the county's history.
///
/// The method, in four steps (docs/TOPICS.md says why it works):
/// 1. **Salient bigrams.** Each character bigram held by enough of the month's texts is compared with
///    its rate in the history (the earlier months' ``TermProfile``s plus a built-in background of
///    everyday petition wording). One held by at least ``Settings/minLift`` times as many texts as the
///    history predicts is salient; one held by more than ``Settings/maxShare`` of the month's texts is
///    wording, not a topic. Boilerplate such as 希望有关部门尽快处理 is in every month, so its lift stays
///    near 1 and it never becomes a topic.
/// 2. **Anchors.** The most salient bigram not yet used seeds a topic. It is grown, one character at a
///    time to the left and right, while most of the texts holding it continue it the same way: 滨河 grows
///    into 伊景园滨河苑 — the shared name (an estate, a road, a company) that ties demands written in
///    different words and filed under different domains.
/// 3. **Grouping.** The texts holding the anchor are the topic. Every other salient bigram found mostly
///    in those texts belongs to it (it is not a topic of its own); grown the same way, they are the
///    topic's terms. The least familiar term nearly all its texts hold names it (金色家园小区, not the
///    车位 that seeded it), and the term most of them hold says what it is about (金色家园小区 车位). A
///    name alone (恒泰建材厂, about wages, dust and noise) is a topic when it leads with what is new and
///    is not a registered place.
/// 4. **Sizing** is not done here: ``TopicTally`` counts the anchor in every demand of the month.
///
/// Deterministic: ties are broken by the bigrams' keys, and the sample is the same for the same database.
struct TopicFinder {
    struct Settings: Sendable, Equatable {
        /// A topic has at least this many demands (SPEC §11 `[topics] min_demands`).
        var minDemands = 5
        /// At most this many topics are shown.
        var maxTopics = 10
        /// A salient bigram is held by at least this many times the texts its history rate predicts.
        var minLift = 3.0
        /// A salient bigram's count is this unlikely (or less) by chance at its history rate (a Poisson
        /// tail): in a small month, a few more texts than usual saying 不知道 is noise, not a topic.
        var maxChance = 1e-4
        /// A bigram held by more than this share of the month's texts is wording, never a topic.
        var maxShare = 0.25
        /// A text continues an anchor "the same way" when at least this share of the anchor's texts do.
        var growShare = 0.8
        /// A salient bigram belongs to a topic when at least this share of its texts hold the anchor.
        var absorbShare = 0.6
        /// A topic's texts also share a second salient term, held by at least this share of them.
        var companionShare = 0.3
        /// Anchors and names are at most this many characters.
        var maxTermLength = 16
    }

    /// A topic as found in the sample: the anchor every one of its demands holds, and its name.
    struct Found: Sendable, Equatable {
        /// The shared term (folded, see ``TextGrams/folded(_:)``) a demand must hold to belong.
        var anchor: String
        /// The topic's name: the anchor, then the best term of its other salient bigrams when there is one.
        var name: String
        /// Sample texts holding the anchor.
        var sampleCount: Int
        /// The anchor's seed bigram's salience (for the order among topics of equal size).
        var score: Double
    }

    let settings: Settings
    /// The county's registered places (乡镇, 村社区), folded: a place's name alone is no topic.
    var places: Set<String> = []

    /// The topics of a month whose texts `sample` are (all of them, or an even sample of `monthTotal`),
    /// against `history`. At most twice ``Settings/maxTopics`` candidates: the tally keeps the largest.
    func find(sample: [String], monthTotal: Int, history: TermHistory) -> [Found] {
        let texts = sample.map(TextGrams.folded)
        guard !texts.isEmpty else { return [] }
        let month = TermProfile(texts: texts)
        let scale = Double(month.documents) / Double(max(monthTotal, month.documents))
        let minCount = max(2, Int((Double(settings.minDemands) * scale).rounded(.up)))
        let salient = salientBigrams(month: month, history: history, minCount: minCount)
        guard !salient.isEmpty else { return [] }

        // Which sample texts hold each salient bigram.
        let salientKeys = Set(salient.map(\.key))
        var postings: [UInt32: [Int]] = [:]
        for (index, text) in texts.enumerated() {
            for key in TextGrams.distinctBigrams(text) where salientKeys.contains(key) {
                postings[key, default: []].append(index)
            }
        }

        var found: [Found] = []
        var used = Set<UInt32>()
        for candidate in salient where !used.contains(candidate.key) {
            guard found.count < settings.maxTopics * 2 else { break }
            used.insert(candidate.key)
            let holders = postings[candidate.key] ?? []
            let anchor = grow(TextGrams.text(candidate.key), in: holders.map { texts[$0] })
            let members = holders.filter { ByteSearch.contains(texts[$0], anchor) }
            guard members.count >= minCount, isTopicTerm(anchor, month: month, history: history) else { continue }
            let memberSet = Set(members)
            var companions: [(key: UInt32, score: Double)] = []
            let companionMinimum = max(minCount, Int((settings.companionShare * Double(members.count)).rounded(.up)))
            for other in salient where !used.contains(other.key) {
                let otherHolders = postings[other.key] ?? []
                let inside = otherHolders.reduce(0) { $0 + (memberSet.contains($1) ? 1 : 0) }
                guard Double(inside) >= settings.absorbShare * Double(otherHolders.count) else { continue }
                used.insert(other.key)
                if inside >= companionMinimum && !ByteSearch.contains(anchor, TextGrams.text(other.key)) { companions.append(other) }
            }
            // The topic's terms: the anchor, then its companions grown within the texts holding both. A
            // term that merely continues another (没人 → 没人管) or is everyday wording is not one.
            var terms = [anchor]
            for companion in companions.prefix(8) {
                let withBoth = (postings[companion.key] ?? []).filter { memberSet.contains($0) }.map { texts[$0] }
                let term = grow(TextGrams.text(companion.key), in: withBoth)
                if !terms.contains(where: { ByteSearch.contains($0, term) || ByteSearch.contains(term, $0) }),
                   isTopicTerm(term, month: month, history: history) {
                    terms.append(term)
                }
            }
            // A topic is a name its texts share and what they are about (伊景园滨河苑 捆绑). A name alone
            // (鑫源建材厂, complained about for wages, dust and noise) is a topic too, but not a registered
            // place's (a village's demands are about all kinds of things: 属地统计 counts them) nor a
            // fragment of two characters (没人).
            let named: String
            let subject: String?
            if terms.count < 2 {
                // Without the county's own months, everything the county says is new: a name alone then
                // proves nothing.
                // A name alone must lead with what is new (not so a rising closing formula).
                guard history.hasCountyMonths, anchor.count >= 3, isTopicTerm(anchor, month: month, history: history, strictly: true),
                      !places.contains(where: { ByteSearch.contains($0, anchor) || ByteSearch.contains(anchor, $0) }) else { continue }
                named = anchor
                subject = nil
            } else {
                // The name the texts share is the least familiar term nearly all of them hold, the longest
                // of equals: a name (金色家园) has a part new to the county; the word that seeded the topic
                // (车位) may too, but is shorter. It becomes the anchor.
                let needed = settings.growShare * Double(members.count)
                let shared = terms.filter { term in Double(members.filter { ByteSearch.contains(texts[$0], term) }.count) >= needed }
                named = shared.min { a, b in
                    let (fa, fb) = (familiarity(a, history: history), familiarity(b, history: history))
                    return fa != fb ? fa < fb : a.count > b.count
                } ?? anchor
                // What the topic is about: the other term most of its texts hold (the most salient of equals).
                let others = terms.filter { $0 != named && !ByteSearch.contains($0, named) && !ByteSearch.contains(named, $0) }
                let coverage = others.map { term in members.filter { ByteSearch.contains(texts[$0], term) }.count }
                subject = coverage.indices.max { coverage[$0] != coverage[$1] ? coverage[$0] < coverage[$1] : $0 > $1 }
                    .map { others[$0] }
                if subject == nil, places.contains(where: { ByteSearch.contains($0, named) || ByteSearch.contains(named, $0) }) { continue }
            }
            let holding = named == anchor ? members : texts.indices.filter { ByteSearch.contains(texts[$0], named) }
            guard holding.count >= minCount else { continue }
            // A topic whose anchor overlaps one already found is the same topic.
            guard !found.contains(where: { ByteSearch.contains($0.anchor, named) || ByteSearch.contains(named, $0.anchor) }) else { continue }
            found.append(Found(
                anchor: named, name: subject.map { named + " " + $0 } ?? named, sampleCount: holding.count, score: candidate.score))
        }
        return found
    }

    /// The month's salient bigrams, most salient first (ties by key).
    func salientBigrams(month: TermProfile, history: TermHistory, minCount: Int) -> [(key: UInt32, score: Double)] {
        let monthDocs = Double(month.documents)
        var salient: [(key: UInt32, score: Double)] = []
        for (key, count) in month.counts where Int(count) >= minCount {
            guard Double(count) / monthDocs <= settings.maxShare else { continue }
            let lift = lift(key, month: month, history: history)
            guard lift >= settings.minLift else { continue }
            let expected = Double(month.documents) * (Double(history.count(key)) + 0.5) / (Double(history.documents) + 1)
            guard Self.poissonTail(atLeast: Int(count), mean: expected) <= settings.maxChance else { continue }
            salient.append((key, Double(count) * log(lift)))
        }
        salient.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        return salient
    }

    /// Whether `term` is a topic's term rather than wording: at least half of its bigrams that hold an
    /// ideograph are salient (all of them in a county's first month). `strictly`, for a name that stands
    /// alone, its first two are: a proper name leads with what is new (鑫源 of 鑫源建材厂), a closing
    /// formula does not (请相关单位抓紧落实: 相关 is in every month). A name may hold an everyday word (金色家园小区's 家园 and 小区, 鑫源建材厂's 建材);
    /// a grown phrase of everyday words (希望有关部门尽快处理: 希望, 有关, 部门, 尽快, 处理 are in every month)
    /// is mostly not salient, whatever bigram seeded it.
    func isTopicTerm(_ term: String, month: TermProfile, history: TermHistory, strictly: Bool = false) -> Bool {
        // A name begins and ends with its own characters, never with a particle (部门的).
        if let first = term.first, let last = term.last, Self.particles.contains(first) || Self.particles.contains(last) {
            return false
        }
        var parts = 0, salientParts = 0, leadingSalient = 0
        TextGrams.forEachBigram(term) { key in
            guard key >> 16 >= 0x3400 || key & 0xFFFF >= 0x3400 else { return }
            parts += 1
            if lift(key, month: month, history: history) >= settings.minLift {
                salientParts += 1
                if leadingSalient == parts - 1 { leadingSalient += 1 }
            }
        }
        if strictly && leadingSalient < min(2, parts) { return false }
        // Without the county's own months (its first), every bigram must be new against the background.
        return parts == 0 || (history.hasCountyMonths ? salientParts * 2 >= parts : salientParts == parts)
    }

    /// P(X ≥ `k`) for X Poisson with `mean`, summed in log space from `k` up (the terms fall once past the
    /// mean; below it the tail is at least one half).
    static func poissonTail(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        guard Double(k) > mean else { return 1 }
        let logMean = log(mean)
        var total = 0.0
        var i = k
        while true {
            let term = exp(-mean + Double(i) * logMean - lgamma(Double(i) + 1))
            total += term
            if term < total * 1e-12 || i - k > 100_000 { break }
            i += 1
        }
        return min(1, total)
    }

    /// How common `term` was before this month: the smallest history count among its bigrams that hold an
    /// ideograph (among all of them when it has none). A term with a part new to the county has 0.
    func familiarity(_ term: String, history: TermHistory) -> Int {
        var ideographs = Int.max, others = Int.max
        TextGrams.forEachBigram(term) { key in
            if key >> 16 >= 0x3400 || key & 0xFFFF >= 0x3400 {
                ideographs = min(ideographs, history.count(key))
            } else {
                others = min(others, history.count(key))
            }
        }
        return ideographs != .max ? ideographs : others
    }

    /// How many times the history's rate of `key` its rate in `month` is.
    func lift(_ key: UInt32, month: TermProfile, history: TermHistory) -> Double {
        let share = Double(month.count(key)) / Double(max(1, month.documents))
        // Half a text added to the history, so a bigram it never saw is new, not infinitely new.
        let expected = (Double(history.count(key)) + 0.5) / (Double(history.documents) + 1)
        return share / expected
    }

    /// `seed` grown to the left and right while at least ``Settings/growShare`` of `texts` continue it with
    /// the same word character; never across a particle (的, 了…), which ends a name rather than continues it.
    /// (Word characters are single UTF-16 units, so the texts are searched as such.)
    func grow(_ seed: String, in texts: [String]) -> String {
        var term = Array(seed.utf16)
        let units = texts.map { Array($0.utf16) }
        let needed = max(1, Int((settings.growShare * Double(texts.count)).rounded(.up)))
        for side in [Side.right, .left] {
            while term.count < settings.maxTermLength {
                var next: [UInt16: Int] = [:]
                for text in units {
                    guard let at = Self.firstIndex(of: term, in: text) else { continue }
                    let neighbour: UInt16?
                    switch side {
                    case .right: neighbour = at + term.count < text.count ? text[at + term.count] : nil
                    case .left: neighbour = at > 0 ? text[at - 1] : nil
                    }
                    if let neighbour, Self.continuesName(neighbour) { next[neighbour, default: 0] += 1 }
                }
                guard let best = next.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
                      best.value >= needed else { break }
                if side == .right { term.append(best.key) } else { term.insert(best.key, at: 0) }
            }
        }
        return String(decoding: term, as: UTF16.self)
    }

    /// Where `part` first starts in `whole`.
    static func firstIndex(of part: [UInt16], in whole: [UInt16]) -> Int? {
        guard let first = part.first, whole.count >= part.count else { return nil }
        for start in 0...(whole.count - part.count) where whole[start] == first {
            if whole[start..<start + part.count].elementsEqual(part) { return start }
        }
        return nil
    }

    private enum Side { case left, right }

    /// Characters that can continue a term: word characters other than the particles that end one.
    static func continuesName(_ unit: UInt16) -> Bool { TextGrams.isWord(unit) && !particleUnits.contains(unit) }

    /// Function words that end a name rather than continue it.
    static let particles: Set<Character> = ["的", "了", "在", "是", "与", "及", "对", "把", "被", "也", "都", "就", "还", "又", "很", "我", "你", "他", "她"]
    static let particleUnits = Set(particles.compactMap { $0.utf16.first })
}
