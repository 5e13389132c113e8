#!/usr/bin/env python3
"""Writes the .xlsx workbooks the form tests read (XLSXSourceTests), into OUTDIR.

    python3 make_workbooks.py OUTDIR            the readable workbooks
    python3 make_workbooks.py OUTDIR --hostile  also the hostile ones (zip bomb, entities, ...)

Readable ones come from openpyxl; where openpyxl cannot write what Excel and WPS write (cached formula
values, inline strings, rows and cells without `r`, phonetic runs, `t="d"`), the parts are written by
hand with zipfile, as Excel would. Needs python3 with openpyxl.
"""
import datetime
import io
import os
import struct
import sys
import zipfile
import zlib

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


# --- openpyxl workbooks -----------------------------------------------------------------------------

def basic():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "登记表"
    ws.append(["2026年10月群众诉求登记表"])
    ws.append(["编号", "受理日期", "诉求内容", "人数", "金额", "办结时间", "备注"])
    ws.append(["MQ-001", datetime.date(2026, 10, 3), "道路积水，请求疏通", 3, 12.5,
               datetime.datetime(2026, 10, 3, 14, 22, 5), None])
    # Row 4 is left empty; row 5 has gaps (B and D empty).
    ws["A5"] = "MQ-002"
    ws["C5"] = "含,逗号和\"引号\""
    ws["E5"] = 1234567890123
    ws["F5"] = datetime.datetime(2026, 10, 4, 9, 5, 59, 600000)  # rounds up to 09:06:00
    ws["A6"] = "MQ-003"
    ws["B6"] = 46300  # a serial number not formatted as a date stays a number
    ws["C6"] = CellRichText([TextBlock(InlineFont(b=True), "加粗"), "和普通"])
    ws["D6"] = True
    ws["E6"] = 0.1
    ws["F6"] = 46300.5
    ws["F6"].number_format = 'yyyy"年"m"月"d"日"'
    ws["G6"] = 1e20
    ws["A7"] = "MQ-004"
    ws["B7"] = 46300
    ws["B7"].number_format = "[$-804]yyyy/m/d;@"
    ws["C7"] = -5
    ws["D7"] = 0.5
    ws["D7"].number_format = "h:mm:ss"
    ws["E7"] = 3.0
    ws["F7"] = 46300
    ws["F7"].number_format = '0.00"d"'  # a 'd' inside quotes: not a date
    ws["G7"] = 46300
    ws["G7"].number_format = "[Red]0.00"  # 'd' inside brackets: not a date
    wb.save(path("basic.xlsx"))


def hidden_first():
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "说明"
    first["A1"] = "这一页是说明"
    first.sheet_state = "hidden"
    data = wb.create_sheet("数据")
    data.append(["编号", "诉求内容"])
    data.append(["H-1", "数据页"])
    other = wb.create_sheet("其他")
    other.append(["编号", "诉求内容"])
    other.append(["O-1", "其他页"])
    wb.save(path("hidden-first.xlsx"))


def system1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = datetime.date(2026, 10, 3)
    ws["B1"] = datetime.datetime(2026, 10, 3, 8, 30)
    ws["C1"] = 0  # serial 0, not a date format: the number
    ws["D1"] = 0
    ws["D1"].number_format = "yyyy-mm-dd"  # day 0 of 1904
    wb.save(path("system1904.xlsx"))


# --- hand-written packages --------------------------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def package(name, sheets, shared=None, styles=None, workbook_pr="", sheet_target=None, extra=None):
    """A workbook whose sheets are (name, xml) pairs; `sheet_target(i)` gives the rels Target."""
    target = sheet_target or (lambda i: f"worksheets/sheet{i}.xml")
    sheet_list = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(sheets, 1))
    workbook = f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}>{workbook_pr}<sheets>{sheet_list}</sheets></workbook>'
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}worksheet" Target="{target(i)}"/>'
                   for i in range(1, len(sheets) + 1))
    if shared is not None:
        rels += f'<Relationship Id="rIdS" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>'
    if styles is not None:
        rels += f'<Relationship Id="rIdT" Type="{REL}styles" Target="styles.xml"/>'
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>")
        for i, (_, xml) in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
        for part, data in (extra or {}).items():
            z.writestr(part, data)


