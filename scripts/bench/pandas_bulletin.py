#!/usr/bin/env python3
"""Benchmark comparator: the monthly bulletin (民情月报) done the way an analyst would, with pandas.

Not part of minqing. It reads the same demand CSVs and seeds, validates, classifies, grades and
scores them following SPEC.md in idiomatic pandas, and writes a workbook with the same sheets and
headers (via XlsxWriter) plus a short Markdown summary, so `minqing run` can be timed against it.
It keeps no database: no history, no re-run corrections, no 环比/同比.

    python3 scripts/bench/pandas_bulletin.py --seeds seeds --month 2026-10 --out OUTDIR INPUT.csv ...
"""
import argparse
import csv
import io
import os
import re
import sys
import time

import numpy as np
import pandas as pd

# ---------------------------------------------------------------------------------------------
# Rules (SPEC §1, §3, §4 defaults)

COLUMNS = {  # Chinese header -> English alias
    "编号": "id", "受理日期": "received", "渠道": "channel", "诉求内容": "content",
    "办理状态": "status", "诉求人": "petitioner", "联系电话": "phone", "人数": "headcount",
    "乡镇": "township", "村社区": "village", "涉及领域": "domain", "等级": "grade",
    "主管部门": "department", "办结日期": "resolved", "满意度": "satisfaction",
}
REQUIRED = ["编号", "受理日期", "渠道", "诉求内容", "办理状态"]
STATUS = {
    "已办结": "已办结", "办结": "已办结", "已化解": "已办结", "已解决": "已办结",
    "resolved": "已办结", "closed": "已办结",
    "办理中": "办理中", "处理中": "办理中", "in_progress": "办理中",
    "未办理": "未办理", "待办理": "未办理", "pending": "未办理", "open": "未办理",
}
SATISFACTION = ["非常满意", "满意", "基本满意", "不满意", "非常不满意", "未评价"]
SATISFIED = ["非常满意", "满意", "基本满意"]
A_KEYWORDS = ["安全隐患", "火灾", "着火", "失火", "坍塌", "倒塌", "垮塌", "危房", "欠薪", "拖欠工资",
              "讨薪", "燃气泄漏", "煤气泄漏", "漏气", "漏电", "触电", "食物中毒", "溺水", "人身安全",
              "生命危险"]
GROUP_HEADCOUNT = 5
REPEAT_DAYS = 90
MAX_BACKDATE_MONTHS = 24
RESOLVED_POINTS, UNRESOLVED_PENALTY = 1.0, 0.3
EXCEL_MAX_ROWS = 1_048_575  # data rows per sheet under the header row

OUT_COLS = ["编号", "受理日期", "渠道", "诉求人", "联系电话", "乡镇", "村社区", "涉及领域", "等级",
            "等级依据", "主管部门", "双联系单位", "办理状态", "办结日期", "满意度", "诉求内容"]
A_COLS = ["编号", "受理日期", "乡镇", "村社区", "涉及领域", "等级依据", "主管部门", "办理状态", "诉求内容"]


# ---------------------------------------------------------------------------------------------
# Reading

def read_seeds(folder):
    def load(name):
        return pd.read_csv(os.path.join(folder, name), dtype=str, keep_default_na=False,
                           encoding="utf-8-sig").apply(lambda c: c.str.strip())
    places, units = load("places.csv"), load("units.csv")
    domains, channels = load("domains.csv"), load("channels.csv")
    channel_map = {}
    for name, aliases in zip(channels["渠道"], channels["别名"]):
        channel_map[name.lower()] = name
        for a in filter(None, (x.strip() for x in aliases.split("|"))):
            channel_map[a.lower()] = name
    domains["关键词"] = domains["关键词"].str.split("|")
    return places, units, domains, channels, channel_map


