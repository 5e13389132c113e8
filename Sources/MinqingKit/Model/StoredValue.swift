#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads back an enum stored in the database as its raw value, comparing UTF-8 bytes: `String`
/// comparison normalises Unicode, which made `DemandStatus(rawValue: "已办结")` a visible part of a
/// million-demand report (and `allCases` is a new array at each use).
protocol StoredValue: RawRepresentable, CaseIterable where RawValue == String {
    /// Each case with its raw value's UTF-8 bytes (``storedTable()``, kept in a `static let`).
    static var storedCases: [(bytes: [UInt8], value: Self)] { get }
}

extension StoredValue {
    /// The table ``storedCases`` keeps.
    static func storedTable() -> [(bytes: [UInt8], value: Self)] {
        allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case whose raw value has exactly the bytes of `text`; nil for anything else.
    static func stored(_ text: String) -> Self? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ stored(bytes: $0) }) { return found }
        return storedCases.first { $0.bytes.elementsEqual(text.utf8) }?.value
    }

    private static func stored(bytes: UnsafeBufferPointer<UInt8>) -> Self? {
        for entry in storedCases where entry.bytes.count == bytes.count {
            let same = entry.bytes.withUnsafeBufferPointer { raw in
                guard let a = raw.baseAddress, let b = bytes.baseAddress else { return raw.count == bytes.count }
                return memcmp(a, b, bytes.count) == 0
            }
            if same { return entry.value }
        }
        return nil
    }
}

extension DemandStatus: StoredValue { static let storedCases = storedTable() }
extension Grade: StoredValue { static let storedCases = storedTable() }
extension Satisfaction: StoredValue { static let storedCases = storedTable() }
extension ProblemLevel: StoredValue { static let storedCases = storedTable() }
extension DemandType: StoredValue { static let storedCases = storedTable() }
extension Resolution: StoredValue { static let storedCases = storedTable() }

/// A value read back from the database that is none of the values minqing writes: the database was
/// changed by something else, and the reports refuse to guess.
struct StoredValueError: MinqingError {
    /// 编号 of the demand whose row holds the value (blank when not a demand's row).
    var demandID: String
    /// The column.
    var column: String
    /// The value as stored.
    var value: String
    /// What it should have been.
    var reason: String

    /// A database that holds what minqing never writes refuses the report.
    var exitStatus: ExitStatus { .refused }

    var description: String {
        let whose = demandID.isEmpty ? "" : "诉求 \(demandID) 的"
        return "数据库中\(whose)「\(column)」值「\(value)」无法识别（\(reason)）。数据库可能被其他程序改动过：请从备份恢复，或重新导入该月份。"
    }
}

extension YearMonth {
    /// A month as minqing stores it (`2026-10`); anything else is a ``StoredValueError`` naming the
    /// demand (blank when unknown).
    static func stored(_ text: String, demandID: String = "") throws -> YearMonth {
        guard let month = YearMonth(parsing: text) else {
            throw StoredValueError(demandID: demandID, column: "月份", value: text, reason: "应为 2026-10 形式的月份")
        }
        return month
    }
}
