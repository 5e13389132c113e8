/// One reason a demand is graded as it is (等级依据), as a value; ``text`` renders it once, when the
/// demand is stored.
enum GradeReason: Sendable, Equatable {
    /// 人工定级: the input gave 等级.
    case manual
    /// 人数≥N: a group demand (群体诉求).
    case group(threshold: Int)
    /// 关键词:…: A keywords found in 诉求内容, in order of first occurrence.
    case keywords([String])
    /// 重复诉求: the same person made an earlier demand within the window.
    case repeated(RepeatDetector.Hit)
    /// 表扬 or 咨询: not graded by the rules (B unless 等级 is given).
    case notJudged(DemandType)

    var text: String {
        switch self {
        case .manual: return "人工定级"
        case .group(let threshold): return "人数≥\(threshold)"
        case .keywords(let words): return "关键词:" + words.joined(separator: "、")
        case .repeated(let hit): return "重复诉求:\(hit.days)天前已有\(hit.earlierID)"
        case .notJudged(let type): return "\(type.rawValue)不定级"
        }
    }
}

/// 等级依据 as stored and shown: the reasons' texts joined by `; `, or 一般诉求 when no rule made the
/// demand A. Built from ``GradeReason`` values; a basis read back from the database is kept as its text.
struct GradeBasis: Sendable, Equatable {
    /// The basis of a B demand no rule made A.
    static let ordinary = GradeBasis(text: "一般诉求")

    let text: String

    private init(text: String) { self.text = text }

    /// The basis of `reasons` (一般诉求 when there are none).
    init(_ reasons: [GradeReason]) {
        self.text = reasons.isEmpty ? GradeBasis.ordinary.text : reasons.map(\.text).joined(separator: "; ")
    }

    /// A basis as the database holds it.
    init(stored text: String) { self.text = text }

    /// This basis with `reason` after it.
    func adding(_ reason: GradeReason) -> GradeBasis { GradeBasis(text: text + "; " + reason.text) }
}

/// The grade rules that need only the demand's own row (SPEC §3): a given 等级 wins; otherwise A when
/// 人数 ≥ `groupHeadcount` or 诉求内容 holds an A keyword, else B. (重复诉求 needs the month and its
/// history: ``RepeatRule``.)
struct RowGradeRule: Sendable {
    let groupHeadcount: Int

    /// The grade and its basis for a row with the given 等级 (if any), 人数, A keywords found and
    /// 诉求类型: 表扬 and 咨询 are never graded A by a rule (SPEC §9).
    func grade(given: Grade?, headcount: Int, aKeywords: [String], type: DemandType = .unclassified) -> (Grade, GradeBasis) {
        if let given { return (given, GradeBasis([.manual])) }
        guard type.isScored else { return (.b, GradeBasis([.notJudged(type)])) }
        var reasons: [GradeReason] = []
        if headcount >= groupHeadcount { reasons.append(.group(threshold: groupHeadcount)) }
        if !aKeywords.isEmpty { reasons.append(.keywords(aKeywords)) }
        return (reasons.isEmpty ? .b : .a, GradeBasis(reasons))
    }
}

/// 重复诉求 (SPEC §3): a demand whose person made an earlier demand within the window is A; the repeat
/// is added after an A demand's own reasons and replaces 一般诉求. A given 等级 is never marked (the
/// ingest does not apply the rule to such demands).
enum RepeatRule {
    static func apply(_ hit: RepeatDetector.Hit, grade: Grade, basis: GradeBasis) -> (Grade, GradeBasis) {
        (.a, grade == .a ? basis.adding(.repeated(hit)) : GradeBasis([.repeated(hit)]))
    }
}
