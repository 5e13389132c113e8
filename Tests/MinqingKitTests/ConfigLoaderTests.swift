import Testing
@testable import MinqingKit

@Suite("minqing.toml")
struct ConfigLoaderTests {
    @Test func emptyFileGivesDefaults() throws {
        let config = try ConfigLoader.parse("", path: "minqing.toml")
        #expect(config == MinqingConfig())
        #expect(config.grading.groupHeadcount == 5)
        #expect(config.grading.repeatWindowDays == 90)
        #expect(config.scoring.resolvedPoints == 1.0)
        #expect(config.scoring.unresolvedPenalty == 0.3)
        #expect(config.maskPersonalInfo)
        #expect(config.maxBackdateMonths == 24)
    }

    @Test func everySettingIsRead() throws {
        let text = """
            county = "青溪县"
            max_backdate_months = 12
            mask_personal_info = false
            [grading]
            group_headcount = 10
            repeat_window_days = 30
            a_keywords = ["火灾", "欠薪"]
            [scoring]
            resolved_points = 2
            unresolved_penalty = 0.5
            """
        let config = try ConfigLoader.parse(text, path: "minqing.toml")
        #expect(config.county == "青溪县")
        #expect(config.maxBackdateMonths == 12)
        #expect(!config.maskPersonalInfo)
        #expect(config.grading.groupHeadcount == 10)
        #expect(config.grading.repeatWindowDays == 30)
        #expect(config.grading.aKeywords == ["火灾", "欠薪"])
        #expect(config.scoring.resolvedPoints == 2)
        #expect(config.scoring.unresolvedPenalty == 0.5)
    }

    @Test(arguments: [
        ("colour = 1", 1, "未知的设置 colour"),
        ("[grading]\ngroup_size = 5", 2, "未知的设置 grading.group_size"),
        ("[weights]\nx = 1", 1, "未知的设置分组 [weights]"),
        ("mask_personal_info = \"yes\"", 1, "应为 true 或 false"),
        ("[grading]\ngroup_headcount = 1.5", 2, "应为整数"),
        ("[scoring]\nresolved_points = -1", 2, "不能为负数"),
        ("[scoring]\nunresolved_penalty = -0.3", 2, "不能为负数"),
        ("[grading]\na_keywords = [1, 2]", 2, "文字列表"),
        ("[grading]\na_keywords = [\"\"]", 2, "空的关键词"),
        ("county = ", 1, "第 1 行"),
    ])
    func badConfigIsRefused(text: String, line: Int, expected: String) throws {
        do {
            _ = try ConfigLoader.parse(text, path: "/w/minqing.toml")
            Issue.record("accepted: \(text)")
        } catch let error as ConfigError {
            #expect(error.line == line)
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.hasPrefix("配置文件 minqing.toml 第 \(line) 行"))
        }
    }

    @Test(arguments: [(3, 0, 3.0), (0, 1, -0.3), (2, 3, 1.1), (0, 3, -0.9), (1, 0, 1.0), (0, 0, 0.0)])
    func unitScore(resolved: Int, unresolved: Int, expected: Double) {
        #expect(ScoringRules().score(resolved: resolved, unresolved: unresolved) == expected)
    }
}