def read_input(path):
    """One CSV as strings, with its file name and line number; exits on a file that can't be read."""
    df = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=enc)
            break
        except UnicodeDecodeError:
            continue
        except (pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as e:
            sys.exit(f"{path}: 无法读取：{e}")
    if df is None:
        sys.exit(f"{path}: 编码无法识别（应为 UTF-8 或 GB18030）")
    alias = {v: k for k, v in COLUMNS.items()}
    rename, unknown = {}, []
    for col in df.columns:
        key = str(col).strip().lstrip("\ufeff").strip()
        if key in COLUMNS:
            rename[col] = key
        elif key.lower() in alias:
            rename[col] = alias[key.lower()]
        else:
            unknown.append(col)
    missing = [c for c in REQUIRED if c not in rename.values()]
    if missing:
        sys.exit(f"{path}: 缺少必需的列 {'、'.join(missing)}")
    if unknown:
        print(f"{path}: 提示：忽略未知列 {'、'.join(map(str, unknown))}", file=sys.stderr)
    raw_cols = list(df.columns)
    df = df.rename(columns=rename)
    df = df.fillna("")  # short rows
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = ""
    # physical line of each record: header is line 1; quoted fields may hold line breaks
    breaks = df[list(rename.values())].apply(lambda c: c.str.count("\n")).sum(axis=1)
    df["_line"] = 2 + breaks.cumsum().shift(fill_value=0) + np.arange(len(df))
    df["_file"] = os.path.basename(path)
    df.attrs["raw_cols"] = [rename.get(c, c) for c in raw_cols]
    return df


def parse_dates(s):
    norm = (s.str.strip()
             .str.replace(r"^(\d{4})年(\d{1,2})月(\d{1,2})日", r"\1-\2-\3", regex=True)
             .str.replace("/", "-", regex=False))
    return pd.to_datetime(norm, errors="coerce", format="mixed")


def fmt_date(parsed, given):
    """2026-10-03, or 2026-10-03 14:22:00 when the input had a time."""
    day = parsed.dt.strftime("%Y-%m-%d").fillna("")
    return day.mask(given.str.contains(":", regex=False), parsed.dt.strftime("%Y-%m-%d %H:%M:%S"))


# ---------------------------------------------------------------------------------------------
# Masking

def mask_name(s):
    n = s.str.len()
    stars = n.sub(2).clip(lower=1).map(lambda k: "*" * k)
    out = s.str[0] + stars + s.str[-1]
    out = out.where(n >= 3, s.str[0] + "*")
    return out.where(n >= 2, s)


def mask_phone(s):
    digits = s.str.replace(r"\D", "", regex=True)
    masked = digits.str[:3] + "****" + digits.str[-4:]
    return masked.where(digits.str.len() >= 8, s.where(s == "", "****"))


def raw_text(rows, cols):
    """The problem rows as CSV lines (personal data masked)."""
    rows = rows[cols].copy()
    if "诉求人" in rows:
        rows["诉求人"] = mask_name(rows["诉求人"])
    if "联系电话" in rows:
        rows["联系电话"] = mask_phone(rows["联系电话"])

    def line(values):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="").writerow(values)
        return buf.getvalue()
    return rows.apply(lambda r: line(r.tolist()), axis=1)


