/// A remark about an accepted row (提示): kept in 数据问题, the row itself is counted.
struct Notice: Sendable, Equatable {
    /// The column concerned (Chinese header), or blank for the whole row.
    var column: String
    /// What was noticed and what was done, as a sentence.
    var message: String

    init(column: String, message: String) {
        self.column = column
        self.message = message
    }
}
