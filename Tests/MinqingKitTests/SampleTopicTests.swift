import Foundation
import Testing

/// The sample half year as `scripts/setup.sh` runs it (every file of each month's folder, with
/// SampleData/minqing.toml): October's bulletin names the planted collective complaint (SampleData/README.md,
/// "The planted topic") with its size, and no earlier month has it.
@Suite(.serialized) struct SampleTopicTests {
    static let months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]

    static let workspace: Result<String, any Error> = Result {
        let directory = try TestSupport.temporaryDirectory("sample-topics")
        for month in months {
            let folder = TestSupport.root + "/SampleData/" + month
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
            let ran = try EndToEnd.run(
                ["run", "--month", month, "--seeds", TestSupport.seeds, "--config", TestSupport.root + "/SampleData/minqing.toml"]
                    + files, in: directory)
            guard ran.status == 0 else { throw EndToEnd.ReadError(message: "\(month): exit \(ran.status): \(ran.stderr)") }
        }
        return directory
    }

    @Test func octoberNamesThePlantedTopic() throws {
        let directory = try Self.workspace.get()
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let rows = book.rows("热点诉求").map { $0.map { "\($0)" } }
        #expect(rows.first?.prefix(3) == ["序号", "热点", "诉求数"])
        let first = try #require(rows.dropFirst().first)
        #expect(first[1] == "翠湖名苑 车位")
        #expect(first[2] == "14")
        #expect(first[4] == "13")
        #expect(first[5] == "是")
        #expect(first[6] == "0")
        #expect(first[10] == (1...14).map { String(format: "WX20261090%02d", $0) }.joined(separator: " "))
        // Spread over the domains the residents' words fell into.
        #expect(first[7].hasPrefix("住房与老旧小区改造 6、"))
        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        let attention = try #require(markdown.components(separatedBy: "## 一、总体情况").first)
        #expect(attention.contains("**疑似群体性诉求（"))
        #expect(attention.contains("- 翠湖名苑 车位：14 件，13 位诉求人，涉及 住房与老旧小区改造 6、"))
        #expect(markdown.contains("| 1 | 翠湖名苑 车位 | 14 | 7.0% | 13 | 是 | 0 |"))
    }

    @Test func noEarlierMonthHasIt() throws {
        let directory = try Self.workspace.get()
        for month in Self.months.dropLast() {
            let book = try EndToEnd.readWorkbook(directory + "/reports/\(month)/民情月报-\(month).xlsx")
            #expect(!book.rows("热点诉求").contains { $0.map { "\($0)" }.joined().contains("翠湖名苑") }, "\(month)")
        }
        let may = try String(contentsOfFile: directory + "/reports/2026-05/民情月报-2026-05.md", encoding: .utf8)
        #expect(may.contains("本月是数据库中的第一个月，热点仅与常见诉求用语比较"))
    }
}
