#!/usr/bin/env python3
"""Reads a workbook with openpyxl (a reader minqing did not write) and prints what the tests check, as JSON."""
import json
import sys
import zipfile

import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
out = {"sheets": wb.sheetnames, "detail": {}}
for ws in wb.worksheets:
    rows = []
    types = []
    formats = []
    for row in ws.iter_rows():
        rows.append([c.value for c in row])
        types.append([c.data_type for c in row])
        formats.append([c.number_format for c in row])
    ps = ws.page_setup
    out["detail"][ws.title] = {
        "rows": rows,
        "types": types,
        "formats": formats,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "orientation": ps.orientation,
        "paper": ps.paperSize,
        "fitToWidth": ps.fitToWidth,
        "fitToHeight": ps.fitToHeight,
        "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "printTitleRows": ws.print_title_rows,
        "header": ws.oddHeader.center.text if ws.oddHeader and ws.oddHeader.center else None,
        "headerLeft": ws.oddHeader.left.text if ws.oddHeader and ws.oddHeader.left else None,
        "headerRight": ws.oddHeader.right.text if ws.oddHeader and ws.oddHeader.right else None,
        "firstPageNumber": ps.firstPageNumber,
        "useFirstPageNumber": ps.useFirstPageNumber,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "footer": ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
        "conditional": [str(r) for r in ws.conditional_formatting],
    }
with zipfile.ZipFile(path) as z:
    out["charts"] = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
    out["formulas"] = sum(z.read(n).count(b"<f>") for n in z.namelist() if n.startswith("xl/worksheets/"))
json.dump(out, sys.stdout, ensure_ascii=False, default=str)
