#!/usr/bin/env python3
"""Generate a deterministic, realistic month of citizens' demand records (群众诉求) for minqing.

Reads the reference data in a seeds folder (places.csv, units.csv, domains.csv, channels.csv) and
writes one CSV export with the input headers of SPEC §1.  Same arguments give byte-identical output;
rows are streamed, so --rows 1000000 runs in constant memory (earlier exports given with --late-from
or --late-state are read whole, one at a time).

Examples:
  python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows 134 --seed 7 --out demands.csv
  python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows 110 --seed 10 --bad-rows 4 \\
      --encoding utf-8-sig --crlf --late-from 2026-09.csv --late-count 6 --out 2026-10.csv
  # 诉求类型, 解决情况 and 截止日期; late rows of August (2, one still open) and September (7, one
  # open), July's file read for state only; 3 late registrations received in September
  python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows 110 --seed 10 --types --deadlines \\
      --late-state 2026-07.csv --late-from 2026-08.csv --late-from 2026-09.csv \\
      --late-count 2 --late-count 7 --late-open 1 --backfill 3 --backfill-month 2026-09 --out 2026-10.csv

Options beyond the basics:
  --bad-rows N        N extra rows with exactly one problem each, cycling through BAD_KINDS: blank
                      诉求内容, bad 受理日期, status 已转办, bad 人数, duplicate 编号, received after the
                      month, channel 抖音, unknown 村社区 and unknown 主管部门 (the last two are notices
                      in minqing, not rejections); the variants of a kind cycle on each round
  --bad-start K       start that cycle at position K (so several files cover different problems)
  --late-from FILE    an earlier month's export (any encoding/header style this script writes) to take
                      late status changes from: N of its demands that are still open (办理中/未办理)
                      are re-exported at the top of the file (same 编号, 受理日期 and text), as 已办结
                      with a 办结日期 in this month (day 1-20) and a 满意度, or, for --late-open of
                      them, still 办理中 without 办结日期 (so they stay open and go overdue).  May be
                      given several times, one earlier month each
  --late-count N      how many from each --late-from, in the same order (repeat the option:
                      --late-count 2 --late-count 7); the last value serves the remaining files;
                      default 6
  --late-open N       how many of those stay 办理中, in the same order (default 0); 未办理 ones are
                      taken first, so the re-export is a status change minqing records
  --late-state FILE   an earlier export read only for the demands' latest state (no rows taken)

                      Latest state: every --late-from and --late-state file is read, in the order
                      given, which must be oldest first.  A demand belongs to the first file with an
                      accepted row for it; a later file's row with the same 编号 (its late rows)
                      is a newer state of it.  So a demand re-exported as still 办理中 in one month
                      can be resolved by a later month: give that later month every earlier file
                      that carries late rows, e.g. for 2026-10
                        --late-state 2026-07.csv --late-from 2026-08.csv --late-from 2026-09.csv
                      (07's late rows of earlier months and 08's and 09's late rows of 07/08 are
                      all applied; rows are taken from 08 and 09 only).  Rows minqing rejects are
                      skipped; a demand whose latest row has an unknown channel, village or
                      department is never taken.  Memory: the 编号 of every row read and the latest
                      row of each open demand.  The first --late-from file uses the random stream
                      this script always used, so a single --late-from gives the same rows as before.
  --types             the optional columns 诉求类型 (after 渠道) and 解决情况 (after 满意度), SPEC §9:
                      诉求类型 about 求助 38 %, 投诉 29 %, 咨询 11 %, 建议 10 %, 举报 5 %, 表扬 3 %
                      (plain inquiries are 咨询; a 表扬 gets a thank-you text, domain-specific where
                      one fits, and is resolved within two days), sometimes the aliases 求决,
                      意见建议, 感谢, 揭发控告, 4 % blank; 解决情况 for 80 % of the resolved rows with
                      a 满意度 (已解决 / 部分解决 / 未解决, 未解决 mostly with 不满意 or 非常不满意),
                      blank (= 未回访) otherwise
  --deadlines         the optional column 截止日期 (after 受理日期): 受理日期 + 5, 7, 10, 15 or 20
                      days (5 or 7 for joint demands and A-grade situations), 3 % blank
                      (Both draw from random streams of their own: the other columns of a file are
                      the same with or without them, apart from the 表扬 rows.)
  --backfill N        N late registrations (补录) at the top of the file, after the late rows:
                      demands received in --backfill-month YYYY-MM (before --month) that no earlier
                      export had, numbered {--backfill-prefix, default BL}{this month}{NNNN from
                      --backfill-start-id, default 1}, e.g. BL2026100001, so their 编号 is never
                      used elsewhere (two files of one month with backfills need distinct start ids)
  --main-channel C    most rows (85 %) come through channel C, e.g. 说事点 for a register book
  --truth FILE        also write 编号,领域 of the domain each good row was written about (for tests)

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import csv
import datetime as dt
import io
import operator
import os
import random
import string
import sys
from itertools import accumulate

# ---------------------------------------------------------------------------------------------
# Columns

COLUMNS = [  # (Chinese header, English alias) in the order a county platform would export them
    ("编号", "id"),
    ("受理日期", "received"),
    ("渠道", "channel"),
    ("诉求人", "petitioner"),
    ("联系电话", "phone"),
    ("人数", "headcount"),
    ("乡镇", "township"),
    ("村社区", "village"),
    ("诉求内容", "content"),
    ("涉及领域", "domain"),
    ("等级", "grade"),
    ("主管部门", "department"),
    ("办理状态", "status"),
    ("办结日期", "resolved"),
    ("满意度", "satisfaction"),
]
OPTIONAL_COLUMNS = [  # SPEC §9, written only with --types / --deadlines
    ("诉求类型", "type"),
    ("截止日期", "deadline"),
    ("解决情况", "resolution"),
]
CN = [c for c, _ in COLUMNS]
ALL_COLUMNS = COLUMNS + OPTIONAL_COLUMNS
ALL_CN = [c for c, _ in ALL_COLUMNS]  # a row in memory has every column; the writer picks the file's
ALIAS_TO_CN = {e: c for c, e in ALL_COLUMNS}
(C_ID, C_RECEIVED, C_CHANNEL, C_NAME, C_PHONE, C_HEADCOUNT, C_TOWN, C_VILLAGE, C_CONTENT, C_DOMAIN,
 C_GRADE, C_DEPT, C_STATUS, C_RESOLVED, C_SATISFACTION, C_TYPE, C_DEADLINE, C_RESOLUTION) = range(len(ALL_CN))


def output_columns(types: bool, deadlines: bool) -> list[int]:
    """The file's columns (indexes into ALL_COLUMNS) in the order a platform exports them: 诉求类型
    after 渠道, 截止日期 after 受理日期, 解决情况 after 满意度."""
    out = []
    for i in range(len(CN)):
        out.append(i)
        if i == C_RECEIVED and deadlines:
            out.append(C_DEADLINE)
        if i == C_CHANNEL and types:
            out.append(C_TYPE)
        if i == C_SATISFACTION and types:
            out.append(C_RESOLUTION)
    return out

BAD_KINDS = [
    "blank_content",      # 诉求内容 empty
    "bad_date",           # 受理日期 unparseable / impossible
    "unknown_status",     # 办理状态 not in the vocabulary
    "bad_headcount",      # 人数 not a positive integer
    "duplicate_id",       # 编号 of an earlier row
    "after_month",        # 受理日期 after the report month
    "unknown_channel",    # 渠道 not in channels.csv (minqing keeps the row with a notice)
    "unknown_village",    # 村社区 not in places.csv (a notice, not a rejection)
    "unknown_department", # 主管部门 not in units.csv (a notice, not a rejection)
]
BAD_DATES = ["{y}-02-30", "{y}/13/01", "昨天"]
BAD_HEADCOUNTS = ["0", "-1", "1.5", "一百"]
UNKNOWN_VILLAGES = ["九曲村", "牛角冲村", "下湾社区", "梅子坳村"]
UNKNOWN_DEPARTMENTS = ["县旅游发展中心", "县城乡规划委员会", "县文化市场管理站"]

RESOLVED = "已办结"
STATUS_ALIASES = {"已办结": ["办结", "已解决", "已化解"], "办理中": ["处理中"], "未办理": ["待办理"]}
UNRESOLVED_WORDS = {"办理中", "处理中", "in_progress", "未办理", "待办理", "pending", "open"}
SATISFACTION = [("非常满意", 30), ("满意", 38), ("基本满意", 17), ("不满意", 10), ("非常不满意", 5)]

RESOLVED_WORDS = {"已办结", "办结", "已化解", "已解决", "resolved", "closed"}
PENDING_WORDS = {"未办理", "待办理", "pending", "open"}
KNOWN_STATUS_WORDS = RESOLVED_WORDS | {"办理中", "处理中", "in_progress"} | PENDING_WORDS

# 诉求类型 (--types): a plain inquiry sentence is 咨询, a thank-you 表扬, a suggestion 建议; the rest
# draw from these weights (举报 is likelier where people report others: theft, unlicensed shops,
# polluters, illegal building, village accounts).  Overall about 求助 40 %, 投诉 30 %, 咨询 12 %,
# 建议 10 %, 举报 5 %, 表扬 3 %.
TYPE_WEIGHTS = [("求助", 50), ("投诉", 33), ("咨询", 3), ("建议", 11), ("举报", 1), ("表扬", 3.5)]
TYPE_WEIGHTS_REPORTING = [("求助", 26), ("投诉", 40), ("咨询", 2), ("建议", 8), ("举报", 20), ("表扬", 2)]
REPORTING_DOMAINS = {"社会治安", "食品安全与市场", "生态环境", "征地拆迁与规划", "村务管理"}
INQUIRY_WORDS = ("咨询", "想问", "询问", "想了解", "怎么办理")
TYPE_ALIASES = {"求助": ("求决", 0.12), "建议": ("意见建议", 0.25), "表扬": ("感谢", 0.30), "举报": ("揭发控告", 0.10)}
# 解决情况 of a resolved demand after the follow-up call (回访), by 满意度; blank = 未回访
RESOLUTION_BY_SATISFACTION = {
    "非常满意": [("已解决", 97), ("部分解决", 3), ("未解决", 0)],
    "满意": [("已解决", 92), ("部分解决", 7), ("未解决", 1)],
    "基本满意": [("已解决", 55), ("部分解决", 38), ("未解决", 7)],
    "不满意": [("已解决", 10), ("部分解决", 38), ("未解决", 52)],
    "非常不满意": [("已解决", 4), ("部分解决", 20), ("未解决", 76)],
    "": [("已解决", 80), ("部分解决", 17), ("未解决", 3)],
}
# A thank-you (表扬) replaces the row's text: by domain where a sentence fits, else a general one
# (domain 其他).  Only {v} and {cmp} fields, which draw no random numbers.
PRAISE = {
    "供电": ["感谢供电所的师傅冒雨抢修，当天就恢复了供电。", "{v}的变压器换了新的，再也不跳闸了，感谢供电公司。"],
    "供水": ["感谢水务部门连夜抢修水管，第二天一早就恢复了供水。"],
    "道路交通": ["{v}门口的路面修好了，坑洼都补平了，感谢交通部门。"],
    "市政设施": ["{v}附近坏了很久的路灯修好了，晚上出门亮堂多了，谢谢！"],
    "环境卫生": ["现在{v}的垃圾每天都有人清运，感谢环卫工人。"],
    "社会救助与养老": ["家里的低保批下来了，感谢民政部门和{v}的干部帮忙跑手续。"],
    "就业与欠薪": ["被拖欠的工资已经全部拿到了，感谢人社部门帮我们讨薪。"],
    "医疗保险": ["医保报销的钱已经到账了，窗口工作人员很耐心，特此感谢。"],
}
GENERAL_PRAISE = ["感谢{v}的网格员，每次反映的事情都有回音。", "感谢{v}的干部上门帮忙，问题很快就解决了。",
                  "对上次反映问题的办理结果很满意，特此表示感谢。"]
# 截止日期 (--deadlines): 受理日期 + one of these limits (days); urgent rows get the short ones
DEADLINE_DAYS = [(5, 1), (7, 3), (10, 2), (15, 4), (20, 1)]

CHANNEL_WEIGHTS = {
    "12345热线": 30, "来访": 18, "手机APP": 13, "微信公众号": 11, "说事点": 9,
    "民情日记": 7, "网上信访": 6, "来信": 4, "书记信箱": 2,
}

# ---------------------------------------------------------------------------------------------
# Vocabulary for the content.  None of these fillers contains a keyword of any domain
# (checked at start-up against domains.csv).

ROADS = ["人民路", "解放路", "滨江路", "建设路", "文化路", "迎宾大道", "长兴路", "沿江路", "兴隆街",
         "胜利街", "新华路", "朝阳路", "青年路", "东环路", "工业大道", "府前街"]
COMPOUNDS = ["锦绣家园", "江景花园", "桂苑小区", "和平里小区", "翠湖苑", "阳光城", "惠民小区",
             "电厂宿舍", "粮站宿舍", "兴隆小区", "金色家园", "幸福里小区", "滨江华府", "御景湾"]
PRIMARY_SCHOOLS = ["城关小学", "江口中心小学", "实验小学", "新城小学", "白沙中心小学"]
SCHOOLS = ["城关小学", "县第二中学", "江口中心小学", "实验小学", "白沙中学", "新城小学", "县第一中学"]
COMPANIES = ["恒达建筑公司", "宏发鞋业", "鑫源电子厂", "顺达物流", "江岭纺织厂", "隆盛石材厂",
             "远通建材公司", "华兴制衣厂"]
HOSPITALS = ["县人民医院", "县中医院", "市中心医院", "省城的大医院"]
GROUP_SIZES = [5, 6, 8, 10, 12, 15, 20, 23, 30, 46]
MONEY = [1200, 2800, 3500, 4600, 6000, 8500, 12000, 18000, 26000, 43000]
FACTORIES = ["鑫源电子厂", "江岭纺织厂", "隆盛石材厂", "华兴制衣厂", "永固水泥厂"]

# Per domain: weights for rural villages (村) and urban communities (社区), the main sentences and
# generic follow-ups.  A main sentence is written as
#     [*|?][R|U|]main >> follow-up >> !A-grade follow-up ...
# "*" marks a problem many households share (it may come as a joint demand, 联名), "?" a plain
# inquiry (咨询: no closing plea, no "再次反映" opener); "R|" is used
# for villages only and "U|" for communities only; follow-ups after ">>" belong to that sentence,
# and a follow-up starting with "!" describes an A-grade situation (safety hazard, fire, ...).
TEMPLATES = {
    "供水": dict(rural=8, urban=9, main=[
        "*{loc}已经停水{days}天了，一直没有通知什么时候恢复。>>家里老人做饭洗衣都成了问题。>>停水前没有任何通知，也没人解释原因。",
        "*U|{loc}自来水水压太低，楼上几户白天基本接不到水。>>只有半夜才来水，只能用桶接。",
        "*{loc}的自来水发黄浑浊，烧开后还有沉淀，担心水质不达标。>>家里有小孩，现在只敢买桶装水。",
        "U|{road}边上的水管破了，水流了一整天也没人来修。>>工作人员每次都说\"马上就修\"，结果一拖再拖。>>!爆管的地方地基已经被冲空，存在安全隐患。",
        "R|{v}{grp}组的水管破了，水流了一整天也没人来修。>>工作人员每次都说\"马上就修\"，结果一拖再拖。",
        "*R|{v}还有{n}个村民小组没有通自来水，吃水难一直没解决。>>村民还在挑井水，天一旱井也干了。",
        "家里水表走得特别快，这个月水费比平时多了一倍多。>>请派人来检查一下水表。",
        "*{loc}供水管网老化，隔三岔五就爆管停水。>>希望尽快改造老化的管网。>>!爆管的地方地基已经被冲空，存在安全隐患。",
        "*R|夏天用水高峰{loc}水压不够，连饮水都成问题。>>村民还在挑井水，天一旱井也干了。",
    ], detail=["附近几户都是这个情况。", "这个问题已经拖了很久了。"]),
    "道路交通": dict(rural=9, urban=7, main=[
        "*U|{road}路面坑洼不平，下雨天坑里全是泥水，车子经常托底。>>电动车骑过去差点摔倒。",
        "*R|{v}到镇上的通村路年久失修，坑洼很多，出行很不方便。>>希望尽快安排修路。>>!路边的挡土墙出现坍塌，过往车辆有安全隐患。",
        "*U|{road}和{road2}交叉口没有红绿灯，早晚经常堵车。>>!上个月这里就出过一次事故，严重威胁过往群众人身安全。",
        "*R|去县城的班车一天只有两趟，而且经常不按时发车。>>老人去县城看病很不方便。",
        "*R|拉石料的货车严重超载，把{v}的公路都压坏了。>>!大车经过时路面都在抖，存在安全隐患。",
        "*R|{v}{grp}组有一段断头路，修了一半就停工了，什么时候能修通？",
        "*R|{v}路口经常有货车超速，村民过马路提心吊胆。>>!上个月这里就出过一次事故，严重威胁过往群众人身安全。",
        "*U|{cmp}附近没有公交站，老人出门很不方便。",
        "*U|{road}上经常有车辆超速，晚上还有人飙车。>>!已经撞伤过行人，严重威胁人身安全。",
        "*U|{cmp}门口长期乱停车，把路都堵死了。>>救护车和消防车都开不进来。",
        "客运站旁边的私家车非法拉客，扰乱客运秩序。",
    ], detail=["小孩每天都要走这段路，家长很担心。", "附近群众每天都要经过这里。"]),
    "住房与老旧小区改造": dict(rural=3, urban=10, main=[
        "*U|{cmp}是老旧小区，楼道破旧、管线乱拉，希望纳入改造计划。>>!楼道里的管线乱拉乱接，存在安全隐患。",
        "U|{cmp}{n}栋楼顶漏雨，家里墙面都发霉了，物业一直推脱。>>物业说要等维修基金，不知道要等到什么时候。",
        "*U|{cmp}外墙脱落，砖块掉下来差点砸到人。>>!楼下就是小孩玩的地方，存在严重安全隐患。",
        "*U|买的商品房开发商一直拖着不交房，已经逾期{n}个月。>>每个月还着房贷，还得在外面租房住。",
        "?U|申请公租房{n}年了还没轮到，想问一下进度。",
        "*U|{cmp}物业服务差，收了物业费却什么都不管。>>物业回复\"这不归我们管\"，让我们自己想办法。",
        "U|{cmp}{n}栋想加装电梯，低楼层住户不同意，希望社区协调。",
        "R|{v}{grp}组有村民住的还是土坯房，墙体开裂，想申请危房改造。>>!房子已经是危房，一到下雨天就担心坍塌。",
        "U|新房住进去不到两年，卫生间渗水到楼下，房屋质量有问题。>>开发商一直推给施工方。",
        "*U|{cmp}燃气管道老化，希望尽快更换。>>!楼道里经常闻到燃气味，担心燃气泄漏。",
    ], detail=["住户们多次反映都没有结果。"]),
    "就学教育": dict(rural=6, urban=7, main=[
        "?孩子今年要上小学，户口和房产不在一起，不知道能不能在{pschool}入学。>>报名截止时间快到了。",
        "*U|{school}学位紧张，孩子被分到很远的学校。>>每天接送要一个多小时。",
        "?想给孩子办转学，学校说要等学籍系统开放。",
        "*R|{v}的孩子上学要走{n}公里山路，希望开通校车。>>!路上要经过一段没有围挡的水塘，担心孩子溺水。",
        "*R|{v}的村小撤并后，孩子上学只能到镇上寄宿。>>孩子才七八岁，家长很不放心。",
        "*{school}有老师在校外办补课班，变相收费。>>不去上的学生在班上就被冷落。",
        "U|私立幼儿园收费太高，公办幼儿园又进不去。",
        "*{school}营养餐的分量越来越少，学生反映吃不饱。",
        "*{school}的教学楼年久失修，学生上课提心吊胆。>>!教学楼后面的挡土墙开裂，存在坍塌的安全隐患。",
        "学校要求统一购买资料，学费之外还要交很多钱。",
    ], detail=["孩子回家说好几个同学都有这个情况。", "家长们意见很大，希望学校给个明确答复。"]),
    "就业与欠薪": dict(rural=8, urban=8, main=[
        "*在{co}干了{n}个月，工资一直拖欠不发，一共{money}元。>>找过老板好几次，都说再等等。>>老板说\"钱还没到账，等着吧\"，已经说了半年。",
        "*跟着包工头在{road}的工地干活，工程完工了工钱还没结。>>年关快到了，大家都等着这笔钱过年。>>!包工头欠薪后人已经失联，工友们情绪激动，担心出事。",
        "公司不签劳动合同，也不给交社保。>>问起来就说\"不想干可以走\"。",
        "*我们{hh}个农民工被拖欠工资，老板电话打不通。>>!老板欠薪后人已经失联，工友们情绪激动，担心出事。",
        "{co}突然把我辞退了，没有任何补偿。>>在厂里干了{n}年，连个说法都没有。",
        "?想咨询灵活就业人员怎么续交养老保险。",
        "R|{v}有不少人想在家门口务工，希望多组织招工信息。",
        "*经常加班到晚上十点，加班费一分没有。>>找过老板好几次，都说再等等。",
        "?失业了想领失业金，不知道去哪里办。",
    ], detail=[]),
    "医疗保险": dict(rural=5, urban=5, main=[
        "在{hosp}住院花了{money}元，医保报销比例太低。>>医院说要回参保地报销。",
        "去年在外地住院的票据，回来报销时说异地就医没有备案。>>跑了好几趟医保窗口都没办成。",
        "?家里老人有慢性病，门诊买药能不能报销？",
        "今年的医保缴费档次涨了，家里几口人交不起。",
        "孩子得了大病，医药费花了十几万，大病保险什么时候能报？>>家里已经借遍了亲戚。",
        "医保卡不知道被谁刷走了几百元。",
        "?在外地打工期间断了参保，现在想补缴。",
        "R|新农合改成居民医保后起付线提高了，看病更贵了。",
    ], detail=["希望简化手续。"]),
    "环境卫生": dict(rural=8, urban=9, main=[
        "*{loc}的垃圾好几天没人清运，臭气熏天。>>希望增加垃圾清运的次数。>>天热以后味道更大了。",
        "*U|{road}两边流动摊贩占道经营，垃圾乱扔。>>早晚人多的时候走都走不过去。",
        "*R|{v}{grp}组没有保洁员，卫生死角很多。",
        "*R|{v}河边堆满了生活垃圾，一直没人清运。>>!垃圾堆旁边就是柴草堆，上次有人烧垃圾差点引发火灾。",
        "*U|{cmp}门口的公共厕所又脏又臭，长期没人打扫。",
        "*R|村里的旱厕还没改造，夏天蚊蝇很多。",
        "*R|{loc}有一条臭水沟，污水横流，环境卫生很差。>>天热以后味道更大了。",
        "*U|{cmp}旁边有一条臭水沟，污水横流，环境卫生很差。>>天热以后味道更大了。",
        "*U|{road}菜场周边脏乱差，建筑垃圾堆成了山。",
        "*U|有人在{loc}乱搭乱建，占了公共通道。",
    ], detail=[]),
    "食品安全与市场": dict(rural=4, urban=6, main=[
        "在{road}一家超市买的牛奶已经过期了，商家不给退。>>购物小票还留着。",
        "{road}一家餐馆后厨很脏，饭菜里吃出了虫子。>>!一家人吃完后上吐下泻，怀疑是食物中毒。",
        "在{road}的一家饭店吃了饭，回家就肚子疼。>>!同去的几个人都上吐下泻，怀疑是食物中毒。",
        "{loc}有个小作坊做豆腐，环境脏乱，也没有证照。",
        "*农贸市场的肉摊缺斤短两，一斤肉少了二两。",
        "*菜市场里有人卖来路不明的猪肉，希望严查。",
        "{road}上有家饭店无证经营，一直没人管。",
        "网上买的保健食品是假货，商家不退款。",
        "{loc}的小卖部卖三无食品给小孩。",
        "给孩子买的零食疑似添加剂超标，吃了以后起疹子。",
        "{road}一家店铺价格欺诈，标价和结账不一样。",
    ], detail=["希望派人来查一查。", "这家店已经被投诉过好几次了。"]),
    "农田水利": dict(rural=7, urban=0, main=[
        "*R|{v}{grp}组的水渠年久失修，漏水严重，灌溉用水放不过来。>>希望纳入小型农田水利工程。",
        "*R|今年干旱，{v}的山塘都见底了，田里的稻子缺水。>>靠天吃饭的日子太难了。",
        "*R|{v}的泵站坏了好几个月，抽水机也抽不上水。",
        "*R|沟渠被淤泥堵死了，农田一下大雨就被淹。>>村里已经自发组织过清淤。",
        "*R|{v}的河堤有一段被冲垮了，防汛季节很担心。>>!河堤下面就是住户，汛期有坍塌危险。",
        "*R|{v}的堰塘淤积严重，希望清淤扩容。>>!塘坝出现了裂缝，汛期有坍塌危险。",
        "*R|{v}{grp}组地势低洼，排涝设施不足，一下雨就淹。",
        "*R|水库放水的时间安排不合理，下游几个组的灌溉赶不上。>>!水库边没有警示牌，夏天常有小孩下水游泳，担心溺水。",
    ], detail=[]),
    "社会治安": dict(rural=5, urban=6, main=[
        "*{loc}最近接连有人家被盗，晚上都不敢出门。>>希望派出所加强夜间巡逻。",
        "*R|{v}{grp}组最近接连有人偷盗鸡鸭和农具。",
        "*U|{road}有几家店晚上聚众赌博，吵得人睡不着。",
        "家里老人接到诈骗电话，被骗走了{money}元。>>钱是老人攒了多年的积蓄。",
        "{loc}有人醉酒闹事，还砸坏了别人的车。>>!对方多次上门威胁，已经严重危及人身安全。",
        "*U|{road}夜宵摊经常有人打架斗殴，派出所来了又走。>>!前几天还有人动了刀，严重威胁人身安全。",
        "*{v}有人在搞传销，拉了好多亲戚去外地。",
        "U|电动车在{cmp}楼下被盗，报警后一直没有消息。",
        "*{loc}治安不好，路口的监控坏了也没人修。",
    ], detail=["周边居民都很担心。"]),
    "宅基地与邻里纠纷": dict(rural=9, urban=2, main=[
        "R|邻居建新房占了我家宅基地，多次协商没有结果。>>村里调解过两次，对方不认账。",
        "R|和邻居因为地界问题闹了好几年，希望村里重新丈量。",
        "R|邻居家屋檐滴水落到我家院子里，说了也不改。",
        "*R|{v}{grp}组有户人家在路口砌墙堵路，我们进出都要绕路。>>!双方多次发生冲突，已经危及人身安全。",
        "R|兄弟之间因为老宅基地分割产生纠纷，请求调解。",
        "R|邻居修围墙越过了界址，占了我家两米多。>>村里调解过两次，对方不认账。",
        "R|两家因为祖坟位置的事吵架，快要动手了。>>!对方扬言要动手，已经危及人身安全。",
        "R|邻居占地种菜，把我家的田界都挖掉了。",
        "U|楼上邻居家漏水把我家天花板泡坏了，邻居不肯赔。",
        "U|邻居在公共过道堆放杂物，说了几次还吵架。",
    ], detail=["请派人来现场看一下。", "希望依法处理，还我们一个公道。"]),
    "供电": dict(rural=7, urban=5, main=[
        "*{loc}这个月已经停电{n}次了，冰箱里的东西都坏了。>>天这么热，老人孩子受不了。",
        "*R|{v}电压太低，晚上灯都是暗的，空调开不起来。",
        "*{loc}的电线杆倾斜，电线挂得很低。>>!裸露的电线离地面不到两米，有安全隐患。",
        "家里电表显示的用电量明显不对，电费比往年高很多。",
        "*R|{v}的变压器容量不够，一到用电高峰就跳闸。>>天这么热，老人孩子受不了。",
        "*U|{cmp}线路老化，经常断电。>>!下雨天电线接头冒火花，担心漏电伤人。",
        "没有提前通知就停电，耽误了做生意。",
        "*R|{v}{grp}组想装动力电，申请了好几个月供电所还没来。",
    ], detail=["希望尽快派人检修。"]),
    "市政设施": dict(rural=1, urban=8, main=[
        "*U|{road}的路灯坏了半个月，晚上一片漆黑。>>晚上老人出门散步很不方便。",
        "*R|{v}主路上的路灯坏了半个月，晚上一片漆黑。",
        "*U|{road}有个井盖破损，已经有人踩空受伤。>>!窨井盖缺失，晚上路过很容易掉下去，存在安全隐患。",
        "*U|{cmp}门口的下水道堵了，污水漫到路上。",
        "*U|一下雨{road}就积水，排水沟根本排不过来。",
        "*U|{road}的人行道地砖松动，走上去溅一身泥。",
        "U|{road}的绿化带被人毁了种菜，希望恢复。",
        "U|{road}的护栏被撞坏了一直没修。",
        "*U|{cmp}附近没有停车场，车子只能停在路边。",
        "U|{road}旁边公园里的健身器材坏了好久。",
    ], detail=["附近商户也反映过。"]),
    "生态环境": dict(rural=6, urban=5, main=[
        "*R|{loc}附近的养殖场粪水直排，臭味很大。",
        "*U|{cmp}楼下的小饭馆排风机噪音很大，半夜还在响。",
        "*R|{v}旁边的化工厂晚上偷偷排污，河水都变色了。>>!厂里堆放的化学原料没有防护，担心引发火灾。",
        "*U|{road}的工地夜间施工，噪音大到睡不着。",
        "U|楼下烧烤店油烟直排，家里窗户都不敢开。",
        "*R|{v}有人焚烧秸秆和废塑料，浓烟呛人。",
        "*R|{loc}的石料厂粉尘很大，庄稼上都是一层灰。",
        "*R|{v}后山的矿山开采扬尘严重，还有废水流进河里。>>!开采的地方已经出现山体坍塌，存在安全隐患。",
        "*{fac}的烟囱经常冒黑烟，有一股刺鼻的异味。",
    ], detail=["希望环保部门来检测一下。", "附近居民很多人咳嗽。", "这种情况已经持续好几年了。"]),
    "社会救助与养老": dict(rural=6, urban=5, main=[
        "家里老人瘫痪在床，申请低保{n}个月了还没批下来。>>资料已经交上去两个月了。>>说是名额已经满了。",
        "{v}有位孤寡老人，生活没人照顾，希望纳入特困供养。",
        "?孩子是残疾人，想问一下残疾人补贴怎么申请。",
        "家里突发变故，想申请临时救助。>>家里还有两个孩子要养。",
        "?想把父亲送到敬老院，不知道要什么条件。",
        "U|民办养老院收费太高，希望多建公办养老院。",
        "老人满八十岁了，高龄补贴一直没有发放。",
        "R|{v}有个留守儿童父母都在外地，跟着奶奶生活很困难。",
        "?R|想了解一下五保户要符合什么条件。",
    ], detail=["希望民政部门关心一下。"]),
    "征地拆迁与规划": dict(rural=5, urban=4, main=[
        "*R|{v}修建工业园征地的补偿款至今没有发到位。>>已经递交了书面材料。",
        "*U|{road}片区拆迁的安置房迟迟不交付。>>在外面租房已经三年了。",
        "R|申请农村建房审批三个月了还没批下来，程序太繁琐。",
        "{loc}有人私自搭建违章建筑，占了公共空地。",
        "老房子的不动产证一直办不下来。",
        "*R|{v}的土地确权面积和实际不符。",
        "*R|有人在{v}的耕地上乱建厂房，破坏耕地。",
        "R|{v}的林地被人私自砍伐改种。",
        "*U|{road}的规划调整没有公示，周边居民不知情。",
        "拆迁时房屋面积认定有误，补偿款少算了。>>已经递交了书面材料。",
    ], detail=["希望给个说法。", "周边好几户都有同样的问题。"]),
    "商贸流通": dict(rural=1, urban=4, main=[
        "*在{road}的健身房办卡充了{money}元，没多久就关门跑路了。>>和我一样办卡的有几十个人。>>商家电话已经打不通。",
        "理发店办卡时说可以随时退卡，现在却不给退。",
        "{road}的商场促销时标的原价是虚的。",
        "在加油站加的油感觉不足量。",
        "快递经常不送上门，放在驿站还要另外收费。",
        "团购的套餐到店里却说不能用。",
        "买二手车被隐瞒了事故记录。",
        "*孩子培训机构的预付卡里还有{money}元，机构突然停课。>>商家电话已经打不通。",
        "会员卡里的余额被商家单方面清零。",
    ], detail=["希望有人管一管。"]),
    "农业生产": dict(rural=5, urban=0, main=[
        "*R|今年的种粮补贴一直没有打到卡上。",
        "*R|买的种子出苗率很低，怀疑是假种子。>>附近几户都是这个情况。",
        "*R|{v}的水稻发生病虫害，希望农技人员来指导。>>希望派人下来看看。",
        "R|农资店卖的化肥效果很差，庄稼都黄了。",
        "R|农药打了没效果，虫子越来越多。",
        "R|申请的农机购置补贴还没到账。",
        "*R|{v}的土地流转租金拖了一年没给。",
        "*R|惠农补贴的发放名单有疑问，不符合条件的人也领了。",
        "?R|秧苗被冻死了一大片，想问有没有补助。",
    ], detail=[]),
    "村务管理": dict(rural=4, urban=0, main=[
        "*R|{v}的村务公开栏半年没有更新了。",
        "*R|村里集体资产出租的收入去向不明，希望财务公开。",
        "*R|{v}集体经济的分红方案不合理，群众有意见。",
        "*R|一事一议修的路，村民出了钱，账目却不公开。",
        "*R|{v}换届选举中有拉票的情况。",
        "*R|村账管理混乱，{money}元的支出没有明细。",
        "R|公益岗人选不公平，有劳动能力的人占着岗位。",
        "R|村规民约里有条款不合理，希望修改。",
    ], detail=["希望镇里派人核查。", "很多村民都有同样的疑问。"]),
}

# When a row names a 主管部门 itself, it is the domain's own department or one of these
# (a demand handed to a neighbouring body, e.g. wage arrears on a building site to 住建).
RELATED_UNITS = {
    "供水": ["县水务局"],
    "道路交通": ["县公安局", "县城市建设投资有限公司"],
    "住房与老旧小区改造": ["县城市建设投资有限公司", "县应急管理局"],
    "就学教育": ["县市场监督管理局"],
    "就业与欠薪": ["县住房和城乡建设局"],
    "医疗保险": ["县卫生健康局"],
    "环境卫生": ["县城市建设投资有限公司", "县农业农村局"],
    "食品安全与市场": ["县卫生健康局", "县商务局"],
    "农田水利": ["县农业农村局"],
    "社会治安": ["县信访局"],
    "宅基地与邻里纠纷": ["县自然资源和规划局", "县公安局"],
    "供电": ["县应急管理局"],
    "市政设施": ["县城市管理局"],
    "生态环境": ["县农业农村局", "县应急管理局"],
    "社会救助与养老": ["县卫生健康局", "县退役军人事务局"],
    "征地拆迁与规划": ["县住房和城乡建设局"],
    "商贸流通": ["县市场监督管理局"],
    "农业生产": ["县市场监督管理局"],
    "村务管理": ["县农业农村局", "县民政局"],
    "其他": ["县信访局", "县公安局", "县退役军人事务局"],
}

OTHER = [  # no keyword of any domain: classified 其他
    "咨询退役军人优待证怎么办理。",
    "建议在{v}建一个篮球场，方便年轻人锻炼。",
    "U|{cmp}的广场舞音响声音太大，晚上十点多还没停。",
    "身份证丢了，想问补办要带什么材料。",
    "对窗口工作人员的服务态度有意见，办个事跑了三趟。",
    "建议图书馆周末延长开放时间。",
    "想了解结婚登记需要准备哪些材料。",
    "{v}的手机信号很差，打电话经常断线。",
    "家里的户口迁移手续怎么办理？",
    "U|建议在{road}增设一个便民服务点。",
    "R|感谢{v}的驻村干部帮忙解决了问题。",
    "询问驾驶证到期换证的流程。",
    "R|{v}的村民想学电商直播卖土特产，希望组织培训。",
]

CLOSERS = [  # any demand
    "希望有关部门尽快处理。",
    "已经反映过好几次，一直没人管。",
    "麻烦给个明确答复。",
    "希望能早日解决。",
    "不要每次都说\"正在协调\"。",
    "请相关单位抓紧落实。",
    "盼早日回复。",
    "希望尽快给个答复。",
]
PUBLIC_CLOSERS = [  # a problem of a place, not of one person
    "请尽快派人来现场看看。",
    "周边群众意见很大。",
]
PUBLIC_DOMAINS = {"供水", "道路交通", "住房与老旧小区改造", "环境卫生", "农田水利", "社会治安", "供电",
                  "市政设施", "生态环境", "征地拆迁与规划", "村务管理"}
REPEAT_OPENERS = ["再次反映：", "上次反映的问题还没解决，", "第二次反映了，", "又来反映："]
JOINT_OPENERS = ["R|{v}{grp}组{hh}户村民联名反映：", "R|我们{hh}户村民联名反映，",
                 "U|{cmp}{hh}户居民联名反映：", "U|我们{hh}户居民联名反映，"]
JOINT_OPENERS_BY_DOMAIN = {
    "就业与欠薪": ["我们{hh}名工友联名反映：", "{hh}名务工人员一起来反映："],
    "就学教育": ["我们{hh}名家长联名反映：", "{school}的{hh}名学生家长联名反映，"],
    "商贸流通": ["我们{hh}名消费者联名反映："],
}
SECOND_CONCERN = "另外，"

# ---------------------------------------------------------------------------------------------
# People (fictional: random combinations of common surnames and given names)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
            "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
            "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛"]
GIVEN_TWO = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "红梅", "文军", "玉兰", "德福", "春生",
             "国庆", "晓东", "云飞", "金花", "宏亮", "淑珍", "永安", "桂香", "子涵", "雨欣", "浩然",
             "俊杰", "思远", "佳怡", "秋菊", "冬生", "明华", "小平", "卫东", "爱华", "新民", "翠兰",
             "凤英", "长青", "水生", "满仓", "红英", "志刚", "建华", "丽华", "玉梅", "家豪", "梓萱",
             "保国", "来福", "春花", "桂芳", "金凤", "德胜", "世明", "立新", "少华", "文静", "晓燕"]
GIVEN_ONE = list("伟强芳敏静磊洋艳勇杰娜涛超霞平刚军兵斌鹏辉琴燕林波峰萍英华")
DOT_NAMES = ["阿依古丽·买买提", "艾力·吐尔逊", "扎西·多吉", "热依拉·艾买提"]
PHONE_PREFIXES = ["138", "139", "137", "135", "136", "150", "151", "152", "158", "159", "182",
                  "187", "188", "130", "131", "132", "155", "156", "186", "133", "153", "180",
                  "189", "199", "177"]

# ---------------------------------------------------------------------------------------------


# --planted-share: three collective complaints around one name each (SPEC §11 热点诉求), written in
# different words, replacing the text of that share of the rows (the rows keep their other columns, so
# their domains differ). The benchmark plants them so the topic stage has topics to size.
PLANTED_TOPICS = [
    ["翠湖名苑开发商车位只卖不租，还要求捆绑购买储藏间。", "投诉翠湖名苑车位捆绑销售，业主无法接受。",
     "翠湖名苑地下车库空着，开发商捆绑销售车位，车只能停路边。", "翠湖名苑车位必须和杂物间一起买，请相关部门核查。"],
    ["107国道大货车超载超速，路面压坏了。", "107国道晚上大货车太多，噪音大，影响休息。",
     "107国道上的大货车撒漏砂石，骑车很危险。", "建议在107国道加装限速设施，大货车开得太快。"],
    ["恒泰建材厂拖欠我们三个月工资，老板联系不上。", "恒泰建材厂的粉尘太大，附近庄稼都是灰。",
     "恒泰建材厂半夜还在生产，噪音扰民。", "反映恒泰建材厂工人工资被拖欠的问题，请劳动监察介入。"],
]


def die(msg: str) -> None:
    print(f"gen_demands: {msg}", file=sys.stderr)
    sys.exit(2)


def read_csv(path: str) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")
        return []


class Seeds:
    def __init__(self, folder: str):
        self.places = read_csv(os.path.join(folder, "places.csv"))
        self.units = read_csv(os.path.join(folder, "units.csv"))
        self.domains = read_csv(os.path.join(folder, "domains.csv"))
        self.channels = read_csv(os.path.join(folder, "channels.csv"))
        self.village_town = {p["村社区"]: p["乡镇"] for p in self.places}
        self.towns = list(dict.fromkeys(p["乡镇"] for p in self.places))
        self.unit_names = [u["单位"] for u in self.units]
        self.county_units = [u["单位"] for u in self.units if u["类型"] in ("县直部门", "国有企业")]
        self.domain_names = [d["领域"] for d in self.domains]
        self.department = {d["领域"]: d["主管部门"] for d in self.domains}
        self.keywords = {d["领域"]: [k for k in d["关键词"].split("|") if k] for d in self.domains}
        self.channel_aliases = {c["渠道"]: [a for a in c["别名"].split("|") if a] for c in self.channels}
        self.channel_words = set(self.channel_aliases) | {a for v in self.channel_aliases.values() for a in v}

    def hits(self, text: str) -> dict[str, int]:
        return {d: sum(text.count(k) for k in ks) for d, ks in self.keywords.items()}


class Weighted:
    """Fast weighted choice with a fixed table."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


