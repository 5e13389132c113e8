/// The commented `minqing.toml` that `minqing init` writes: every setting with its default.
enum ConfigTemplate {
    /// A TOML float: `1.0`, `0.3`.
    private static func number(_ value: Double) -> String {
        let text = Formatting.weight(value)
        return text.contains(".") ? text : text + ".0"
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

            """
    }
}
