#!/bin/sh
# Regenerate the sample inputs in SampleData/ from the example county in seeds/.
# Deterministic: running it again gives byte-identical files.  Run from anywhere.
set -eu
cd "$(dirname "$0")/.."
GEN="python3 scripts/gen_demands.py --seeds seeds"

# September: plain UTF-8, LF, 120 demands + 3 bad rows (blank content, bad date, unknown status)
$GEN --month 2026-09 --rows 120 --seed 9 --bad-rows 3 \
    --out SampleData/2026-09/群众诉求-2026-09.csv

# October platform export: UTF-8 with BOM, CRLF, 110 demands + 4 bad rows (unknown status, headcount,
# duplicate 编号, received after the month) + 6 September demands resolved in October
$GEN --month 2026-10 --rows 110 --seed 10 --bad-rows 4 --bad-start 2 \
    --encoding utf-8-sig --crlf \
    --late-from SampleData/2026-09/群众诉求-2026-09.csv --late-count 6 \
    --out SampleData/2026-10/群众诉求-2026-10.csv

# October 说事点 register saved from Excel on Chinese Windows: GB18030, 24 demands (mostly channel
# 说事点) numbered from 5001, + 1 bad row (受理日期 "昨天")
$GEN --month 2026-10 --rows 24 --seed 11 --start-id 5001 --main-channel 说事点 \
    --bad-rows 1 --bad-start 19 --encoding gb18030 \
    --out SampleData/2026-10/说事点登记-2026-10.csv