FORMATTER = string.Formatter()


class Template:
    __slots__ = ("text", "fields", "follow", "danger", "group", "inquiry")

    def __init__(self, text: str, follow=(), danger=(), group=False, inquiry=False):
        self.text = text
        self.fields = tuple(sorted({name for _, name, _, _ in FORMATTER.parse(text) if name}))
        self.follow = [Template(t) for t in follow]
        self.danger = [Template(t) for t in danger]
        self.group = group
        self.inquiry = inquiry


def parse_sentence(raw: str) -> tuple[str, Template]:
    """'[*][R|U|]main >> follow >> !danger' -> (tag, Template)."""
    group, inquiry = raw.startswith("*"), raw.startswith("?")
    if group or inquiry:
        raw = raw[1:]
    tag = ""
    if raw[:2] in ("R|", "U|"):
        tag, raw = raw[0], raw[2:]
    main, *rest = [x.strip() for x in raw.split(">>")]
    follow = [x for x in rest if not x.startswith("!")]
    danger = [x[1:] for x in rest if x.startswith("!")]
    return tag, Template(main, follow, danger, group, inquiry)


def split_tagged(sentences: list[str]) -> dict[bool, list[Template]]:
    """{urban?: templates}: R| sentences serve villages only, U| sentences communities only."""
    out: dict[bool, list[Template]] = {False: [], True: []}
    for raw in sentences:
        tag, t = parse_sentence(raw)
        for urban in (False, True):
            if tag == "" or (tag == "U") == urban:
                out[urban].append(t)
    return out


