#!/bin/sh
# Regenerate the sample inputs in SampleData/ (half a year, 2026-05 … 2026-10) from the example county
# in seeds/. Deterministic: running it again gives byte-identical files. Run from anywhere.
# SampleData/README.md says what each file holds. Each month's platform export (群众诉求-YYYY-MM.csv)
# carries late rows of earlier months' demands at its top, so the months are written oldest first:
# a month reads the earlier exports (--late-from / --late-state, oldest first) for each demand's
# latest state.
set -eu
cd "$(dirname "$0")/.."
GEN="python3 scripts/gen_demands.py --seeds seeds"
D=SampleData
rm -f "$D"/2026-0[5-9]/*.csv "$D"/2026-10/*.csv "$D"/2026-10/*.xlsx

# May: plain UTF-8, LF; 112 demands + 2 bad rows (人数 "0", an 编号 used twice)
$GEN --month 2026-05 --rows 112 --seed 5 --bad-rows 2 --bad-start 3 \
    --out $D/2026-05/群众诉求-2026-05.csv

# June: UTF-8 with BOM, CRLF; 104 demands + 2 bad rows (受理日期 after the month, channel 抖音);
# 6 May demands: 5 resolved in June, 1 still 办理中
$GEN --month 2026-06 --rows 104 --seed 6 --bad-rows 2 --bad-start 5 --encoding utf-8-sig --crlf \
    --late-from $D/2026-05/群众诉求-2026-05.csv --late-count 6 --late-open 1 \
    --out $D/2026-06/群众诉求-2026-06.csv

# July: UTF-8, LF; 96 demands + 2 rows with an unknown 村社区 / 主管部门 (notices);
# May 2 (1 still open), June 7 (1 still open)
$GEN --month 2026-07 --rows 96 --seed 17 --bad-rows 2 --bad-start 7 \
    --late-from $D/2026-05/群众诉求-2026-05.csv --late-from $D/2026-06/群众诉求-2026-06.csv \
    --late-count 2 --late-count 7 --late-open 1 \
    --out $D/2026-07/群众诉求-2026-07.csv
# July 说事点 register saved from Excel on Chinese Windows: GB18030, LF; 18 demands numbered from 5001
# + 1 bad row (blank 诉求内容)
$GEN --month 2026-07 --rows 18 --seed 71 --start-id 5001 --main-channel 说事点 \
    --bad-rows 1 --bad-start 0 --encoding gb18030 \
    --out $D/2026-07/说事点登记-2026-07.csv

# August: the platform now exports 诉求类型 and 解决情况. UTF-8 with BOM, CRLF; 112 demands + 3 bad
# rows (受理日期 "2026/13/01", status 已转办, 人数 "-1"); May 1, June 3 (1 open), July 7 (1 open)
$GEN --month 2026-08 --rows 112 --seed 8 --bad-rows 3 --bad-start 10 --types --encoding utf-8-sig --crlf \
    --late-from $D/2026-05/群众诉求-2026-05.csv --late-from $D/2026-06/群众诉求-2026-06.csv \
    --late-from $D/2026-07/群众诉求-2026-07.csv \
    --late-count 1 --late-count 3 --late-count 7 --late-open 0 --late-open 1 --late-open 1 \
    --out $D/2026-08/群众诉求-2026-08.csv
# August 民情日记 (cadres' visits) from the township app: English headers, UTF-8, LF, with 诉求类型
# and 解决情况; 16 demands numbered from 6001 + 1 bad row (an 编号 used twice)
$GEN --month 2026-08 --rows 16 --seed 81 --start-id 6001 --main-channel 民情日记 --types \
    --bad-rows 1 --bad-start 4 --english-headers \
    --out $D/2026-08/民情日记-2026-08.csv

# September: UTF-8, LF, with 诉求类型 and 解决情况; 120 demands + 3 bad rows (blank 诉求内容, 受理日期
# "2026-02-30", status 已转办); June 1, July 3 (1 open), August 6 (1 open); 2 late registrations (补录)
# received in August
$GEN --month 2026-09 --rows 120 --seed 9 --bad-rows 3 --types \
    --late-state $D/2026-05/群众诉求-2026-05.csv --late-from $D/2026-06/群众诉求-2026-06.csv \
    --late-from $D/2026-07/群众诉求-2026-07.csv --late-from $D/2026-08/群众诉求-2026-08.csv \
    --late-count 1 --late-count 3 --late-count 6 --late-open 0 --late-open 1 --late-open 1 \
    --backfill 2 --backfill-month 2026-08 \
    --out $D/2026-09/群众诉求-2026-09.csv

# October platform export, now also with 截止日期: UTF-8 with BOM, CRLF; 110 demands + 4 bad rows
# (status 已转办, 人数 "0", an 编号 used twice, 受理日期 after the month); July 2 (1 open), August 3
# (1 open), September 7 (1 open)
$GEN --month 2026-10 --rows 110 --seed 10 --bad-rows 4 --bad-start 2 --types --deadlines \
    --encoding utf-8-sig --crlf \
    --late-state $D/2026-05/群众诉求-2026-05.csv --late-state $D/2026-06/群众诉求-2026-06.csv \
    --late-from $D/2026-07/群众诉求-2026-07.csv --late-from $D/2026-08/群众诉求-2026-08.csv \
    --late-from $D/2026-09/群众诉求-2026-09.csv \
    --late-count 2 --late-count 3 --late-count 7 --late-open 1 \
    --out $D/2026-10/群众诉求-2026-10.csv
# October 说事点 register saved from Excel on Chinese Windows: GB18030, LF; 24 demands (mostly channel
# 说事点) numbered from 5001 + 1 bad row (受理日期 "昨天"); 2 September entries registered late (补录)
$GEN --month 2026-10 --rows 24 --seed 11 --start-id 5001 --main-channel 说事点 \
    --bad-rows 1 --bad-start 19 --encoding gb18030 --backfill 2 --backfill-month 2026-09 \
    --out $D/2026-10/说事点登记-2026-10.csv
# October's other forms (SPEC §10): the 12345 platform's export with its own headers and status words
# (mapped in SampleData/minqing.toml), and 城关镇's Excel register with a title above the header.
python3 scripts/make_sample_forms.py
# October's planted collective complaint (SPEC §11 热点诉求): 14 demands about one estate's bundled
# parking spaces, in different words and domains.
python3 scripts/make_sample_topic.py
