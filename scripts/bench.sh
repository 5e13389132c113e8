#!/usr/bin/env bash
# Benchmark: generates a month of N demands for the example county (80 % in a UTF-8 file, 20 % in a
# GB18030 file, realistic text lengths, quoting, embedded line breaks and a few bad rows), runs
# `minqing run` end to end on it with a release build, and prints wall time, peak memory (RSS), rows
# per second, the time of each stage and where each thread's CPU went. With --pandas it also times
# the pandas + XlsxWriter comparator (scripts/bench/pandas_bulletin.py) on the same files.
#
#   scripts/bench.sh                       # 10k and 100k demands
#   scripts/bench.sh 2000 1000000          # any sizes
#   scripts/bench.sh --no-history 100000   # the month alone on an empty database
#   scripts/bench.sh --pandas 100000       # and the comparator (needs: python3 -m pip install pandas xlsxwriter)
#   BENCH_DIR=/tmp/bench scripts/bench.sh  # keep the generated inputs, history and workspaces (reused next time)
#
# History (the default): the timed month 2026-10 runs on a database that already holds the 12 months
# 2025-10 … 2026-09, as a county's database does after a year. Each history month has H = max(N/10,
# 2000) demands (10,000 a month for N = 100,000, 100,000 for N = 1,000,000), generated with
# scripts/gen_demands.py (seed 1000 + month number, H/5000 + 1 bad rows), and starts with late rows
# of the three months before it (--late-from: 20 %, 3 % and 1 % of H from the month before, the one
# before that and the third back, about one in seven of them re-exported as still 办理中, the rest
# resolved: most of a month's ~25 % open demands are answered within three months, a few % stay
# open for longer). Exports are made at the month's end (--export-lag 0). The timed month's UTF-8 file carries
# late rows of 2026-07, 2026-08 and 2026-09 the same way, on top of the same N demands as without
# history (so its file is month-N-late-utf8.csv; the GB18030 file is shared). The history is ingested
# month by month with `minqing ingest --month` (not timed) into BENCH_DIR/history-N/history.sqlite,
# which is kept and copied into each fresh workspace before the timed run, so every timed run starts
# from the same 12-month database. It is built again when scripts/gen_demands.py changed or when the
# binary's schema migrations differ from the kept database's (a timed run never migrates). The output
# gives the history's size: demands, late updates and the database's MB.
# --no-history keeps the old benchmark: the month alone on an empty database.
# The timed month's UTF-8 file replaces the text of 0.3 % of its rows by three planted collective
# complaints (gen_demands.py --planted-share), so the topic stage (SPEC §11) has topics to size.
#
# A month over 1,048,575 demands (e.g. 1100000) shows 诉求明细 continuing on 诉求明细(2).
set -euo pipefail
cd "$(dirname "$0")/.."
pandas=0
history=1
sizes=()
for arg in "$@"; do
  case "$arg" in
    --pandas) pandas=1 ;;
    --no-history) history=0 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/minqing"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work"
# Exports made at the month's end for the cron run on the 1st: a demand resolved later is still open in
# them (the generator's default, 办结日期 up to 10 days past the month, would give every twelfth row a
# notice for a 办结日期 after the month).
gen=(python3 scripts/gen_demands.py --seeds seeds --export-lag 0)
history_months=(2025-10 2025-11 2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09)

# The schema migrations of a database (one per line), by Python's sqlite3.
migrations() {
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print("\n".join(r[0] for r in c.execute("SELECT identifier FROM grdb_migrations ORDER BY identifier")))' "$1"
}

# Sets late=(--late-from F ... --late-count N ... --late-open N ...) for late rows of the (up to) three
# files before place $2 of the list $3...: 0.5 %, 1 % and 3 % of $1 (oldest first), one in seven of
# them still open.
late_args() {
  local h=$1 k=$2 j count
  shift 2
  local files=("$@") from=() counts=() opens=()
  for j in 3 2 1; do
    [ $((k - j)) -ge 0 ] || continue
    # About a quarter of a month is open when it is exported at its end; most of it is answered within
    # three months (20 % of the month's volume in the next month, 3 % and 1 % in the two after, a
    # seventh of each re-exported as still open), so a few % stay open for longer, as a county's
    # backlog does.
    case $j in 3) count=$((h / 100)) ;; 2) count=$((h * 3 / 100)) ;; 1) count=$((h * 20 / 100)) ;; esac
    from+=(--late-from "${files[k - j]}")
    counts+=(--late-count "$count")
    opens+=(--late-open $((count / 7)))
  done
  late=("${from[@]}" "${counts[@]}" "${opens[@]}")
}

