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
        #expect(config.scoring.lateResolvedPoints == 1.0)
        #expect(config.scoring.overdueOpenPenalty == 0.3)
        #expect(config.timeLimits.a == 7)
        #expect(config.timeLimits.b == 15)
        #expect(!config.timeLimits.workingDays)
        #expect(config.attention.minDemands == 3)
        #expect(config.attention.minSatisfaction == 0.80)
        #expect(config.attention.minOnTime == 0.80)
        #expect(config.alerts.villageAlert == 3)
        #expect(config.alerts.domainRise == 1.5)
        #expect(config.alerts.domainRiseMin == 5)
        #expect(config.alerts.domainRiseMonths == 3)
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
            late_resolved_points = 0.5
            overdue_open_penalty = 1
            [time_limits]
            A = 3
            B = 20
            working_days = true
            [attention]
            min_demands = 5
            min_satisfaction = 0.9
            min_on_time = 1
            [topics]
            village_alert = 4
            domain_rise = 2
            domain_rise_min = 8
            domain_rise_months = 6
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
        #expect(config.scoring.lateResolvedPoints == 0.5)
        #expect(config.scoring.overdueOpenPenalty == 1.0)
        #expect(config.timeLimits.a == 3)
        #expect(config.timeLimits.b == 20)
        #expect(config.timeLimits.workingDays)
        #expect(config.timeLimits.days(for: .a) == 3)
        #expect(config.timeLimits.days(for: .b) == 20)
        #expect(config.attention.minDemands == 5)
        #expect(config.attention.minSatisfaction == 0.9)
        #expect(config.attention.minOnTime == 1.0)
        #expect(config.alerts.villageAlert == 4)
        #expect(config.alerts.domainRise == 2.0)
        #expect(config.alerts.domainRiseMin == 8)
        #expect(config.alerts.domainRiseMonths == 6)
    }

    /// The template `minqing init` writes documents every §8 setting with its default.
    @Test(arguments: [
        "[time_limits]", "A = 7", "B = 15", "working_days = false", "[attention]", "min_demands = 3",
        "min_satisfaction = 0.80", "min_on_time = 0.80", "late_resolved_points = 1.0", "overdue_open_penalty = 0.3",
        "[topics]", "village_alert = 3", "domain_rise = 1.5", "domain_rise_min = 5", "domain_rise_months = 3",
    ])
    func templateShowsTheSetting(line: String) {
        #expect(ConfigTemplate.text.components(separatedBy: "\n").contains(line))
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
        ("[scoring]\nlate_resolved_points = -1", 2, "不能为负数"),
        ("[scoring]\noverdue_open_penalty = \"0.3\"", 2, "应为数字"),
        ("[time_limits]\nA = 0", 2, "设置 time_limits.A = 0 超出范围，应在 1 到 3650 之间。"),
        ("[time_limits]\nB = -15", 2, "设置 time_limits.B = -15 超出范围"),
        ("[time_limits]\nB = 7.5", 2, "设置 time_limits.B 应为整数。"),
        ("[time_limits]\nC = 30", 2, "未知的设置 time_limits.C"),
        ("[time_limits]\nworking_days = 1", 2, "设置 time_limits.working_days 应为 true 或 false。"),
        ("[attention]\nmin_demands = 0", 2, "设置 attention.min_demands = 0 超出范围"),
        ("[attention]\nmin_satisfaction = 80", 2, "设置 attention.min_satisfaction = 80 不可用，应为 0 到 1 之间的比例（0.80 表示 80%）。"),
        ("[attention]\nmin_on_time = -0.1", 2, "设置 attention.min_on_time = -0.1 不可用"),
        ("[attention]\nmin_on_time = \"80%\"", 2, "应为 0 到 1 之间的比例，如 0.80"),
        ("[topics]\nvillage_alert = 0", 2, "设置 topics.village_alert = 0 超出范围，应在 1 到 1000000 之间。"),
        ("[topics]\nvillage_alert = 2.5", 2, "设置 topics.village_alert 应为整数。"),
        ("[topics]\ndomain_rise = 0.5", 2, "设置 topics.domain_rise = 0.5 不可用，应为 1 到 1,000 之间的数"),
        ("[topics]\ndomain_rise_min = -1", 2, "设置 topics.domain_rise_min = -1 超出范围"),
        ("[topics]\ndomain_rise_months = 12", 2, "设置 topics.domain_rise_months = 12 超出范围，应在 1 到 11 之间。"),
        ("[topics]\nvillage_alerts = 3", 2, "未知的设置 topics.village_alerts"),
        ("[deadlines]\nA = 7", 1, "可用的分组：[grading]、[scoring]、[time_limits]、[attention]、[topics]、[import.columns]"),
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
