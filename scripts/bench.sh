#!/usr/bin/env bash
# Benchmark: generates a month of N demands for the example county (80 % in a UTF-8 file, 20 % in a
# GB18030 file, realistic text lengths, quoting, embedded line breaks and a few bad rows), runs
# `minqing run` end to end on it with a release build, and prints wall time, peak memory (RSS), rows
# per second, the time of each stage and where each thread's CPU went. With --pandas it also times
# the pandas + XlsxWriter comparator (scripts/bench/pandas_bulletin.py) on the same files.
#
#   scripts/bench.sh                       # 10k and 100k demands
#   scripts/bench.sh 2000 1000000          # any sizes
#   scripts/bench.sh --pandas 100000       # and the comparator (needs: python3 -m pip install pandas xlsxwriter)
#   BENCH_DIR=/tmp/bench scripts/bench.sh  # keep the generated inputs (reused next time) and workspaces
#
# A month over 1,048,575 demands (e.g. 1100000) shows 诉求明细 continuing on 诉求明细(2).
set -euo pipefail
cd "$(dirname "$0")/.."
pandas=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --pandas) pandas=1 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/minqing"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"

for n in "${sizes[@]}"; do
  utf8="$work/month-$n-utf8.csv" gbk="$work/month-$n-gb18030.csv"
  first=$((n * 4 / 5)) second=$((n - n * 4 / 5))
  if [ ! -f "$utf8" ] || [ ! -f "$gbk" ]; then
    python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows "$first" --seed 1 \
      --bad-rows $((first / 5000 + 1)) --out "$utf8"
    python3 scripts/gen_demands.py --seeds seeds --month 2026-10 --rows "$second" --seed 2 \
      --start-id $((first + 1)) --bad-rows $((second / 5000 + 1)) --bad-start 3 --encoding gb18030 --out "$gbk"
  fi
  ws="$work/ws-$n"; rm -rf "$ws"; mkdir -p "$ws"
  /usr/bin/time -f '%e %M' -o "$ws/time" "$bin" run --log-level debug --month 2026-10 --seeds seeds \
    --db "$ws/minqing.sqlite" --out "$ws/reports" "$utf8" "$gbk" >"$ws/stdout" 2>"$ws/stderr"
  read -r wall kb <"$ws/time"
  printf '\n== %s demands (%s MB of CSV)\n' "$n" "$(du -cm "$utf8" "$gbk" | tail -1 | cut -f1)"
  printf 'minqing run: %.2f s wall, %d MB peak RSS, %.0f rows/s\n' "$wall" "$((kb / 1024))" "$(echo "$n / $wall" | bc -l)"
  grep -o 'stage .*' "$ws/stderr" | sed 's/^/  /'
  grep -o 'cpu .*' "$ws/stderr" | sed 's/^/  /'
  python3 - "$ws/reports/2026-10/民情月报-2026-10.xlsx" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
parts = []
for i, name in enumerate(names, 1):
    if name.startswith("诉求明细"):
        with z.open(f"xl/worksheets/sheet{i}.xml") as f:
            ref = re.search(rb'<dimension ref="A1:[A-Z]+(\d+)"', f.read(4096)).group(1).decode()
        parts.append(f"{name} {int(ref) - 1} rows")
size = sum(i.compress_size for i in z.infolist())
print(f"  workbook: {len(names)} sheets, {'; '.join(parts)}; {size / 1e6:.1f} MB")
notice = sys.argv[1].replace("民情月报-", "督办清单-")
z = zipfile.ZipFile(notice)
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
rows = 0
for i in range(1, len(names) + 1):
    with z.open(f"xl/worksheets/sheet{i}.xml") as f:
        rows += max(0, int(re.search(rb'<dimension ref="A1:[A-Z]+(\d+)"', f.read(4096)).group(1)) - 3)
size = sum(i.compress_size for i in z.infolist())
print(f"  督办清单: {len(names)} sheets, {rows} open demands; {size / 1e6:.1f} MB")
EOF
  if [ "$pandas" = 1 ]; then
    out="$work/pandas-$n"; rm -rf "$out"; mkdir -p "$out"
    /usr/bin/time -f '%e %M' -o "$out/time" python3 scripts/bench/pandas_bulletin.py --seeds seeds --month 2026-10 \
      --out "$out" "$utf8" "$gbk" >"$out/stdout" 2>"$out/stderr" || { echo "  pandas comparator failed: see $out/stderr"; continue; }
    read -r pwall pkb <"$out/time"
    printf 'pandas + XlsxWriter: %.2f s wall, %d MB peak RSS — minqing is %.1f× faster\n' \
      "$pwall" "$((pkb / 1024))" "$(echo "$pwall / $wall" | bc -l)"
  fi
done
