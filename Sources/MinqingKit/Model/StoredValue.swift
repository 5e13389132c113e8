/// Reads back an enum stored in the database as its raw value, comparing UTF-8 bytes: `String`
/// comparison normalises Unicode, which made `DemandStatus(rawValue: "已办结")` a visible part of a
/// million-demand report.
protocol StoredValue: RawRepresentable, CaseIterable where RawValue == String {}

extension StoredValue {
    /// The case whose raw value has exactly the bytes of `text`; nil for anything else.
    static func stored(_ text: String) -> Self? {
        for value in allCases where text.utf8.elementsEqual(value.rawValue.utf8) { return value }
        return nil
    }
}

extension DemandStatus: StoredValue {}
extension Grade: StoredValue {}
extension Satisfaction: StoredValue {}
