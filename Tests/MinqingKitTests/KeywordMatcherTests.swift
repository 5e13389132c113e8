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

@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(text: String, digest: String) {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        #expect(hasher.hexDigest() == digest)
    }

    @Test func chunkedInputGivesTheSameDigest() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var whole = SHA256()
        whole.update(bytes)
        var pieces = SHA256()
        var i = 0
        for size in [1, 63, 64, 65, 127, 1000].cycled(until: bytes.count) {
            let end = min(bytes.count, i + size)
            pieces.update(Array(bytes[i..<end]))
            i = end
        }
        #expect(whole.hexDigest() == pieces.hexDigest())
    }
}

private extension Array where Element == Int {
    /// The sizes repeated until they add up to at least `total`.
    func cycled(until total: Int) -> [Int] {
        var out: [Int] = [], sum = 0
        while sum < total { for n in self where sum < total { out.append(n); sum += n } }
        return out
    }
}
