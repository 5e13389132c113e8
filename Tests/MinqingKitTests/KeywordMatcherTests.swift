import Testing
@testable import MinqingKit

@Suite("KeywordMatcher")
struct KeywordMatcherTests {
    @Test(arguments: [
        (["停水"], "小区停水三天，停水影响生活", [2]),
        (["停水", "水"], "停水停水", [2, 2]),
        (["he", "she", "his", "hers"], "ushers", [1, 1, 0, 1]),
        (["火灾", "欠薪"], "没有关键词", [0, 0]),
        (["路面", "路面坑洼"], "路面坑洼，路面破损", [2, 1]),
        ([""], "abc", [0]),
    ])
    func counts(patterns: [String], text: String, expected: [Int]) {
        #expect(KeywordMatcher(patterns: patterns).counts(in: text) == expected)
    }

    @Test func matchesAgreeWithNaiveCount() {
        let patterns = ["水", "停水", "水压", "压力", "自来水", "来"]
        let matcher = KeywordMatcher(patterns: patterns)
        let texts = ["自来水停水，水压不足压力小", "来来来", "", "水水水水"]
        for text in texts {
            let naive = patterns.map { p in
                var count = 0, index = text.startIndex
                while let range = text.range(of: p, range: index..<text.endIndex) {
                    count += 1
                    index = text.index(after: range.lowerBound)
                }
                return count
            }
            #expect(matcher.counts(in: text) == naive, "\(text)")
        }
    }
}
