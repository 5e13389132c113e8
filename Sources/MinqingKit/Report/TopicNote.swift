/// The sentence under 热点诉求 (and in the bulletin): what the topics were found against, and what a
/// month without any means.
enum TopicNote {
    static func text(_ data: BulletinData) -> String {
        let basis = data.topicHistoryMonths == 0
            ? "本月是数据库中的第一个月，热点仅与常见诉求用语比较，下月起与本县往月诉求比较。"
            : "热点按诉求内容中本月新出现或明显增多的词语归并（与本县前 \(data.topicHistoryMonths) 个月比较），不论其涉及领域；"
                + "每件诉求都含有热点名称的第一个词。"
        let none = data.topics.isEmpty ? "本月没有达到 \(data.topicMinimum) 件的热点。" : ""
        return none + basis
    }
}
