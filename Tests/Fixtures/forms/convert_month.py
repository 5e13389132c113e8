#!/usr/bin/env python3
"""Writes one month's CSV again in the other forms units send (SPEC §10), with libraries minqing did not
write: Unicode text (UTF-16LE with BOM, tab-separated, CRLF, as Excel saves it), an .xlsx (openpyxl:
dates as date cells, 人数 as numbers) and an .xls (xlwt, BIFF8: the same). The header is row 1 in each,
so rows are numbered alike.

    convert_month.py MONTH.csv OUT_BASENAME     # writes OUT_BASENAME.txt, .xlsx and .xls
"""
import csv
import datetime
import sys

import openpyxl
import xlwt


def cell_value(column, text):
    if column in ("受理日期", "办结日期", "截止日期") and text:
        for pattern, has_time in (("%Y-%m-%d %H:%M:%S", True), ("%Y-%m-%d %H:%M", True), ("%Y-%m-%d", False),
                                  ("%Y/%m/%d", False), ("%Y年%m月%d日", False)):
            try:
                return datetime.datetime.strptime(text, pattern), has_time
            except ValueError:
                pass
    if column == "人数" and text.isdigit() and text != "0":
        return int(text), False
    return text, False


def main(source, base):
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], rows[1:]

    with open(base + ".txt", "w", encoding="utf-16", newline="") as f:  # "utf-16" writes the BOM (LE here)
        for row in rows:
            f.write("\t".join(('"' + v.replace('"', '""') + '"') if ("\t" in v or "\n" in v or '"' in v) else v
                              for v in row) + "\r\n")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "登记表"
    sheet.append(header)
    for row in data:
        values = [cell_value(c, v) for c, v in zip(header, row)]
        sheet.append([v for v, _ in values])
        r = sheet.max_row
        for k, (v, has_time) in enumerate(values):
            if isinstance(v, datetime.datetime):
                sheet.cell(row=r, column=k + 1).number_format = "yyyy-mm-dd hh:mm" if has_time else "yyyy-mm-dd"
    book.save(base + ".xlsx")

    old = xlwt.Workbook(encoding="utf-8")
    ws = old.add_sheet("登记表")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    moment = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    for k, name in enumerate(header):
        ws.write(0, k, name)
    for i, row in enumerate(data):
        for k, (v, has_time) in enumerate(cell_value(c, t) for c, t in zip(header, row)):
            if isinstance(v, datetime.datetime):
                ws.write(i + 1, k, v, moment if has_time else day)
            else:
                ws.write(i + 1, k, v)
    old.save(base + ".xls")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
