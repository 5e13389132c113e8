#!/usr/bin/env bash
# One command from a fresh clone: installs what is missing, builds minqing (release), and writes the
# bulletins of the six sample months (2026-05 … 2026-10, oldest first, so each month's late rows find
# the earlier months in the database) into ./reports/, using ./minqing.sqlite. Every file of a month's
# folder is read, whatever its form (CSV, a 12345 export, an .xlsx register), with the sample
# workspace's import mapping (SampleData/minqing.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
bin="$(swift build -c release --show-bin-path)/minqing"
for month in 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10; do
  "$bin" run --month "$month" --config SampleData/minqing.toml SampleData/"$month"/*
done
echo "minqing: $bin" >&2
echo "报告 reports: $(pwd)/reports/2026-10/ (民情月报-2026-10.xlsx, 民情月报-2026-10.md, 数据问题-2026-10.csv)" >&2
