#!/usr/bin/env python3
"""Writes SampleData/2026-10/网上信访-2026-10.csv: the sample half year's planted collective complaint
(SPEC §11 热点诉求, issue 13). Fourteen residents of one estate in 城关镇, 翠湖名苑, complain through
the online petition platform that its developer sells parking spaces only bundled with storage rooms,
each in their own words; the demands fall into different domains (some given, the others left to the
keywords) and reach different units. Thirteen distinct petitioners: the topic is marked
疑似群体性诉求. No earlier month mentions the estate.

    python3 scripts/make_sample_topic.py      # from the repository's root; byte for byte the same file
"""
import csv
import io

HEADER = ["编号", "受理日期", "渠道", "诉求人", "联系电话", "人数", "乡镇", "村社区", "诉求内容", "涉及领域", "等级",
          "主管部门", "办理状态", "办结日期", "满意度"]

# (day, petitioner, phone, village, text, domain given, status, resolved, satisfaction)
ROWS = [
    (3, "顾立新", "13907350112", "西街社区", "翠湖名苑开发商车位只卖不租，还要求捆绑购买储藏间，一套下来二十多万，业主无法接受。", "住房与老旧小区改造", "已办结", "2026-10-15", "不满意"),
    (5, "邱红梅", "13807356631", "西街社区", "投诉翠湖名苑车位捆绑销售：不买储藏室就不卖车位，这种做法是否合法？", "商贸流通", "已办结", "2026-10-20", "基本满意"),
    (6, "邵建国", "15173520945", "西街社区", "翠湖名苑地下车库大半空着，开发商捆绑销售车位，业主只能把车停在路边。", "", "办理中", "", ""),
    (8, "顾立新", "13907350112", "西街社区", "再次反映翠湖名苑车位捆绑储藏室销售的问题，物业说是开发商定的，没人管。", "住房与老旧小区改造", "办理中", "", ""),
    (9, "范晓东", "18673510286", "东门社区", "翠湖名苑小区门口每天晚上路边停满了车，因为地下车位被开发商捆绑销售，业主买不起。", "道路交通", "已办结", "2026-10-23", "满意"),
    (11, "任彩霞", "13974582230", "西街社区", "我是翠湖名苑业主，开发商强制车位与储藏间捆绑出售，价格虚高，请市场监管部门查处。", "食品安全与市场", "办理中", "", ""),
    (12, "贺志强", "15907358817", "西街社区", "翠湖名苑的车位为什么必须和杂物间一起买？单独买车位不行，请相关部门核查。", "", "办理中", "", ""),
    (14, "段丽娟", "13607359974", "西街社区", "翠湖名苑车位捆绑销售，业主多次找开发商协商无果，希望政府出面。", "", "未办理", "", ""),
    (15, "蒋文斌", "13787351203", "西街社区", "翠湖名苑车位只售不租，业主的车停在消防通道上，存在安全隐患。", "市政设施", "办理中", "", ""),
    (17, "龙玉兰", "18973501594", "西街社区", "反映翠湖名苑开发商违规捆绑销售车位和储藏室，侵害业主权益。", "", "办理中", "", ""),
    (19, "彭海涛", "15273536680", "东门社区", "翠湖名苑车位捆绑的事情已经一个月了，还是没有答复，业主意见很大。", "", "未办理", "", ""),
    (21, "汤晓燕", "13397351748", "西街社区", "翠湖名苑开发商说车位不单卖，要连储藏间一起买，我们老人买不起。", "社会救助与养老", "办理中", "", ""),
    (24, "谢建华", "13875503362", "西街社区", "翠湖名苑业主联名反映车位捆绑销售，请住建和市场监管部门联合处理。", "", "未办理", "", ""),
    (27, "钟秀英", "18807352419", "西街社区", "翠湖名苑车位捆绑储藏室销售，开发商还说不买以后就没有车位了。", "", "未办理", "", ""),
]


def main() -> int:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for number, (day, name, phone, village, text, domain, status, resolved, satisfaction) in enumerate(ROWS, start=1):
        writer.writerow([f"WX20261090{number:02d}", f"2026-10-{day:02d}", "网上信访", name, phone, "1", "城关镇", village,
                         text, domain, "", "", status, resolved, satisfaction])
    with open("SampleData/2026-10/网上信访-2026-10.csv", "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    print(f"wrote SampleData/2026-10/网上信访-2026-10.csv ({len(ROWS)} demands)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
