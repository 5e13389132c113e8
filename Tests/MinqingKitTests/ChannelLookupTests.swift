import Testing
@testable import MinqingKit

/// The validator's channel memo gives what the seeds give, the first time and every time after.
@Suite("渠道查找 channel lookup")
struct ChannelLookupTests {
    @Test func sameAnswerAsTheSeedsEveryTime() throws {
        let reference = try TestSupport.reference()
        let lookup = ChannelLookup(reference: reference)
        let spellings = reference.channels + ["不存在的渠道", "", "12345热线", "12345RX", "12345rx", "来访 "]
        for _ in 0..<3 {
            for spelling in spellings {
                #expect(lookup.channel(for: spelling) == reference.channel(for: spelling), "\(spelling)")
            }
        }
        #expect(lookup.channel(for: reference.channels[0]) == reference.channels[0])
        #expect(lookup.channel(for: "不存在的渠道") == nil)
    }
}
