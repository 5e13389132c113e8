#!/usr/bin/env python3
"""Writes the committed workbook fixtures of this folder (run it here; CI needs none of these libraries):

- shared-strings.xlsx  XlsxWriter (which writes shared strings, as Excel does; openpyxl writes inline ones)
- register.xls         xlwt, BIFF8: two sheets, text, whole and decimal numbers, a date, a date and time
- system1904.xls       xlwt, the 1904 date system
- password.xls         register.xls marked as password-protected: its WRITEACCESS record (type 0x5C, 112
                       bytes) becomes a FILEPASS record (0x2F) of the same length, XOR obfuscation, which
                       is what FreeXL reports as FREEXL_BIFF_OBFUSCATED (no free tool writes an encrypted
                       .xls; Excel writes FILEPASS right after the workbook's BOF)
- encrypted.xlsx       shared-strings.xlsx encrypted with the password "minqing" by msoffcrypto-tool
                       (Office's Agile encryption: an OLE2 file with EncryptionInfo and EncryptedPackage)

    python3 -m pip install xlsxwriter xlwt msoffcrypto-tool
    python3 make-fixtures.py
"""
import datetime
import io

import msoffcrypto
from msoffcrypto.format.ooxml import OOXMLFile
import xlsxwriter
import xlwt

wb = xlsxwriter.Workbook("shared-strings.xlsx")
ws = wb.add_worksheet("诉求")
date = wb.add_format({"num_format": "yyyy-mm-dd"})
ws.write_row(0, 0, ["编号", "受理日期", "诉求内容", "人数"])
ws.write_row(1, 0, ["SS-1"])
ws.write_datetime(1, 1, datetime.datetime(2026, 10, 3), date)
ws.write_row(1, 2, ["路灯不亮", 2])
ws.write_row(2, 0, ["SS-2", None, "路灯不亮", 1.25])
ws.write_formula(3, 0, "=A2&\"-续\"", None, "SS-1-续")
ws.write_formula(3, 3, "=D2+D3", None, 3.25)
wb.close()

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("登记表")
date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
datetime_style = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
for col, header in enumerate(["编号", "受理日期", "诉求内容", "人数", "金额", "办结时间"]):
    sheet.write(0, col, header)
sheet.write(1, 0, "X-1")
sheet.write(1, 1, datetime.date(2026, 10, 3), date_style)
sheet.write(1, 2, "道路积水，请求疏通")
sheet.write(1, 3, 3)
sheet.write(1, 4, 12.5)
sheet.write(1, 5, datetime.datetime(2026, 10, 3, 14, 22, 5), datetime_style)
# Row 3 left empty.
sheet.write(3, 0, "X-2")
sheet.write(3, 1, datetime.datetime(2026, 10, 4), datetime_style)  # midnight: shown as the date
sheet.write(3, 2, "含,逗号")
sheet.write(3, 3, 1234567890123)
sheet.write(3, 4, 0.1)
sheet.write(3, 5, 46300)  # a serial without a date format stays a number
second = book.add_sheet("第二页")
second.write(0, 0, "编号")
second.write(1, 0, "Y-1")
book.save("register.xls")

book = xlwt.Workbook(encoding="utf-8")
book.dates_1904 = True
sheet = book.add_sheet("Sheet1")
sheet.write(0, 0, datetime.date(2026, 10, 3), date_style)
sheet.write(0, 1, 44836)  # the same day's serial in the 1904 system, as a number
book.save("system1904.xls")

with open("shared-strings.xlsx", "rb") as plain, open("encrypted.xlsx", "wb") as out:
    office = OOXMLFile(plain)
    office.encrypt("minqing", out)

data = bytearray(open("register.xls", "rb").read())
at = data.find(b"\x5c\x00\x70\x00")
assert at > 0, "no WRITEACCESS record in register.xls"
data[at:at + 2] = b"\x2f\x00"          # record type FILEPASS, length unchanged (112)
data[at + 4:at + 6] = b"\x00\x00"      # wEncryptionType 0: XOR obfuscation
open("password.xls", "wb").write(bytes(data))
