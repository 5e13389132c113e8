#!/usr/bin/env python3
# Regenerates the bad-input fixtures byte for byte (needs iconv). Run from this folder.
import subprocess
H = "编号,受理日期,渠道,诉求内容,办理状态"
def w(name, data):
    if isinstance(data, str): data = data.encode("utf-8")
    open(name, "wb").write(data)
def gb(s): return subprocess.run(["iconv","-f","UTF-8","-t","GB18030"], input=s.encode(), capture_output=True, check=True).stdout
w("empty.csv", b"")
w("header-only.csv", H + "\n")
w("missing-required-column.csv", "编号,受理日期,渠道,办理状态\nM1,2026-10-01,来访,已办结\n")
w("duplicated-header-column.csv", "编号,受理日期,渠道,诉求内容,渠道,办理状态\nD1,2026-10-01,来访,路灯不亮,来信,已办结\n")
w("unknown-extra-column.csv", H + ",备注\nX1,2026-10-01,来访,路灯不亮,已办结,随便写写\n")
w("bom-gb18030.csv", b"\xef\xbb\xbf" + gb(H + "\nB1,2026-10-01,来访,路灯不亮,已办结\n"))
w("invalid-utf8-after-prefix.csv", (H + "\nU1,2026-10-01,来访,路灯不亮,已办结\nU2,2026-10-02,来访,路面坑洼,已办结\n").encode() + b"U3,2026-10-03,\xe6\x9d\xa5\xff\xfe,\xe8\xb7\xaf,\xe5\xb7\xb2\xe5\x8a\x9e\xe7\xbb\x93\n")
w("invalid-gb18030.csv", gb(H + "\nG1,2026-10-01,来访,路灯不亮,已办结\n") + b"G2,2026-10-02," + gb("来访") + b",\xff\xff\x81," + gb("已办结") + b"\n")
w("nul-in-row.csv", H + "\nN1,2026-10-01,来访,路灯\x00不亮,已办结\nN2,2026-10-02,来访,路面坑洼,已办结\n")
w("unterminated-quote.csv", H + "\nQ1,2026-10-01,来访,路灯不亮,已办结\nQ2,2026-10-02,来访,\"路面坑洼\n还在引号里,已办结\nQ3,2026-10-03,来访,停水,已办结\n")
w("ragged-rows.csv", H + ",诉求人\nR1,2026-10-01,来访,路灯不亮,已办结,张三\nR2,2026-10-02,来访,路面坑洼,已办结,李四,多出来的\nR3,2026-10-03,来访,停水,已办结\n")
w("cr-line-ends.csv", (H + "\rC1,2026-10-01,来访,路灯不亮,已办结\rC2,2026-10-02,来访,\"两行\r内容\",已办结\rC3,2026-10-03,来访,停水,待定\rC4,2026-10-04,来访,停电,已办结\r"))
w("blank-required-values.csv", H + "\n,2026-10-01,来访,路灯不亮,已办结\nV2,,来访,路灯不亮,已办结\nV3,2026-10-03,,路灯不亮,已办结\nV4,2026-10-04,来访,,已办结\nV5,2026-10-05,来访,路灯不亮,\nV6,2026-10-06,来访,路灯不亮,已办结\n")
w("bad-dates.csv", H + "\nT1,2026-02-30,来访,路灯不亮,已办结\nT2,2026/13/01,来访,路灯不亮,已办结\nT3,昨天,来访,路灯不亮,已办结\nT4,2026-10-04,来访,路灯不亮,已办结\n")
w("unknown-status.csv", H + "\nS1,2026-10-01,来访,路灯不亮,已转办\nS2,2026-10-02,来访,路灯不亮,办结\n")
w("bad-headcount.csv", H + ",人数\nP1,2026-10-01,来访,路灯不亮,已办结,0\nP2,2026-10-02,来访,路灯不亮,已办结,-1\nP3,2026-10-03,来访,路灯不亮,已办结,1.5\nP4,2026-10-04,来访,路灯不亮,已办结,一百\nP5,2026-10-05,来访,路灯不亮,已办结,\nP6,2026-10-06,来访,路灯不亮,已办结,12\n")
w("duplicate-id.csv", H + "\nK1,2026-10-01,来访,路灯不亮,已办结\nK2,2026-10-02,来访,路面坑洼,已办结\nK1,2026-10-03,来访,停水,已办结\n")
w("date-after-month.csv", H + "\nF1,2026-10-31,来访,路灯不亮,已办结\nF2,2026-11-01,来访,路灯不亮,已办结\n")
w("date-too-old.csv", H + "\nO1,2024-10-01,来访,路灯不亮,已办结\nO2,2024-09-30,来访,路灯不亮,已办结\n")
w("unknown-references.csv", H + ",村社区,涉及领域,主管部门\nW1,2026-10-01,飞鸽传书,路灯不亮,已办结,东门社区,,\nW2,2026-10-02,来访,路面坑洼,已办结,不存在村,,\nW3,2026-10-03,来访,自来水停水,已办结,东门社区,天文,\nW4,2026-10-04,来访,超市预付卡,已办结,东门社区,,县魔法局\n")
w("many-problems.csv", H + ",人数\nZ1,2026-10-01,来访,路灯不亮,已办结,\nZ2,2026-02-30,来访,\"带引号的\"\"内容\"\"，含逗号\",已办结,\nZ3,2026-10-03,来访,路面坑洼,已转办,\nZ4,2026-10-04,来访,停水,已办结,一百\nZ1,2026-10-05,来访,停电,已办结,\nZ6,2026-11-01,来访,\"两行\n内容\",已办结,\nZ7,2026-10-07,来访,路灯不亮,已办结,2,多余\nZ8,2026-10-08,来访,路灯不亮,已办结,3\n")
w("utf8-with-stray-gbk-bytes.csv", "id,received,channel,content,status\nM1,2026-10-01,visit,路灯不亮,resolved\nM2,2026-10-02,visit,路面坑洼,resolved\n".encode() + b"M3,2026-10-03,visit,\xb0\xa1\xb0\xa1,resolved\n")
