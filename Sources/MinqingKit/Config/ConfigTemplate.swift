/// The commented `minqing.toml` that `minqing init` writes: every setting with its default.
enum ConfigTemplate {
    /// A TOML float: `1.0`, `0.3`.
    private static func number(_ value: Double) -> String {
        let text = Formatting.weight(value)
        return text.contains(".") ? text : text + ".0"
    }

    /// A rate with two decimals: `0.80`.
    private static func rate(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(Day.pad(hundredths % 100, 2))"
    }

    /// The file's text (it parses to the built-in defaults, which a test checks).
    static var text: String {
        let keywords = GradingRules.defaultAKeywords.map { "\"\($0)\"" }
        var lines: [String] = []
        var line = "a_keywords = ["
        for (i, word) in keywords.enumerated() {
            let piece = word + (i == keywords.count - 1 ? "]" : ", ")
            if line.count + piece.count > 96 {
                lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
                line = "    "
            }
            line += piece
        }
        lines.append(line)
        let defaults = MinqingConfig()
        return """
            # minqing 工作区设置 — every setting with its built-in default. Delete a line to use the default.
            # Text in "quotes"; true/false; numbers; lists in [ ]. Lines starting with # are comments.

            # 县名: shown in titles and page headers.
            county = "\(defaults.county)"

            # 受理日期 more than this many months before the report month are rejected.
            max_backdate_months = \(defaults.maxBackdateMonths)

            # Mask 诉求人 (张*华) and 联系电话 (138****5678) in every report; the database keeps the originals.
            mask_personal_info = \(defaults.maskPersonalInfo)

            # A Markdown template to use instead of the built-in one (see docs/TEMPLATES.md), e.g.
            # template = "ReportTemplates/bulletin.md.mustache"

            [grading]
            # 群体诉求: a demand made by at least this many people is A (重要紧急).
            group_headcount = \(defaults.grading.groupHeadcount)
            # 重复诉求: an earlier demand from the same 联系电话 (or 诉求人 + 村社区) within this many days makes
            # a demand A. 0 turns it off.
            repeat_window_days = \(defaults.grading.repeatWindowDays)
            # Words in 诉求内容 that make a demand A.
            \(lines.joined(separator: "\n"))

            [scoring]
            # 得分 of a unit = 已办结 × resolved_points − 未办结 × unresolved_penalty (two decimals).
            resolved_points = \(number(defaults.scoring.resolvedPoints))
            unresolved_penalty = \(number(defaults.scoring.unresolvedPenalty))
            # Demands of earlier months: + late_resolved_points for each one the unit resolved this month,
            # − overdue_open_penalty for each one still open and 已超期 at the end of the month.
            late_resolved_points = \(number(defaults.scoring.lateResolvedPoints))
            overdue_open_penalty = \(number(defaults.scoring.overdueOpenPenalty))

            [time_limits]
            # 办理时限 in days by grade, for a demand with no 截止日期 in the input and no 办理时限 for its
            # domain in seeds/domains.csv. 截止日期 = 受理日期 + the limit; the day after 受理日期 is day 1.
            A = \(defaults.timeLimits.a)
            B = \(defaults.timeLimits.b)
            # false: calendar days. true: working days only (Monday–Friday, without the 休息日 of
            # seeds/holidays.csv, with its 调休 工作日).
            working_days = \(defaults.timeLimits.workingDays)

            [attention]
            # 需关注单位: a unit with at least min_demands demands in the month whose 满意率 is below
            # min_satisfaction or 按期办结率 below min_on_time (0.80 = 80%), or with any A demand 已超期.
            min_demands = \(defaults.attention.minDemands)
            min_satisfaction = \(rate(defaults.attention.minSatisfaction))
            min_on_time = \(rate(defaults.attention.minOnTime))

            [topics]
            # 热点诉求: topics found from the texts against the county's history (docs/TOPICS.md). A topic
            # has at least min_demands demands; one with at least collective_petitioners distinct
            # petitioners is marked 疑似群体性诉求; at most max_topics are shown.
            min_demands = \(defaults.topics.minDemands)
            collective_petitioners = \(defaults.topics.collectivePetitioners)
            max_topics = \(defaults.topics.maxTopics)
            # 预警: a 村社区 with at least village_alert demands of one domain in the month; a domain
            # whose count is at least domain_rise times the mean of the domain_rise_months months before
            # with data (within the last 12) and at least domain_rise_min.
            village_alert = \(defaults.alerts.villageAlert)
            domain_rise = \(number(defaults.alerts.domainRise))
            domain_rise_min = \(defaults.alerts.domainRiseMin)
            domain_rise_months = \(defaults.alerts.domainRiseMonths)

            # 导入对应 (SPEC §10): exports whose headers or values differ from minqing's. The headers of
            # common 12345 exports (工单编号, 来电时间, 反映内容, 处理状态, 来电人, 回访满意度, …) are known
            # already. Remove the # to use; keys with Chinese characters are quoted.
            # [import.columns]          # input header = minqing's header
            # "问题发生地" = "村社区"
            # [import.values."办理状态"]  # input value = minqing's value (also 渠道, 满意度, 诉求类型, 解决情况, 等级)
            # "已完成" = "已办结"
            # "已转办" = "办理中"

            """
    }
}
