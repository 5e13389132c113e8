/// A remark about an accepted row (提示): kept in 数据问题, the row itself is counted.
public struct Notice: Sendable, Equatable {
    /// The column concerned (Chinese header), or blank for the whole row.
    public var column: String
    /// What was noticed and what was done, as a sentence.
    public var message: String

    public init(column: String, message: String) {
        self.column = column
        self.message = message
    }
}