# ---------------------------------------------------------------------------------------------
# The work

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="seeds")
    ap.add_argument("--month", required=True, help="YYYY-MM")
    ap.add_argument("--out", required=True)
    ap.add_argument("--county", default="江岭县")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    t0 = time.perf_counter()
    stage = lambda name: print(f"stage {name} {time.perf_counter() - t0:.2f}s", file=sys.stderr)

    month = pd.Period(args.month, freq="M")
    m_start, m_end = month.start_time, month.end_time
    oldest = (month - MAX_BACKDATE_MONTHS).start_time
    places, units, domains, channels, channel_map = read_seeds(args.seeds)

    frames = [read_input(p) for p in args.inputs]
    raw_cols = {os.path.basename(p): f.attrs["raw_cols"] for f, p in zip(frames, args.inputs)}
    df = pd.concat(frames, ignore_index=True)
    for col in COLUMNS:
        df[col] = df[col].str.strip()
    stage("read")

    # ---- validation: first problem of each row, in column order
    problem = pd.Series("", index=df.index)

    def flag(mask, text):
        nonlocal problem
        new = mask & (problem == "")
        problem = problem.mask(new, text)

    for col in REQUIRED:
        flag(df[col] == "", f"{col}: 必填项为空")
    received = parse_dates(df["受理日期"])
    flag(received.isna(), "受理日期: 无法识别的日期「" + df["受理日期"] + "」")
    status = df["办理状态"].str.lower().map(STATUS)
    flag(status.isna(), "办理状态: 未知的办理状态「" + df["办理状态"] + "」")
    hc_ok = df["人数"].str.fullmatch(r"\d+") & (pd.to_numeric(df["人数"], errors="coerce") > 0)
    flag((df["人数"] != "") & ~hc_ok, "人数: 人数「" + df["人数"] + "」应为正整数")
    dup = df["编号"].ne("") & df.duplicated("编号", keep="first")
    flag(dup, "编号: 编号 " + df["编号"] + " 在本次输入中重复，保留先出现的一行")
    flag(received > m_end, "受理日期: 受理日期晚于报告月份 " + args.month)
    flag(received < oldest, f"受理日期: 受理日期早于 {MAX_BACKDATE_MONTHS} 个月以前")
    resolved_at = parse_dates(df["办结日期"])
    flag((df["办结日期"] != "") & resolved_at.isna(), "办结日期: 无法识别的日期「" + df["办结日期"] + "」")

    issues = []  # (frame of problem rows, level, problem text)
    bad = problem != ""
    issues.append((df[bad], "拒收", problem[bad]))

    ok = df[~bad].copy()
    ok["_收"], ok["_结"] = ok["受理日期"], ok["办结日期"]  # the text as given, to know if it had a time
    ok["受理日期"] = received[~bad]
    ok["办结日期"] = resolved_at[~bad]
    ok["办理状态"] = status[~bad]
    ok["人数"] = pd.to_numeric(ok["人数"].replace("", "1")).astype(int)
    ok["满意度"] = ok["满意度"].where(ok["满意度"].isin(SATISFACTION), "未评价")

    # rows received before the report month are late status changes of earlier demands
    late = ok[ok["受理日期"] < m_start]
    d = ok[ok["受理日期"] >= m_start].sort_values("受理日期", kind="stable")

    # ---- channel
    canon = d["渠道"].str.lower().map(channel_map)
    unknown_ch = canon.isna()
    issues.append((d[unknown_ch], "提示", "渠道: 渠道「" + d.loc[unknown_ch, "渠道"] + "」未在 channels.csv 登记，已按原值统计"))
    d["渠道"] = canon.fillna(d["渠道"])

    # ---- places: 属地 and 双联系单位
    village_town = dict(zip(places["村社区"], places["乡镇"]))
    village_liaison = dict(zip(places["村社区"], places["双联系单位"]))
    unknown_v = (d["村社区"] != "") & ~d["村社区"].isin(village_town.keys())
    issues.append((d[unknown_v], "提示", "村社区: 村社区「" + d.loc[unknown_v, "村社区"] + "」未在 places.csv 登记（类型 未登记），已按原值保留"))
    d["乡镇"] = d["乡镇"].mask(d["乡镇"] == "", d["村社区"].map(village_town).fillna(""))
    d["双联系单位"] = d["村社区"].map(village_liaison).fillna("")

    # ---- domain: given when known, else most keyword hits (ties: first in domains.csv), else 其他
    known_domain = d["涉及领域"].isin(domains["领域"])
    todo = d.loc[~known_domain, "诉求内容"]
    hits = pd.DataFrame({name: todo.str.count("|".join(map(re.escape, kws)))
                         for name, kws in zip(domains["领域"], domains["关键词"])}, index=todo.index)
    best = hits.idxmax(axis=1).where(hits.max(axis=1) > 0, "其他") if len(todo) else pd.Series(dtype=str)
    d.loc[~known_domain, "涉及领域"] = best

    # ---- department and the primary (scored) unit
    dept = dict(zip(domains["领域"], domains["主管部门"]))
    d["主管部门"] = d["主管部门"].mask(d["主管部门"] == "", d["涉及领域"].map(dept).fillna(""))
    unit_type = dict(zip(units["单位"], units["类型"]))
    unknown_u = (d["主管部门"] != "") & ~d["主管部门"].isin(unit_type.keys())
    issues.append((d[unknown_u], "提示", "主管部门: 主管部门「" + d.loc[unknown_u, "主管部门"] + "」未在 units.csv 登记（类型 未登记），已按原值保留并计分"))
    d["责任单位"] = d["主管部门"].mask(d["主管部门"] == "", d["乡镇"]).replace("", "（属地不明）")

    # ---- grade
    reasons = pd.DataFrame(index=d.index)
    reasons["group"] = np.where(d["人数"] >= GROUP_HEADCOUNT, f"人数≥{GROUP_HEADCOUNT}", "")
    kws = d["诉求内容"].str.findall("|".join(map(re.escape, A_KEYWORDS)))
    reasons["keyword"] = kws.map(lambda found: "关键词:" + "、".join(dict.fromkeys(found)) if found else "")
    # 重复诉求: an earlier demand from the same phone (or 诉求人 + 村社区) within REPEAT_DAYS
    phone = d["联系电话"].str.replace(r"\D", "", regex=True)
    person = (d["诉求人"] + "|" + d["村社区"]).where(d["诉求人"] != "", "")
    d["_key"] = phone.where(phone != "", person)
    keyed = d.loc[d["_key"] != "", ["_key", "受理日期", "编号"]].sort_values(["_key", "受理日期"], kind="stable")
    prev_date = keyed.groupby("_key")["受理日期"].shift()
    prev_id = keyed.groupby("_key")["编号"].shift()
    gap = (keyed["受理日期"].dt.normalize() - prev_date.dt.normalize()).dt.days
    rep = gap.le(REPEAT_DAYS)
    rep_text = ("重复诉求:" + gap[rep].astype(int).astype(str) + "天前已有" + prev_id[rep])
    reasons["repeat"] = rep_text.reindex(d.index).fillna("")
    auto = reasons.apply(lambda r: "; ".join(x for x in r if x), axis=1, result_type="reduce")  # row apply
    auto = auto if len(d) else pd.Series("", index=d.index, dtype=str)
    manual = d["等级"].str.upper().isin(["A", "B"])
    d["等级"] = np.where(manual, d["等级"].str.upper(), np.where(auto != "", "A", "B"))
    d["等级依据"] = np.where(manual, "人工定级", auto.replace("", "一般诉求"))

    # ---- output-ready text columns
    d["resolved_flag"] = d["办理状态"] == "已办结"
    d["受理日期"] = fmt_date(d["受理日期"], d["_收"])
    d["办结日期"] = fmt_date(d["办结日期"], d["_结"])
    d["诉求人"] = mask_name(d["诉求人"])
    d["联系电话"] = mask_phone(d["联系电话"])

    # ---- tables
    total = len(d)
    n_resolved = int(d["resolved_flag"].sum())
    n_a = int((d["等级"] == "A").sum())
    evaluated = d["满意度"] != "未评价"
    rate = lambda num, den: num / den if den else None
    town_units = set(units.loc[units["类型"] == "乡镇", "单位"]) | set(places["乡镇"])
    grassroots = int((d["resolved_flag"] & d["责任单位"].isin(town_units)).sum())
    overview = pd.DataFrame({"指标": ["诉求总数", "A级", "B级", "已办结", "办结率", "满意率", "基层化解率",
                                      "环比", "同比", "办理中", "未办理", "涉及人数", "已评价", "往月诉求本月办结"],
                             "数值": [total, n_a, total - n_a, n_resolved, rate(n_resolved, total),
                                      rate(int(d.loc[evaluated, "满意度"].isin(SATISFIED).sum()), int(evaluated.sum())),
                                      rate(grassroots, n_resolved), "—", "—",
                                      int((d["办理状态"] == "办理中").sum()), int((d["办理状态"] == "未办理").sum()),
                                      int(d["人数"].sum()), int(evaluated.sum()),
                                      int((late["办理状态"] == "已办结").sum())]})

    domain_order = list(domains["领域"]) + ["其他"]
    channel_order = list(channels["渠道"]) + sorted(set(d["渠道"]) - set(channels["渠道"]))
    by_domain = pd.crosstab(d["涉及领域"], d["渠道"]).reindex(index=domain_order, columns=channel_order, fill_value=0)
    by_domain["合计"] = by_domain.sum(axis=1)
    by_domain.loc["合计"] = by_domain.sum()
    by_domain = by_domain.rename_axis("涉及领域").rename_axis(None, axis=1).reset_index()

    d["_A"] = d["等级"] == "A"
    d["_B"] = d["等级"] == "B"
    g = d.groupby("责任单位")
    score = g.agg(诉求总数=("编号", "size"), A级=("_A", "sum"), B级=("_B", "sum"), 已办结=("resolved_flag", "sum"))
    score["未办结"] = score["诉求总数"] - score["已办结"]
    score["办结率"] = score["已办结"] / score["诉求总数"]
    sat = pd.crosstab(d["责任单位"], d["满意度"]).reindex(columns=SATISFACTION, fill_value=0)
    score = score.join(sat[["非常满意", "满意", "基本满意", "不满意"]])
    score["得分"] = (score["已办结"] * RESOLVED_POINTS - score["未办结"] * UNRESOLVED_PENALTY).round(2)
    ev = sat.drop(columns="未评价").sum(axis=1)
    score["满意率"] = (sat[SATISFIED].sum(axis=1) / ev.replace(0, np.nan))
    score["非常不满意"] = sat["非常不满意"]
    score = score.rename_axis("单位").reset_index()
    score.insert(1, "类型", score["单位"].map(unit_type).fillna("未登记"))
    score = score.sort_values(["得分", "单位"], ascending=[False, True], ignore_index=True)

    liaison = places.loc[places["双联系单位"] != "", ["双联系单位", "村社区"]]
    liaison.columns = ["联系单位", "联系点"]
    dl = d[d["双联系单位"] != ""]
    lc = dl.groupby(["双联系单位", "村社区"]).agg(
        A级=("_A", "sum"), B级=("_B", "sum"),
        A级已办结=("resolved_flag", lambda s: (s & dl.loc[s.index, "_A"]).sum()),
        B级已办结=("resolved_flag", lambda s: (s & dl.loc[s.index, "_B"]).sum()),
        未办结=("resolved_flag", lambda s: (~s).sum()))
    lc.index.names = ["联系单位", "联系点"]
    unit_rank = {u: i for i, u in enumerate(units["单位"])}
    liaison = liaison.merge(lc.reset_index(), how="left", on=["联系单位", "联系点"]).fillna(0)
    liaison = liaison.sort_values("联系单位", key=lambda s: s.map(unit_rank), kind="stable", ignore_index=True)
    liaison[["A级", "B级", "A级已办结", "B级已办结", "未办结"]] = liaison[["A级", "B级", "A级已办结", "B级已办结", "未办结"]].astype(int)

    towns = list(dict.fromkeys(places["乡镇"]))
    towns += sorted(set(d["乡镇"]) - set(towns) - {""})
    tg = d.groupby("乡镇").agg(诉求总数=("编号", "size"), A级=("_A", "sum"), B级=("_B", "sum"),
                               已办结=("resolved_flag", "sum")).reindex(towns, fill_value=0)
    tg["办结率"] = tg["已办结"] / tg["诉求总数"].replace(0, np.nan)
    tg = tg.rename_axis("乡镇").reset_index()

    a_list = d.loc[d["等级"] == "A", A_COLS]
    open_list = d.loc[~d["resolved_flag"], A_COLS + ["等级"]]
    detail = d[OUT_COLS]
    late_done = late[late["办理状态"] == "已办结"].copy()
    late_done["受理日期"] = fmt_date(late_done["受理日期"], late_done["_收"])
    late_done["办结日期"] = fmt_date(late_done["办结日期"], late_done["_结"])
    late_done = late_done[["编号", "受理日期", "乡镇", "涉及领域", "主管部门", "办结日期", "满意度", "诉求内容"]]

    prob_frames = []
    for rows, level, text in issues:
        if len(rows) == 0:
            continue
        parts = []
        for fname, grp in rows.groupby("_file", sort=False):
            parts.append(raw_text(grp, raw_cols[fname]))
        prob_frames.append(pd.DataFrame({"文件": rows["_file"], "行号": rows["_line"], "级别": level,
                                         "问题": text, "原始内容": pd.concat(parts)}))
    problems = (pd.concat(prob_frames).sort_values(["文件", "行号"], kind="stable", ignore_index=True)
                if prob_frames else pd.DataFrame(columns=["文件", "行号", "级别", "问题", "原始内容"]))

    stage("process")

    # ---- write
    os.makedirs(args.out, exist_ok=True)
    xlsx = os.path.join(args.out, f"民情月报-{args.month}.xlsx")
    md = os.path.join(args.out, f"民情月报-{args.month}.md")
    problems.to_csv(os.path.join(args.out, f"数据问题-{args.month}.csv"), index=False, encoding="utf-8-sig")
    write_workbook(xlsx, args, overview, by_domain, score, liaison, tg, a_list, open_list, detail, problems, late_done)
    write_markdown(md, args, overview, by_domain, score, tg, args.inputs, len(df), int(bad.sum()))
    stage("write")

    n_notice = int((problems["级别"] == "提示").sum())
    print(f"{args.month}：诉求 {total} 件（A级 {n_a}，B级 {total - n_a}，已办结 {n_resolved}）；"
          f"拒收 {int(bad.sum())} 行，提示 {n_notice} 条；已写入 {xlsx}、{md}")


