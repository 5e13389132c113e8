import Foundation
import Testing
@testable import MinqingKit

@Suite("Exit statuses declared by the errors")
struct ExitStatusTests {
    /// Every error type of MinqingKit, one instance each, with the status SPEC §5 gives it.
    /// (`MinqingKit.ExitStatus`: Swift Testing has an `ExitStatus` of its own, for exit tests.)
    static let table: [(error: any MinqingError, status: MinqingKit.ExitStatus)] = [
        (ConfigError(path: "minqing.toml", line: 2, message: "分值不能为负数。"), .usage),
        (ReferenceError(path: "seeds/places.csv", line: 3, message: "村社区重复。"), .usage),
        (TemplateError(path: "bulletin.md.mustache", message: "模板语法有误。"), .usage),
        (NothingToReport(month: YearMonth(uncheckedYear: 2026, month: 10)), .usage),
        (WorkspaceExists(paths: ["ws/minqing.toml"]), .usage),
        (NoDatabase(path: "./minqing.sqlite"), .usage),
        (WorkspaceBusy(path: "minqing.sqlite.lock", pid: "4242"), .busy),
        (StoreError(path: "minqing.sqlite", message: "磁盘已满。"), .refused),
        (TOMLError(line: 1, column: 5, message: "缺少等号。"), .refused),
        (InputRefused(path: "a.csv", message: "输入文件 a.csv 是空的。"), .refused),
        (CSVError(path: "a.csv", line: 7, kind: .unterminatedQuote(fieldLine: 6)), .refused),
        (StrictRejection(rejected: 3), .refused),
        (XlsxError(code: 1, context: "保存工作簿 x.xlsx"), .refused),
        (OutputError(path: "reports/2026-10", message: "无法创建输出文件夹"), .refused),
        (DigestError(context: "计算 SHA-256 摘要", reason: "内存不足"), .refused),
        (BatchPipe<Int>.Cancelled(), .refused),
        (StoredValueError(demandID: "S1", column: "等级", value: "C", reason: "应为 A 或 B"), .refused),
        (ColumnDeclarationError(column: "grade", values: 2), .refused),
    ]

    @Test(arguments: table.indices)
    func eachErrorDeclaresItsStatus(_ index: Int) {
        let (error, status) = Self.table[index]
        #expect(error.exitStatus == status, "\(type(of: error))")
        #expect(MinqingKit.ExitStatus.of(error) == status, "\(type(of: error))")
        #expect(!error.description.isEmpty && error.description.unicodeScalars.contains { $0.value >= 0x4E00 },
                "\(type(of: error)): \(error.description)")
    }

    @Test func aForeignErrorIsARefusal() {
        #expect(MinqingKit.ExitStatus.of(CocoaError(.fileReadNoSuchFile)) == .refused)
        #expect(MinqingKit.ExitStatus.of(POSIXError(.ENOSPC)) == .refused)
    }

    @Test func theStatusesAreTheSpecs() {
        #expect(MinqingKit.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 75])
    }

    /// The table lists every type in Sources/MinqingKit declared as an error (`: Error`, `: MinqingError`,
    /// or conformed by an extension), so a new error type cannot go without a declared status.
    @Test func theTableCoversEveryErrorType() throws {
        let folder = TestSupport.root + "/Sources/MinqingKit"
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        let declaration = try Regex(#"(?:struct|enum|class|extension)\s+([A-Za-z_][A-Za-z0-9_.]*)(?:<[^>{]*>)?\s*:\s*([^{]*)\{"#)
        var declared: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for match in text.matches(of: declaration) {
                let conformances = (match.output[2].substring ?? "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                if conformances.contains("Error") || conformances.contains("MinqingError"),
                    let name = match.output[1].substring?.split(separator: ".").last {
                    declared.insert(String(name))
                }
            }
        }
        let listed = Set(Self.table.map { String(describing: type(of: $0.error)) })
        #expect(declared.count >= 15)
        #expect(declared == listed, "declared but not listed: \(declared.subtracting(listed)); listed but not found: \(listed.subtracting(declared))")
    }
}