class Generator:
    def __init__(self, args, seeds: Seeds):
        self.a = args
        self.s = seeds
        self.rng = random.Random(args.seed)
        # --planted-share: a stream of its own, so the other columns are the same with or without it
        self.planted_rng = random.Random(args.seed * 7919 + 17)
        y, m = args.month
        self.year, self.month = y, m
        self.ndays = calendar.monthrange(y, m)[1]
        self.month_start = dt.date(y, m, 1)
        self.month_end = dt.date(y, m, self.ndays)
        self.resolve_limit = self.month_end + dt.timedelta(days=10)
        self.days = [dt.date(y, m, 1) + dt.timedelta(days=k) for k in range(self.ndays + 40)]
        self.date_cache: dict = {}

        missing = [d for d in TEMPLATES if d not in seeds.keywords]
        if missing:
            print("gen_demands: warning: domains.csv lacks domains the content is written for "
                  f"(their rows will come out as 其他): {', '.join(missing)}", file=sys.stderr)
        self.domains = [d for d in seeds.domain_names if d in TEMPLATES]
        if not self.domains:
            die("domains.csv has none of the domains the content templates are written for")
        self.villages = [p["村社区"] for p in seeds.places]
        self.rural = [v for v in self.villages if not v.endswith("社区")] or self.villages
        self.urban = [v for v in self.villages if v.endswith("社区")] or self.villages
        self.tpl = {}
        for d in self.domains:
            main = split_tagged(TEMPLATES[d]["main"])
            self.tpl[d] = {
                "main": main,
                "group": {u: [t for t in main[u] if t.group] for u in (False, True)},
                "detail": [Template(t) for t in TEMPLATES[d]["detail"]],
                "joint": [Template(t) for t in JOINT_OPENERS_BY_DOMAIN.get(d, [])],
            }
        self.other = split_tagged(OTHER)
        self.closers = [Template(t) for t in CLOSERS]
        self.public_closers = [Template(t) for t in CLOSERS + PUBLIC_CLOSERS]
        self.repeat_openers = [Template(t) for t in REPEAT_OPENERS]
        self.joint = split_tagged(JOINT_OPENERS)
        self.dom_pick = {
            False: Weighted(self.domains, [TEMPLATES[d]["rural"] for d in self.domains]),
            True: Weighted(self.domains, [max(TEMPLATES[d]["urban"], 0) for d in self.domains]),
        }
        chans = [c for c in CHANNEL_WEIGHTS if c in seeds.channel_aliases]
        chans += [c for c in seeds.channel_aliases if c not in CHANNEL_WEIGHTS]
        self.chan_pick = Weighted(chans, [CHANNEL_WEIGHTS.get(c, 3) for c in chans])
        if args.main_channel and args.main_channel not in seeds.channel_aliases:
            die(f"--main-channel {args.main_channel!r} is not a channel in channels.csv")
        # Chinese exports write Chinese aliases (热线, 公众号); English ones may write visit, hotline
        self.aliases = {c: [x for x in al if args.english_headers or not x.isascii() or x.isdigit() or x.isupper()]
                        for c, al in seeds.channel_aliases.items()}
        self.related = {}
        for d in self.domains + ["其他"]:
            own = [seeds.department.get(d, "")] if seeds.department.get(d) else []
            rel = [u for u in RELATED_UNITS.get(d, []) if u in seeds.unit_names]
            self.related[d] = (own + rel) or seeds.county_units
        self.sat_pick = Weighted([s for s, _ in SATISFACTION], [w for _, w in SATISFACTION])
        self.surname_pick = Weighted(list(SURNAMES), [max(1, 40 - i // 3) for i in range(len(SURNAMES))])
        self.repeat_pool: list[tuple[str, str, str, str]] = []  # (name, phone, village, domain)
        # The optional columns draw from random streams of their own, so the other columns of a file
        # are the same with or without --types / --deadlines.
        self.types = bool(getattr(args, "types", False))
        self.deadlines = bool(getattr(args, "deadlines", False))
        # Days after the month's end the export was made (None: not given): a demand resolved later
        # is exported as 办理中. Without it, 办结日期 run up to 10 days past the month (older files).
        self.export_lag = getattr(args, "export_lag", None)
        self.trng = random.Random(f"types-{args.seed}")
        self.drng = random.Random(f"deadlines-{args.seed}")
        self.type_pick = {False: Weighted([t for t, _ in TYPE_WEIGHTS], [w for _, w in TYPE_WEIGHTS]),
                          True: Weighted([t for t, _ in TYPE_WEIGHTS_REPORTING], [w for _, w in TYPE_WEIGHTS_REPORTING])}
        self.resolution_pick = {s: Weighted([r for r, _ in ws], [w for _, w in ws])
                                for s, ws in RESOLUTION_BY_SATISFACTION.items()}
        self.deadline_pick = Weighted([d for d, _ in DEADLINE_DAYS], [w for _, w in DEADLINE_DAYS])
        self.praise = {d: [Template(t) for t in PRAISE[d]] for d in PRAISE if d in self.tpl}
        self.general_praise = [Template(t) for t in GENERAL_PRAISE]
        self.last_main: Template | None = None  # the main sentence content() chose last
        self.check_vocabulary()

    # -- sanity: fillers and neutral sentences must not carry keywords --------------------------
    def check_vocabulary(self):
        """Warn when a filler or neutral sentence carries a keyword, when a domain's sentence carries
        another domain's keyword, or when a main sentence has none of its own domain's."""
        def warn(text, why):
            print(f"gen_demands: warning: {text!r} {why}", file=sys.stderr)
        neutral = (ROADS + COMPOUNDS + SCHOOLS + PRIMARY_SCHOOLS + COMPANIES + HOSPITALS + FACTORIES + CLOSERS
                   + PUBLIC_CLOSERS + REPEAT_OPENERS + [SECOND_CONCERN] + self.villages + self.s.towns
                   + [t.text for u in (False, True) for t in self.other[u]]
                   + [t.text for u in (False, True) for t in self.joint[u]] + GENERAL_PRAISE)
        for text in neutral:
            for d, n in self.s.hits(text).items():
                if n:
                    warn(text, f"contains a keyword of {d}")
        for d, t in self.tpl.items():
            sentences = [x for u in (False, True) for m in t["main"][u] for x in [m] + m.follow + m.danger]
            sentences += t["detail"] + t["joint"] + self.praise.get(d, [])
            for x in sentences:
                for d2, n in self.s.hits(x.text).items():
                    if n and d2 != d:
                        warn(x.text, f"({d}) contains a keyword of {d2}")
            for u in (False, True):
                for m in t["main"][u]:
                    if not self.s.hits(m.text)[d]:
                        warn(m.text, f"has no keyword of {d}")

    # -- small pieces -----------------------------------------------------------------------------
    # (choices use rng.random() directly: deterministic, and several times faster than rng.choice)
    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def name(self) -> str:
        rr = self.rng.random
        r = rr()
        if r < 0.008:
            return self.pick(DOT_NAMES)
        sur = self.pick(COMPOUND_SURNAMES) if r < 0.025 else self.surname_pick.pick(self.rng)
        return sur + (self.pick(GIVEN_ONE) if rr() < 0.3 else self.pick(GIVEN_TWO))

    def phone(self) -> str:
        rr = self.rng.random
        digits = self.pick(PHONE_PREFIXES) + "%08d" % int(rr() * 100000000)
        r = rr()
        if r < 0.06:
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        if r < 0.12:
            return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        return digits

    def fmt_date(self, d: dt.date, style: str) -> str:
        if style != "time":
            key = (d, style)
            s = self.date_cache.get(key)
            if s is None:
                if style == "iso":
                    s = f"{d.year}-{d.month:02d}-{d.day:02d}"
                elif style == "slash":
                    s = f"{d.year}/{d.month}/{d.day}"
                else:
                    s = f"{d.year}年{d.month}月{d.day}日"
                self.date_cache[key] = s
            return s
        rr = self.rng.random
        s = f"{d.year}-{d.month:02d}-{d.day:02d} {8 + int(rr() * 13):02d}:{int(rr() * 60):02d}"
        if rr() < 0.25:
            s += f":{int(rr() * 60):02d}"
        return s

    def date_style(self, channel: str) -> str:
        r = self.rng.random()
        if channel == "12345热线" and r < 0.45:
            return "time"
        if r < 0.70:
            return "iso"
        if r < 0.82:
            return "slash"
        if r < 0.94:
            return "time"
        return "cn"

    def fill(self, t: Template, ctx: dict) -> str:
        if not t.fields:
            return t.text
        rr = self.rng.random
        pick = self.pick
        vals = {}
        for k in t.fields:
            if k in ctx:
                vals[k] = ctx[k]
            elif k == "road" or k == "road2":
                vals[k] = pick(ROADS)
            elif k == "loc":
                if ctx["urban"]:
                    vals[k] = f"{ctx['cmp']}{1 + int(rr() * 12)}栋" if rr() < 0.6 else pick(ROADS)
                else:
                    vals[k] = f"{ctx['v']}{ctx['grp']}组" if rr() < 0.7 else f"{ctx['v']}村部附近"
            elif k in ("days", "n"):
                vals[k] = 2 + int(rr() * 7)
            elif k == "grp":
                vals[k] = 1 + int(rr() * 12)
            elif k == "school":
                vals[k] = pick(SCHOOLS)
            elif k == "pschool":
                vals[k] = pick(PRIMARY_SCHOOLS)
            elif k == "co":
                vals[k] = pick(COMPANIES)
            elif k == "fac":
                vals[k] = pick(FACTORIES)
            elif k == "hosp":
                vals[k] = pick(HOSPITALS)
            elif k == "money":
                vals[k] = pick(MONEY)
            else:
                vals[k] = ""
        return t.text.format(**vals)

    # -- content ----------------------------------------------------------------------------------
    def content(self, domain: str, ctx: dict, joint: bool, repeat: bool, danger: bool) -> str:
        rr = self.rng.random
        pick = self.pick
        urban = ctx["urban"]
        parts: list[str] = []
        opener = ""
        if domain == "其他":
            main = pick(self.other[urban])
            self.last_main = main
            parts.append(self.fill(main, ctx))
        else:
            t = self.tpl[domain]
            group = t["group"][urban]
            main = pick(group if joint and group else t["main"][urban])
            self.last_main = main
            parts.append(self.fill(main, ctx))
            if danger and main.danger:
                parts.append(self.fill(pick(main.danger), ctx))
            elif rr() < 0.45:
                generic = t["detail"]
                pool = main.follow if main.follow and (not generic or rr() < 0.7) else generic
                if pool:
                    parts.append(self.fill(pick(pool), ctx))
            if rr() < 0.04:  # a second, minor concern from another domain
                other = self.dom_pick[urban].pick(self.rng)
                if other != domain and self.tpl[other]["main"][urban]:
                    parts.append(SECOND_CONCERN + self.fill(pick(self.tpl[other]["main"][urban]), ctx))
            if len(parts) < 3 and not main.inquiry and rr() < 0.45:
                closers = self.public_closers if domain in PUBLIC_DOMAINS else self.closers
                parts.append(self.fill(pick(closers), ctx))
            if joint and main.group and "hh" not in main.fields:
                openers = t["joint"] or self.joint[urban]
                opener = self.fill(pick(openers), ctx)
            elif repeat and not main.inquiry:
                opener = self.fill(pick(self.repeat_openers), ctx)
        if len(parts) > 1 and rr() < 0.04:  # a line break typed into the cell
            text = parts[0] + "\n" + "".join(parts[1:])
        else:
            text = "".join(parts)
        text = opener + text
        if rr() < 0.08:  # typed on a phone with ASCII punctuation
            text = text.replace("，", ",")
        return text

    # -- one row ----------------------------------------------------------------------------------
    def make_row(self, seq_pos: int, total: int, rid: str) -> tuple[list[str], str]:
        rng = self.rng
        row = [""] * len(ALL_CN)
        row[C_ID] = rid

        # received date: spread evenly over the month, in file order
        day = min(self.ndays, max(1, 1 + int((seq_pos + rng.random()) * self.ndays / total)))
        received = self.days[day - 1]

        if self.a.main_channel and rng.random() < 0.85:
            channel = self.a.main_channel
        else:
            channel = self.chan_pick.pick(rng)
        row[C_RECEIVED] = self.fmt_date(received, self.date_style(channel))
        aliases = self.aliases.get(channel, [])
        row[C_CHANNEL] = self.pick(aliases) if aliases and rng.random() < 0.15 else channel

        # petitioner, sometimes one who already made a demand this month (same phone)
        repeat = bool(self.repeat_pool) and rng.random() < 0.06
        if repeat:
            name, phone, village, domain = self.pick(self.repeat_pool)
            if rng.random() < 0.2:  # the same person, another matter
                domain = ""
                repeat_same = False
            else:
                repeat_same = domain != "其他"
        else:
            name, phone = self.name(), self.phone()
            if rng.random() < 0.04:
                phone = ""
            if rng.random() < 0.01:
                name = ""
            village = self.pick(self.urban if rng.random() < 0.35 else self.rural)
            domain = ""
            repeat_same = False
        urban = village.endswith("社区")
        if not domain:
            domain = "其他" if rng.random() < 0.08 else self.dom_pick[urban].pick(rng)
        if not repeat and rng.random() < 0.5:  # remember some petitioners (bounded, so it streams)
            if len(self.repeat_pool) < 400:
                self.repeat_pool.append((name, phone, village, domain))
            else:
                self.repeat_pool[int(rng.random() * 400)] = (name, phone, village, domain)
        row[C_NAME] = name
        row[C_PHONE] = phone

        r = rng.random()
        if r < 0.045 and domain not in ("其他", "医疗保险", "社会救助与养老"):
            headcount = self.pick(GROUP_SIZES)
        elif r < 0.14:
            headcount = 2 + int(rng.random() * 3)
        else:
            headcount = 1
        row[C_HEADCOUNT] = str(headcount) if headcount > 1 or rng.random() < 0.35 else ""

        row[C_TOWN] = self.s.village_town[village] if rng.random() < 0.70 else ""
        if rng.random() < 0.02:  # village left out by the clerk; then the township is given
            row[C_VILLAGE] = ""
            row[C_TOWN] = self.s.village_town[village]
        else:
            row[C_VILLAGE] = village

        danger = rng.random() < 0.22  # only where the chosen sentence has an A-grade follow-up
        ctx = {"v": village, "urban": urban, "cmp": self.pick(COMPOUNDS), "grp": 1 + int(rng.random() * 12),
               "hh": headcount if headcount >= 5 else 2 + int(rng.random() * 7)}
        row[C_CONTENT] = self.content(domain, ctx, headcount >= 5, repeat_same, danger)
        if self.a.planted_share > 0 and self.planted_rng.random() < self.a.planted_share:
            topic = PLANTED_TOPICS[int(self.planted_rng.random() * len(PLANTED_TOPICS))]
            row[C_CONTENT] = topic[int(self.planted_rng.random() * len(topic))]

        if domain != "其他" and rng.random() < 0.10:
            row[C_DOMAIN] = domain
        r = rng.random()
        if r < 0.02:
            row[C_GRADE] = "A" if r < 0.012 else "B"
        if rng.random() < 0.03:
            row[C_DEPT] = self.pick(self.related[domain])

        # status: late-month demands are less often resolved by export time
        p_resolved = 0.93 - 0.30 * (day / self.ndays) ** 2
        r = rng.random()
        if r < p_resolved:
            status = RESOLVED
        elif r < p_resolved + (1 - p_resolved) * 0.65:
            status = "办理中"
        else:
            status = "未办理"
        row[C_STATUS] = self.pick(STATUS_ALIASES[status]) if rng.random() < 0.10 else status
        if status == RESOLVED:
            lag = min(int(rng.expovariate(1 / 4.0)), 25)
            done = self.days[min(day - 1 + lag, self.ndays - 1 + (10 if self.export_lag is None else self.export_lag))]
            style = "iso" if rng.random() < 0.8 else ("slash" if rng.random() < 0.5 else "cn")
            row[C_RESOLVED] = self.fmt_date(done, style)
            if rng.random() < 0.88:
                row[C_SATISFACTION] = self.sat_pick.pick(rng)
            elif rng.random() < 0.3:
                row[C_SATISFACTION] = "未评价"
            if self.export_lag is not None and day - 1 + lag > self.ndays - 1 + self.export_lag:
                # Resolved after the export was made: the export still shows it open.
                status = "办理中"
                row[C_STATUS], row[C_RESOLVED], row[C_SATISFACTION] = status, "", ""
        elif rng.random() < 0.1:
            row[C_SATISFACTION] = "未评价"
        if self.types or self.deadlines:
            urgent = headcount >= 5 or (danger and bool(self.last_main and self.last_main.danger))
            domain = self.optional_columns(row, domain, day, status, ctx, urgent)
        return row, domain

    def optional_columns(self, row: list[str], domain: str, day: int, status: str, ctx: dict, urgent: bool) -> str:
        """诉求类型 and 解决情况 (--types), 截止日期 (--deadlines), from their own random streams.
        A 表扬 gets a thank-you text instead (and is resolved at once); returns the row's domain."""
        if self.types:
            tr = self.trng.random
            main = self.last_main
            text = main.text if main else ""
            if main is not None and main.inquiry or any(w in text for w in INQUIRY_WORDS):
                kind = "咨询" if tr() < 0.9 else "求助"
            elif "感谢" in text:
                kind = "表扬"
            elif text.startswith("建议"):
                kind = "建议"
            else:
                kind = self.type_pick[domain in REPORTING_DOMAINS].pick(self.trng)
            if kind == "表扬":
                pool = self.praise.get(domain)
                if not pool:
                    pool, domain = self.general_praise, "其他"
                row[C_CONTENT] = self.fill(pool[int(tr() * len(pool))], ctx)
                row[C_HEADCOUNT] = row[C_GRADE] = row[C_DEPT] = row[C_DOMAIN] = ""
                status = RESOLVED
                row[C_STATUS] = RESOLVED
                row[C_RESOLVED] = self.fmt_date(self.days[day - 1 + int(tr() * 3)], "iso")
                row[C_SATISFACTION] = "非常满意" if tr() < 0.7 else "满意"
            alias = TYPE_ALIASES.get(kind)
            r = tr()
            if r < 0.04:
                row[C_TYPE] = ""
            elif alias and r < 0.04 + alias[1]:
                row[C_TYPE] = alias[0]
            else:
                row[C_TYPE] = kind
            sat = row[C_SATISFACTION]
            if status == RESOLVED and kind != "表扬":
                if sat in RESOLUTION_BY_SATISFACTION and sat and tr() < 0.8:
                    row[C_RESOLUTION] = self.resolution_pick[sat].pick(self.trng)
                elif sat in ("", "未评价") and tr() < 0.1:
                    row[C_RESOLUTION] = self.resolution_pick[""].pick(self.trng)
        if self.deadlines and self.drng.random() >= 0.03:
            limit = self.deadline_pick.pick(self.drng)
            if urgent:
                limit = min(limit, 7)
            row[C_DEADLINE] = self.fmt_date(self.days[day - 1 + limit], "iso")
        return domain

    def make_bad(self, kind_index: int, seq_pos: int, total: int, rid: str, last_good_id: str) -> list[str]:
        kind = BAD_KINDS[kind_index % len(BAD_KINDS)]
        variant = kind_index // len(BAD_KINDS)
        row, _ = self.make_row(seq_pos, total, rid)
        y = self.year
        if kind == "blank_content":
            row[C_CONTENT] = ""
        elif kind == "bad_date":
            row[C_RECEIVED] = BAD_DATES[variant % len(BAD_DATES)].format(y=y)
        elif kind == "unknown_status":
            row[C_STATUS] = "已转办"
            row[C_RESOLVED] = row[C_SATISFACTION] = row[C_RESOLUTION] = ""
        elif kind == "bad_headcount":
            row[C_HEADCOUNT] = BAD_HEADCOUNTS[variant % len(BAD_HEADCOUNTS)]
        elif kind == "duplicate_id":
            row[C_ID] = last_good_id
        elif kind == "after_month":
            later = self.month_end + dt.timedelta(days=3 + variant % 10)
            row[C_RECEIVED] = self.fmt_date(later, "iso")
            if row[C_DEADLINE]:
                row[C_DEADLINE] = self.fmt_date(later + dt.timedelta(days=15), "iso")
            row[C_STATUS] = "未办理"
            row[C_RESOLVED] = row[C_SATISFACTION] = row[C_RESOLUTION] = ""
        elif kind == "unknown_channel":
            row[C_CHANNEL] = "抖音"
        elif kind == "unknown_village":
            name = UNKNOWN_VILLAGES[variant % len(UNKNOWN_VILLAGES)]
            real = row[C_VILLAGE] or self.villages[0]
            row[C_VILLAGE] = name
            row[C_TOWN] = self.s.village_town[real]
        elif kind == "unknown_department":
            row[C_DEPT] = UNKNOWN_DEPARTMENTS[variant % len(UNKNOWN_DEPARTMENTS)]
        return row


# ---------------------------------------------------------------------------------------------
# Late status changes from an earlier month's file

def parse_date(s: str) -> dt.date | None:
    s = s.strip()
    try:
        if "年" in s:
            y, rest = s.split("年", 1)
            m, rest = rest.split("月", 1)
            d = rest.rstrip("日")
            return dt.date(int(y), int(m), int(d))
        s = s.split(" ")[0].replace("/", "-")
        y, m, d = s.split("-")
        return dt.date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None


def read_any(path: str) -> str:
    data = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    die(f"{path}: cannot decode as UTF-8 or GB18030")
    return ""


class LateState:
    """What earlier exports say about their demands, read file by file in the order given (oldest
    first).  A demand belongs to the first file with an accepted row for it (its month's export, or
    the export that registered it late); each later row with its 编号 is a newer state of it.  Rows
    minqing rejects (blank 编号 or 诉求内容, bad 受理日期 or one after the file's month, unknown
    status, bad 人数, an 编号 twice in one file) are skipped.  Kept in memory: the 编号 of every
    accepted row and the latest row of each demand that is still open."""

    def __init__(self):
        self.paths: list[str] = []
        self.owned: list[list[str]] = []          # per file: the 编号 it owns, in file order
        self.owner: dict[str, int] = {}           # 编号 -> owning file's index
        self.open: dict[str, dict[str, str]] = {}  # 编号 -> its latest row (by header), while open

    def read(self, path: str) -> int:
        rows = csv.reader(io.StringIO(read_any(path), newline=""))
        head = next(rows, None)
        if head is None:
            die(f"{path}: empty file")
        header = [ALIAS_TO_CN.get(h.strip().lower(), h.strip()) for h in head]
        pos = {h: i for i, h in enumerate(header)}
        for need in ("编号", "受理日期", "渠道", "诉求内容", "办理状态"):
            if need not in pos:
                die(f"{path}: no column {need}")
        body = list(rows)
        cols = [(c, pos[c]) for c in ALL_CN if c in pos]
        ci, ri, si, ti, hi = pos["编号"], pos["受理日期"], pos["办理状态"], pos["诉求内容"], pos.get("人数")
        counts: dict[str, int] = {}
        for r in body:
            if len(r) > ci:
                counts[r[ci].strip()] = counts.get(r[ci].strip(), 0) + 1
        dates = [parse_date(r[ri]) if len(r) > ri else None for r in body]
        months: dict[tuple[int, int], int] = {}
        for d in dates:
            if d:
                months[(d.year, d.month)] = months.get((d.year, d.month), 0) + 1
        if not months:
            die(f"{path}: no row with a readable 受理日期")
        y, m = max(months, key=lambda ym: (months[ym], ym))  # the file's month: most rows
        last_day = dt.date(y, m, calendar.monthrange(y, m)[1])

        k = len(self.paths)
        self.paths.append(path)
        own: list[str] = []
        for r, d in zip(body, dates):
            n = len(r)
            rid = r[ci].strip() if ci < n else ""
            status = r[si].strip().lower() if si < n else ""
            hc = r[hi].strip() if hi is not None and hi < n else ""
            if (not rid or counts.get(rid) != 1 or d is None or d > last_day
                    or status not in KNOWN_STATUS_WORDS or ti >= n or not r[ti].strip()
                    or (hc and not (hc.isdigit() and int(hc) > 0))):
                continue
            if rid not in self.owner:
                self.owner[rid] = k
                own.append(rid)
            if status in UNRESOLVED_WORDS:
                rec = {c: (r[i] if c == "诉求内容" else r[i].strip()) if i < n else "" for c, i in cols}
                rec["_received"] = d
                self.open[rid] = rec
            else:
                self.open.pop(rid, None)
        self.owned.append(own)
        return k


def late_rows(gen: Generator, state: LateState, k: int, index: int, count: int, stay_open: int) -> list[list[str]]:
    """`count` demands of file k that are still open as of the latest file read, re-exported at the
    top of this month's file: `stay_open` of them still 办理中 (no 办结日期), the others 已办结 with a
    办结日期 in this month and a 满意度.  `index` (the file's place among --late-from) picks the
    random stream, the first one's being the one this script always used."""
    path = state.paths[k]
    eligible = []
    for rid in state.owned[k]:
        src = state.open.get(rid)
        if (src is not None and src["_received"] < gen.month_start
                and src.get("渠道", "") in gen.s.channel_words
                and (src.get("村社区", "") == "" or src["村社区"] in gen.s.village_town)
                and (src.get("主管部门", "") == "" or src["主管部门"] in gen.s.unit_names)):
            eligible.append(src)
    if len(eligible) < count:
        print(f"gen_demands: warning: {path} has only {len(eligible)} unresolved demands; "
              f"emitting {len(eligible)} late changes", file=sys.stderr)
    lrng = random.Random(f"late-{gen.a.seed}" if index == 0 else f"late-{gen.a.seed}-{index}")
    chosen = sorted(lrng.sample(range(len(eligible)), min(count, len(eligible))))
    keep_open: set[int] = set()
    if stay_open:
        orng = random.Random(f"late-open-{gen.a.seed}-{index}")
        pending = [j for j in chosen if eligible[j].get("办理状态", "").lower() in PENDING_WORDS]
        others = [j for j in chosen if eligible[j].get("办理状态", "").lower() not in PENDING_WORDS]
        orng.shuffle(pending)  # 未办理 ones first: their re-export as 办理中 is a change minqing records
        orng.shuffle(others)
        keep_open = set((pending + others)[:stay_open])
    rrng = random.Random(f"late-resolution-{gen.a.seed}-{index}")
    out = []
    for j in chosen:
        src = eligible[j]
        row = [src.get(c, "") for c in ALL_CN]
        row[C_RESOLUTION] = ""
        if j in keep_open:
            row[C_STATUS] = "办理中"
            row[C_RESOLVED] = row[C_SATISFACTION] = ""
        else:
            row[C_STATUS] = RESOLVED
            day = lrng.randrange(1, min(gen.ndays, 20) + 1)
            row[C_RESOLVED] = f"{gen.year}-{gen.month:02d}-{day:02d}"
            row[C_SATISFACTION] = gen.sat_pick.pick(lrng)
            if gen.types and rrng.random() < 0.8:
                row[C_RESOLUTION] = gen.resolution_pick[row[C_SATISFACTION]].pick(rrng)
        out.append(row)
    return out


def backfill_rows(a, seeds: "Seeds", gen: Generator, truth) -> list[list[str]]:
    """--backfill N rows received in --backfill-month, numbered {prefix}{this month}{start-id...}: 编号
    no export of their own month has (late registrations, 补录)."""
    bargs = argparse.Namespace(**vars(a))
    bargs.month = a.backfill_month
    bargs.seed = f"backfill-{a.seed}"
    bgen = Generator(bargs, seeds)
    prefix = f"{a.backfill_prefix}{gen.year}{gen.month:02d}"
    out = []
    for i in range(a.backfill):
        rid = f"{prefix}{a.backfill_start_id + i:04d}"
        row, domain = bgen.make_row(i, a.backfill, rid)
        out.append(row)
        if truth:
            truth.write(f"{rid},{domain}\n")
    return out


# ---------------------------------------------------------------------------------------------

class LateFile(argparse.Action):
    """--late-from and --late-state share one list, so their order on the command line is kept."""

    def __call__(self, parser, namespace, value, option_string=None):
        kind = "from" if option_string == "--late-from" else "state"
        setattr(namespace, self.dest, list(getattr(namespace, self.dest) or []) + [(kind, value)])


def parse_month(s: str) -> tuple[int, int]:
    try:
        y, m = s.split("-")
        y, m = int(y), int(m)
        if len(s) != 7 or not 1 <= m <= 12:
            raise ValueError
        return y, m
    except ValueError:
        raise argparse.ArgumentTypeError(f"month must be YYYY-MM, got {s!r}")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Generate a deterministic month of demand records for minqing.")
    p.add_argument("--seeds", default="seeds", help="reference data folder (default: seeds)")
    p.add_argument("--month", required=True, type=parse_month, help="report month YYYY-MM")
    p.add_argument("--rows", type=int, default=134, help="good demands received this month (default 134)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    p.add_argument("--out", default="-", help="output file (default: stdout)")
    p.add_argument("--encoding", default="utf-8", choices=["utf-8", "utf-8-sig", "gb18030"])
    p.add_argument("--bad-rows", type=int, default=0, help="extra rows with exactly one problem each")
    p.add_argument("--bad-start", type=int, default=0, help="first position in the problem cycle")
    p.add_argument("--start-id", type=int, default=1, help="first sequence number of 编号 (default 1)")
    p.add_argument("--id-prefix", default="JL", help="编号 prefix (default JL)")
    p.add_argument("--late-from", dest="late_files", action=LateFile, metavar="FILE", default=[],
                   help="an earlier month's export to take late status changes from (repeatable, oldest first)")
    p.add_argument("--late-state", dest="late_files", action=LateFile, metavar="FILE", default=[],
                   help="an earlier export read only for the demands' latest state (repeatable, in date order)")
    p.add_argument("--late-count", type=int, action="append", default=[], metavar="N",
                   help="late rows from each --late-from, in order (the last value serves the rest; default 6)")
    p.add_argument("--late-open", type=int, action="append", default=[], metavar="N",
                   help="how many of them stay 办理中, in the same order (default 0)")
    p.add_argument("--types", action="store_true", help="write the optional columns 诉求类型 and 解决情况")
    p.add_argument("--deadlines", action="store_true", help="write the optional column 截止日期")
    p.add_argument("--export-lag", type=int, default=None, metavar="DAYS",
                   help="days after the month's end the export was made: a demand resolved later is exported "
                        "as 办理中 (default: 办结日期 up to 10 days past the month)")
    p.add_argument("--backfill", type=int, default=0, metavar="N",
                   help="N late registrations (补录) received in --backfill-month, at the top of the file")
    p.add_argument("--backfill-month", type=parse_month, help="the earlier month of the --backfill rows")
    p.add_argument("--backfill-prefix", default="BL", help="编号 prefix of the --backfill rows (default BL)")
    p.add_argument("--backfill-start-id", type=int, default=1, help="first sequence number of their 编号 (default 1)")
    p.add_argument("--main-channel", help="channel of most rows (85%%), e.g. 说事点")
    p.add_argument("--english-headers", action="store_true", help="write the English header aliases")
    p.add_argument("--crlf", action="store_true", help="CRLF line ends (default LF)")
    p.add_argument("--planted-share", type=float, default=0.0, metavar="F",
                   help="replace the text of this share of the rows by one of three planted topics (SPEC §11)")
    p.add_argument("--truth", help="also write 编号,领域 (intended domain of each good row) to this file")
    a = p.parse_args(argv)
    sources = [path for kind, path in a.late_files if kind == "from"]
    if (a.rows < 0 or a.bad_rows < 0 or a.start_id < 0 or a.backfill < 0 or a.backfill_start_id < 0
            or any(n < 0 for n in a.late_count + a.late_open)):
        p.error("counts must not be negative")
    if (a.late_count or a.late_open) and not sources:
        p.error("--late-count and --late-open need --late-from")
    for opt, values in (("--late-count", a.late_count), ("--late-open", a.late_open)):
        if len(values) > max(len(sources), 1):
            p.error(f"more {opt} values than --late-from files")
    counts = [a.late_count[min(i, len(a.late_count) - 1)] if a.late_count else 6 for i in range(len(sources))]
    opens = [a.late_open[min(i, len(a.late_open) - 1)] if a.late_open else 0 for i in range(len(sources))]
    if any(o > c for o, c in zip(opens, counts)):
        p.error("--late-open must not exceed --late-count")
    if a.backfill and not a.backfill_month:
        p.error("--backfill needs --backfill-month")
    if a.backfill_month and a.backfill_month >= a.month:
        p.error("--backfill-month must be before --month")

    seeds = Seeds(a.seeds)
    gen = Generator(a, seeds)
    # every file is read (so a later file's late rows update an earlier file's demands), then each
    # --late-from gives its rows
    state = LateState()
    taken = [(state.read(path), kind) for kind, path in a.late_files]
    late = []
    index = 0
    for k, kind in taken:
        if kind == "from":
            late += late_rows(gen, state, k, index, counts[index], opens[index])
            index += 1
    del state

    total = a.rows + a.bad_rows
    last_seq = a.start_id + max(total, 1) - 1
    width = max(4, len(str(last_seq)))
    prefix = f"{a.id_prefix}{gen.year}{gen.month:02d}"
    # bad rows sit at evenly spaced positions, never first (a duplicate needs an earlier row)
    bad_at = {}
    for k in range(a.bad_rows):
        pos = 1 + (k + 1) * a.rows // (a.bad_rows + 1) + k if a.rows else k
        bad_at[pos] = a.bad_start + k

    if a.out == "-":
        out = io.TextIOWrapper(sys.stdout.buffer, encoding=a.encoding, newline="", write_through=False)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        out = open(a.out, "w", encoding=a.encoding, newline="", buffering=1 << 20)
    truth = open(a.truth, "w", encoding="utf-8", newline="") if a.truth else None
    backfill = backfill_rows(a, seeds, gen, truth) if a.backfill else []
    columns = output_columns(a.types, a.deadlines)
    project = operator.itemgetter(*columns)
    w = csv.writer(out, lineterminator="\r\n" if a.crlf else "\n")
    w.writerow([ALL_COLUMNS[i][1 if a.english_headers else 0] for i in columns])
    w.writerows(map(project, late))
    w.writerows(map(project, backfill))
    seq = a.start_id
    last_good = ""
    batch = []
    for i in range(total):
        rid = f"{prefix}{seq:0{width}d}"
        if i in bad_at:
            row = gen.make_bad(bad_at[i], i, total, rid, last_good or rid)
            if row[C_ID] == rid:
                seq += 1
        else:
            row, domain = gen.make_row(i, total, rid)
            last_good = rid
            seq += 1
            if truth:
                truth.write(f"{rid},{domain}\n")
        batch.append(row)
        if len(batch) >= 2000:
            w.writerows(map(project, batch))
            batch.clear()
    w.writerows(map(project, batch))
    out.flush()
    if a.out != "-":
        out.close()
    if truth:
        truth.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
