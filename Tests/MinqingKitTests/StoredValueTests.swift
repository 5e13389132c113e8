import Testing
@testable import MinqingKit

/// Enums read back from the database by their raw values' bytes (`StoredValue`).
@Suite("存储值 stored values")
struct StoredValueTests {
    @Test func everyCaseReadsBack() {
        for value in DemandStatus.allCases { #expect(DemandStatus.stored(value.rawValue) == value) }
        for value in Satisfaction.allCases { #expect(Satisfaction.stored(value.rawValue) == value) }
        for value in DemandType.allCases { #expect(DemandType.stored(value.rawValue) == value) }
        for value in Resolution.allCases { #expect(Resolution.stored(value.rawValue) == value) }
        for value in Grade.allCases { #expect(Grade.stored(value.rawValue) == value) }
        for value in CorrectionKind.allCases { #expect(CorrectionKind.stored(value.rawValue) == value) }
    }

    @Test(arguments: ["", "已办", "已办结 ", " 已办结", "已辦結", "a", "满意"])
    func anythingElseIsNone(text: String) {
        #expect(DemandStatus.stored(text) == nil)
    }

    /// The same bytes in a string that is not stored contiguously (bridged or built from a substring).
    @Test func substringsAndBuiltStrings() {
        let line = "状态=办理中;"
        let start = line.index(line.startIndex, offsetBy: 3), end = line.index(before: line.endIndex)
        #expect(DemandStatus.stored(String(line[start..<end])) == .inProgress)
        #expect(Satisfaction.stored("非常" + "满意") == .verySatisfied)
        #expect(Satisfaction.stored("满意") == .satisfied)
    }
}