# ---------------------------------------------------------------------------------------------
# Workbook

def write_workbook(path, args, overview, by_domain, score, liaison, towns, a_list, open_list, detail, problems, late_done):
    with pd.ExcelWriter(path, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xw:
        wb = xw.book
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
        pct = wb.add_format({"num_format": "0.0%"})
        score_fmt = wb.add_format({"num_format": "0.00;[Red]-0.00"})

        def sheet(df, name, widths=None, pct_cols=(), score_cols=(), autofilter=True):
            df.to_excel(xw, sheet_name=name, index=False, header=False, startrow=1)
            ws = xw.sheets[name]
            ws.write_row(0, 0, list(df.columns), head)
            for i, col in enumerate(df.columns):
                w = (widths or {}).get(col, max(8, min(40, len(str(col)) * 2 + 2)))
                fmt = pct if col in pct_cols else score_fmt if col in score_cols else None
                ws.set_column(i, i, w, fmt)
            ws.freeze_panes(1, 0)
            if autofilter and len(df.columns):
                ws.autofilter(0, 0, max(len(df), 1), len(df.columns) - 1)
            ws.set_landscape()
            ws.set_paper(9)  # A4
            ws.fit_to_pages(1, 0)
            ws.repeat_rows(0)
            ws.set_header(f"&L{args.county}&C{args.month} 民情月报&R{name}")
            ws.set_footer("&C第 &P 页，共 &N 页")
            return ws

        # 总览: rates need a percent format per cell, so write the values by hand
        ws = sheet(overview.iloc[:0], "总览", {"指标": 18, "数值": 14}, autofilter=False)
        for r, (k, v) in enumerate(overview.itertuples(index=False), start=1):
            ws.write(r, 0, k)
            if v is None:
                ws.write_blank(r, 1, None)
            elif k.endswith("率"):
                ws.write_number(r, 1, v, pct)
            else:
                ws.write(r, 1, v)
        n_dom = len(by_domain) - 1  # last row is 合计
        n_ch = len(by_domain.columns) - 2
        chart = wb.add_chart({"type": "bar"})
        chart.add_series({"name": "诉求数", "categories": ["分类统计", 1, 0, n_dom, 0],
                          "values": ["分类统计", 1, n_ch + 1, n_dom, n_ch + 1]})
        chart.set_title({"name": "按涉及领域"})
        chart.set_legend({"none": True})
        ws.insert_chart("D2", chart, {"x_scale": 1.3, "y_scale": 1.6})
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"name": "诉求数", "categories": ["分类统计", 0, 1, 0, n_ch],
                          "values": ["分类统计", n_dom + 1, 1, n_dom + 1, n_ch]})
        chart.set_title({"name": "按表达渠道"})
        chart.set_legend({"none": True})
        ws.insert_chart("D28", chart, {"x_scale": 1.3})

        sheet(by_domain, "分类统计", {"涉及领域": 20}, autofilter=False)
        sheet(score, "责任单位评分", {"单位": 26}, pct_cols={"办结率", "满意率"}, score_cols={"得分"})
        sheet(liaison, "双联系责任表", {"联系单位": 26, "联系点": 14})
        sheet(towns, "属地统计", {"乡镇": 12}, pct_cols={"办结率"})
        wide = {"编号": 16, "受理日期": 11, "办结日期": 11, "等级依据": 28, "主管部门": 24, "双联系单位": 24,
                "涉及领域": 18, "诉求内容": 80, "村社区": 12}
        sheet(a_list, "A级诉求", wide)
        sheet(open_list, "未办结诉求", wide)
        if len(detail) == 0:
            sheet(detail, "诉求明细", wide)
        for i, start in enumerate(range(0, len(detail), EXCEL_MAX_ROWS)):
            name = "诉求明细" if i == 0 else f"诉求明细({i + 1})"
            sheet(detail.iloc[start:start + EXCEL_MAX_ROWS], name, wide)
        sheet(problems, "数据问题", {"文件": 22, "问题": 60, "原始内容": 100})
        sheet(late_done, "往月诉求本月办结", wide)