# Builds (or reuses) BENCH_DIR/history-N: the 12 months' inputs and history.sqlite.
build_history() {
  local n=$1 h=$2 dir="$work/history-$1"
  local stamp files=() k m
  stamp="$(md5sum scripts/gen_demands.py | cut -c1-32) h=$h late=20/3/1"
  mkdir -p "$dir"
  if [ -f "$dir/history.sqlite" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ]; then
    # the binary's schema: the migrations of a tiny database it makes now
    rm -f "$work/probe.sqlite"
    "${gen[@]}" --month 2025-01 --rows 3 --seed 1 --out "$work/probe.csv"
    "$bin" ingest --month 2025-01 --seeds seeds --db "$work/probe.sqlite" "$work/probe.csv" >/dev/null 2>&1
    local same=0
    [ "$(migrations "$work/probe.sqlite")" = "$(migrations "$dir/history.sqlite")" ] && same=1
    rm -f "$work"/probe.*
    [ "$same" = 0 ] || return 0
    echo "history-$n: the binary's schema changed; building the history again" >&2
  fi
  rm -f "$dir"/*.csv "$dir"/*.sqlite* "$dir/stamp"
  echo "history-$n: generating and ingesting 12 months of $h demands (not timed)" >&2
  for k in "${!history_months[@]}"; do
    m="${history_months[k]}"
    files+=("$dir/$m.csv")
    late_args "$h" "$k" "${files[@]}"
    "${gen[@]}" --month "$m" --rows "$h" --seed $((1000 + k)) --bad-rows $((h / 5000 + 1)) \
      ${late[@]+"${late[@]}"} --out "$dir/$m.csv"
    "$bin" ingest --month "$m" --seeds seeds --db "$dir/build.sqlite" "$dir/$m.csv" >/dev/null 2>"$dir/ingest-$m.log"
  done
  mv "$dir/build.sqlite" "$dir/history.sqlite"
  rm -f "$dir/build.sqlite.lock"
  echo "$stamp" >"$dir/stamp"
}

for n in "${sizes[@]}"; do
  utf8="$work/month-$n-utf8.csv" gbk="$work/month-$n-gb18030.csv"
  first=$((n * 4 / 5)) second=$((n - n * 4 / 5))
  if [ "$history" = 0 ] && [ ! -f "$utf8" ]; then
    "${gen[@]}" --month 2026-10 --rows "$first" --seed 1 --bad-rows $((first / 5000 + 1)) --planted-share 0.003 --out "$utf8"
  fi
  if [ ! -f "$gbk" ]; then
    "${gen[@]}" --month 2026-10 --rows "$second" --seed 2 \
      --start-id $((first + 1)) --bad-rows $((second / 5000 + 1)) --bad-start 3 --encoding gb18030 --out "$gbk"
  fi
  ws="$work/ws-$n"; rm -rf "$ws"; mkdir -p "$ws"
  if [ "$history" = 1 ]; then
    h=$((n / 10 > 2000 ? n / 10 : 2000))
    build_history "$n" "$h"
    hist="$work/history-$n"
    utf8="$work/month-$n-late-utf8.csv"
    if [ ! -f "$utf8" ] || [ "$utf8" -ot "$hist/history.sqlite" ]; then
      hfiles=()
      for m in "${history_months[@]}"; do hfiles+=("$hist/$m.csv"); done
      late_args "$h" 12 "${hfiles[@]}"
      "${gen[@]}" --month 2026-10 --rows "$first" --seed 1 --bad-rows $((first / 5000 + 1)) --planted-share 0.003 \
        "${late[@]}" --out "$utf8"
    fi
    cp "$hist/history.sqlite" "$ws/minqing.sqlite"
    # On disk before the clock starts, as a county's database would be (the copy's dirty pages would
    # otherwise be written back during the timed run).
    sync
    read -r hdemands hlate < <(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*) FROM demand").fetchone()[0], c.execute("SELECT count(*) FROM late_update").fetchone()[0])' "$ws/minqing.sqlite")
    hmb=$(python3 -c 'import os, sys; print(f"{os.path.getsize(sys.argv[1]) / 1e6:.1f}")' "$ws/minqing.sqlite")
  fi
  /usr/bin/time -f '%e %M' -o "$ws/time" "$bin" run --log-level debug --month 2026-10 --seeds seeds \
    --db "$ws/minqing.sqlite" --out "$ws/reports" "$utf8" "$gbk" >"$ws/stdout" 2>"$ws/stderr"
  read -r wall kb <"$ws/time"
  printf '\n== %s demands (%s MB of CSV)\n' "$n" "$(du -cm "$utf8" "$gbk" | tail -1 | cut -f1)"
  if [ "$history" = 1 ]; then
    printf 'history: 12 months 2025-10 … 2026-09 of %s demands each: %s demands, %s late updates, %s MB database; the month carries %s late rows\n' \
      "$h" "$hdemands" "$hlate" "$hmb" "$(python3 -c 'import csv, sys
rows = csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))
next(rows)
n = 0
for row in rows:  # the late rows come first, before the month'"'"'s own (JL202610…)
    if row[0].startswith("JL202610"):
        break
    n += 1
print(n)' "$utf8")"
  else
    printf 'history: none (--no-history)\n'
  fi
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
