/// Domain keywords that are part of a registered place name (`桥` in 大桥村, SPEC §10): an occurrence
/// of such a keyword inside an occurrence of that place name in 诉求内容 names the place, not the
/// domain, and does not vote.
///
/// Only the rows with a hit of such a keyword (``isShadowed``) are looked at again, on their bytes;
/// the others pay one array read per keyword hit.
struct PlaceNameShadow: Sendable {
    /// Per matcher pattern: the pattern is a domain keyword inside some registered place name.
    let isShadowed: [Bool]
    /// The shadowed patterns, each with its UTF-8 bytes and the bytes of the place names containing it.
    private let shadowed: [(pattern: Int, keyword: [UInt8], places: [[UInt8]])]

    /// `patterns`: the classifier's matcher patterns, the first `domainKeywordCount` the domain keywords.
    init(patterns: [String], domainKeywordCount: Int, placeNames: [String]) {
        var isShadowed = [Bool](repeating: false, count: patterns.count)
        var shadowed: [(pattern: Int, keyword: [UInt8], places: [[UInt8]])] = []
        let keywords = Array(patterns.prefix(domainKeywordCount))
        if !keywords.isEmpty {
            let matcher = KeywordMatcher(patterns: keywords)
            var placesOf = [[String]](repeating: [], count: keywords.count)
            for name in placeNames {
                matcher.forEachMatch(in: name) { k in
                    if placesOf[k].last != name { placesOf[k].append(name) }
                }
            }
            for (k, places) in placesOf.enumerated() where !places.isEmpty {
                isShadowed[k] = true
                shadowed.append((k, Array(keywords[k].utf8), places.map { Array($0.utf8) }))
            }
        }
        self.isShadowed = isShadowed
        self.shadowed = shadowed
    }

    /// Calls `inside` with each shadowed pattern once per occurrence in `text` that lies within an
    /// occurrence of a place name containing it.
    func forEachHitInsidePlace(in text: String, _ inside: (Int) -> Void) {
        let bytes = Array(text.utf8)
        for entry in shadowed {
            let placeRanges = entry.places.flatMap { place in
                Self.starts(of: place, in: bytes).map { $0..<($0 + place.count) }
            }
            guard !placeRanges.isEmpty else { continue }
            for start in Self.starts(of: entry.keyword, in: bytes) {
                let end = start + entry.keyword.count
                if placeRanges.contains(where: { $0.lowerBound <= start && end <= $0.upperBound }) {
                    inside(entry.pattern)
                }
            }
        }
    }

    /// Where each occurrence of `needle` in `haystack` starts (overlapping ones too).
    private static func starts(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