# ---------------------------------------------------------------------------------------------
# Markdown

def md_cell(v):
    if isinstance(v, float):
        v = f"{v:.2f}"
    s = str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def md_table(df, pct_cols=()):
    out = ["| " + " | ".join(map(md_cell, df.columns)) + " |",
           "|" + "|".join("---:" if pd.api.types.is_numeric_dtype(df[c]) else "---" for c in df.columns) + "|"]
    for row in df.itertuples(index=False):
        cells = [f"{v:.1%}" if c in pct_cols and pd.notna(v) else ("—" if pd.isna(v) else v)
                 for c, v in zip(df.columns, row)]
        out.append("| " + " | ".join(map(md_cell, cells)) + " |")
    return "\n".join(out)


def write_markdown(path, args, overview, by_domain, score, towns, inputs, n_rows, n_rejected):
    v = dict(zip(overview["指标"], overview["数值"]))
    p = lambda x: "—" if x is None else f"{x:.1%}"
    y, m = args.month.split("-")
    ov = overview.copy()
    ov["数值"] = [p(x) if k.endswith("率") else x for k, x in zip(ov["指标"], ov["数值"])]
    cols = ["单位", "类型", "诉求总数", "已办结", "未办结", "办结率", "得分"]
    text = f"""# {args.county}民情月报（{y}年{int(m)}月）

> 本月共受理群众诉求 **{v['诉求总数']}** 件，其中 A 级（重要紧急）{v['A级']} 件、B 级（一般）{v['B级']} 件；已办结 {v['已办结']} 件，办结率 {p(v['办结率'])}，满意率 {p(v['满意率'])}，基层化解率 {p(v['基层化解率'])}。

数据来源：{'、'.join(os.path.basename(x) for x in inputs)}（共 {n_rows} 行，拒收 {n_rejected} 行）。

## 一、总体情况

{md_table(ov)}

## 二、分类统计

{md_table(by_domain[["涉及领域", "合计"]])}

## 三、责任单位评分（前五名）

{md_table(score[cols].head(5), pct_cols={"办结率"})}

## 四、责任单位评分（后五名）

{md_table(score[cols].tail(5), pct_cols={"办结率"})}

## 五、属地统计

{md_table(towns, pct_cols={"办结率"})}
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