def sheet(rows_xml, head=""):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}>{head}<sheetData>{rows_xml}</sheetData></worksheet>'


STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS.split(' ')[0]}>
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/></cellXfs>
</styleSheet>"""


def crafted():
    shared = f"""<?xml version="1.0" encoding="UTF-8"?><sst {NS.split(' ')[0]} count="3" uniqueCount="3">
<si><t>编号</t></si>
<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>
<si><t/></si>
</sst>"""
    rows = (
        # Row 1: shared strings, an inline string, a rich inline string with a phonetic run.
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>内联</t></is></c>'
        '<c r="D1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙</t></r><rPh><t>こう</t></rPh></is></c></row>'
        # Row 2, no r on the row or its cells: formulas with and without a cached value, errors, booleans, ISO dates.
        '<row><c t="str"><f>A1&amp;"x"</f><v>编号x</v></c><c><f>1+2</f><v>3</v></c><c><f>NOW()</f></c>'
        '<c t="e"><f>NA()</f><v>#N/A</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c>'
        '<c t="d"><v>2026-10-03T00:00:00Z</v></c><c t="d"><v>2026-10-03T14:22:05.4</v></c></row>'
        # Row 4 (row 3 missing): styles 1 (built-in 14), 2 (custom 年月日), 3 (built-in 22), and an empty cell.
        '<row r="4"><c r="B4" s="1"><v>46298</v></c><c r="C4" s="2"><v>46300</v></c>'
        '<c r="D4" s="3"><v>46300.598668981485</v></c><c r="E4" s="1"/><c r="F4" t="s"><v>2</v></c></row>'
        # Row 5: the 1900 system's phantom leap day and the days around it.
        '<row r="5"><c r="A5" s="1"><v>59</v></c><c r="B5" s="1"><v>60</v></c><c r="C5" s="1"><v>61</v></c>'
        '<c r="D5" s="1"><v>-1</v></c><c r="E5"><v>1.5E-3</v></c><c r="F5"><v>007</v></c></row>'
        # Row 6: only empty cells, then row 7 without r (follows 6).
        '<row r="6"><c r="A6"/><c r="B6" s="1"/></row><row><c t="inlineStr"><is><t>七</t></is></c></row>'
    )
    package("crafted.xlsx", [("手写", sheet(rows, '<dimension ref="A1:Z10000000"/>'))], shared=shared, styles=STYLES,
            sheet_target=lambda i: f"/xl/worksheets/sheet{i}.xml")


def rows_many(count):
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>行{r}</t></is></c><c r="B{r}"><v>{r}</v></c></row>'
                   for r in range(1, count + 1))
    package("many-rows.xlsx", [("Sheet1", sheet(body))])


# --- hostile packages --------------------------------------------------------------------------------

def one_sheet_parts(z):
    """The parts of a one-sheet package but its sheet, which the caller streams into xl/worksheets/sheet1.xml."""
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("_rels/.rels", ROOT_RELS)
    z.writestr("xl/workbook.xml", f'<workbook {NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               f'<Relationship Id="rId1" Type="{REL}worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def zip_bomb():
    """A sheet that inflates to 1 GiB of spaces inside <sheetData> (about 2 MB compressed)."""
    with zipfile.ZipFile(path("zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        one_sheet_parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f"<worksheet {NS}><sheetData>".encode())
            block = b" " * (1 << 20)
            for _ in range(1024):
                f.write(block)
            f.write(b"</sheetData></worksheet>")


def lying_size():
    """A sheet of about 20 MB whose headers (local and central) declare 2,000 bytes."""
    xml = (f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
           + " " * (20 << 20) + "</sheetData></worksheet>").encode()
    package("lying-size.xlsx", [("S", sheet(""))])
    # Rewrite the package with every entry but the sheet, then append the sheet's entry by hand.
    src = zipfile.ZipFile(path("lying-size.xlsx"))
    kept = {i.filename: src.read(i.filename) for i in src.infolist() if i.filename != "xl/worksheets/sheet1.xml"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in kept.items():
            z.writestr(name, content)
    entries = buf.getvalue()
    count, cd_size, cd_offset = struct.unpack("<HII", entries[-12:-2])
    records, central = entries[:cd_offset], entries[cd_offset:cd_offset + cd_size]
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    compressed = compressor.compress(xml) + compressor.flush()
    name = b"xl/worksheets/sheet1.xml"
    crc = zlib.crc32(xml) & 0xFFFFFFFF
    offset = len(records)
    records += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(compressed), 2000,
                           len(name), 0) + name + compressed
    central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(compressed), 2000,
                           len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(central), len(records), 0)
    with open(path("lying-size.xlsx"), "wb") as f:
        f.write(records + central + end)


def entity_sheets():
    laughs = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' \
             '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' \
             '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">' \
             '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">' \
             '<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;"><!ENTITY j "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">]>' \
             f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>'
    package("billion-laughs.xlsx", [("S", laughs)])
    xxe = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>' \
          f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>'
    package("external-entity.xlsx", [("S", xxe)])
    shared_xxe = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>' \
                 f'<sst {NS.split(" ")[0]}><si><t>&x;</t></si></sst>'
    package("external-entity-shared.xlsx", [("S", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))], shared=shared_xxe)


def empty_cells():
    """10⁷ empty cells (`<c/>`, no r): 611 rows of 16,384, then one more row's worth beyond."""
    row = "<row>" + "<c/>" * 16384 + "</row>"
    with zipfile.ZipFile(path("empty-cells.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        one_sheet_parts(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f"<worksheet {NS}><sheetData>".encode())
            for _ in range(611):
                f.write(row.encode())
            f.write(b"</sheetData></worksheet>")
    # The same cells in one row: column 16,385 is beyond Excel's last column XFD.
    package("empty-cells-one-row.xlsx", [("S", sheet("<row>" + "<c/>" * 100_000 + "</row>"))])


def shared_amplification():
    """One 1 MB shared string named by 100 cells of one row: 100 MB of text from a 3 KB file."""
    shared = f'<sst {NS.split(" ")[0]}><si><t>' + "长" * (1 << 18) + "</t></si></sst>"
    cells = "".join(f'<c t="s"><v>0</v></c>' for _ in range(100))
    package("shared-amplification.xlsx", [("S", sheet(f'<row r="1">{cells}</row>'))], shared=shared)


def broken():
    basic_bytes = open(path("basic.xlsx"), "rb").read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(basic_bytes[: len(basic_bytes) // 2])
    with zipfile.ZipFile(path("not-a-workbook.xlsx"), "w") as z:
        z.writestr("readme.txt", "这不是工作簿")
    package("bad-xml.xlsx", [("S", sheet('<row r="1"><c r="A1"><v>1</v></row>'))])
    package("doctype-workbook.xlsx", [("S", sheet(""))])
    # Put a harmless DOCTYPE into workbook.xml itself.
    data = zipfile.ZipFile(path("doctype-workbook.xlsx"))
    parts = {i.filename: data.read(i.filename) for i in data.infolist()}
    parts["xl/workbook.xml"] = b'<?xml version="1.0"?><!DOCTYPE workbook>' + parts["xl/workbook.xml"].split(b"?>", 1)[1]
    with zipfile.ZipFile(path("doctype-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)


basic()
hidden_first()
system1904()
crafted()
if "--many" in sys.argv:
    rows_many(200_000)
if "--hostile" in sys.argv:
    zip_bomb()
    lying_size()
    entity_sheets()
    empty_cells()
    shared_amplification()
    broken()
