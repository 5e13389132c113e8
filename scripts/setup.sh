#!/usr/bin/env bash
# One command from a fresh clone: installs what is missing, builds minqing (release), and writes the
# bulletins of the sample months (2026-09, then 2026-10) into ./reports/, using ./minqing.sqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
bin="$(swift build -c release --show-bin-path)/minqing"
"$bin" run --month 2026-09 SampleData/2026-09/*.csv
"$bin" run --month 2026-10 SampleData/2026-10/*.csv
echo "minqing: $bin" >&2
echo "报告 reports: $(pwd)/reports/2026-10/" >&2
